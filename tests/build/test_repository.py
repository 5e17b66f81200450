"""The repository's own promises: workflows lint clean, forms match the schema, README shows the two commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_actionlint_finds_nothing() -> None:
    done = subprocess.run(
        [str(BIN / "actionlint"), *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing() -> None:
    done = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", str(ROOT / ".github")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_action_is_pinned_by_commit_with_its_version() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert __import__("re").search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d", line), (
                    f"{path.name}: {line.strip()}"
                )


def test_ci_runs_the_readme_test_command_on_pull_requests_and_pushes() -> None:
    ci = workflow("ci.yml")
    assert set(ci["on"]) >= {"pull_request", "push"}
    assert ci["permissions"] == {"contents": "read"}
    job = ci["jobs"]["test"]
    assert job["container"]["image"] == "python:3.11-bookworm"
    assert any(step.get("run") == "bash .ci/run" for step in job["steps"])
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_deploy_publishes_main_with_the_least_permissions() -> None:
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in deploy["on"]
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "permissions" not in deploy["jobs"]["build"]
    job = deploy["jobs"]["deploy"]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    build_steps = deploy["jobs"]["build"]["steps"]
    build = next(s for s in build_steps if s.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "github.repository" in build["env"]["REPO_URL"]


@pytest.mark.parametrize("name", ["links.yml", "stale-data.yml"])
def test_scheduled_checks_open_issues_but_never_block_pull_requests(name: str) -> None:
    flow = workflow(name)
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    assert flow["permissions"] == {"contents": "read"}
    job = next(iter(flow["jobs"].values()))
    assert job["permissions"] == {"contents": "read", "issues": "write"}


def test_checkouts_do_not_persist_credentials() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                if "actions/checkout" in step.get("uses", ""):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_dependabot_never_proposes_mkdocs_2() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    pip = next(u for u in config["updates"] if u["package-ecosystem"] == "pip")
    assert {"dependency-name": "mkdocs", "versions": [">=2"]} in pip["ignore"]
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions", "docker"}


def issue_form(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text())


def test_the_resource_form_asks_for_every_schema_field_with_the_same_choices() -> None:
    schema = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text())
    fields = {item["id"]: item for item in issue_form("suggest-resource.yml")["body"] if "id" in item}
    filled_by_maintainers = {"id", "added_on", "checked_on"}
    for name in set(schema["required"]) - filled_by_maintainers - {"steps"}:
        assert name in fields, f"the form has no field for '{name}'"
        assert fields[name]["validations"]["required"] is True, name
    for name, spec in schema["properties"].items():
        if "enum" in spec:
            assert fields[name]["attributes"]["options"] == spec["enum"], name
    # Steps: one required main step, then optional others, so the order is kept.
    steps = schema["properties"]["steps"]["items"]
    numbers = [str(n) for n in range(steps["minimum"], steps["maximum"] + 1)]
    main, others = fields["main_step"], fields["other_steps"]
    assert main["attributes"]["options"] == numbers and not main["attributes"].get("multiple")
    assert main["validations"]["required"] is True
    assert others["attributes"]["options"] == numbers and others["attributes"]["multiple"] is True
    assert others["validations"]["required"] is False
    assert set(fields) - set(schema["properties"]) == {
        "not_listed",
        "main_step",
        "other_steps",
        "replaces",
        "experience",
    }


def test_the_resource_form_asks_first_whether_it_is_already_listed() -> None:
    body = [item for item in issue_form("suggest-resource.yml")["body"] if "id" in item]
    assert body[0]["id"] == "not_listed" and body[0]["type"] == "checkboxes"
    assert body[0]["attributes"]["options"][0]["required"] is True
    assert "Resources page" in body[0]["attributes"]["description"]


def test_readers_broken_link_reports_and_the_link_check_share_one_label() -> None:
    (label,) = issue_form("broken-link.yml")["labels"]
    run = next(s["run"] for s in workflow("links.yml")["jobs"]["links"]["steps"] if "gh issue" in s.get("run", ""))
    assert f"gh label create {label} " in run and f"--label {label} " in run
    # It updates only the issue it opened itself, never a reader's report with the same label.
    assert "select(.author.is_bot and .title == " in run


def test_no_issue_form_applies_the_label_that_starts_the_suggestion_workflow() -> None:
    for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"):
        if path.name != "config.yml":
            assert "accepted" not in yaml.safe_load(path.read_text()).get("labels", []), path.name


def test_the_suggestion_workflow_runs_only_on_the_accepted_label_with_the_least_permissions() -> None:
    flow = workflow("suggestion.yml")
    assert flow["on"] == {"issues": {"types": ["labeled"]}}
    assert flow["permissions"] == {}
    (job,) = flow["jobs"].values()
    assert "github.event.label.name == 'accepted'" in job["if"]
    assert "contains(github.event.issue.labels.*.name, 'resource')" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    steps = {s["name"]: s for s in job["steps"]}
    convert = steps["Turn the form's answers into a data file"]
    assert convert["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert "python -m hooks.suggestion --body-file" in convert["run"]
    assert "make --silent check-data" in steps["Run the data check"]["run"]
    opening = steps["Open the pull request"]["run"]
    assert 'path="data/resources/$id.yml"' in opening and '[[ "$id" =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]]' in opening


def test_no_workflow_expands_an_expression_inside_a_shell_script() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}: pass it through env"


@pytest.mark.parametrize("name", ["suggestion.yml", "links.yml"])
def test_zizmor_pedantic_finds_nothing(name: str) -> None:
    done = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", "--pedantic", str(WORKFLOWS / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_shows_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Set up", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
