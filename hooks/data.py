"""Load and validate the guide's data files.

One library, called from three places: the build (``hooks/site_hooks.py``),
the tests, and ``make check-data`` (``python -m hooks.check_data``).

Every problem becomes a :class:`hooks.problems.Problem` naming the file, the
entry and the field, and all problems are collected before anything fails, so a contributor
fixes everything in one round.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import os
import re
import stat
import subprocess
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import yaml

from hooks.problems import Problem, clip, quote, report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMAS = DATA / "schema"


class DataError(Exception):
    """Raised with every problem found, so all of them are reported at once."""

    def __init__(
        self, problems: Iterable[Problem], where: str = "the data files (run `make check-data` to see them again)"
    ):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(report(self.problems, where))


# --------------------------------------------------------------------------
# YAML: strict about what a contributor can get wrong silently.


# LibYAML's parser when PyYAML was built with it (the wheels are): 5-10x faster.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader that keeps dates as text and refuses duplicate keys."""


# Dates stay strings so the schema checks their form and we parse them once.
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        # `? [a, b]: 1` makes a list a key: refuse it before Python tries to hash it.
        if not isinstance(key_node, yaml.ScalarNode):
            raise DuplicateKey(None, None, "a key must be a plain name, not a list or a group", key_node.start_mark)
        key = loader.construct_object(key_node)
        if not isinstance(key, str):
            raise DuplicateKey(None, None, f"the key {quote(key)} is not a name", key_node.start_mark)
        if key in seen:
            raise DuplicateKey(None, None, f"the key {quote(key)} appears twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


MAX_FILE_BYTES = 512 * 1024


def _file_problem(path: Path) -> str | None:
    """Why ``path`` is not a plain data file of this repository, or None.

    Symbolic links are refused outright: one could point outside the
    repository or at a device (reading /dev/zero never ends).
    """
    try:
        info = path.lstat()
    except OSError as err:
        return f"cannot be read ({clip(err.strerror or str(err))})"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; data files must be plain files in the repository"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder; expected a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a plain file"
    if info.st_size > MAX_FILE_BYTES:
        return f"has {info.st_size} bytes; a data file holds at most {MAX_FILE_BYTES}"
    return None


def _anchor_problem(text: str) -> str | None:
    """Anchors (&a) and aliases (*a) are refused: nested aliases expand exponentially (an "alias bomb")."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            line = event.start_mark.line + 1
            return f"is not valid here (line {line}: an anchor (&name) or alias (*name); write the value out instead)"
    return None


def read_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; a syntax error becomes a Problem with its line."""
    bad_file = _file_problem(path)
    if bad_file:
        return None, [Problem(display, bad_file)]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, "is not UTF-8 text")]
    except OSError as err:
        return None, [Problem(display, f"cannot be read ({clip(err.strerror or str(err))})")]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [Problem(display, "is empty: expected the fields of one entry")]
    try:
        anchors = _anchor_problem(text)
        if anchors:
            return None, [Problem(display, anchors)]
        return yaml.load(text, Loader=_StrictLoader), []
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        what = " ".join(clip(str(err.problem or err), 200).split())
        return None, [Problem(display, f"is not valid YAML ({line}{what}){yaml_hint(what, text, mark)}")]
    except yaml.YAMLError as err:
        what = " ".join(clip(str(err), 200).split())
        return None, [Problem(display, f"is not valid YAML ({what})")]


# --------------------------------------------------------------------------
# Schema: messages a contributor understands.


def load_schema(name: str) -> dict[str, Any]:
    with (SCHEMAS / name).open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


# cost, exam and renewal each need an explicit answer; a missing one is never a default sentence.
DECISIONS = {
    "cost": "give amount and currency, varies_by_provider: true, or not_published (where to ask); write none if it is free",
    "exam": "give the published exam facts, none if there is no exam, or not_published (where to ask)",
    "renewal": "give the published renewal rules, none if it does not expire, or not_published (where to ask)",
}


def _field_name(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _plain_message(err: jsonschema.ValidationError) -> tuple[str, str]:
    """Turn a jsonschema error into (field, message) in plain words."""
    fld = _field_name(err.absolute_path)
    v = err.validator
    value = err.instance
    if v in ("required", "oneOf", "anyOf") and (decision := _decision_message(err)):
        return decision
    if v == "required":
        missing = str(err.message).split("'")[1]
        return _field_name([*err.absolute_path, missing]), "is missing: this field is required"
    if v == "additionalProperties":
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        extra = sorted(set(value) - set(err.schema.get("properties", {})))
        names = ", ".join(f"'{k}'" for k in extra)
        return fld, f"has unknown field {names}; the allowed fields are: {allowed}"
    if v == "enum":
        options = ", ".join(str(o) for o in err.validator_value)
        return fld, f"is {quote(value)}; expected one of: {options}"
    if v == "type":
        return fld, f"is {quote(value)} ({_type_name(value)}); expected {err.validator_value}"
    if v == "pattern":
        # The schema says, beside each pattern, what it expects in words ("x-message").
        expected = err.schema.get("x-message") or f"expected text matching {err.validator_value}"
        return fld, f"is {quote(value)}; {expected}"
    if v in ("minLength", "maxLength"):
        return (
            fld,
            f"has {len(value)} characters; expected {'at least' if v == 'minLength' else 'at most'} {err.validator_value}",
        )
    if v in ("minItems", "maxItems"):
        return (
            fld,
            f"has {len(value)} items; expected {'at least' if v == 'minItems' else 'at most'} {err.validator_value}",
        )
    if v in ("minimum", "maximum", "exclusiveMinimum"):
        return (
            fld,
            f"is {quote(value)}; expected a number {'at least' if v == 'minimum' else 'at most' if v == 'maximum' else 'above'} {err.validator_value}",
        )
    if v == "uniqueItems":
        return fld, "lists the same value twice"
    if v == "dependentRequired":
        return fld, f"needs both amount and currency ({err.message})"
    if v == "minProperties":
        return fld, "is empty: leave the block out instead"
    return fld, clip(str(err.message), 200)


def _decision_message(err: jsonschema.ValidationError) -> tuple[str, str] | None:
    """Messages for cost, exam and renewal: a value, none, or not_published."""
    fld = _field_name(err.absolute_path)
    if err.validator == "required":
        missing = str(err.message).split("'")[1]
        # Only where the schema offers the choice (certifications): a resource's cost is another field.
        choice = err.schema.get("properties", {}).get(missing, {})
        if missing in DECISIONS and not err.absolute_path and "oneOf" in choice:
            return missing, f"is missing: {DECISIONS[missing]}"
        return None
    if err.validator == "oneOf":
        # A block of fields: report what is wrong inside the block, not the "none" branch.
        inner = [e for e in err.context or [] if e.validator != "const"]
        if isinstance(err.instance, dict) and inner:
            return _plain_message(jsonschema.exceptions.best_match(inner))
        return fld, f"is {err.instance!r}; {DECISIONS.get(fld, 'expected none or a block of fields')}"
    if err.validator == "anyOf" and fld == "cost":
        return fld, f"gives no price: {DECISIONS['cost']}"
    return None


def _type_name(value: Any) -> str:
    if value is None:
        return "empty"
    return {
        dict: "a group of fields",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
    }.get(type(value), type(value).__name__)


_DATE_CHECKER = jsonschema.FormatChecker()


def _is_integer(_checker: Any, instance: Any) -> bool:
    """Only a whole number written as one: JSON Schema would take 9.0 as an integer."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@functools.cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern with JSON Schema's meaning of a final ``$``: the very end.

    Python's ``$`` also matches before a trailing newline, so ``"url\\n"`` would
    pass ``^https://...$``; ``\\Z`` does not. The schema keeps ``$`` so editors
    that read it (ECMA-262 regular expressions) agree.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterable[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{quote(instance)} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@functools.cache
def validator_for(schema_name: str) -> Any:
    """One validator per schema file: building it is most of the cost of validating."""
    return _Validator(load_schema(schema_name), format_checker=_DATE_CHECKER)


def schema_problems(entry: Any, schema_name: str, display: str, entry_id: str) -> list[Problem]:
    validator = validator_for(schema_name)
    problems = []
    for err in validator.iter_errors(entry):
        fld, msg = _plain_message(err)
        msg = contributor_hint(err, msg)
        problems.append(Problem(display, msg, entry=entry_id, field=fld))
    return problems


# --------------------------------------------------------------------------
# Hints: what to do about a message, for someone who has never seen YAML.


def yaml_hint(problem: str, text: str, mark: Any) -> str:
    """The fix for the YAML mistakes contributors make most, or ''."""
    lines = text.splitlines()
    line = lines[mark.line] if mark is not None and 0 <= mark.line < len(lines) else ""
    if "mapping values are not allowed" in problem:
        key, _, value = line.partition(":")
        value = value.strip()
        if key.strip() and value and not key.startswith((" ", "-")):
            return f"; a value that contains ': ' goes in double quotes: {key.strip()}: {json.dumps(value, ensure_ascii=False)}"
        return "; a value that contains ': ' goes in double quotes"
    if "could not find expected ':'" in problem:
        return "; each line is 'field: value', and a value that runs on goes on lines indented under its field"
    if "cannot start any token" in problem:
        return "; a value that starts with @, ` or % goes in double quotes"
    return ""


def contributor_hint(err: jsonschema.ValidationError, message: str) -> str:
    """Add a suggestion to a schema message: the likely field or value, the shape expected."""
    value = err.instance
    if err.validator == "additionalProperties" and isinstance(value, dict):
        known = list(err.schema.get("properties", {}))
        guesses = [
            f"did you mean '{match[0]}' instead of '{extra}'?"
            for extra in sorted(set(value) - set(known), key=str)
            if (match := difflib.get_close_matches(str(extra).lower(), known, n=1, cutoff=0.6))
        ]
        return "; ".join([message, *guesses])
    if err.validator == "enum" and isinstance(value, str):
        options = [o for o in err.validator_value if isinstance(o, str)]
        match = difflib.get_close_matches(value.lower().strip(), options, n=1, cutoff=0.6)
        return f"{message}; did you mean '{match[0]}'?" if match else message
    if (
        err.validator == "type"
        and err.validator_value == "array"
        and isinstance(value, int | float | str)
        and value is not True
        and value is not False
    ):
        if isinstance(value, str) and not value.replace(",", " ").replace(" ", "").isdigit():
            example = json.dumps([value], ensure_ascii=False)
        else:
            example = f"[{value}]"
        return f"is {value!r} ({_type_name(value)}); expected a list, such as {example}"
    if err.validator == "minLength" and isinstance(err.schema.get("description"), str):
        return f"{message} ({err.schema['description']})"
    if err.validator == "format" and err.validator_value == "date":
        return f"is {value!r}; expected a real date written YYYY-MM-DD"
    return message


# --------------------------------------------------------------------------
# Rules the schema cannot say.


# Invisible characters: controls (but a newline or tab in folded text), bidi
# overrides and zero-width characters (format), private-use, surrogates and
# unassigned code points. They can reorder what a reader sees or make two
# different-looking values equal (or two equal-looking values differ).
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn"}
_ALLOWED_CONTROLS = {"\n", "\t"}
_WORD = re.compile(r"[^\W\d_]{2,}")
# Addresses: https, a plain host name (no user name, no port), and none of the
# characters that could end an attribute or a Markdown link or hide where it goes.
_URL = re.compile(r"https://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][!#$%&()*+,\-./0-9:;=?@A-Z\[\]_a-z~]*)?\Z")


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name: LATIN, CYRILLIC, GREEK, ..."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def string_problem(value: str) -> str | None:
    """Why a text field is refused, or None: invisible characters, or one word in two scripts."""
    for n, char in enumerate(value):
        if unicodedata.category(char) in _REFUSED_CATEGORIES and char not in _ALLOWED_CONTROLS:
            name = unicodedata.name(char, "a control character")
            return f"has an invisible or control character (U+{ord(char):04X} {name}) at position {n + 1}; remove it"
    for word in _WORD.findall(unicodedata.normalize("NFKC", value)):
        scripts = {_script(c) for c in word}
        if len(scripts) > 1:
            # A Cyrillic "с" in "Sсrum" looks Latin: a look-alike that defeats duplicate checks.
            return f"has the word {quote(word)}, which mixes letters of {' and '.join(sorted(scripts))}; retype it"
    return None


# The same words as the schema's "x-message" for its https pattern (a test keeps them equal),
# so an address refused by both is reported once.
URL_EXPECTED = (
    "expected an address that starts with https://, with a plain host name "
    "(no user name, no port) and no spaces, quotes, <, >, {, }, |, ^ or backslashes"
)


def url_problem(value: str) -> str | None:
    """Why an address is refused, or None."""
    return None if _URL.match(value) else f"is {quote(value)}; {URL_EXPECTED}"


def _is_url_field(path: tuple[Any, ...]) -> bool:
    names = [p for p in path if isinstance(p, str)]
    return bool(names) and (names[-1] in ("url", "sources") or names[-1].endswith("_url"))


def text_problems(value: Any, display: str, entry_id: str, path: tuple[Any, ...] = ()) -> list[Problem]:
    """Every string of an entry, wherever it sits: no invisible characters; addresses strictly https."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in text_problems(v, display, entry_id, (*path, k))]
    if isinstance(value, list):
        return [p for n, v in enumerate(value) for p in text_problems(v, display, entry_id, (*path, n))]
    if not isinstance(value, str):
        return []
    why = string_problem(value) or (url_problem(value) if _is_url_field(path) else None)
    return [Problem(display, why, entry=entry_id, field=_field_name(path))] if why else []


# Cyrillic and Greek letters drawn like Latin ones. A title written wholly in them
# ("ТНЕ МОМ ТЕЅТ", every word wholly Cyrillic) passes the mixed-script rule;
# for uniqueness each counts as the Latin letter it imitates.
_LOOKALIKES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеорсухіјѕԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
    "ABESIJKMHOPCTXYaeopcyxijsdhlABEZHIKMNOPTYXov",
)


def same_text(value: str) -> str:
    """The form two values are compared in for uniqueness: NFKC, look-alikes as Latin, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", value).translate(_LOOKALIKES).casefold().split())


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def date_problems(
    entry: Mapping[str, Any], fields: Iterable[str], display: str, entry_id: str, today: dt.date
) -> list[Problem]:
    problems = []
    for name in fields:
        value = entry.get(name)
        if value is None:
            continue
        parsed = _parse_date(value)
        if parsed is None:
            problems.append(
                Problem(
                    display, f"is {quote(value)}; expected a real date written YYYY-MM-DD", entry=entry_id, field=name
                )
            )
        elif parsed > today:
            problems.append(
                Problem(display, f"is {value}, which is in the future (today is {today})", entry=entry_id, field=name)
            )
    return problems


def unique_problems(
    entries: Iterable[tuple[str, str, Mapping[str, Any]]],
    key: str,
    normalise: Callable[[str], str] = str,
    *,
    newer: Callable[[], Mapping[str, int]] | None = None,
) -> list[Problem]:
    """Entries are (display, id, data); when several share a value, report every one but the oldest.

    ``newer`` gives the files new since git's base commit, with the time each was
    last saved (called only when there is a duplicate). The oldest entry is the one
    in the base commit, else the one with the earlier ``added_on``, else (both new)
    the one saved first, else the earlier file name: the problem lands on the file
    the contributor just added, not on the entry already published.
    """
    groups: dict[str, list[tuple[str, str, Mapping[str, Any]]]] = {}
    for display, entry_id, data in entries:
        value = data.get(key)
        if isinstance(value, str):
            groups.setdefault(normalise(same_text(value)), []).append((display, entry_id, data))
    problems = []
    new_files: Mapping[str, int] | None = None
    for group in groups.values():
        if len(group) < 2:
            continue
        if new_files is None:
            new_files = newer() if newer else {}
        ordered = sorted(group, key=lambda e: age_key(e[0], e[2], new_files))
        first_display, first_id, first = ordered[0]
        for display, entry_id, data in ordered[1:]:
            problems.append(
                Problem(
                    display,
                    f"{quote(data[key])} is already used by entry '{first_id}' in {first_display} "
                    f"({why_newer((display, data), (first_display, first), new_files)}); "
                    "improve that entry instead of adding a second one",
                    entry=entry_id,
                    field=key,
                )
            )
    return problems


def age_key(display: str, data: Mapping[str, Any], new_files: Mapping[str, int]) -> tuple[bool, str, int, str]:
    """Sorts older entries first: committed before new, earlier added_on, saved first, earlier file name."""
    added = data.get("added_on")
    return (display in new_files, added if isinstance(added, str) else "", new_files.get(display, 0), display)


def why_newer(
    newer: tuple[str, Mapping[str, Any]], older: tuple[str, Mapping[str, Any]], new_files: Mapping[str, int]
) -> str:
    """Why the problem names ``newer``'s file and not ``older``'s, in a few words."""
    if newer[0] in new_files and older[0] not in new_files:
        return "this file is new since the last commit"
    a, b = newer[1].get("added_on"), older[1].get("added_on")
    if isinstance(a, str) and isinstance(b, str) and a > b:
        return f"this entry was added later, on {a}"
    if new_files.get(newer[0], 0) > new_files.get(older[0], 0):
        return "this file was saved later"
    return "this file's name sorts later"


def git_newness(root: Path) -> dict[str, int]:
    """Files under ``root``/data that git's base commit does not have, with when each was saved.

    Paths are relative to ``root``; times are nanoseconds since the epoch.

    The base is ``$PATH_TO_PM_BASE`` (CI can pass the pull request's base) or
    ``HEAD``. Without git, or outside a repository, nothing counts as new.
    """
    base = os.environ.get("PATH_TO_PM_BASE") or "HEAD"

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, timeout=20
        ).stdout

    try:
        if Path(git("rev-parse", "--show-toplevel").strip()).resolve() != root.resolve():
            return {}
        present = set(git("ls-files", "--cached", "--others", "--exclude-standard", "--", "data").splitlines())
    except (OSError, subprocess.SubprocessError):
        return {}
    try:
        tracked = set(git("ls-tree", "-r", "--name-only", base, "--", "data").splitlines())
    except subprocess.SubprocessError:
        tracked = set()  # no commit yet: every file is new
    return {name: (root / name).stat().st_mtime_ns for name in present - tracked if (root / name).is_file()}


def normalise_url(url: str) -> str:
    url = url.strip().lower().rstrip("/")
    return url.removeprefix("https://").removeprefix("www.")


# --------------------------------------------------------------------------
# Collections: a folder with one file per entry.


@dataclass
class Collection:
    """The valid entries of one kind, in id order, and every problem found."""

    name: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    never_mark: list[str] = field(default_factory=list)
    # Every entry that parsed as fields, valid or not: (file, id, data), for the cross-checks.
    loaded: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_folder(
    folder: Path,
    schema_name: str,
    *,
    root: Path = ROOT,
    date_fields: Iterable[str] = ("checked_on",),
    unique_keys: Iterable[tuple[str, Callable[[str], str]]] = (),
    extra_rules: Callable[[str, str, dict[str, Any]], list[Problem]] | None = None,
    today: dt.date | None = None,
) -> Collection:
    """Load every ``*.yml`` in ``folder`` as one entry and validate it."""
    today = today or dt.date.today()
    coll = Collection(folder.name)
    if not folder.is_dir():
        coll.problems.append(Problem(_display(folder, root), "is missing: expected a folder of .yml files"))
        return coll
    loaded: list[tuple[str, str, dict[str, Any]]] = []
    for path in sorted(folder.iterdir()):
        display = _display(path, root)
        # Any other spelling of the ending (.yaml, .YML, .Yml) is an error, not a file quietly left out.
        if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yml":
            coll.problems.append(Problem(display, f"has the ending {path.suffix}; name it .yml"))
            continue
        if path.suffix != ".yml":
            continue
        data, problems = read_yaml(path, display)
        coll.problems.extend(problems)
        if problems:
            continue
        if not isinstance(data, dict):
            coll.problems.append(
                Problem(display, f"holds {_type_name(data)}; expected the fields of one entry (key: value lines)")
            )
            continue
        entry_id = data.get("id") if isinstance(data.get("id"), str) else path.stem
        problems = schema_problems(data, schema_name, display, entry_id)
        problems += text_problems(data, display, entry_id)
        if data.get("id") != path.stem and isinstance(data.get("id"), str):
            problems.append(
                Problem(
                    display,
                    f"is '{data['id']}' but the file is named '{path.name}'; the id and the file name must match",
                    entry=entry_id,
                    field="id",
                )
            )
        # A date the schema already refused is reported once, by the schema.
        refused = {p.field for p in problems}
        problems += [p for p in date_problems(data, date_fields, display, entry_id, today) if p.field not in refused]
        if extra_rules:
            problems += extra_rules(display, entry_id, data)
        problems = list(dict.fromkeys(problems))  # the schema and text_problems can both refuse an address
        coll.problems.extend(problems)
        loaded.append((display, entry_id, data))
        if not problems:
            coll.entries[entry_id] = data
    for key, norm in unique_keys:
        coll.problems.extend(unique_problems(loaded, key, norm, newer=lambda: git_newness(root)))
    coll.loaded = loaded
    if not loaded and not coll.problems:
        coll.problems.append(Problem(_display(folder, root), "has no .yml files"))
    return coll


# Content farms and transcript mirrors are not evidence: a source on this list is refused.
BLOCKLIST = SCHEMAS / "source-blocklist.txt"


@functools.cache
def blocklist(path: Path = BLOCKLIST) -> frozenset[str]:
    """The blocked domains, one a line; '#' starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(d for line in lines if (d := line.split("#", 1)[0].strip().lower()))


def blocked_domain(url: str, blocked: frozenset[str]) -> str | None:
    """The blocked domain ``url`` is on (the domain itself or a subdomain), or None."""
    host = urlsplit(url.strip()).hostname or ""
    return next((d for d in blocked if host == d or host.endswith("." + d)), None)


def source_problems(display: str, entry_id: str, data: dict[str, Any]) -> list[Problem]:
    """Refuse an address or a source on a blocked domain."""
    blocked = blocklist()
    found: list[tuple[str, Any]] = [("url", data.get("url"))]
    sources = data.get("sources")
    if isinstance(sources, list):
        for n, src in enumerate(sources):
            url = src.get("url") if isinstance(src, dict) else src
            found.append((f"sources[{n}]" + (".url" if isinstance(src, dict) else ""), url))
    problems = []
    for fld, url in found:
        if isinstance(url, str) and (domain := blocked_domain(url, blocked)):
            problems.append(
                Problem(
                    display,
                    f"is on {domain}, a content farm or copy site listed in data/schema/{BLOCKLIST.name}; "
                    "cite the item's own page or a reputable review",
                    entry=entry_id,
                    field=fld,
                )
            )
    return problems


def load_resources(root: Path = ROOT, today: dt.date | None = None) -> Collection:
    """The resources; the per-step limit is checked with the lessons, in ``hooks/crosscheck.py``."""
    folder = root / "data" / "resources"
    coll = load_folder(
        folder,
        "resource.schema.json",
        root=root,
        date_fields=("added_on", "checked_on"),
        unique_keys=(("url", normalise_url), ("title", lambda s: " ".join(s.lower().split()))),
        extra_rules=source_problems,
        today=today,
    )
    return coll


def load_certifications(root: Path = ROOT, today: dt.date | None = None) -> Collection:
    return load_folder(
        root / "data" / "certifications",
        "certification.schema.json",
        root=root,
        unique_keys=(("name", str.lower),),
        extra_rules=source_problems,
        today=today,
    )


def load_questions(root: Path = ROOT, today: dt.date | None = None) -> Collection:
    def lesson_exists(display: str, entry_id: str, entry: dict[str, Any]) -> list[Problem]:
        lesson = entry.get("lesson")
        problems = []
        if isinstance(lesson, str) and not (root / "docs" / lesson).is_file():
            problems.append(
                Problem(display, f"is '{lesson}', but there is no docs/{lesson}", entry=entry_id, field="lesson")
            )
        answer, covers = entry.get("answer"), entry.get("covers")
        scoring = answer.get("scoring") if isinstance(answer, dict) else None
        if isinstance(scoring, list) and isinstance(covers, list) and len(scoring) != len(covers):
            problems.append(
                Problem(
                    display,
                    f"has {len(scoring)} lines for {len(covers)} 'covers' points; score each point once, in order",
                    entry=entry_id,
                    field="answer.scoring",
                )
            )
        return problems

    return load_folder(
        root / "data" / "questions",
        "question.schema.json",
        root=root,
        date_fields=(),
        unique_keys=(("question", lambda s: " ".join(s.lower().split())),),
        extra_rules=lesson_exists,
        today=today,
    )


def load_glossary(root: Path = ROOT) -> Collection:
    """The glossary: one file, ``data/glossary.yml``; entries keyed by term."""
    path = root / "data" / "glossary.yml"
    display = _display(path, root)
    coll = Collection("glossary")
    if not path.is_file():
        coll.problems.append(Problem(display, "is missing"))
        return coll
    raw, problems = read_yaml(path, display)
    if problems:
        coll.problems += problems
        return coll
    coll.problems += schema_problems(raw, "glossary.schema.json", display, "")
    coll.problems += text_problems(raw, display, "")
    if coll.problems:
        return coll
    seen_terms: set[str] = set()
    seen_abbr: set[str] = set()
    for n, entry in enumerate(raw["terms"]):
        term = entry["term"]
        key = same_text(term)
        if key in seen_terms:
            coll.problems.append(Problem(display, "is defined twice", entry=term, field=f"terms[{n}].term"))
        seen_terms.add(key)
        abbr = entry.get("abbreviation")
        if abbr:
            if abbr in seen_abbr:
                coll.problems.append(
                    Problem(display, f"'{abbr}' is used by two terms", entry=term, field=f"terms[{n}].abbreviation")
                )
            seen_abbr.add(abbr)
        coll.entries[term] = entry
    for n, entry in enumerate(raw["terms"]):
        for other in entry.get("see_also", []):
            if same_text(other) not in seen_terms:
                coll.problems.append(
                    Problem(
                        display,
                        f"names '{other}', which is not a term in this file",
                        entry=entry["term"],
                        field=f"terms[{n}].see_also",
                    )
                )
    coll.entries = {k: coll.entries[k] for k in sorted(coll.entries, key=str.lower)}
    coll.never_mark = list(raw["never_mark"])
    return coll


@dataclass
class Cast(Collection):
    """The protagonists (``entries``, by id), the fictional companies and the retired company names."""

    companies: dict[str, dict[str, Any]] = field(default_factory=dict)
    retired: list[str] = field(default_factory=list)


def load_cast(root: Path = ROOT) -> Cast:
    """The cast, ``data/cast.yml``, which the lesson lint checks lessons against."""
    path = root / "data" / "cast.yml"
    display = _display(path, root)
    coll = Cast("cast")
    raw, coll.problems = read_yaml(path, display) if path.is_file() else (None, [Problem(display, "is missing")])
    if coll.problems:
        return coll
    coll.problems += schema_problems(raw, "cast.schema.json", display, "")
    if coll.problems:
        return coll
    companies = {c["id"]: c for c in raw["companies"]}
    seen: set[str] = set()
    for kind, items in (("protagonists", raw["protagonists"]), ("companies", raw["companies"])):
        for n, item in enumerate(items):
            if item["id"] in seen:
                coll.problems.append(Problem(display, "is used twice", entry=item["id"], field=f"{kind}[{n}].id"))
            seen.add(item["id"])
    for n, person in enumerate(raw["protagonists"]):
        if person["employer"] not in companies:
            coll.problems.append(
                Problem(
                    display,
                    "names no company under 'companies'",
                    entry=person["id"],
                    field=f"protagonists[{n}].employer",
                )
            )
    names = {c["name"].lower() for c in raw["companies"]}
    for n, old in enumerate(raw["retired"]):
        if old.lower() in names:
            coll.problems.append(
                Problem(display, "is also a company under 'companies'", entry=old, field=f"retired[{n}]")
            )
    coll.entries = {p["id"]: p for p in raw["protagonists"]}
    coll.companies, coll.retired = companies, list(raw["retired"])
    return coll


@dataclass
class SiteData:
    certifications: dict[str, dict[str, Any]]
    resources: dict[str, dict[str, Any]]
    questions: dict[str, dict[str, Any]] = field(default_factory=dict)
    glossary: dict[str, dict[str, Any]] = field(default_factory=dict)
    never_mark: list[str] = field(default_factory=list)


def load_collections(root: Path = ROOT, today: dt.date | None = None) -> dict[str, Collection]:
    """Every data collection, valid entries and problems side by side."""
    return {
        "certifications": load_certifications(root, today),
        "resources": load_resources(root, today),
        "questions": load_questions(root, today),
        "glossary": load_glossary(root),
        "cast": load_cast(root),
    }


def load_all(root: Path = ROOT, today: dt.date | None = None) -> SiteData:
    """Load everything, or raise :class:`DataError` with every problem."""
    from hooks import crosscheck  # imports this module: import it when called

    colls = load_collections(root, today)
    problems = [p for c in colls.values() for p in c.problems]
    problems += crosscheck.problems(colls, root)
    if problems:
        raise DataError(problems)
    return SiteData(
        certifications=colls["certifications"].entries,
        resources=colls["resources"].entries,
        questions=colls["questions"].entries,
        glossary=colls["glossary"].entries,
        never_mark=colls["glossary"].never_mark,
    )
