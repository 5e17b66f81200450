"""Findability: a reader who searches in their own words lands on the right section.

Each case is (what the reader types, the pages or sections that answer it). The
test types the words into the site's search box, as a reader does, and checks
that one of the expected targets is among the first three results shown. Other
helpers add their readers' words by appending to FINDABLE.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser

# (query, targets): a target is a site path, optionally with a #section; a
# result matches when its path equals the target's path and, if the target
# names a section, its fragment equals that section.
FINDABLE: list[tuple[str, tuple[str, ...]]] = [
    (
        "visa",
        (
            "steps/10-advanced-education/05-if-you-need-a-visa/",
            "questions/#i-need-a-visa-can-i-still-get-a-pm-job-abroad",
        ),
    ),
    (
        "layoff",
        (
            "steps/01-understand-the-role/06-the-market-and-your-odds/#layoffs-what-laid-off-pms-mean-for-your-odds",
            "questions/#there-are-layoffs-everywhere-should-i-wait",
        ),
    ),
    ("mentor", ("questions/#how-do-i-find-a-mentor",)),
    ("FAANG", ("questions/#startup-or-big-tech-faang-for-a-first-pm-job",)),
    (
        "generalist",
        (
            "steps/01-understand-the-role/07-switching-mid-career/#generalist-or-specialist-what-a-pm-is-a-specialist-in",
            "questions/#is-product-management-a-generalist-job-what-is-a-pm-a-specialist-in",
        ),
    ),
    (
        "NDA",
        (
            "questions/#my-work-is-under-an-nda-what-can-i-show",
            "steps/04-build-a-portfolio/02-write-a-case-study/#handling-work-under-a-non-disclosure-agreement",
        ),
    ),
    (
        "how many applications",
        (
            "questions/#how-many-applications-is-normal",
            "job-search/#how-long-a-job-search-takes-and-how-many-applications-is-normal",
        ),
    ),
]


def first_results(page, query: str, n: int = 3) -> list[str]:
    """The first n result links the reader sees for the query, as site paths with fragments."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill(query)
    links = page.locator(".md-search-result__list a.md-search-result__link")
    links.first.wait_for()
    hrefs = links.evaluate_all("els => els.map(e => e.href)")
    return hrefs[:n]


def site_path(href: str, base: str) -> tuple[str, str]:
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(base).path) :]
    return path, parts.fragment


def matches(href: str, target: str, base: str) -> bool:
    path, fragment = site_path(href, base)
    want_path, _, want_fragment = target.partition("#")
    return path == want_path and (not want_fragment or fragment == want_fragment)


@pytest.mark.parametrize(("query", "targets"), FINDABLE, ids=[q for q, _ in FINDABLE])
def test_search_puts_the_right_section_in_the_first_three(page, server, query, targets) -> None:
    open_page(page, server.url)
    page.wait_for_load_state("networkidle")
    top = first_results(page, query)
    assert any(matches(href, t, server.url) for href in top for t in targets), (
        f"search for {query!r}: first three results were {top}, expected one of {list(targets)}"
    )


def test_the_matcher_tells_a_section_from_its_page() -> None:
    base = "http://127.0.0.1:8000/sub/"
    assert matches(base + "questions/#how-do-i-find-a-mentor", "questions/#how-do-i-find-a-mentor", base)
    assert not matches(base + "questions/", "questions/#how-do-i-find-a-mentor", base)
    assert matches(base + "job-search/#find-mock-interview-partners", "job-search/", base)
    assert not matches(base + "glossary/#mentor", "questions/", base)
