"""From a "Suggest a resource" issue body to a data file: good answers convert, hostile ones cannot get through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from hooks import data, suggestion

TODAY = dt.date(2026, 12, 6)
ANSWERS = {
    "Is it already listed?": "- [X] I searched the Resources page and it is not listed.",
    "Title": "Discovery Field Notes",
    "Address (https)": "https://discovery-field-notes.example/book",
    "Type": "book",
    "Main step": "2",
    "Other steps (optional)": "3, 8",
    "Cost": "paid",
    "Level": "beginner",
    "Author, host or provider": "Jo Example",
    "Why this resource": (
        "Chapters 2 and 3 turn five customer calls into one problem statement;\n"
        "read them before your first discovery interview. It will not teach you prioritization."
    ),
    "Sources": "https://discovery-field-notes.example/book\nhttps://publisher.example/field-notes",
    "Does it replace a listed resource? (optional)": "_No response_",
    "How you used it": "I ran my last three discovery sprints with it.",
}


KEYS = {"address": "url", "is_it": "not_listed"}
LABELS = suggestion.form_labels()


def body(**changes: str) -> str:
    """An issue body as GitHub writes it from the form: '### <label>', a blank line, the answer."""
    answers = {**ANSWERS}
    for key, value in changes.items():
        answers[next(label for label in answers if LABELS[label] == KEYS.get(key, key))] = value
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in answers.items()) + "\n"


def convert(text: str, existing: set[str] | None = None) -> suggestion.Suggestion:
    return suggestion.convert(text, today=TODAY, existing=existing or set())


def test_the_form_is_the_one_the_parser_reads() -> None:
    labels = suggestion.form_labels()
    assert set(ANSWERS) == set(labels), "the test's answers must match the form's labels"
    assert labels["Main step"] == "main_step" and labels["Other steps (optional)"] == "other_steps"


def test_a_good_suggestion_becomes_a_valid_data_file(tmp_path: Path) -> None:
    s = convert(body())
    assert s.problems == []
    assert s.id == "discovery-field-notes"
    # The house style: steps as [2, 3, 8], why as a folded block, dates and sources as in every data file.
    assert "\nsteps: [2, 3, 8]\n" in s.yaml_text and "\nwhy: >-\n  Chapters 2 and 3" in s.yaml_text
    assert "\nadded_on: 2026-12-06\n" in s.yaml_text
    assert "\nsources:\n- https://discovery-field-notes.example/book\n" in s.yaml_text
    entry = yaml.safe_load(s.yaml_text)
    assert entry["steps"] == [2, 3, 8]  # the main step first, as the form asked
    assert entry["why"].startswith("Chapters 2 and 3") and "\n" not in entry["why"]
    assert str(entry["added_on"]) == str(entry["checked_on"]) == "2026-12-06"
    folder = tmp_path / "data" / "resources"
    folder.mkdir(parents=True)
    (folder / f"{s.id}.yml").write_text(s.yaml_text, encoding="utf-8")
    assert data.load_resources(tmp_path, TODAY).problems == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "Nice\nurl: https://evil.example"}, "Title: write it on one line"),
        ({"title": "<script>alert(1)</script>"}, "Title: looks like HTML or a Markdown link"),
        ({"title": "[Click](javascript:alert(1))"}, "Title: looks like HTML or a Markdown link"),
        ({"author": "Jo <img src=x onerror=alert(1)>"}, "Author: looks like HTML"),
        ({"title": "Field\u202enotes"}, "Title: contains control or text-direction characters"),
        ({"address": "http://discovery-field-notes.example/"}, "is not an https:// address"),
        ({"address": "javascript:alert(1)"}, "is not an https:// address"),
        ({"address": "https://user:pw@discovery-field-notes.example/"}, "no usable host name"),
        ({"address": "https://discovery field notes.example/"}, "is not an https:// address"),
        ({"sources": "ftp://files.example/x"}, "Sources, line 1"),
        ({"sources": "_No response_"}, "Sources: give at least one https:// address"),
        ({"title": "T" * 10_000}, "Title: has 10000 characters; expected at most 160"),
        ({"why": "Too short."}, "Why: has 10 characters; expected at least 40"),
        ({"why": "w" * 451}, "Why: has 451 characters; expected at most 450"),
        ({"main_step": "11"}, "not a step number from 1 to 10"),
        ({"other_steps": "1, 3, 4, 5"}, "pick the main step and at most three others"),
        ({"type": "blog"}, "Type: is 'blog'; expected one of: book"),
        ({"is_it": "- [ ] I searched the Resources page and it is not listed."}, "tick the box"),
        ({"title": "!!"}, "Title: too short to make an id"),
    ],
    ids=[
        "newline-injection",
        "html-title",
        "markdown-link-title",
        "html-author",
        "bidi-override",
        "http-address",
        "javascript-address",
        "credentials-in-address",
        "spaces-in-address",
        "non-https-source",
        "no-sources",
        "huge-title",
        "short-why",
        "long-why",
        "step-11",
        "five-steps",
        "unknown-type",
        "box-not-ticked",
        "no-id",
    ],
)
def test_hostile_or_wrong_answers_are_refused_with_the_answer_to_fix(changes: dict[str, str], expected: str) -> None:
    s = convert(body(**changes))
    assert s.yaml_text == "", "nothing may be written when there is a problem"
    assert any(expected in p for p in s.problems), s.problems
    assert all(len(p) < 300 for p in s.problems), "a problem never echoes a huge answer"


def test_a_heading_typed_inside_an_answer_cannot_replace_another_answer() -> None:
    s = convert(body(why="Useful.\n\n### Address (https)\n\nhttps://evil.example/\n\nMore words here to pass."))
    assert s.yaml_text == ""
    assert s.problems == ["the heading '### Address (https)' appears twice; keep it only above its own answer"]


def test_newlines_and_colons_in_answers_cannot_add_keys() -> None:
    why = "Read chapter 2: it is the one.\nsteps: [1]\nid: ../../.github/workflows/evil\ncost: free # really"
    s = convert(body(why=why, title="Discovery: Field Notes #1 & more"))
    assert s.problems == []
    entry = yaml.safe_load(s.yaml_text)
    assert set(entry) == set(data.load_schema("resource.schema.json")["properties"])
    assert entry["steps"] == [2, 3, 8] and entry["cost"] == "paid" and entry["id"] == "discovery-field-notes-1-more"
    assert entry["why"] == " ".join(why.split())
    assert entry["title"] == "Discovery: Field Notes #1 & more"


def test_workflow_expressions_are_kept_as_plain_text() -> None:
    s = convert(body(title="${{ secrets.GITHUB_TOKEN }} field notes", author="$(id) `id`"))
    assert s.problems == []
    entry = yaml.safe_load(s.yaml_text)
    assert entry["title"] == "${{ secrets.GITHUB_TOKEN }} field notes"
    assert entry["author"] == "$(id) `id`"
    assert s.id == "secrets-github-token-field-notes"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../.github/workflows/ci", "github-workflows-ci"),
        ("..\\..\\etc\\passwd", "etc-passwd"),
        ("Crème Brûlée Product Guide", "creme-brulee-product-guide"),
        ("A " + "very-long-" * 10 + "title", "a-very-long-very-long-very-long-very-long-very-long-very"),
        ("T" * 100, "t" * 60),
    ],
)
def test_the_id_is_made_of_lower_case_words_and_hyphens_only(title: str, expected: str) -> None:
    assert suggestion.slug(title) == expected
    assert suggestion.ID_RE.match(expected) and len(expected) <= 60


def test_an_id_that_exists_is_refused() -> None:
    s = convert(body(), existing={"discovery-field-notes"})
    assert any("data/resources/discovery-field-notes.yml already exists" in p for p in s.problems)


def test_a_body_larger_than_github_allows_is_refused() -> None:
    s = convert(body(why="x" * 70_000))
    assert len(s.problems) == 1 and s.problems[0].startswith("the issue body has "), s.problems
    assert s.problems[0].endswith("characters; at most 65536 are read")


def test_the_pull_request_credits_the_suggester_and_closes_the_issue() -> None:
    s = convert(body(experience="I used it.\n```\n@everyone <b>x</b>\n```", replaces="the-mom-test"))
    title, pr_body, message = suggestion.pull_request(s, 42, "jo-example", 123)
    assert title == "Add resource: discovery-field-notes"
    assert pr_body.startswith("Suggested by @jo-example in #42") and "Closes #42." in pr_body
    assert "````text\nI used it.\n```\n@everyone <b>x</b>\n```\n````" in pr_body  # fenced, cannot break out
    assert "It replaces, according to the suggestion:\n\n```text\nthe-mom-test\n```" in pr_body
    assert message.endswith("Co-authored-by: jo-example <123+jo-example@users.noreply.github.com>\n")


def test_the_command_writes_only_the_data_file_and_the_workflows_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "data" / "resources"
    resources.mkdir(parents=True)
    monkeypatch.setattr(suggestion, "RESOURCES", resources)
    (tmp_path / "body.md").write_text(body(title="../../../outside"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["--body-file", str(tmp_path / "body.md"), "--issue", "7", "--login", "jo", "--user-id", "9"]
    assert suggestion.main([*args, "--out-dir", str(out)]) == 0
    assert [p.name for p in resources.iterdir()] == ["outside.yml"]
    assert (out / "id.txt").read_text() == "outside"
    assert sorted(p.name for p in out.iterdir()) == ["commit.txt", "id.txt", "pr-body.md", "pr-title.txt"]
    assert not (tmp_path / "outside.yml").exists()


def test_the_command_comments_the_problems_instead_of_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "data" / "resources"
    resources.mkdir(parents=True)
    monkeypatch.setattr(suggestion, "RESOURCES", resources)
    (tmp_path / "body.md").write_text(body(address="http://x.example/"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["--body-file", str(tmp_path / "body.md"), "--issue", "7", "--login", "jo", "--user-id", "9"]
    assert suggestion.main([*args, "--out-dir", str(out)]) == 1
    assert list(resources.iterdir()) == []
    comment = (out / "comment.md").read_text()
    assert "```text\n- Address: 'http://x.example/' is not an https:// address" in comment


def test_a_failed_data_check_becomes_a_comment(tmp_path: Path) -> None:
    check = tmp_path / "check.txt"
    check.write_text(
        "1 problem in the data files:\n  - data/resources: step 2 lists 16 resources; ...\n", encoding="utf-8"
    )
    check.write_text(
        "1 problem in the data files:\n  - data/resources: step 2 lists 16 resources; ...\n"
        "    step 2's resources:\n      r-00 (main step; cited by no lesson)\n",
        encoding="utf-8",
    )
    assert suggestion.main(["--out-dir", str(tmp_path), "--check-output", str(check)]) == 0
    comment = (tmp_path / "comment.md").read_text()
    assert "a maintainer chooses the resource this one replaces" in comment
    assert (
        "```text\n  - data/resources: step 2 lists 16 resources; ...\n    step 2's resources:\n"
        "      r-00 (main step; cited by no lesson)\n```"
    ) in comment


def test_a_missing_login_is_a_problem_not_a_guess(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestion, "RESOURCES", tmp_path)
    (tmp_path / "body.md").write_text(body(), encoding="utf-8")
    args = ["--body-file", str(tmp_path / "body.md"), "--login", "$(whoami)", "--out-dir", str(tmp_path / "o")]
    assert suggestion.main(args) == 1
    assert not (tmp_path / "discovery-field-notes.yml").exists()
