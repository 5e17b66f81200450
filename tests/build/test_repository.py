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


def test_the_resource_form_asks_for_every_schema_field_with_the_same_choices() -> None:
    schema = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text())
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml").read_text())
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    filled_by_maintainers = {"id", "added_on", "checked_on"}
    for name in set(schema["required"]) - filled_by_maintainers:
        assert name in fields, f"the form has no field for '{name}'"
        assert fields[name]["validations"]["required"] is True, name
    for name, spec in schema["properties"].items():
        if "enum" in spec:
            assert fields[name]["attributes"]["options"] == spec["enum"], name
    steps = schema["properties"]["steps"]["items"]
    assert fields["steps"]["attributes"]["options"] == [str(n) for n in range(steps["minimum"], steps["maximum"] + 1)]
    assert set(fields) - set(schema["properties"]) == {"experience"}


def test_readme_shows_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Set up", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
