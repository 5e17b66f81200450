"""Write the summary table in bench/README.md from the JSON results in bench/results/."""

from __future__ import annotations

import json
import sys

from bench.common import RESULTS, ROOT

README = ROOT / "bench" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def mark(ok: bool) -> str:
    return "within budget" if ok else "**over budget**"


def table() -> str:
    lines = []
    if bt := load("build-time"):
        lines += [
            f"**Build time** ({bt['measured_on']}, {bt['runs']} alternating runs): ours {bt['ours_median']} s, "
            f"plain Material {bt['plain_median']} s, median ratio **{bt['median_ratio']}** (budget {bt['budget_ratio']}): {mark(bt['within_budget'])}.",
            "",
        ]
    if sc := load("scaling"):
        growth = (
            f"growth {sc['growth_vs_linear']} of linear"
            if sc["growth_vs_linear"] is not None
            else "growth not measurable (the smaller span got no slower)"
        )
        sizes = ", ".join(f"{k} ({sc['resources'][k]} resources) {sc['cpu_seconds'][k]} s" for k in sc["cpu_seconds"])
        lines += [
            f"**Build scaling** ({sc['measured_on']}, CPU time of the build, fastest of 3): {sizes}. Cost per added entry {sc['ms_per_added_entry_10x_to_50x']} ms (10x to 50x) "
            f"and {sc['ms_per_added_entry_50x_to_100x']} ms (50x to 100x): {growth}, {mark(sc['within_budget'])}. "
            f"Validation at 100x reported {sc['broken_entries_reported']} of {sc['broken_entries']} broken entries.",
            "",
        ]
    if pw := load("page-weight"):
        lines += [
            f"**Page weight** ({pw['measured_on']}, gzipped bytes of HTML, CSS and JS a first visit loads):",
            "",
            "| Page | Ours | Plain Material | Difference | Budget | |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for name, row in pw["pages"].items():
            lines.append(
                f"| {name} | {row['ours_bytes_gz'] / 1024:.1f} KB | {row['plain_material_bytes_gz'] / 1024:.1f} KB | "
                f"{row['difference_bytes_gz'] / 1024:.1f} KB | {row['budget_bytes_gz'] / 1024:.1f} KB | {mark(row['within_budget'])} |"
            )
        si = pw["search_index"]
        lines += [
            "",
            f"Search index in that run: ours {si['ours_bytes_gz'] / 1024:.1f} KB, plain Material {si['plain_material_bytes_gz'] / 1024:.1f} KB (gzipped). "
            "Plain Material downloads it on every page view; ours only when the reader starts a search "
            "(and, once they have searched, after their next pages load). Search speed below.",
            "",
        ]
    if ss := load("search-speed"):
        lines += [
            f"**Search speed** ({ss['measured_on']}, a lesson on a phone at 4x CPU and slow 4G, median of {ss['runs']} runs, "
            "from the first keystroke to the first result on screen):",
            "",
            "| Site | Index (gzipped) | Cold (tap at load) | Later (tap 5 s after load) | Next page (searched before) |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, by_moment in ss["results"].items():
            cells = " | ".join(
                f"{by_moment[m]['first_result_ms_median'] / 1000:.2f} s" for m in ("cold", "later", "next page")
            )
            label = {"ours": "ours", "plain_material": "plain Material", "before": "ours before the trim"}.get(
                name, name
            )
            lines.append(f"| {label} | {ss['index'][name]['bytes_gz'] / 1024:.1f} KB | {cells} |")
        lines += [
            "",
            f"Budget: index at most {ss['budget_index_bytes_gz'] / 1024:.0f} KB gzipped; our median first result at most "
            + ", ".join(f"{s} s {m}" for m, s in ss["budget_first_result_s"].items())
            + f": {mark(ss['within_budget'])}. Host load average during the runs: "
            f"{ss['results']['ours']['cold'].get('host_load_1min_median', 'not recorded')} (median).",
            "",
        ]
    if lh := load("lighthouse"):
        plain = lh.get("plain_material_mobile", {})
        lines += [
            f"**Lighthouse {lh['lighthouse']}** ({lh['measured_on']}, median of {lh['runs']} runs, default throttling; "
            "plain Material measured alternately on the same pages):",
            "",
            "| Page | Form | Performance | Plain Material | Total blocking time | Host index | Accessibility | Best practices | SEO | |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for name, forms in lh["results"].items():
            for form, r in forms.items():
                twin = f"{plain[name]['performance']:.0f}" if form == "mobile" and name in plain else ""
                lines.append(
                    f"| {name} | {form} | {r['performance']:.0f} | {twin} | {r.get('tbt_ms', 0):.0f} ms | {r.get('benchmark_index', 0):.0f} "
                    f"| {r['accessibility']:.0f} "
                    f"| {r['best-practices']:.0f} | {r['seo']:.0f} | {mark(r['within_budget'])} |"
                )
        if plain:

            def spread(key: str) -> str:
                low, high = min(p[key] for p in plain.values()), max(p[key] for p in plain.values())
                return f"{low:.0f}" if low == high else f"{low:.0f} to {high:.0f}"

            lines += [
                "",
                f"Plain Material on the same five pages, mobile: accessibility {spread('accessibility')}, "
                f"best practices {spread('best-practices')}, SEO {spread('seo')}.",
            ]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{START}\n{table()}\n{END}{after}", encoding="utf-8")
    print(f"updated {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
