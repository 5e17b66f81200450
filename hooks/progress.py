"""Render the progress views from the checklist manifest: pure functions.

Everything a progress view needs (ids, texts, links) is written into the page
at build time, so the browser script never fetches anything and a page
without JavaScript still shows every step, lesson and item.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from hooks.checklists import Lesson
from hooks.tables import inline


def rel(target_url: str, current_url: str) -> str:
    """A link from the page at ``current_url`` to ``target_url`` (both site-relative)."""
    base = posixpath.dirname(current_url.rstrip("/") + "/x") if current_url else ""
    target = target_url or "./"
    out = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not out.endswith("/"):
        out += "/"
    return "./" if out in (".", "./") else out


def lesson_header(markdown: str, time: str, items: int) -> str:
    """Put the lesson's time and checklist count right under its title."""
    line = Markup(
        '<p class="ptp-lesson-meta"><span class="ptp-lesson-meta__time">{}, at your own pace</span>'
        '<span class="ptp-lesson-meta__count" data-ptp-lesson-count>Checklist: {} items</span></p>'
    ).format(time, items)
    lines = markdown.split("\n")
    for n, text in enumerate(lines):
        if text.startswith("# "):
            lines[n + 1 : n + 1] = ["", str(line), ""]
            return "\n".join(lines)
    return markdown


def _ids(items: Iterable[Mapping[str, Any]]) -> str:
    return " ".join(i["id"] for i in items)


def lesson_list(lessons: Iterable[Lesson], step: int, current_src: str) -> str:
    """The step overview's table of lessons: title, time, checklist size."""
    here = posixpath.dirname(current_src)
    rows = ["| Lesson | Time | Checklist |", "| --- | --- | --- |"]
    for lesson in lessons:
        if lesson.step != step:
            continue
        href = posixpath.relpath(lesson.file, here)
        time = lesson.meta.get("time", "")
        count = len(lesson.items)
        # Titles and times are text: inline() keeps a | or [ in them from becoming table or link syntax.
        rows.append(f"| [{inline(lesson.title)}]({href}) | {inline(time)} | {count} item{'s' if count != 1 else ''} |")
    if len(rows) == 2:
        return "The lessons of this step are being written. Until they are published, the resources below are the best place to start.\n"
    return "\n".join(rows) + "\n"


def _bar(ids: str, total: int, label: str, extra: str = "") -> Markup:
    return Markup(
        '<div class="ptp-bar" data-ptp-ids="{ids}"{extra}>'
        '<progress max="{total}" value="0" aria-label="{label}"></progress> '
        '<span class="ptp-bar__text" data-ptp-count>{total} items</span></div>'
    ).format(ids=ids, total=total, label=label, extra=Markup(extra))


def step_bar(lessons: Iterable[Lesson], step: int) -> str:
    items = [{"id": i.id} for lesson in lessons if lesson.step == step for i in lesson.items]
    if not items:
        return ""
    return "\n\n" + str(_bar(_ids(items), len(items), f"Your progress in step {step}")) + "\n\n"


def _step_items(step: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    return [(lesson, item) for lesson in step["lessons"] for item in lesson["items"]]


def overview(manifest: Mapping[str, Any], current_url: str) -> str:
    """The "My progress" page: every step, its bar, and what is left."""
    parts = [
        '<div class="ptp-overview" data-ptp-overview>',
        '<p class="ptp-continue" data-ptp-continue>Tick items in any lesson and this page shows how far you are and where to pick up.</p>',
        '<ol class="ptp-steps">',
    ]
    for step in manifest.get("steps", []):
        pairs = _step_items(step)
        title = Markup('<a href="{}">Step {}: {}</a>').format(
            rel(step["url"], current_url), step["number"], step["title"].split(": ", 1)[-1]
        )
        parts.append(Markup('<li class="ptp-step" data-ptp-step="{}">').format(step["number"]))
        parts.append(Markup('<p class="ptp-step__title">{}</p>').format(title))
        if not pairs:
            parts.append(
                '<p class="ptp-step__empty">This step\'s lessons are being written; it has no checklist yet.</p></li>'
            )
            continue
        parts.append(str(_bar(_ids(i for _, i in pairs), len(pairs), f"Your progress in step {step['number']}")))
        parts.append('<details class="ptp-left"><summary>What is left</summary><ul>')
        for lesson, item in pairs:
            href = rel(lesson["url"], current_url) + f"#ptp-{item['id']}"
            parts.append(
                Markup(
                    '<li data-ptp-item="{}" data-ptp-title="{}"><a href="{}">{}</a> <small>({})</small></li>'
                ).format(item["id"], lesson["title"], href, item["text"], lesson["title"])
            )
        parts.append("</ul></details></li>")
    parts += ["</ol>", "</div>"]
    return "\n\n" + "\n".join(str(p) for p in parts) + "\n\n"


def printable(manifest: Mapping[str, Any], current_url: str) -> str:
    """Every checklist on paper: one section per step, a box and a date line per item."""
    parts = ['<div class="ptp-printable" data-ptp-printable>']
    for step in manifest.get("steps", []):
        if not step["lessons"]:
            continue
        parts.append(Markup('<section class="ptp-print-step" aria-labelledby="print-step-{0}">').format(step["number"]))
        parts.append(
            Markup('<h2 id="print-step-{}">Step {}: {}</h2>').format(
                step["number"], step["number"], step["title"].split(": ", 1)[-1]
            )
        )
        for lesson in step["lessons"]:
            parts.append(
                Markup('<h3><a href="{}">{}</a></h3>').format(rel(lesson["url"], current_url), lesson["title"])
            )
            parts.append('<ul class="ptp-paper">')
            for item in lesson["items"]:
                # One element per item: site.css draws the box and the "Done on" line around
                # the text, so this page of every checklist stays light to lay out.
                parts.append(Markup('<li data-ptp-item="{}">{}</li>').format(item["id"], item["text"]))
            parts.append("</ul>")
        parts.append("</section>")
    parts.append("</div>")
    if len(parts) == 2:
        return "No checklists are published yet.\n"
    return "\n\n" + "\n".join(str(p) for p in parts) + "\n\n"


def _minutes(time: str) -> tuple[int, int] | None:
    """Parse a lesson's ``time`` ("45-90 minutes", "2-3 hours") into minutes."""
    parts = time.replace("\u2013", "-").split()
    if len(parts) != 2 or "-" not in parts[0]:
        return None
    low, _, high = parts[0].partition("-")
    if not (low.isdigit() and high.isdigit()):
        return None
    factor = {"minutes": 1, "hours": 60}.get(parts[1])
    return (int(low) * factor, int(high) * factor) if factor else None


def time_range(lessons: Iterable[Lesson]) -> str:
    """The total time of some lessons, in hours, as a range."""
    low = high = 0
    for lesson in lessons:
        parsed = _minutes(str(lesson.meta.get("time", "")))
        if parsed:
            low, high = low + parsed[0], high + parsed[1]
    if not high:
        return ""
    lo_h, hi_h = max(1, round(low / 60)), max(1, round(high / 60))
    return f"about {lo_h} hour{'s' if lo_h != 1 else ''}" if lo_h == hi_h else f"{lo_h}-{hi_h} hours"


def step_cards(steps: Mapping[int, Mapping[str, str]], lessons: list[Lesson], current_url: str) -> str:
    """The home page's ten cards: promise, time, and the reader's progress."""
    parts = ['<ol class="ptp-cards">']
    for number in sorted(steps):
        info = steps[number]
        own = [lesson for lesson in lessons if lesson.step == number]
        items = [i.id for lesson in own for i in lesson.items]
        href = rel(info["url"], current_url)
        meta = [f"{len(own)} lesson{'s' if len(own) != 1 else ''}" if own else "Lessons coming"]
        total = time_range(own)
        if total:
            meta.append(total)
        parts.append(
            Markup(
                '<li class="ptp-card"><a class="ptp-card__link" href="{}">'
                '<span class="ptp-card__number">Step {}</span>'
                '<span class="ptp-card__title">{}</span></a>'
                '<p class="ptp-card__promise">{}</p>'
                '<p class="ptp-card__meta">{}</p>'
            ).format(href, number, info["title"].split(": ", 1)[-1], info.get("promise", ""), " · ".join(meta))
        )
        if items:
            parts.append(str(_bar(" ".join(items), len(items), f"Your progress in step {number}")))
        parts.append("</li>")
    parts.append("</ol>")
    return "\n\n" + "\n".join(str(p) for p in parts) + "\n\n"
