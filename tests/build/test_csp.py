"""Every page carries a Content-Security-Policy that allows exactly its own inline scripts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hooks import csp


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policy: str | None = None
        self.script_before_policy = False
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = self.policy or a.get("content") or ""
        if tag == "script" and self.policy is None:
            self.script_before_policy = True
        self.handlers += [f"<{tag} {k}>" for k in a if k.startswith("on")]


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_every_page_hashes_each_of_its_inline_scripts_and_allows_nothing_else(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = _Head()
        head.feed(html)
        where = path.relative_to(site_dir).as_posix()
        assert head.policy, f"{where}: no Content-Security-Policy"
        assert not head.script_before_policy, f"{where}: a script comes before the policy"
        assert head.handlers == [], f"{where}: inline event handlers {head.handlers}"
        d = directives(head.policy)
        scripts = d["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, where
        assert csp.PLACEHOLDER not in head.policy, f"{where}: the hashes were never filled in"
        inline = csp.inline_scripts(html)
        for body in inline:
            assert csp.source(body) in scripts, f"{where}: an inline script has no hash: {body[:80]!r}"
        hashes = [s for s in scripts if s.startswith("'sha256-")]
        assert len(hashes) == len({csp.source(b) for b in inline}), f"{where}: a hash allows a script not on the page"
        assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'self'"], where
        assert d["default-src"] == ["'self'"] and d["style-src"] == ["'self'"], where
        assert d["img-src"] == ["'self'", "data:"], where


def test_a_script_added_after_hashing_is_not_allowed() -> None:
    page = f'<meta http-equiv="Content-Security-Policy" content="script-src \'self\' {csp.PLACEHOLDER}"><script>a()</script>'
    done = csp.apply(page)
    assert csp.source("a()") in done and csp.PLACEHOLDER not in done
    later = done + "<script>evil()</script>"
    assert csp.source("evil()") not in re.search(r'content="([^"]*)"', later).group(1)


def test_only_scripts_a_browser_runs_are_hashed() -> None:
    html = (
        '<script>one()</script><script type="module">two()</script>'
        '<script id="__config" type="application/json">{"x": 1}</script><script defer src="a.js"></script>'
    )
    assert csp.inline_scripts(html) == ["one()", "two()"]
