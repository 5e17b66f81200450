"""Compare two builds of the site, made by different engines: what builds, what differs.

    python -m bench.engines SITE_A SITE_B [--summary report.md]

Compares what a reader gets: the same pages (HTML paths), the same article
text on each page, the same checklist ids in the same order and the same
tables. Prints one line
per difference (at most a few per kind) and exits 1 if there is any.
``tests/build/test_engines.py`` runs it on MkDocs and ProperDocs builds; the
CI's Zensical job writes its output as the job summary, to follow how close
Zensical gets.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TABLE = re.compile(r"<table\b.*?</table>", re.S)
CHECK_ID = re.compile(r'data-check-id="([^"]+)"')
SHOWN = 5  # differences listed per kind


class VisibleText(HTMLParser):
    """The text of HTML without its scripts and styles, in pieces (`parts`)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@dataclass
class Page:
    article: str
    check_ids: list[str]
    tables: list[str]


@dataclass
class Snapshot:
    pages: dict[str, Page] = field(default_factory=dict)


def snapshot(site: Path) -> Snapshot:
    snap = Snapshot()
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        article = ARTICLE.search(html)
        body = article.group(1) if article else ""
        snap.pages[path.relative_to(site).as_posix()] = Page(text_of(body), CHECK_ID.findall(body), TABLE.findall(body))
    return snap


def compare(a: Path, b: Path) -> dict[str, list[str]]:
    """Differences by kind; every list empty when the builds agree."""
    one, two = snapshot(a), snapshot(b)
    only_a = sorted(set(one.pages) - set(two.pages))
    only_b = sorted(set(two.pages) - set(one.pages))
    both = sorted(set(one.pages) & set(two.pages))
    return {
        "pages only in the first": only_a,
        "pages only in the second": only_b,
        "article text": [p for p in both if one.pages[p].article != two.pages[p].article],
        "checklist ids": [p for p in both if one.pages[p].check_ids != two.pages[p].check_ids],
        "tables": [p for p in both if one.pages[p].tables != two.pages[p].tables],
    }


def report(a: Path, b: Path, differences: dict[str, list[str]]) -> str:
    pages = len(snapshot(a).pages)
    lines = [f"Comparing `{b}` with `{a}` ({pages} HTML pages in the first).", ""]
    lines += ["| What | Differences |", "| --- | ---: |"]
    lines += [f"| {kind} | {len(found)} |" for kind, found in differences.items()]
    for kind, found in differences.items():
        if found:
            shown = ", ".join(f"`{f}`" for f in found[:SHOWN]) + (" ..." if len(found) > SHOWN else "")
            lines += ["", f"**{kind}**: {shown}"]
    total = sum(map(len, differences.values()))
    lines += ["", "The builds agree." if total == 0 else f"{total} difference(s)."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--summary", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args()
    differences = compare(args.first, args.second)
    text = report(args.first, args.second, differences)
    print(text, end="")
    if args.summary:
        args.summary.write_text(text, encoding="utf-8")
    return 1 if any(differences.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
