"""The end-of-build step: files the site needs once every page is written.

* comment-stripped copies of our CSS and JavaScript (``hooks/minify.py``);
* Material's palette stylesheet and bundle without the two pieces that restyle
  the whole page at start-up (``hooks/theme_patches.py``). A patch that no
  longer matches never stops the build: that file ships as Material has it,
  and a warning says what to update;
* the search index without what no reader searches for
  (``hooks/search_index.py``);
* last, each page's Content-Security-Policy gets the hashes of its inline
  scripts as they were written (``hooks/csp.py``).

The MkDocs hooks call ``finish``. Any other engine (or a person) runs it on a
built folder:

    python -m hooks.postbuild site/

which finds Material's theme through the installed ``material`` package plus
``overrides/``. The sharing image is a file, ``docs/assets/images/social.png``.
The checklist manifest is not published: the progress, printable and step
pages are rendered from it at build time, and no reader's script reads it
(tests build it with ``pages.read_checklists``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from hooks import csp, data, htmlspace, minify, search_index, theme_patches

ROOT = data.ROOT
# Not under "mkdocs.": MkDocs' --strict counts warnings on its own loggers, and a
# theme patch that no longer applies must not stop a build.
log = logging.getLogger("path_to_pm.postbuild")


def _write_if_changed(target: Path, content: bytes) -> None:
    """Rewrite a generated file only when it changes (no rebuild loop under serve)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != content:
        target.write_bytes(content)


def finish(site: Path, docs_dir: Path, theme_dirs: list[str]) -> list[str]:
    """Write the end-of-build files into ``site``; return the warnings (also logged)."""
    for folder, strip in (("assets/css", minify.css), ("assets/js", minify.js)):
        for path in (docs_dir / folder).glob("*.*s"):
            _write_if_changed(site / folder / path.name, strip(path.read_text(encoding="utf-8")).encode("utf-8"))
    assets, warnings = theme_patches.applied(theme_dirs)
    for relative, text in assets:
        _write_if_changed(site / relative, text.encode("utf-8"))
    for warning in warnings:
        log.warning("%s (shipped as Material has it)", warning)
    search_index.apply_to_site(site)
    for page in site.rglob("*.html"):
        # The theme's blank lines and indentation go (hooks/htmlspace.py); then, last,
        # each page's policy hashes its inline scripts as served (hooks/csp.py).
        text = page.read_text(encoding="utf-8")
        done = csp.apply(htmlspace.collapse(text))
        if done != text:
            page.write_text(done, encoding="utf-8")
    return warnings


def default_theme_dirs() -> list[str]:
    import material  # the theme package, not a site generator

    return [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m hooks.postbuild SITE_DIR   (a folder a build wrote)", file=sys.stderr)
        return 2
    logging.basicConfig(format="WARNING - %(message)s")
    finish(Path(argv[0]), ROOT / "docs", default_theme_dirs())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
