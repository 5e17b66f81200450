"""The workflows run in the image Dependabot watches (.github/ci-image/Dockerfile)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_every_workflow_container_is_the_watched_image() -> None:
    dockerfile = (ROOT / ".github/ci-image/Dockerfile").read_text(encoding="utf-8")
    image = re.search(r"^FROM\s+(\S+)", dockerfile, re.M).group(1)
    found = {}
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        for name, job in (yaml.safe_load(path.read_text(encoding="utf-8")).get("jobs") or {}).items():
            container = job.get("container")
            if container:
                found[f"{path.name}:{name}"] = container["image"] if isinstance(container, dict) else container
    assert found, "no workflow runs in a container any more: remove this test and the Dockerfile"
    assert all(v == image for v in found.values()), f"expected {image} everywhere: {found}"
