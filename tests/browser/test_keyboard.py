"""Keyboard: a lesson's print button, edit link and checklist come in a sensible order, each with a visible focus ring."""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser

WHAT = """() => { const el = document.activeElement; if (!el) return null;
  const s = getComputedStyle(el); const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return { kind: el.matches('[data-ptp-print]') ? 'print' : el.matches('a[rel=edit]') ? 'edit' : el.matches('input[data-check-id]') ? 'checkbox' : 'other', ring }; }"""


def test_tab_order_reaches_print_edit_and_checklist_with_a_focus_ring(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    order: list[str] = []
    for _ in range(600):
        page.keyboard.press("Tab")
        seen = page.evaluate(WHAT)
        if seen and seen["kind"] != "other" and seen["kind"] not in order:
            assert seen["ring"], f"no visible focus ring on the {seen['kind']}"
            order.append(seen["kind"])
        if order[-1:] == ["checkbox"]:
            break
    assert order == ["print", "edit", "checkbox"]
