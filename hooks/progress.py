"""Render the progress views from the checklist manifest: pure functions.

Everything a progress view needs (ids, texts, links) is written into the page
at build time, so the browser script never fetches anything and a page
without JavaScript still shows every step, lesson and item.
"""

from __future__ import annotations

import posixpath
import re
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


def _dashed(time: str) -> str:
    """ "2-3 hours" as "2–3 hours" (an en dash between numbers)."""
    return re.sub(r"(\d)-(\d)", "\\1\u2013\\2", time)


def lesson_header(
    markdown: str,
    time: str,
    items: int,
    *,
    position: tuple[int, int, int] | None = None,
    checked: str | None = None,
) -> str:
    """Above the lesson's title: where it sits in the path, its time, when its sources were checked, and its checklist.

    ``position`` is (step, lesson number, lessons in the step); ``checked`` is a phrase
    such as "Sources checked Nov 2026" (hooks/freshness.py). The checklist count links
    down to the checklist when the lesson has a "## Checklist" heading.
    """
    where = [f"Step {position[0]}", f"Lesson {position[1]} of {position[2]}"] if position else []
    where.append(f"{_dashed(time)} at your own pace")
    if checked:
        where.append(checked)
    count = Markup("Checklist: {} items").format(items)
    has_heading = re.search(r"^## Checklist\s*$", markdown, re.M) is not None
    target = (
        Markup('<a class="ptp-lesson-meta__count" href="#checklist" data-ptp-lesson-count>{}</a>')
        if has_heading
        else Markup('<span class="ptp-lesson-meta__count" data-ptp-lesson-count>{}</span>')
    ).format(count)
    line = Markup(
        '<p class="ptp-lesson-meta" data-search-exclude><span class="ptp-lesson-meta__where">{}</span>{}</p>'
    ).format(" \u00b7 ".join(where), target)
    lines = markdown.split("\n")
    for n, text in enumerate(lines):
        if text.startswith("# "):
            lines[n:n] = [str(line), ""]
            return "\n".join(lines)
    return markdown


def lesson_position(lessons: Iterable[Lesson], src: str) -> tuple[int, int, int] | None:
    """(step, lesson number, lessons in the step) for the lesson at ``src``."""
    for lesson in lessons:
        if lesson.file == src:
            same = [other.file for other in lessons if other.step == lesson.step]
            return lesson.step, same.index(src) + 1, len(same)
    return None


def lesson_footer(lessons: list[Lesson], src: str, steps: Mapping[int, Mapping[str, str]]) -> str:
    """At the end of a lesson: the step's progress and the previous and next lesson."""
    here = next((lesson for lesson in lessons if lesson.file == src), None)
    if here is None:
        return ""
    same = [lesson for lesson in lessons if lesson.step == here.step]
    n = same.index(here)
    current = here.url

    def go(kind: str, label: str, url: str, title: str) -> str:
        return Markup('<a class="ptp-lesson-nav__{}" href="{}"><small>{}</small> {}</a>').format(
            kind, rel(url, current), label, title
        )

    overview = steps.get(here.step)
    following = steps.get(here.step + 1)
    links = []
    if n > 0:
        links.append(go("prev", "Previous lesson", same[n - 1].url, same[n - 1].title))
    elif overview:
        links.append(go("prev", f"Step {here.step} overview", overview["url"], overview["title"].split(": ", 1)[-1]))
    if n + 1 < len(same):
        links.append(go("next", "Next lesson", same[n + 1].url, same[n + 1].title))
    elif following:
        links.append(go("next", f"Next: step {here.step + 1}", following["url"], following["title"].split(": ", 1)[-1]))
    items = [i.id for lesson in same for i in lesson.items]
    parts = [
        Markup('<nav class="ptp-lesson-nav" data-search-exclude aria-label="Step {} lessons">').format(here.step),
        Markup('<p class="ptp-lesson-nav__step">Your progress in step {}</p>').format(here.step),
        str(_bar(" ".join(items), len(items), f"Your progress in step {here.step}")) if items else "",
        '<div class="ptp-lesson-nav__links">',
        *links,
        "</div></nav>",
    ]
    return "\n\n" + "\n".join(str(p) for p in parts if p) + "\n\n"


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
    """The home page's path: ten steps in one column, each with what you come away with.

    The progress bars show only once the reader has ticked something (progress.js
    sets ``data-ptp-started`` on the list). A hidden list of lesson titles lets the
    hero's "Continue" button name the lesson the reader was last on.
    """
    parts = ['<ol class="ptp-cards ptp-path" data-ptp-path>']
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
            ).format(href, number, info["title"].split(": ", 1)[-1], info.get("promise", ""))
        )
        if info.get("artefact"):
            parts.append(
                Markup('<p class="ptp-card__artefact"><strong>You come away with:</strong> {}</p>').format(
                    info["artefact"]
                )
            )
        parts.append(Markup('<p class="ptp-card__meta">{}</p>').format(" \u00b7 ".join(meta)))
        if items:
            parts.append(str(_bar(" ".join(items), len(items), f"Your progress in step {number}")))
        parts.append("</li>")
    parts.append("</ol>")
    parts.append('<ul class="ptp-lesson-titles" hidden data-ptp-lesson-titles data-search-exclude>')
    for lesson in lessons:
        parts.append(Markup('<li data-ptp-url="{}">{}</li>').format(lesson.url, lesson.title))
    parts.append("</ul>")
    return "\n\n" + "\n".join(str(p) for p in parts) + "\n\n"
