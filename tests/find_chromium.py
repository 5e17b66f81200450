"""Print the path of a Chromium the browser tests can drive, or explain in one line.

Order: $CHROMIUM, Debian's /usr/bin/chromium (and a few usual names), then
Playwright's own download where downloads work (`python -m playwright install
chromium`). Exit status 1 with an instruction when none is found.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if path and Path(path).exists() else None


def runs(path: str) -> bool:
    """True when the browser at ``path`` starts and reports its version (not a broken or partial download)."""
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and bool(done.stdout.strip())


def find() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).exists() and runs(env) else None
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found and runs(found):
            return found
    found = playwright_chromium()
    if found and runs(found):
        return found
    if os.environ.get("CI"):
        return None  # CI installs Debian's package; never download there
    print("No Chromium found; trying `python -m playwright install chromium`...", file=sys.stderr)
    done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    found = playwright_chromium() if done.returncode == 0 else None
    return found if found and runs(found) else None


if __name__ == "__main__":
    path = find()
    if not path:
        sys.exit(
            "No Chromium for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
            "or set CHROMIUM=/path/to/chromium, then run `make test` again."
        )
    print(path)
