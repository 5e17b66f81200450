"""One page of each type in the dark scheme, header, sidebar and footer included: no axe violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.walk import PAGE_TYPES, all_pages, walk

pytestmark = pytest.mark.browser


def test_every_page_type_in_the_dark_scheme(browser, server, site_dir: Path) -> None:
    missing = [p for p in PAGE_TYPES if p not in all_pages(site_dir)]
    assert missing == [], "a page type moved: update PAGE_TYPES"
    problems = walk(browser, server.url, PAGE_TYPES, 1280, "dark", chrome=True)[0]
    problems += walk(browser, server.url, PAGE_TYPES[:8], 360, "dark", chrome=True)[0]
    assert problems == [], "\n".join(problems)


def test_every_page_type_in_the_light_scheme_with_header_and_sidebar(browser, server, site_dir: Path) -> None:
    problems = walk(browser, server.url, PAGE_TYPES, 1280, chrome=True)[0]
    problems += walk(browser, server.url, PAGE_TYPES[:8], 360, chrome=True)[0]
    assert problems == [], "\n".join(problems)
