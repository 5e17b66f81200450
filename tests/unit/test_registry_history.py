"""A published checklist id can never be deleted: the ledger, and the base branch where git has it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from hooks import checklists
from tests.unit.test_checklists import item

ROOT = Path(__file__).resolve().parents[2]


def registry(tmp_path: Path, *ids: str) -> Path:
    path = tmp_path / "checklist-ids.yml"
    checklists.register_new([item(i) for i in ids], path)
    return path


def test_make_ids_writes_the_ledger_and_only_appends(tmp_path: Path) -> None:
    path = registry(tmp_path, "s01-a", "s01-b")
    ledger = checklists.ledger_path(path)
    assert checklists.read_ledger(ledger)[0] == ["s01-a", "s01-b"]
    checklists.register_new([item("s01-a"), item("s01-b"), item("s01-c")], path)
    assert checklists.read_ledger(ledger)[0] == ["s01-a", "s01-b", "s01-c"]
    assert checklists.load_registry(path)[1] == []


def test_an_id_deleted_from_the_registry_fails_naming_it(tmp_path: Path) -> None:
    path = registry(tmp_path, "s01-a", "s01-b")
    path.write_text(path.read_text().replace("- s01-b\n", ""))
    problems = [str(p) for p in checklists.load_registry(path)[1]]
    assert len(problems) == 1 and "entry 's01-b'" in problems[0] and "never delete an id" in problems[0], problems


def test_a_retired_id_satisfies_the_ledger(tmp_path: Path) -> None:
    path = registry(tmp_path, "s01-a", "s01-b")
    path.write_text(
        path.read_text()
        .replace("- s01-b\n", "")
        .replace("retired: []", "retired:\n- {id: s01-b, retired_on: '2026-12-06', reason: item removed}")
    )
    assert checklists.load_registry(path)[1] == []


def test_make_ids_records_ids_registered_by_hand(tmp_path: Path) -> None:
    path = registry(tmp_path, "s01-a")
    path.write_text(path.read_text().replace("- s01-a\n", "- s01-a\n- s01-b\n"))
    assert checklists.load_registry(path)[1] == []
    checklists.register_new([item("s01-a"), item("s01-b")], path)
    assert checklists.read_ledger(checklists.ledger_path(path))[0] == ["s01-a", "s01-b"]


def test_a_missing_ledger_is_a_problem(tmp_path: Path) -> None:
    path = registry(tmp_path, "s01-a")
    checklists.ledger_path(path).unlink()
    assert "is missing" in str(checklists.load_registry(path)[1][0])


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _base_commit() -> str | None:
    for ref in (os.environ.get("PTP_BASE_REF"), "origin/main", "main"):
        if ref and (found := _git("merge-base", "HEAD", ref)):
            return found.strip()
    return None


def test_no_id_on_the_base_branch_was_deleted_here() -> None:
    """Deleting an id from both files at once is caught against the base branch (needs git history)."""
    base = _base_commit()
    if base is None:
        pytest.skip("no git history with a base branch here (set PTP_BASE_REF, or fetch origin/main)")
    old_registry = _git("show", f"{base}:data/checklist-ids.yml")
    if old_registry is None:
        pytest.skip("the base branch has no registry yet")
    old = checklists.registry_ids(old_registry)
    old_ledger = _git("show", f"{base}:data/checklist-ids.published") or ""
    old |= {line for line in old_ledger.splitlines() if line and not line.startswith("#")}
    reg, _ = checklists.load_registry()
    gone = sorted(old - reg.active - set(reg.retired))
    assert not gone, f"ids published on the base branch are gone from data/checklist-ids.yml: {gone}"
    ledger = set(checklists.read_ledger(checklists.ledger_path(checklists.REGISTRY))[0])
    assert not (old - ledger) or not old_ledger, "lines were deleted from data/checklist-ids.published"
