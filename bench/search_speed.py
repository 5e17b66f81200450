"""How long a reader on a phone waits for the first search result, ours against plain Material.

Headless Chromium with a phone viewport and touch, the CPU slowed 4x
(CDP ``Emulation.setCPUThrottlingRate``) and Lighthouse's slow-4G network
(CDP ``Network.emulateNetworkConditions``: 150 ms latency, 1.6 Mbit/s down,
750 kbit/s up), both sites served with gzip on 127.0.0.1. Each run opens a
lesson in a fresh browser context (empty cache), waits for the page's load
event, then taps the search icon in the header and, 300 ms later, types a word
readers type, one key every 100 ms. It records:

* when the page requested ``search/search_index.json``, relative to the load
  event (negative: before it, as plain Material does when its bundle starts;
  ours waits for the reader to open search, see
  ``overrides/partials/search-on-demand.html``), and when its last byte came;
* the time from the first keystroke to the first result on screen.

Three moments, each in a fresh browser: **cold**, the tap right after the
load event; **later**, the tap 5 s after it (a reader who reads a little
first); **next page**, a reader who searched on the lesson, opened the next
lesson and taps 5 s after its load (ours then loads the index when the page is
idle). Runs alternate between the sites (``--before DIR`` adds a saved build,
say of the last commit), median of ``--runs`` (default 5), each run with the
host's load average, since this shared machine's other work slows every run.
Bytes: the index as served (gzip -6) and as parsed.

Budget (``BUDGET_*`` below, reasons in bench/README.md): the gzipped index
and our median time from first keystroke to first result at every moment.
Exits non-zero when either is broken.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.common import ROOT, build, chromium, median, plain_twin, serve, write_result

LESSON = "steps/01-understand-the-role/01-a-week-in-the-life/"
NEXT_LESSON = "steps/01-understand-the-role/02-product-manager-and-look-alike-roles/"
MOMENTS = ("cold", "later", "next page")
QUERIES = ("salary", "visa")
# Lighthouse's mobile preset: a Moto G Power class phone.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
# Lighthouse's slow 4G (its "mobileSlow4G" settings): round trip 150 ms,
# 1.6 Mbit/s down (1,638.4 kbit/s), 750 kbit/s up. Bytes per second for CDP.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1638.4 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
TAP_TO_TYPE_MS = 300  # the keyboard opening and the first finger on it
KEY_DELAY_MS = 100
LATER_S = 5
# The index as a static host sends it, gzipped: 350 KB is 1.75 s of slow 4G
# before the search worker can start. 365 KB before hooks/search_index.py,
# 331 KB after it (2026-12-06), about what plain Material writes for the same
# pages (333 KB); 342 KB once the December reviews added answers and sections
# (plain Material: 345 KB). About 2% of room left. When new pages
# break it, trim what readers do not search for (bench/README.md lists what was
# weighed), or raise it by the new pages' measured size and say so.
BUDGET_INDEX_GZ_BYTES = 350 * 1024
# From the first keystroke to a result on screen, median, 4x CPU and slow 4G.
# Measured 2026-12-06 on this shared 2-core host (bench/README.md): under load
# 12 to 21 ours took 3.5 to 5.0 s cold, 3.4 to 3.8 s later and 0.6 to 0.85 s on
# the next page. On the quiet host after the merges (load 1 to 3, index 342 KB):
# 2.21 s cold, 2.23 s later, 0.35 s next page; plain Material 1.7 s, 0.3 s and
# 0.35 s. The budget is half again the quiet-host figure: 3.3 s for a first
# search, 0.8 s for a reader who searched on an earlier page (the build before
# the idle warm-up took 1.49 s). Measure on a quiet host.
BUDGET_FIRST_RESULT_S = {"cold": 3.3, "later": 3.3, "next page": 0.8}

# Installed before any page script: records the load event, the first keystroke
# in the search box and the first result shown, in performance.now() time.
PROBE = """
(() => {
  const t = (window.__ptpSearch = {});
  addEventListener("load", () => { t.load = performance.now(); });
  addEventListener("keydown", (e) => {
    if (t.firstKey === undefined && e.target instanceof Element && e.target.matches("input.md-search__input")) {
      t.firstKey = performance.now();
    }
  }, true);
  new MutationObserver(() => {
    if (t.firstResult === undefined && t.firstKey !== undefined) {
      const item = document.querySelector(".md-search-result__item");
      if (item && item.getClientRects().length) t.firstResult = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""


def search_on(page, url: str, query: str, wait_s: float) -> tuple[dict[str, float], Any]:  # type: ignore[no-untyped-def]
    """Open ``url``, wait ``wait_s`` after its load event, tap search and type; return the probe and the index entry."""
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_timeout(wait_s * 1000)
    page.locator("label.md-header__button[for=__search]").tap()
    page.wait_for_timeout(TAP_TO_TYPE_MS)
    page.locator("input.md-search__input").press_sequentially(query, delay=KEY_DELAY_MS)
    page.wait_for_function("() => window.__ptpSearch.firstResult !== undefined", timeout=120_000, polling=50)
    probe = page.evaluate("() => window.__ptpSearch")
    entry = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('/search/search_index.json'))"
        ".map(e => ({start: e.startTime, end: e.responseEnd, bytes: e.transferSize}))[0] || null"
    )
    return probe, entry


def one_search(browser, url: str, query: str, moment: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One reader in a fresh browser (empty cache) on a throttled phone; return the timings in ms.

    ``cold``: tap right after the lesson's load event; ``later``: 5 s after it;
    ``next page``: search on the lesson, open another lesson, tap 5 s after its load.
    """
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(PROBE)
        if moment == "next page":
            search_on(page, url + LESSON, query, 0)
            probe, entry = search_on(page, url + NEXT_LESSON, query, LATER_S)
        else:
            probe, entry = search_on(page, url + LESSON, query, LATER_S if moment == "later" else 0)
    finally:
        context.close()
    load = probe["load"]
    return {
        "first_result_ms": round(probe["firstResult"] - probe["firstKey"]),
        "index_requested_ms_after_load": round(entry["start"] - load) if entry else None,
        "index_received_ms_after_load": round(entry["end"] - load) if entry else None,
        "first_key_ms_after_load": round(probe["firstKey"] - load),
        "host_load_1min": round(os.getloadavg()[0], 1),  # a shared host's other work slows every run
    }


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def mid(key: str) -> float | None:
        values = [r[key] for r in runs if r[key] is not None]
        return round(median(values)) if values else None

    return {
        "first_result_ms_median": mid("first_result_ms"),
        "first_result_ms_runs": [r["first_result_ms"] for r in runs],
        "index_requested_ms_after_load_median": mid("index_requested_ms_after_load"),
        "index_received_ms_after_load_median": mid("index_received_ms_after_load"),
        "first_key_ms_after_load_median": mid("first_key_ms_after_load"),
        "host_load_1min_median": median([r.get("host_load_1min", 0) for r in runs]),
    }


def index_bytes(site: Path) -> dict[str, int]:
    raw = (site / "search" / "search_index.json").read_bytes()
    return {"bytes": len(raw), "bytes_gz": len(gzip.compress(raw, 6)), "sections": len(json.loads(raw)["docs"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per site and moment, queries alternating (default 5)")
    parser.add_argument("--site", type=Path, help="measure this built site as ours instead of building one")
    parser.add_argument(
        "--before", type=Path, help="also measure this built site (say, of the last commit), alternating"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        ours_dir, plain_dir = Path(tmp) / "ours", Path(tmp) / "plain-site"
        if args.site:
            ours_dir = args.site
        else:
            build(ROOT / "mkdocs.yml", ours_dir)  # relative links: any address serves it
        build(plain_twin(Path(tmp) / "plain"), plain_dir)
        sites = {"ours": ours_dir, "plain_material": plain_dir}
        if args.before:
            sites["before"] = args.before
        urls = {name: stack.enter_context(serve(folder)) for name, folder in sites.items()}
        runs: dict[str, dict[str, list[dict[str, Any]]]] = {s: {m: [] for m in MOMENTS} for s in sites}
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            )
            for i in range(args.runs):
                query = QUERIES[i % len(QUERIES)]
                for moment in MOMENTS:
                    for name in sites:
                        result = one_search(browser, urls[name], query, moment)
                        runs[name][moment].append({**result, "query": query})
                        print(f"{name:15} {moment:9} {query:7} {json.dumps(result)}", flush=True)
            browser.close()
        sizes = {name: index_bytes(folder) for name, folder in sites.items()}
    results = {name: {m: summarise(r) for m, r in by_moment.items()} for name, by_moment in runs.items()}
    ours = results["ours"]
    over = [m for m in MOMENTS if (ours[m]["first_result_ms_median"] or 0) > BUDGET_FIRST_RESULT_S[m] * 1000]
    index_ok = sizes["ours"]["bytes_gz"] <= BUDGET_INDEX_GZ_BYTES
    time_ok = not over
    path = write_result(
        "search-speed",
        {
            "page": LESSON,
            "runs": args.runs,
            "queries": list(QUERIES),
            "throttling": {"cpu_slowdown": CPU_SLOWDOWN, **NETWORK},
            "tap_to_type_ms": TAP_TO_TYPE_MS,
            "key_delay_ms": KEY_DELAY_MS,
            "later_s": LATER_S,
            "index": sizes,
            "results": results,
            "runs_raw": runs,
            "budget_index_bytes_gz": BUDGET_INDEX_GZ_BYTES,
            "budget_first_result_s": BUDGET_FIRST_RESULT_S,
            "within_budget": index_ok and time_ok,
        },
    )
    for name in sites:
        s = sizes[name]
        print(
            f"{name:15} index {s['bytes_gz'] / 1024:.1f} KB gz ({s['bytes'] / 1024:.0f} KB, {s['sections']} sections); "
            + "; ".join(
                f"{m}: first result {results[name][m]['first_result_ms_median']} ms, "
                f"index requested {results[name][m]['index_requested_ms_after_load_median']} ms after load"
                for m in MOMENTS
            )
        )
    times = ", ".join(
        f"{m} {(ours[m]['first_result_ms_median'] or 0) / 1000:.2f} of {BUDGET_FIRST_RESULT_S[m]} s" for m in MOMENTS
    )
    print(
        f"budget: index {sizes['ours']['bytes_gz'] / 1024:.1f} of {BUDGET_INDEX_GZ_BYTES / 1024:.0f} KB "
        f"{'ok' if index_ok else 'OVER'}; first result {times}: {'ok' if time_ok else 'OVER: ' + ', '.join(over)} -> {path.name}"
    )
    return 0 if index_ok and time_ok else 1


if __name__ == "__main__":
    sys.exit(main())
