"""The template downloads: current with their Markdown, and what a reader's Word, Excel or LibreOffice opens.

``make templates`` writes the files; these tests regenerate them, open every
one with a reader library (python-docx, openpyxl, csv) and check what a reader
would see: headings with real heading styles, grey placeholder hints, the
tracker's columns, dropdowns, dates and formulas. The LibreOffice tests
recalculate the tracker in LibreOffice itself and are skipped, saying why,
when ``soffice`` is not installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from hooks import template_files as tf
from hooks import template_tracker as tt

DOWNLOADS = tf.DOWNLOADS
TRACKER_PAGE = tf.TEMPLATES / f"{tf.TRACKER}.md"
GENERATED = {".docx", ".xlsx", ".csv"}


def md(slug: str) -> str:
    return (DOWNLOADS / f"{slug}.md.txt").read_text(encoding="utf-8")


def hints(markdown: str) -> list[str]:
    return [
        r.text
        for b in tf.parse_blocks(markdown)
        for cell in [b.text, *(c for row in b.rows for c in row)]
        for r in tf.runs(cell)
        if r.hint
    ]


def headings(markdown: str) -> list[str]:
    return [tf.plain(b.text) for b in tf.parse_blocks(markdown) if b.kind == "heading"]


def heading_paragraphs(document: object, prefix: str = "Heading ") -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(prefix)]  # type: ignore[attr-defined]


def parts(path_or_bytes: Path | bytes) -> dict[str, bytes]:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


# --- Current and deterministic --------------------------------------------------------------------


def test_the_committed_downloads_are_what_make_templates_generates(tmp_path: Path) -> None:
    """Edit a template's Markdown without running `make templates`, and this fails naming the file."""
    tf.generate(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(tf.outputs())
    stale = []
    for name in made:
        fresh, committed = tmp_path / name, DOWNLOADS / name
        if not committed.exists():
            stale.append(f"{name} (missing)")
        elif name.endswith((".docx", ".xlsx")):
            if parts(fresh) != parts(committed):  # compare the XML inside: zlib versions may compress differently
                stale.append(name)
        elif fresh.read_bytes() != committed.read_bytes():
            stale.append(name)
    assert not stale, f"run `make templates` and commit: out of date: {', '.join(stale)}"
    leftovers = {p.name for p in DOWNLOADS.iterdir() if p.suffix in GENERATED or p.name.endswith((".docx", ".txt"))}
    leftovers -= set(made) | {p.name for p in DOWNLOADS.glob("*.md.txt")}
    assert not leftovers, f"files in downloads/ that make templates no longer writes: {sorted(leftovers)}"


def test_generating_twice_gives_the_same_bytes_and_no_dates(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    tf.generate(first)
    tf.generate(second)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                assert {i.date_time for i in z.infolist()} == {tf.FIXED_ZIP_TIME}
                assert b"dcterms:created" not in z.read("docProps/core.xml")
    assert tf.generate(first) == []  # nothing changed, nothing rewritten


def test_a_broken_template_names_its_file(tmp_path: Path) -> None:
    shutil.copytree(tf.TEMPLATES, tmp_path / "templates")
    story = tmp_path / "templates" / "downloads" / "07-star-story-bank.md.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("| 2 | [Story] |", "| 2 |"), encoding="utf-8")
    with pytest.raises(tf.TemplateError, match=r"07-star-story-bank\.docx: 07-star-story-bank\.md\.txt:\d+: table row"):
        tf.generate(tmp_path / "out", tmp_path / "templates")


# --- Markdown to runs -----------------------------------------------------------------------------


def test_hints_keep_nested_brackets_and_bold_labels_stay_bold() -> None:
    got = tf.runs('**Addressed to:** [Their name; otherwise "Dear [Company] product team"] today')
    assert got == [
        tf.Run("Addressed to:", bold=True),
        tf.Run(" "),
        tf.Run('[Their name; otherwise "Dear [Company] product team"]', hint=True),
        tf.Run(" today"),
    ]
    assert tf.runs("**[Main metric]:** x")[0] == tf.Run("[Main metric]", bold=True, hint=True)


# --- Word documents -------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", tf.DOCUMENTS)
def test_each_document_has_the_pages_headings_as_heading_styles_and_every_hint_as_a_placeholder(slug: str) -> None:
    source = md(slug)
    document = docx.Document(str(DOWNLOADS / f"{slug}.docx"))
    title = re.match(r"\*Path to PM template: (.+?)\. ", source).group(1)  # type: ignore[union-attr]
    assert heading_paragraphs(document, "Title") == [("Title", title)]
    assert document.core_properties.title == title
    got = [text for style, text in heading_paragraphs(document) if style == "Heading 1"]
    assert got == headings(source)
    style = document.styles[tf.PLACEHOLDER_STYLE]
    assert style.type == 2 and style.font.italic and str(style.font.color.rgb) == tf.PLACEHOLDER_GREY  # 2: character
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    placeholders = {r.text for r in runs if r.style.name == tf.PLACEHOLDER_STYLE}
    assert set(hints(source)) == placeholders
    assert not any(r.style.name == tf.PLACEHOLDER_STYLE for r in runs if not r.text.startswith("["))
    tables = [b.rows for b in tf.parse_blocks(source) if b.kind == "table"]
    assert [[[c.text for c in row.cells] for row in t.rows] for t in document.tables] == [
        [[tf.plain(c) for c in row] for row in rows] for rows in tables
    ]


@pytest.mark.parametrize("name", [n for n in tf.outputs() if n.endswith((".docx", ".xlsx"))])
def test_office_files_carry_no_macros_images_embedded_fonts_or_outside_links(name: str) -> None:
    content = parts(DOWNLOADS / name)
    assert not any(re.search(r"vbaProject|/media/|/fonts/|/embeddings/|activeX", n) for n in content), sorted(content)
    assert b"macroEnabled" not in content["[Content_Types].xml"]
    for part, data in content.items():
        if part.endswith(".rels"):
            assert b'TargetMode="External"' not in data, part


# --- The resume -----------------------------------------------------------------------------------

RESUME_SECTIONS = ["Summary", "Experience", "Product work", "Skills", "Education and certifications"]


@pytest.mark.parametrize("slug", [tf.RESUME, tf.RESUME_EXAMPLE])
def test_the_resume_is_one_column_of_real_text_with_standard_headings(slug: str) -> None:
    """ATS-safe by step 7's rules: standard headings, no tables, text boxes, columns, images or header contact block."""
    document = docx.Document(str(DOWNLOADS / f"{slug}.docx"))
    assert [t for s, t in heading_paragraphs(document) if s == "Heading 1"] == RESUME_SECTIONS
    assert document.tables == []
    body = parts(DOWNLOADS / f"{slug}.docx")["word/document.xml"]
    assert not re.search(rb"txbxContent|<w:drawing|<v:shape|<w:cols [^>]*w:num=\"[2-9]", body)
    for section in document.sections:
        assert all(not p.text.strip() for p in section.header.paragraphs + section.footer.paragraphs)
    name = document.paragraphs[0]
    assert name.style.name == "Title" and "|" in document.paragraphs[1].text  # contact line in the body, under the name


def test_the_filled_in_resume_is_diego_at_brightwater_health_with_no_hint_left() -> None:
    document = docx.Document(str(DOWNLOADS / f"{tf.RESUME_EXAMPLE}.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "Diego Hernández"
    assert "Brightwater Health (regional hospital network, 2,400 staff)" in text
    assert "[" not in text and not any(
        r.style.name == tf.PLACEHOLDER_STYLE for p in document.paragraphs for r in p.runs
    )
    blank = docx.Document(str(DOWNLOADS / f"{tf.RESUME}.docx"))
    assert {r.text for p in blank.paragraphs for r in p.runs if r.style.name == tf.PLACEHOLDER_STYLE} == set(
        hints(md(tf.RESUME))
    )


@pytest.mark.parametrize("slug", [tf.RESUME, tf.RESUME_EXAMPLE])
def test_the_plain_text_resume_has_the_same_words_as_the_document(slug: str) -> None:
    text = (DOWNLOADS / f"{slug}.txt").read_text(encoding="utf-8")
    document = docx.Document(str(DOWNLOADS / f"{slug}.docx"))
    lines = text.splitlines()
    for p in document.paragraphs:
        if not p.text:
            continue
        expected = p.text.upper() if p.style.name.startswith(("Heading", "Title")) else p.text
        assert expected in lines or f"- {p.text}" in lines, p.text
    assert "**" not in text and "#" not in text


# --- The tracker ----------------------------------------------------------------------------------


def tracker_table() -> list[list[str]]:
    blocks = tf.parse_blocks(tf.section(md(tf.TRACKER), "Applications"))
    return next(b.rows for b in blocks if b.kind == "table")


def page_example(heading: str) -> list[list[str]]:
    example = tf.section(TRACKER_PAGE.read_text(encoding="utf-8"), "Filled-in example")
    return next(b.rows for b in tf.parse_blocks(tf.section(example, heading)) if b.kind == "table")


def validations(sheet: object) -> dict[str, object]:
    """First column letter of each validation's range -> the validation."""
    return {str(v.sqref).split(":")[0].rstrip("0123456789"): v for v in sheet.data_validations.dataValidation}  # type: ignore[attr-defined]


def list_values(book: object, formula: str) -> list[str]:
    sheet, cells = formula.lstrip("=").split("!")
    return [c[0].value for c in book[sheet][cells.replace("$", "")]]  # type: ignore[index]


@pytest.mark.parametrize("name", [f"{tf.TRACKER}.xlsx", f"{tf.TRACKER}-example.xlsx"])
def test_the_tracker_sheet_has_the_templates_columns_dropdowns_dates_frozen_header_and_filters(name: str) -> None:
    book = openpyxl.load_workbook(DOWNLOADS / name)
    assert book.sheetnames == ["Tracker", "Weekly review", "Search setup", "Lists"]
    sheet = book["Tracker"]
    columns = tracker_table()[0]
    assert [c.value for c in sheet[1]] == columns
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:J")
    rules = validations(sheet)
    letter = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(columns)}
    stage, source = rules[letter["Stage"]], rules[letter["Source"]]
    assert stage.type == source.type == "list" and stage.showErrorMessage and stage.errorStyle in (None, "stop")
    assert list_values(book, stage.formula1) == [
        "Saved", "Applied", "Recruiter screen", "Hiring manager screen", "Take-home",
        "Final round", "Offer", "Rejected", "Withdrawn", "Closed",
    ]  # fmt: skip
    assert list_values(book, source.formula1) == ["Referral", "Outreach", "Job board"]
    for column in ("Date applied", "Next step date"):
        assert rules[letter[column]].type == "date", column
        assert str(rules[letter[column]].sqref) == f"{letter[column]}2:{letter[column]}{tt.MAX_ROW}"
    hints_row = [tt._unhint(h) for h in tracker_table()[1]]
    assert [rules[letter[c]].prompt for c in columns] == hints_row  # each column's hint shows when a cell is selected


def test_the_example_tracker_holds_the_pages_rows_with_real_dates() -> None:
    sheet = openpyxl.load_workbook(DOWNLOADS / f"{tf.TRACKER}-example.xlsx")["Tracker"]
    rows = page_example("Applications")
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(rows) - 1
    assert [v[0] for v in values] == [r[0] for r in rows[1:]]
    applied = [v[3] for v in values]
    assert applied[0] == dt.datetime(2026, 10, 27) and applied[-1] is None  # "Oct 27"; "Not yet"
    assert all(isinstance(d, dt.datetime) for d in applied[:-1])
    assert sheet["D2"].number_format == "yyyy-mm-dd" and sheet["D2"].is_date


def test_the_weekly_review_computes_with_formulas_and_stores_no_stale_results() -> None:
    path = DOWNLOADS / f"{tf.TRACKER}-example.xlsx"
    formulas = openpyxl.load_workbook(path)["Weekly review"]
    cached = openpyxl.load_workbook(path, data_only=True)["Weekly review"]
    found = {}
    for row in formulas.iter_rows():
        name = row[0].value
        for cell in row[1:]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                assert cached[cell.coordinate].value is None, f"{cell.coordinate} stores a cached result"
                found.setdefault(name, []).append(cell.value)
    keys = [next(k for k in found if k and k.startswith(name)) for name in tt.FORMULA_INDICATORS]
    applications, *rates = (found[k] for k in keys)
    assert len(applications) == 2 and all("COUNTIFS(Tracker!$D$2:$D$1000" in f for f in applications)
    assert all(len(r) == 1 and '&" of "&' in r[0] for r in rates)  # "3 of 5 (60%)", from the by-source table
    assert "Week of the search" in found
    by_source = {k: v for k, v in found.items() if k in ("Referral", "Outreach", "Job board", "All sources")}
    assert all("COUNTIFS(Tracker!$E$2:$E$1000" in f[0] and "SUMPRODUCT" in f[1] for f in by_source.values())


@pytest.mark.parametrize("name", [f"{tf.TRACKER}.csv", f"{tf.TRACKER}-example.csv"])
def test_the_csv_has_the_columns_and_the_examples_rows_with_iso_dates(name: str) -> None:
    raw = (DOWNLOADS / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the accents as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == tracker_table()[0]
    if "example" in name:
        assert len(rows) == len(page_example("Applications"))
        assert rows[1][3] == "2026-10-27" and rows[-1][3] == ""
        assert all(r[6] in tt.parse(md(tf.TRACKER), None).stages for r in rows[1:])
    else:
        assert len(rows) == 1


# --- LibreOffice recalculates the tracker ---------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    not SOFFICE,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui) to recalculate the tracker",
)


def libreoffice_csv(workbook: Path, sheet: int, tmp_path: Path) -> list[list[str]]:
    """The sheet as LibreOffice computes and formats it (cells as shown), via a headless CSV export."""
    out = tmp_path / f"out{sheet}"
    options = f"44,34,76,1,,0,false,true,true,false,false,{sheet}"
    done = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    files = list(out.glob("*.csv"))
    assert done.returncode == 0 and len(files) == 1, done.stderr
    return list(csv.reader(io.StringIO(files[0].read_text(encoding="utf-8"))))


@needs_libreoffice
def test_libreoffice_computes_the_examples_weekly_review_as_the_page_shows_it(tmp_path: Path) -> None:
    review = {row[0]: row[1:] for row in libreoffice_csv(DOWNLOADS / f"{tf.TRACKER}-example.xlsx", 2, tmp_path) if row}
    page = {tf.plain(r[0]): r[1:] for r in page_example("Weekly review")}
    for name in tt.FORMULA_INDICATORS:
        key = next(k for k in page if k.startswith(name))
        expected = [v for v in page[key][:2]]
        assert review[key][:2] == expected, key  # e.g. ['3', '13'] and ['', '3 of 5 (60%)']
    assert review["Week of the search"][0] == "4"  # the page: "Week 4"
    assert review["Referral"][:3] == ["2", "2", "100%"] and review["All sources"][:3] == ["13", "4", "31%"]


@needs_libreoffice
def test_libreoffice_computes_the_blank_review_as_zeros_not_errors(tmp_path: Path) -> None:
    review = {row[0]: row[1:] for row in libreoffice_csv(DOWNLOADS / f"{tf.TRACKER}.xlsx", 2, tmp_path) if row}
    assert review["Applications sent"][:2] == ["", "0"]
    rates = [v for k, v in review.items() if k.startswith("Response rate, ")]
    assert [r[1] for r in rates] == ["0 of 0", "0 of 0"]
    assert review["All sources"][:3] == ["0", "0", ""]
    assert not any(v.startswith(("#", "Err:")) for row in review.values() for v in row)


@needs_libreoffice
def test_libreoffice_reads_the_tracker_rows_with_the_dates_as_dates(tmp_path: Path) -> None:
    rows = libreoffice_csv(DOWNLOADS / f"{tf.TRACKER}-example.xlsx", 1, tmp_path)
    assert rows[0] == tracker_table()[0]
    assert rows[1][3] == "2026-10-27" and rows[1][6] == "Rejected"


WRITER = bool(SOFFICE) and (Path(str(SOFFICE)).resolve().parent / "libswlo.so").exists()


@pytest.mark.skipif(
    not WRITER,
    reason="LibreOffice Writer is not installed (apt-get install libreoffice-writer-nogui) to lay out the resume",
)
@pytest.mark.parametrize("slug", [tf.RESUME, tf.RESUME_EXAMPLE])
def test_the_resume_fits_on_one_page_in_libreoffice_writer(slug: str, tmp_path: Path) -> None:
    import pypdf

    done = subprocess.run(
        [
            *(str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless"),
            *("--convert-to", "pdf", "--outdir", str(tmp_path), str(DOWNLOADS / f"{slug}.docx")),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / f"{slug}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    assert "Education and certifications" in reader.pages[0].extract_text()
