"""Small helpers the browser tests share."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()


def open_page(page: Any, base: str, path: str = "") -> None:
    page.goto(base + path)
    page.wait_for_load_state("load")
    page.wait_for_function("() => !!window.document$")


def axe_violations(page: Any) -> list[str]:
    """Every axe violation at any impact level, as 'rule: target' lines."""
    result = _AXE.run(page)
    out = []
    for v in result.response["violations"]:
        for node in v["nodes"]:
            out.append(f"{v['id']} ({v['impact']}): {node['target']}")
    return out
