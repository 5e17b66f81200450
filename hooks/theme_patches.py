"""Take out of Material's built assets two things that restyle the whole page at start-up.

Each page load, Material's palette component does two things that make the
browser restyle every element of the page, inside the bundle's longest
start-up task (bench/README.md has the traces and measurements):

* **palette.css**: it marks ``<body>`` with ``data-md-color-switching`` and
  back, and the stylesheet's ``[data-md-color-switching] *`` rule (turning
  transitions off while colors switch) then matches every element. Without
  the rule, switching the scheme by hand fades colors over Material's own
  short transitions instead of swapping them at once.
* **bundle.js**: it appends a ``<meta name="color-scheme">`` to the head and
  then sets its content. Chromium restyles the whole page on each change to
  a color-scheme meta. The browser only reads the first such meta, which is
  ours (``overrides/main.html``), so Material's adds nothing here. The patch
  blanks the one statement that appends it, with spaces of the same length,
  so Material's source map still lines up.

Both files are rebuilt from the theme's originals on every build, so the
result is the same under ``mkdocs serve``. If an upgrade of Material changes
either piece, the build does not stop: that file ships as Material has it
(pages work; only the start-up saving is lost), the build prints a warning,
and ``tests/unit/test_theme_patches.py`` fails with the file and the exact
text it expected. Re-measure with ``python -m bench.lighthouse``, then update
or remove the patch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)
# In the minified bundle: let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);
_APPEND_SCHEME_META = re.compile(
    r'let (?P<var>[\w$]+)=[\w$]+\("meta",\{name:"color-scheme"\}\);'
    r"(?P<append>document\.head\.appendChild\((?P=var)\);)"
)


class ThemeChanged(Exception):
    """A Material asset no longer looks the way this module expects."""


def _changed(name: str, what: str, found: int) -> ThemeChanged:
    return ThemeChanged(
        f"{name}: expected Material's {what} once, found it {found} times. "
        "The theme changed: find the new text in that file, re-run the Lighthouse benchmark, "
        "then update or remove the patch in hooks/theme_patches.py."
    )


def without_switching_rule(css: str, name: str = "palette.css") -> str:
    """Material's palette CSS without the color-switching rule; refuse if it is not there exactly once."""
    found = css.count(RULE)
    if found != 1:
        raise _changed(name, f"rule {RULE!r}", found)
    return css.replace(RULE, "")


def without_scheme_meta(js: str, name: str = "bundle.js") -> str:
    """Material's bundle without the statement that appends its color-scheme meta, same length."""
    found = list(_APPEND_SCHEME_META.finditer(js))
    if len(found) != 1:
        raise _changed(name, 'statement appending <meta name="color-scheme">', len(found))
    start, end = found[0].span("append")
    return js[:start] + " " * (end - start) + js[end:]


@dataclass(frozen=True)
class Patch:
    pattern: str  # the asset, relative to the theme folder
    apply: Callable[[str, str], str]


PALETTE_CSS = "assets/stylesheets/palette.*.min.css"
BUNDLE_JS = "assets/javascripts/bundle.*.min.js"
PATCHES = (Patch(PALETTE_CSS, without_switching_rule), Patch(BUNDLE_JS, without_scheme_meta))


def theme_file(theme_dirs: list[str], pattern: str) -> tuple[Path, Path]:
    """Find a theme asset: (the file, its path relative to the theme folder)."""
    for folder in map(Path, theme_dirs):
        found = sorted(folder.glob(pattern))
        if found:
            return found[0], found[0].relative_to(folder)
    raise ThemeChanged(f"no {pattern} in the theme folders {theme_dirs}; re-check hooks/theme_patches.py")


def patched(theme_dirs: list[str]) -> list[tuple[Path, str]]:
    """Every patched asset: (its path relative to the site, its new text); ThemeChanged if one does not apply."""
    assets, problems = applied(theme_dirs)
    if problems:
        raise ThemeChanged("\n".join(problems))
    return assets


def applied(theme_dirs: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """(the patches that apply, a message for each that no longer does).

    The build writes the first and warns with the second: an asset whose patch
    no longer matches ships as Material has it.
    """
    out, problems = [], []
    for patch in PATCHES:
        try:
            source, relative = theme_file(theme_dirs, patch.pattern)
            # Bytes, not read_text: a newline translation would shift the source map.
            out.append((relative, patch.apply(source.read_bytes().decode("utf-8"), str(relative))))
        except ThemeChanged as error:
            problems.append(str(error))
    return out, problems
