"""Render data as HTML tables and lists: pure functions from entries to markup.

Contributor text is never trusted. Every string from a data file is
HTML-escaped, and the result is emitted as a raw HTML block, which
Python-Markdown passes through without reading Markdown inside it: a title
like ``[x](javascript:alert(1))`` or ``![](https://tracker/p.png)`` stays
text. Newlines are folded to spaces so a value can never start a new
Markdown line (and so never a table row, list item or checklist item).
Only ``https:`` addresses, already checked by the schema, become links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# Each resource type: its name in a table cell, and the heading of its group on a step page.
TYPES: dict[str, tuple[str, str]] = {
    "book": ("Book", "Books"),
    "course": ("Course", "Courses"),
    "exam": ("Exam", "Exams"),
    "guide": ("Guide", "Guides"),
    "article": ("Article", "Articles"),
    "video": ("Video", "Videos"),
    "podcast": ("Podcast", "Podcasts"),
    "newsletter": ("Newsletter", "Newsletters"),
    "community": ("Community", "Communities"),
    "association": ("Association", "Associations"),
    "event": ("Event", "Events"),
    "tool": ("Tool", "Tools"),
    "template": ("Template", "Templates"),
}
KIND_LABELS = {"certification": "Certification", "programme": "Programme", "adjacent": "Adjacent (project management)"}
FORMAT_LABELS = {"course-required": "Course required", "exam-only": "Exam only", "course-and-exam": "Course and exam"}
STAGE_LABELS = {
    "aspiring": "Aspiring PM",
    "new-pm": "New PM",
    "experienced-pm": "Experienced PM",
    "leader": "Product leader",
}
COST_LABELS = {"free": "Free", "freemium": "Free with paid options", "paid": "Paid"}
# Resource levels in the order a reader climbs them ("all" suits every level: first).
LEVEL_RANK = {"all": 0, "beginner": 1, "intermediate": 2, "advanced": 3}


def text(value: Any) -> Markup:
    """Escape contributor text for HTML and fold it onto one line."""
    return escape(" ".join(str(value).split()))


def inline(value: Any) -> Markup:
    """Contributor text for a place Markdown still reads (lesson prose, a footnote, a table cell).

    One line, and every ASCII character that is not a letter, a digit or a
    space becomes a numeric character reference: the browser shows the same
    text, but Python-Markdown sees no ``[``, ``(``, ``*``, ``{``, ``|``, ``<``,
    ``&``, ``:`` or ``!`` to read as a link, an image, emphasis, an attribute
    list, a table cell, HTML, an emoji or a footnote, and Jinja sees no ``{{``.
    """
    folded = " ".join(str(value).split())
    return Markup("".join(c if c.isalnum() or c == " " or ord(c) > 127 else f"&#{ord(c)};" for c in folded))


def href(url: str) -> str:
    """An https address for an attribute: anything outside RFC 3986's printable set is percent-encoded.

    The data loader already refuses such addresses; this keeps the sink safe on its own.
    """
    return quote(url, safe="/:?#[]@!$&'()*+,;=%-._~") if url.startswith("https://") else ""


def link(url: str, label: Any) -> Markup:
    if not isinstance(url, str) or not href(url):
        return text(label)
    return Markup('<a href="{}">{}</a>').format(href(url), text(label))


_LINK_CHARS = str.maketrans({c: f"&#{ord(c)};" for c in "[]()!"})


def footnote_source(url: str, label: Any, checked_on: Any) -> Markup:
    """A footnote's text: an escaped HTML link to the source, and the date it was checked.

    HTML rather than a Markdown link, so no character of the address or the
    label can close the link early; the label goes through :func:`inline`.
    """
    target = href(url) if isinstance(url, str) else ""
    # Python-Markdown reads links (and backslash escapes and code) before inline
    # HTML, so a "[d](e)" inside the attribute would become a link: brackets,
    # parentheses and "!" in the address are written as character references,
    # which the browser decodes back to the same address. href() has already
    # percent-encoded backslashes and backticks.
    attr = Markup(str(escape(target)).translate(_LINK_CHARS))
    label_html = Markup('<a href="{}">{}</a>').format(attr, inline(label)) if target else inline(label)
    return Markup("{}, checked {}&#46;").format(label_html, inline(checked_on))


def money(amount: float | int, currency: str) -> str:
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{currency} {number}"


# --------------------------------------------------------------------------
# Certifications


# cost, exam and renewal are each required: a published value, "none", or a
# not_published note saying where to ask. These functions print what the data
# states and nothing else: no default sentence stands in for a missing fact.


def _with_note(parts: list[str], block: Mapping[str, Any]) -> str:
    """The published parts, then the contributor's not_published note, verbatim."""
    out = ", ".join(parts)
    note = block.get("not_published")
    if note:
        out = f"{out}. {note}" if out else str(note)
    return out


def cost_text(cert: Mapping[str, Any]) -> str:
    cost = cert["cost"]
    if cost == "none":
        return "Free"
    parts = []
    if "amount" in cost:
        price = money(cost["amount"], cost["currency"])
        if "member_amount" in cost:
            price += f" (members {money(cost['member_amount'], cost['currency'])})"
        if cost.get("varies_by_provider"):
            price += " (list price; providers vary)"
        parts.append(price)
    elif cost.get("varies_by_provider"):
        parts.append("Varies by provider")
    return _with_note(parts, cost)


def exam_text(cert: Mapping[str, Any]) -> str:
    exam = cert["exam"]
    if exam == "none":
        return "No exam"
    parts = []
    if "questions" in exam:
        parts.append(f"{exam['questions']} questions")
    if "minutes" in exam:
        parts.append(f"{exam['minutes']} minutes")
    if "pass_mark" in exam:
        parts.append(f"pass mark {exam['pass_mark']}")
    if "attempts_included" in exam:
        n = exam["attempts_included"]
        parts.append(f"{n} attempt{'s' if n != 1 else ''} included")
    if "version" in exam and parts:
        parts[0] = f"{exam['version']} exam: {parts[0]}"
    return _with_note(parts, exam)


def renewal_text(cert: Mapping[str, Any]) -> str:
    renewal = cert["renewal"]
    if renewal == "none":
        return "Does not expire"
    parts = []
    if "interval_years" in renewal:
        years = renewal["interval_years"]
        parts.append("every year" if years == 1 else f"every {years:g} years")
    if "fee" in renewal:
        parts.append(money(renewal["fee"]["amount"], renewal["fee"]["currency"]))
    if "credits" in renewal:
        parts.append(str(renewal["credits"]))
    return _with_note(["Renews " + ", ".join(parts)] if parts else [], renewal)


def checked_against_issuer(cert: Mapping[str, Any]) -> bool:
    """True when at least one source is the issuer's own page."""
    return any(src["kind"] == "issuer" for src in cert["sources"])


def source_note(cert: Mapping[str, Any]) -> str:
    """How the figures were checked, as the certifications table states it."""
    if checked_against_issuer(cert):
        return "Checked against the issuer's page"
    return "Third-party pages only: confirm with the issuer"


def _stated(cert: Mapping[str, Any], name: str, value: Any) -> str:
    if value in (None, ""):
        raise KeyError(f"certification '{cert['id']}' states no {name}; add it to the data file or do not quote it")
    return str(value)


def fact(cert: Mapping[str, Any], what: str) -> str:
    """One figure of a certification, as plain text, for lesson prose."""
    cost = cert["cost"] if isinstance(cert["cost"], Mapping) else {}
    getters = {
        "name": lambda c: c["name"],
        "issuer": lambda c: c["issuer"],
        "cost": cost_text,
        "covers": lambda c: _stated(c, "covers", cost.get("covers")),
        "exam": exam_text,
        "renewal": renewal_text,
        "prerequisites": lambda c: _stated(c, "prerequisites", c.get("prerequisites")),
        "format": lambda c: FORMAT_LABELS[c["format"]].lower(),
        "who_for": lambda c: c["who_for"],
        "checked_on": lambda c: c["checked_on"],
    }
    if what not in getters:
        raise KeyError(f"unknown certification fact '{what}'; expected one of: {', '.join(getters)}")
    return str(getters[what](cert))


# A "why" this long or longer folds to two lines on a phone card (about 45
# characters a line at 360 px); a shorter one shows whole, with no control.
WHY_FOLD = 100


def why(value: Any, row_id: str) -> Markup:
    """A catalogue row's "why" text, escaped, with the control that folds it on phone cards.

    The markup only says what can fold: catalogue.css clamps the text to two
    lines on cards (below 76em) when JavaScript runs, and shows the button,
    which progress.js toggles (aria-expanded). In the wide table, on paper and
    without JavaScript the text shows whole and the button never does.
    ``row_id`` is the row's own id, so the text's id is unique on the page.
    Spans, not a div: Material's search parser ends an excluded element at the
    first end tag of the same name, so a div inside a step page's excluded
    table region would put the rest of that table in the search index.
    """
    body = text(value)
    if len(" ".join(str(value).split())) < WHY_FOLD:
        return body
    return Markup(
        '<span class="ptp-why"><span class="ptp-why__text" id="why-{0}">{1}</span>'
        '<button type="button" class="ptp-why__more" aria-expanded="false" aria-controls="why-{0}"'
        " data-search-exclude>Show more</button></span>"
    ).format(row_id, body)


def _wrap(table: str, label: str, attrs: str = "") -> str:
    """A labelled region that scrolls sideways on its own on narrow screens."""
    return (
        f'\n\n<div class="ptp-table" role="region" aria-label="{escape(label)}" tabindex="0"{attrs}>\n'
        f"{table}\n</div>\n\n"
    )


def certification_table(
    certs: Iterable[Mapping[str, Any]], label: str = "Certifications compared", filters: bool = False
) -> str:
    head = ("Name", "Issuer", "Kind", "How you earn it", "Cost", "Exam", "Renewal", "Suits", "Who it is for", "Checked")
    rows = []
    for c in certs:
        stages = ", ".join(STAGE_LABELS[s] for s in c["stage"])
        name = c["name"]
        cells = [
            link(c["url"], name),
            text(c["issuer"]),
            text(KIND_LABELS[c["kind"]]),
            text(FORMAT_LABELS[c["format"]]),
            text(cost_text(c))
            + (
                Markup("<br>\n<small>") + text(c["cost"]["covers"]) + Markup("</small>")
                if isinstance(c["cost"], Mapping)
                else Markup("")
            ),
            text(exam_text(c)),
            text(renewal_text(c)),
            text(stages),
            why(c["who_for"], f"cert-{c['id']}"),
            Markup('<time datetime="{0}">{0}</time><br>\n<small>{1}</small>').format(c["checked_on"], source_note(c)),
        ]
        amount = 0 if c["cost"] == "none" else c["cost"].get("amount", "")
        sorts = {4: amount, 9: c["checked_on"]}
        rows.append(
            Markup('<tr id="cert-{}" data-kind="{}" data-format="{}">').format(c["id"], c["kind"], c["format"])
            + Markup("").join(_td(cell, sorts.get(n)) for n, cell in enumerate(cells))
            + Markup("</tr>")
        )
    table = _table(head, rows, "certifications")
    return _wrap(table, label, ' data-ptp-filter="certifications"' if filters else "")


def _td(cell: Markup, sort: Any = None, *, searched: bool = True) -> Markup:
    """A cell, and a line break after it; ``sort`` is the value tables.js sorts the column by ("" sorts last).

    The line break is the word boundary Material's search indexer needs between
    one cell's text and the next (it reads "ADPList</td><td>Free" as one word).

    ``searched=False`` keeps the cell out of the search index (long prose that
    would make every visitor's first search download it).
    """
    attrs = Markup("") if sort is None else Markup(' data-sort="{}"').format(sort)
    if not searched:
        attrs += Markup(" data-search-exclude")
    return Markup("<td{}>{}</td>\n").format(attrs, cell)


def _labelled(row: Markup, head: list[str]) -> str:
    """Give each cell its column's name (data-label), which the narrow-screen cards show."""
    cells = iter(head)
    return re.sub(r"<td(?=[\s>])", lambda _: f'<td data-label="{escape(next(cells, ""))}"', str(row))


def _table(head: Iterable[str], rows: Iterable[Markup], name: str) -> str:
    head = list(head)
    th = "".join(f'<th scope="col">{escape(h)}</th>\n' for h in head)
    body = "\n".join(_labelled(r, head) for r in rows)
    return f'<table class="ptp-data" data-ptp-table="{name}">\n<thead><tr>{th}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>'


# --------------------------------------------------------------------------
# Resources


def resource_row(r: Mapping[str, Any], *, with_steps: bool) -> Markup:
    cells = [
        _td(link(r["url"], r["title"]) + Markup("<br>\n<small>") + text(r["author"]) + Markup("</small>")),
        _td(text(TYPES[r["type"]][0])),
        _td(text(COST_LABELS[r["cost"]]), list(COST_LABELS).index(r["cost"])),
        _td(text(r["level"].capitalize()), LEVEL_RANK.get(r["level"], "")),
        _td(why(r["why"], f"res-{r['id']}"), searched=False),
    ]
    if with_steps:
        cells.insert(1, _td(text(", ".join(str(s) for s in r["steps"])), r["steps"][0]))
    return (
        Markup('<tr id="res-{}" data-steps="{}" data-type="{}" data-cost="{}">').format(
            r["id"], " ".join(str(s) for s in r["steps"]), r["type"], r["cost"]
        )
        + Markup("").join(cells)
        + Markup("</tr>")
    )


def resource_table(
    resources: Iterable[Mapping[str, Any]],
    label: str,
    *,
    with_steps: bool = False,
    filters: bool = False,
    search: bool = True,
) -> str:
    """A table of resources; search=False keeps a repeated list out of the search index."""
    head = ["Resource", "Type", "Cost", "Level", "Why this one"]
    if with_steps:
        head.insert(1, "Steps")
    rows = [resource_row(r, with_steps=with_steps) for r in resources]
    attrs = (' data-ptp-filter="resources"' if filters else "") + ("" if search else " data-search-exclude")
    return _wrap(_table(head, rows, "resources"), label, attrs)


def sort_resources(resources: Iterable[Mapping[str, Any]], step: int | None = None) -> list[Mapping[str, Any]]:
    """Main step first, then free before paid, then title."""
    cost_rank = {"free": 0, "freemium": 1, "paid": 2}

    def key(r: Mapping[str, Any]) -> tuple[int, int, str]:
        primary = 0 if step is None or r["steps"][0] == step else 1
        return (primary, cost_rank[r["cost"]], r["title"].lower())

    return sorted(resources, key=key)


def resources_by_type(resources: Iterable[Mapping[str, Any]], step: int) -> str:
    """A step's resources, one short table per type, in a fixed type order."""
    chosen = [r for r in resources if step in r["steps"]]
    out = []
    for type_, (_, label) in TYPES.items():
        group = sort_resources([r for r in chosen if r["type"] == type_], step)
        if group:
            out.append(f"### {label}\n")
            out.append(resource_table(group, f"{label} for step {step}", search=False))
    if not out:
        return "No resources are listed for this step yet. [Suggest one](../../contributing/index.md).\n"
    return "\n".join(out)


def resource_list(resources: Iterable[Mapping[str, Any]]) -> str:
    """A short list of chosen resources, for the end of a lesson."""
    items = []
    for r in resources:
        items.append(
            Markup("<li>{} <small>({}, {})</small>: {}</li>").format(
                link(r["url"], r["title"]), text(r["author"]), text(COST_LABELS[r["cost"]].lower()), text(r["why"])
            )
        )
    # Lessons repeat resources listed on the Resources page: keep them out of search.
    return '\n\n<ul class="ptp-resources" data-search-exclude>\n' + "\n".join(items) + "\n</ul>\n\n"


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    return _SLUG.sub("-", value.lower()).strip("-")


# --------------------------------------------------------------------------
# Interview questions

QUESTION_TYPES: dict[str, str] = {
    "screening": "Screening and fit",
    "behavioral": "Behavioral",
    "product-sense": "Product sense",
    "strategy": "Strategy",
    "execution": "Execution",
    "metrics": "Metrics",
    "estimation": "Estimation",
    "technical": "Technical",
}


def question_answer(answer: Mapping[str, Any] | None) -> Markup:
    """A full answer and its score against each "covers" point, folded away: closed until the reader opens it."""
    if not answer:
        return Markup("")
    scores = Markup("").join(Markup("<li>{}</li>").format(text(s)) for s in answer["scoring"])
    return Markup(
        '<details class="ptp-answer" data-search-exclude><summary>A full answer, scored</summary>'
        "<p>{}</p><p>Scored against the points above, in order:</p><ol>{}</ol></details>"
    ).format(text(answer["text"]), scores)


def question_bank(questions: Iterable[Mapping[str, Any]], lesson_links: Mapping[str, tuple[str, str]]) -> str:
    """Every question, grouped by type: a heading and a table per type.

    ``lesson_links`` maps a lesson's docs path to (relative URL, title).
    """
    by_type: dict[str, list[Mapping[str, Any]]] = {t: [] for t in QUESTION_TYPES}
    for q in questions:
        by_type[q["type"]].append(q)
    out = []
    for type_, label in QUESTION_TYPES.items():
        group = sorted(by_type[type_], key=lambda q: q["id"])
        if not group:
            continue
        rows = []
        for q in group:
            href, title = lesson_links[q["lesson"]]
            covers = Markup("").join(Markup("<li>{}</li>").format(text(c)) for c in q["covers"])
            rows.append(
                Markup(
                    '<tr id="q-{}" data-type="{}"><td class="ptp-q">{}</td>\n<td><ul class="ptp-covers" data-search-exclude>{}</ul>{}</td>\n<td><a href="{}">{}</a></td>\n</tr>'
                ).format(
                    q["id"], q["type"], text(q["question"]), covers, question_answer(q.get("answer")), href, text(title)
                )
            )
        table = _table(("Question", "A strong answer covers", "Learn it in"), rows, "questions")
        # A Markdown heading (so it joins the table of contents) and a raw table,
        # both tagged with the type so the page script can show one type at a time.
        # data-qname carries the type's name, so the script need not parse "(12)" off the heading.
        out.append(f'\n## {label} ({len(group)}) {{ #{type_} data-qtype="{type_}" data-qname="{label}" }}\n')
        out.append(_wrap(table, f"{label} questions", f' data-qtype="{type_}"'))
    return "\n".join(out)
