"""``make check-data``: validate every data file and print every problem.

Usage: ``python -m hooks.check_data``. Exit status 0 when all is well, 1 when
anything is wrong (each problem names the file, the entry and the field; a
lesson citing a missing id names the lesson and the line).
"""

from __future__ import annotations

import sys

from hooks import checklists, crosscheck, data
from hooks.problems import report


def main() -> int:
    collections = data.load_collections()
    problems = [p for c in collections.values() for p in c.problems]
    problems += crosscheck.problems(collections)
    problems += checklists.load_registry(checklists.REGISTRY)[1]
    if problems:
        print(report(problems, "the data files"), file=sys.stderr)
        return 1
    summary = ", ".join(f"{len(c.entries)} {name}" for name, c in collections.items())
    print(f"Data files are valid: {summary}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
