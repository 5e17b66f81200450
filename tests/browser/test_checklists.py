"""Checklists in the browser: ticks persist, progress shows, bad storage never breaks a page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.browser.helpers import axe_violations, open_page
from tests.conftest import BASE_PATH, SiteServer, build_site, copy_project

pytestmark = pytest.mark.browser


def tick(page, index: int = 0) -> str:
    """Tick the index-th item of the page as a reader does: by clicking its box."""
    box = page.locator("input[data-check-id]").nth(index)
    box.click()
    assert box.is_checked()
    return box.get_attribute("data-check-id")


def test_a_tick_survives_a_reload(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    item = tick(page)
    page.reload()
    page.wait_for_function("() => !!window.document$")
    assert page.locator(f"input[data-check-id='{item}']").is_checked()


def test_a_tick_survives_closing_the_browser_context_storage(browser, server, first_lesson, tmp_path: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_page(page, server.url, first_lesson["url"])
    item = tick(page, 1)
    state = tmp_path / "state.json"
    context.storage_state(path=str(state))
    context.close()
    again = browser.new_context(storage_state=str(state))
    page = again.new_page()
    open_page(page, server.url, first_lesson["url"])
    assert page.locator(f"input[data-check-id='{item}']").is_checked()
    again.close()


def test_a_tick_survives_navigation_away_and_back(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    item = tick(page)
    page.locator(".md-nav--primary a.md-nav__link", has_text="Start here").first.click()
    page.wait_for_url(re.compile(r"start-here/$"))
    page.go_back()
    page.wait_for_url(re.compile(re.escape(first_lesson["url"]) + "$"))
    page.wait_for_selector(f"input[data-check-id='{item}']")
    assert page.locator(f"input[data-check-id='{item}']").is_checked()
    assert page.locator(".ptp-checklist__count").first.inner_text().startswith("1 of ")


def test_progress_counts_update_on_lesson_step_progress_and_home(page, server, first_lesson) -> None:
    total = len(first_lesson["items"])
    open_page(page, server.url, first_lesson["url"])
    assert page.locator(".ptp-checklist__count").first.inner_text() == f"0 of {total} done"
    tick(page, 0)
    tick(page, 1)
    assert page.locator(".ptp-checklist__count").first.inner_text() == f"2 of {total} done"
    assert page.locator("[data-ptp-lesson-count]").inner_text() == f"Checklist: 2 of {total} done"

    step = first_lesson["step"]
    step_total = sum(len(lesson["items"]) for lesson in step["lessons"])
    open_page(page, server.url, step["url"])
    bar = page.locator(".ptp-bar").first
    assert bar.locator("[data-ptp-count]").inner_text() == f"2 of {step_total} done"
    assert bar.locator("progress").evaluate("p => p.value") == 2

    open_page(page, server.url, "progress/")
    row = page.locator(f".ptp-step[data-ptp-step='{step['number']}']")
    assert row.locator("[data-ptp-count]").inner_text() == f"2 of {step_total} done"
    left = row.locator("[data-ptp-item]:visible")
    row.locator("summary").click()
    assert left.count() == step_total - 2
    cont = page.locator("[data-ptp-continue] a")
    assert cont.inner_text().startswith("Continue: ")
    assert cont.inner_text().removeprefix("Continue: ") in {lesson["title"] for lesson in step["lessons"]}

    open_page(page, server.url)
    assert (
        page.locator(".ptp-card").nth(step["number"] - 1).locator("[data-ptp-count]").inner_text()
        == f"2 of {step_total} done"
    )
    assert page.locator("[data-ptp-continue-link]").is_visible()


def test_keyboard_alone_ticks_an_item_with_a_visible_focus_ring(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    first = page.locator("input[data-check-id]").first
    item = first.get_attribute("data-check-id")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.dataset.checkId") == item:
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    outline = first.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    page.keyboard.press("Space")
    assert first.is_checked()
    assert first.evaluate("el => el.labels[0].textContent.trim().length > 0")
    page.reload()
    page.wait_for_function("() => !!window.document$")
    assert page.locator(f"input[data-check-id='{item}']").is_checked()


def test_each_checkbox_is_named_by_its_item_text(page, server, first_lesson) -> None:
    open_page(page, server.url, first_lesson["url"])
    for item in first_lesson["items"]:
        box = page.get_by_role("checkbox", name=item["text"], exact=True)
        assert box.count() == 1, item["text"]


@pytest.mark.parametrize(
    ("stored", "notice"),
    [
        ("{not json", "could not be read"),
        ('{"format": "path-to-pm/progress", "version": 1, "ticks": {"BAD ID": "x", "s00-ok": 5}}', "damaged"),
        ('{"format": "something-else"}', "could not be read"),
        ('{"format": "path-to-pm/progress", "version": 99, "ticks": {}}', "newer version"),
        ("[1, 2, 3]", "could not be read"),
    ],
    ids=["invalid-json", "wrong-types", "unknown-format", "future-version", "wrong-shape"],
)
def test_corrupted_storage_leaves_the_page_working_and_says_so(
    browser, server, first_lesson, stored: str, notice: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_page(page, server.url, first_lesson["url"])
    key = "path-to-pm:progress:" + BASE_PATH  # namespaced by the site's base path
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, stored])
    page.reload()
    page.wait_for_function("() => !!window.document$")
    assert notice in page.locator(".ptp-notice").inner_text()
    tick(page)
    assert page.locator(".ptp-checklist__count").first.inner_text().startswith("1 of ")
    saved = page.evaluate("k => localStorage.getItem(k)", key)
    if notice == "newer version":
        assert saved == stored, "a newer format must never be overwritten"
    else:
        assert page.evaluate("k => localStorage.getItem(k + ':backup')", key) == stored, "the damaged data was not kept"
        assert json.loads(saved)["version"] == 1
    context.close()


def test_unavailable_storage_still_lets_you_tick_for_the_visit(browser, server, first_lesson) -> None:
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });"
    )
    page = context.new_page()
    errors: list[str] = []
    # Material's own inline script also touches localStorage and throws; only ours must not.
    page.on("pageerror", lambda e: errors.append(e.stack or "") if "/assets/js/" in (e.stack or "") else None)
    open_page(page, server.url, first_lesson["url"])
    assert "only for this visit" in page.locator(".ptp-notice").inner_text()
    tick(page)
    assert page.locator(".ptp-checklist__count").first.inner_text().startswith("1 of ")
    assert errors == []
    context.close()


@pytest.mark.parametrize("where", ["lesson", "step", "progress"])
def test_axe_finds_nothing_after_ticking(page, server, first_lesson, where: str) -> None:
    open_page(page, server.url, first_lesson["url"])
    tick(page)
    path = {"lesson": first_lesson["url"], "step": first_lesson["step"]["url"], "progress": "progress/"}[where]
    open_page(page, server.url, path)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    ["", "start-here/", "steps/01-understand-the-role/", "progress/", "checklists/", "certifications/", "resources/"],
)
def test_phones_never_scroll_sideways(phone, server, first_lesson, path: str) -> None:
    for p in (path, first_lesson["url"]):
        open_page(phone, server.url, p)
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, f"{p} is {width}px wide"


def test_phone_tap_targets_are_at_least_24px(phone, server, first_lesson) -> None:
    open_page(phone, server.url, first_lesson["url"])
    for box in phone.locator("input[data-check-id]").all():
        size = box.bounding_box()
        assert size and size["width"] >= 24 and size["height"] >= 24, size
    box = phone.locator("input[data-check-id]").first
    box.scroll_into_view_if_needed()
    box.tap()
    assert box.is_checked()


FIXTURE_HEAD = """---
title: "Fixture lesson"
description: "A lesson whose checklist changes between two versions of the site."
time: "10-20 minutes"
---

# Fixture lesson

A lesson used to check that ticks follow ids, not positions.

## Checklist

"""

# Version 1, then version 2 of the same lesson: one item reworded and moved, one new, one removed.
LESSON_V1 = (
    FIXTURE_HEAD
    + """- [ ] Alpha task {#s01-fixture-alpha}
- [ ] Bravo task {#s01-fixture-bravo}
- [ ] Charlie task {#s01-fixture-charlie}
- [ ] Delta task {#s01-fixture-delta}
"""
)

LESSON_V2 = (
    FIXTURE_HEAD
    + """- [ ] A brand-new first task {#s01-fixture-echo}
- [ ] Charlie task, reworded and moved up {#s01-fixture-charlie}
- [ ] Alpha task {#s01-fixture-alpha}
- [ ] Delta task {#s01-fixture-delta}
"""
)


def build_fixture(root: Path, lesson: str, retired: list[str], site_url: str) -> Path:
    project = root / "project"
    if project.exists():
        shutil.rmtree(project)
    copy_project(project)
    (project / "docs" / "steps" / "01-understand-the-role" / "99-fixture.md").write_text(lesson, encoding="utf-8")
    registry = project / "data" / "checklist-ids.yml"
    reg = yaml.safe_load(registry.read_text(encoding="utf-8"))
    reg["active"] = sorted(set(reg["active"]) | {i for i in re.findall(r"\{#([a-z0-9-]+)\}", lesson)})
    reg["retired"] = (reg.get("retired") or []) + [
        {"id": r, "retired_on": "2026-11-01", "reason": "fixture"} for r in retired
    ]
    registry.write_text(yaml.safe_dump(reg), encoding="utf-8")
    out = root / "site"
    if out.exists():
        shutil.rmtree(out)
    done = build_site(project, out, site_url)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def test_ticks_follow_ids_when_items_are_reordered_reworded_inserted_and_removed(browser, tmp_path: Path) -> None:
    server = SiteServer(tmp_path)
    try:
        server.root = build_fixture(tmp_path / "v1", LESSON_V1, [], server.url)
        context = browser.new_context()
        page = context.new_page()
        url = "steps/01-understand-the-role/99-fixture/"
        open_page(page, server.url, url)
        for item in ("alpha", "bravo", "charlie"):
            page.locator(f"label[for='ptp-s01-fixture-{item}']").click()

        server.root = build_fixture(tmp_path / "v2", LESSON_V2, ["s01-fixture-bravo"], server.url)
        page.reload()
        page.wait_for_function("() => !!window.document$")
        checked = {b.get_attribute("data-check-id"): b.is_checked() for b in page.locator("input[data-check-id]").all()}
        assert checked == {
            "s01-fixture-echo": False,
            "s01-fixture-charlie": True,
            "s01-fixture-alpha": True,
            "s01-fixture-delta": False,
        }
        assert page.locator(".ptp-checklist__count").inner_text() == "2 of 4 done"
        assert page.locator(".ptp-notice").count() == 0, "a removed id must be ignored silently"
        context.close()
    finally:
        server.close()
