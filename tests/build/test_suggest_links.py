"""The site links readers to the suggestion forms, or says why it cannot."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from tests.conftest import ROOT, TEST_REPO_URL

FORM = f"{TEST_REPO_URL}/issues/new?template=suggest-resource.yml"
BROKEN = f"{TEST_REPO_URL}/issues/new?template=broken-link.yml"


@pytest.mark.parametrize("page", ["resources/index.html", "contributing/index.html"])
def test_with_a_repository_the_page_links_to_the_suggestion_forms(site_dir: Path, page: str) -> None:
    html = (site_dir / page).read_text(encoding="utf-8")
    assert f'href="{FORM}"' in html and f'href="{BROKEN}"' in html
    assert "not connected to a repository" not in html


def test_every_form_the_site_links_to_exists() -> None:
    for name in ("suggest-resource.yml", "broken-link.yml"):
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / name).is_file()


@pytest.mark.parametrize("page", ["resources.md", "contributing/index.md"])
def test_without_a_repository_the_page_says_so_instead_of_linking_nowhere(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8").split("---\n", 2)[2]
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    out = env.from_string(text).render(config={"repo_url": None}, resource_catalogue=lambda: "")
    assert "not connected to a repository" in out
    assert "issues/new" not in out and "None/" not in out
    with_repo = env.from_string(text).render(config={"repo_url": TEST_REPO_URL + "/"}, resource_catalogue=lambda: "")
    assert FORM in with_repo
