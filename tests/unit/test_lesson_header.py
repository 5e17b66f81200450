"""The lesson header (where you are, time, checklist) and the lesson footer (step progress, previous/next)."""

from __future__ import annotations

from hooks.checklists import Item, Lesson
from hooks.progress import lesson_footer, lesson_header, lesson_position


def lesson(step: int, n: int, items: int = 1) -> Lesson:
    file = f"steps/0{step}-s/0{n}-l.md"
    ids = [Item(id=f"s{step}-l{n}-{k}", text="Do it", file=file, line=1) for k in range(items)]
    return Lesson(f"Lesson {step}.{n}", f"steps/0{step}-s/0{n}-l/", file, step, {}, ids)


LESSONS = [lesson(4, 1), lesson(4, 2, 2), lesson(4, 3), lesson(5, 1)]
STEPS = {
    4: {"title": "Step 4: Build a portfolio", "url": "steps/04-s/"},
    5: {"title": "Step 5: Network", "url": "steps/05-s/"},
}


def test_the_header_sits_above_the_title_and_says_where_the_lesson_is() -> None:
    md = "# Title\n\nText\n\n## Checklist\n\n- [ ] x\n"
    out = lesson_header(md, "2-3 hours", 5, position=lesson_position(LESSONS, "steps/04-s/02-l.md"))
    first, title = out.split("\n")[0], out.split("\n")[2]
    assert "Step 4 \u00b7 Lesson 2 of 3 \u00b7 2\u20133 hours at your own pace" in first
    assert '<a class="ptp-lesson-meta__count" href="#checklist" data-ptp-lesson-count>Checklist: 5 items</a>' in first
    assert title == "# Title"


def test_without_a_checklist_heading_the_count_is_not_a_link() -> None:
    out = lesson_header("# Title\n", "45-90 minutes", 0)
    assert "href" not in out and "45\u201390 minutes" in out and "Lesson" not in out


def test_the_footer_links_the_neighbours_and_shows_the_step_bar() -> None:
    middle = lesson_footer(LESSONS, "steps/04-s/02-l.md", STEPS)
    assert 'href="../01-l/"><small>Previous lesson</small> Lesson 4.1</a>' in middle
    assert 'href="../03-l/"><small>Next lesson</small> Lesson 4.3</a>' in middle
    assert 'data-ptp-ids="s4-l1-0 s4-l2-0 s4-l2-1 s4-l3-0"' in middle and 'max="4"' in middle


def test_the_first_lesson_goes_back_to_its_step_and_the_last_on_to_the_next_step() -> None:
    first = lesson_footer(LESSONS, "steps/04-s/01-l.md", STEPS)
    assert "<small>Step 4 overview</small> Build a portfolio" in first
    last = lesson_footer(LESSONS, "steps/04-s/03-l.md", STEPS)
    assert 'href="../../05-s/"><small>Next: step 5</small> Network</a>' in last
    assert lesson_footer(LESSONS, "elsewhere.md", STEPS) == ""
