"""The lesson lint: a lesson in the template's shape passes; each broken rule is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks import data, lessonlint

FILLER_PARAGRAPH = " ".join(
    f"Sentence {n} explains one concrete step of writing the ticket, naming the field the engineer reads first."
    for n in range(1, 11)
)


def lesson(**parts: str) -> str:
    sections = {
        "front": '---\ntitle: "A lesson"\ndescription: "What the reader can do."\ntime: "45-90 minutes"\n---\n',
        "title": "# A lesson\n\nBy the end you can write a support ticket summary that an engineer acts on.\n",
        "learn": "## What you'll learn\n\n- One thing.\n- Another thing.\n- A third thing.\n",
        "teach": "## Reading a ticket\n\n"
        + "\n\n".join(FILLER_PARAGRAPH.replace("Sentence", f"Part {i} sentence") for i in range(9))
        + "\n",
        "example": "## Worked example: Parcelly's refund queue\n\nThe queue grew to 40% of tickets in the example.\n",
        "try": "## Try it\n\nWrite one summary.\n\n**You keep:** the summary.\n",
        "checklist": "## Checklist\n\n- [ ] Write the summary {#s01-write-summary}\n",
        "check": (
            "## Check yourself\n\n1. What comes first? ([Reading a ticket](#reading-a-ticket))\n"
            "2. Why? ([Worked example](#worked-example-parcellys-refund-queue))\n"
            "3. What do you keep? ([Try it](#try-it))\n"
        ),
        "resources": '## Resources\n\n{{ resources("inspired-marty-cagan") }}\n',
        "notes": "",
    }
    sections.update(parts)
    return "\n".join(sections.values())


def findings(text: str, cast: data.Cast | None = None) -> list[str]:
    return [f.message for f in lessonlint.lint_text(text, "steps/01-x/01-a.md", cast)]


def test_a_lesson_in_the_template_shape_passes() -> None:
    assert findings(lesson()) == []
    assert findings(lesson(), CAST) == []


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"front": '---\ntitle: "A"\ndescription: "D"\n---\n'}, "front matter has no 'time'"),
        ({"front": '---\ntitle: "A"\ndescription: "D"\ntime: "an hour"\n---\n'}, "write a range"),
        ({"learn": "## What you'll learn\n\n- Only one.\n"}, "has 1 items; expected 3 to 6"),
        ({"try": "## Try it\n\nWrite one summary.\n"}, "You keep"),
        ({"example": "## Another section\n\nText.\n"}, "no heading starts with 'Worked example'"),
        ({"checklist": "## Checklist\n\nNothing to tick.\n"}, "has no checklist items"),
        ({"check": "## Check yourself\n\n1. Only one? ([Try it](#try-it))\n"}, "has 1 numbered questions"),
        (
            {
                "check": "## Check yourself\n\n1. A? ([X](#nowhere))\n2. B? ([Try it](#try-it))\n3. C? ([Try it](#try-it))\n"
            },
            "matches no heading",
        ),
        (
            {"check": "## Check yourself\n\n1. A?\n2. B? ([Try it](#try-it))\n3. C? ([Try it](#try-it))\n"},
            "has no link",
        ),
        ({"resources": "## Resources\n\nSome links.\n"}, "does not call"),
        ({"teach": "## Reading a ticket\n\nToo short.\n"}, "words of prose; expected 900 to 2000"),
        ({"learn": "## What you'll learn\n\n- One.\n- Two.\n- In today's fast-paced world, three.\n"}, "filler phrase"),
        (
            {"teach": "## Reading a ticket\n\nThe course costs $450 a seat.\n\n" + FILLER_PARAGRAPH * 9 + "\n"},
            "a price",
        ),
        (
            {"teach": "## Reading a ticket\n\nSpotify ships weekly.\n\n" + FILLER_PARAGRAPH * 9 + "\n"},
            "a named company",
        ),
        (
            {"teach": "## Reading a ticket\n\nAbout 35% of teams do this.\n\n" + FILLER_PARAGRAPH * 9 + "\n"},
            "a percentage",
        ),
        ({"notes": "[^1]: A source without a link.\n"}, "needs a link to an https:// source"),
        ({"title": "# A lesson\n\nFirst sentence. Second sentence.\n"}, "the promise: one sentence"),
        ({"title": "# A lesson\n\nPromise sentence here.\n\n### Skipped level\n"}, "skips from h1 to h3"),
        ({"resources": "## Resources\n\n{{ resources() }}\n\n## After\n\nText.\n"}, "'Resources' is the last section"),
    ],
)
def test_each_rule_is_reported(parts: dict[str, str], expected: str) -> None:
    assert any(expected in f for f in findings(lesson(**parts))), findings(lesson(**parts))


def test_a_sourced_figure_passes_and_a_hypothetical_one_in_an_example_is_not_a_claim() -> None:
    sourced = lesson(
        teach="## Reading a ticket\n\nThe course costs $450 a seat.[^1]\n\n" + FILLER_PARAGRAPH * 9 + "\n",
        notes="[^1]: [Price page](https://example.org/price), checked 2026-11-26.\n",
    )
    assert findings(sourced) == []


def test_a_paragraph_in_two_lessons_is_reported() -> None:
    found = lessonlint.duplicate_paragraphs({"a.md": lesson(), "b.md": lesson()})
    assert found and all(f.file == "b.md" and "also appears in a.md" in f.message for f in found)
    assert all(f.message.startswith("PTP019 ") for f in found)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("What you'll learn", "what-youll-learn"),
        ("Worked example: Parcelly's refund queue", "worked-example-parcellys-refund-queue"),
        ("Café pricing", "cafe-pricing"),
        ("Tagging `priority` tickets", "tagging-priority-tickets"),
        ("Try it {#try-the-queue}", "try-the-queue"),
    ],
)
def test_slugify_gives_the_anchor_the_build_makes(heading: str, anchor: str) -> None:
    assert lessonlint.slugify(heading) == anchor


def test_slugify_is_python_markdowns_own() -> None:
    from markdown.extensions.toc import slugify

    for heading in ("Café pricing", "Mei's 30-60-90 plan", "Ünïcödé & ampersands"):
        assert lessonlint.slugify(heading) == slugify(heading, "-")


def test_a_repeated_heading_gets_the_builds_numbered_anchor() -> None:
    assert lessonlint.anchors([(2, "Try it"), (2, "Try it")]) == ["try-it", "try-it_1"]


# Each rule on its own small files: tests/unit/fixtures/lessonlint/PTPnnn-*.md. A fixture
# ends with an "expect" comment listing "line: part of the message" for every hit, in order.

FIXTURES = Path(__file__).parent / "fixtures" / "lessonlint"
RULES = {rule.id: rule for rule in lessonlint.RULES}


def fixture(path: Path) -> tuple[str, list[tuple[int, str]]]:
    text, _, expect = path.read_text(encoding="utf-8").partition("<!-- expect\n")
    expected = []
    for line in expect.removesuffix("-->\n").splitlines():
        number, _, message = line.partition(": ")
        expected.append((int(number), message))
    return text, expected


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("PTP*.md")), ids=lambda p: p.stem)
def test_each_rule_reports_exactly_what_its_fixture_expects(path: Path) -> None:
    rule = RULES[path.name[:6]]
    text, expected = fixture(path)
    # A fixture named PTPnnn-guide-*.md is a guide page, not a lesson.
    hits = list(rule.check(lessonlint.parse_lesson(text, path.name, CAST, guide="-guide-" in path.name)))
    unmatched = list(hits)
    for line, part in expected:
        match = next((h for h in unmatched if h[0] == line and part in h[1]), None)
        assert match, f"expected at line {line}: {part!r}; got {hits}"
        unmatched.remove(match)
    assert not unmatched, f"not expected: {unmatched}"


def test_every_rule_has_a_fixture_it_fails() -> None:
    failing = {p.name[:6] for p in FIXTURES.glob("PTP*.md") if fixture(p)[1]}
    assert failing == set(RULES)


def test_the_rules_have_unique_ids_and_names_and_a_summary() -> None:
    ids = [r.id for r in lessonlint.RULES]
    assert ids == sorted(set(ids)) and len({r.name for r in lessonlint.RULES}) == len(ids)
    assert all(r.summary for r in lessonlint.RULES)


def test_the_style_guide_cites_every_rule_and_no_other() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "contributing" / "style-guide.md").read_text("utf-8")
    assert sorted(set(re.findall(r"PTP\d{3}", guide))) == list(lessonlint.RULE_IDS)


def test_a_printed_problem_names_file_line_and_rule() -> None:
    text = lesson(title="# A lesson\n\nFirst sentence. Second sentence.\n")
    (found,) = [str(p) for p in lessonlint.lint_text(text, "docs/steps/01-x/01-a.md") if "PTP004" in str(p)]
    assert found == "docs/steps/01-x/01-a.md:9: PTP004 the first paragraph under the title is the promise: one sentence"


# The cast: data/cast.yml and the rules that check lessons against it.

CAST = data.Cast(
    "cast",
    entries={"amara": {"id": "amara", "name": "Amara Okafor"}, "diego": {"id": "diego", "name": "Diego Hernández"}},
    companies={"lumio": {"id": "lumio", "name": "Lumio"}, "civicly": {"id": "civicly", "name": "Civicly"}},
    retired=["Shiftwise", "Ledgerline"],
)


def cast_messages(body: str, cast: object = None) -> list[str]:
    source = f'---\ntitle: "A"\n{"cast: " + str(cast) if cast else ""}\n---\n\n{body}\n'
    lesson = lessonlint.parse_lesson(source, "steps/01-x/01-a.md", CAST)
    return [message for rule in (RULES["PTP017"], RULES["PTP018"]) for _, message in rule.check(lesson)]


def test_a_declared_protagonist_passes() -> None:
    assert cast_messages("Amara Okafor leads support at Lumio. Amara keeps a log.", "[amara]") == []


def test_a_protagonist_named_without_a_declaration_is_reported() -> None:
    messages = cast_messages("Diego reads the dashboard.")
    assert messages == ["names Diego (Diego Hernández) but front matter has no 'cast: [diego]'"]


def test_a_declared_protagonist_the_lesson_never_names_is_reported() -> None:
    assert cast_messages("Amara writes.", "[amara, diego]") == [
        "front matter 'cast' declares 'diego', but the lesson never names Diego Hernández"
    ]


def test_an_unknown_cast_id_is_reported() -> None:
    assert "'dana', which is not a protagonist" in " ".join(cast_messages("Amara writes.", "[amara, dana]"))


def test_a_first_name_inside_another_word_is_not_a_protagonist() -> None:
    assert cast_messages("The Amaranth team and Diegos Bakery ship today.") == []


def test_a_protagonist_with_another_surname_is_reported() -> None:
    assert cast_messages("Amara Smith writes.", "[amara]") == [
        "'Amara Smith': Amara's surname is Okafor (data/cast.yml)"
    ]


def test_a_retired_company_name_is_refused() -> None:
    assert cast_messages("She worked at Shiftwise for two years.") == [
        "'Shiftwise' is a retired company name; use a company from data/cast.yml"
    ]


@pytest.mark.parametrize("name", ["Rotawell", "Billpoint", "Clinicwise"])
def test_a_new_name_built_like_the_old_formula_is_refused(name: str) -> None:
    assert cast_messages(f"A PM at {name} ships the export.") == [
        f"'{name}' looks like an invented company name; use a company from data/cast.yml"
    ]


def test_english_words_and_cast_companies_of_that_shape_pass() -> None:
    assert cast_messages("Otherwise the Endpoint fails; Farewell, Civicly.") == []


def test_the_real_cast_file_is_valid_and_names_four_protagonists() -> None:
    cast = data.load_cast()
    assert cast.problems == []
    assert sorted(cast.entries) == ["amara", "diego", "mei", "tomasz"]
    assert cast.companies["lumio"]["staff"] == 120


def test_a_protagonist_whose_employer_is_not_a_company_is_a_data_problem(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cast.yml").write_text(
        "protagonists:\n  - {id: amara, name: Amara Okafor, background: Support lead, employer: nowhere, goal: PM role}\n"
        "companies:\n  - {id: lumio, name: Lumio, product: Photo books, staff: 120}\nretired: [Lumio]\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in data.load_cast(tmp_path).problems]
    assert problems == [
        "data/cast.yml: entry 'amara', field 'protagonists[0].employer': names no company under 'companies'",
        "data/cast.yml: entry 'Lumio', field 'retired[0]': is also a company under 'companies'",
    ]


def test_a_place_or_a_source_title_is_not_a_protagonist() -> None:
    body = "ProductCamp San Diego runs in spring.[^1]\n\n[^1]: [Diego Rivera's murals](https://example.org), checked 2026-12-01."
    assert cast_messages(body) == []


# Guide pages (backgrounds, situations, job search, questions, start, home): the rules
# about sentences, sources, the cast, names and links; not the lesson's shape.

GUIDE_PAGE = (
    '---\ntitle: "From teacher to product manager"\ndescription: "A route for teachers."\n---\n\n'
    "# From teacher to product manager\n\nTeachers who become PMs usually go through edtech. It is a guide page.\n\n"
    "## Say it in product words\n\nHana's bullet, before and after.\n"
)


def guide_findings(text: str) -> list[str]:
    return [p.message for p in lessonlint.lint_text(text, "docs/backgrounds/01-teaching.md", CAST, guide=True)]


def test_a_guide_page_is_not_held_to_the_lesson_shape() -> None:
    assert guide_findings(GUIDE_PAGE) == []
    as_lesson = [p.message for p in lessonlint.lint_text(GUIDE_PAGE, "docs/steps/01-x/01-a.md", CAST)]
    assert any("PTP005" in m for m in as_lesson) and any("PTP013" in m for m in as_lesson)


@pytest.mark.parametrize(
    ("extra", "rule"),
    [
        ("At the end of the day, edtech is a business.\n", "PTP014"),
        ("Salesforce hires teachers.\n", "PTP016"),
        ("Edtech pay is 20% lower.[^1]\n\n[^1]: A blog post.\n", "PTP015"),
        ("Amara Okafor moved from support.\n", "PTP017"),
        ("Classwise sells gradebooks.\n", "PTP018"),
        ("The lesson is [here](../steps/03-gain-experience/06-bridge-roles.md).\n", "PTP020"),
        ("#### A skipped level\n", "PTP003"),
    ],
)
def test_a_guide_page_is_held_to_the_sentence_source_cast_and_link_rules(extra: str, rule: str) -> None:
    found = guide_findings(GUIDE_PAGE + "\n" + extra)
    assert [m[:6] for m in found] == [rule], found


def test_the_lint_covers_every_lesson_and_every_guide_page_by_default() -> None:
    paths = {p.relative_to(lessonlint.DOCS).as_posix() for p in lessonlint.lesson_paths([])}
    for page in (
        "backgrounds/index.md",
        "backgrounds/05-military.md",
        "situations/index.md",
        "situations/06-role-variants.md",
        "job-search.md",
        "questions.md",
        "start-here.md",
        "index.md",
        "steps/01-understand-the-role/06-the-market-and-your-odds.md",
    ):
        assert page in paths
    assert "steps/01-understand-the-role/index.md" not in paths and "contributing/style-guide.md" not in paths
    lessons = [p for p in lessonlint.lesson_paths([]) if lessonlint.is_lesson(p)]
    assert lessons and all(p.is_relative_to(lessonlint.DOCS / "steps") for p in lessons)
    assert not lessonlint.is_lesson(lessonlint.DOCS / "backgrounds" / "01-teaching.md")


def test_naming_the_backgrounds_folder_lints_its_guide_pages_as_guide_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert lessonlint.main([str(lessonlint.DOCS / "backgrounds")]) == 0
    assert "0 lesson(s) and 13 guide page(s) checked" in capsys.readouterr().err


# PTP021: an invented person appears on one page; cited people and the cast may recur.

PEOPLE_CAST = data.Cast("cast", entries={"amara": {"id": "amara", "name": "Amara Okafor"}}, companies={}, retired=[])


def people(texts: dict[str, str], known: str = "") -> list[str]:
    return [str(p) for p in lessonlint.repeated_people(texts, PEOPLE_CAST, known)]


def test_an_invented_person_on_two_pages_is_reported_on_the_second() -> None:
    found = people(
        {
            "docs/backgrounds/01-teaching.md": "# T\n\nHana Brooks taught science for seven years.\n",
            "docs/steps/07-x/02-bullets.md": "# B\n\nText.\n\nLike Hana Brooks, rewrite the bullet.\n",
        }
    )
    assert found == [
        "docs/steps/07-x/02-bullets.md:5: PTP021 'Hana Brooks' also appears in docs/backgrounds/01-teaching.md;"
        " an invented person appears on one page: rename one"
    ]


def test_cited_people_the_cast_and_capitalized_terms_may_recur() -> None:
    texts = {
        "a.md": "Lenny Rachitsky wrote about the market.[^1] Amara Okafor leads support. The Product Owner is a role.\n\n"
        "[^1]: [Lenny Rachitsky, the market](https://example.org), checked 2026-12-06.\n",
        "b.md": "Lenny Rachitsky has a newsletter. Amara Okafor's plan. The Product Owner is one product owner.\n"
        "Marty Cagan wrote a book.\n",
        "c.md": "Marty Cagan's book is listed.\n",
    }
    assert people(texts, known="author: Marty Cagan\n") == []
    assert people({"a.md": "Hana Brooks taught.\n", "b.md": "Hana Brooks taught.\n"}, known="") != []


def test_the_guide_has_no_invented_person_on_two_pages() -> None:
    texts = {p.as_posix(): p.read_text("utf-8") for p in lessonlint.lesson_paths([])}
    assert lessonlint.repeated_people(texts, data.load_cast()) == []


def test_a_link_to_a_heading_on_another_page_is_checked_against_that_page() -> None:
    page = GUIDE_PAGE + (
        "\nRead [evaluation sets](../steps/02-develop-skills/07-ai-product-literacy.md#evaluation-sets-how-a-team-knows-the-feature-works)"
        " and [pay](index.md#pay-is-yours-to-look-up).\n\nNot [this one](index.md#pay) nor"
        " [that one](../steps/02-develop-skills/07-ai-product-literacy.md#evaluation-set).\n"
    )
    lesson = lessonlint.parse_lesson(page, "docs/backgrounds/01-teaching.md", CAST, guide=True)
    assert [message for _, message in lessonlint.heading_links(lesson)] == [
        "the link 'index.md#pay' matches no heading on that page",
        "the link '../steps/02-develop-skills/07-ai-product-literacy.md#evaluation-set' matches no heading on that page",
    ]


def test_an_html_block_is_not_a_heading() -> None:
    page = GUIDE_PAGE + '\n<div class="grid">\n\nText.\n\n</div>\n\n### A third-level heading\n'
    assert guide_findings(page) == []
    assert [b.text for b in lessonlint.parse_lesson(page, "x.md").heads][-1] == "A third-level heading"
