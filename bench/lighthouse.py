"""Lighthouse 12.2.3 on the five page types, mobile and desktop, median of 3 runs.

Installs Lighthouse with npm into bench/node_modules on first use, serves the
site with gzip on 127.0.0.1 (built with that address as SITE_URL, so
canonical links match), and drives Debian's Chromium. Budgets: accessibility,
best practices and SEO 100 on every page type; performance at least 95 on
mobile, at Lighthouse's default throttling.

For context, not for the budget, each mobile page is also measured on the
plain-Material twin, alternating with ours so both meet the machine in the
same state, and every run records Lighthouse's benchmark index of the host
(its default 4x CPU slowdown assumes about 1,533).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import PAGE_TYPES, ROOT, build, chromium, free_port, median, plain_twin, serve_on, write_result

VERSION = "12.2.3"
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (*CATEGORIES, "tbt_ms", "lcp_ms", "benchmark_index")  # what each run records and each row takes the median of
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
BENCH = ROOT / "bench"


def lighthouse() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            # `npm ci` installs exactly package-lock.json (with its integrity hashes) and never rewrites it.
            ["npm", "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=BENCH,
            check=True,
        )
    return binary


def run(binary: Path, url: str, form: str, out: Path) -> dict[str, object]:
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
    scores: dict[str, object] = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    scores["tbt_ms"] = round(audits["total-blocking-time"]["numericValue"])
    scores["lcp_ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    scores["benchmark_index"] = round(report["environment"]["benchmarkIndex"])
    scores["failed_audits"] = sorted(
        a["id"]
        for a in audits.values()
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


def summarise(runs: list[dict[str, object]]) -> dict[str, object]:
    return {
        **{c: median([r[c] for r in runs]) for c in METRICS},  # type: ignore[misc]
        "runs": [{c: r[c] for c in METRICS} for r in runs],
        "failed_audits": sorted({a for r in runs for a in r["failed_audits"]}),  # type: ignore[attr-defined]
    }


def main() -> int:
    binary = lighthouse()
    port, plain_port = free_port(), free_port()
    results: dict[str, dict[str, dict[str, object]]] = {}
    plain: dict[str, dict[str, object]] = {}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        site, plain_site = Path(tmp) / "site", Path(tmp) / "plain-site"
        build(ROOT / "mkdocs.yml", site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        build(plain_twin(Path(tmp) / "plain", f"http://127.0.0.1:{plain_port}/"), plain_site)
        with serve_on(site, port) as base, serve_on(plain_site, plain_port) as plain_base:
            for name, path in PAGE_TYPES.items():
                for form in ("mobile", "desktop"):
                    runs, twin_runs = [], []
                    for n in range(RUNS):  # alternate, so both meet the machine in the same state
                        runs.append(run(binary, base + path, form, Path(tmp) / f"{name}-{form}-{n}.json"))
                        if form == "mobile":
                            twin_runs.append(run(binary, plain_base + path, form, Path(tmp) / f"plain-{name}-{n}.json"))
                    row = summarise(runs)
                    passes = all(row[c] == 100 for c in ("accessibility", "best-practices", "seo")) and (
                        form == "desktop" or row["performance"] >= 95  # type: ignore[operator]
                    )
                    ok &= passes
                    row["within_budget"] = passes
                    if form == "mobile":
                        plain[name] = summarise(twin_runs)
                    results.setdefault(name, {})[form] = row
                    print(
                        f"{name:22} {form:8} "
                        + "  ".join(f"{c} {row[c]:.0f}" for c in CATEGORIES)
                        + (f"  (plain Material {plain[name]['performance']:.0f})" if form == "mobile" else "")
                        + ("" if passes else f"  OVER {row['failed_audits']}")
                    )
    write_result(
        "lighthouse",
        {
            "lighthouse": VERSION,
            "runs": RUNS,
            "results": results,
            "plain_material_mobile": plain,
            "budget": "a11y, best practices, SEO 100; mobile performance >= 95 at Lighthouse's default throttling",
        },
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
