"""Screenshots for reviewers: home, a lesson, the certifications and the question bank,
at 360 and 1280 px, in the light and the dark scheme.

Taken only when PTP_SCREENSHOTS names a folder (CI sets test-results/screenshots and
uploads it as an artifact), so a reviewer can look at the design without building.
Each picture must be a real, non-blank page: the test fails on an empty capture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.helpers import open_page
from tests.browser.walk import reader_context

pytestmark = pytest.mark.browser

OUT = os.environ.get("PTP_SCREENSHOTS", "")
PAGES = {
    "home": "",
    "lesson": "steps/04-build-a-portfolio/02-write-a-case-study/",
    "certifications": "certifications/",
    "question-bank": "question-bank/",
}


@pytest.mark.skipif(not OUT, reason="set PTP_SCREENSHOTS=<folder> to take the screenshots")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots(browser, server, width: int, scheme: str) -> None:
    folder = Path(OUT)
    folder.mkdir(parents=True, exist_ok=True)
    context = reader_context(browser, width, scheme)
    page = context.new_page()
    for name, path in PAGES.items():
        open_page(page, server.url, path)
        page.evaluate("document.fonts.ready")
        target = folder / f"{name}-{width}-{scheme}.png"
        if name in ("certifications", "question-bank"):  # the catalogue itself, not its introduction
            page.locator("table.ptp-data").first.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.evaluate("window.scrollBy(0, -120)")
            page.wait_for_timeout(500)  # the header's title finishes its cross-fade
        page.screenshot(path=str(target), full_page=name in ("home", "lesson"))
        assert target.stat().st_size > 10_000, target
    context.close()
