"""The sidebar's top level: groups a reader understands, with templates and catalogues collapsed."""

from __future__ import annotations

import re
from pathlib import Path


def sidebar(site_dir: Path, page: str) -> str:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return html[html.index('class="md-nav md-nav--primary"') : html.index('<div class="md-content"')]


def labels(nav: str) -> list[str]:
    return re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)


def test_the_sidebar_groups_learn_tools_and_contributing(site_dir: Path) -> None:
    names = labels(sidebar(site_dir, "steps/01-understand-the-role"))
    for group in ("Learn", "Your tools", "Contributing"):
        assert group in names, names
    assert names.index("Learn") < names.index("Your tools") < names.index("Contributing")


def test_templates_and_catalogues_stay_collapsed_until_opened(site_dir: Path) -> None:
    nav = sidebar(site_dir, "steps/01-understand-the-role")
    for group in ("Templates", "Catalogues"):
        item = re.search(
            rf'<li class="([^"]*)">(?:(?!<li).)*?<span class="md-ellipsis">\s*{group}\s*</span>', nav, re.S
        )
        assert item and "md-nav__item--pruned" in item.group(1), group
    opened = sidebar(site_dir, "certifications")
    assert "Resources" in labels(opened) and "Interview question bank" in labels(opened)
