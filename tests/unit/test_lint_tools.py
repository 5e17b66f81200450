"""The JavaScript and CSS linter is pinned: tools/lint installs exactly one Biome, with integrity hashes."""

from __future__ import annotations

import json
from pathlib import Path

LINT = Path(__file__).resolve().parents[2] / "tools" / "lint"


def test_biome_is_pinned_to_one_exact_version_with_hashes() -> None:
    wanted = json.loads((LINT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["@biomejs/biome"]
    assert wanted[0].isdigit(), "an exact version, not a range"
    lock = json.loads((LINT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert lock["node_modules/@biomejs/biome"]["version"] == wanted
    biome = {k: v for k, v in lock.items() if k.startswith("node_modules/@biomejs/")}
    assert all(v["integrity"].startswith("sha512-") for v in biome.values())


def test_the_lint_covers_every_script_and_stylesheet_and_turns_off_only_explained_rules() -> None:
    config = json.loads((LINT / "biome.json").read_text(encoding="utf-8"))
    assert config["files"]["includes"] == ["docs/assets/js/**/*.js", "docs/assets/css/**/*.css"]
    off = {name for group in config["linter"]["rules"].values() if isinstance(group, dict) for name in group}
    readme = (LINT / "README.md").read_text(encoding="utf-8")
    assert off and all(f"`{name}`" in readme for name in off)
