"""A tip that is not ready opens on its real problem (issue 19, item 2): what is wrong with its content, in words a
manager acts on, before what split did to its form. Made-up tips of each kind outside readers named."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.readiness import (
    held_back_notes,
    is_ready,
    notes_after_edit,
    review_notes,
)

SHORTENED = "headline shortened from a longer sentence"
HEADING = "headline is the section heading"
LONG = "30 words or more: outside graders mostly trimmed such tips; shorten it"


def _opening(headline: str, text: str, *, form=(SHORTENED,)) -> tuple[str, ...]:
    """The notes a held-back tip goes out with, given what split did to its form."""
    return held_back_notes(review_notes(headline, text, list(form), kind="sentence"), headline, text)


@pytest.mark.parametrize(("text", "first"), [
    ("Give them room to answer, even when the silence feels long.", "a pronoun with no one to refer to in the tip (“them”)"),
    ("Whenever you can, make a little time for that.", "points at something said before this tip (“that”)"),
    ("Take a short walk. Doing so helps.", None),  # "Doing so" is the walk: said in the tip, nothing to name
    ("Most of these take a week or two to feel natural, so start with one.", "points at something said before this tip (“Most of these”)"),
    ("Keep a notebook nearby, since you may want the second one later.", None),
    ("Sam slammed the door and drove off. He sat in the car for an hour.", "tells a story in the past, not advice"),
    ("Our clinicians accept most plans and offer evening sessions.", "reads as the practice’s own offer"),
    ("Your mind is a snow globe. Give it a quiet moment and the flakes settle.", "an image or a comparison"),
    ("Winter is hard for many people, and the short days make everything heavier.",
     "says nothing to the reader (no “you”, no step to take)"),
    ("Here are five signs your teen needs more support:", "a list’s lead-in without its items"),
])
def test_a_held_back_tip_opens_on_its_content_problem_and_its_form_notes_come_after(text, first):
    notes = _opening(text, text, form=(SHORTENED, LONG))
    if first is None:
        assert not any(note.startswith("points at something said before this tip") for note in notes), notes
        return
    assert notes[0].startswith(first), notes
    assert notes.index(SHORTENED) > 0 and notes.index(LONG) > 0


def test_a_story_goes_before_a_note_that_it_leans_on_what_came_before():
    text = "Later that week, Maria finally told her sister the truth."
    notes = _opening(text, text)
    assert notes[0] == "tells a story in the past, not advice"
    assert notes[1].startswith("leans on what came before (“Later that”)") and notes[-1] == SHORTENED


def test_the_heading_note_goes_after_what_the_tip_leans_on():
    notes = held_back_notes([HEADING, "points at something the tip has not said (“the distance”): name it"],
                            "Name what you need.", "Instead of protesting the distance, say what you need.")
    assert notes == ("points at something the tip has not said (“the distance”): name it", HEADING)


def test_a_flag_comes_after_the_content_and_before_the_form():
    sensitive = "a sensitive topic: read it and acknowledge the flag before it goes out"
    notes = held_back_notes([SHORTENED, sensitive], "Grief changes shape over time.",
                            "Grief changes shape over time, and holidays stir it up.")
    assert notes == ("says nothing to the reader (no “you”, no step to take): is it advice?", sensitive, SHORTENED)


def test_one_reading_of_no_advice_is_enough():
    short = "a short line with nothing after it: check it says something by itself"
    assert held_back_notes([short], "Burnout can slide into depression.", "Burnout can slide into depression.") == (
        short,)


def test_a_ready_tip_stays_ready_the_new_readings_only_open_held_back_tips():
    # a command to the reader with its words split may post as they are: no new reading holds it back
    text = "Take a short walk after dinner, and keep doing so for a week."
    assert is_ready(review_notes(text, text, [], kind="sentence"))


def test_split_opens_a_list_item_alone_on_its_list_and_a_setup_on_no_advice(tmp_path: Path):
    article = tmp_path / "made-up.md"
    article.write_text(
        "# Small steps for hard winters\n\n"
        "Short days are hard for many people, and they make everything heavier than it looks from outside.\n\n"
        "## What helps at night\n\nTry these before bed:\n\n- Chamomile tea.\n"
        "- Read a paper book for twenty minutes instead of scrolling through your phone in the dark.\n"
        "- A warm shower.\n", encoding="utf-8")
    tips = split_report(read_article(article, tmp_path)).tips
    first = {tip.headline.split()[0]: tip.notes[0] for tip in tips if not tip.ready}
    assert first["Short"].startswith("says nothing to the reader")
    assert first["Read"].startswith("one item of a list")


def test_after_an_edit_the_notes_keep_that_order():
    kept = ["list cut to fit a post", "a quotation: check who said it"]
    assert notes_after_edit(kept, "Breathe.", "Breathe.", ["headline"]) == [
        "a headline of two words and nothing more: add what makes it advice", "a quotation: check who said it",
        "list cut to fit a post"]
