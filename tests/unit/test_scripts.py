"""The browser scripts subscribe to Material's page changes in one place: progress.js's onEveryPage."""

from __future__ import annotations

from pathlib import Path

JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "js"


def test_only_the_helper_subscribes_to_document_changes() -> None:
    users = {p.name: p.read_text(encoding="utf-8") for p in JS.glob("*.js")}
    assert [name for name, text in users.items() if "document$.subscribe" in text] == ["progress.js"]
    assert users["progress.js"].count("document$.subscribe") == 1
    for name in ("tables.js", "questions.js", "progress-tools.js"):
        assert "onEveryPage(" in users[name], name
