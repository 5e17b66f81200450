"""Lighthouse 12.2.3 on the five page types, mobile and desktop, median of 3 runs.

Installs Lighthouse with npm into bench/node_modules on first use, serves the
site with gzip on 127.0.0.1 (built with that address as SITE_URL, so
canonical links match), and drives Debian's Chromium. Budgets: accessibility,
best practices and SEO 100 on every page type; performance at least 95 on
mobile.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import PAGE_TYPES, ROOT, build, chromium, median, serve_on, write_result

VERSION = "12.2.3"
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
BENCH = ROOT / "bench"


def lighthouse() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "-E", f"lighthouse@{VERSION}"],
            cwd=BENCH,
            check=True,
        )
    return binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary: Path, url: str, form: str, out: Path) -> dict[str, float]:
    args = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form == "desktop":
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True)
    report = json.loads(out.read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["failed_audits"] = sorted(
        a["id"]
        for a in report["audits"].values()
        if a.get("score") is not None
        and a["score"] < 1
        and a.get("scoreDisplayMode") in ("binary", "numeric")
        and a["id"]
        in {
            ref["id"]
            for c in ("accessibility", "best-practices", "seo")
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] > 0
        }
    )
    return scores


def main() -> int:
    binary = lighthouse()
    port = free_port()
    results: dict[str, dict[str, dict[str, object]]] = {}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(ROOT / "mkdocs.yml", site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        with serve_on(site, port) as base:
            for name, path in PAGE_TYPES.items():
                for form in ("mobile", "desktop"):
                    runs = [run(binary, base + path, form, Path(tmp) / f"{name}-{form}-{n}.json") for n in range(RUNS)]
                    med = {c: median([r[c] for r in runs]) for c in CATEGORIES}
                    failed = sorted({a for r in runs for a in r["failed_audits"]})
                    passes = all(med[c] == 100 for c in ("accessibility", "best-practices", "seo")) and (
                        form == "desktop" or med["performance"] >= 95
                    )
                    ok &= passes
                    results.setdefault(name, {})[form] = {
                        **med,
                        "runs": [{c: r[c] for c in CATEGORIES} for r in runs],
                        "failed_audits": failed,
                        "within_budget": passes,
                    }
                    print(
                        f"{name:22} {form:8} "
                        + "  ".join(f"{c} {med[c]:.0f}" for c in CATEGORIES)
                        + ("" if passes else f"  OVER {failed}")
                    )
    write_result(
        "lighthouse",
        {
            "lighthouse": VERSION,
            "runs": RUNS,
            "results": results,
            "budget": "a11y, best practices, SEO 100; mobile performance >= 95",
        },
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
