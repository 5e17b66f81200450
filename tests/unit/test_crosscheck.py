"""Checks across files: lessons citing missing data, the same work at two addresses, the per-step limit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from hooks import crosscheck, data
from tests.unit.test_data import GOOD_RESOURCE, TODAY, write_resource


def resource(root: Path, entry_id: str, steps: list[int], **changes: object) -> None:
    entry = {
        **GOOD_RESOURCE,
        "id": entry_id,
        "title": f"Title of {entry_id}",
        "url": f"https://example.org/{entry_id}",
        "author": f"Author {entry_id}",
        "steps": steps,
        **changes,
    }
    write_resource(root, f"{entry_id}.yml", yaml.safe_dump(entry, sort_keys=False))


def lesson(root: Path, name: str, text: str) -> None:
    path = root / "docs" / "steps" / "02-develop-skills" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def cross(root: Path) -> list[str]:
    colls = {"resources": data.load_resources(root, TODAY), "certifications": data.load_certifications(root, TODAY)}
    return [str(p) for p in crosscheck.problems(colls, root)]


def test_citations_are_read_from_every_citing_macro() -> None:
    text = (
        '---\ntitle: A lesson\n---\n\nIt costs {{ cert("pspo-1", "cost") }}.\n\n'
        "{{ certification_table('pspo-1', 'cspo', kind=\"adjacent\") }}\n\n"
        '{{ resources(\n  "the-mom-test",\n  "inspired-marty-cagan"\n) }}\n'
    )
    found = crosscheck.citations_in(text, "docs/x.md")
    assert [(c.line, c.kind, c.id) for c in found] == [
        (5, "certifications", "pspo-1"),
        (7, "certifications", "pspo-1"),
        (7, "certifications", "cspo"),
        (9, "resources", "the-mom-test"),
        (9, "resources", "inspired-marty-cagan"),
    ]


def test_examples_that_are_not_rendered_are_not_citations() -> None:
    raw = '{% raw %}\n{{ resources("an-example") }}\n{% endraw %}\n{{ resources("real-one") }}\n'
    assert [(c.line, c.id) for c in crosscheck.citations_in(raw, "docs/x.md")] == [(4, "real-one")]
    off = '---\nrender_macros: false\n---\n{{ resources("an-example") }}\n'
    assert crosscheck.citations_in(off, "docs/x.md") == []


def test_a_lesson_citing_a_deleted_resource_is_one_line_naming_the_lesson(tmp_path: Path) -> None:
    for n in range(10):
        resource(tmp_path, f"r-{n}", list(range(1, 11))[n : n + 1])
    lesson(tmp_path, "01-a.md", '# A\n\nText.\n\n{{ resources("r-1", "exponent-youtube-channel") }}\n')
    problems = cross(tmp_path)
    assert (
        "docs/steps/02-develop-skills/01-a.md: line 5: cites resource 'exponent-youtube-channel', but there is no "
        "data/resources/exponent-youtube-channel.yml; cite another resource or take the id out of the lesson"
    ) in problems
    assert all("\n" not in p for p in problems if p.startswith("docs/"))


def test_a_misspelt_citation_suggests_the_id(tmp_path: Path) -> None:
    resource(tmp_path, "the-mom-test", [2])
    lesson(tmp_path, "01-a.md", '{{ resources("the-mom-tset") }}\n{{ cert("pspo-1") }}\n')
    problems = [p for p in cross(tmp_path) if p.startswith("docs/")]
    assert problems == [
        "docs/steps/02-develop-skills/01-a.md: line 1: cites resource 'the-mom-tset', but there is no "
        "data/resources/the-mom-tset.yml; did you mean 'the-mom-test'?",
        "docs/steps/02-develop-skills/01-a.md: line 2: cites certification 'pspo-1', but there is no "
        "data/certifications/pspo-1.yml; cite another certification or take the id out of the lesson",
    ]


def test_the_real_lessons_cite_only_data_that_exists() -> None:
    colls = data.load_collections(today=dt.date.today())
    assert crosscheck.reference_problems(crosscheck.citations(), colls) == []
    assert len(crosscheck.citations()) > 100


def test_the_step_limit_lists_the_steps_entries_and_the_lessons_citing_each(tmp_path: Path) -> None:
    for n in range(15):
        resource(tmp_path, f"r-{n:02d}", [2])
    resource(tmp_path, "z-second", [4, 2])
    lesson(tmp_path, "01-a.md", '{{ resources("r-00", "z-second") }}\n')
    lesson(tmp_path, "02-b.md", '{{ resources("r-00") }}\n')
    problems = cross(tmp_path)
    step2 = next(p for p in problems if "step 2 lists" in p)
    lines = step2.splitlines()
    assert lines[0] == (
        "data/resources: step 2 lists 16 resources; the guide lists at most 15 per step, so replace one instead of "
        "adding (CONTRIBUTING.md, 'Replace a resource')"
    )
    assert lines[1].strip() == "step 2's resources:"
    assert lines[2].strip() == (
        "r-00 (main step; cited by docs/steps/02-develop-skills/01-a.md, docs/steps/02-develop-skills/02-b.md)"
    )
    assert lines[3].strip() == "r-01 (main step; cited by no lesson)"
    # An entry where step 2 is a second step counts too, and says so.
    assert lines[-1].strip() == "z-second (main step 4; cited by docs/steps/02-develop-skills/01-a.md)"
    assert len(lines) == 2 + 16
    assert any("step 1 lists 0 resources; the guide lists at least 8 per step" in p for p in problems)


def test_the_step_limit_is_reported_together_with_other_errors(tmp_path: Path) -> None:
    (tmp_path / "data" / "certifications").mkdir(parents=True)
    for n in range(16):
        resource(tmp_path, f"r-{n:02d}", [2])
    resource(tmp_path, "r-00", [2], url="http://example.org/plain-http")  # a second error, in one entry
    with pytest.raises(data.DataError) as err:
        data.load_all(tmp_path, TODAY)
    message = str(err.value)
    assert "data/resources/r-00.yml: entry 'r-00', field 'url'" in message
    assert "step 2 lists 16 resources" in message


def test_the_same_book_at_a_booksellers_address_is_caught_on_the_newer_file(tmp_path: Path) -> None:
    resource(tmp_path, "the-mom-test", [2], title="The Mom Test", author="Rob Fitzpatrick", added_on="2026-01-05")
    resource(
        tmp_path,
        "mom-test-paperback",
        [2],
        title="The Mom Test: How to Talk to Customers (Paperback)",
        author="Fitzpatrick, Rob",
        url="https://www.example-bookshop.com/dp/1492180742",
        added_on="2026-11-20",
    )
    resource(tmp_path, "mom-test-other", [2], title="The Mom Test", author="Someone Else")
    problems = [p for p in cross(tmp_path) if "looks like" in p]
    assert problems == [
        "data/resources/mom-test-paperback.yml: entry 'mom-test-paperback', field 'title': "
        "'The Mom Test: How to Talk to Customers (Paperback)' by Fitzpatrick, Rob looks like 'The Mom Test', "
        "entry 'the-mom-test' in data/resources/the-mom-test.yml, at another address (this entry was added later, "
        "on 2026-11-20); improve that entry instead of adding a second one, or give the exact title if it is "
        "another work"
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("The Mom Test", "Rob Fitzpatrick"), ("Mom Test - Paperback", "rob fitzpatrick"), True),
        (("Inspired", "Marty Cagan"), ("INSPIRED: How to Create Tech Products", "Marty Cagan"), True),
        (("Inspired", "Marty Cagan"), ("Empowered", "Marty Cagan"), False),
        (("Lean Analytics", "Alistair Croll"), ("Lean Analytics", "Ben Yoskovitz"), False),
    ],
)
def test_work_key(a: tuple[str, str], b: tuple[str, str], same: bool) -> None:
    assert (crosscheck.work_key(*a) == crosscheck.work_key(*b)) is same
