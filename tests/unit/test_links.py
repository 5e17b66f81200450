"""The build writes the site's own addresses as //host/path, and leaves everything else as it was."""

from __future__ import annotations

import html
from urllib.parse import urljoin

import pytest

from hooks import links

PAGE = "https://example.org/path-to-pm/steps/01-understand-the-role/"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("../../assets/css/site.css", "//example.org/path-to-pm/assets/css/site.css"),
        ("02-lesson/", "//example.org/path-to-pm/steps/01-understand-the-role/02-lesson/"),
        ("#what-you-will-do", "//example.org/path-to-pm/steps/01-understand-the-role/#what-you-will-do"),
        ("../../glossary/?q=mvp&amp;h=1#mvp", "//example.org/path-to-pm/glossary/?q=mvp&amp;h=1#mvp"),
        ("/path-to-pm/", "//example.org/path-to-pm/"),
    ],
)
def test_relative_addresses_become_host_relative(written: str, expected: str) -> None:
    assert links.host_relative(f'<a class="x" href="{written}">a</a>', PAGE) == f'<a class="x" href="{expected}">a</a>'


@pytest.mark.parametrize(
    "written",
    ["https://www.scrum.org/", "//example.org/x/", "mailto:hello@example.org", "data:image/png;base64,AA", ""],
)
def test_addresses_with_a_scheme_a_host_or_nothing_are_left_alone(written: str) -> None:
    tag = f'<a href="{written}">a</a>'
    assert links.host_relative(tag, PAGE) == tag


def test_scripts_images_and_links_in_the_head_are_rewritten_too() -> None:
    page = '<link rel="stylesheet" href="../../x.css"><script defer src="../../b.js"></script><img alt="" src="i.png">'
    assert links.host_relative(page, PAGE) == (
        '<link rel="stylesheet" href="//example.org/path-to-pm/x.css">'
        '<script defer src="//example.org/path-to-pm/b.js"></script>'
        '<img alt="" src="//example.org/path-to-pm/steps/01-understand-the-role/i.png">'
    )


def test_text_that_only_looks_like_an_attribute_is_not_touched() -> None:
    page = '<p>Write <code>&lt;a href="page/"&gt;</code> and href="x" in prose.</p>'
    assert links.host_relative(page, PAGE) == page


def test_a_page_address_without_a_host_is_refused() -> None:
    with pytest.raises(ValueError, match="site_url"):
        links.host_relative('<a href="x/">a</a>', "/path-to-pm/")


@pytest.mark.parametrize(
    "written",
    [
        "./",
        ".",
        "..",
        "../",
        "/.",
        "/a/../b/",
        "x",
        "x/y/../z/",
        "../../a/b.css?v=1",
        "?q=1",
        "?q=1#f",
        "a/#f",
        "../x/?a=1&amp;b=2#f",
    ],
)
def test_joining_agrees_with_urljoin(written: str) -> None:
    expected = urljoin(PAGE, html.unescape(written))
    rewritten = links.host_relative(f'<a href="{written}">a</a>', PAGE)
    assert html.unescape(rewritten) == f'<a href="{expected.removeprefix("https:")}">a</a>'
