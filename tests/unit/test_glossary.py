"""hooks/glossary.py: the glossary page and the abbreviation tooltips, from one list of terms."""

from __future__ import annotations

from hooks import glossary

TERMS = [
    {"term": "Minimum viable product", "abbreviation": "MVP", "definition": "The smallest test. More text here."},
    {"term": "Product manager", "abbreviation": "PM", "definition": "Owns the why.", "see_also": ["Product owner"]},
    {"term": "Product owner", "abbreviation": "PO", "definition": "A Scrum role."},
    {"term": "Roadmap", "definition": "A plan of outcomes over time."},
]


def test_first_sentence_stops_at_the_first_full_stop() -> None:
    assert glossary.first_sentence("The smallest test. More text here.") == "The smallest test."
    assert glossary.first_sentence("No full stop\nat all") == "No full stop at all"
    assert glossary.first_sentence("Version 2.0 ships. Then more.") == "Version 2.0 ships."


def test_each_abbreviated_term_gets_a_tooltip_definition() -> None:
    lines = glossary.abbreviations(TERMS, never_mark=[])
    assert lines == {
        "MVP": "*[MVP]: Minimum viable product: The smallest test.",
        "PM": "*[PM]: Product manager: Owns the why.",
        "PO": "*[PO]: Product owner: A Scrum role.",
    }


def test_never_mark_leaves_an_abbreviation_without_a_tooltip() -> None:
    assert "PO" not in glossary.abbreviations(TERMS, never_mark=["PO"])


def test_a_page_gets_only_the_definitions_it_uses_as_whole_words() -> None:
    defs = glossary.abbreviations(TERMS, never_mark=[])
    found = glossary.definitions_for("Ship the MVP. A PMO and POs are not matches.", defs)
    assert found == defs["MVP"]
    assert glossary.definitions_for("No abbreviations here.", defs) == ""
    assert glossary.definitions_for("MVP", {}) == ""


def test_the_page_lists_every_term_with_an_anchor_letters_and_see_also_links() -> None:
    html = glossary.page(TERMS)
    assert '<dt id="term-minimum-viable-product">Minimum viable product <small>(MVP)</small></dt>' in html
    assert '<dt id="term-roadmap">Roadmap</dt>' in html
    assert 'See also: <a href="#term-product-owner">Product owner</a>.' in html
    # One index link per first letter, to the first term with it.
    assert '<a href="#term-minimum-viable-product">M</a> <a href="#term-product-manager">P</a>' in html
    assert html.count("<dt ") == len(TERMS)


def test_contributor_text_on_the_page_is_escaped() -> None:
    html = glossary.page([{"term": "A<b>", "abbreviation": "<i>", "definition": "x & <script>y</script>"}])
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
