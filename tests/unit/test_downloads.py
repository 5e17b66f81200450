"""hooks/downloads.py: the download links a template page shows, with format, size and what opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import downloads


def make(folder: Path, files: dict[str, int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, size in files.items():
        (folder / name).write_bytes(b"x" * size)
    return folder


def test_sizes_read_like_a_file_manager() -> None:
    assert downloads.size_label(87) == "87 bytes"
    assert downloads.size_label(1024) == "1 KB"
    assert downloads.size_label(38_756) == "38 KB"


def test_a_template_lists_its_blank_then_its_example_in_format_order(tmp_path: Path) -> None:
    folder = make(
        tmp_path,
        {
            "10-resume.md.txt": 1700,
            "10-resume.txt": 1600,
            "10-resume.docx": 37_000,
            "10-resume-example.md.txt": 2100,  # the page's source, not a download
            "10-resume-example.docx": 38_000,
            "10-resume-example.txt": 2200,
            "10-resumes.docx": 10,  # another template's file
        },
    )
    found = downloads.find(folder, "10-resume")
    assert [(d.file, d.save_as, d.example) for d in found] == [
        ("10-resume.docx", "10-resume.docx", False),
        ("10-resume.txt", "10-resume.txt", False),
        ("10-resume.md.txt", "10-resume.md", False),
        ("10-resume-example.docx", "10-resume-example.docx", True),
        ("10-resume-example.txt", "10-resume-example.txt", True),
    ]
    text = downloads.page_list(found, "downloads/")
    assert text.index("**Download the blank template:**") < text.index("**Download the filled-in example:**")
    assert (
        '- [Markdown (.md, 2 KB)](downloads/10-resume.md.txt){ download="10-resume.md" }: opens in any text editor'
        in text
    )
    assert '[Word document (.docx, 36 KB)](downloads/10-resume.docx){ download="10-resume.docx" }' in text
    cell = downloads.inline(found, "downloads/")
    assert cell.startswith("[Word (.docx, 36 KB)](downloads/10-resume.docx)")
    assert "; filled-in example: [Word (.docx, 37 KB)]" in cell and "\n" not in cell


def test_a_template_without_downloads_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(downloads.DownloadError, match="no downloads named 11-missing"):
        downloads.find(make(tmp_path, {"01-one-page-prd.md.txt": 5}), "11-missing")
