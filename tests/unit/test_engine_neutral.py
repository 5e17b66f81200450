"""Nothing outside the thin engine adapters needs MkDocs: the site's logic runs on any engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADAPTERS = {"site_hooks.py"}  # the MkDocs/ProperDocs event adapter; macros.py only receives mkdocs-macros' env


def test_only_the_adapter_imports_an_engine() -> None:
    offenders = []
    for path in sorted((ROOT / "hooks").glob("*.py")):
        if path.name in ADAPTERS:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip().startswith(("import mkdocs", "from mkdocs", "import properdocs", "from properdocs")):
                offenders.append(f"hooks/{path.name}:{n}: {line.strip()}")
    assert offenders == []


def test_every_module_and_the_lint_run_with_the_engine_unimportable() -> None:
    modules = sorted(p.stem for p in (ROOT / "hooks").glob("*.py") if p.name not in ADAPTERS | {"__init__.py"})
    code = (
        "import sys, importlib\n"
        "sys.modules['mkdocs'] = None; sys.modules['properdocs'] = None\n"
        f"for m in {modules!r}: importlib.import_module('hooks.' + m)\n"
        "from hooks import lessonlint, postbuild, pages\n"
        "sys.argv = ['lessonlint']\n"
        "raise SystemExit(lessonlint.main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert "ModuleNotFoundError" not in done.stderr and "ImportError" not in done.stderr, done.stderr[-2000:]
