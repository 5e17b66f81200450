"""Build time with the real data and with 10x and 100x as many resources.

Synthetic resources are valid entries spread over the ten steps (the
per-step cap is lifted for this benchmark only). Budget: no worse than
linear growth, judged on the cost per added entry from 10x to 50x against
50x to 100x: both spans add thousands of entries, so a second of noise in
one build cannot decide the result (from 1x to 10x it could). Then 50
broken entries are mixed into the 100x set and the validator must report
every one of them.

Growth is judged on the CPU time of the build process, fastest of three
round-robin builds; wall time is recorded too. On this shared machine, wall
time also counts moments the host did not run us: on 2026-11-26, one run's
100x builds took 16.2 s of wall time and the next run's 12.4 s, which made
the growth 1.74 and then 1.09 with nothing changed in between.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bench.common import ENV, PYTHON, ROOT, build, build_measured, write_result

SIZES = {"1x": 0, "10x": 1000, "50x": 5000, "100x": 10000}
BROKEN = 50
ROUNDS = 3
TOLERANCE = 1.25  # measured growth may exceed linear by 25% before the budget fails


def project_with(dest: Path, total: int) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "data", "hooks", "overrides", "CONTRIBUTING.md"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    folder = dest / "data" / "resources"
    real = len(list(folder.glob("*.yml")))
    for n in range(max(0, total - real)):
        entry = {
            "id": f"synthetic-{n:05d}",
            "title": f"Synthetic resource {n:05d}",
            "url": f"https://example.org/synthetic/{n:05d}",
            "type": ["book", "course", "guide", "article", "podcast", "tool"][n % 6],
            "steps": [n % 10 + 1],
            "cost": ["free", "freemium", "paid"][n % 3],
            "level": "all",
            "author": "Benchmark generator",
            "why": "A synthetic entry that exists only to measure how the build scales with the size of the data.",
            "added_on": "2026-11-01",
            "checked_on": "2026-11-01",
            "sources": [f"https://example.org/synthetic/{n:05d}"],
        }
        (folder / f"{entry['id']}.yml").write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")
    return dest / "mkdocs.yml"


def main() -> int:
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        real = len(list((ROOT / "data" / "resources").glob("*.yml")))
        configs = {}
        for label, total in SIZES.items():
            configs[label] = project_with(Path(tmp) / label, max(total, real))
            counts[label] = max(total, real)
            build(configs[label], Path(tmp) / f"{label}-warm", env={"PATH_TO_PM_NO_STEP_CAP": "1"})
        # Round-robin, fastest of ROUNDS: a slow spell of this shared machine then hits every size alike.
        runs: dict[str, list[tuple[float, float]]] = {label: [] for label in SIZES}
        for _ in range(ROUNDS):
            for label, config in configs.items():
                runs[label].append(
                    build_measured(config, Path(tmp) / f"{label}-site", env={"PATH_TO_PM_NO_STEP_CAP": "1"})
                )
        wall = {label: min(w for w, _ in measured) for label, measured in runs.items()}
        times = {label: min(c for _, c in measured) for label, measured in runs.items()}
        # Validation at 100x: break 50 entries in five different ways; every one must be reported.
        big = Path(tmp) / "100x"
        kinds = [
            ("url", "http://insecure.example"),
            ("type", "blog"),
            ("steps", [11]),
            ("cost", None),
            ("checked_on", "2999-01-01"),
        ]
        for n in range(BROKEN):
            path = big / "data" / "resources" / f"synthetic-{n * 97:05d}.yml"
            entry = yaml.safe_load(path.read_text())
            key, value = kinds[n % len(kinds)]
            if value is None:
                entry.pop(key)
            else:
                entry[key] = value
            path.write_text(yaml.safe_dump(entry, sort_keys=False))
        check = subprocess.run(
            [PYTHON, "-m", "hooks.check_data"],
            cwd=big,
            env={**ENV, "PATH_TO_PM_NO_STEP_CAP": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        reported = sorted(
            {line.split(":")[0].strip(" -") for line in check.stderr.splitlines() if "synthetic-" in line}
        )
    per_entry_small = (times["50x"] - times["10x"]) / (counts["50x"] - counts["10x"])
    per_entry_large = (times["100x"] - times["50x"]) / (counts["100x"] - counts["50x"])
    # A span that got no slower with thousands more entries means the timings are noise: fail, do not pass.
    growth = per_entry_large / per_entry_small if per_entry_small > 0 else None
    linear = growth is not None and growth <= TOLERANCE
    all_reported = len(reported) == BROKEN and check.returncode == 1
    path = write_result(
        "scaling",
        {
            "resources": counts,
            "cpu_seconds": {k: round(v, 3) for k, v in times.items()},
            "wall_seconds": {k: round(v, 3) for k, v in wall.items()},
            "ms_per_added_entry_10x_to_50x": round(per_entry_small * 1000, 3),
            "ms_per_added_entry_50x_to_100x": round(per_entry_large * 1000, 3),
            "growth_vs_linear": None if growth is None else round(growth, 3),
            "budget": f"cost per added entry from 50x to 100x at most {TOLERANCE}x that from 10x to 50x",
            "within_budget": linear,
            "broken_entries": BROKEN,
            "broken_entries_reported": len(reported),
            "all_errors_reported": all_reported,
        },
    )
    print(
        f"scaling (CPU time): {', '.join(f'{k} ({counts[k]}): {v:.1f}s' for k, v in times.items())}; growth vs linear {'unmeasurable' if growth is None else f'{growth:.2f}'}; "
        f"{len(reported)}/{BROKEN} broken entries reported -> {path.name}"
    )
    return 0 if linear and all_reported else 1


if __name__ == "__main__":
    sys.exit(main())
