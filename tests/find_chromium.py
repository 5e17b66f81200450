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


def find() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    found = playwright_chromium()
    if found:
        return found
    if os.environ.get("CI"):
        return None  # CI installs Debian's package; never download there
    print("No Chromium found; trying `python -m playwright install chromium`...", file=sys.stderr)
    done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    return playwright_chromium() if done.returncode == 0 else None


if __name__ == "__main__":
    path = find()
    if not path:
        sys.exit(
            "No Chromium for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
            "or set CHROMIUM=/path/to/chromium, then run `make test` again."
        )
    print(path)
