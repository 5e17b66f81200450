"""The overrides that copy a whole Material template are that template plus its edits, nothing else.

When an upgrade of Material changes the template, this test fails and says
what to do: copy the new template over ours and re-apply the edits below.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[2]
THEME = Path(material.__file__).parent / "templates"
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # the comment at the top: Material's says "generated", ours says why

# template -> [(Material's text, our text), ...]: the edits each copy exists for.
EDITS = {
    "partials/nav-item.html": [
        (
            '<nav class="md-nav" data-md-level="{{ level }}" aria-labelledby="{{ path }}_label"',
            '<nav class="md-nav" data-md-level="{{ level }}" {% if index %}aria-label="{{ nav_item.title | e }}"'
            '{% else %}aria-labelledby="{{ path }}_label"{% endif %}',
        ),
        # The current page's link: aria-current instead of the class Material's sidebar script
        # centres in view (MAINTAINING.md, "Where the code depends on the theme").
        (
            '<a href="{{ index.url | url }}" class="md-nav__link {{ class }}">',
            '<a href="{{ index.url | url }}" class="md-nav__link" {% if index == page %}aria-current="page"{% endif %}>',
        ),
        (
            '<a href="{{ nav_item.url | url }}" class="md-nav__link md-nav__link--active">',
            '<a href="{{ nav_item.url | url }}" class="md-nav__link" aria-current="page">',
        ),
    ],
    "partials/footer.html": [
        (
            '{% include "partials/copyright.html" %}\n',
            '{% include "partials/copyright.html" %}\n      {% include "partials/footer-links.html" %}\n',
        )
    ],
    "partials/source.html": [
        (
            '<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" class="md-source" data-md-component="source">',
            '<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" class="md-source">',
        )
    ],
    "partials/progress.html": [
        (
            '<div class="md-progress" data-md-component="progress" role="progressbar"></div>',
            '<div class="md-progress" data-md-component="progress" aria-hidden="true"></div>',
        )
    ],
    # One inline script in <head> instead of three: __md_get/__md_set with the storage
    # access inside their try (blocked storage), then the <html> classes.
    "partials/javascripts/base.html": [
        (
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
            '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
            "</script>",
            '__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(t.pathname+"."+e))}catch(x){return null}},'
            '__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(a.pathname+"."+e,JSON.stringify(_))}catch(x){}},'
            'document.documentElement.classList.replace("no-js","js"),'
            'document.documentElement.classList.add("js-focus-visible","ptp-js")</script>',
        )
    ],
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        )
    ],
}


@pytest.mark.parametrize("template", sorted(EDITS))
def test_the_copy_is_materials_template_plus_its_edits(template: str) -> None:
    theirs = (THEME / template).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / template).read_text(encoding="utf-8")
    material_version = version("mkdocs-material")
    expected = HEADER.sub("", theirs)
    for old, new in EDITS[template]:
        assert expected.count(old) == 1, (
            f"Material {material_version} changed {template}: the text {old!r} is no longer there once. "
            f"Copy material/templates/{template} to overrides/{template}, make the same changes by hand, "
            "and update EDITS in this test."
        )
        expected = expected.replace(old, new)
    got = HEADER.sub("", ours)
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "ours", lineterm=""))
    assert got == expected, (
        f"overrides/{template} is not Material {material_version}'s {template} with the edits in EDITS. "
        f"Copy the new template and re-apply them:\n{diff}"
    )


# Overrides with a Material name that are our own rewrite, not a copy (MAINTAINING.md says what each depends on).
REWRITTEN = {"partials/actions.html", "partials/javascripts/palette.html"}


def test_every_override_of_a_material_template_is_listed_here() -> None:
    overriding = sorted(
        p.relative_to(ROOT / "overrides").as_posix()
        for p in (ROOT / "overrides" / "partials").rglob("*.html")
        if (THEME / p.relative_to(ROOT / "overrides")).exists()
    )
    assert overriding == sorted(set(EDITS) | REWRITTEN)
