"""The mkdocs-macros module: the functions pages call as ``{{ name(...) }}``.

Each macro is a thin adapter: it reads what the hooks loaded for this build
(``hooks.state``) and hands it to a pure function in ``hooks.tables`` or
``hooks.progress``. An unknown id fails the build with the page's name.

What a macro adds to its page stays with the page: HTML blocks travel inside
the Markdown as comments (``hooks/blocks.py``), and the footnotes ``cert()``
cites are written below the page's Markdown here, by ``on_post_page_macros``,
as soon as the page's macros have run. Nothing waits in shared state for a hook.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from hooks import blocks, checklists, downloads, glossary, progress, state, tables  # noqa: E402


class MacroError(Exception):
    """A page called a macro wrongly; the message says how to fix it."""


# The footnotes the macros cite on the page being rendered, by key: emptied before
# its macros run (on_pre_page_macros), written below it right after (on_post_page_macros).
_footnotes: dict[str, str] = {}


def footnote_definitions(notes: dict[str, str]) -> str:
    """Markdown footnote definitions, to go below a page."""
    return "\n\n" + "\n".join(f"[^{key}]: {text}" for key, text in notes.items()) + "\n" if notes else ""


def on_pre_page_macros(env: Any) -> None:
    _footnotes.clear()


def on_post_page_macros(env: Any) -> None:
    env.markdown += footnote_definitions(_footnotes)
    _footnotes.clear()


def define_env(env: Any) -> None:  # noqa: C901 (one registration per macro)
    def page_src() -> str:
        return str(env.page.file.src_uri) if env.page else "?"

    def html(text: str) -> str:
        """The output's raw HTML blocks, kept from Markdown (``hooks/blocks.py``); the page's HTML decodes them."""
        return blocks.stash(text)

    def page_step() -> int:
        number = checklists.step_of(page_src())
        if number is None:
            raise MacroError(f"docs/{page_src()}: this macro works only on pages under docs/steps/NN-slug/")
        return number

    def certification(cert_id: str) -> dict[str, Any]:
        certs = state.current().data.certifications
        if cert_id not in certs:
            raise MacroError(
                f"docs/{page_src()}: no certification '{cert_id}' in data/certifications/ (known: {', '.join(sorted(certs))})"
            )
        return certs[cert_id]

    @env.macro
    def cert(cert_id: str, what: str = "name") -> str:
        """A certification's figure for prose, with a footnote to its source."""
        c = certification(cert_id)
        try:
            value = tables.fact(c, what)
        except KeyError as err:
            raise MacroError(f"docs/{page_src()}: {err.args[0]}") from None
        # Every field is contributor text landing in Markdown: tables.inline()
        # leaves nothing Markdown, HTML or Jinja could read as syntax.
        if what in ("name", "issuer"):
            return str(tables.inline(value))
        key = f"cert-{cert_id}"
        first = c["sources"][0]  # {url, kind} (data/schema/certification.schema.json)
        url = first.get("url", "") if isinstance(first, dict) else first
        label = f"{c['issuer']}: {c['name']}"
        if isinstance(first, dict) and first.get("kind") != "issuer":
            label += " (a third-party page: confirm with the issuer)"
        _footnotes[key] = str(tables.footnote_source(url, label, c["checked_on"]))
        return f"{tables.inline(value)}[^{key}]"

    @env.macro
    def certification_table(*ids: str, kind: str | None = None) -> str:
        """Selected certifications (by id) or one kind, compared side by side."""
        certs = state.current().data.certifications
        if ids:
            chosen = [certification(i) for i in ids]
        else:
            chosen = [c for c in certs.values() if kind is None or c["kind"] == kind]
        if not chosen:
            raise MacroError(f"docs/{page_src()}: certification_table() selected nothing")
        return html(tables.certification_table(chosen))

    @env.macro
    def certification_catalogue() -> str:
        certs = state.current().data.certifications.values()
        order = {"certification": 0, "programme": 1, "adjacent": 2}
        ordered = sorted(certs, key=lambda c: (order[c["kind"]], c["name"].lower()))
        return html(tables.certification_table(ordered, "All certifications and programmes", filters=True))

    @env.macro
    def resource_catalogue() -> str:
        resources = tables.sort_resources(state.current().data.resources.values())
        return html(tables.resource_table(resources, "All resources", with_steps=True, filters=True))

    @env.macro
    def step_resources() -> str:
        return html(tables.resources_by_type(state.current().data.resources.values(), page_step()))

    @env.macro
    def resources(*ids: str) -> str:
        """A lesson's hand-picked resources, by id."""
        known = state.current().data.resources
        missing = [i for i in ids if i not in known]
        if missing:
            raise MacroError(f"docs/{page_src()}: no resource {', '.join(repr(m) for m in missing)} in data/resources/")
        return html(tables.resource_list(known[i] for i in ids))

    @env.macro
    def lesson_list() -> str:
        """The step's progress bar, then its lessons with time and checklist size."""
        st = state.current()
        return html(
            progress.step_bar(st.lessons, page_step()) + progress.lesson_list(st.lessons, page_step(), page_src())
        )

    @env.macro
    def progress_overview() -> str:
        st = state.current()
        return html(progress.overview(st.manifest, env.page.url))

    @env.macro
    def printable_checklists() -> str:
        st = state.current()
        return html(progress.printable(st.manifest, env.page.url))

    @env.macro
    def step_cards() -> str:
        st = state.current()
        return html(progress.step_cards(st.steps, st.lessons, env.page.url))

    @env.macro
    def question_bank() -> str:
        st = state.current()
        here = env.page.url
        links = {lesson.file: (progress.rel(lesson.url, here), lesson.title) for lesson in st.lessons}
        missing = sorted({q["lesson"] for q in st.data.questions.values()} - set(links))
        if missing:
            raise MacroError(
                f"docs/{page_src()}: questions point to lessons that are not in the navigation: {', '.join(missing)}"
            )
        return html(tables.question_bank(st.data.questions.values(), links))

    @env.macro
    def glossary_list() -> str:
        return html(glossary.page(state.current().data.glossary.values()))

    downloads.register(env)  # template_downloads(), template_formats(): hooks/downloads.py
