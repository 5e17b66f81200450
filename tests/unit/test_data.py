"""The data validation library: real data passes, each kind of bad input fails precisely."""

from __future__ import annotations

import datetime as dt
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
    return [str(p) for p in data.load_resources(tmp_path, TODAY, step_sizes=False).problems]


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
        (resource_yaml(steps="2"), "field 'steps'", "expected array"),
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


def test_duplicate_ids_urls_and_titles_are_reported(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    write_resource(tmp_path, "mom-test-again.yml", resource_yaml(id="mom-test-again", url="https://momtestbook.com"))
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert any("field 'url'" in p and "already used by entry 'mom-test-again'" in p for p in problems) or any(
        "field 'url'" in p and "already used by entry 'the-mom-test'" in p for p in problems
    ), problems
    assert any("field 'title'" in p and "already used" in p for p in problems), problems


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


def test_each_step_lists_8_to_15_resources(tmp_path: Path) -> None:
    for n in range(16):
        write_resource(
            tmp_path,
            f"r-{n:02d}.yml",
            resource_yaml(id=f"r-{n:02d}", title=f"Title {n}", url=f"https://example.org/{n}", steps=[2]),
        )
    problems = [str(p) for p in data.load_resources(tmp_path, TODAY).problems]
    assert (
        "data/resources: step 2 has 16 resources; the guide lists at most 15 per step, so replace one instead of adding"
        in problems
    )
    assert any("step 1 has 0 resources" in p for p in problems)
