"""The lesson lint: a lesson in the template's shape passes; each broken rule is reported."""

from __future__ import annotations

import pytest

from hooks import lessonlint

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


def findings(text: str) -> list[str]:
    return [f.message for f in lessonlint.lint_text(text, "steps/01-x/01-a.md")]


def test_a_lesson_in_the_template_shape_passes() -> None:
    assert findings(lesson()) == []


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


def test_slugify_matches_the_toc_extension() -> None:
    assert lessonlint.slugify("What you'll learn") == "what-youll-learn"
    assert lessonlint.slugify("Worked example: Parcelly's refund queue") == "worked-example-parcellys-refund-queue"
