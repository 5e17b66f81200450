"""MkDocs 1.6 and ProperDocs build the same site: same pages, text, checklist ids, tables and manifest.

Both are installed side by side by the dev lock (ProperDocs is the module
``properdocs``; it maps ``mkdocs.*`` imports to itself only inside its own
process). In an environment with only one of them, this test is skipped.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bench.engines import compare, snapshot
from tests.conftest import ROOT, build_site

ENGINES = ("mkdocs", "properdocs")


@pytest.mark.skipif(
    not all(importlib.util.find_spec(e) for e in ENGINES), reason="needs both MkDocs and ProperDocs installed"
)
def test_mkdocs_and_properdocs_builds_agree(tmp_path: Path) -> None:
    sites = {}
    for engine in ENGINES:
        out = tmp_path / engine
        done = build_site(ROOT, out, "http://127.0.0.1:8000/path-to-pm/", PTP_BUILD=f"{sys.executable} -m {engine}")
        assert done.returncode == 0, f"{engine} strict build failed:\n{done.stdout}\n{done.stderr}"
        sites[engine] = out
    first = snapshot(sites["mkdocs"])
    assert len(first.pages) > 50 and first.manifest
    assert sum(len(p.check_ids) for p in first.pages.values()) > 100
    assert sum(len(p.tables) for p in first.pages.values()) > 5
    differences = compare(sites["mkdocs"], sites["properdocs"])
    assert {kind: found for kind, found in differences.items() if found} == {}
