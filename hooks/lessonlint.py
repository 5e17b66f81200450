"""The lesson lint: what a machine can check of the content standard.

Usage: ``python -m hooks.lessonlint [PATH ...]`` (default: every lesson under
``docs/steps/`` and every guide page in :data:`GUIDE`). Prints one line per
problem, ``file:line: PTPnnn message``, and exits 1 when there is any.

Each rule is an id (``PTP001``), a name and a small function from a parsed
:class:`Lesson` to ``(line, message)`` pairs, listed once in :data:`RULES`.
Guide pages (the background, situation, job-search, questions, start and home
pages) are not lessons: only the rules marked ``guide=True`` check them, the
ones about sentences, sources, the cast, names and links, not the lesson's shape.
``docs/contributing/style-guide.md`` cites every id, and
``tests/unit/test_lessonlint.py`` runs each rule against its own small files
in ``tests/unit/fixtures/lessonlint/``.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import markdown

from hooks import freshness
from hooks.data import ROOT, Cast, load_cast
from hooks.frontmatter import split as get_data
from hooks.frontmatter import split_numbered
from hooks.problems import Problem

DOCS = ROOT / "docs"
# The pages that are not lessons but are held to the same content standard:
# folders (every page in them) and single pages, relative to docs/.
GUIDE = ("backgrounds", "situations", "job-search.md", "questions.md", "start-here.md", "index.md")
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
MONEY = re.compile(r"[$€£]\s?\d|\b\d[\d,.]*\s?(USD|EUR|GBP|dollars|euros)\b")
PERCENT = re.compile(r"\b\d+(\.\d+)?\s?(%|percent\b)")
LARGE = re.compile(r"\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?\s?(million|billion|thousand)\b", re.IGNORECASE)
COMPANY = re.compile(r"\b(" + "|".join(COMPANIES) + r")\b")
EXEMPT_HEADING = re.compile(r"^(worked example|try it)\b", re.IGNORECASE)
LINK_TO_ANCHOR = re.compile(r"\]\(#(?P<anchor>[^)]+)\)")
HEADING = re.compile(r"^(?P<level>#{1,6}) (?P<text>.+?)\s*#*\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\[])")
# Text in quotation marks is an example for the reader to adapt ("After: 'Raised completion
# from 41% to 78%...'"), not the guide's own claim; a quoted source still has its footnote.
QUOTED = re.compile(r'"[^"]{1,400}"|“[^”]{1,400}”')
# A company's product named as a tool the reader uses is not a claim about the company.
PLATFORM = re.compile(
    r"\b(?:on|in|via|through) (?:LinkedIn|Slack|Zoom)\b"
    r"|\b(?:LinkedIn|Google|Microsoft|Slack|Zoom) (?:profile|headline|message|post|search|Docs|Sheets|Slides"
    r"|Forms|Meet|Calendar|Teams|Excel|Word|Jobs)\b"
)
LIST_ITEM = re.compile(r"\n(?=\s*(?:[-*+]|\d+\.) )")


@dataclass
class Block:
    """A paragraph-like run of lines, with the section it sits in."""

    line: int
    text: str
    section: str  # the nearest heading above (any level), lower-cased
    h2: str  # the nearest h2 above
    kind: str  # prose, list, h1-h6, code, table, html, macro, checklist, footnote, admonition

    @property
    def heading(self) -> bool:
        """A heading (kind 'h1' to 'h6'; an 'html' block is not one)."""
        return re.fullmatch(r"h[1-6]", self.kind) is not None


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
    plain = PLATFORM.sub("", plain)
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


# --------------------------------------------------------------------------
# A lesson, parsed once for every rule.

Hit = tuple[int, str]  # (line, message)


@dataclass
class Lesson:
    """A lesson's front matter and blocks; ``first`` is the line number of the body's first line."""

    file: str
    meta: Mapping[str, Any]
    body: str
    first: int
    blocks: list[Block]
    cast: Cast | None = None  # None: the cast rules are skipped (data/cast.yml has problems)
    guide: bool = False  # a guide page, not a lesson: only the rules with guide=True run
    heads: list[Block] = field(init=False)

    def __post_init__(self) -> None:
        self.heads = [b for b in self.blocks if b.heading]

    @property
    def h2(self) -> list[tuple[str, int]]:
        """The h2 headings, lower-cased, with their lines."""
        return [(b.text.lower(), b.line) for b in self.heads if b.kind == "h2"]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.h2]

    def section(self, name: str) -> list[Block]:
        """The blocks under the h2 ``name`` (lower-case), headings left out."""
        return [b for b in self.blocks if b.h2 == name and not b.heading]


def parse_lesson(source: str, file: str, cast: Cast | None = None, guide: bool = False) -> Lesson:
    body, meta, first = split_numbered(source)
    return Lesson(file, meta, body, first, blocks(body, first), cast, guide)


@functools.cache
def _toc() -> markdown.Markdown:
    return markdown.Markdown(extensions=["toc", "attr_list"])


def anchors(headings: Iterable[tuple[int, str]]) -> list[str]:
    """The ids the build gives these (level, text) headings: Python-Markdown's toc, as configured in mkdocs.yml.

    Rendering them (rather than imitating the slug function) gets accents
    (``Café`` -> ``cafe``), links, code, ``{#custom-id}`` and repeated headings
    (``try-it_1``) exactly as the site does.
    """
    md = _toc()
    md.reset()
    md.convert("\n\n".join("#" * level + " " + text for level, text in headings))

    def walk(tokens: list[dict[str, Any]]) -> Iterator[str]:
        for token in tokens:
            yield token["id"]
            yield from walk(token["children"])

    return list(walk(md.toc_tokens))  # type: ignore[attr-defined]


def slugify(heading: str) -> str:
    """The anchor the build gives a heading with this text."""
    return anchors([(2, heading)])[0]


# --------------------------------------------------------------------------
# The rules: one function each, listed in RULES at the end of this section.


def front_matter(lesson: Lesson) -> Iterator[Hit]:
    """Front matter has a title, a description of at most 160 characters and (a lesson) a time range."""
    meta = lesson.meta
    for key in ("title", "description") if lesson.guide else ("title", "description", "time"):
        if not meta.get(key):
            yield 1, f"front matter has no '{key}'"
    if meta.get("description") and len(str(meta["description"])) > DESCRIPTION_MAX:
        yield 1, f"the description has {len(str(meta['description']))} characters; at most {DESCRIPTION_MAX}"
    if meta.get("time") and not TIME.match(str(meta["time"])):
        yield 1, f"time is '{meta['time']}'; write a range like '45-90 minutes' or '2-3 hours'"


def one_title(lesson: Lesson) -> Iterator[Hit]:
    """Exactly one ``# `` heading (a guide page drawn by its own ``template:`` has its title there)."""
    h1s = [b for b in lesson.heads if b.kind == "h1"]
    if lesson.guide and lesson.meta.get("template") and not h1s:
        return
    if len(h1s) != 1:
        yield lesson.first, f"a page has exactly one '# ' title; found {len(h1s)}"


def heading_levels(lesson: Lesson) -> Iterator[Hit]:
    """Headings go down one level at a time."""
    level = 1
    for h in lesson.heads:
        n = int(h.kind[1])
        if n > level + 1:
            yield h.line, f"heading '{h.text}' skips from h{level} to h{n}"
        level = n


def promise(lesson: Lesson) -> Iterator[Hit]:
    """The first paragraph under the title is the promise: one sentence."""
    h1s = [b for b in lesson.heads if b.kind == "h1"]
    after = [b for b in lesson.blocks if h1s and b.line > h1s[0].line]
    if after and (after[0].kind != "prose" or len(sentences(after[0].text)) != 1):
        yield after[0].line, "the first paragraph under the title is the promise: one sentence"


REQUIRED = ["what you'll learn", "try it", "checklist", "check yourself", "resources"]


def sections(lesson: Lesson) -> Iterator[Hit]:
    """The template's sections, in order: learn, teaching, Try it, Checklist, Check yourself, Resources (last)."""
    names, first = lesson.names, lesson.first
    positions = []
    for name in REQUIRED:
        if name not in names:
            yield first, f"missing the section '## {name[0].upper() + name[1:]}'"
        else:
            positions.append(names.index(name))
    if len(positions) != len(REQUIRED):
        return
    if positions != sorted(positions):
        yield (
            first,
            "the sections are out of order: 'What you'll learn', teaching, 'Try it', 'Checklist', 'Check yourself', 'Resources'",
        )
        return
    learn, try_it = names.index("what you'll learn"), names.index("try it")
    if not names[learn + 1 : try_it]:
        yield first, "no teaching section between 'What you'll learn' and 'Try it'"
    if names.index("resources") != len(names) - 1:
        yield lesson.h2[-1][1], "'Resources' is the last section"
    if names.index("check yourself") != names.index("checklist") + 1 or names.index("checklist") != try_it + 1:
        yield first, "the sections after the teaching run 'Try it', 'Checklist', 'Check yourself', 'Resources'"


def worked_example(lesson: Lesson) -> Iterator[Hit]:
    """A heading starts with 'Worked example'."""
    if not any(h.text.lower().startswith("worked example") for h in lesson.heads):
        yield lesson.first, "no heading starts with 'Worked example'"


def learn_items(lesson: Lesson) -> Iterator[Hit]:
    """'What you'll learn' lists 3 to 6 statements."""
    if "what you'll learn" not in lesson.names:
        return
    items = [
        ln
        for b in lesson.section("what you'll learn")
        if b.kind == "list"
        for ln in b.text.splitlines()
        if ln.startswith(("- ", "* "))
    ]
    if not LEARN_MIN <= len(items) <= LEARN_MAX:
        yield lesson.first, f"'What you'll learn' has {len(items)} items; expected {LEARN_MIN} to {LEARN_MAX}"


def you_keep(lesson: Lesson) -> Iterator[Hit]:
    """'Try it' names what the reader keeps, on a line starting '**You keep:**'."""
    if "try it" in lesson.names and not any("**You keep:**" in b.text for b in lesson.section("try it")):
        yield lesson.first, "'Try it' has no line starting with '**You keep:**' naming what the reader keeps"


def checklist_section(lesson: Lesson) -> Iterator[Hit]:
    """The 'Checklist' section holds checklist items, and at most a sentence of prose."""
    if "checklist" not in lesson.names:
        return
    found = lesson.section("checklist")
    if not any(b.kind == "checklist" for b in found):
        yield lesson.first, "the 'Checklist' section has no checklist items"
    for b in found:
        if b.kind not in ("checklist", "prose"):
            yield b.line, "the 'Checklist' section holds checklist items (and at most a sentence of prose)"


def _questions(lesson: Lesson) -> list[tuple[int, str]]:
    return [
        (b.line + i, ln)
        for b in lesson.section("check yourself")
        if b.kind == "list"
        for i, ln in enumerate(b.text.splitlines())
        if re.match(r"^\d+\. ", ln)
    ]


def question_count(lesson: Lesson) -> Iterator[Hit]:
    """'Check yourself' asks 3 to 6 numbered questions."""
    if "check yourself" not in lesson.names:
        return
    n = len(_questions(lesson))
    if not QUESTIONS_MIN <= n <= QUESTIONS_MAX:
        yield lesson.first, f"'Check yourself' has {n} numbered questions; expected {QUESTIONS_MIN} to {QUESTIONS_MAX}"


def question_links(lesson: Lesson) -> Iterator[Hit]:
    """Each question links to the heading on this page that answers it, by the anchor the build makes."""
    questions = _questions(lesson)
    if not questions:
        return
    known = set(anchors((int(h.kind[1]), h.text) for h in lesson.heads))
    for line, q in questions:
        links = LINK_TO_ANCHOR.findall(q)
        if not links:
            yield (
                line,
                "a 'Check yourself' question has no link to the heading that answers it, like ([Heading](#heading))",
            )
        for anchor in links:
            if anchor not in known:
                yield line, f"the link '#{anchor}' matches no heading on this page"


def resources_macro(lesson: Lesson) -> Iterator[Hit]:
    """'Resources' calls ``{{ resources(...) }}``: the list comes from data/resources/."""
    if "resources" in lesson.names and not any("resources(" in b.text for b in lesson.section("resources")):
        yield lesson.first, "'Resources' does not call {{ resources(...) }}"


def length(lesson: Lesson) -> Iterator[Hit]:
    """900 to 2,000 words of prose."""
    words = prose_words(lesson.blocks)
    if not WORDS_MIN <= words <= WORDS_MAX:
        yield lesson.first, f"{words} words of prose; expected {WORDS_MIN} to {WORDS_MAX}"


def filler(lesson: Lesson) -> Iterator[Hit]:
    """None of the phrases in FILLER."""
    for b in lesson.blocks:
        lowered = b.text.lower().replace("’", "'")
        for phrase in FILLER:
            if phrase in lowered:
                yield b.line, f"filler phrase '{phrase}': say the specific thing instead"


def footnote_sources(lesson: Lesson) -> Iterator[Hit]:
    """Every footnote links to an https:// source and says 'checked YYYY-MM-DD', a real day not after today."""
    defs: dict[str, tuple[int, str]] = {}
    for b in lesson.blocks:
        if b.kind == "footnote":
            for ln in b.text.splitlines():
                m = FOOTNOTE_DEF.match(ln.strip())
                if m:
                    defs[m.group("key")] = (b.line, m.group("text"))
    for key, (line, text) in defs.items():
        if "](https://" not in text or not freshness.CHECKED.search(text):
            yield line, f"footnote [^{key}] needs a link to an https:// source and 'checked YYYY-MM-DD'"
        elif (when := freshness.checked_date(text)) is None or when > date.today():
            yield line, f"footnote [^{key}]: '{freshness.CHECKED.search(text)[0]}' is not a past or present date"


def claims_sourced(lesson: Lesson) -> Iterator[Hit]:
    """A sentence with a price, a percentage, a large number or a named company has a footnote.

    Worked examples and 'Try it' (invented figures), and the sections after it, are exempt;
    so is text in quotation marks (an example to adapt) and a product named as a tool
    ("your LinkedIn profile"). Each list item is read on its own.
    """
    for b in lesson.blocks:
        if b.kind not in ("prose", "list") or EXEMPT_HEADING.match(b.h2) or EXEMPT_HEADING.match(b.section):
            continue
        if b.h2 in ("check yourself", "resources", "checklist"):
            continue
        line = b.line
        for item in LIST_ITEM.split(b.text) if b.kind == "list" else [b.text]:
            for s in sentences(QUOTED.sub('""', " ".join(item.split()))):
                reason = needs_source(s)
                if reason and not FOOTNOTE_REF.search(s) and "{{" not in s:
                    yield line, f"a sentence with {reason} needs a footnote with its source: {s[:70]}..."
            line += item.count("\n") + 1


LINK_TEXT = re.compile(r"(?<![!\]])\[(?P<text>[^\]]+)\]\([^)]*\)")
VAGUE_LINK_TEXT = frozenset(["here", "click here", "this", "this link", "link", "this page", "read more", "more", "go"])


def link_text(lesson: Lesson) -> Iterator[Hit]:
    """Link text says where the link goes: never 'here', 'click here', 'this link' or 'read more'."""
    for b in lesson.blocks:
        if b.kind in ("code", "footnote"):
            continue
        for offset, line in enumerate(b.text.splitlines()):
            for m in LINK_TEXT.finditer(line):
                text = m.group("text").strip(" *_`.").lower()
                if text in VAGUE_LINK_TEXT:
                    yield b.line + offset, f"link text '{text}' does not say where it goes: name the page or section"


# A link to a heading: "[text](#anchor)" on this page or "[text](../page.md#anchor)" on another.
HEADING_LINK = re.compile(r"\]\((?P<path>[^)\s#]*?\.md)?#(?P<anchor>[^)\s]+)\)")


def _macro_anchors(bs: Iterable[Block]) -> bool:
    """Whether a macro on its own line may write headings or ids (a lesson's closing resources() list does not)."""
    return any(b.kind == "macro" and not re.match(r"\{\{\s*resources\(", b.text) for b in bs)


def page_anchors(source: str) -> tuple[set[str], bool]:
    """The anchors a page has (its headings' ids, ``{#id}`` attributes, HTML ids), and whether macros may add more."""
    body, _ = get_data(source)
    bs = blocks(body, 1)
    heads = [(int(b.kind[1]), b.text) for b in bs if b.heading]
    ids = set(anchors(heads)) | set(re.findall(r"\{[^}\n]*#([\w-]+)", body)) | set(re.findall(r'\bid="([^"]+)"', body))
    return ids, _macro_anchors(bs)


@functools.cache
def _file_anchors(path: Path) -> tuple[set[str], bool]:
    return page_anchors(path.read_text(encoding="utf-8"))


def heading_links(lesson: Lesson) -> Iterator[Hit]:
    """A link to a heading, on this page or another page, names an anchor that heading really has.

    'Check yourself' links are PTP011's; a page whose macros may write headings is not guessed at.
    """
    here = set(anchors((int(h.kind[1]), h.text) for h in lesson.heads))
    here |= set(re.findall(r"\{[^}\n]*#([\w-]+)", lesson.body)) | set(re.findall(r'\bid="([^"]+)"', lesson.body))
    source = ROOT / lesson.file
    for b in lesson.blocks:
        if b.kind in ("code", "footnote") or b.heading or b.h2 == "check yourself":
            continue
        for offset, line in enumerate(b.text.splitlines()):
            for m in HEADING_LINK.finditer(line):
                anchor, path = m.group("anchor"), m.group("path")
                if not path:
                    if anchor not in here and not _macro_anchors(lesson.blocks):
                        yield b.line + offset, f"the link '#{anchor}' matches no heading on this page"
                    continue
                target = (source.parent / path).resolve()
                if path.startswith(("http:", "https:")) or not source.is_file() or not target.is_file():
                    continue  # another site, or a page the strict build reports as missing
                known, has_macros = _file_anchors(target)
                if anchor not in known and not has_macros:
                    yield b.line + offset, f"the link '{path}#{anchor}' matches no heading on that page"


def cast_declared(lesson: Lesson) -> Iterator[Hit]:
    """A protagonist the lesson names is declared in ``cast:`` with the surname in data/cast.yml, and only those."""
    if lesson.cast is not None:
        yield from cast_declaration_findings(lesson.body, lesson.meta.get("cast"), lesson.cast.entries, lesson.first)


def company_names(lesson: Lesson) -> Iterator[Hit]:
    """No retired company name, and no new one built like them ('-wise', '-well', '-point') outside data/cast.yml."""
    if lesson.cast is not None:
        yield from company_findings(lesson.body, lesson.cast, lesson.first)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    check: Callable[[Lesson], Iterable[Hit]]
    guide: bool = False  # also checks guide pages (not only lessons)

    @property
    def summary(self) -> str:
        return (self.check.__doc__ or "").strip().splitlines()[0]


# Every rule, once. A new rule gets the next id, a line in the style guide's table
# and a fixture in tests/unit/fixtures/lessonlint/; an id is never reused.
RULES: tuple[Rule, ...] = (
    Rule("PTP001", "front-matter", front_matter, guide=True),
    Rule("PTP002", "one-title", one_title, guide=True),
    Rule("PTP003", "heading-levels", heading_levels, guide=True),
    Rule("PTP004", "promise", promise),
    Rule("PTP005", "sections", sections),
    Rule("PTP006", "worked-example", worked_example),
    Rule("PTP007", "learn-items", learn_items),
    Rule("PTP008", "you-keep", you_keep),
    Rule("PTP009", "checklist-section", checklist_section),
    Rule("PTP010", "question-count", question_count),
    Rule("PTP011", "question-links", question_links),
    Rule("PTP012", "resources-macro", resources_macro),
    Rule("PTP013", "length", length),
    Rule("PTP014", "filler", filler, guide=True),
    Rule("PTP015", "footnote-sources", footnote_sources, guide=True),
    Rule("PTP016", "claims-sourced", claims_sourced, guide=True),
    Rule("PTP017", "cast-declared", cast_declared, guide=True),
    Rule("PTP018", "company-names", company_names, guide=True),
    Rule("PTP020", "link-text", link_text, guide=True),
    Rule("PTP022", "heading-links", heading_links, guide=True),
)
# Two more rules compare pages with each other (lessons and guide pages alike):
# PTP019 (duplicate-paragraph), see duplicate_paragraphs(), and PTP021
# (one-off-people), see repeated_people().
DUPLICATE = "PTP019"
PEOPLE = "PTP021"
RULE_IDS = tuple(sorted((*(r.id for r in RULES), DUPLICATE, PEOPLE)))


def check(rule: Rule, lesson: Lesson) -> list[Problem]:
    return [Problem(lesson.file, f"{rule.id} {message}", line=line) for line, message in rule.check(lesson)]


def lint_text(source: str, file: str, cast: Cast | None = None, guide: bool = False) -> list[Problem]:
    """Every rule on one lesson, or the guide rules on a guide page (the cast rules only when ``cast`` is given)."""
    lesson = parse_lesson(source, file, cast, guide)
    return [p for rule in RULES if rule.guide or not guide for p in check(rule, lesson)]


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


def duplicate_paragraphs(texts: dict[str, str]) -> list[Problem]:
    """PTP019: a paragraph of 20 or more words that appears on two pages."""
    seen: dict[str, tuple[str, int]] = {}
    found = []
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
                found.append(
                    Problem(
                        file, f"{DUPLICATE} this paragraph also appears in {other}:{line}; write it once", line=b.line
                    )
                )
            else:
                seen.setdefault(norm, (file, b.line))
    return found


# --------------------------------------------------------------------------
# PTP021: a one-off person appears on one page. A name is a candidate when it is
# introduced like a person ("Hana Brooks taught...", "Ingrid Solberg, an ICU
# nurse", "Julian Mercer's bullet") and neither word is used in lower case on the
# pages (so "Product Owner" and "Pomona College" are not people). A name that
# sits in a sentence with a footnote or a link, or in a footnote or in data/, is
# a real, cited person, who may appear anywhere; so are the protagonists.

FULL_NAME = r"(?<![\w.])(?P<name>[A-Z][a-z]+ (?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
PERSON = re.compile(
    FULL_NAME + r"(?=,? (?:a|an|the|who|has|had|is|was|spent|ran|runs|taught|teaches|wrote|writes|leads|led|works"
    r"|worked|wants|found|took|moved|joined|started|keeps|kept|asks|asked|says|said)\b|['’]s\b)"
)
NOT_FIRST_NAMES = frozenset(["Hi", "Dear", "Hello", "Thanks"])


def _cited(sentence: str) -> bool:
    return bool(FOOTNOTE_REF.search(sentence) or re.search(r"\]\(", sentence))


def repeated_people(texts: dict[str, str], cast: Cast | None = None, known: str = "") -> list[Problem]:
    """PTP021: an invented person (a full name not cited anywhere) who appears on more than one page.

    ``known`` is other text whose names are real people (the data files).
    """
    bodies = {file: get_data(source)[0] for file, source in texts.items()}
    lower = {w for body in bodies.values() for w in re.findall(r"\b[a-z]{2,}\b", body)}
    real = {m.group("name") for m in re.finditer(FULL_NAME, known)}
    if cast is not None:
        real |= {person["name"] for person in cast.entries.values()}
    candidates: set[str] = set()
    for body in bodies.values():
        for line in body.splitlines():
            if FOOTNOTE_DEF.match(line.strip()):
                real |= {m.group("name") for m in re.finditer(FULL_NAME, line)}
                continue
            for s in sentences(line):
                for m in PERSON.finditer(s):
                    first, last = m.group("name").split(" ", 1)
                    if first in NOT_FIRST_NAMES or first.lower() in lower or last.lower() in lower:
                        continue
                    (real if _cited(s) else candidates).add(m.group("name"))
    found: list[Problem] = []
    for name in sorted(candidates - real):
        word = re.compile(rf"\b{re.escape(name)}\b")
        pages = [(file, n) for file, body in bodies.items() for n, line in _lines(body, 1) if word.search(line)]
        files = list(dict.fromkeys(file for file, _ in pages))
        for file in files[1:]:
            line = next(n for f, n in pages if f == file)
            message = (
                f"{PEOPLE} '{name}' also appears in {files[0]}; an invented person appears on one page: rename one"
            )
            found.append(Problem(file, message, line=line))
    return found


def guide_paths() -> list[Path]:
    """The guide pages: every page of each folder in GUIDE, and each single page."""
    paths: list[Path] = []
    for entry in GUIDE:
        p = DOCS / entry
        paths += sorted(p.glob("*.md")) if p.is_dir() else [p]
    return paths


def is_lesson(path: Path) -> bool:
    """A lesson is a numbered page in a step folder: docs/steps/NN-step/NN-lesson.md (or any NN- file outside docs/)."""
    resolved = path.resolve()
    if resolved.is_relative_to(DOCS) and not resolved.is_relative_to(DOCS / "steps"):
        return False
    return path.name != "index.md" and bool(re.match(r"^\d{2}-", path.name))


def lesson_paths(args: Iterable[str]) -> list[Path]:
    """The files named (a folder: the lessons and guide pages in it); none named: every lesson and guide page."""
    if not args:
        return [*lesson_paths([str(DOCS / "steps")]), *guide_paths()]
    guide = {q.resolve() for q in guide_paths()}
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*.md") if is_lesson(q) or q.resolve() in guide)
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
    found: list[Problem] = []
    for p in paths:
        display = p.resolve().relative_to(ROOT).as_posix() if p.resolve().is_relative_to(ROOT) else str(p)
        texts[display] = p.read_text(encoding="utf-8")
        found += lint_text(texts[display], display, None if cast.problems else cast, guide=not is_lesson(p))
    # Duplicates and people are checked against every page, not just the ones named.
    everything = {q.relative_to(ROOT).as_posix(): q.read_text(encoding="utf-8") for q in lesson_paths([])}
    data_text = "\n".join(q.read_text(encoding="utf-8") for q in sorted((ROOT / "data").rglob("*.yml")))
    across = duplicate_paragraphs(everything) + repeated_people(everything, None if cast.problems else cast, data_text)
    found += [f for f in across if f.file in texts]
    for f in sorted(found, key=Problem.sort_key):
        print(f)
    lessons = sum(1 for p in paths if is_lesson(p))
    print(
        f"{lessons} lesson(s) and {len(paths) - lessons} guide page(s) checked, {len(found)} problem(s).",
        file=sys.stderr,
    )
    return 1 if found or cast.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
