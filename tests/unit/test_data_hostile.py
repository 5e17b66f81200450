"""Hostile data files: each gets a one-line problem naming the file, fast, never a traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from hooks import data
from tests.unit.test_data import TODAY, resource_yaml, write_resource

FILE = "data/resources/the-mom-test.yml"


def load(root: Path) -> list[str]:
    started = time.monotonic()
    problems = [str(p) for p in data.load_resources(root, TODAY).problems]
    assert time.monotonic() - started < 5, "validation must answer in under 5 seconds"
    for line in problems:
        assert "\n" not in line and len(line) < 500, line
        assert "Traceback" not in line
    return problems


def only_problem(root: Path, name: str = FILE) -> str:
    problems = load(root)
    assert len(problems) == 1, problems
    assert problems[0].startswith(name + ":"), problems
    return problems[0]


ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
)


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", ALIAS_BOMB)
    assert "anchor (&name) or alias (*name)" in only_problem(tmp_path)


def test_a_single_alias_is_refused_too(tmp_path: Path) -> None:
    text = resource_yaml().replace("author: Rob Fitzpatrick", "author: &who Rob Fitzpatrick") + "why2: *who\n"
    write_resource(tmp_path, "the-mom-test.yml", text)
    assert "line 10: an anchor" in only_problem(tmp_path)


def test_a_complex_key_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml() + "? [a, b]\n: 1\n")
    assert "a key must be a plain name" in only_problem(tmp_path)


def test_a_key_that_is_not_a_name_is_refused(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml() + "2026: 1\n")
    assert "the key 2026 is not a name" in only_problem(tmp_path)


def test_a_folder_named_like_a_data_file(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    (tmp_path / "data/resources/x.yml").mkdir()
    assert only_problem(tmp_path, "data/resources/x.yml").endswith("is a folder; expected a file")


@pytest.mark.parametrize("target", ["/dev/zero", "outside"])
def test_a_symbolic_link_is_refused(tmp_path: Path, target: str) -> None:
    root = tmp_path / "repo"
    write_resource(root, "the-mom-test.yml", resource_yaml())
    if target == "outside":
        outside = tmp_path / "elsewhere.yml"
        outside.write_text(resource_yaml(id="linked"), encoding="utf-8")
        target = str(outside)
    os.symlink(target, root / "data/resources/linked.yml")
    assert "is a symbolic link" in only_problem(root, "data/resources/linked.yml")


@pytest.mark.parametrize("name", ["other.YML", "other.yaml", "other.Yml"])
def test_other_spellings_of_the_ending_are_errors_not_skipped(tmp_path: Path, name: str) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    write_resource(tmp_path, name, resource_yaml(id="other"))
    assert "name it .yml" in only_problem(tmp_path, f"data/resources/{name}")


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"url": "https://www.momtestbook.com/\n"}, "url", "expected an address that starts with https://"),
        ({"url": "https://trusted.example@evil.example/"}, "url", "no user name"),
        ({"url": "https://www.scrum.org/x)<svg/onload=alert(7)>"}, "url", "no spaces, quotes, <, >"),
        ({"url": "https://www.momtestbook.com:8443/"}, "url", "no port"),
        ({"sources": ["https://good.example/", 'https://x.example/"onmouseover=1']}, "sources[1]", "quotes"),
        ({"steps": [9.0]}, "steps[0]", "is 9.0 (a number); expected integer"),
        ({"title": "The Mom\u202eTest"}, "title", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ({"url": "https://www.momtest\u200bbook.com/"}, "url", "U+200B ZERO WIDTH SPACE"),
        ({"author": "Rob\x07 Fitzpatrick"}, "author", "invisible or control character"),
        ({"title": "The \u041cоm Test"}, "title", "mixes letters of CYRILLIC and LATIN"),
    ],
    ids=[
        "url-newline",
        "url-userinfo",
        "url-breakout",
        "url-port",
        "source-quote",
        "float-step",
        "bidi-title",
        "zero-width-url",
        "control",
        "homoglyph",
    ],
)
def test_tricky_values_are_refused(tmp_path: Path, changes: dict, field: str, expected: str) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml(**changes))
    problems = load(tmp_path)
    assert all(p.startswith(FILE + ":") for p in problems), problems
    assert any(f"field '{field}'" in p and expected in p for p in problems), problems


def test_look_alike_titles_count_as_duplicates(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    write_resource(
        tmp_path,
        "other.yml",
        resource_yaml(id="other", url="https://other.example/", title="\uff34he \uff2dom \uff34est"),
    )
    assert "'The Mom Test' is already used by entry 'other'" in only_problem(tmp_path)


def test_a_trailing_newline_fails_every_anchored_pattern(tmp_path: Path) -> None:
    question = {
        "id": "q-one",
        "question": "How would you improve a parking app for commuters?",
        "type": "product-sense",
        "lesson": "steps/08-interviews/01-x.md",
        "covers": ["who parks and why", "the metric that shows it worked", "what you would build first"],
    }
    lesson = tmp_path / "docs/steps/08-interviews/01-x.md"
    lesson.parent.mkdir(parents=True)
    lesson.write_text("# X\n", encoding="utf-8")
    folder = tmp_path / "data/questions"
    folder.mkdir(parents=True)
    text = yaml.safe_dump(question, sort_keys=False)
    (folder / "q-one.yml").write_text(text, encoding="utf-8")
    assert data.load_questions(tmp_path, TODAY).problems == [], "the control case must pass"
    (folder / "q-one.yml").write_text(
        text.replace("lesson: steps/08-interviews/01-x.md", 'lesson: "steps/08-interviews/01-x.md\\n"'),
        encoding="utf-8",
    )
    problems = [str(p) for p in data.load_questions(tmp_path, TODAY).problems]
    assert any("field 'lesson'" in p and "01-x.md\\n'; expected" in p for p in problems), problems


def test_a_glossary_abbreviation_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    term = {
        "term": "Minimum viable product",
        "abbreviation": "MVP",
        "definition": "The smallest product that tests a bet.",
    }
    (tmp_path / "data/glossary.yml").write_text(yaml.safe_dump({"never_mark": [], "terms": [term]}), encoding="utf-8")
    assert data.load_glossary(tmp_path).problems == [], "the control case must pass"
    term["abbreviation"] = "MVP\n"
    (tmp_path / "data/glossary.yml").write_text(yaml.safe_dump({"never_mark": [], "terms": [term]}), encoding="utf-8")
    problems = [str(p) for p in data.load_glossary(tmp_path).problems]
    assert len(problems) == 1 and "terms[0].abbreviation" in problems[0] and "MVP\\n" in problems[0], problems


def test_a_message_quotes_at_most_80_characters_of_a_value(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml(url="http://" + "x" * 100_000 + ".example/"))
    problems = load(tmp_path)
    assert any("'http://xxxx" in p and "..." in p for p in problems), problems
    assert all(len(p) < 400 for p in problems), problems


def test_a_title_written_in_look_alike_letters_is_a_duplicate(tmp_path: Path) -> None:
    write_resource(tmp_path, "the-mom-test.yml", resource_yaml())
    # Every word wholly Cyrillic, so no word mixes scripts: only the look-alike comparison catches it.
    write_resource(tmp_path, "other.yml", resource_yaml(id="other", url="https://other.example/", title="ТНЕ МОМ ТЕЅТ"))
    problems = load(tmp_path)
    assert any("is already used by entry" in p for p in problems), problems
