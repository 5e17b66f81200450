"""The site's per-page work as plain functions any engine can call.

``site_hooks.py`` (MkDocs and ProperDocs) calls these from its events; another
engine calls them from its own (a Python-Markdown preprocessor for
``page_markdown``, a post-processor for ``page_html``). Nothing here imports a
site generator: a page is its path under ``docs/``, its URL, its Markdown and
its front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks import blocks, checklists, data, frontmatter, glossary, navigation, progress, state


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


def collect(pages: Iterable[Source]) -> list[data.Problem]:
    """Read every page's checklists before any page renders; keep lessons, steps and the manifest.

    ``pages`` in navigation order. Returns the problems (ids duplicated, not
    registered, or checklists where they do not belong); the state is only
    filled when there are none.
    """
    lessons: list[checklists.Lesson] = []
    steps: dict[int, dict[str, str]] = {}
    problems: list[data.Problem] = []
    for page in pages:
        src = page.src
        body, meta = frontmatter.read(page.path)
        title = str(meta.get("title") or _first_heading(body) or page.nav_title or src)
        number = checklists.step_of(src)
        items, found = checklists.parse(body, src)
        problems += found
        if number is None:
            if items:
                problems.append(
                    data.Problem(f"docs/{src}", "has a checklist but is not a lesson under docs/steps/NN-slug/")
                )
            continue
        if src.endswith("/index.md"):
            steps[number] = {
                "title": title,
                "url": page.url,
                "promise": str(meta.get("promise", "")),
                "artefact": str(meta.get("artefact", "")),
            }
            if items:
                problems.append(
                    data.Problem(
                        f"docs/{src}", "a step overview has no checklist of its own; put checklist items in its lessons"
                    )
                )
            continue
        lessons.append(checklists.Lesson(title, page.url, src, number, meta, items))
    all_items = [i for lesson in lessons for i in lesson.items]
    problems += checklists.duplicate_problems(all_items)
    registry, reg_problems = checklists.load_registry()
    problems += reg_problems or checklists.registry_problems(all_items, registry)
    if not problems:
        st = state.current()
        st.lessons = lessons
        st.steps = steps
        st.manifest = checklists.manifest(lessons, steps)
    return problems


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
    """A page's Markdown after macros, before Markdown: checklists, lesson header, macro footnotes, tooltips."""
    out = checklists.render(markdown)
    if meta.get("time"):
        out = progress.lesson_header(out, str(meta["time"]), checklists.count_items(markdown))
    st = state.current()
    notes = st.footnotes.get(src, {})
    if notes:
        out += "\n\n" + "\n".join(f"[^{key}]: {text}" for key, text in notes.items()) + "\n"
    tooltips = glossary.definitions_for(markdown, st.abbreviations)
    if tooltips:
        out += "\n\n" + tooltips + "\n"
    return out


def page_html(html: str, src: str) -> str:
    """A page's HTML after Markdown: put back the HTML blocks macros stashed (``hooks/blocks.py``)."""
    stored = state.current().blocks.pop(src, None)
    return blocks.restore(html, stored) if stored else html
