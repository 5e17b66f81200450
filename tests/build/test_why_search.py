"""The catalogue's foldable "why" keeps repeated resource lists out of the search index."""

from __future__ import annotations

import json
from pathlib import Path

from hooks import tables


def test_a_step_pages_resource_tables_stay_out_of_search(site_dir: Path) -> None:
    # Material's search parser matches an excluded element's end by tag name only, so an
    # element of the same tag nested inside one (a <div> in the excluded <div> region)
    # would end the exclusion early and index the rest of the table.
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    headings = {tables.slug(plural) for _, plural in tables.TYPES.values()}
    sections = [d for d in docs if d["location"].startswith("steps/") and d["location"].split("#")[-1] in headings]
    assert len(sections) >= 20
    assert [d["location"] for d in sections if d["text"].strip()] == []
    assert not any("Show more" in d["text"] for d in docs)
