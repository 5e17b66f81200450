"""Checks across files: what the lessons cite, and how many resources each step lists.

A lesson cites data by id with a macro: ``{{ resources("id", ...) }}``,
``{{ cert("id", "cost") }}`` or ``{{ certification_table("id", ...) }}``.
Deleting or renaming a data file that a lesson cites used to pass
``make check-data`` and then stop the build deep inside the macro; here it is
one line naming the lesson, from ``make check-data`` and from the build alike.

The per-step limit (8 to 15 resources) is reported together with every other
problem, and lists the step's entries and the lessons citing each, so someone
replacing a resource sees which one to take out and which lessons to update.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hooks.data import ROOT, Collection, age_key, git_newness, why_newer
from hooks.problems import Problem

STEP_MIN, STEP_MAX = 8, 15

# macro name -> (the collection its ids name, whether every string argument is an id or only the first)
CITING_MACROS: dict[str, tuple[str, bool]] = {
    "resources": ("resources", True),
    "cert": ("certifications", False),
    "certification_table": ("certifications", True),
}
SINGULAR = {"resources": "resource", "certifications": "certification"}

_CALL = re.compile(r"\{\{-?\s*(" + "|".join(CITING_MACROS) + r")\s*\((.*?)\)\s*-?\}\}", re.S)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Citation:
    """One id one lesson cites: ``lesson`` is the page's path from the repository root."""

    lesson: str
    line: int
    kind: str
    id: str


def _renders_macros(text: str) -> bool:
    match = _FRONT_MATTER.match(text)
    if not match:
        return True
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return True
    return not (isinstance(meta, dict) and meta.get("render_macros") is False)


def citations_in(text: str, lesson: str) -> list[Citation]:
    """The data ids a page's macros cite, skipping ``{% raw %}`` and pages that do not render macros."""
    if not _renders_macros(text):
        return []
    # Blank raw blocks but keep their newlines, so line numbers stay true.
    text = _RAW.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for match in _CALL.finditer(text):
        kind, every = CITING_MACROS[match.group(1)]
        try:
            call = ast.parse(f"f({match.group(2)})", mode="eval").body
        except SyntaxError:
            continue  # the build reports a call it cannot read
        if not isinstance(call, ast.Call):
            continue
        ids = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        line = text.count("\n", 0, match.start()) + 1
        found += [Citation(lesson, line, kind, i) for i in (ids if every else ids[:1])]
    return found


def citations(root: Path = ROOT) -> list[Citation]:
    """Every citation in every Markdown page under ``docs/``."""
    docs = root / "docs"
    found: list[Citation] = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        lesson = path.relative_to(root).as_posix()
        found += citations_in(path.read_text(encoding="utf-8"), lesson)
    return found


def known_ids(coll: Collection) -> set[str]:
    """Ids that have a file, valid or not (an invalid entry is reported on its own)."""
    return set(coll.entries) | {entry_id for _, entry_id, _ in coll.loaded}


def reference_problems(cited: Iterable[Citation], colls: Mapping[str, Collection]) -> list[Problem]:
    """One line per citation of an id that has no data file, naming the lesson and the line."""
    problems = []
    ids = {kind: known_ids(coll) for kind, coll in colls.items()}
    for c in cited:
        known = ids.get(c.kind)
        if known is None or c.id in known:
            continue
        close = difflib.get_close_matches(c.id, sorted(known), n=1, cutoff=0.75)
        fix = (
            f"did you mean '{close[0]}'?"
            if close
            else f"cite another {SINGULAR[c.kind]} or take the id out of the lesson"
        )
        problems.append(
            Problem(
                c.lesson,
                f"line {c.line}: cites {SINGULAR[c.kind]} '{c.id}', but there is no data/{c.kind}/{c.id}.yml; {fix}",
            )
        )
    return problems


def _words(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def work_key(title: str, author: str) -> tuple[str, str]:
    """Title and author as a bookseller's page or a second edition would still match.

    The title loses its subtitle (after ':', ' - ', ' | ' or '('), a leading
    'the', 'a' or 'an', case, accents and punctuation; the author's words are
    sorted, so 'Fitzpatrick, Rob' matches 'Rob Fitzpatrick'.
    """
    main = re.split(r":|\s[-\u2013\u2014|]\s|\(", title, maxsplit=1)[0]
    words = _words(main).split()
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words), " ".join(sorted(_words(author).split()))


def same_work_problems(resources: Collection, root: Path = ROOT) -> list[Problem]:
    """The same book (or course, or podcast) behind another address: same title and author.

    Only pairs whose titles differ as written are reported here; an identical
    title is already reported by the title check in ``hooks/data.py``.
    """
    groups: dict[tuple[str, str], list[tuple[str, str, dict[str, Any]]]] = {}
    for display, entry_id, entry in resources.loaded:
        title, author = entry.get("title"), entry.get("author")
        if isinstance(title, str) and isinstance(author, str):
            key = work_key(title, author)
            if key[0] and key[1]:
                groups.setdefault(key, []).append((display, entry_id, entry))
    problems: list[Problem] = []
    new_files: Mapping[str, int] | None = None
    for group in groups.values():
        if len(group) < 2:
            continue
        if new_files is None:
            new_files = git_newness(root)
        ordered = sorted(group, key=lambda e: age_key(e[0], e[2], new_files))
        first_display, first_id, first = ordered[0]
        for display, entry_id, entry in ordered[1:]:
            if _words(entry["title"]) == _words(first["title"]):
                continue
            problems.append(
                Problem(
                    display,
                    f"'{entry['title']}' by {entry['author']} looks like '{first['title']}', entry '{first_id}' "
                    f"in {first_display}, at another address ({why_newer((display, entry), (first_display, first), new_files)}); "
                    "improve that entry instead of adding a second one, or give the exact title if it is another work",
                    entry=entry_id,
                    field="title",
                )
            )
    return problems


def _steps_of(entry: Mapping[str, Any]) -> list[int]:
    steps = entry.get("steps")
    if not isinstance(steps, list):
        return []
    return [s for s in steps if isinstance(s, int) and not isinstance(s, bool) and 1 <= s <= 10]


def step_limit_problems(resources: Collection, cited: Iterable[Citation], display: str) -> list[Problem]:
    """Each step lists 8 to 15 resources; a step outside that range lists its entries and their lessons."""
    if not resources.loaded or os.environ.get("PATH_TO_PM_NO_STEP_CAP"):
        # PATH_TO_PM_NO_STEP_CAP lets the scaling benchmark build 10,000 synthetic entries.
        return []
    lessons: dict[str, list[str]] = {}
    for c in cited:
        if c.kind == "resources" and c.lesson not in lessons.setdefault(c.id, []):
            lessons[c.id].append(c.lesson)
    by_step: dict[int, list[tuple[str, list[int]]]] = {n: [] for n in range(1, 11)}
    for _, entry_id, entry in resources.loaded:
        steps = _steps_of(entry)
        for step in steps:
            by_step[step].append((entry_id, steps))
    problems = []
    for step, listed in by_step.items():
        n = len(listed)
        if STEP_MIN <= n <= STEP_MAX:
            continue
        if n > STEP_MAX:
            head = (
                f"step {step} lists {n} resources; the guide lists at most {STEP_MAX} per step, so replace one "
                "instead of adding (CONTRIBUTING.md, 'Replace a resource')"
            )
        else:
            head = f"step {step} lists {n} resources; the guide lists at least {STEP_MIN} per step, so add one"
        rows = []
        for entry_id, steps in sorted(listed, key=lambda e: (e[1][0] != step, e[0])):
            where = "main step" if steps[0] == step else f"main step {steps[0]}"
            cites = lessons.get(entry_id, [])
            cited_by = f"cited by {', '.join(cites)}" if cites else "cited by no lesson"
            rows.append(f"      {entry_id} ({where}; {cited_by})")
        listing = ("\n    step " + str(step) + "'s resources:\n" + "\n".join(rows)) if rows else ""
        problems.append(Problem(display, head + listing))
    return problems


def problems(colls: Mapping[str, Collection], root: Path = ROOT) -> list[Problem]:
    """Every cross-file problem: missing cited ids, then the per-step limit."""
    cited = citations(root)
    found = reference_problems(cited, colls)
    if "resources" in colls:
        found += same_work_problems(colls["resources"], root)
        found += step_limit_problems(colls["resources"], cited, "data/resources")
    return found
