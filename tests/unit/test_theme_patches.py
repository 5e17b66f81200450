"""Two pieces of Material's built assets are taken out, and only those."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from hooks import theme_patches

THEME = [str(Path(material.__file__).parent / "templates")]
APPEND = 'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);'


def test_the_switching_rule_goes_and_everything_else_stays() -> None:
    css = "[data-md-color-scheme=slate]{--md-hue:232deg}" + theme_patches.RULE + "@media screen{.a{color:red}}"
    assert (
        theme_patches.without_switching_rule(css)
        == "[data-md-color-scheme=slate]{--md-hue:232deg}@media screen{.a{color:red}}"
    )


def test_the_scheme_meta_is_created_but_never_appended_and_nothing_moves() -> None:
    js = 'let r=x("meta",{name:"theme-color"});document.head.appendChild(r);' + APPEND + "let n=1;"
    out = theme_patches.without_scheme_meta(js)
    assert len(out) == len(js), "the source map would no longer line up"
    assert out.startswith('let r=x("meta",{name:"theme-color"});document.head.appendChild(r);')
    assert 'let o=x("meta",{name:"color-scheme"});' in out and "appendChild(o)" not in out
    assert out.endswith("let n=1;")


def test_a_different_variable_is_not_taken_for_the_meta() -> None:
    js = 'let o=x("meta",{name:"color-scheme"});document.head.appendChild(r);'
    with pytest.raises(theme_patches.ThemeChanged, match="found it 0 times"):
        theme_patches.without_scheme_meta(js)


@pytest.mark.parametrize("times", [0, 2])
def test_a_changed_theme_is_reported_with_the_file_and_the_text_expected(times: int) -> None:
    with pytest.raises(theme_patches.ThemeChanged, match=rf"palette\.abc\.min\.css: .* found it {times} times"):
        theme_patches.without_switching_rule(".a{}" + theme_patches.RULE * times, "palette.abc.min.css")
    with pytest.raises(theme_patches.ThemeChanged, match=rf"bundle\.abc\.min\.js: .* found it {times} times"):
        theme_patches.without_scheme_meta("a();" + APPEND * times, "bundle.abc.min.js")


def test_the_installed_material_still_has_both_pieces_once() -> None:
    assets = dict(theme_patches.patched(THEME))
    assert {path.parent for path in assets} == {Path("assets/stylesheets"), Path("assets/javascripts")}
    for relative, text in assets.items():
        original = (Path(THEME[0]) / relative).read_bytes().decode("utf-8")
        assert len(text) <= len(original) and text != original


def test_no_such_asset_in_the_theme_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(theme_patches.ThemeChanged, match="no assets/stylesheets/palette"):
        theme_patches.theme_file([str(tmp_path)], theme_patches.PALETTE_CSS)
