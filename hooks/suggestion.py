"""From a "Suggest a resource" issue to a data file, without git.

When a maintainer labels such an issue ``accepted``, the workflow
``.github/workflows/suggestion.yml`` runs ``python -m hooks.suggestion`` on the
issue's body. :func:`convert` reads the form's answers and returns the YAML of
``data/resources/<id>.yml`` and the problems found; the command writes the file
only when there are none, and writes what the workflow needs next (the id, the
pull request's title and body, the commit message, or the comment that lists
the problems).

Every answer is hostile: it is parsed as text, never evaluated; it is checked
against the project's own schema before anything is written; the YAML is
produced by a YAML emitter and read back; the id is derived from the title
with ``[a-z0-9-]`` only, so the file lands in ``data/resources/`` and nowhere
else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from hooks import data

FORM = data.ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml"
RESOURCES = data.ROOT / "data" / "resources"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LOGIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
MAX_BODY = 65_536  # GitHub's own limit for an issue body
NO_ANSWER = "_No response_"
# Text that would read as markup or as a link wherever a title is shown.
MARKUP_RE = re.compile(r"<\s*/?\s*[a-zA-Z!]|\]\(|javascript:|data:text", re.I)
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass
class Suggestion:
    """What one issue body turns into."""

    id: str = ""
    yaml_text: str = ""
    entry: dict[str, object] = field(default_factory=dict)
    replaces: str = ""
    experience: str = ""
    problems: list[str] = field(default_factory=list)


def form_labels(form: Path = FORM) -> dict[str, str]:
    """The issue form's field labels (the headings in the issue body), mapped to their ids."""
    spec = yaml.safe_load(form.read_text(encoding="utf-8"))
    return {item["attributes"]["label"]: item["id"] for item in spec["body"] if "id" in item}


def parse_body(body: str, labels: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split an issue-form body into {field id: answer}.

    GitHub writes each answer under a ``### <label>`` heading. A heading that
    appears twice (someone typed one inside an answer) makes the body ambiguous,
    so it is refused rather than guessed.
    """
    if len(body) > MAX_BODY:
        return {}, [f"the issue body has {len(body)} characters; at most {MAX_BODY} are read"]
    answers: dict[str, list[str]] = {}
    problems: list[str] = []
    current: str | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = line[4:].strip() if line.startswith("### ") else None
        if heading is not None and heading in labels:
            current = labels[heading]
            if current in answers:
                problems.append(f"the heading '### {heading}' appears twice; keep it only above its own answer")
            answers[current] = []
        elif current is not None:
            answers[current].append(line)
    out = {}
    for key, lines in answers.items():
        text = "\n".join(lines).strip()
        out[key] = "" if text == NO_ANSWER else text
    return out, problems


def slug(title: str, max_length: int = 60) -> str:
    """The id for a title: ASCII lower-case words joined by hyphens, at most ``max_length`` characters."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length:
            return out or word[:max_length]
        out = candidate
    return out


def _plain_text(name: str, value: str, *, one_line: bool) -> list[str]:
    """Problems with a text answer: control characters, bidi overrides, markup, line breaks."""
    problems = []
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value) or BIDI & set(value):
        problems.append(f"{name}: contains control or text-direction characters; write plain text")
    if one_line and "\n" in value:
        problems.append(f"{name}: write it on one line")
    if MARKUP_RE.search(value):
        problems.append(f"{name}: looks like HTML or a Markdown link; write plain text, without <...> or [...](...)")
    return problems


def _https(name: str, value: str) -> list[str]:
    shown = value if len(value) <= 120 else value[:117] + "..."
    if not value.startswith("https://") or any(c.isspace() for c in value):
        return [f"{name}: {shown!r} is not an https:// address (one address, no spaces)"]
    parts = urlsplit(value)
    if not parts.hostname or "." not in parts.hostname or parts.username or parts.password:
        return [f"{name}: {shown!r} has no usable host name (and no user name or password)"]
    return []


def _steps(answers: dict[str, str]) -> tuple[list[int], list[str]]:
    raw = [answers.get("main_step", ""), *re.split(r"[,\s]+", answers.get("other_steps", ""))]
    steps: list[int] = []
    for item in (r.strip() for r in raw):
        if not item:
            continue
        if not item.isdigit() or not 1 <= int(item) <= 10:
            return [], [f"steps: {item[:20]!r} is not a step number from 1 to 10"]
        if int(item) not in steps:
            steps.append(int(item))
    if not answers.get("main_step", "").strip():
        return [], ["Main step: pick the step it serves best"]
    if len(steps) > 4:
        return steps, [f"steps: {len(steps)} steps chosen; pick the main step and at most three others"]
    return steps, []


def _text_fields(answers: dict[str, str]) -> tuple[dict[str, object], list[str]]:
    problems: list[str] = []
    title = answers.get("title", "").strip()
    author = answers.get("author", "").strip()
    why = " ".join(answers.get("why", "").split())  # one paragraph, whatever the line breaks
    for name, value, one_line in (("Title", title, True), ("Author", author, True), ("Why", why, False)):
        problems += _plain_text(name, value, one_line=one_line)
    url = answers.get("url", "").strip()
    problems += _https("Address", url)
    sources = [s.strip().lstrip("-*").strip() for s in answers.get("sources", "").split("\n") if s.strip()]
    if not sources:
        problems.append("Sources: give at least one https:// address, one per line")
    for n, src in enumerate(sources[:20], 1):
        problems += _https(f"Sources, line {n}", src)
    if len(sources) > 20:
        problems.append(f"Sources: {len(sources)} lines; give at most 20")
    entry: dict[str, object] = {"title": title, "url": url}
    return {**entry, "author": author, "why": why, "sources": list(dict.fromkeys(sources))}, problems


def convert(body: str, *, today: dt.date, existing: set[str], form: Path = FORM) -> Suggestion:
    """Turn an issue body into the YAML of a resource file, or say exactly what is wrong."""
    answers, problems = parse_body(body, form_labels(form))
    out = Suggestion(problems=problems)
    if problems:
        return out
    if "[x]" not in answers.get("not_listed", "").lower():
        out.problems.append("Is it already listed?: tick the box once you have searched the Resources page")
    texts, found = _text_fields(answers)
    out.problems += found
    steps, found = _steps(answers)
    out.problems += found
    title = str(texts["title"])
    out.id = slug(title)
    if len(out.id) < 3:
        out.problems.append("Title: too short to make an id from (it needs at least three letters or digits)")
    elif out.id in existing:
        out.problems.append(
            f"data/resources/{out.id}.yml already exists: search the Resources page for it; if this is another "
            "resource with the same title, a maintainer picks another id by hand"
        )
    out.entry = {
        "id": out.id,
        "title": title,
        "url": texts["url"],
        "type": answers.get("type", "").strip(),
        "steps": steps,
        "cost": answers.get("cost", "").strip(),
        "level": answers.get("level", "").strip(),
        "author": texts["author"],
        "why": texts["why"],
        "added_on": today.isoformat(),
        "checked_on": today.isoformat(),
        "sources": texts["sources"],
    }
    display = f"data/resources/{out.id or 'the-new-file'}.yml"
    for problem in data.schema_problems(out.entry, "resource.schema.json", display, out.id):
        if not any(problem.field and p.startswith(_label(problem.field)) for p in out.problems):
            out.problems.append(f"{_label(problem.field)}: {problem.message}")
    out.replaces = " ".join(answers.get("replaces", "").split())[:200]
    out.experience = answers.get("experience", "").strip()[:4000]
    if not out.problems:
        out.yaml_text = to_yaml(out.entry)
    return out


_LABELS = {"url": "Address", "why": "Why", "author": "Author", "title": "Title", "steps": "Main step", "id": "Title"}


def _label(fld: str) -> str:
    """The form's name for a schema field, so the problem points at the answer to change."""
    base = fld.split("[", 1)[0]
    return _LABELS.get(base, base.replace("_", " ").capitalize())


class _Flow(list):  # type: ignore[type-arg]
    """A list written [2, 3], as the steps are in every data file."""


class _Folded(str):
    """Text written as a folded block (why: >-), as in every data file."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    """The house style, and dates left unquoted: the project's loader reads them as text."""


_Dumper.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=">"))


def to_yaml(entry: dict[str, object]) -> str:
    """The file's text, written by the YAML emitter (so no answer can add a key) and read back to be sure."""
    styled = {
        **entry,
        "steps": _Flow(entry["steps"]) if isinstance(entry["steps"], list) else entry["steps"],
        "why": _Folded(entry["why"]),
    }
    text = "# yaml-language-server: $schema=../schema/resource.schema.json\n" + yaml.dump(
        styled, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "entry.yml"
        path.write_text(text, encoding="utf-8")
        read, problems = data.read_yaml(path, "entry.yml")  # the project's own loader
    if problems or read != entry:
        raise ValueError("the YAML did not read back as the same entry")
    return text


def fenced(text: str) -> str:
    """``text`` in a code block no backtick run inside it can close."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def problems_comment(problems: list[str]) -> str:
    """The comment for answers that cannot become a data file: the person can fix these."""
    listing = "\n".join(f"- {p}" for p in problems)
    return (
        "Thank you for the suggestion. Before it can become a pull request, these answers need a change. "
        "Edit the issue (the ... menu, then Edit), and a maintainer will add the `accepted` label again.\n\n"
        f"{fenced(listing)}\n"
    )


def check_comment(output: str, max_lines: int = 60) -> str:
    """The comment for a data file that the project's data check refused: usually the maintainer's move."""
    lines = [line for line in output.splitlines() if line.strip()]
    if lines and lines[0].rstrip().endswith("in the data files:"):
        lines = lines[1:]
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... and {len(lines) - max_lines} more lines"]
    return (
        "Thank you for the suggestion. Your answers made a data file, but the project's data check "
        "(`make check-data`) refused it. When the step is full, a maintainer chooses the resource this one "
        "replaces and finishes it by hand (MAINTAINING.md, 'From a suggestion to a merged file'); a problem "
        "with one of your answers you can fix by editing the issue.\n\n"
        f"{fenced(chr(10).join(lines))}\n"
    )


def pull_request(s: Suggestion, issue: int, login: str, user_id: int) -> tuple[str, str, str]:
    """The pull request's title and body and the commit message, crediting the person who suggested it."""
    title = f"Add resource: {s.id}"
    replaces = f"\n\nIt replaces, according to the suggestion:\n\n{fenced(s.replaces)}" if s.replaces else ""
    body = (
        f"Suggested by @{login} in #{issue}, converted by the suggestion workflow. Closes #{issue}.\n\n"
        f"Before merging, a maintainer checks the address, the cost and the sources again, sets `checked_on` "
        f"to the day they did, and follows MAINTAINING.md, 'From a suggestion to a merged file'.{replaces}\n\n"
        f"How @{login} used it:\n\n{fenced(s.experience)}\n"
    )
    message = (
        f"Add resource {s.id} (suggested in #{issue})\n\n"
        f"Co-authored-by: {login} <{user_id}+{login}@users.noreply.github.com>\n"
    )
    return title, body, message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--body-file", type=Path, help="the issue's body, as a file")
    parser.add_argument("--issue", type=int, default=0)
    parser.add_argument("--login", default="")
    parser.add_argument("--user-id", type=int, default=0)
    parser.add_argument("--out-dir", type=Path, required=True, help="where the workflow's next inputs go")
    parser.add_argument("--check-output", type=Path, help="turn `make check-data` output into comment.md")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.check_output:
        output = args.check_output.read_text(encoding="utf-8", errors="replace")
        (args.out_dir / "comment.md").write_text(check_comment(output), encoding="utf-8")
        return 0
    body = args.body_file.read_text(encoding="utf-8", errors="replace")
    existing = {p.stem for p in RESOURCES.glob("*.yml")}
    s = convert(body, today=dt.date.today(), existing=existing)
    if not LOGIN_RE.match(args.login):
        s.problems.append("the workflow passed no valid GitHub login for the person to credit")
    if s.problems:
        (args.out_dir / "comment.md").write_text(problems_comment(s.problems), encoding="utf-8")
        print("\n".join(s.problems), file=sys.stderr)
        return 1
    target = (RESOURCES / f"{s.id}.yml").resolve()
    if not ID_RE.match(s.id) or target.parent != RESOURCES.resolve():
        raise SystemExit(f"refusing to write outside data/resources/: {s.id!r}")
    target.write_text(s.yaml_text, encoding="utf-8")
    title, pr_body, message = pull_request(s, args.issue, args.login, args.user_id)
    for name, text in (("id.txt", s.id), ("pr-title.txt", title), ("pr-body.md", pr_body), ("commit.txt", message)):
        (args.out_dir / name).write_text(text, encoding="utf-8")
    print(f"wrote data/resources/{s.id}.yml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
