"""The site's per-page work as plain functions any engine can call.

``site_hooks.py`` (MkDocs and ProperDocs) calls these from its events; another
engine calls them from its own (a Python-Markdown preprocessor for
``page_markdown``, a post-processor for ``page_html``). Nothing here imports a
site generator: a page is its path under ``docs/``, its URL, its Markdown and
its front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks import blocks, checklists, data, freshness, frontmatter, glossary, navigation, progress, state
from hooks.keyboard import keyboard_reachable
from hooks.problems import Problem


@dataclass(frozen=True)
class Source:
    """One page as the engine lists it: path under docs/, URL, its Markdown file, the title the nav gives it."""

    src: str
    url: str
    path: Path
    nav_title: str = ""


def start_build() -> state.BuildState:
    """Load and validate the data once per build (raises data.DataError with every problem)."""
    st = state.reset()
    site = data.load_all()
    st.data = site
    st.abbreviations = glossary.abbreviations(site.glossary.values(), site.never_mark)
    return st


def _first_heading(markdown_text: str) -> str | None:
    for line in markdown_text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


@dataclass
class Checklists:
    """What the pages' checklists say, read before any page renders."""

    lessons: list[checklists.Lesson] = field(default_factory=list)
    steps: dict[int, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def manifest(self) -> dict[str, Any]:
        return checklists.manifest(self.lessons, self.steps)


def read_checklists(pages: Iterable[Source], registry: Path = checklists.REGISTRY) -> Checklists:
    """Every page's checklist, checked: where it may be, ids unique, ids registered in ``registry``.

    ``pages`` in navigation order: lessons keep it. A step overview gives its
    step's title, URL, promise and artefact; a checklist belongs only in a lesson
    under ``docs/steps/NN-slug/``. Every problem names the file and its line.
    """
    out = Checklists()
    for page in pages:
        src = page.src
        body, meta, first = frontmatter.split_numbered(page.path.read_text(encoding="utf-8"))
        title = str(meta.get("title") or _first_heading(body) or page.nav_title or src)
        number = checklists.step_of(src)
        items, found = checklists.parse(body, src, first)
        out.problems += found
        if number is None:
            if items:
                out.problems.append(
                    Problem(f"docs/{src}", "has a checklist but is not a lesson under docs/steps/NN-slug/")
                )
        elif src.endswith("/index.md"):
            out.steps[number] = {
                "title": title,
                "url": page.url,
                "promise": str(meta.get("promise", "")),
                "artefact": str(meta.get("artefact", "")),
            }
            if items:
                out.problems.append(
                    Problem(
                        f"docs/{src}", "a step overview has no checklist of its own; put checklist items in its lessons"
                    )
                )
        else:
            out.lessons.append(checklists.Lesson(title, page.url, src, number, meta, items))
    all_items = [i for lesson in out.lessons for i in lesson.items]
    out.problems += checklists.duplicate_problems(all_items)
    known, reg_problems = checklists.load_registry(registry)
    out.problems += reg_problems or checklists.registry_problems(all_items, known)
    return out


def collect(pages: Iterable[Source]) -> list[Problem]:
    """:func:`read_checklists`, kept in this build's state for the macros when there is no problem."""
    found = read_checklists(pages)
    if not found.problems:
        st = state.current()
        st.lessons, st.steps, st.manifest = found.lessons, found.steps, found.manifest
    return found.problems


def page_url(src: str) -> str:
    """The URL a page gets with directory URLs (MkDocs' default): ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def step_sources(docs_dir: Path) -> list[Source]:
    """Every step overview and lesson under docs/steps/, in navigation order, without an engine's nav."""
    out = []
    for index in sorted(docs_dir.glob("steps/*/index.md")):
        src = index.relative_to(docs_dir).as_posix()
        for page in (src, *navigation.lesson_files(docs_dir, src)):
            out.append(Source(page, page_url(page), docs_dir / page))
    return out


def page_markdown(markdown: str, src: str, meta: Mapping[str, Any]) -> str:
    """A page's Markdown after macros, before Markdown: checklists, lesson header and footer, glossary tooltips."""
    out = checklists.render(markdown)
    st = state.current()
    if meta.get("time"):
        position = progress.lesson_position(st.lessons, src)
        out = progress.lesson_header(
            out,
            str(meta["time"]),
            checklists.count_items(markdown),
            position=position,
            checked=freshness.sources_checked(markdown),
        )
        out += progress.lesson_footer(st.lessons, src, st.steps)
    tooltips = glossary.definitions_for(markdown, st.abbreviations)
    if tooltips:
        out += "\n\n" + tooltips + "\n"
    return out


def page_html(html: str, title: str = "Table") -> str:
    """A page's HTML after Markdown: the HTML blocks macros wrote, decoded from their comments
    (``hooks/blocks.py``), then tables and glossary terms made keyboard-reachable (``hooks/keyboard.py``)."""
    return keyboard_reachable(blocks.restore(html), title)
