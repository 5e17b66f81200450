"""MkDocs (and ProperDocs) hooks: thin adapters from the engine's events to plain functions.

The work itself is engine-neutral: ``hooks/pages.py`` (per page) and
``hooks/postbuild.py`` (end of build, also ``python -m hooks.postbuild site/``).
This is the only module besides the macros adapter that imports the engine.

* ``on_config``: load and validate the data files once per build.
* ``on_nav``: read every page's checklists before any page renders, check ids
  against each other and the registry, and keep the manifest.
* ``on_page_markdown``: checklist items become labelled checkboxes; the lesson
  header and glossary tooltips are added.
* ``on_page_content``: decode the HTML blocks macros wrote (``hooks/blocks.py``).
* ``on_post_build``: our minified assets, the theme patches, the trimmed
  search index and the Content-Security-Policy hashes.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from hooks import data, navigation, pages, postbuild  # noqa: E402
from hooks.problems import report  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.repo_url:
        # No repository configured (REPO_URL unset): no edit links either.
        config.edit_uri = None
    if config.nav:
        config.nav = navigation.expand(config.nav, Path(config.docs_dir))
    try:
        pages.start_build()
    except data.DataError as err:
        raise PluginError(str(err)) from None
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    sources = [pages.Source(p.file.src_uri, p.url, Path(p.file.abs_src_path or ""), p.title or "") for p in nav.pages]
    problems = pages.collect(sources)
    if problems:
        raise PluginError(report(problems, "the checklists"))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.page_markdown(markdown, page.file.src_uri, page.meta)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.page_html(html, page.title or "Table")


def on_post_build(config: MkDocsConfig) -> None:
    postbuild.finish(Path(config.site_dir), Path(config.docs_dir), list(config.theme.dirs))
