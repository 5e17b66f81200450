"""The lesson header's "Sources checked" span, read from the page's footnotes."""

from __future__ import annotations

from datetime import date

from hooks.freshness import checked_dates, sources_checked
from hooks.progress import lesson_header

ONE_MONTH = "Text.[^a]\n\n[^a]: [A](https://example.org/a), checked 2026-11-26.\n[^b]: [B](https://example.org/b), checked 2026-11-03.\n"


def test_one_month() -> None:
    assert sources_checked(ONE_MONTH) == "Sources checked Nov 2026"


def test_a_span_within_a_year_and_across_years() -> None:
    later = ONE_MONTH + "[^c]: [C](https://example.org/c), checked 2026-12-06.\n"
    assert sources_checked(later) == "Sources checked Nov\u2013Dec 2026"
    older = later + "[^d]: [D](https://example.org/d), checked 2025-09-30.\n"
    assert sources_checked(older) == "Sources checked Sep 2025\u2013Dec 2026"


def test_only_footnote_definitions_count_and_impossible_dates_are_skipped() -> None:
    body = "The text says checked 2019-01-01 in passing.\n\n[^a]: [A](https://example.org/a), checked 2026-02-30.\n"
    assert checked_dates(body) == []
    assert sources_checked(body) is None
    assert checked_dates(ONE_MONTH) == [date(2026, 11, 26), date(2026, 11, 3)]


def test_the_header_shows_the_span_after_the_time() -> None:
    out = lesson_header("# T\n", "1-2 hours", 0, checked=sources_checked(ONE_MONTH))
    assert "1\u20132 hours at your own pace \u00b7 Sources checked Nov 2026" in out.split("\n")[0]
    assert "Sources" not in lesson_header("# T\n", "1-2 hours", 0)
