"""Drop one rule from Material's palette stylesheet in the built site.

Material's palette component marks ``<body>`` with ``data-md-color-switching``
while it applies a color scheme, and its ``palette.css`` turns every
transition off under that attribute with ``[data-md-color-switching] *``. A
rule with a universal descendant makes the browser restyle the whole page
each time the attribute comes and goes, and the component does that on every
page load, inside its longest start-up task: on a phone, two full style
recalculations before the reader can scroll or tick (bench/README.md has the
measurements). Without the rule, page loads skip that work; switching the
scheme by hand fades colors over Material's own short transitions instead of
swapping them at once.

The file is rebuilt from the theme's original on every build, so the result
is the same under ``mkdocs serve``. If an upgrade of Material changes the
rule, the build stops and says so: re-measure, then update or remove this.
"""

from __future__ import annotations

from pathlib import Path

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)
PATTERN = "assets/stylesheets/palette.*.min.css"


class ThemeChanged(Exception):
    """Material's palette stylesheet no longer looks the way this module expects."""


def without_switching_rule(css: str, name: str = "palette.css") -> str:
    """Return Material's palette CSS without the color-switching rule; refuse if it is not there exactly once."""
    found = css.count(RULE)
    if found != 1:
        raise ThemeChanged(
            f"{name}: expected Material's rule {RULE!r} once, found it {found} times. "
            "The theme changed: re-run the Lighthouse benchmark, then update or remove hooks/palette_css.py."
        )
    return css.replace(RULE, "")


def theme_stylesheet(theme_dirs: list[str]) -> tuple[Path, Path]:
    """Find the theme's palette stylesheet: (the file, its path relative to the theme folder)."""
    for folder in map(Path, theme_dirs):
        found = sorted(folder.glob(PATTERN))
        if found:
            return found[0], found[0].relative_to(folder)
    raise ThemeChanged(f"no {PATTERN} in the theme folders {theme_dirs}; re-check hooks/palette_css.py")
