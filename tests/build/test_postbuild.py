"""The end-of-build step also runs on its own, on a built folder, with the same result."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import material

from hooks import minify, postbuild, theme_patches
from tests.conftest import ROOT

THEME = Path(material.__file__).parent / "templates"


def generated(site: Path) -> list[Path]:
    """What the end-of-build step writes, relative to the site."""
    ours = []
    for folder in ("assets/css", "assets/js"):
        ours += [Path(folder) / p.name for p in (ROOT / "docs" / folder).glob("*.*s")]
    ours += [relative for relative, _ in theme_patches.patched([str(THEME)])]
    return ours


def test_python_m_hooks_postbuild_on_a_built_folder_writes_what_the_build_did(site_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    files = generated(site_dir)
    # Undo the step: what an engine without our hooks leaves behind.
    for folder in ("assets/css", "assets/js"):
        for src in (ROOT / "docs" / folder).glob("*.*s"):
            shutil.copy2(src, copy / folder / src.name)
    for relative, _ in theme_patches.patched([str(THEME)]):
        shutil.copy2(THEME / relative, copy / relative)
    assert (copy / "assets/js/progress.js").read_bytes() != (site_dir / "assets/js/progress.js").read_bytes()

    done = subprocess.run(
        [sys.executable, "-m", "hooks.postbuild", str(copy)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for relative in files:
        assert (copy / relative).read_bytes() == (site_dir / relative).read_bytes(), relative


def test_a_theme_patch_that_no_longer_matches_ships_materials_file_and_warns(tmp_path: Path, caplog) -> None:
    theme = tmp_path / "theme"
    (theme / "assets/stylesheets").mkdir(parents=True)
    (theme / "assets/javascripts").mkdir(parents=True)
    (theme / "assets/stylesheets/palette.new.min.css").write_text(".a{}", encoding="utf-8")  # the rule is gone
    shutil.copy2(
        next(THEME.glob(theme_patches.BUNDLE_JS)),
        theme / "assets/javascripts" / next(THEME.glob(theme_patches.BUNDLE_JS)).name,
    )
    site, docs = tmp_path / "site", tmp_path / "docs"
    (docs / "assets/css").mkdir(parents=True)
    (docs / "assets/css/x.css").write_text("/* note */ .x { color: red; }\n", encoding="utf-8")
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "assets/stylesheets/palette.new.min.css").write_text(".a{}", encoding="utf-8")  # as the engine copied it

    warnings = postbuild.finish(site, docs, [str(theme)])

    assert len(warnings) == 1 and "palette.new.min.css" in warnings[0] and theme_patches.RULE in warnings[0]
    assert "palette.new.min.css" in caplog.text
    assert (site / "assets/stylesheets/palette.new.min.css").read_text(encoding="utf-8") == ".a{}"
    assert (site / "assets/css/x.css").read_text(encoding="utf-8") == minify.css("/* note */ .x { color: red; }\n")
    assert next((site / "assets/javascripts").glob("bundle.*.min.js")).stat().st_size > 0
