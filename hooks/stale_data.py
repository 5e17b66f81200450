"""List data entries whose ``checked_on`` is older than N months, as Markdown.

Usage: ``python -m hooks.stale_data --months 12``. Exit status 0 when none are
stale, 1 when some are (the scheduled workflow then opens or updates an issue
with this output as its body).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from hooks import data


def months_before(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return dt.date(year, month + 1, day)


def stale(entries: Iterable[tuple[str, Mapping[str, Any]]], cutoff: dt.date) -> list[tuple[str, str, str]]:
    out = []
    for folder, entry in entries:
        checked = dt.date.fromisoformat(entry["checked_on"])
        if checked < cutoff:
            out.append(
                (f"data/{folder}/{entry['id']}.yml", entry.get("title") or entry.get("name", ""), entry["checked_on"])
            )
    return sorted(out, key=lambda row: row[2])


def report(rows: list[tuple[str, str, str]], months: int) -> str:
    lines = [
        f"These {len(rows)} entries were last checked more than {months} months ago. "
        "Open each source, correct what changed, and set `checked_on` to the day you checked.",
        "",
        "| File | Entry | Checked on |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{f}` | {inert(t)} | {c} |" for f, t, c in rows]
    return "\n".join(lines)


def inert(value: str, limit: int = 120) -> str:
    """Contributor text for a GitHub issue body: shown as typed, never a mention, link or markup.

    A code span: GitHub neither renders Markdown nor finds @mentions, #references
    or URLs inside one. Backticks become a look-alike so the span cannot close
    early; a "|" is escaped because a GitHub table splits cells on it even inside
    code; one line, at most ``limit`` characters.
    """
    text = " ".join(str(value).split()).replace("`", "\u02cb")
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return "`" + text.replace("|", "\\|") + "`" if text else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    site = data.load_all()
    cutoff = months_before(dt.date.today(), args.months)
    entries = [("certifications", e) for e in site.certifications.values()] + [
        ("resources", e) for e in site.resources.values()
    ]
    rows = stale(entries, cutoff)
    if not rows:
        print(f"Every entry was checked in the last {args.months} months.")
        return 0
    print(report(rows, args.months))
    return 1


if __name__ == "__main__":
    sys.exit(main())
