"""Contributor text never runs in a reader's browser.

One hostile build: payloads go into data entries that pages really use (the
CSPO certification that step 6 lesson 2 quotes through ``cert()``, and PSPO I's
exam, a resource a lesson lists, a question in the bank, and the glossary term
whose tooltip appears on a lesson). The built HTML is parsed: no element, no
event-handler attribute, no ``javascript:``/``data:`` link and no image from
another host came from the payloads, and each payload is visible as text. Then
Chromium opens the affected pages, hovers and focuses every tooltip, and the
test fails on any dialog, any element the payloads made, and any request to
another host.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from bench.engines import VisibleText
from tests.conftest import SiteServer, build_site, copy_project

A = "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) ![t](https://tracker.example/p.png)"
B = "*e*{: onmouseover=alert(4) } [d](data:text/html,alert) {{ 7*7 }} [^1] a|b\nsecond <svg onload=alert(5)>"
SHORT = "<img src=x onerror=alert(6)>*e*{: onclick=alert(7)}|{{1}}"
TIP = "<img src=x onerror=alert(11)> "
SOURCE = "https://evil.example/a)b*c*[d](e)"
CSPO_LESSON = "steps/06-certifications/02-cspo-or-pspo/"


def visible(payload: str) -> str:
    """What a reader should see: the payload as text, on one line."""
    return " ".join(payload.split())


class _Page(VisibleText):
    """The page's text without scripts and styles (bench/engines.py's parser), and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    @property
    def text(self) -> list[str]:
        return self.parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        super().handle_starttag(tag, attrs)


def parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _write(path: Path, entry: dict) -> None:
    path.write_text(yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def plant(project: Path) -> dict[str, str]:
    """Write the payloads into data that pages use; return the pages they land on."""
    d = project / "data"
    cspo = _load(d / "certifications/cspo.yml")
    cspo.update(name="CSPO " + A, issuer=B, prerequisites=A + " " + B, who_for=A + " " + B)
    cspo["cost"]["covers"] = B + " " + A
    cspo["renewal"]["credits"] = A
    cspo["cost"]["not_published"] = "Ask " + SHORT
    if isinstance(cspo["sources"][0], dict):  # {url, kind}
        cspo["sources"][0]["url"] = SOURCE
    else:
        cspo["sources"][0] = SOURCE
    _write(d / "certifications/cspo.yml", cspo)
    pspo = _load(d / "certifications/pspo-1.yml")
    pspo.setdefault("exam", {})["pass_mark"] = SHORT
    _write(d / "certifications/pspo-1.yml", pspo)

    # A resource a lesson lists with {{ resources(...) }}.
    lesson_file, res_id = next(
        (path, m.group(1))
        for path in sorted((project / "docs/steps").rglob("*.md"))
        for m in [re.search(r'\{\{ resources\("([a-z0-9-]+)"', path.read_text(encoding="utf-8"))]
        if m
    )
    res = _load(d / f"resources/{res_id}.yml")
    res.update(title="Res " + A, author=B, why=A + " " + B)
    _write(d / f"resources/{res_id}.yml", res)

    question_path = sorted((d / "questions").glob("*.yml"))[0]
    question = _load(question_path)
    question["question"] = "Why " + A + " " + B
    question["covers"][0] = B
    _write(question_path, question)

    # The first glossary abbreviation that a lesson uses: its tooltip appears there.
    glossary = _load(d / "glossary.yml")
    tip_lesson = term = None
    for entry in glossary["terms"]:
        abbr = entry.get("abbreviation")
        if not abbr or abbr in glossary["never_mark"]:
            continue
        for path in sorted((project / "docs/steps").rglob("[0-9][0-9]-*.md")):
            if re.search(rf"\b{re.escape(abbr)}\b", path.read_text(encoding="utf-8")):
                tip_lesson, term = path, entry
                break
        if term:
            break
    assert term and tip_lesson, "no lesson uses a glossary abbreviation"
    term["definition"] = TIP + A + " " + B + " " + term["definition"]
    term["definition"] = term["definition"][:320]
    _write(d / "glossary.yml", glossary)

    def url(path: Path) -> str:
        return path.relative_to(project / "docs").with_suffix("").as_posix() + "/"

    return {
        "cert lesson": CSPO_LESSON,
        "resource lesson": url(lesson_file),
        "tooltip lesson": url(tip_lesson),
        "certifications": "certifications/",
        "resources": "resources/",
        "question bank": "question-bank/",
        "glossary": "glossary/",
        "resource id": res_id,
        "abbreviation": term["abbreviation"],
        "pspo lesson": CSPO_LESSON,
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    pages = plant(project)
    server = SiteServer(root)
    out = root / "site"
    done = build_site(project, out, server.url)
    assert done.returncode == 0, done.stderr[-3000:]
    server.root = out
    yield server, out, pages
    server.close()


PAGES = ("cert lesson", "resource lesson", "tooltip lesson", "certifications", "resources", "question bank", "glossary")


def test_every_payload_is_text_and_makes_no_markup(hostile: tuple[SiteServer, Path, dict[str, str]]) -> None:
    _, out, pages = hostile
    for name in PAGES:
        page = parse(out / pages[name] / "index.html")
        for tag, attrs in page.tags:
            handlers = [k for k in attrs if k.startswith("on")]
            assert not handlers, f"{name}: <{tag}> has {handlers}"
            assert tag not in ("svg",) or "onload" not in str(attrs), name
            if tag == "img":
                assert attrs.get("src") not in ("x",) and "tracker.example" not in attrs.get("src", ""), (name, attrs)
            for key in ("href", "src", "action", "formaction"):
                value = attrs.get(key, "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), (name, tag, attrs)
        if name == "tooltip lesson":
            continue  # its payload is in the tooltip: test_the_tooltip_title_is_plain_text
        text = " ".join("".join(page.text).split())
        assert visible(A) in text or visible(B) in text, f"{name}: the payload is not shown as text"
        assert "{{ 7*7 }}" in text or "{{1}}" in text, f"{name}: Jinja ran"


def test_each_sink_shows_the_exact_text(hostile: tuple[SiteServer, Path, dict[str, str]]) -> None:
    _, out, pages = hostile
    lesson = " ".join("".join(parse(out / CSPO_LESSON / "index.html").text).split())
    for value in (A + " " + B, B + " " + A, A):  # prerequisites, covers, renewal credits
        assert visible(value) in lesson
    assert visible(SHORT) in lesson, "PSPO I's pass mark"
    assert visible("Ask " + SHORT) in lesson, "CSPO's cost note"
    # The footnote links to the source, whole, and its label is text.
    links = [
        a for t, a in parse(out / CSPO_LESSON / "index.html").tags if t == "a" and "evil.example" in a.get("href", "")
    ]
    assert links and all(a["href"] == SOURCE for a in links), links
    assert visible(f"{B}: CSPO {A}, checked") in lesson
    # A | or newline in a value does not add cells to a row.
    table = (out / "resources/index.html").read_text(encoding="utf-8")
    row = re.search(rf'<tr id="res-{pages["resource id"]}"[^>]*>(.*?)</tr>', table, re.S)
    assert row and len(re.findall(r"<td[ >]", row.group(1))) == 6, "the | or the newline broke the table"


def test_the_tooltip_title_is_plain_text(hostile: tuple[SiteServer, Path, dict[str, str]]) -> None:
    _, out, pages = hostile
    titles = [
        a["title"]
        for t, a in parse(out / pages["tooltip lesson"] / "index.html").tags
        if t == "abbr" and "alert(11)" in a.get("title", "")
    ]
    assert titles, "the hostile definition is not on the lesson"
    for title in titles:
        # Material puts the title into the page with innerHTML: nothing in it may parse as markup.
        assert not set(title) & set("<>&"), title
        assert "\uff1cimg src=x onerror=alert(11)\uff1e" in title


def test_chromium_runs_nothing_and_fetches_nothing_elsewhere(
    hostile: tuple[SiteServer, Path, dict[str, str]], browser: object
) -> None:
    server, _, pages = hostile
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    dialogs: list[str] = []
    elsewhere: list[str] = []
    here = urlsplit(server.url).netloc

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if urlsplit(url).netloc != here:
            elsewhere.append(url)
            r.abort()  # type: ignore[attr-defined]
        else:
            r.continue_()  # type: ignore[attr-defined]

    ctx.route("**/*", route)
    hovered = 0
    try:
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for name in PAGES:
            page.goto(server.url + pages[name])
            page.wait_for_load_state("load")
            page.wait_for_function("() => !!window.document$")
            hostile_abbrs = page.locator("abbr[title*='alert(11)']")
            for n in range(min(hostile_abbrs.count(), 3)):
                abbr = hostile_abbrs.nth(n)
                abbr.scroll_into_view_if_needed()
                abbr.hover()
                page.wait_for_selector(".md-tooltip2--active", timeout=5_000)
                tip = page.locator(".md-tooltip2--active").last
                assert "alert(11)" in tip.inner_text(), "the hovered tooltip shows the definition as text"
                assert tip.locator("img, svg, script").count() == 0, tip.inner_html()
                hovered += 1
                page.mouse.move(0, 0)
                abbr.focus()
            made = page.evaluate(
                "() => [...document.querySelectorAll('img[src=\"x\"], svg[onload], [onerror], [onmouseover], [onclick]')].length"
            )
            assert made == 0, f"{name}: the payload made elements"
            page.wait_for_timeout(300)
        # The search index holds the same text: its results must show it as text too.
        page.keyboard.press("/")
        page.locator("input[data-md-component=search-query]").fill("onerror")
        page.wait_for_selector(".md-search-result__item", timeout=30_000)  # the index loads in a worker
        page.wait_for_timeout(300)
        results = page.locator(".md-search-result")
        assert "onerror" in results.inner_text()
        assert results.locator("img, svg[onload], script").count() == 0, results.inner_html()[:500]
    finally:
        ctx.close()
    assert hovered, f"no tooltip of {pages['abbreviation']} was hovered"
    assert dialogs == [], f"script ran: {dialogs}"
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"


def test_payload_strings_really_are_hostile() -> None:
    """A guard on the test itself: rendered unescaped, each payload would make markup."""
    assert re.search(r"<(script|img|svg)", html.unescape(A + B + SHORT + TIP))
