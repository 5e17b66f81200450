"""Contributor text can never become markup: a hostile entry builds to inert text."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import build_site, copy_project

EVIL = "<script>alert(1)</script> [x](javascript:alert(1)) ![t](https://tracker.example/p.png) pipe | here\nsecond line"


def test_hostile_text_in_every_field_renders_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    resource = yaml.safe_load((project / "data/resources/the-mom-test.yml").read_text())
    resource.update(
        id="zz-hostile", title="Hostile " + EVIL, author=EVIL, why="Why " + EVIL, url="https://example.org/zz-hostile"
    )
    resource["steps"] = [1]
    # Keep step 1 within its cap: take step 1 away from one other entry.
    for path in sorted((project / "data/resources").glob("*.yml")):
        other = yaml.safe_load(path.read_text())
        if 1 in other["steps"] and len(other["steps"]) > 1:
            other["steps"].remove(1)
            path.write_text(yaml.safe_dump(other, sort_keys=False))
            break
    (project / "data/resources/zz-hostile.yml").write_text(yaml.safe_dump(resource, sort_keys=False))
    cert = yaml.safe_load((project / "data/certifications/pspo-1.yml").read_text())
    cert.update(id="zz-hostile", name="Hostile cert " + EVIL, issuer=EVIL, who_for="Who " + EVIL, prerequisites=EVIL)
    cert["cost"]["covers"] = EVIL
    (project / "data/certifications/zz-hostile.yml").write_text(yaml.safe_dump(cert, sort_keys=False))
    glossary = yaml.safe_load((project / "data/glossary.yml").read_text())
    glossary["terms"].append({"term": "Zz hostile term", "abbreviation": "ZZH", "definition": "Definition " + EVIL})
    (project / "data/glossary.yml").write_text(yaml.safe_dump(glossary, sort_keys=False))

    out = tmp_path / "site"
    done = build_site(project, out, "http://127.0.0.1:8000/")
    assert done.returncode == 0, done.stderr[-2000:]
    for page in ("resources", "certifications", "steps/01-understand-the-role", "glossary"):
        html = (out / page / "index.html").read_text()
        assert "Hostile" in html or "hostile" in html.lower(), page
        assert "<script>alert(1)" not in html, page
        assert 'href="javascript' not in html, page
        assert "tracker.example" not in re.findall(r'<img[^>]+src="([^"]+)"', html).__str__(), page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
        assert "[x](javascript:alert(1))" in html, page
    table = (out / "resources" / "index.html").read_text()
    row = re.search(r'<tr id="res-zz-hostile"[^>]*>(.*?)</tr>', table, re.S)
    assert row and len(re.findall(r"<td[ >]", row.group(1))) == 6, "the | or the newline broke the table"
