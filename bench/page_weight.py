"""Gzipped bytes a first visit loads (HTML, CSS, JS) per page type, ours against plain Material.

Each page is opened in headless Chromium from a local server; every
document, stylesheet and script it requests is counted at its gzipped size
(gzip -6, as a static host would send it). The search index is reported
separately. Budget per page: ours minus plain Material at most 12 KB plus
the gzipped size of the markup our build generates on that page (tables,
checklists, progress views).
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from bench.common import PAGE_TYPES, ROOT, build, chromium, free_port, plain_twin, serve, serve_on, write_result

# 12 KB of our own CSS and JS, plus the one font file every page loads (Inter's
# Latin subset, docs/assets/fonts/): the budget grew by exactly its measured size.
FONT = ROOT / "docs" / "assets" / "fonts" / "inter-latin-wght.woff2"
BUDGET_BYTES = 12 * 1024 + len(gzip.compress(FONT.read_bytes(), 6))
# The search index a first search downloads, gzipped, against plain Material
# indexing the same pages: what our build adds (the generated catalogues,
# question bank and glossary) less what hooks/search_index.py trims. 31 KB more
# than plain Material when this was set; 2 KB less after the trim (2026-12-06).
# What a reader feels, the index's absolute size and the time to a first result
# on a throttled phone, has its budget in bench/search_speed.py.
SEARCH_EXTRA_BUDGET_BYTES = 40 * 1024
GENERATED = ".ptp-table, .ptp-checklist, .ptp-overview, .ptp-printable, .ptp-cards, .ptp-bar, .ptp-resources, .ptp-glossary, .ptp-tools, .ptp-lesson-meta, .ptp-lesson-nav, .ptp-lesson-titles"
COUNTED = {"document", "stylesheet", "script", "font"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def first_visit(page, base: str, folder: Path, path: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    seen: dict[str, int] = {}

    def record(request) -> None:  # type: ignore[no-untyped-def]
        if request.resource_type in COUNTED and request.url.startswith(base):
            local = folder / urlparse(request.url).path.lstrip("/")
            if local.is_dir():
                local = local / "index.html"
            if local.is_file():
                seen[request.url] = gz(local.read_bytes())

    page.on("request", record)
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.remove_listener("request", record)
    return seen


def generated_markup(page, base: str, path: str) -> int:  # type: ignore[no-untyped-def]
    page.goto(base + path)
    html = page.evaluate(
        f"() => Array.from(document.querySelectorAll({GENERATED!r})).filter(e => !e.parentElement.closest({GENERATED!r})).map(e => e.outerHTML).join('')"
    )
    return gz(html.encode("utf-8"))


def main() -> int:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        ours_dir, plain_dir = Path(tmp) / "ours", Path(tmp) / "plain-site"
        port = free_port()  # built for the address it is served at, so canonical links match
        build(ROOT / "mkdocs.yml", ours_dir, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
        build(plain_twin(Path(tmp) / "plain"), plain_dir)
        with sync_playwright() as p, serve_on(ours_dir, port) as ours_url, serve(plain_dir) as plain_url:
            browser = p.chromium.launch(
                executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            )
            for name, path in PAGE_TYPES.items():
                ours = first_visit(browser.new_page(), ours_url, ours_dir, path)
                plain = first_visit(browser.new_page(), plain_url, plain_dir, path)
                nojs = browser.new_context(java_script_enabled=False).new_page()
                own = generated_markup(nojs, ours_url, path)
                extra = sum(ours.values()) - sum(plain.values())
                rows[name] = {
                    "ours_bytes_gz": sum(ours.values()),
                    # Each file ours loads, by its path on the site, so a change can be traced to a file.
                    "ours_files_bytes_gz": {
                        urlparse(u).path.removeprefix(urlparse(ours_url).path): b for u, b in ours.items()
                    },
                    "plain_material_bytes_gz": sum(plain.values()),
                    "difference_bytes_gz": extra,
                    "generated_markup_bytes_gz": own,
                    "budget_bytes_gz": BUDGET_BYTES + own,
                    "within_budget": extra <= BUDGET_BYTES + own,
                    "files": len(ours),
                }
            browser.close()
        index = {
            "ours_bytes_gz": gz((ours_dir / "search" / "search_index.json").read_bytes()),
            "plain_material_bytes_gz": gz((plain_dir / "search" / "search_index.json").read_bytes()),
        }
        scripts = {js.name: gz(js.read_bytes()) for js in sorted((ours_dir / "assets" / "js").glob("*.js"))}
    path = write_result(
        "page-weight",
        {
            "pages": rows,
            "search_index": index,
            "our_scripts_bytes_gz": scripts,
            "budget": "ours - plain <= 12 KB + font + generated markup; search index: ours - plain <= 40 KB",
        },
    )
    for name, row in rows.items():
        print(
            f"{name:22} ours {row['ours_bytes_gz'] / 1024:6.1f} KB  plain {row['plain_material_bytes_gz'] / 1024:6.1f} KB  budget {row['budget_bytes_gz'] / 1024:6.1f} KB  {'ok' if row['within_budget'] else 'OVER'}"
        )
    print(
        f"search index: ours {index['ours_bytes_gz'] / 1024:.1f} KB, plain {index['plain_material_bytes_gz'] / 1024:.1f} KB -> {path.name}"
    )
    index_extra = index["ours_bytes_gz"] - index["plain_material_bytes_gz"]
    index_ok = index_extra <= SEARCH_EXTRA_BUDGET_BYTES
    print(
        f"search index: ours adds {index_extra / 1024:.1f} KB to plain Material's, budget "
        f"{SEARCH_EXTRA_BUDGET_BYTES / 1024:.0f} KB: {'ok' if index_ok else 'OVER'}"
    )
    return 0 if index_ok and all(r["within_budget"] for r in rows.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
