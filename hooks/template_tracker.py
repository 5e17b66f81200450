"""The application tracker as a spreadsheet (.xlsx) and as CSV, from the tracker template's Markdown.

The blank (``downloads/09-application-tracker.md.txt``) gives the columns, each
column's hint, the stage words and the sources; the template page's filled-in
example gives the example rows and weekly review. Called by
``hooks.template_files``; needs XlsxWriter (a dev requirement).

The workbook has four sheets:

- **Tracker**: one row per role; stage and source are dropdowns fed by the
  Lists sheet, the two date columns accept dates only, the header is frozen
  and filters are on.
- **Weekly review**: the review table of the template. Applications sent and
  the response rates by source are formulas over the tracker (COUNTIFS); the
  indicators the tracker does not record are yours to type.
- **Search setup**: the setup questions of the template.
- **Lists**: the stage words (with which ones count as "got a screen") and the
  sources, which a reader can edit.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from hooks.template_files import Block, TemplateError, parse_blocks, plain, section

MAX_ROW = 1000  # formulas, dropdowns and date checks cover tracker rows 2 to 1000
EXAMPLE_YEAR = 2026  # the example's dates have no year; its start date, Monday, October 26, is in 2026
#: Stages from a recruiter screen on count as "the application got a response".
FIRST_SCREEN_STAGE, LAST_SCREEN_STAGE = "Recruiter screen", "Offer"
DATE_COLUMNS = ("Date applied", "Next step date")
SOURCE_COLUMN, STAGE_COLUMN = "Source", "Stage"
RESPONSE_NOTE = (
    "An application is a row with a date applied; it got a response when its stage counts as a screen or later "
    "on the Lists sheet. A row rejected after a screen no longer counts: add those by hand when you compare."
)
FORMULA_INDICATORS = ("Applications sent", "Response rate, referral and outreach rows", "Response rate, job board rows")


@dataclass
class Tracker:
    columns: list[str]
    hints: list[str]
    stages: list[str]
    sources: list[str]
    setup: list[tuple[str, str]]  # (label, hint or example value)
    review_hint: str
    indicators: list[list[str]]  # rows of the weekly review table (header first)
    review_notes: list[tuple[str, str]]  # What moved, What is stuck, ...
    week: str  # "Week and date"
    rows: list[dict[str, object]]  # example applications (empty for the blank)


def _bullets(blocks: list[Block]) -> list[tuple[str, str]]:
    out = []
    for b in blocks:
        if b.kind == "bullet" and (m := re.match(r"\*\*(.+?):\*\*\s*(.*)$", b.text)):
            out.append((m.group(1), m.group(2)))
    return out


def _table(blocks: list[Block], where: str) -> list[list[str]]:
    tables = [b.rows for b in blocks if b.kind == "table"]
    if len(tables) != 1:
        raise TemplateError(f"{where}: expected one table, found {len(tables)}")
    return tables[0]


def _unhint(text: str) -> str:
    text = plain(text).strip()
    return text[1:-1] if text.startswith("[") and text.endswith("]") else text


def _words(text: str) -> list[str]:
    """'referral (...), outreach (...) or job board (...)' -> ['Referral', 'Outreach', 'Job board']."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return [w.strip()[0].upper() + w.strip()[1:] for w in re.split(r",\s*|\s+or\s+", text) if w.strip()]


def parse(blank: str, page: str | None) -> Tracker:
    setup_blocks = parse_blocks(section(blank, "Search setup"), "Search setup")
    app_blocks = parse_blocks(section(blank, "Applications"), "Applications")
    review_blocks = parse_blocks(section(blank, "Weekly review"), "Weekly review")
    setup = _bullets(setup_blocks)
    stage_hint = dict(setup).get("Stage words", "")
    stages_text = re.search(r"Suggested: (.+)\]$", stage_hint)
    app_hint = " ".join(b.text for b in app_blocks if b.kind == "para")
    sources_text = re.search(r"Source is one word: (.+?)\.", app_hint)
    if not stages_text or not sources_text:
        raise TemplateError("the tracker template no longer names its stage words and sources the generator reads")
    table = _table(app_blocks, "Applications")
    tracker = Tracker(
        columns=table[0],
        hints=[_unhint(h) for h in table[1]],
        stages=_words(stages_text.group(1)),
        sources=_words(sources_text.group(1)),
        setup=[(label, _unhint(hint)) for label, hint in setup],
        review_hint=_unhint(next(b.text for b in review_blocks if b.kind == "para")),
        indicators=_table(review_blocks, "Weekly review"),
        review_notes=[(label, _unhint(hint)) for label, hint in _bullets(review_blocks) if label != "Week and date"],
        week="",
        rows=[],
    )
    for name in (SOURCE_COLUMN, STAGE_COLUMN, *DATE_COLUMNS):
        if name not in tracker.columns:
            raise TemplateError(f"the tracker template has no '{name}' column")
    if page is not None:
        _add_example(tracker, section(page, "Filled-in example"))
    return tracker


def _add_example(tracker: Tracker, example: str) -> None:
    setup = _bullets(parse_blocks(section(example, "Search setup"), "example Search setup"))
    app_blocks = parse_blocks(section(example, "Applications"), "example Applications")
    review_blocks = parse_blocks(section(example, "Weekly review"), "example Weekly review")
    table = _table(app_blocks, "example Applications")
    if table[0] != tracker.columns:
        raise TemplateError("the filled-in example's columns differ from the blank template's")
    tracker.setup = [(label, plain(value)) for label, value in setup]
    tracker.rows = [_example_row(dict(zip(table[0], cells, strict=True)), tracker) for cells in table[1:]]
    tracker.indicators = _table(review_blocks, "example Weekly review")
    notes = _bullets(review_blocks)
    tracker.week = plain(dict(notes)["Week and date"])
    tracker.review_notes = [(label, plain(value)) for label, value in notes if label != "Week and date"]


def example_date(text: str) -> dt.date | None:
    """'Oct 27' or 'Monday, October 26' -> a date in EXAMPLE_YEAR; 'None' or 'Not yet' -> None."""
    months = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    match = re.search(rf"\b({months})[a-z]* (\d{{1,2}})\b", text)
    if not match:
        return None
    return dt.datetime.strptime(f"{match.group(1)} {match.group(2)} {EXAMPLE_YEAR}", "%b %d %Y").date()


def _example_row(cells: dict[str, str], tracker: Tracker) -> dict[str, object]:
    row: dict[str, object] = {k: plain(v) for k, v in cells.items()}
    row[STAGE_COLUMN] = re.sub(r"\s*\(.*\)$", "", str(row[STAGE_COLUMN]))
    if row[STAGE_COLUMN] not in tracker.stages:
        raise TemplateError(f"example row {cells[tracker.columns[0]]}: stage '{row[STAGE_COLUMN]}' is not a stage word")
    if row[SOURCE_COLUMN] not in tracker.sources:
        raise TemplateError(f"example row {cells[tracker.columns[0]]}: source '{row[SOURCE_COLUMN]}' is not a source")
    for name in DATE_COLUMNS:
        row[name] = example_date(str(row[name]))
    return row


def screen_stages(stages: list[str]) -> list[str]:
    return stages[stages.index(FIRST_SCREEN_STAGE) : stages.index(LAST_SCREEN_STAGE) + 1]


# --- The workbook ---------------------------------------------------------------------------------


def _col(index: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(index)


def workbook(blank: str, page: str | None) -> bytes:
    import xlsxwriter

    t = parse(blank, page)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    title = "Application tracker" + (" (filled-in example)" if page else "")
    wb.set_properties({"title": title, "subject": "Path to PM template", "author": "Path to PM", "comments": ""})
    f = {
        "header": wb.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"}),
        "cell": wb.add_format({"text_wrap": True, "valign": "top"}),
        "date": wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "hint": wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"}),
        "label": wb.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "input": wb.add_format({"text_wrap": True, "valign": "top", "bg_color": "#FFF9E5", "border": 1}),
        "inputdate": wb.add_format({"num_format": "yyyy-mm-dd", "bg_color": "#FFF9E5", "border": 1}),
        "formula": wb.add_format({"text_wrap": True, "valign": "top", "border": 1}),
        "percent": wb.add_format({"num_format": "0%", "border": 1}),
        "number": wb.add_format({"border": 1}),
    }
    tracker = wb.add_worksheet("Tracker")
    review = wb.add_worksheet("Weekly review")
    setup = wb.add_worksheet("Search setup")
    lists = wb.add_worksheet("Lists")
    stage_range, flag_range, source_range = _lists(lists, t, f)
    _tracker_sheet(tracker, t, f, stage_range, source_range)
    _review_sheet(review, t, f, stage_range, flag_range, bool(page))
    _setup_sheet(setup, t, f, bool(page))
    wb.close()
    return buffer.getvalue()


def _lists(ws: object, t: Tracker, f: dict[str, object]) -> tuple[str, str, str]:
    screens = screen_stages(t.stages)
    ws.write_row(0, 0, ["Stage", "Counts as a response (a screen or later)", "", "Source"], f["header"])  # type: ignore[attr-defined]
    for i, stage in enumerate(t.stages, 1):
        ws.write(i, 0, stage)  # type: ignore[attr-defined]
        ws.write(i, 1, "Yes" if stage in screens else "No")  # type: ignore[attr-defined]
    for i, source in enumerate(t.sources, 1):
        ws.write(i, 3, source)  # type: ignore[attr-defined]
    note = len(t.stages) + 3
    ws.write(note, 0, "To add a word, insert a row inside a list, so the dropdowns and formulas include it.", f["hint"])  # type: ignore[attr-defined]
    ws.set_column(0, 0, 24)  # type: ignore[attr-defined]
    ws.set_column(1, 1, 22)  # type: ignore[attr-defined]
    ws.set_column(3, 3, 14)  # type: ignore[attr-defined]
    last_stage, last_source = len(t.stages) + 1, len(t.sources) + 1
    return (f"Lists!$A$2:$A${last_stage}", f"Lists!$B$2:$B${last_stage}", f"Lists!$D$2:$D${last_source}")


def _tracker_sheet(ws: object, t: Tracker, f: dict[str, object], stage_range: str, source_range: str) -> None:
    widths = {"Company": 18, "Role": 26, "Link": 22, "Notes": 40, "Next step": 28, "Contact": 26}
    for c, name in enumerate(t.columns):
        ws.set_column(c, c, widths.get(name, 14), f["date"] if name in DATE_COLUMNS else f["cell"])  # type: ignore[attr-defined]
        ws.write(0, c, name, f["header"])  # type: ignore[attr-defined]
        rule: dict[str, object] = {"validate": "any"}
        if name == STAGE_COLUMN:
            rule = {"validate": "list", "source": "=" + stage_range, "error_title": "Use a stage word"}
            rule["error_message"] = "Pick a stage from the list (edit the words on the Lists sheet)."
        elif name == SOURCE_COLUMN:
            rule = {"validate": "list", "source": "=" + source_range, "error_title": "Use a source"}
            rule["error_message"] = "Pick a source from the list (edit the words on the Lists sheet)."
        elif name in DATE_COLUMNS:
            rule = {"validate": "date", "criteria": "between", "minimum": dt.date(2000, 1, 1)}
            rule.update({"maximum": dt.date(2100, 12, 31), "error_title": "Enter a date"})
            rule["error_message"] = "Type a date, for example 2026-11-16, so the column sorts and the review counts it."
        rule.update({"input_title": name[:32], "input_message": t.hints[c][:255]})
        ws.data_validation(1, c, MAX_ROW - 1, c, rule)  # type: ignore[attr-defined]
    for r, row in enumerate(t.rows, 1):
        for c, name in enumerate(t.columns):
            value = row[name]
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), f["date"])  # type: ignore[attr-defined]
            elif value is not None:
                ws.write_string(r, c, str(value), f["cell"])  # type: ignore[attr-defined]
    ws.freeze_panes(1, 1)  # type: ignore[attr-defined]
    ws.autofilter(0, 0, max(len(t.rows), 1), len(t.columns) - 1)  # type: ignore[attr-defined]
    ws.set_landscape()  # type: ignore[attr-defined]
    ws.fit_to_pages(1, 0)  # type: ignore[attr-defined]
    ws.repeat_rows(0)  # type: ignore[attr-defined]


def _range(t: Tracker, name: str) -> str:
    col = _col(t.columns.index(name))
    return f"Tracker!${col}$2:${col}${MAX_ROW}"


def _review_sheet(
    ws: object, t: Tracker, f: dict[str, object], stage_range: str, flag_range: str, example: bool
) -> None:
    w = ws.write  # type: ignore[attr-defined]
    ws.set_column(0, 0, 46)  # type: ignore[attr-defined]
    ws.set_column(1, 3, 24)  # type: ignore[attr-defined]
    w(0, 0, "Weekly review", f["title"])
    w(1, 0, t.review_hint, f["hint"])
    ws.set_row(1, 45)  # type: ignore[attr-defined]
    w(3, 0, "Search start date (a Monday)", f["label"])
    w(4, 0, "This week starts (Monday)", f["label"])
    w(5, 0, "Week of the search", f["label"])
    start = example_date(dict(t.setup).get("Start date and review day", "")) if example else None
    week_day = example_date(t.week) if example else None
    monday = week_day - dt.timedelta(days=week_day.weekday()) if week_day else None
    if start and start.weekday() != 0:
        raise TemplateError("the example's start date is not a Monday in EXAMPLE_YEAR: update EXAMPLE_YEAR")
    for row, day in ((3, start), (4, monday)):
        if day:
            ws.write_datetime(row, 1, dt.datetime.combine(day, dt.time()), f["inputdate"])  # type: ignore[attr-defined]
        else:
            w(row, 1, None, f["inputdate"])
    ws.write_formula(5, 1, '=IF(OR(B4="",B5=""),"",INT((B5-B4)/7)+1)', f["formula"])  # type: ignore[attr-defined]

    dates, source, stage = _range(t, DATE_COLUMNS[0]), _range(t, SOURCE_COLUMN), _range(t, STAGE_COLUMN)
    top = 7
    notes = top + len(t.indicators) + 1
    # Response rate by source: applications (rows with a date applied) and responses (stage a screen or later).
    by_source = notes + len(t.review_notes) + 1
    w(by_source, 0, "Response rate by source (formulas over the Tracker sheet)", f["label"])
    ws.write(by_source + 1, 0, RESPONSE_NOTE, f["hint"])  # type: ignore[attr-defined]
    ws.set_row(by_source + 1, 45)  # type: ignore[attr-defined]
    by_source += 1
    ws.write_row(by_source + 1, 0, ["Source", "Applications", "Screen or later", "Response rate"], f["header"])  # type: ignore[attr-defined]
    groups = [(s, [s]) for s in t.sources]
    groups += [("Referral and outreach", ["Referral", "Outreach"]), ("All sources", list(t.sources))]
    cells: dict[str, tuple[str, str]] = {}
    for i, (label, members) in enumerate(groups):
        r = by_source + 2 + i
        if any(m not in t.sources for m in members):
            raise TemplateError(f"the sources no longer include {members}")
        apps = "+".join(f'COUNTIFS({source},"{m}",{dates},">0")' for m in members)
        got = "+".join(
            f'SUMPRODUCT(COUNTIFS({source},"{m}",{dates},">0",{stage},{stage_range})*({flag_range}="Yes"))'
            for m in members
        )
        w(r, 0, label, f["label"])
        ws.write_formula(r, 1, "=" + apps, f["number"])  # type: ignore[attr-defined]
        ws.write_formula(r, 2, "=" + got, f["number"])  # type: ignore[attr-defined]
        ws.write_formula(r, 3, f'=IF(B{r + 1}=0,"",C{r + 1}/B{r + 1})', f["percent"])  # type: ignore[attr-defined]
        cells[label] = (f"B{r + 1}", f"C{r + 1}")

    def rate(label: str) -> str:
        apps, got = cells[label]
        return f'={got}&" of "&{apps}&IF({apps}>0," ("&TEXT({got}/{apps},"0%")&")","")'

    ws.write_row(top, 0, t.indicators[0], f["header"])  # type: ignore[attr-defined]
    # (this week, since the start) for the indicators the tracker's rows can answer; the others are typed in.
    this_week = f'=IF(B5="","",COUNTIFS({dates},">="&B5,{dates},"<"&(B5+7)))'
    formulas = dict(
        zip(
            FORMULA_INDICATORS,
            (
                (this_week, f'=COUNTIFS({dates},">0")'),
                (None, rate("Referral and outreach")),
                (None, rate("Job board")),
            ),
            strict=True,
        )
    )
    for i, cells_text in enumerate(t.indicators[1:], 1):
        r = top + i
        name = plain(cells_text[0])
        w(r, 0, name, f["label"])
        key = next((k for k in formulas if name.startswith(k)), None)
        for c in (1, 2, 3):
            value = _unhint(cells_text[c])
            formula = formulas[key][c - 1] if key and c < 3 else None
            if formula:
                ws.write_formula(r, c, formula, f["formula"])  # type: ignore[attr-defined]
            elif key and c < 3 and not formula:
                w(r, c, "", f["number"])
            elif example:
                w(r, c, int(value) if value.isdigit() else value, f["input"])
            else:
                w(r, c, None, f["input"])
                rule = {"validate": "any", "input_title": t.indicators[0][c][:32], "input_message": value[:255]}
                ws.data_validation(r, c, r, c, rule)  # type: ignore[attr-defined]
    for i, (label, value) in enumerate(t.review_notes):
        w(notes + i, 0, label, f["label"])
        ws.merge_range(notes + i, 1, notes + i, 3, value if example else "", f["input"])  # type: ignore[attr-defined]
        if not example:
            ws.data_validation(
                notes + i, 1, notes + i, 1, {"validate": "any", "input_title": label[:32], "input_message": value[:255]}
            )  # type: ignore[attr-defined]
        ws.set_row(notes + i, 48 if example else 30)  # type: ignore[attr-defined]
    ws.freeze_panes(0, 1)  # type: ignore[attr-defined]


def _setup_sheet(ws: object, t: Tracker, f: dict[str, object], example: bool) -> None:
    ws.set_column(0, 0, 28)  # type: ignore[attr-defined]
    ws.set_column(1, 1, 90)  # type: ignore[attr-defined]
    ws.write(0, 0, "Search setup", f["title"])  # type: ignore[attr-defined]
    ws.write(1, 0, "Fill this in before the first row of the tracker.", f["hint"])  # type: ignore[attr-defined]
    for i, (label, value) in enumerate(t.setup, 3):
        ws.write(i, 0, label, f["label"])  # type: ignore[attr-defined]
        if example:
            ws.write_string(i, 1, value, f["input"])  # type: ignore[attr-defined]
        else:
            ws.write_string(i, 1, "", f["input"])  # type: ignore[attr-defined]
            ws.data_validation(i, 1, i, 1, {"validate": "any", "input_title": label[:32], "input_message": value[:255]})  # type: ignore[attr-defined]
        ws.set_row(i, 32)  # type: ignore[attr-defined]


# --- CSV ------------------------------------------------------------------------------------------


def csv_text(blank: str, page: str | None) -> str:
    """The tracker's columns (and the example's rows), dates as YYYY-MM-DD, for any spreadsheet or database tool."""
    t = parse(blank, page)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(t.columns)
    for row in t.rows:
        writer.writerow(
            ["" if row[c] is None else row[c].isoformat() if isinstance(row[c], dt.date) else row[c] for c in t.columns]
        )  # type: ignore[union-attr]
    return out.getvalue()
