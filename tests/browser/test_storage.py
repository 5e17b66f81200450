"""Progress storage under stress: a full quota, two tabs at once, blocked storage, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.helpers import open_page
from tests.browser.test_checklists import tick
from tests.conftest import BASE_PATH

pytestmark = pytest.mark.browser

KEY = "path-to-pm:progress:" + BASE_PATH
BLOCK_STORAGE = """
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, { get() { throw new DOMException('denied', 'SecurityError'); } });
}
"""
# Another project site of the same github.io owner fills the shared quota.
FILL_QUOTA = """() => {
  let n = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = 'x'.repeat(size);
    try { for (;;) localStorage.setItem('/other-site/:' + n++, chunk); } catch (e) { /* next, smaller */ }
  }
  try { localStorage.setItem('/other-site/:probe', 'x'); return false; } catch (e) { return true; }
}"""


def counted(page) -> str:
    return page.locator(".ptp-checklist__count").first.inner_text()


def test_full_storage_still_shows_saved_ticks_and_says_new_ones_cannot_be_saved(browser, server, first_lesson) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        open_page(page, server.url, first_lesson["url"])
        saved = [tick(page, 0), tick(page, 1)]
        assert page.evaluate(FILL_QUOTA), "the quota could not be filled"
        page.reload()
        page.wait_for_function("() => !!window.document$")
        for item in saved:
            assert page.locator(f"input[data-check-id='{item}']").is_checked()
        assert counted(page).startswith("2 of ")
        assert "storage for this site is full" in page.locator(".ptp-notice").inner_text()
        tick(page, 2)
        assert counted(page).startswith("3 of "), "the new tick shows for this visit"
        stored = json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))
        assert sorted(stored["ticks"]) == sorted(saved), "what was saved is intact"
    finally:
        context.close()


def test_two_tabs_ticking_in_the_same_millisecond_keep_both_ticks(browser, server, first_lesson) -> None:
    context = browser.new_context()
    try:
        tabs = [context.new_page(), context.new_page()]
        for tab in tabs:
            open_page(tab, server.url, first_lesson["url"])
        at = tabs[0].evaluate("() => Date.now() + 500")
        ids = []
        for n, tab in enumerate(tabs):
            ids.append(tab.locator("input[data-check-id]").nth(n).get_attribute("data-check-id"))
            tab.evaluate(
                """([at, n]) => setTimeout(() => {
                  const box = document.querySelectorAll('input[data-check-id]')[n];
                  box.checked = true;
                  box.dispatchEvent(new Event('change', { bubbles: true }));
                }, at - Date.now())""",
                [at, n],
            )
        tabs[0].wait_for_timeout(1500)
        stored = json.loads(tabs[0].evaluate("k => localStorage.getItem(k)", KEY))
        assert sorted(stored["ticks"]) == sorted(ids), "one tab's tick was lost"
        for tab in tabs:
            for item in ids:
                assert tab.locator(f"input[data-check-id='{item}']").is_checked()
            assert counted(tab).startswith("2 of ")
    finally:
        context.close()


def test_blocked_storage_keeps_the_colours_and_the_toggle(browser, server, first_lesson) -> None:
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(BLOCK_STORAGE)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(f"{e.message} {e.stack}"))
        open_page(page, server.url, first_lesson["url"])
        scheme = lambda: page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
        assert scheme() == "slate", "the reader's dark scheme was painted"
        assert page.evaluate("() => document.body.dataset.mdColorPrimary") == "custom"
        seen = {scheme()}
        for _ in range(3):
            page.locator("form[data-md-component=palette] label:visible").first.click()
            seen.add(scheme())
        assert {"default", "slate"} <= seen, "the toggle switches schemes"
        assert "only for this visit" in page.locator(".ptp-notice").inner_text()
        tick(page)
        assert counted(page).startswith("1 of ")
        # Material's palette and our scripts must not throw (its repository widget's
        # sessionStorage read is not ours and not on the path of colours or ticks).
        assert [e for e in errors if "__md_get" in e or "palette" in e or "/assets/js/" in e] == [], errors
    finally:
        context.close()


@pytest.mark.parametrize(
    "version",
    [{"toString": 1}, {"toString": None, "valueOf": None}, "<img src=x onerror=alert(1)>", 2.5],
    ids=["toString-number", "no-toString", "markup", "fraction"],
)
def test_an_import_with_a_hostile_version_says_so_clearly(page, server, tmp_path: Path, version: object) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(e.message))
    open_page(page, server.url, "progress/")
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "path-to-pm/progress", "version": version, "ticks": {}}))
    page.locator("[data-ptp-tools] input[type=file]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('[data-ptp-tools-status]').textContent.length > 0")
    message = page.locator("[data-ptp-tools-status]").inner_text()
    assert "cannot read. Nothing was changed." in message, message
    assert "<img" not in page.locator("[data-ptp-tools-status]").inner_html()
    assert errors == []


@pytest.mark.parametrize(
    ("last_page", "shown"),
    [
        ("https://evil.example/phish/", False),
        ("//evil.example/phish/", False),
        ("/\\evil.example/", False),
        ("javascript:alert(1)//", False),
        ("../../../elsewhere/", False),
        ("steps/01-understand-the-role/", True),
    ],
    ids=["absolute", "protocol-relative", "backslash", "javascript", "dot-dot", "a-page-of-this-site"],
)
def test_the_continue_link_only_goes_to_a_page_of_this_site(
    browser, server, first_lesson, last_page: str, shown: bool
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        open_page(page, server.url)
        item = first_lesson["items"][0]["id"]
        data = {"format": "path-to-pm/progress", "version": 1, "ticks": {item: "2026-12-01T10:00:00Z"}}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps({**data, "lastPage": last_page})])
        page.reload()
        page.wait_for_function("() => !!window.document$")
        link = page.locator("[data-ptp-continue-link]")
        href = link.evaluate("a => a.href")
        if shown:
            assert link.is_visible() and href == server.url + last_page
        else:
            assert not link.is_visible() or href.startswith(server.url), href
            assert "evil.example" not in href and not href.startswith("javascript:")
    finally:
        context.close()


def test_a_reset_in_another_tab_is_not_undone_by_this_tab(browser, server, first_lesson) -> None:
    context = browser.new_context()
    try:
        here, there = context.new_page(), context.new_page()
        open_page(here, server.url, first_lesson["url"])
        tick(here, 0)
        open_page(there, server.url, "progress/")
        here.wait_for_timeout(3500)  # the tick is long written; a later reset elsewhere must win
        there.evaluate(
            "k => localStorage.setItem(k, JSON.stringify({format: 'path-to-pm/progress', version: 1, ticks: {}}))",
            KEY,
        )
        here.wait_for_timeout(500)
        assert json.loads(here.evaluate("k => localStorage.getItem(k)", KEY))["ticks"] == {}
        assert counted(here).startswith("0 of ")
    finally:
        context.close()
