"""MkDocs hooks: thin adapters from MkDocs events to the plain functions in ``hooks/``.

* ``on_config``: load and validate the data files once per build.
* ``on_nav``: read every page's checklists before any page renders, check ids
  against each other and the registry, and keep the manifest.
* ``on_page_markdown``: turn checklist items into labelled checkboxes, add the
  lesson header, macro footnotes and glossary tooltips.
* ``on_page_content``: put back the HTML blocks macros stashed (``hooks/blocks.py``).
* ``on_post_page``: write the site's own links as ``//host/path`` addresses
  (``hooks/links.py``), so Material's instant loading has none to rewrite.
* ``on_post_build``: write the manifest (``assets/checklists.json``), the sharing
  image, comment-stripped copies of our CSS and JavaScript, and Material's
  palette stylesheet and bundle without two things that restyle the whole page
  at start-up (``hooks/theme_patches.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urljoin

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from hooks import (  # noqa: E402
    blocks,
    checklists,
    csp,
    data,
    glossary,
    links,
    minify,
    navigation,
    progress,
    social,
    state,
    theme_patches,
)

MANIFEST_URI = "assets/checklists.json"
SOCIAL_URI = "assets/images/social.png"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.repo_url:
        # No repository configured (REPO_URL unset): no edit links either.
        config.edit_uri = None
    if config.nav:
        config.nav = navigation.expand(config.nav, Path(config.docs_dir))
    state.reset()
    try:
        site = data.load_all()
    except data.DataError as err:
        raise PluginError(str(err)) from None
    st = state.current()
    st.data = site
    st.abbreviations = glossary.abbreviations(site.glossary.values(), site.never_mark)
    return config


def _first_heading(markdown_text: str) -> str | None:
    for line in markdown_text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    lessons: list[checklists.Lesson] = []
    steps: dict[int, dict[str, str]] = {}
    problems: list[data.Problem] = []
    for page in nav.pages:
        src = page.file.src_uri
        source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
        body, meta = get_data(source)
        title = str(meta.get("title") or _first_heading(body) or page.title or src)
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
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise PluginError(f"{len(problems)} checklist problem(s):\n{lines}")
    st = state.current()
    st.lessons = lessons
    st.steps = steps
    st.manifest = checklists.manifest(lessons, steps)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    out = checklists.render(markdown)
    if page.meta.get("time"):
        out = progress.lesson_header(out, str(page.meta["time"]), checklists.count_items(markdown))
    st = state.current()
    notes = st.footnotes.get(src, {})
    if notes:
        out += "\n\n" + "\n".join(f"[^{key}]: {text}" for key, text in notes.items()) + "\n"
    tooltips = glossary.definitions_for(markdown, st.abbreviations)
    if tooltips:
        out += "\n\n" + tooltips + "\n"
    return out


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    stored = state.current().blocks.pop(page.file.src_uri, None)
    return blocks.restore(html, stored) if stored else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    try:
        return links.host_relative(output, urljoin(config.site_url or "", page.url))
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def _write_if_changed(target: Path, content: bytes) -> None:
    """Rewrite a generated file only when it changes (no rebuild loop under serve)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != content:
        target.write_bytes(content)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    manifest = json.dumps(state.current().manifest, indent=1, ensure_ascii=False)
    _write_if_changed(site / MANIFEST_URI, manifest.encode("utf-8"))
    _write_if_changed(site / SOCIAL_URI, social.card_png())
    for folder, strip in (("assets/css", minify.css), ("assets/js", minify.js)):
        for path in (Path(config.docs_dir) / folder).glob("*.*s"):
            _write_if_changed(site / folder / path.name, strip(path.read_text(encoding="utf-8")).encode("utf-8"))
    try:
        assets = theme_patches.patched(list(config.theme.dirs))
    except theme_patches.ThemeChanged as error:
        raise PluginError(str(error)) from error
    for relative, text in assets:
        _write_if_changed(site / relative, text.encode("utf-8"))
    csp.apply_to_site(site)  # last: hash each page's inline scripts as served (hooks/csp.py)
