"""Lighthouse mobile performance of variants of the build, measured alternately on the same pages.

For choosing between options (for example instant loading on, off, or with
prefetch): each variant is our site with its theme features changed, built
into its own folder and served with gzip on its own port; every round runs
Lighthouse once on each variant and page, in turn, so all variants meet the
shared machine in the same state. Prints the median of the runs per variant
and page, with total blocking time and the host's benchmark index.

    python -m bench.variants                      # every variant, lesson and printable checklists, 3 rounds
    python -m bench.variants --runs 5 --pages lesson
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from bench.common import PAGE_TYPES, ROOT, build, free_port, median, serve_on
from bench.lighthouse import lighthouse, run

INSTANT = ("navigation.instant", "navigation.instant.progress")
# name -> (features to add, features to remove), applied to mkdocs.yml as it is
VARIANTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "as-is": ((), ()),
    "instant": (INSTANT, ()),
    "instant+prefetch": ((*INSTANT, "navigation.instant.prefetch"), ()),
    "no-instant": ((), INSTANT),
}
PROJECT = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "CONTRIBUTING.md", "pyproject.toml")


def with_features(config: str, add: tuple[str, ...], remove: tuple[str, ...]) -> str:
    """mkdocs.yml text with theme features added (if missing) or removed (if there)."""
    if "\n  features:\n" not in config:
        raise SystemExit("mkdocs.yml has no theme features list")
    for feature in remove:
        config = re.sub(rf"^    - {re.escape(feature)}\n", "", config, flags=re.M)
    for feature in reversed(add):
        if not re.search(rf"^    - {re.escape(feature)}$", config, re.M):
            config = config.replace("\n  features:\n", f"\n  features:\n    - {feature}\n", 1)
    return config


def project_copy(dest: Path, add: tuple[str, ...], remove: tuple[str, ...]) -> Path:
    import shutil

    dest.mkdir(parents=True)
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    config = dest / "mkdocs.yml"
    config.write_text(with_features(config.read_text(encoding="utf-8"), add, remove), encoding="utf-8")
    return config


def measure(
    variants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    pages: list[str],
    runs: int,
    after_build: dict[str, Callable[[Path], None]] | None = None,
) -> dict[str, dict[str, list[dict[str, object]]]]:
    binary = lighthouse()
    results: dict[str, dict[str, list[dict[str, object]]]] = {v: {p: [] for p in pages} for v in variants}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        bases = {}
        for name, (add, remove) in variants.items():
            port = free_port()
            site = Path(tmp) / f"site-{name}"
            build(project_copy(Path(tmp) / name, add, remove), site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
            if after_build and name in after_build:
                after_build[name](site)
            bases[name] = stack.enter_context(serve_on(site, port))
        for n in range(runs):
            for page in pages:
                for name, base in bases.items():
                    r = run(binary, base + PAGE_TYPES[page], "mobile", Path(tmp) / f"{name}-{page}-{n}.json")
                    results[name][page].append(r)
                    print(
                        f"round {n + 1} {page:22} {name:18} perf {r['performance']} tbt {r['tbt_ms']} ms"
                        f" index {r['benchmark_index']}",
                        flush=True,
                    )
    print("\nmedian of", runs)
    for page in pages:
        for name in variants:
            rs = results[name][page]
            print(
                f"{page:22} {name:18} perf {median([r['performance'] for r in rs]):.0f}"  # type: ignore[misc]
                f"  tbt {median([r['tbt_ms'] for r in rs]):.0f} ms"  # type: ignore[misc]
                f"  runs {[r['performance'] for r in rs]}"
            )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default="lesson,printable-checklists")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    chosen = {name: VARIANTS[name] for name in args.variants.split(",")}
    measure(chosen, args.pages.split(","), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
