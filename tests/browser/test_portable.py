"""The built folder works wherever it is served: another port, and under a sub-path.

Built once with mkdocs.yml's default address (``http://127.0.0.1:8000/``, as a
contributor or the CI artifact builds it), then served as is from two other
places: the root of a random port, and ``/preview/`` on another one. From each,
a reader gets styles and scripts, follows a link without leaving that address,
ticks an item that survives a reload, and finds a lesson with search; the
browser asks nothing of any other origin (not the default address either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import open_page
from tests.conftest import ROOT, SiteServer, build_site

pytestmark = pytest.mark.browser

DEFAULT_ADDRESS = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("default-address-site")
    done = build_site(ROOT, out, None)
    assert done.returncode == 0, f"strict build failed:\n{done.stdout}\n{done.stderr}"
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (out / "index.html").read_text(encoding="utf-8"))
    assert canonical and canonical.group(1) == DEFAULT_ADDRESS, "not built with the default site_url"
    return out


@pytest.fixture(scope="module", params=["/", "/preview/"], ids=["other-port", "sub-path"])
def elsewhere(request: pytest.FixtureRequest, default_build: Path) -> Iterator[SiteServer]:
    srv = SiteServer(default_build, request.param)
    assert not srv.url.startswith(DEFAULT_ADDRESS)
    yield srv
    srv.close()


@pytest.fixture
def requests_seen(context) -> list[str]:
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    return seen


def outside(base: str, urls: list[str]) -> list[str]:
    """Requests that leave the address the site is served at (data: and blob: URLs stay in the page)."""
    return [u for u in urls if not u.startswith(base) and urlsplit(u).scheme not in ("data", "blob")]


def test_styles_and_scripts_load_from_where_the_site_is_served(page, elsewhere, requests_seen) -> None:
    open_page(page, elsewhere.url, "steps/01-understand-the-role/")
    sheets = page.evaluate("() => [...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert any(re.search(r"/assets/stylesheets/main\.[0-9a-f]+\.min\.css$", s) for s in sheets), sheets
    assert all(s.startswith(elsewhere.url) for s in sheets), sheets
    # Material's stylesheet applied: the header is sticky, not an unstyled block.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src).filter(Boolean)")
    assert scripts and all(s.startswith(elsewhere.url) for s in scripts), scripts
    page.wait_for_selector("html.ptp-js")
    assert outside(elsewhere.url, requests_seen) == []


def test_a_link_click_stays_on_that_address(page, elsewhere, requests_seen, first_lesson) -> None:
    open_page(page, elsewhere.url, first_lesson["url"])
    page.locator(".md-nav--primary a.md-nav__link", has_text="Start here").first.click()
    page.wait_for_url(elsewhere.url + "start-here/")
    following = page.locator("a.md-footer__link--next")
    target = following.evaluate("a => a.href")  # whichever page follows Start here in the nav
    assert target.startswith(elsewhere.url) and target != elsewhere.url + "start-here/", target
    following.click()
    page.wait_for_url(target)
    page.wait_for_selector("article h1")
    assert outside(elsewhere.url, requests_seen) == []


def test_a_tick_saves_and_survives_a_reload(page, elsewhere, requests_seen, first_lesson) -> None:
    open_page(page, elsewhere.url, first_lesson["url"])
    box = page.locator("input[data-check-id]").first
    box.click()
    item = box.get_attribute("data-check-id")
    page.reload()
    page.wait_for_function("() => !!window.document$")
    assert page.locator(f"input[data-check-id='{item}']").is_checked()
    assert item in page.evaluate("() => JSON.stringify(Object.assign({}, localStorage))")
    assert outside(elsewhere.url, requests_seen) == []


def test_search_finds_a_lesson_on_that_address(page, elsewhere, requests_seen) -> None:
    open_page(page, elsewhere.url)
    page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("artefact")
    page.locator(".md-search-result__item a").first.wait_for()
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any(h.startswith(elsewhere.url + "steps/") for h in hrefs), hrefs[:5]
    assert all(h.startswith(elsewhere.url) for h in hrefs), hrefs[:5]
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(elsewhere.url)
    assert outside(elsewhere.url, requests_seen) == []


def test_the_footers_contribute_link_reaches_the_contributing_page(page, elsewhere, requests_seen) -> None:
    """From a lesson two folders down, the footer's link stays on this address and its path."""
    open_page(page, elsewhere.url, "steps/08-interviews/08-execution-questions/")
    footer = page.get_by_role("navigation", name="Help improve the guide")
    footer.get_by_role("link", name="Contribute").click()
    page.wait_for_url(elsewhere.url + "contributing/")
    assert page.locator("article h1").first.is_visible()
    assert outside(elsewhere.url, requests_seen) == []
