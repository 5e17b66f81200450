"""The site in a real browser: it loads from this host only, navigates, switches scheme and passes axe."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import axe_violations, open_page

pytestmark = pytest.mark.browser


def test_pages_request_only_this_host_and_log_no_errors(page, server) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in ("", "steps/01-understand-the-role/", "glossary/"):
        open_page(page, server.url, path)
        page.wait_for_load_state("networkidle")
    foreign = [u for u in requests if not u.startswith(server.url) and not u.startswith(("data:", "blob:"))]
    assert foreign == []
    assert errors == []


def test_a_step_is_reached_from_the_home_page(page, server) -> None:
    open_page(page, server.url)
    page.get_by_role("link", name=re.compile("Understand the role")).first.click()
    page.wait_for_url(re.compile(r"steps/01-understand-the-role/$"))
    page.wait_for_selector("h1:has-text('Understand the role')")


def test_the_scheme_toggle_switches_to_dark_and_back(page, server) -> None:
    open_page(page, server.url)
    scheme = lambda: page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    seen = {scheme()}
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.add(scheme())
    assert {"default", "slate"} <= seen
    while scheme() != "slate":
        page.locator("form[data-md-component=palette] label:visible").first.click()
    # Colors may fade for a moment (hooks/theme_patches.py), so wait for the page to settle dark.
    page.wait_for_function(
        "() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).reduce((s, x) => s + +x, 0) < 200",
        timeout=2000,
    )


@pytest.mark.parametrize(("scheme", "expected"), [("light", "default"), ("dark", "slate")])
def test_a_first_visit_paints_in_the_readers_scheme_before_any_script_file_runs(
    browser, server, scheme: str, expected: str
) -> None:
    """No flash of the template's light-and-indigo colors: overrides/partials/javascripts/palette.html."""
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.route(re.compile(r"\.js$"), lambda route: route.abort())
        page.goto(server.url + "steps/01-understand-the-role/")
        body = page.evaluate(
            "() => [document.body.dataset.mdColorScheme, document.body.dataset.mdColorPrimary, !!window.document$]"
        )
        assert body == [expected, "custom", False]
        # The toggle shown is the one for the automatic scheme (the first option), as the bundle would show it.
        assert page.locator("form[data-md-component=palette] label:visible").count() == 1
        assert page.locator("form[data-md-component=palette] label:visible").get_attribute("for") == "__palette_1"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "steps/01-understand-the-role/",
        "certifications/",
        "resources/",
        "checklists/",
        "progress/",
        "glossary/",
        "start-here/",
    ],
)
def test_axe_finds_nothing(browser, server, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_page(page, server.url, path)
        assert axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["checklists/", "progress/", "steps/01-understand-the-role/01-a-week-in-the-life/"])
def test_nothing_in_the_page_moves_while_it_starts(page, server, path: str) -> None:
    """Controls our scripts reveal (print, export and import) have their room from the first paint.

    Only the header may still move, by a pixel or so: when the browser paints the header before
    it has parsed Material's search box, the scheme toggle moves aside as the box arrives.
    """
    open_page(page, server.url, path)
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate(
        """() => new Promise(done => {
            new PerformanceObserver((list, observer) => {
                observer.disconnect();
                done(list.getEntries().filter(e => !e.hadRecentInput).flatMap(e => e.sources
                    .filter(s => !(s.node && s.node.nodeType === 1 && s.node.closest('.md-header')))
                    .map(s => [e.value, s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 120) : String(s.node)])));
            }).observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done([]), 1000);
        })"""
    )
    assert shifts == []


@pytest.mark.parametrize("path", ["checklists/", "steps/01-understand-the-role/01-a-week-in-the-life/"])
def test_the_root_classes_are_final_before_the_body_is_parsed(page, server, path: str) -> None:
    """Material's start-up finds <html> with the classes it would set (overrides/main.html).

    Each change to <html>'s class after the first paint makes Chromium restyle every element.
    """
    page.add_init_script(
        """window.__rootClass = [];
        new MutationObserver(records => {
            for (const r of records) if (r.target === document.documentElement)
                window.__rootClass.push([r.oldValue || "", Boolean(document.body)]);
        }).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true});"""
    )
    open_page(page, server.url, path)
    page.wait_for_load_state("networkidle")
    final = page.evaluate("() => document.documentElement.className").split()
    assert {"js", "js-focus-visible", "ptp-js"} <= set(final) and "no-js" not in final
    changes = page.evaluate("() => window.__rootClass")
    assert any(not in_body for _, in_body in changes), "the observer saw no change at all"
    late = [old for old, in_body in changes if in_body and set(old.split()) != set(final)]
    assert late == [], f"<html> class changed after the body was parsed, from: {late}"


def test_materials_start_up_adds_no_second_color_scheme_meta(page, server) -> None:
    """hooks/theme_patches.py: the browser reads only the first color-scheme meta (ours, in
    overrides/main.html), and each one Material added made it restyle the whole page."""
    open_page(page, server.url, "glossary/")
    page.wait_for_load_state("networkidle")
    metas = page.evaluate("() => [...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
    assert metas == ["light dark"]
    # The palette component itself still ran: it writes the header's color for the browser's toolbar.
    assert re.fullmatch(r"#[0-9a-f]{6}", page.locator("meta[name=theme-color]").get_attribute("content") or "")
