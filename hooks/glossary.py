"""The glossary, from ``data/glossary.yml``: the glossary page and the tooltips.

One source for both. The tooltips are Python-Markdown ``abbr`` definitions
appended to every page, so an abbreviation such as "MVP" is explained on
hover wherever it appears; the words in ``never_mark`` are never marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from hooks.tables import slug, text


def first_sentence(definition: str) -> str:
    words = " ".join(definition.split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


def abbreviations(terms: Iterable[Mapping[str, Any]], never_mark: Iterable[str]) -> str:
    """Markdown abbreviation definitions for every abbreviated term."""
    skip = set(never_mark)
    lines = []
    for entry in terms:
        abbr = entry.get("abbreviation")
        if abbr and abbr not in skip:
            tip = f"{entry['term']}: {first_sentence(entry['definition'])}"
            lines.append(f"*[{abbr}]: {' '.join(tip.split())}")
    return "\n".join(lines)


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
