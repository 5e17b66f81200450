"""The footer's links (overrides/partials/footer-links.html) with and without a known repository."""

from __future__ import annotations

from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[2]


def render(repo_url: str | None, canonical: str | None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    env.filters["url"] = lambda path: "../../" + path  # MkDocs' filter: relative to the page
    page = {"canonical_url": canonical} if canonical else None
    return env.get_template("partials/footer-links.html").render(config={"repo_url": repo_url}, page=page)


def test_without_a_repository_there_is_only_the_contribute_link() -> None:
    html = render(None, "https://example.org/guide/steps/")
    assert '<a href="../../contributing/">Contribute</a>' in html
    assert "Report a problem" not in html and "issues/new" not in html


def test_with_a_repository_the_report_link_opens_its_issue_form_for_this_page() -> None:
    html = render("https://github.com/o/r", "https://example.org/guide/a b/")
    assert (
        '<a href="https://github.com/o/r/issues/new?template=broken-link.yml&amp;page='
        'https%3A//example.org/guide/a%20b/">Report a problem</a>'
    ) in html


def test_a_page_without_an_address_still_gets_the_form() -> None:
    html = render("https://github.com/o/r", None)
    assert '<a href="https://github.com/o/r/issues/new?template=broken-link.yml">Report a problem</a>' in html
