"""Comment stripping for our CSS and JavaScript keeps the code intact."""

from __future__ import annotations

from hooks import minify


def test_css_loses_comments_and_blank_lines() -> None:
    source = '/* palette */\n:root {\n  --a: 1px; /* why */\n}\n\n@media print {\n  a::after { content: " (" attr(href) ")"; }\n}\n'
    assert (
        minify.css(source) == ':root {\n--a: 1px;\n}\n@media print {\na::after { content: " (" attr(href) ")"; }\n}\n'
    )


def test_js_keeps_code_and_strings_with_slashes() -> None:
    source = (
        '/* Header\n * more\n */\n(() => {\n  // a note\n  const url = new URL("https://example.org//x"); // trailing note stays\n'
        "  /* one-line block */\n  const re = /^a\\/b$/;\n})();\n"
    )
    assert minify.js(source) == (
        '(() => {\nconst url = new URL("https://example.org//x"); // trailing note stays\nconst re = /^a\\/b$/;\n})();\n'
    )
