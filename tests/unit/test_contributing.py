"""CONTRIBUTING.md tells the truth: its example is fictional and valid, its messages are the ones printed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from hooks import crosscheck, data

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return TEXT.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(text: str, lang: str) -> list[str]:
    found = re.findall(rf"^( *)```{lang}\n(.*?)^\1```", text, re.S | re.M)
    return ["\n".join(line[len(indent) :] for line in body.splitlines()) + "\n" for indent, body in found]


EXAMPLE = blocks(section("Add a resource"), "yaml")[0]


def load(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "data" / "resources"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "discovery-field-notes.yml").write_text(text, encoding="utf-8")
    return [str(p) for p in data.load_resources(tmp_path, dt.date(2026, 12, 6)).problems]


def test_the_worked_example_is_valid_and_is_not_a_real_entry(tmp_path: Path) -> None:
    assert load(tmp_path, EXAMPLE) == []
    assert not (ROOT / "data" / "resources" / "discovery-field-notes.yml").exists()
    url = re.search(r"^url: (\S+)", EXAMPLE, re.M)
    assert url and ".example/" in url.group(1), "the example's address is a reserved, made-up domain"


def test_the_example_messages_are_the_ones_check_data_prints(tmp_path: Path) -> None:
    broken = (
        EXAMPLE.replace("cost: paid", "cots: paid")
        .replace("steps: [2, 3]", "steps: 2")
        .replace("url: https://", "url: http://")
    )
    shown = blocks(section("Add a resource"), "text")[0].splitlines()
    printed = load(tmp_path, broken)
    assert shown[0] == f"{len(printed)} problems in the data files:"
    assert sorted(line.strip()[2:] for line in shown[1:]) == sorted(printed)


def test_the_replace_examples_have_the_shape_check_data_prints() -> None:
    limit, cites = blocks(section("Replace a resource"), "text")
    head = limit.splitlines()[0].strip()[2:]
    assert head.startswith("data/resources: step 2 lists 16 resources; the guide lists at most 15 per step")
    assert head.endswith("(CONTRIBUTING.md, 'Replace a resource')")
    assert re.fullmatch(
        r"- (docs/\S+\.md): line \d+: cites resource '([a-z0-9-]+)', but there is no data/resources/\2\.yml; "
        r"cite another resource or take the id out of the lesson\n",
        cites.lstrip(),
    )
    assert crosscheck.STEP_MAX == 15 and crosscheck.STEP_MIN == 8


def test_the_why_limits_in_the_guide_and_the_form_are_the_schemas() -> None:
    why = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text())["properties"]["why"]
    limits = f"{why['minLength']} to {why['maxLength']} characters"
    assert limits in section("Add a resource")
    assert limits in (ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml").read_text()
