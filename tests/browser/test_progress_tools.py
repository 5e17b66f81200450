"""Export, import and reset on the "My progress" page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.helpers import open_page

pytestmark = pytest.mark.browser


def tick_first(page, base: str, lesson: dict, count: int) -> list[str]:
    open_page(page, base, lesson["url"])
    ids = []
    for n in range(count):
        box = page.locator("input[data-check-id]").nth(n)
        box.click()
        ids.append(box.get_attribute("data-check-id"))
    return ids


def status(page) -> str:
    return page.locator("[data-ptp-tools-status]").inner_text()


def import_file(page, path: Path) -> None:
    page.locator("[data-ptp-tools] input[type=file]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('[data-ptp-tools-status]').textContent.length > 0")


def test_export_then_import_into_a_fresh_browser_restores_the_ticks(
    browser, server, first_lesson, tmp_path: Path
) -> None:
    home = browser.new_context(accept_downloads=True)
    page = home.new_page()
    ids = tick_first(page, server.url, first_lesson, 3)
    open_page(page, server.url, "progress/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == "path-to-pm/progress" and data["version"] == 1
    assert data["site"].startswith(server.url.split("/path-to-pm/")[0])
    assert sorted(data["ticks"]) == sorted(ids)
    assert saved.name.startswith("path-to-pm-progress-") and saved.suffix == ".json"
    home.close()

    work = browser.new_context()
    page = work.new_page()
    open_page(page, server.url, "progress/")
    import_file(page, saved)
    assert status(page) == "Restored 3 ticks."
    open_page(page, server.url, first_lesson["url"])
    for item in ids:
        assert page.locator(f"input[data-check-id='{item}']").is_checked()
    work.close()


def test_a_malformed_file_is_refused_and_changes_nothing(page, server, first_lesson, tmp_path: Path) -> None:
    tick_first(page, server.url, first_lesson, 1)
    open_page(page, server.url, "progress/")
    before = page.evaluate("() => JSON.stringify(localStorage)")
    bad = tmp_path / "bad.json"
    bad.write_text("{ this is not json")
    import_file(page, bad)
    assert "not a Path to PM progress file" in status(page) and "Nothing was changed" in status(page)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "someone-else", "ticks": {}}))
    import_file(page, other)
    assert "not a Path to PM progress file" in status(page)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "path-to-pm/progress", "version": 2, "ticks": {}}))
    import_file(page, newer)
    assert "format version 2" in status(page)
    assert page.evaluate("() => JSON.stringify(localStorage)") == before


def test_markup_in_a_file_is_never_inserted_as_html(page, server, manifest, tmp_path: Path) -> None:
    open_page(page, server.url, "progress/")
    page.evaluate("() => { window.__pwned = false }")
    evil = '<img src=x onerror="window.__pwned=true">'
    real = manifest["steps"][0]["lessons"][0]["items"][0]["id"]
    payload = {"format": "path-to-pm/progress", "version": 1, "ticks": {evil: "2026-11-01", real: evil}}
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(payload))
    import_file(page, path)
    assert page.locator("[data-ptp-tools] img").count() == 0
    assert page.evaluate("() => window.__pwned") is False
    assert "damaged" in status(page)
    assert "<img" not in page.locator("[data-ptp-tools]").inner_html()


def test_unknown_ids_are_ignored_and_counted(page, server, manifest, tmp_path: Path) -> None:
    open_page(page, server.url, "progress/")
    real = manifest["steps"][0]["lessons"][0]["items"][0]["id"]
    payload = {
        "format": "path-to-pm/progress",
        "version": 1,
        "ticks": {real: "2026-11-01T10:00:00Z", "s99-gone-for-good": "2026-01-01", "s99-also-gone": "2026-01-01"},
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(payload))
    import_file(page, path)
    assert status(page) == "Restored 1 tick. 2 items are no longer in the guide and were ignored."
    stored = json.loads(page.evaluate("() => localStorage.getItem('path-to-pm:progress:/path-to-pm/')"))
    assert list(stored["ticks"]) == [real]


def test_reset_asks_first_and_can_be_undone_once(page, server, first_lesson) -> None:
    ids = tick_first(page, server.url, first_lesson, 2)
    open_page(page, server.url, "progress/")
    page.get_by_role("button", name="Reset my progress").click()
    page.get_by_role("button", name="Cancel").click()
    assert status(page) == "Nothing was cleared."
    page.get_by_role("button", name="Reset my progress").click()
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert status(page) == "Cleared 2 ticks. You can undo this once."
    stored = json.loads(page.evaluate("() => localStorage.getItem('path-to-pm:progress:/path-to-pm/')"))
    assert stored["ticks"] == {}
    page.get_by_role("button", name="Undo the reset").click()
    assert status(page) == "Your ticks are back."
    assert not page.get_by_role("button", name="Undo the reset").is_visible()
    open_page(page, server.url, first_lesson["url"])
    for item in ids:
        assert page.locator(f"input[data-check-id='{item}']").is_checked()


def test_the_progress_page_is_reachable_from_every_page_in_one_step(page, server) -> None:
    for path in ("", "start-here/", "steps/05-network/", "glossary/"):
        open_page(page, server.url, path)
        link = page.locator("a[href$='progress/']").first
        assert link.count() == 1, path
