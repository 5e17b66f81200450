"""Download links for the template pages: every format a template has, with its size and what opens it.

The files are the ones in ``docs/templates/downloads/`` (``make templates``
writes them); sizes are read at build time, so a page never shows a stale
size. ``NN-slug.*`` is the blank template, ``NN-slug-example.*`` the
filled-in example. Pages call ``{{ template_downloads() }}`` and the index
calls ``{{ template_formats("NN-slug") }}``; ``register`` adds both to the
mkdocs-macros environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple


class Format(NamedTuple):
    suffix: str  # as the file is stored
    name: str
    short: str  # in a table cell
    extension: str  # as the reader saves it
    opens_in: str


#: In the order a page offers them.
FORMATS = (
    Format(".docx", "Word document", "Word", ".docx", "Word, Google Docs and LibreOffice Writer"),
    Format(".xlsx", "Spreadsheet", "Spreadsheet", ".xlsx", "Excel, Google Sheets and LibreOffice Calc"),
    Format(".csv", "CSV", "CSV", ".csv", "any spreadsheet app, and tools that import CSV, such as Notion or Airtable"),
    Format(".txt", "Plain text", "Text", ".txt", "any text editor; paste it into application forms"),
    Format(".md.txt", "Markdown", "Markdown", ".md", "any text editor, and notes apps that read Markdown"),
)
EXAMPLE = "-example"


class DownloadError(Exception):
    """A page asked for downloads that do not exist."""


class Download(NamedTuple):
    file: str
    save_as: str
    fmt: Format
    size: int
    example: bool


def size_label(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{round(size / 1024)} KB"


def _format_of(name: str) -> Format | None:
    # .md.txt before .txt: the longest matching suffix wins.
    matches = [f for f in FORMATS if name.endswith(f.suffix)]
    return max(matches, key=lambda f: len(f.suffix)) if matches else None


def find(folder: Path, slug: str) -> list[Download]:
    """The downloads of one template, blank first, each in FORMATS order; the example's Markdown is a page source, not a download."""
    found = []
    for path in folder.iterdir():
        fmt = _format_of(path.name)
        stem = path.name[: -len(fmt.suffix)] if fmt else ""
        if not fmt or stem not in (slug, slug + EXAMPLE):
            continue
        example = stem != slug
        if example and fmt.suffix == ".md.txt":
            continue
        found.append(Download(path.name, stem + fmt.extension, fmt, path.stat().st_size, example))
    if not found:
        raise DownloadError(f"no downloads named {slug}.* in {folder}")
    return sorted(found, key=lambda d: (d.example, FORMATS.index(d.fmt)))


def link(d: Download, prefix: str, short: bool = False) -> str:
    label = d.fmt.short if short else d.fmt.name
    return f'[{label} ({d.fmt.extension}, {size_label(d.size)})]({prefix}{d.file}){{ download="{d.save_as}" }}'


def page_list(downloads: list[Download], prefix: str) -> str:
    """Markdown: a list per group (blank, filled-in example), each line a link, its size and what opens it."""
    out = []
    for example, heading in ((False, "Download the blank template"), (True, "Download the filled-in example")):
        group = [d for d in downloads if d.example is example]
        if group:
            out.append(f"**{heading}:**\n")
            out += [f"- {link(d, prefix)}: opens in {d.fmt.opens_in}" for d in group]
            out.append("")
    return "\n".join(out)


def inline(downloads: list[Download], prefix: str) -> str:
    """Markdown for a table cell: the blank's formats, then the example's."""
    blank = ", ".join(link(d, prefix, short=True) for d in downloads if not d.example)
    example = ", ".join(link(d, prefix, short=True) for d in downloads if d.example)
    return blank + (f"; filled-in example: {example}" if example else "")


def register(env: Any) -> None:
    """Adds the two macros; mkdocs-macros calls them with the page being rendered in ``env.page``."""
    docs = Path(env.conf["docs_dir"])
    folder = docs / "templates" / "downloads"

    def prefix() -> str:
        here = (docs / env.page.file.src_uri).parent
        return Path(os.path.relpath(folder, here)).as_posix() + "/"

    def downloads(slug: str) -> list[Download]:
        try:
            return find(folder, slug)
        except (DownloadError, OSError) as err:
            raise DownloadError(f"docs/{env.page.file.src_uri}: {err}") from None

    @env.macro
    def template_downloads() -> str:
        """On a template page: its downloads, named after the page's file."""
        return page_list(downloads(Path(env.page.file.src_uri).stem), prefix())

    @env.macro
    def template_formats(slug: str) -> str:
        return inline(downloads(slug), prefix())
