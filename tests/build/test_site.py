"""The built site: structure, metadata, addresses, and no request to another host."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from hooks import theme_patches
from tests.conftest import TEST_REPO_URL


class PageParser(HTMLParser):
    """Collects headings, meta tags and every attribute that loads something."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.loads: list[str] = []
        self.links: list[tuple[str, str]] = []  # (rel, href)
        self.anchors: list[tuple[str, str]] = []  # (class, href)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "title":
            self._in_title = True
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a.get("property", "")] = a.get("content", "")
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "input") and a.get("src"):
            self.loads.append(a["src"])
        if a.get("srcset"):
            self.loads += [part.strip().split(" ")[0] for part in a["srcset"].split(",")]
        if tag == "link":
            self.links.append((a.get("rel", ""), a.get("href", "")))
        if tag == "a":
            self.anchors.append((a.get("class", ""), a.get("href", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" or p.parent == site)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def content_pages(site: Path) -> list[Path]:
    return [p for p in pages(site) if p.name == "index.html"]


def site_path(site_url: str, page: str, href: str) -> str | None:
    """Where a link on ``page`` points, as a path inside the site; None if elsewhere."""
    target = urljoin(site_url + page, href)
    return target[len(site_url) :] if target.startswith(site_url) else None


def test_every_page_has_one_h1_and_no_skipped_heading_level(site_dir: Path) -> None:
    problems = []
    for path in content_pages(site_dir):
        heads = parse(path).headings
        if heads.count(1) != 1:
            problems.append(f"{path.relative_to(site_dir)}: {heads.count(1)} h1")
        for before, after in itertools.pairwise(heads):
            if after > before + 1:
                problems.append(f"{path.relative_to(site_dir)}: h{before} then h{after}")
                break
    assert problems == []


def test_every_page_has_its_own_title_and_description(site_dir: Path) -> None:
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    problems = []
    for path in content_pages(site_dir):
        p = parse(path)
        name = str(path.relative_to(site_dir))
        desc = p.meta.get("description", "")
        if not desc or len(desc) > 160:
            problems.append(f"{name}: description of {len(desc)} characters")
        if p.title in titles:
            problems.append(f"{name}: same title as {titles[p.title]}")
        if desc in descriptions:
            problems.append(f"{name}: same description as {descriptions[desc]}")
        titles[p.title] = name
        descriptions[desc] = name
    assert problems == []


LOADING_RELS = {"stylesheet", "preconnect", "preload", "modulepreload", "icon", "dns-prefetch", "prefetch", "manifest"}


def test_no_page_loads_anything_from_another_host(site_dir: Path, site_url: str) -> None:
    """Nothing is loaded by a full address, not even site_url's own host: served at another
    address (a port, a preview, a mirror), such a load would go to another host."""

    def elsewhere(url: str) -> bool:
        return urlsplit(url.strip()).netloc != ""

    found = []
    for path in pages(site_dir):
        p = parse(path)
        for url in p.loads:
            if elsewhere(url):
                found.append(f"{path.relative_to(site_dir)}: loads {url}")
        for rel, href in p.links:
            if set(rel.split()) & LOADING_RELS and elsewhere(href):
                found.append(f"{path.relative_to(site_dir)}: <link rel={rel}> {href}")
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if elsewhere(url):
                found.append(f"{css.relative_to(site_dir)}: url({url})")
    assert found == []


def test_absolute_addresses_derive_from_site_url_and_repo_url(site_dir: Path, site_url: str) -> None:
    problems = []
    for path in content_pages(site_dir):
        p = parse(path)
        for rel, href in p.links:
            if rel == "canonical" and not href.startswith(site_url):
                problems.append(f"{path.relative_to(site_dir)}: canonical {href}")
        for cls, href in p.anchors:
            if ("md-source" in cls or "md-content__button" in cls) and href and not href.startswith(TEST_REPO_URL):
                problems.append(f"{path.relative_to(site_dir)}: {cls} {href}")
        for key, value in p.meta.items():
            if key in ("og:url", "og:image", "twitter:image") and not value.startswith(site_url):
                problems.append(f"{path.relative_to(site_dir)}: {key} {value}")
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(site_url) for loc in locs)
    assert problems == []


def test_lesson_pages_have_an_edit_link_to_the_repository(site_dir: Path) -> None:
    html = (site_dir / "start-here" / "index.html").read_text(encoding="utf-8")
    assert f'href="{TEST_REPO_URL}/edit/main/docs/start-here.md"' in html


def test_the_repository_link_never_asks_githubs_api(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in html
    assert f'href="{TEST_REPO_URL}"' in html


def test_the_search_dialog_has_a_name(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'role="dialog" aria-label="[^"]+"', html)


def test_the_manifest_lists_every_checklist_item_once(site_dir: Path, manifest: dict) -> None:
    ids = [i["id"] for s in manifest["steps"] for lesson in s["lessons"] for i in lesson["items"]]
    assert len(ids) == len(set(ids))
    assert [s["number"] for s in manifest["steps"]] == list(range(1, 11))
    in_pages = set()
    for path in (site_dir / "steps").rglob("index.html"):
        in_pages |= set(re.findall(r'data-check-id="([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    assert in_pages == set(ids)


@pytest.mark.parametrize("page", ["certifications", "resources"])
def test_catalogues_are_generated_tables_in_labelled_regions(site_dir: Path, page: str) -> None:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="ptp-table" role="region" aria-label="[^"]+" tabindex="0" data-ptp-filter=', html)
    rows = re.findall(r"<tr id=\"(cert|res)-", html)
    data_dir = (
        Path(__file__).resolve().parents[2] / "data" / ("certifications" if page == "certifications" else "resources")
    )
    assert len(rows) == len(list(data_dir.glob("*.yml")))


def test_each_step_page_ends_with_its_resources_grouped_by_type(site_dir: Path) -> None:
    for n, path in enumerate(sorted((site_dir / "steps").glob("[0-9][0-9]-*/index.html")), start=1):
        html = path.read_text(encoding="utf-8")
        assert 'id="resources-for-this-step"' in html, path
        tail = html[html.index('id="resources-for-this-step"') :]
        assert re.search(
            r"<h3[^>]*>(Books|Courses|Guides|Articles|Videos|Podcasts|Newsletters|Communities|Associations|Events|Tools|Templates)",
            tail,
        ), path
        assert 'aria-label="' in tail and f"for step {n}" in tail


def test_the_checklist_manifest_is_not_published(site_dir: Path) -> None:
    # Readers' scripts never fetch it: the progress and printable pages are rendered from it at build time.
    assert not (site_dir / "assets" / "checklists.json").exists()
    assert not list((site_dir / "assets" / "js").glob("*.json"))


def test_the_question_bank_lists_every_question_with_its_lesson(site_dir: Path) -> None:
    html = (site_dir / "question-bank" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr (?=[^>]*id="q-)[^>]*data-type="([a-z-]+)"', html)
    data_dir = Path(__file__).resolve().parents[2] / "data" / "questions"
    assert len(rows) == len(list(data_dir.glob("*.yml"))) >= 80
    assert set(rows) == {
        "screening",
        "behavioral",
        "product-sense",
        "strategy",
        "execution",
        "metrics",
        "estimation",
        "technical",
    }
    assert html.count('<details class="ptp-answer"') >= 10
    assert len(re.findall(r'href="[^"]*/steps/08-interviews/', html)) >= len(rows)


def test_every_page_has_sharing_metadata_with_a_built_image(site_dir: Path, site_url: str) -> None:
    image = site_dir / "assets" / "images" / "social.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for path in content_pages(site_dir):
        meta = parse(path).meta
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image"):
            assert meta.get(key), f"{path.relative_to(site_dir)} has no {key}"
        assert meta["og:image"] == site_url + "assets/images/social.png"
        assert meta["twitter:card"] == "summary_large_image"


def test_every_page_has_a_canonical_url_and_the_sitemap_lists_it(site_dir: Path, site_url: str) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for path in content_pages(site_dir):
        canonical = [href for rel, href in parse(path).links if rel == "canonical"]
        assert len(canonical) == 1 and canonical[0].startswith(site_url), path
        assert f"<loc>{canonical[0]}</loc>" in sitemap, canonical[0]


def test_the_404_page_helps_the_reader_on(site_dir: Path, site_url: str) -> None:
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "This page is not here" in html
    base = urlsplit(site_url).path  # served at any depth: the site's path, on whatever host the reader is
    for target in ("", "start-here/", "progress/"):
        assert f'href="{base}{target}"' in html


def test_template_downloads_exist_in_the_built_site(site_dir: Path, site_url: str) -> None:
    pages = sorted((site_dir / "templates").glob("[0-9][0-9]-*/index.html"))
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        link = re.search(r'<a download="([^"]+\.md)" href="([^"]+\.md\.txt)"', html) or re.search(
            r'<a href="([^"]+\.md\.txt)" download="([^"]+\.md)"', html
        )
        assert link, f"{page} has no download link"
        href = link.group(2) if link.group(2).endswith(".txt") else link.group(1)
        inside = site_path(site_url, page.parent.relative_to(site_dir).as_posix() + "/", href)
        assert inside, href
        target = site_dir / inside
        assert target.is_file() and target.read_text(encoding="utf-8").startswith("*Path to PM template:"), target
        assert "ptp-template__blank" in html and "ptp-template__example" in html


def test_a_lesson_sidebar_lists_every_step_and_its_own_lessons_only(site_dir: Path, site_url: str) -> None:
    """navigation.prune: the sidebar keeps the way to every step, and leaves other steps' lessons out of the page."""
    page = "steps/03-gain-experience/01-internships-and-apm-programs/"
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') : html.index('<div class="md-content"')]
    targets = {site_path(site_url, page, h) for h in re.findall(r'href="([^"#]*)"', nav)} - {None}
    steps = {f"steps/{p.parent.name}/" for p in (site_dir / "steps").glob("*/index.html")}
    own = {
        f"steps/03-gain-experience/{p.name}/"
        for p in (site_dir / "steps" / "03-gain-experience").iterdir()
        if p.is_dir()
    }
    lessons = len(list((Path(__file__).resolve().parents[2] / "docs/steps/03-gain-experience").glob("[0-9][0-9]-*.md")))
    assert len(steps) == 10 and len(own) == lessons >= 5
    assert steps <= targets
    assert own <= targets
    assert {t for t in targets if re.match(r"steps/\d\d-[^/]+/\d\d-", t)} == own


def test_every_script_file_is_deferred_and_keeps_its_order(site_dir: Path) -> None:
    """The first paint need not wait for Material's bundle or ours; the bundle still runs before progress.js."""
    for path in content_pages(site_dir):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        assert tags, path
        assert all(re.search(r"\sdefer[\s>]", tag) for tag in tags), (path, tags)
        names = [re.search(r'src="[^"]*/([^/"]+)"', tag).group(1) for tag in tags]  # type: ignore[union-attr]
        assert re.fullmatch(r"bundle\.[0-9a-f]+\.min\.js", names[0]) and names[1] == "progress.js", (path, names)


def test_materials_palette_css_and_bundle_are_built_without_the_two_start_up_restyles(site_dir: Path) -> None:
    """hooks/theme_patches.py: page loads skip full restyles; the rest of Material's assets is intact."""
    theme = Path(material.__file__).parent / "templates"
    _, css = theme_patches.theme_file([str(theme)], theme_patches.PALETTE_CSS)
    built_css = (site_dir / css).read_text(encoding="utf-8")
    assert "data-md-color-switching" not in built_css
    assert built_css == (theme / css).read_text(encoding="utf-8").replace(theme_patches.RULE, "")

    _, js = theme_patches.theme_file([str(theme)], theme_patches.BUNDLE_JS)
    original, built_js = (theme / js).read_bytes(), (site_dir / js).read_bytes()
    assert len(built_js) == len(original), "Material's source map no longer lines up"
    changed = [n for n, (a, b) in enumerate(zip(original, built_js, strict=True)) if a != b]
    blanked = original[changed[0] : changed[-1] + 1]
    assert re.fullmatch(rb"document\.head\.appendChild\(\w+\);", blanked), blanked
    assert set(built_js[changed[0] : changed[-1] + 1]) == {ord(" ")}


def test_every_page_links_to_the_site_and_its_assets_relatively(site_dir: Path, site_url: str) -> None:
    """The built folder works at any address: only the canonical link names the site's own host."""
    host = urlsplit(site_url).netloc
    for path in content_pages(site_dir):
        text = path.read_text(encoding="utf-8")
        tags = re.findall(r'<[a-zA-Z][^<>]*?\s(?:href|src)="[^"]*"[^<>]*>', text)
        own = [
            tag
            for tag in tags
            if re.search(r'\s(?:href|src)="(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//' + re.escape(host), tag)
            and 'rel="canonical"' not in tag
        ]
        assert own == [], (path, own[:3])
        parser = parse(path)
        stylesheets = [href for rel, href in parser.links if rel == "stylesheet"]
        assert stylesheets and all(not urlsplit(h).netloc and not h.startswith("/") for h in stylesheets), path
        assert parser.loads and all(not urlsplit(s).netloc and not s.startswith("/") for s in parser.loads), path
