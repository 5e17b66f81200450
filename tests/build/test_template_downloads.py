"""The built site offers every template download, with its real size, and serves it with the right file type."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hooks import downloads, template_files

TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
}
LINK = re.compile(r'<a download="([^"]+)" href="([^"]+)">([^<]+)</a>')


def offered(site_dir: Path, page: str) -> dict[str, tuple[str, str]]:
    """href -> (download name, link text) for every download link on a built page."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return {href: (name, text) for name, href, text in LINK.findall(html)}


def template_pages(site_dir: Path) -> list[str]:
    return sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.glob("templates/[0-9][0-9]-*/index.html"))


def test_each_template_page_offers_every_download_it_has_with_its_size(site_dir: Path, site_url: str) -> None:
    pages = template_pages(site_dir)
    assert len(pages) == 10
    for page in pages:
        slug = page.rsplit("/", 1)[1]
        links = offered(site_dir, page)
        expected = downloads.find(site_dir / "templates" / "downloads", slug)
        files = {urljoin(site_url + page + "/", href)[len(site_url) :] for href in links}
        assert files == {f"templates/downloads/{d.file}" for d in expected}, page
        for href, (name, text) in links.items():
            path = site_dir / urljoin(site_url + page + "/", href)[len(site_url) :]
            d = next(d for d in expected if d.file == path.name)
            assert (
                name == d.save_as
                and text == f"{d.fmt.name} ({d.fmt.extension}, {downloads.size_label(path.stat().st_size)})"
            )


def test_the_templates_index_links_every_download(site_dir: Path, site_url: str) -> None:
    links = offered(site_dir, "templates")
    linked = {urljoin(site_url + "templates/", href)[len(site_url) :] for href in links}
    generated = {f"templates/downloads/{name}" for name in template_files.outputs()}
    markdown = {f"templates/downloads/{p.name}" for p in (site_dir / "templates" / "downloads").glob("*.md.txt")}
    assert linked == generated | markdown - {f"templates/downloads/{template_files.RESUME_EXAMPLE}.md.txt"}


@pytest.mark.parametrize("suffix", sorted(TYPES))
def test_the_server_sends_each_download_with_its_file_type(site_dir: Path, site_url: str, suffix: str) -> None:
    folder = site_dir / "templates" / "downloads"
    files = [p for p in folder.iterdir() if p.name.endswith(suffix)]
    assert files
    for path in files:
        with urllib.request.urlopen(f"{site_url}templates/downloads/{path.name}", timeout=10) as response:
            assert response.headers.get_content_type() == TYPES[suffix], path.name
            assert response.read() == path.read_bytes()
