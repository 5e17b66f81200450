"""The lesson lint: what a machine can check of the content standard.

Usage: ``python -m hooks.lessonlint [PATH ...]`` (default: every lesson under
``docs/steps/``). Prints one line per problem, ``file:line: message``, and
exits 1 when there is any. The rules are described for contributors in
``docs/contributing/style-guide.md``; each is a small function tested in
``tests/unit/test_lessonlint.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks.data import ROOT, Cast, load_cast
from hooks.frontmatter import split as get_data

DOCS = ROOT / "docs"
WORDS_MIN, WORDS_MAX = 900, 2000
LEARN_MIN, LEARN_MAX = 3, 6
QUESTIONS_MIN, QUESTIONS_MAX = 3, 6
DESCRIPTION_MAX = 160

FILLER = (
    "in today's fast-paced world",
    "dynamic and rewarding",
    "it's important to note",
    "it is important to note",
    "unlock your potential",
    "game-changer",
    "game changer",
    "navigate the landscape",
    "dive deep into",
    "delve into",
    "at the end of the day",
    "take it to the next level",
    "think outside the box",
    "synergy",
    "best-in-class",
    "world-class",
    "cutting-edge",
    "a myriad of",
    "plethora",
    "in conclusion",
    "needless to say",
)

# Named companies whose mention makes a sentence a claim that needs a source.
COMPANIES = (
    "Google", "Alphabet", "Amazon", "Meta", "Facebook", "Instagram", "WhatsApp", "Microsoft", "Apple",
    "Netflix", "Spotify", "Airbnb", "Uber", "Lyft", "Stripe", "Salesforce", "Shopify", "LinkedIn",
    "Intercom", "Atlassian", "Basecamp", "Duolingo", "Slack", "Dropbox", "Zoom", "Twitter", "Pinterest",
    "DoorDash", "Instacart", "OpenAI", "Anthropic", "Nvidia", "Tesla", "Oracle", "IBM", "Adobe", "PayPal",
)  # fmt: skip

TIME = re.compile(r"^\d{1,3}-\d{1,3} (minutes|hours)$")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
FOOTNOTE_DEF = re.compile(r"^\[\^(?P<key>[^\]]+)\]:\s*(?P<text>.*)$")
CHECKED = re.compile(r"checked \d{4}-\d{2}-\d{2}")
MONEY = re.compile(r"[$€£]\s?\d|\b\d[\d,.]*\s?(USD|EUR|GBP|dollars|euros)\b")
PERCENT = re.compile(r"\b\d+(\.\d+)?\s?(%|percent\b)")
LARGE = re.compile(r"\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?\s?(million|billion|thousand)\b", re.IGNORECASE)
COMPANY = re.compile(r"\b(" + "|".join(COMPANIES) + r")\b")
EXEMPT_HEADING = re.compile(r"^(worked example|try it)\b", re.IGNORECASE)
LINK_TO_ANCHOR = re.compile(r"\]\(#(?P<anchor>[^)]+)\)")
HEADING = re.compile(r"^(?P<level>#{1,6}) (?P<text>.+?)\s*#*\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\[])")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Block:
    """A paragraph-like run of lines, with the section it sits in."""

    line: int
    text: str
    section: str  # the nearest heading above (any level), lower-cased
    h2: str  # the nearest h2 above
    kind: str  # prose, list, heading, code, table, html, macro, checklist, footnote, admonition


def slugify(heading: str) -> str:
    """The anchor Python-Markdown's toc extension gives a heading."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[`*_]", "", text)
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _kind(stripped: str) -> str:
    """What a block is, from its first line."""
    if FOOTNOTE_DEF.match(stripped):
        return "footnote"
    prefixes = (
        ("|", "table"),
        ("- [ ]", "checklist"),
        ("- [x]", "checklist"),
        ("{{", "macro"),
        ("{%", "macro"),
        ("<", "html"),
    )
    for prefix, kind in prefixes:
        if stripped.startswith(prefix):
            return kind
    return "list" if re.match(r"^([-*+]|\d+\.) ", stripped) else "prose"


def blocks(body: str, first_line: int) -> list[Block]:
    out: list[Block] = []
    section = h2 = ""
    fence = None
    admonition = False
    current: list[str] = []
    start = 0
    kind = "prose"

    def flush() -> None:
        nonlocal current
        if current:
            out.append(Block(start, "\n".join(current), section, h2, kind))
        current = []

    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        stripped = line.strip()
        if fence:
            current.append(line)
            if stripped.startswith(fence):
                flush()
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            flush()
            fence, kind, start = stripped[:3], "code", number
            current = [line]
            continue
        if not stripped:
            flush()
            continue
        if admonition and not line.startswith(("    ", "\t")):
            admonition = False
            flush()
        heading = HEADING.match(line)
        if heading:
            flush()
            level, text = len(heading.group("level")), heading.group("text")
            section = text.lower()
            if level == 2:
                h2 = text.lower()
            out.append(Block(number, text, section, h2, f"h{level}"))
            continue
        if not current:
            start = number
            admonition = admonition or stripped.startswith(("!!!", "???"))
            kind = "admonition" if admonition else _kind(stripped)
        current.append(line)
    flush()
    return out


def prose_words(bs: Iterable[Block]) -> int:
    count = 0
    for b in bs:
        if b.kind in ("prose", "list", "admonition"):
            text = re.sub(r"\]\([^)]*\)", "]", b.text)  # link targets are not words
            text = FOOTNOTE_REF.sub("", text)
            count += len(re.findall(r"[A-Za-z0-9][\w'’-]*", text))
    return count


def needs_source(sentence: str) -> str | None:
    plain = re.sub(r"\]\([^)]*\)", "]", sentence)  # ignore URLs
    plain = re.sub(r"`[^`]*`", "", plain)
    for rx, what in (
        (MONEY, "a price"),
        (PERCENT, "a percentage"),
        (LARGE, "a large number"),
        (COMPANY, "a named company"),
    ):
        match = rx.search(plain)
        if match:
            return f"{what} ('{match.group(0)}')"
    return None


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def lint_text(source: str, file: str) -> list[Finding]:  # noqa: C901 (one check after another)
    findings: list[Finding] = []

    def add(line: int, message: str) -> None:
        findings.append(Finding(file, line, message))

    body, meta = get_data(source)
    header_lines = source[: len(source) - len(body)].count("\n")
    first = header_lines + 1
    for key in ("title", "description", "time"):
        if not meta.get(key):
            add(1, f"front matter has no '{key}'")
    if meta.get("description") and len(str(meta["description"])) > DESCRIPTION_MAX:
        add(1, f"the description has {len(str(meta['description']))} characters; at most {DESCRIPTION_MAX}")
    if meta.get("time") and not TIME.match(str(meta["time"])):
        add(1, f"time is '{meta['time']}'; write a range like '45-90 minutes' or '2-3 hours'")

    bs = blocks(body, first)
    heads = [b for b in bs if b.kind.startswith("h")]
    h1s = [b for b in heads if b.kind == "h1"]
    if len(h1s) != 1:
        add(first, f"a lesson has exactly one '# ' title; found {len(h1s)}")
    level = 1
    for h in heads:
        n = int(h.kind[1])
        if n > level + 1:
            add(h.line, f"heading '{h.text}' skips from h{level} to h{n}")
        level = n

    # The promise: the first block after the title is one sentence of prose.
    after_title = [b for b in bs if h1s and b.line > h1s[0].line]
    if after_title and (after_title[0].kind != "prose" or len(sentences(after_title[0].text)) != 1):
        add(after_title[0].line, "the first paragraph under the title is the promise: one sentence")

    # Sections in order.
    h2 = [(b.text.lower(), b.line) for b in heads if b.kind == "h2"]
    names = [t for t, _ in h2]
    required = ["what you'll learn", "try it", "checklist", "check yourself", "resources"]
    positions = []
    for name in required:
        if name not in names:
            add(first, f"missing the section '## {name[0].upper() + name[1:]}'")
        else:
            positions.append(names.index(name))
    if positions == sorted(positions) and len(positions) == len(required):
        learn, try_it = names.index("what you'll learn"), names.index("try it")
        teaching = names[learn + 1 : try_it]
        if not teaching:
            add(first, "no teaching section between 'What you'll learn' and 'Try it'")
        if names.index("resources") != len(names) - 1:
            add(h2[-1][1], "'Resources' is the last section")
        if names.index("check yourself") != names.index("checklist") + 1 or names.index("checklist") != try_it + 1:
            add(first, "the sections after the teaching run 'Try it', 'Checklist', 'Check yourself', 'Resources'")
    elif len(positions) == len(required):
        add(
            first,
            "the sections are out of order: 'What you'll learn', teaching, 'Try it', 'Checklist', 'Check yourself', 'Resources'",
        )
    if not any(EXEMPT_HEADING.match(h.text) and h.text.lower().startswith("worked example") for h in heads):
        add(first, "no heading starts with 'Worked example'")

    def section_blocks(name: str) -> list[Block]:
        return [b for b in bs if b.h2 == name and not b.kind.startswith("h")]

    learn_items = [
        ln
        for b in section_blocks("what you'll learn")
        if b.kind == "list"
        for ln in b.text.splitlines()
        if ln.startswith(("- ", "* "))
    ]
    if "what you'll learn" in names and not LEARN_MIN <= len(learn_items) <= LEARN_MAX:
        add(first, f"'What you'll learn' has {len(learn_items)} items; expected {LEARN_MIN} to {LEARN_MAX}")
    if "try it" in names and not any("**You keep:**" in b.text for b in section_blocks("try it")):
        add(first, "'Try it' has no line starting with '**You keep:**' naming what the reader keeps")
    checklist = section_blocks("checklist")
    if "checklist" in names:
        if not any(b.kind == "checklist" for b in checklist):
            add(first, "the 'Checklist' section has no checklist items")
        for b in checklist:
            if b.kind not in ("checklist", "prose"):
                add(b.line, "the 'Checklist' section holds checklist items (and at most a sentence of prose)")
    anchors = {slugify(h.text) for h in heads}
    questions = [
        (b.line + i, ln)
        for b in section_blocks("check yourself")
        if b.kind == "list"
        for i, ln in enumerate(b.text.splitlines())
        if re.match(r"^\d+\. ", ln)
    ]
    if "check yourself" in names:
        if not QUESTIONS_MIN <= len(questions) <= QUESTIONS_MAX:
            add(
                first,
                f"'Check yourself' has {len(questions)} numbered questions; expected {QUESTIONS_MIN} to {QUESTIONS_MAX}",
            )
        for line, q in questions:
            links = LINK_TO_ANCHOR.findall(q)
            if not links:
                add(
                    line,
                    "a 'Check yourself' question has no link to the heading that answers it, like ([Heading](#heading))",
                )
            for anchor in links:
                if anchor not in anchors:
                    add(line, f"the link '#{anchor}' matches no heading on this page")
    if "resources" in names and not any("resources(" in b.text for b in section_blocks("resources")):
        add(first, "'Resources' does not call {{ resources(...) }}")

    # Length.
    words = prose_words(bs)
    if not WORDS_MIN <= words <= WORDS_MAX:
        add(first, f"{words} words of prose; expected {WORDS_MIN} to {WORDS_MAX}")

    # Filler.
    for b in bs:
        lowered = b.text.lower().replace("’", "'")
        for phrase in FILLER:
            if phrase in lowered:
                add(b.line, f"filler phrase '{phrase}': say the specific thing instead")

    # Sources.
    defs = {}
    for b in bs:
        if b.kind == "footnote":
            for ln in b.text.splitlines():
                m = FOOTNOTE_DEF.match(ln.strip())
                if m:
                    defs[m.group("key")] = (b.line, m.group("text"))
    for key, (line, text) in defs.items():
        if "](https://" not in text or not CHECKED.search(text):
            add(line, f"footnote [^{key}] needs a link to an https:// source and 'checked YYYY-MM-DD'")
    for b in bs:
        if b.kind not in ("prose", "list") or EXEMPT_HEADING.match(b.h2) or EXEMPT_HEADING.match(b.section):
            continue
        if b.h2 in ("check yourself", "resources", "checklist"):
            continue
        for s in sentences(b.text):
            reason = needs_source(s)
            if reason and not FOOTNOTE_REF.search(s) and "{{" not in s:
                add(b.line, f"a sentence with {reason} needs a footnote with its source: {s[:70]}...")
    return findings


# --------------------------------------------------------------------------
# The cast (data/cast.yml): one set of example people and companies.

# A capitalised word built like the old look-alike company names ("Shiftwise",
# "Countwell", "Tillpoint"); the English words of that shape are allowed.
FORMULA_NAME = re.compile(r"\b[A-Z][a-z]+(?:wise|well|point)\b")
FORMULA_WORDS = frozenset(
    [
        "Likewise",
        "Otherwise",
        "Clockwise",
        "Crosswise",
        "Lengthwise",
        "Stepwise",
        "Pairwise",
        "Farewell",
        "Maxwell",
        "Cromwell",
        "Endpoint",
        "Checkpoint",
        "Standpoint",
        "Viewpoint",
        "Midpoint",
        "Breakpoint",
        "Waypoint",
        "Pinpoint",
        "Touchpoint",
        "Setpoint",
    ]
)


def _lines(body: str, first_line: int) -> Iterable[tuple[int, str]]:
    return ((first_line + n, line) for n, line in enumerate(body.splitlines()))


def cast_declaration_findings(
    body: str, declared: object, people: Mapping[str, Mapping[str, Any]], first_line: int = 1
) -> list[tuple[int, str]]:
    """A protagonist named in the lesson (first name as a word) is declared in ``cast:``, and only those."""
    found: list[tuple[int, str]] = []
    if declared is None:
        declared = []
    if not isinstance(declared, list) or not all(isinstance(d, str) for d in declared):
        return [(1, "front matter 'cast' is a list of ids from data/cast.yml, like: cast: [amara, diego]")]
    for unknown in sorted(set(declared) - set(people)):
        found.append((1, f"front matter 'cast' names '{unknown}', which is not a protagonist in data/cast.yml"))
    named: set[str] = set()
    for pid, person in people.items():
        first, surname = person["name"].split(" ", 1)
        # "San Diego" is a place, and a footnote's source title names other people.
        word = re.compile(rf"(?<!San )\b{re.escape(first)}\b(?:\s+(?P<next>[A-Z][\w-]*))?")
        for number, line in _lines(body, first_line):
            if FOOTNOTE_DEF.match(line.strip()):
                continue
            for m in word.finditer(line):
                named.add(pid)
                if pid not in declared:
                    found.append((number, f"names {first} ({person['name']}) but front matter has no 'cast: [{pid}]'"))
                nxt = m.group("next")
                if nxt and nxt != surname.split()[0]:
                    found.append((number, f"'{first} {nxt}': {first}'s surname is {surname} (data/cast.yml)"))
    for pid in sorted(set(declared) & set(people) - named):
        found.append((1, f"front matter 'cast' declares '{pid}', but the lesson never names {people[pid]['name']}"))
    return found


def company_findings(body: str, cast: Cast, first_line: int = 1) -> list[tuple[int, str]]:
    """No retired company name, and no new name built like the old formula unless the cast lists it."""
    known = {c["name"] for c in cast.companies.values()}
    retired = re.compile(r"\b(" + "|".join(re.escape(n) for n in cast.retired) + r")\b") if cast.retired else None
    found: list[tuple[int, str]] = []
    for number, line in _lines(body, first_line):
        if retired:
            for m in retired.finditer(line):
                found.append((number, f"'{m.group(1)}' is a retired company name; use a company from data/cast.yml"))
        for m in FORMULA_NAME.finditer(line):
            name = m.group(0)
            if name not in FORMULA_WORDS and name not in known and name not in cast.retired:
                found.append(
                    (number, f"'{name}' looks like an invented company name; use a company from data/cast.yml")
                )
    return found


def cast_findings(source: str, file: str, cast: Cast) -> list[Finding]:
    body, meta = get_data(source)
    first = source[: len(source) - len(body)].count("\n") + 1
    pairs = cast_declaration_findings(body, meta.get("cast"), cast.entries, first)
    pairs += company_findings(body, cast, first)
    return [Finding(file, line, message) for line, message in pairs]


def duplicate_paragraphs(texts: dict[str, str]) -> list[Finding]:
    """A paragraph of 20 or more words that appears in two lessons."""
    seen: dict[str, tuple[str, int]] = {}
    findings = []
    for file, source in texts.items():
        body, _ = get_data(source)
        for b in blocks(body, 1):
            if b.kind != "prose":
                continue
            norm = " ".join(re.findall(r"\w+", b.text.lower()))
            if len(norm.split()) < 20:
                continue
            if norm in seen and seen[norm][0] != file:
                other, line = seen[norm]
                findings.append(Finding(file, b.line, f"this paragraph also appears in {other}:{line}; write it once"))
            else:
                seen.setdefault(norm, (file, b.line))
    return findings


def lesson_paths(args: Iterable[str]) -> list[Path]:
    paths: list[Path] = []
    for arg in args or [str(DOCS / "steps")]:
        p = Path(arg)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*.md") if q.name != "index.md" and re.match(r"^\d{2}-", q.name))
        else:
            paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = lesson_paths(argv)
    cast = load_cast()
    for problem in cast.problems:
        print(problem)
    texts = {}
    findings: list[Finding] = []
    for p in paths:
        display = p.resolve().relative_to(ROOT).as_posix() if p.resolve().is_relative_to(ROOT) else str(p)
        texts[display] = p.read_text(encoding="utf-8")
        findings += lint_text(texts[display], display)
        if not cast.problems:
            findings += cast_findings(texts[display], display, cast)
    # Duplicates are checked against every lesson, not just the ones named.
    everything = {q.relative_to(ROOT).as_posix(): q.read_text(encoding="utf-8") for q in lesson_paths([])}
    findings += [f for f in duplicate_paragraphs(everything) if f.file in texts]
    for f in findings:
        print(f)
    print(f"{len(paths)} lesson(s) checked, {len(findings)} problem(s).", file=sys.stderr)
    return 1 if findings or cast.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
