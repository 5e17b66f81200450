"""What one build knows, shared by the MkDocs hooks and the macros module.

``site_hooks.on_config`` starts a fresh state for each build (``mkdocs serve``
rebuilds in the same process); the hooks fill it before any page renders and
the macros read it while pages render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hooks.checklists import Lesson
from hooks.data import SiteData


@dataclass
class BuildState:
    data: SiteData = field(default_factory=lambda: SiteData({}, {}))
    lessons: list[Lesson] = field(default_factory=list)
    steps: dict[int, dict[str, str]] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    # Abbreviation definitions from the glossary, appended to every page.
    abbreviations: dict[str, str] = field(default_factory=dict)


_current = BuildState()


def reset() -> BuildState:
    global _current
    _current = BuildState()
    return _current


def current() -> BuildState:
    return _current
