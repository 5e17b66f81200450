"""When a page's sources were last checked, read from its own footnotes.

Every footnote that backs a figure ends with "checked YYYY-MM-DD" (the style guide
and the lesson lint require it). The lesson header shows the months those dates
span, so a reader sees how current the figures are without opening each source.
"""

from __future__ import annotations

import re
from datetime import date

# "checked 2026-11-26" in a footnote's text; the lesson lint (PTP015) requires it.
CHECKED = re.compile(r"\bchecked (\d{4})-(\d{2})-(\d{2})\b")
_DEFINITION = re.compile(r"^\[\^[^\]]+\]:(.*)$", re.M)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def checked_date(text: str) -> date | None:
    """The date in a footnote's "checked YYYY-MM-DD"; None without one or when no such day exists."""
    m = CHECKED.search(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def checked_dates(markdown: str) -> list[date]:
    """Every valid "checked" date in the page's footnote definitions (the lint reports the others)."""
    return [d for d in map(checked_date, _DEFINITION.findall(markdown)) if d]


def sources_checked(markdown: str) -> str | None:
    """ "Sources checked Nov 2026", "Sources checked Nov–Dec 2026" or "Sources checked Dec 2025–Jan 2026"; None without dates."""
    dates = checked_dates(markdown)
    if not dates:
        return None
    first, last = min(dates), max(dates)
    if (first.year, first.month) == (last.year, last.month):
        span = f"{_MONTHS[first.month - 1]} {first.year}"
    elif first.year == last.year:
        span = f"{_MONTHS[first.month - 1]}\u2013{_MONTHS[last.month - 1]} {last.year}"
    else:
        span = f"{_MONTHS[first.month - 1]} {first.year}\u2013{_MONTHS[last.month - 1]} {last.year}"
    return f"Sources checked {span}"
