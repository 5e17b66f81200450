"""hooks/keyboard.py: tables in focusable, labelled regions; glossary terms take focus."""

from __future__ import annotations

from hooks.keyboard import focusable_terms, keyboard_reachable, scroll_regions

TABLE = "<table>\n<thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>\n</table>"


def test_a_table_is_wrapped_in_a_region_named_by_the_heading_above_it() -> None:
    page = (
        '<h2 id="x">Kinds &amp; stages<a class="headerlink" href="#x" title="Link">&para;</a></h2>'
        f"<p>Text</p>{TABLE}<h3>Later</h3>"
    )
    out = scroll_regions(page, "Page")
    assert out.count('role="region"') == 1
    assert '<div class="ptp-table ptp-table--md" role="region" tabindex="0" aria-label="Kinds &amp; stages">' in out
    assert out.index("<table>") > out.index('role="region"') and out.index("</div>") > out.index("</table>")


def test_a_caption_wins_over_the_heading_and_the_page_title_is_the_last_resort() -> None:
    captioned = TABLE.replace("<thead>", "<caption>Offers <b>side</b> by side</caption><thead>")
    assert 'aria-label="Offers side by side"' in scroll_regions(f"<h2>Heading</h2>{captioned}", "Page")
    assert 'aria-label="The &quot;page&quot;"' in scroll_regions(TABLE, 'The "page"')


def test_each_table_takes_the_nearest_heading_before_it() -> None:
    out = scroll_regions(f"<h2>One</h2>{TABLE}<h2>Two</h2><p>x</p>{TABLE}", "Page")
    assert out.count('tabindex="0"') == 2
    assert out.index('aria-label="One"') < out.index('aria-label="Two"')


def test_tables_with_a_class_are_left_alone() -> None:
    page = '<table class="ptp-data"><tr><td>1</td></tr></table>'
    assert scroll_regions(page, "Page") == page


def test_abbreviations_take_focus_once() -> None:
    page = '<p><abbr title="Minimum viable product">MVP</abbr> and <abbr tabindex="-1" title="x">X</abbr></p>'
    out = focusable_terms(page)
    assert out.count('tabindex="0"') == 1 and 'tabindex="-1"' in out
    assert focusable_terms(out) == out
    assert keyboard_reachable(page, "P") == out


def test_two_tables_under_one_heading_get_different_names() -> None:
    out = scroll_regions(f"<h2>Metrics</h2>{TABLE}<p>and</p>{TABLE}", "Page")
    assert 'aria-label="Metrics"' in out and 'aria-label="Metrics (2)"' in out
