"""One problem type, and one way to print a list of them.

Every check in ``hooks/`` (the data files, the checklists, the cross-file
checks, the lesson lint) reports what it finds as :class:`Problem`, and every
command prints them with :func:`report`, so a contributor reads one shape::

    data/resources/x.yml: entry 'x', field 'url': is 'http://...'; expected ...
    docs/steps/01-understand-the-role/01-a-week-in-the-life.md:128: a checklist item has no id ...
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass
from typing import Any

QUOTE_LIMIT = 80
MESSAGE_LIMIT = 3000


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Text cut to ``limit`` characters, so a message can quote a value of any size."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quote(value: Any) -> str:
    """A value for a message: its repr, at most QUOTE_LIMIT characters."""
    return clip(repr(value))


@dataclass(frozen=True)
class Problem:
    """One thing wrong: in a file, optionally at a line, or in one field of one entry."""

    file: str
    message: str
    _: KW_ONLY
    line: int | None = None
    entry: str = ""
    field: str = ""

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file, self.line or 0, self.entry, self.field, self.message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.entry:
            where += f": entry '{clip(self.entry)}'"
        if self.field:
            where += f", field '{clip(self.field)}'"
        # Values are quoted short (quote()); the message as a whole is bounded too. Line
        # breaks stay only where a message lists things on purpose (the step limit).
        lines = clip(self.message, MESSAGE_LIMIT).splitlines() or [""]
        return "\n".join(" ".join(line.split()) for line in [f"{where}: {lines[0]}", *lines[1:]])


def report(problems: Iterable[Problem], where: str) -> str:
    """``N problems in <where>:`` and one ``  - problem`` line each (``where``: "the data files", ...)."""
    listed = list(problems)
    count = len(listed)
    lines = "".join(f"\n  - {p}" for p in listed)
    return f"{count} problem{'s' if count != 1 else ''} in {where}:{lines}"
