"""The data validation library: real data passes, each kind of bad input fails precisely."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from hooks import data

TODAY = dt.date(2026, 11, 26)

GOOD_RESOURCE = {
    "id": "the-mom-test",
    "title": "The Mom Test",
    "url": "https://www.momtestbook.com/",
    "type": "book",
    "steps": [2, 3],
    "cost": "paid",
    "level": "beginner",
    "author": "Rob Fitzpatrick",
    "why": "Read it before your first user interview: it shows how to ask about past behaviour instead of opinions.",
    "added_on": "2026-11-01",
    "checked_on": "2026-11-01",
    "sources": ["https://www.momtestbook.com/"],
}


def write_resource(root: Path, name: str, text: str) -> None:
    folder = root / "data" / "resources"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def problems_for(tmp_path: Path, text: str, name: str = "the-mom-test.yml") -> list[str]:
    write_resource(tmp_path, name, text)
    return [str(p) for p in data.load_resources(tmp_path, TODAY).problems]


def resource_yaml(**changes: object) -> str:
    entry = {**GOOD_RESOURCE, **changes}
    entry = {k: v for k, v in entry.items() if v is not None}
    return yaml.safe_dump(entry, sort_keys=False)


def test_the_real_data_is_valid() -> None:
    site = data.load_all()
    assert len(site.certifications) >= 14
    assert len(site.resources) >= 100


def test_a_good_entry_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, resource_yaml()) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("title: [unclosed\n", "", "is not valid YAML (line"),
        ("", "", "is empty"),
        ("# only a comment\n", "", "is empty"),
        ("- a\n- list\n", "", "expected the fields of one entry"),
        (resource_yaml(title=None), "field 'title'", "is missing"),
        (resource_yaml(steps="2"), "field 'steps'", "expected a list, such as [2]"),
        (resource_yaml(steps=[11]), "field 'steps[0]'", "at most 10"),
        (resource_yaml(type="blog"), "field 'type'", "expected one of: book, course"),
        (resource_yaml(url="http://www.momtestbook.com/"), "field 'url'", "starts with https://"),
        (resource_yaml(url="javascript:alert(1)"), "field 'url'", "starts with https://"),
        (resource_yaml(colour="red"), "", "unknown field 'colour'"),
        (resource_yaml(checked_on="2026-13-40"), "field 'checked_on'", "real date"),
        (resource_yaml(checked_on="2027-01-01"), "field 'checked_on'", "in the future"),
        (resource_yaml(sources=[]), "field 'sources'", "expected at least 1"),
        (resource_yaml(why="Short."), "field 'why'", "expected at least 40"),
        (resource_yaml(id="The Mom Test"), "field 'id'", "lower-case letters"),
        (resource_yaml(id="another-id"), "field 'id'", "must match"),
        (resource_yaml(cost=None), "field 'cost'", "is missing"),
        ("id: the-mom-test\nid: the-mom-test\n", "", "appears twice"),
    ],
    ids=[
        "malformed-yaml",
        "empty-file",
        "only-comments",
        "a-list-not-fields",
        "missing-field",
        "wrong-type",
        "unknown-step",
        "unknown-type",
        "http-url",
        "javascript-url",
        "unknown-key",
        "impossible-date",
        "future-date",
        "no-sources",
        "too-short",
        "bad-id",
        "id-not-file-name",
        "missing-cost",
        "duplicate-key",
    ],
)
def test_bad_input_is_named_precisely(tmp_path: Path, text: str, field: str, expected: str) -> None:
    problems = problems_for(tmp_path, text)
    assert problems, "the bad input was accepted"
    assert all(p.startswith("data/resources/the-mom-test.yml") for p in problems), problems
    assert any(field in p and expected in p for p in problems), problems


def test_duplicate_urls_and_titles_name_the_newer_entry_and_say_why(tmp_path: Path) -> None:
    # "aa-" sorts before "the-": the older entry is found by added_on, not by name.
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    write_resource(
        tmp_path,
        "aa-mom-test-again.yml",
        resource_yaml(id="aa-mom-test-again", url="https://momtestbook.com", added_on="2026-11-20"),
    )
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert (
        "data/resources/aa-mom-test-again.yml: entry 'aa-mom-test-again', field 'url': 'https://momtestbook.com' "
        "is already used by entry 'the-mom-test' in data/resources/the-mom-test.yml "
        "(this entry was added later, on 2026-11-20); improve that entry instead of adding a second one"
    ) in problems
    assert any("aa-mom-test-again.yml" in p and "field 'title'" in p for p in problems), problems
    assert not any(p.startswith("data/resources/the-mom-test.yml") for p in problems), problems


def test_a_file_git_has_not_seen_is_the_newer_one(tmp_path: Path) -> None:
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    write_resource(tmp_path, "zz-mom-test.yml", resource_yaml(id="zz-mom-test"))
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    # Same added_on, and its name sorts first: only git can tell it is the new one.
    write_resource(tmp_path, "aa-mom-test.yml", resource_yaml(id="aa-mom-test", title="Another"))
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert problems == [
        "data/resources/aa-mom-test.yml: entry 'aa-mom-test', field 'url': 'https://www.momtestbook.com/' "
        "is already used by entry 'zz-mom-test' in data/resources/zz-mom-test.yml "
        "(this file is new since the last commit); improve that entry instead of adding a second one"
    ]


def test_of_two_new_files_the_one_saved_later_is_the_newer(tmp_path: Path) -> None:
    subprocess.run(["git", "-C", str(tmp_path), "init", "-q"], check=True)
    write_resource(tmp_path, "zz-first.yml", resource_yaml(id="zz-first", title="First"))
    write_resource(tmp_path, "aa-second.yml", resource_yaml(id="aa-second", title="Second"))
    folder = tmp_path / "data" / "resources"
    os.utime(folder / "zz-first.yml", ns=(1_000_000_000, 1_000_000_000))
    os.utime(folder / "aa-second.yml", ns=(2_000_000_000, 2_000_000_000))
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert len(problems) == 1 and problems[0].startswith("data/resources/aa-second.yml"), problems
    assert "(this file was saved later)" in problems[0]


def test_without_git_or_dates_the_later_file_name_is_the_newer(tmp_path: Path) -> None:
    write_resource(tmp_path, "b-one.yml", resource_yaml(id="b-one", title="One"))
    write_resource(tmp_path, "a-two.yml", resource_yaml(id="a-two", title="Two"))
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert len(problems) == 1 and problems[0].startswith("data/resources/b-one.yml"), problems
    assert "(this file's name sorts later)" in problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: the-mom-test\ntitle: The Mom Test: How to talk to customers\n",
            "(line 2: mapping values are not allowed in this context); a value that contains ': ' goes in "
            'double quotes: title: "The Mom Test: How to talk to customers"',
        ),
        ("id: the-mom-test\nwhy\n  text\ntitle: x\n", "each line is 'field: value'"),
        ("id: the-mom-test\ntitle: `The Mom Test`\n", "starts with @, ` or % goes in double quotes"),
    ],
    ids=["colon-in-value", "missing-colon", "backtick"],
)
def test_yaml_errors_say_how_to_fix_them(tmp_path: Path, text: str, expected: str) -> None:
    problems = problems_for(tmp_path, text)
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_list_field_given_one_value_shows_the_list_to_write(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, resource_yaml(steps=8))
    assert problems == [
        "data/resources/the-mom-test.yml: entry 'the-mom-test', field 'steps': is 8 (a whole number); "
        "expected a list, such as [8]"
    ]
    problems = problems_for(tmp_path, resource_yaml(sources="https://www.momtestbook.com/"))
    assert problems[0].endswith('expected a list, such as ["https://www.momtestbook.com/"]'), problems


@pytest.mark.parametrize("value", ["26/11/2026", "2026-13-40", 20261126])
def test_a_bad_date_is_reported_once(tmp_path: Path, value: object) -> None:
    problems = problems_for(tmp_path, resource_yaml(checked_on=value))
    assert len(problems) == 1, problems
    assert "field 'checked_on'" in problems[0]


def test_a_near_miss_field_name_or_value_gets_a_suggestion(tmp_path: Path) -> None:
    text = resource_yaml(cost=None, type="books").replace("level:", "cots: paid\nlevel:")
    problems = problems_for(tmp_path, text)
    assert any("unknown field 'cots'" in p and p.endswith("did you mean 'cost' instead of 'cots'?") for p in problems)
    assert any("field 'type'" in p and p.endswith("did you mean 'book'?") for p in problems), problems
    far = problems_for(tmp_path, resource_yaml(colour="red"))
    assert not any("did you mean" in p for p in far), far


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    write_resource(tmp_path, "a-one.yml", resource_yaml(id="a-one", url="http://a.example", type="blog"))
    write_resource(tmp_path, "b-two.yml", "title: [broken\n")
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert any("a-one.yml" in p and "'url'" in p for p in problems)
    assert any("a-one.yml" in p and "'type'" in p for p in problems)
    assert any("b-two.yml" in p and "not valid YAML" in p for p in problems)


def test_a_yaml_file_extension_is_refused(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, resource_yaml(), name="the-mom-test.yaml")
    assert any("name it .yml" in p for p in problems)


def test_load_all_raises_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "data" / "certifications").mkdir(parents=True)
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml(url="http://x.example", level="expert"))
    with pytest.raises(data.DataError) as err:
        data.load_all(tmp_path, TODAY)
    message = str(err.value)
    assert "field 'url'" in message and "field 'level'" in message
    assert "data/certifications: has no .yml files" in message


CERT = {
    "id": "pspo-1",
    "name": "Professional Scrum Product Owner I",
    "issuer": "Scrum.org",
    "url": "https://www.scrum.org/assessments/professional-scrum-product-owner-i-certification",
    "kind": "certification",
    "format": "exam-only",
    "cost": {"amount": 200, "currency": "USD", "covers": "One attempt at the online assessment"},
    "exam": {"questions": 80, "minutes": 60, "pass_mark": "85%"},
    "renewal": "none",
    "stage": ["aspiring"],
    "who_for": "Worth it if the job ads you target ask for it; it proves Scrum vocabulary, not product judgement.",
    "checked_on": "2026-11-01",
    "sources": [
        {"url": "https://www.scrum.org/assessments/professional-scrum-product-owner-i-certification", "kind": "issuer"}
    ],
}


def cert_problems(tmp_path: Path, **changes: object) -> list[str]:
    folder = tmp_path / "data" / "certifications"
    folder.mkdir(parents=True, exist_ok=True)
    entry = {**CERT, **changes}
    (folder / "pspo-1.yml").write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")
    return [str(p) for p in data.load_certifications(tmp_path, TODAY).problems]


def test_a_good_certification_passes(tmp_path: Path) -> None:
    assert cert_problems(tmp_path) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": "diploma"}, "field 'kind'"),
        ({"cost": {"amount": 200, "covers": "One attempt"}}, "field 'cost'"),
        ({"exam": {}}, "leave the block out"),
        ({"stage": ["guru"]}, "field 'stage[0]'"),
        ({"exam": "maybe"}, "field 'exam': is 'maybe'; give the published exam facts, none"),
        ({"cost": {"covers": "One attempt at the assessment"}}, "field 'cost': gives no price"),
        ({"sources": ["https://www.scrum.org/"]}, "field 'sources[0]'"),
        ({"sources": [{"url": "https://www.scrum.org/", "kind": "official"}]}, "field 'sources[0].kind'"),
    ],
    ids=[
        "unknown-kind",
        "amount-without-currency",
        "empty-exam",
        "unknown-stage",
        "exam-neither-none-nor-facts",
        "cost-without-price-or-note",
        "source-without-kind",
        "unknown-source-kind",
    ],
)
def test_bad_certifications_are_named_precisely(tmp_path: Path, changes: dict, expected: str) -> None:
    problems = cert_problems(tmp_path, **changes)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("decision", ["cost", "exam", "renewal"])
def test_a_certification_must_decide_cost_exam_and_renewal(tmp_path: Path, decision: str) -> None:
    """Leaving a decision out is an error naming the file, the entry and the field: never a default sentence."""
    folder = tmp_path / "data" / "certifications"
    folder.mkdir(parents=True)
    entry = {k: v for k, v in CERT.items() if k != decision}
    (folder / "pspo-1.yml").write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")
    problems = [str(p) for p in data.load_certifications(tmp_path, TODAY).problems]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/certifications/pspo-1.yml: entry 'pspo-1', field '{decision}': is missing:")
    assert "none" in problems[0] and "not_published" in problems[0]


def test_decisions_none_and_not_published_pass(tmp_path: Path) -> None:
    ask = {"not_published": "Not published; ask Scrum.org support"}
    # Copies: PyYAML would write one shared dict as an anchor and aliases, which the loader refuses.
    assert cert_problems(tmp_path, cost={"covers": "One attempt", **ask}, exam={**ask}, renewal={**ask}) == []
    assert cert_problems(tmp_path, cost="none", exam="none", renewal="none") == []


def test_blocked_domains_match_the_domain_and_its_subdomains() -> None:
    blocked = frozenset({"winenfood.com"})
    assert data.blocked_domain("https://winenfood.com/pmp-fees", blocked) == "winenfood.com"
    assert data.blocked_domain("https://www.WinEnFood.com/x", blocked) == "winenfood.com"
    assert data.blocked_domain("https://notwinenfood.com/x", blocked) is None
    assert "winenfood.com" in data.blocklist() and "digitalpash.com" in data.blocklist()


def test_a_source_on_the_blocklist_is_refused(tmp_path: Path) -> None:
    farm = {"url": "https://winenfood.com/the-validity-period-of-a-coursera-certificate", "kind": "third-party"}
    problems = cert_problems(tmp_path, sources=[*CERT["sources"], farm])
    assert problems == [
        "data/certifications/pspo-1.yml: entry 'pspo-1', field 'sources[1].url': is on winenfood.com, a content farm "
        "or copy site listed in data/schema/source-blocklist.txt; cite the item's own page or a reputable review"
    ]
    res = problems_for(
        tmp_path, resource_yaml(sources=["https://www.momtestbook.com/", "https://www.digitalpash.com/a"])
    )
    assert any("field 'sources[1]': is on digitalpash.com" in p for p in res), res


def question_problems(tmp_path: Path, **changes: object) -> list[str]:
    """The problems of one question file: a valid question with ``changes``, next to the lesson it names."""
    (tmp_path / "docs" / "steps" / "08-interviews").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "steps" / "08-interviews" / "01-the-interview-loop.md").write_text("x", encoding="utf-8")
    folder = tmp_path / "data" / "questions"
    folder.mkdir(parents=True, exist_ok=True)
    entry = {
        "id": "tell-me-about-yourself",
        "question": "Tell me about yourself in two minutes.",
        "type": "screening",
        "covers": ["Short and ordered summary", "One specific example", "A reason for this company"],
        "lesson": "steps/08-interviews/01-the-interview-loop.md",
        **changes,
    }
    (folder / "tell-me-about-yourself.yml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    return [str(p) for p in data.load_questions(tmp_path).problems]


def test_an_answer_must_score_every_covers_point_once(tmp_path: Path) -> None:
    problems = question_problems(
        tmp_path,
        covers=[
            "Short and ordered summary",
            "One specific example",
            "A reason for this company",
            "Stops at two minutes",
        ],
        answer={
            "text": "I lead a support team. " * 30,
            "scoring": ["Met: it is short", "Met: one example", "Met: stops"],
        },
    )
    assert problems == [
        "data/questions/tell-me-about-yourself.yml: entry 'tell-me-about-yourself', field 'answer.scoring': "
        "has 3 lines for 4 'covers' points; score each point once, in order"
    ]


# Schema messages come from the schema: each pattern has an "x-message" beside it.


def _patterns(node: object) -> list[dict]:
    if isinstance(node, dict):
        own = [node] if "pattern" in node else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


@pytest.mark.parametrize("schema", sorted(p.name for p in data.SCHEMAS.glob("*.schema.json")))
def test_every_pattern_in_the_schema_says_what_it_expects(schema: str) -> None:
    found = _patterns(data.load_schema(schema))
    assert found, "the schema has patterns"
    for node in found:
        assert node.get("x-message", "").startswith("expected "), node["pattern"]
        if node["pattern"].startswith("^https://"):
            assert node["x-message"] == data.URL_EXPECTED, "the schema and url_problem() use the same words"


def test_a_question_with_a_bad_lesson_path_is_told_the_path_expected(tmp_path: Path) -> None:
    problems = question_problems(tmp_path, lesson="Steps/08/x.md")
    assert (
        "data/questions/tell-me-about-yourself.yml: entry 'tell-me-about-yourself', field 'lesson': is 'Steps/08/x.md'; "
        "expected a lesson's path under docs/, like steps/08-interviews/03-product-sense-questions.md"
    ) in problems


def test_a_currency_in_lower_case_is_told_the_code_expected(tmp_path: Path) -> None:
    problems = cert_problems(tmp_path, cost={"amount": 200, "currency": "usd", "covers": "One attempt"})
    assert any(
        "field 'cost.currency': is 'usd'; expected a three-letter currency code in capitals" in p for p in problems
    ), problems
