"""No page type reports a Content-Security-Policy violation while a reader uses it."""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_page
from tests.browser.walk import PAGE_TYPES

pytestmark = pytest.mark.browser

LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_no_page_type_reports_a_violation(browser, server, first_lesson) -> None:
    context = browser.new_context()
    context.add_init_script(LISTEN)
    console: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        # Every page type the walks cover (404 among them), the lesson the reader uses below,
        # and the lesson whose table quotes certification facts.
        pages = [*PAGE_TYPES, first_lesson["url"], "steps/06-certifications/02-cspo-or-pspo/"]
        for path in pages:
            open_page(page, server.url, path)
            if path == first_lesson["url"]:
                page.locator("input[data-check-id]").first.click()
                abbr = page.locator("article abbr[title]").first
                if abbr.count():
                    abbr.hover()
                page.locator("form[data-md-component=palette] label:visible").first.click()
            page.wait_for_timeout(200)
            violations = page.evaluate("() => window.__csp")
            assert violations == [], f"{path or 'home'}: {violations}"
        # Search (its worker and index) and following a result.
        open_page(page, server.url, first_lesson["url"])
        page.keyboard.press("/")
        page.locator("input[data-md-component=search-query]").fill("resume")
        page.wait_for_selector(".md-search-result__item", timeout=30_000)  # the index loads in a worker
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__csp") == []
    finally:
        context.close()
    assert console == [], console
