"""MkDocs 1.6 and ProperDocs build the same site: same pages, text, checklist ids and tables.

Both are installed side by side by the dev lock (ProperDocs is the module
``properdocs``; it maps ``mkdocs.*`` imports to itself only inside its own
process). In an environment with only one of them, this test is skipped.
The session's own build (``site_dir``, made by ``PTP_BUILD``'s engine) is one
side; only the other engine builds here.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from bench.engines import compare, snapshot
from tests.conftest import ROOT, build_site

ENGINES = ("mkdocs", "properdocs")


@pytest.mark.skipif(
    not all(importlib.util.find_spec(e) for e in ENGINES), reason="needs both MkDocs and ProperDocs installed"
)
def test_mkdocs_and_properdocs_builds_agree(site_dir: Path, site_url: str, tmp_path: Path) -> None:
    ours = "properdocs" if "properdocs" in os.environ.get("PTP_BUILD", "") else "mkdocs"
    other = ENGINES[1 - ENGINES.index(ours)]
    out = tmp_path / other
    done = build_site(ROOT, out, site_url, PTP_BUILD=f"{sys.executable} -m {other}")
    assert done.returncode == 0, f"{other} strict build failed:\n{done.stdout}\n{done.stderr}"
    sites = {ours: site_dir, other: out}
    first = snapshot(sites["mkdocs"])
    assert len(first.pages) > 50
    assert sum(len(p.check_ids) for p in first.pages.values()) > 100
    assert sum(len(p.tables) for p in first.pages.values()) > 5
    differences = compare(sites["mkdocs"], sites["properdocs"])
    assert {kind: found for kind, found in differences.items() if found} == {}
