"""The monthly stale-data issue: titles are shown as typed, never as mentions or markup."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hooks import data, stale_data

HOSTILE = [
    "Ping @octocat and @org/team",
    "[click](https://evil.example) ![x](https://evil.example/p.png) <img src=x>",
    "a | b | c",
    "close `early` @octocat",
    "fixes #1 and **bold**\nsecond line",
    "x" * 500,
]


@pytest.mark.parametrize("title", HOSTILE)
def test_a_title_is_one_code_span_in_its_own_cell(title: str) -> None:
    body = stale_data.report([("data/resources/r.yml", title, "2020-01-01")], 12)
    row = body.splitlines()[-1]
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 3, row
    cell = cells[1].strip()
    # One code span from start to end: GitHub renders nothing and pings nobody inside it.
    assert cell.startswith("`") and cell.endswith("`") and cell.count("`") == 2, cell
    assert len(cell) <= 125
    assert "\n" not in row


def test_months_before_crosses_years_and_short_months() -> None:
    assert stale_data.months_before(dt.date(2026, 12, 6), 12) == dt.date(2025, 12, 6)
    assert stale_data.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert stale_data.months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_only_entries_checked_before_the_cutoff_are_listed_oldest_first() -> None:
    entries = [
        ("resources", {"id": "recent", "title": "Recent", "checked_on": "2026-06-01"}),
        ("resources", {"id": "old", "title": "Old book", "checked_on": "2025-01-10"}),
        ("certifications", {"id": "cert", "name": "Old cert", "checked_on": "2024-05-02"}),
        ("resources", {"id": "edge", "title": "On the day", "checked_on": "2025-12-06"}),
    ]
    rows = stale_data.stale(entries, dt.date(2025, 12, 6))
    assert rows == [
        ("data/certifications/cert.yml", "Old cert", "2024-05-02"),
        ("data/resources/old.yml", "Old book", "2025-01-10"),
    ]


def test_the_report_counts_the_rows_and_says_what_to_do() -> None:
    body = stale_data.report([("data/resources/old.yml", "Old book", "2025-01-10")], 12)
    assert body.startswith("These 1 entries were last checked more than 12 months ago.")
    assert "set `checked_on` to the day you checked" in body
    assert body.splitlines()[-1] == "| `data/resources/old.yml` | `Old book` | 2025-01-10 |"


def test_main_says_so_when_nothing_is_stale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(stale_data.data, "load_all", lambda: data.SiteData({}, {}))
    assert stale_data.main(["--months", "6"]) == 0
    assert capsys.readouterr().out.strip() == "Every entry was checked in the last 6 months."
