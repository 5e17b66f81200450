"""Our strict build against plain Material building the same Markdown (macro calls stubbed).

Runs alternate (ours, plain, ours, plain, ...) so both see the same machine
state; reports each median and the median of the per-pair ratios.
Budget: ours is at most 1.5x plain Material.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, build, median, plain_twin, write_result

RUNS = 5
BUDGET = 1.5


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        twin = plain_twin(Path(tmp) / "plain")
        build(ROOT / "mkdocs.yml", Path(tmp) / "warm-ours")  # first builds pay for imports and caches
        build(twin, Path(tmp) / "warm-plain")
        ours, plain = [], []
        for _ in range(RUNS):
            ours.append(build(ROOT / "mkdocs.yml", Path(tmp) / "ours"))
            plain.append(build(twin, Path(tmp) / "plain-site"))
    ratios = [o / p for o, p in zip(ours, plain, strict=True)]
    ratio = median(ratios)
    path = write_result(
        "build-time",
        {
            "runs": RUNS,
            "ours_seconds": [round(t, 3) for t in ours],
            "plain_seconds": [round(t, 3) for t in plain],
            "ours_median": round(median(ours), 3),
            "plain_median": round(median(plain), 3),
            "median_ratio": round(ratio, 3),
            "budget_ratio": BUDGET,
            "within_budget": ratio <= BUDGET,
        },
    )
    print(
        f"build time: ours {median(ours):.2f}s, plain Material {median(plain):.2f}s, ratio {ratio:.2f} (budget {BUDGET}) -> {path.name}"
    )
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
