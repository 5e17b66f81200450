"""The glossary, from ``data/glossary.yml``: the glossary page and the tooltips.

One source for both. The tooltips are Python-Markdown ``abbr`` definitions
appended to every page, so an abbreviation such as "MVP" is explained on
hover wherever it appears; the words in ``never_mark`` are never marked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from hooks.tables import slug, text


def first_sentence(definition: str) -> str:
    words = " ".join(definition.split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


# Material's tooltip (content.tooltips) moves an abbr's title into the page with
# innerHTML (renderInlineTooltip2 -> h() -> appendChild: `el.innerHTML += child`),
# so the title, after the browser decodes the attribute, is read as HTML. These
# three characters are all HTML needs to start a tag or a reference; their
# full-width forms look the same to a reader and mean nothing to a parser, in
# Material's tooltip and in the browser's own title tooltip (no JavaScript) alike.
_TOOLTIP_SAFE = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06"})


def tooltip_text(value: str) -> str:
    """A tooltip's text: one line, with nothing an HTML parser would read as markup."""
    return " ".join(value.split()).translate(_TOOLTIP_SAFE)


def abbreviations(terms: Iterable[Mapping[str, Any]], never_mark: Iterable[str]) -> dict[str, str]:
    """Markdown abbreviation definitions, by abbreviation, for every abbreviated term."""
    skip = set(never_mark)
    out = {}
    for entry in terms:
        abbr = entry.get("abbreviation")
        if abbr and abbr not in skip:
            tip = f"{entry['term']}: {first_sentence(entry['definition'])}"
            out[abbr] = f"*[{abbr}]: {tooltip_text(tip)}"
    return out


def definitions_for(markdown: str, definitions: Mapping[str, str]) -> str:
    """Only the definitions whose abbreviation occurs on the page (less work for the abbr extension)."""
    if not definitions:
        return ""
    found = set(_finder(tuple(definitions)).findall(markdown))
    return "\n".join(line for abbr, line in definitions.items() if abbr in found)


@functools.cache
def _finder(abbreviations: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(abbreviations, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in longest_first) + r")\b")


def page(terms: Iterable[Mapping[str, Any]]) -> str:
    """The glossary as a definition list, A to Z, with an anchor per term."""
    items = []
    letters: dict[str, str] = {}
    for entry in terms:
        term = entry["term"]
        anchor = "term-" + slug(term)
        letter = term[0].upper()
        letters.setdefault(letter, anchor)
        name = text(term) + (
            Markup(" <small>({})</small>").format(entry["abbreviation"]) if entry.get("abbreviation") else Markup("")
        )
        see = entry.get("see_also") or []
        also = (
            Markup(' <span class="ptp-see">See also: {}.</span>').format(
                Markup(", ").join(Markup('<a href="#term-{}">{}</a>').format(slug(s), s) for s in see)
            )
            if see
            else Markup("")
        )
        items.append(Markup('<dt id="{}">{}</dt>\n<dd>{}{}</dd>').format(anchor, name, text(entry["definition"]), also))
    index = " ".join(str(Markup('<a href="#{}">{}</a>').format(a, letter)) for letter, a in letters.items())
    return (
        f'\n\n<nav class="ptp-az" aria-label="Glossary letters">{index}</nav>\n\n'
        + '<dl class="ptp-glossary">\n'
        + "\n".join(str(i) for i in items)
        + "\n</dl>\n\n"
    )
