"""The monthly stale-data issue: titles are shown as typed, never as mentions or markup."""

from __future__ import annotations

import re

import pytest

from hooks import stale_data

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
