"""The end-of-build step: files the site needs once every page is written.

* ``assets/checklists.json``, the manifest the progress views and the
  printable checklists read;
* ``assets/images/social.png``, the sharing image;
* comment-stripped copies of our CSS and JavaScript (``hooks/minify.py``);
* Material's palette stylesheet and bundle without the two pieces that restyle
  the whole page at start-up (``hooks/theme_patches.py``). A patch that no
  longer matches never stops the build: that file ships as Material has it,
  and a warning says what to update;
* last, each page's Content-Security-Policy gets the hashes of its inline
  scripts as they were written (``hooks/csp.py``).

The MkDocs hooks call ``finish`` with the manifest they built from the nav.
Any other engine (or a person) runs it on a built folder:

    python -m hooks.postbuild site/

which reads the manifest from ``docs/`` itself and finds Material's theme
through the installed ``material`` package plus ``overrides/``.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from hooks import csp, data, minify, pages, social, state, theme_patches

ROOT = data.ROOT
MANIFEST_URI = "assets/checklists.json"
SOCIAL_URI = "assets/images/social.png"
# Not under "mkdocs.": MkDocs' --strict counts warnings on its own loggers, and a
# theme patch that no longer applies must not stop a build.
log = logging.getLogger("path_to_pm.postbuild")


def _write_if_changed(target: Path, content: bytes) -> None:
    """Rewrite a generated file only when it changes (no rebuild loop under serve)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != content:
        target.write_bytes(content)


def finish(site: Path, manifest: dict[str, Any], docs_dir: Path, theme_dirs: list[str]) -> list[str]:
    """Write the end-of-build files into ``site``; return the warnings (also logged)."""
    _write_if_changed(site / MANIFEST_URI, json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"))
    _write_if_changed(site / SOCIAL_URI, social.card_png())
    for folder, strip in (("assets/css", minify.css), ("assets/js", minify.js)):
        for path in (docs_dir / folder).glob("*.*s"):
            _write_if_changed(site / folder / path.name, strip(path.read_text(encoding="utf-8")).encode("utf-8"))
    assets, warnings = theme_patches.applied(theme_dirs)
    for relative, text in assets:
        _write_if_changed(site / relative, text.encode("utf-8"))
    for warning in warnings:
        log.warning("%s (shipped as Material has it)", warning)
    csp.apply_to_site(site)  # last: hash each page's inline scripts as served (hooks/csp.py)
    return warnings


def default_theme_dirs() -> list[str]:
    import material  # the theme package, not a site generator

    return [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]


def standalone_manifest(docs_dir: Path) -> dict[str, Any]:
    """The manifest from docs/ alone (steps and lessons in navigation order); raises DataError on problems."""
    problems = pages.collect(pages.step_sources(docs_dir))
    if problems:
        raise data.DataError(problems, "the checklists")
    return state.current().manifest


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m hooks.postbuild SITE_DIR   (a folder a build wrote)", file=sys.stderr)
        return 2
    logging.basicConfig(format="WARNING - %(message)s")
    docs_dir = ROOT / "docs"
    try:
        state.reset()
        manifest = standalone_manifest(docs_dir)
    except data.DataError as error:
        print(error, file=sys.stderr)
        return 1
    finish(Path(argv[0]), manifest, docs_dir, default_theme_dirs())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
