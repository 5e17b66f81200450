"""Material's color-switching rule is dropped from the palette stylesheet, and only that rule."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from hooks import palette_css


def test_the_rule_goes_and_everything_else_stays() -> None:
    css = "[data-md-color-scheme=slate]{--md-hue:232deg}" + palette_css.RULE + "@media screen{.a{color:red}}"
    assert (
        palette_css.without_switching_rule(css)
        == "[data-md-color-scheme=slate]{--md-hue:232deg}@media screen{.a{color:red}}"
    )


@pytest.mark.parametrize("times", [0, 2])
def test_a_changed_theme_stops_the_build_with_the_file_named(times: int) -> None:
    with pytest.raises(palette_css.ThemeChanged, match=rf"palette\.abc\.min\.css: .* found it {times} times"):
        palette_css.without_switching_rule(".a{}" + palette_css.RULE * times, "palette.abc.min.css")


def test_the_installed_material_still_has_the_rule_once() -> None:
    source, relative = palette_css.theme_stylesheet([str(Path(material.__file__).parent / "templates")])
    assert relative.parent == Path("assets/stylesheets")
    assert palette_css.RULE not in palette_css.without_switching_rule(source.read_text(encoding="utf-8"))


def test_no_palette_stylesheet_in_the_theme_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(palette_css.ThemeChanged, match="no assets/stylesheets/palette"):
        palette_css.theme_stylesheet([str(tmp_path)])
