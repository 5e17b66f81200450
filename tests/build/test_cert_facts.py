"""The built certifications page states exactly what the data files state, and nothing by default."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hooks import data, tables

# Sentences the tables used to print for a missing field, as if they were facts.
DEFAULTS = (
    "not published where we could check",
    "details not published",
    "renewal terms not published",
    "no exam; details",
)


def _cells(page: str) -> dict[str, list[str]]:
    rows = {}
    for cert_id, body in re.findall(r'<tr id="cert-([a-z0-9-]+)"[^>]*>(.*?)</tr>', page, re.S):
        cells = re.findall(r"<td(?: [^>]*)?>(.*?)</td>", body, re.S)
        rows[cert_id] = [html.unescape(re.sub(r"<[^>]+>", " ", c)).strip() for c in cells]
    return rows


def test_each_certification_row_prints_the_data_and_how_it_was_checked(site_dir: Path) -> None:
    page = (site_dir / "certifications" / "index.html").read_text(encoding="utf-8")
    rows = _cells(page)
    certs = data.load_certifications().entries
    assert set(rows) == set(certs)
    for cert_id, cert in certs.items():
        cost, exam, renewal, checked = rows[cert_id][4], rows[cert_id][5], rows[cert_id][6], rows[cert_id][9]
        assert cost.startswith(tables.cost_text(cert)), cert_id
        assert exam == tables.exam_text(cert), cert_id
        assert renewal == tables.renewal_text(cert), cert_id
        issuer = any(src["kind"] == "issuer" for src in cert["sources"])
        assert ("Checked against the issuer's page" in checked) is issuer, cert_id
        assert ("Third-party pages only" in checked) is not issuer, cert_id
    lowered = page.lower()
    for sentence in DEFAULTS:
        assert sentence not in lowered, sentence
