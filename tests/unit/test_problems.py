"""One problem type, printed one way, by every check (hooks/problems.py)."""

from __future__ import annotations

from hooks.problems import Problem, report


def test_a_problem_in_a_field_of_an_entry_names_both() -> None:
    p = Problem("data/resources/x.yml", "is missing: this field is required", entry="x", field="url")
    assert str(p) == "data/resources/x.yml: entry 'x', field 'url': is missing: this field is required"


def test_a_problem_at_a_line_reads_like_a_compiler_message() -> None:
    p = Problem("docs/steps/01-a/01-b.md", "a checklist item has no id", line=128)
    assert str(p) == "docs/steps/01-a/01-b.md:128: a checklist item has no id"


def test_a_problem_with_a_field_but_no_entry() -> None:
    assert str(Problem("data/glossary.yml", "is empty", field="terms")) == "data/glossary.yml, field 'terms': is empty"


def test_long_values_and_messages_are_clipped_and_one_line_each() -> None:
    p = Problem("f.yml", "bad   value\n  listed", entry="e" * 200)
    text = str(p)
    assert "e" * 77 + "..." in text and "e" * 78 not in text
    assert text.splitlines() == [f"f.yml: entry '{'e' * 77}...': bad value", "listed"]


def test_problems_sort_by_file_then_line_as_a_number() -> None:
    found = [Problem("b.md", "x", line=2), Problem("a.md", "x", line=10), Problem("a.md", "x", line=9)]
    assert [str(p) for p in sorted(found, key=Problem.sort_key)] == ["a.md:9: x", "a.md:10: x", "b.md:2: x"]


def test_the_report_counts_and_lists_every_problem() -> None:
    one = Problem("a.yml", "is empty")
    assert report([one], "the data files") == "1 problem in the data files:\n  - a.yml: is empty"
    assert report([one, one], "the checklists").startswith("2 problems in the checklists:\n  - a.yml: is empty")
