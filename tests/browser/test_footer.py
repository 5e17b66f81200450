"""The footer's own links: Contribute and Report a problem, on every page, in both schemes, not on paper.

(That the Contribute link works from a sub-folder of a site served under a
sub-path is in test_portable.py, which serves a build elsewhere.)
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.helpers import open_page
from tests.browser.walk import reader_context
from tests.conftest import TEST_REPO_URL

pytestmark = pytest.mark.browser

LESSON = "steps/08-interviews/08-execution-questions/"


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (360, "dark")])
def test_the_footer_links_are_readable_named_targets(browser, server, width, scheme) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = reader_context(browser, width, scheme)
    page = context.new_page()
    open_page(page, server.url, LESSON)
    links = page.get_by_role("navigation", name="Help improve the guide").get_by_role("link")
    assert links.all_inner_texts() == ["Contribute", "Report a problem"]
    for link in links.all():
        link.scroll_into_view_if_needed()
        assert link.is_visible()
        box = link.bounding_box()
        assert box and box["height"] >= 24, (link.inner_text(), box)
    result = Axe().run(page, context={"include": [[".md-footer"]]})
    context.close()
    assert [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]] == []


def test_report_a_problem_opens_the_issue_form_with_the_page_filled_in(page, server) -> None:
    open_page(page, server.url, LESSON)
    href = page.get_by_role("link", name="Report a problem").get_attribute("href")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == TEST_REPO_URL + "/issues/new"
    query = parse_qs(url.query)
    assert query["template"] == ["broken-link.yml"]  # .github/ISSUE_TEMPLATE/broken-link.yml
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert query["page"] == [canonical]  # the form's "page" field, by its id


def test_the_footer_links_stay_off_paper(page, server) -> None:
    open_page(page, server.url, LESSON)
    page.emulate_media(media="print")
    links = page.locator(".ptp-footer-links a")
    assert links.count() == 2
    assert [link.is_visible() for link in links.all()] == [False, False]
