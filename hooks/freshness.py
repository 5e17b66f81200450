"""When a page's sources were last checked, read from its own footnotes.

Every footnote that backs a figure ends with "checked YYYY-MM-DD" (the style guide
and the lesson lint require it). The lesson header shows the months those dates
span, so a reader sees how current the figures are without opening each source.
"""

from __future__ import annotations

import re
from datetime import date

_CHECKED = re.compile(r"^\[\^[^\]]+\]:.*\bchecked (\d{4})-(\d{2})-(\d{2})\b", re.M)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def checked_dates(markdown: str) -> list[date]:
    """Every valid "checked" date in the page's footnote definitions; impossible dates are skipped."""
    out = []
    for year, month, day in _CHECKED.findall(markdown):
        try:
            out.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue  # the lint reports an impossible date; the header just leaves it out
    return out


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
