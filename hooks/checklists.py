"""Checklists: the authoring syntax, the id rules, the id registry and the manifest.

A checklist is a Markdown task list whose every item ends with a stable id::

    - [ ] Read three PM job ads and underline every verb {#s01-read-job-ads}

The id, never the position or the wording, is what a reader's tick is saved
under, so items can be reworded, reordered or moved without losing ticks.

Rules checked at build (each error names the file and the line):

* every task-list item has an id, in the form ``lower-case-words-and-digits``;
* an id is used once across the whole site;
* ``data/checklist-ids.yml`` lists every id ever published: a new id must be
  registered (``make ids``), an id may only disappear once it is marked
  retired, and a retired id is never used again;
* ``data/checklist-ids.published`` is the append-only ledger of the same ids
  (see :func:`ledger_problems`): deleting an id from the registry, instead of
  retiring it, fails the build.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks.data import ROOT, read_yaml
from hooks.problems import Problem

REGISTRY = ROOT / "data" / "checklist-ids.yml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
ID_MAX = 64

# A task-list item: bullet, box, text, and optionally {#id} at the end.
_TASK = re.compile(r"^(?P<indent>[ \t]*)[-*+] \[(?P<box>[ xX])\] (?P<body>.*?)\s*$")
_ID_SUFFIX = re.compile(r"\s*\{#(?P<id>[^}\s]*)\}$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # Markdown, as written
    file: str  # path relative to docs/
    line: int

    @property
    def plain(self) -> str:
        return plain_text(self.text)


def plain_text(markdown_text: str) -> str:
    """The words of an item without Markdown syntax (for the manifest)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _outside_fences(lines: list[str], start: int = 1) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for number, line in enumerate(lines, start=start):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence is None:
            yield number, line


def parse(markdown_text: str, file: str, first_line: int = 1) -> tuple[list[Item], list[Problem]]:
    """Find every checklist item in a page; report items without a valid id.

    ``first_line``: the line of the file ``markdown_text`` starts on (after front
    matter, ``frontmatter.split_numbered``), so every line number is the file's.
    """
    items: list[Item] = []
    problems: list[Problem] = []
    for number, line in _outside_fences(markdown_text.splitlines(), first_line):
        task = _TASK.match(line)
        if not task:
            continue
        where = f"docs/{file}"
        body = task.group("body")
        if task.group("indent"):
            problems.append(
                Problem(
                    where,
                    "a checklist item is indented: checklists are flat lists, start the line with '- [ ]'",
                    line=number,
                )
            )
            continue
        suffix = _ID_SUFFIX.search(body)
        if not suffix:
            problems.append(
                Problem(
                    where,
                    "a checklist item has no id: end the line with an id such as {#s01-read-job-ads}",
                    line=number,
                )
            )
            continue
        item_id = suffix.group("id")
        text = body[: suffix.start()].strip()
        if not ID_PATTERN.match(item_id) or len(item_id) > ID_MAX:
            problems.append(
                Problem(
                    where,
                    f"the id '{item_id}' is not valid: use lower-case letters, digits and single hyphens, at most {ID_MAX} characters",
                    line=number,
                )
            )
            continue
        if task.group("box") != " ":
            problems.append(
                Problem(
                    where,
                    f"the item '{item_id}' is written ticked ([x]); write it open ([ ]), readers tick it",
                    line=number,
                )
            )
            continue
        if not text:
            problems.append(Problem(where, f"the item '{item_id}' has no text", line=number))
            continue
        items.append(Item(item_id, text, file, number))
    return items, problems


def count_items(markdown_text: str) -> int:
    return sum(1 for _, line in _outside_fences(markdown_text.splitlines()) if _TASK.match(line))


def duplicate_problems(items: Iterable[Item]) -> list[Problem]:
    first: dict[str, Item] = {}
    problems = []
    for item in items:
        if item.id in first:
            other = first[item.id]
            problems.append(
                Problem(
                    f"docs/{item.file}",
                    f"the id '{item.id}' is already used at docs/{other.file}:{other.line}; ids are unique across the site",
                    line=item.line,
                )
            )
        else:
            first[item.id] = item
    return problems


# --------------------------------------------------------------------------
# The registry of every id ever published.


@dataclass
class Registry:
    active: set[str] = field(default_factory=set)
    retired: dict[str, dict[str, Any]] = field(default_factory=dict)


# Why a ledger, and not only the registry: a deleted id is the one mistake a
# reader pays for (the id is free again, a later item reuses it, and old ticks
# tick the new task). The registry alone cannot notice that a line went away.
# The ledger is a second, append-only list that `make ids` writes and nobody
# edits: every id in it must still be in the registry, active or retired. So
# deleting an id from the registry fails every build, by construction, with no
# git history needed (CI checks out one commit). Deleting it from both files
# is a deliberate act that shows in review, and tests/unit/test_registry_history.py
# also compares both files with the base branch wherever git history is there.
LEDGER_HEADER = (
    "# Every checklist id ever published, one per line, oldest first. Append-only:\n"
    "# `make ids` adds to it; never edit or delete a line. The build fails when an\n"
    "# id here is in neither 'active' nor 'retired' in data/checklist-ids.yml.\n"
)


def ledger_path(registry: Path) -> Path:
    return registry.with_suffix(".published")


def read_ledger(path: Path) -> tuple[list[str], list[Problem]]:
    display = _display(path)
    if not path.is_file() or path.is_symlink():
        return [], [Problem(display, "is missing or not a plain file: run `make ids` to write it")]
    ids, problems = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not ID_PATTERN.match(line):
            problems.append(Problem(display, "is not a checklist id", line=n))
        else:
            ids.append(line)
    return ids, problems


def ledger_problems(reg: Registry, ledger: Iterable[str], display: str) -> list[Problem]:
    """Every id ever published must still be in the registry, active or retired."""
    known = reg.active | set(reg.retired)
    ledger = list(dict.fromkeys(ledger))
    lost = [
        Problem(
            display,
            "was published (it is in data/checklist-ids.published) but is in neither 'active' nor 'retired': "
            "put it back, under 'retired' with retired_on and reason if its item is gone; never delete an id",
            entry=gone,
        )
        for gone in ledger
        if gone not in known
    ]
    # Ids registered by hand (or merged from another branch) are not in the ledger
    # until `make ids` runs; they are protected from then on. Not a build error,
    # so a merge or a hand-edited fixture still builds.
    return lost


def registry_ids(text: str) -> set[str]:
    """Every id, active or retired, in a registry file's text (for comparing with another version)."""
    raw = yaml.safe_load(text) or {}
    retired = [e.get("id") for e in raw.get("retired") or [] if isinstance(e, dict)]
    return {i for i in [*(raw.get("active") or []), *retired] if isinstance(i, str)}


def _display(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def load_registry(path: Path = REGISTRY) -> tuple[Registry, list[Problem]]:
    """The registry, with its own problems and the ids it lost from the ledger."""
    reg, problems = _read_registry(path)
    if problems:
        return reg, problems
    ledger, ledger_found = read_ledger(ledger_path(path))
    return reg, ledger_found + ledger_problems(reg, ledger, _display(path))


def _read_registry(path: Path) -> tuple[Registry, list[Problem]]:
    display = _display(path)
    if not path.exists():
        return Registry(), [
            Problem(display, "is missing: it lists every checklist id ever published (run `make ids` to create it)")
        ]
    raw, problems = read_yaml(path, display)
    if problems:
        return Registry(), problems
    if not isinstance(raw, dict) or set(raw) - {"active", "retired"}:
        return Registry(), [Problem(display, "expected two lists, 'active' and 'retired', and nothing else")]
    reg = Registry()
    for entry in raw.get("active") or []:
        if not isinstance(entry, str) or not ID_PATTERN.match(entry):
            problems.append(Problem(display, "is not a valid checklist id", entry=str(entry), field="active"))
        elif entry in reg.active:
            problems.append(Problem(display, "is listed twice", entry=entry, field="active"))
        else:
            reg.active.add(entry)
    for entry in raw.get("retired") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(
                Problem(display, "expected 'id', 'retired_on' and 'reason'", entry=str(entry), field="retired")
            )
            continue
        rid = entry["id"]
        missing = [k for k in ("retired_on", "reason") if not entry.get(k)]
        if missing:
            problems.append(Problem(display, f"is missing {' and '.join(missing)}", entry=rid, field="retired"))
        if rid in reg.active:
            problems.append(Problem(display, "is listed as both active and retired", entry=rid, field="retired"))
        reg.retired[rid] = entry
    return reg, problems


def registry_problems(items: Iterable[Item], reg: Registry, display: str = "data/checklist-ids.yml") -> list[Problem]:
    """Compare the ids in the docs with the registry."""
    problems = []
    seen: set[str] = set()
    for item in items:
        seen.add(item.id)
        where = f"docs/{item.file}"
        if item.id in reg.retired:
            problems.append(
                Problem(
                    where,
                    f"the id '{item.id}' was retired on {reg.retired[item.id].get('retired_on')}; a retired id is never used again (it would pre-tick this item for readers who ticked the old one): choose a new id",
                    line=item.line,
                )
            )
        elif item.id not in reg.active:
            problems.append(
                Problem(where, f"the id '{item.id}' is new: run `make ids` to add it to {display}", line=item.line)
            )
    for gone in sorted(reg.active - seen):
        problems.append(
            Problem(
                display,
                "is no longer in any page. If the item was removed on purpose, move it to 'retired' with retired_on and reason; if it was renamed, restore the old id",
                entry=gone,
                field="active",
            )
        )
    return problems


def register_new(items: Iterable[Item], path: Path = REGISTRY, today: dt.date | None = None) -> list[str]:
    """Add ids found in the docs to the registry; return the ones added."""
    reg, problems = _read_registry(path) if path.exists() else (Registry(), [])
    if ledger_path(path).is_file():  # a first run writes the ledger from the registry
        problems += load_registry(path)[1]
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    new = sorted({i.id for i in items} - reg.active - set(reg.retired))
    if not new and path.exists():
        append_to_ledger(ledger_path(path), sorted(reg.active | set(reg.retired)))
        return []
    active = sorted(reg.active | set(new))
    retired = [reg.retired[k] for k in sorted(reg.retired)]
    header = (
        "# Every checklist id ever published. Readers' ticks are saved under these ids.\n"
        "# `make ids` adds new ones. Never delete an id: when an item is removed for good,\n"
        "# move its id to `retired` with the date and a reason, and never use it again.\n"
    )
    body = yaml.safe_dump({"active": active, "retired": retired}, sort_keys=False, allow_unicode=True)
    path.write_text(header + body, encoding="utf-8")
    append_to_ledger(ledger_path(path), [*sorted(reg.active | set(reg.retired)), *new])
    return new


def append_to_ledger(path: Path, ids: Iterable[str]) -> None:
    """Add the ids the ledger does not have yet at its end; never rewrite a line."""
    have = set(read_ledger(path)[0]) if path.is_file() else set()
    missing = [i for i in dict.fromkeys(ids) if i not in have]
    if not path.is_file():
        path.write_text(LEDGER_HEADER, encoding="utf-8")
    if missing:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(f"{i}\n" for i in missing))


# --------------------------------------------------------------------------
# Rendering a checklist as accessible HTML.

_COUNT = '<p class="ptp-checklist__count" data-ptp-count>{n} items</p>'


def render(markdown_text: str) -> str:
    """Rewrite each run of checklist items as a labelled, id-carrying list.

    Assumes :func:`parse` reported no problems. Each item becomes a real
    checkbox whose label is the item's text (still Markdown, so links and
    emphasis work), wrapped in a ``div`` the browser script finds.
    """
    lines = markdown_text.splitlines()
    out: list[str] = []
    run: list[str] = []
    outside = {n for n, _ in _outside_fences(lines)}

    def flush() -> None:
        if run:
            out.extend(
                ["", '<div class="ptp-checklist" markdown>', "", _COUNT.format(n=len(run)), "", *run, "", "</div>", ""]
            )
            run.clear()

    for number, line in enumerate(lines, start=1):
        task = _TASK.match(line) if number in outside else None
        suffix = _ID_SUFFIX.search(task.group("body")) if task else None
        if task and suffix:
            item_id = suffix.group("id")
            text = task.group("body")[: suffix.start()].strip()
            run.append(
                f'- <input type="checkbox" class="ptp-box" id="ptp-{item_id}" data-check-id="{item_id}">'
                f'<label for="ptp-{item_id}">{text}</label>'
            )
            continue
        if run and not line.strip():
            continue  # a blank line inside a checklist does not end it
        flush()
        out.append(line)
    flush()
    return "\n".join(out) + ("\n" if markdown_text.endswith("\n") else "")


# --------------------------------------------------------------------------
# The manifest: every checklist, in reading order.

STEP_DIR = re.compile(r"^steps/(?P<num>\d{2})-[a-z0-9-]+/")


@dataclass
class Lesson:
    title: str
    url: str
    file: str
    step: int
    meta: dict[str, Any]
    items: list[Item]


def step_of(file: str) -> int | None:
    match = STEP_DIR.match(file)
    return int(match.group("num")) if match else None


def manifest(lessons: Iterable[Lesson], steps: dict[int, dict[str, str]]) -> dict[str, Any]:
    """The JSON the progress views and the printable page are built from."""
    out_steps = []
    for number in sorted(steps):
        info = steps[number]
        out_steps.append(
            {
                "number": number,
                "title": info["title"],
                "url": info["url"],
                "lessons": [
                    {
                        "title": lesson.title,
                        "url": lesson.url,
                        "items": [
                            {"id": it.id, "text": it.plain, "order": n} for n, it in enumerate(lesson.items, start=1)
                        ],
                    }
                    for lesson in lessons
                    if lesson.step == number and lesson.items
                ],
            }
        )
    return {"format": "path-to-pm/checklists", "version": 1, "steps": out_steps}
