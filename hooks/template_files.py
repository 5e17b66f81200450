"""`make templates`: the Word, plain-text, spreadsheet and CSV downloads of the templates.

One source: every file is generated from the Markdown a template page shows,
the blank in ``docs/templates/downloads/NN-slug.md.txt`` (which the page
includes) and, for the resume and the tracker, the filled-in example. The
output is committed under ``docs/templates/downloads/`` so that the site build
only copies it (no cost to the build-time budget); ``tests/unit/
test_template_files.py`` regenerates it and fails when a committed file is
out of date.

Output is deterministic: zip entries carry a fixed timestamp and the
documents carry no creation or modification date, so running the command
twice leaves git clean. A file is rewritten only when its content changed.

Run with ``python -m hooks.template_files`` (``make templates``). Needs the
dev requirements (python-docx, XlsxWriter); the site build never imports this.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "docs" / "templates"
DOWNLOADS = TEMPLATES / "downloads"

#: Templates offered as a Word document (the blank, and for the resume its filled-in example too).
DOCUMENTS = (
    "01-one-page-prd",
    "02-user-story",
    "03-now-next-later-roadmap",
    "04-portfolio-case-study",
    "05-resume-bullet-worksheet",
    "06-cover-letter-outline",
    "07-star-story-bank",
    "08-30-60-90-day-plan",
)
RESUME = "10-resume"
RESUME_EXAMPLE = "10-resume-example"
TRACKER = "09-application-tracker"

PLACEHOLDER_STYLE = "Placeholder"
PLACEHOLDER_GREY = "595959"  # 7:1 against white: readable, and clearly not your own text
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class TemplateError(Exception):
    """A template's Markdown has a shape the generator cannot turn into a document."""


# --- Markdown: the small subset the template files use -------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    hint: bool = False  # a [bracketed hint] the reader replaces


@dataclass
class Block:
    kind: str  # note | heading | bullet | table | label | para
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


_TABLE_RULE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")


def parse_blocks(markdown: str, source: str = "?") -> list[Block]:
    """Headings, bullets, tables, bold label lines, paragraphs and the italic note line."""
    blocks: list[Block] = []
    for number, raw in enumerate(markdown.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if heading := re.match(r"^(#{1,6})\s+(.+)$", line):
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
        elif line.startswith("- "):
            blocks.append(Block("bullet", line[2:].strip()))
        elif line.startswith("|"):
            if _TABLE_RULE.match(line.replace(" ", "")):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if blocks and blocks[-1].kind == "table":
                if len(cells) != len(blocks[-1].rows[0]):
                    raise TemplateError(
                        f"{source}:{number}: table row has {len(cells)} cells, header has {len(blocks[-1].rows[0])}"
                    )
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif re.fullmatch(r"\*[^*].*[^*]\*", line) and not blocks:
            blocks.append(Block("note", line[1:-1]))
        elif re.fullmatch(r"\*\*[^*]+\*\*", line):
            blocks.append(Block("label", line[2:-2]))
        elif line.startswith(("<", "--8<--", "    ")):
            raise TemplateError(f"{source}:{number}: HTML, snippets and indented blocks cannot go into a document")
        else:
            blocks.append(Block("para", line.strip()))
    return blocks


def runs(text: str) -> list[Run]:
    """Inline text as runs: **bold**, *italic*, and [hints] (nested brackets stay inside their hint)."""
    out: list[Run] = []
    for i, part in enumerate(re.split(r"\*\*", text)):
        bold = i % 2 == 1
        for j, piece in enumerate(re.split(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])", part)):
            italic = j % 2 == 1
            out += [Run(t, bold, italic, hint) for t, hint in _hints(piece)]
    return [r for r in out if r.text]


def _hints(text: str) -> Iterator[tuple[str, bool]]:
    depth, start = 0, 0
    for pos, char in enumerate(text):
        if char == "[":
            if depth == 0:
                yield text[start:pos], False
                start = pos
            depth += 1
        elif char == "]" and depth:
            depth -= 1
            if depth == 0:
                yield text[start : pos + 1], True
                start = pos + 1
    yield text[start:], depth > 0


def plain(text: str) -> str:
    """Inline Markdown without its markers (hints keep their brackets)."""
    return "".join(r.text for r in runs(text))


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", markdown, re.M)
    if not match:
        raise TemplateError(f"no heading '{heading}'")
    level = len(match.group(1))
    rest = markdown[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    body = rest[: end.start()] if end else rest
    return re.split(r"^</section>", body, flags=re.M)[0]


def template_title(blocks: list[Block], source: str) -> str:
    if not blocks or blocks[0].kind != "note":
        raise TemplateError(f"{source}: the first line must be the italic '*Path to PM template: Name. ...*' note")
    match = re.match(r"Path to PM template: (.+?)\. ", blocks[0].text)
    if not match:
        raise TemplateError(f"{source}: the note must start 'Path to PM template: Name. '")
    return match.group(1)


# --- Word documents -------------------------------------------------------------------------------


def new_document(title: str, subject: str) -> object:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    doc = docx.Document()
    style = doc.styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.italic = True
    style.font.color.rgb = RGBColor.from_string(PLACEHOLDER_GREY)
    props = doc.core_properties
    props.title, props.subject, props.author = title, subject, "Path to PM"
    props.last_modified_by, props.revision, props.comments = "", 1, ""
    return doc


def add_runs(paragraph: object, text: str, bold: bool = False) -> None:
    for r in runs(text):
        run = paragraph.add_run(r.text, style=PLACEHOLDER_STYLE if r.hint else None)  # type: ignore[attr-defined]
        run.bold = r.bold or bold or None
        if r.italic:
            run.italic = True


def _mark_header_row(row: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def add_blocks(doc: object, blocks: list[Block], *, label_level: bool = True) -> None:
    """Headings keep their order (the first heading level becomes Heading 1); a bold line is a subheading."""
    top = min((b.level for b in blocks if b.kind == "heading"), default=1)
    current = 1
    for block in blocks:
        if block.kind == "heading":
            current = block.level - top + 1
            add_runs(doc.add_heading("", level=current), block.text)  # type: ignore[attr-defined]
        elif block.kind == "label":
            if label_level:
                add_runs(doc.add_heading("", level=min(current + 1, 9)), block.text)  # type: ignore[attr-defined]
            else:
                add_runs(doc.add_paragraph(), block.text, bold=True)  # type: ignore[attr-defined]
        elif block.kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), block.text)  # type: ignore[attr-defined]
        elif block.kind == "para":
            add_runs(doc.add_paragraph(), block.text)  # type: ignore[attr-defined]
        elif block.kind == "table":
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]), style="Table Grid")  # type: ignore[attr-defined]
            for r, cells in enumerate(block.rows):
                for c, text in enumerate(cells):
                    add_runs(table.cell(r, c).paragraphs[0], text, bold=r == 0)
            _mark_header_row(table.rows[0])
            doc.add_paragraph()  # type: ignore[attr-defined]


def template_docx(markdown: str, source: str) -> bytes:
    """A fill-in document: the template's name as Title, the note, then every section with real heading styles."""
    blocks = parse_blocks(markdown, source)
    title = template_title(blocks, source)
    doc = new_document(title, "Path to PM template")
    doc.add_heading(title, level=0)  # type: ignore[attr-defined]
    note = doc.add_paragraph()  # type: ignore[attr-defined]
    add_runs(note, "*" + blocks[0].text.replace("hints in brackets", "grey hints in brackets") + "*")
    add_blocks(doc, blocks[1:])
    return save(doc)


def resume_docx(markdown: str, source: str) -> bytes:
    """One column of real text: the name as Title, standard section headings, no tables, text boxes or images."""
    from docx.shared import Inches, Pt

    blocks = parse_blocks(markdown, source)
    template_title(blocks, source)
    body = blocks[1:]
    if not body or body[0].kind != "heading":
        raise TemplateError(f"{source}: a resume starts with its name as a heading after the note")
    doc = new_document(plain(body[0].text), "Resume")
    for sec in doc.sections:  # type: ignore[attr-defined]
        sec.left_margin = sec.right_margin = Inches(0.8)
        sec.top_margin = sec.bottom_margin = Inches(0.7)
    styles = doc.styles  # type: ignore[attr-defined]
    for name, size, before, after in (
        ("Normal", 10.5, 0, 4),
        ("List Bullet", 10.5, 0, 2),
        ("Title", 20, 0, 4),
        ("Heading 1", 12, 10, 2),
    ):
        fmt = styles[name].paragraph_format
        styles[name].font.size = Pt(size)
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    add_runs(doc.add_heading("", level=0), body[0].text)  # type: ignore[attr-defined]
    if any(b.kind == "table" for b in body):
        raise TemplateError(f"{source}: a resume has no tables (applicant tracking systems misread them)")
    add_blocks(doc, body[1:], label_level=False)
    return save(doc)


def save(doc: object) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Same content, same bytes: fixed entry times, no document dates, no cached formula results.

    Formula cells lose their cached value (XlsxWriter writes 0), so that
    LibreOffice, which by default does not recalculate an .xlsx on load,
    computes every formula instead of showing zeros.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>", b"", content)
            elif info.filename.startswith("xl/worksheets/sheet"):
                content = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", content)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, content)
    return out.getvalue()


# --- Plain text (the resume) ----------------------------------------------------------------------


def resume_text(markdown: str, source: str) -> str:
    """The resume as plain text for forms that want it pasted: capitals for the name and headings."""
    blocks = parse_blocks(markdown, source)
    template_title(blocks, source)
    lines: list[str] = []
    for block in blocks[1:]:
        text = plain(block.text)
        if block.kind == "heading":
            if lines:
                lines.append("")
            lines.append(text.upper())
        elif block.kind == "bullet":
            lines.append(f"- {text}")
        elif block.kind == "label":
            if lines and lines[-1] and not lines[-1].isupper():
                lines.append("")
            lines.append(text)
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


# --- The whole set --------------------------------------------------------------------------------


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def outputs(templates: Path = TEMPLATES) -> dict[str, Callable[[], bytes]]:
    """Every generated file name, and how to make it (lazily, so one bad template names itself)."""
    from hooks import template_tracker

    downloads = templates / "downloads"

    def blank(slug: str) -> str:
        return read(downloads / f"{slug}.md.txt")

    made: dict[str, Callable[[], bytes]] = {}
    for slug in DOCUMENTS:
        made[f"{slug}.docx"] = lambda s=slug: template_docx(blank(s), f"{s}.md.txt")
    for slug in (RESUME, RESUME_EXAMPLE):
        made[f"{slug}.docx"] = lambda s=slug: resume_docx(blank(s), f"{s}.md.txt")
        made[f"{slug}.txt"] = lambda s=slug: resume_text(blank(s), f"{s}.md.txt").encode("utf-8")
    page = read(templates / f"{TRACKER}.md")
    made.update(
        {
            f"{TRACKER}.xlsx": lambda: normalize_zip(template_tracker.workbook(blank(TRACKER), None)),
            f"{TRACKER}-example.xlsx": lambda: normalize_zip(template_tracker.workbook(blank(TRACKER), page)),
            f"{TRACKER}.csv": lambda: template_tracker.csv_text(blank(TRACKER), None).encode("utf-8-sig"),
            f"{TRACKER}-example.csv": lambda: template_tracker.csv_text(blank(TRACKER), page).encode("utf-8-sig"),
        }
    )
    return made


def generate(out: Path, templates: Path = TEMPLATES) -> list[str]:
    """Write every download into ``out``; return the names whose content changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, make in outputs(templates).items():
        try:
            data = make()
        except TemplateError as err:
            raise TemplateError(f"{name}: {err}") from None
        target = out / name
        if not target.exists() or not same_content(target.read_bytes(), data):
            target.write_bytes(data)
            changed.append(name)
    return changed


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def same_content(a: bytes, b: bytes) -> bool:
    """Equal bytes, or (for .docx/.xlsx) the same parts with the same XML, whatever zlib compressed them to."""
    if a == b:
        return True
    if a[:2] == b[:2] == b"PK":
        return zip_parts(a) == zip_parts(b)
    return False


def main(argv: list[str] | None = None) -> int:
    try:
        changed = generate(DOWNLOADS)
    except TemplateError as err:
        print(f"make templates: {err}", file=sys.stderr)
        return 1
    for name in changed:
        print(f"wrote docs/templates/downloads/{name}")
    if not changed:
        print("docs/templates/downloads/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
