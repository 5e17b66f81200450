"""Every page at 1280 px in the light scheme: no axe violation, no word broken mid-word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.walk import all_pages, walk

pytestmark = pytest.mark.browser


def test_every_page_at_1280_px(browser, server, site_dir: Path) -> None:
    pages = all_pages(site_dir)
    assert len(pages) > 60
    problems, took = walk(browser, server.url, pages, 1280)
    print(f"{len(pages)} pages at 1280 px in {took:.0f} s")
    assert problems == [], "\n".join(problems)
