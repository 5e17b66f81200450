"""tests/find_chromium.py: a browser that cannot start is no browser, so `make test` stops before pytest."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests import find_chromium

ROOT = Path(__file__).resolve().parents[2]


def _script(path: Path, body: str) -> str:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_a_chromium_that_reports_its_version_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _script(tmp_path / "chromium", 'echo "Chromium 156.0.1"')
    monkeypatch.setenv("CHROMIUM", fake)
    assert find_chromium.find() == fake


@pytest.mark.parametrize("body", ["exit 1", "exit 0", "echo 'cannot open shared object' >&2; exit 127"])
def test_a_broken_or_silent_chromium_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setenv("CHROMIUM", _script(tmp_path / "chromium", body))
    assert find_chromium.find() is None


def test_no_chromium_ends_with_the_one_line_instruction(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "find_chromium.py")],
        env={"CHROMIUM": str(tmp_path / "missing"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "sudo apt-get install chromium" in lines[0] and "CHROMIUM=" in lines[0]
