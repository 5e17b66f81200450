"""The built pages lose the theme's blank lines and indentation, and nothing else."""

from __future__ import annotations

from hooks.htmlspace import collapse

PAGE = """<ul>
    <li>
      <a href="x/">One</a>
    </li>

        \t
    <li>Two</li>
</ul>
<pre><code>def f():

    return 1
</code></pre>
<script>
  var s = "a\\n    b";
  if (s) {
      go();
  }
</script>
<textarea>
  kept
</textarea>
<STYLE>
  p { color: red }
</STYLE>
<p title="a
    b">Text</p>
"""


def test_whitespace_only_lines_and_indentation_go() -> None:
    out = collapse(PAGE)
    assert out.startswith('<ul>\n<li>\n<a href="x/">One</a>\n</li>\n<li>Two</li>\n</ul>\n')
    assert "\n\n" not in out.split("<pre>")[0]


def test_code_blocks_scripts_textareas_and_styles_are_byte_for_byte() -> None:
    out = collapse(PAGE)
    for kept in (
        "<pre><code>def f():\n\n    return 1\n</code></pre>",
        '<script>\n  var s = "a\\n    b";\n  if (s) {\n      go();\n  }\n</script>',
        "<textarea>\n  kept\n</textarea>",
        "<STYLE>\n  p { color: red }\n</STYLE>",
    ):
        assert kept in out


def test_it_is_idempotent_and_leaves_a_line_break_where_there_was_whitespace() -> None:
    once = collapse(PAGE)
    assert collapse(once) == once
    assert '<p title="a\nb">Text</p>' in once  # still separated, as the browser would read it
    assert collapse("<b>a</b>\n   <b>b</b>") == "<b>a</b>\n<b>b</b>"
