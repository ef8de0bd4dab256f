"""A held-back tip's notes are true of the tip and of its article (issue 19, item 2: a user's own article). Made-up
tips and a made-up article."""

from __future__ import annotations

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.readiness import held_back_notes, review_notes
from scheduler.tips.standalone import standalone_notes
from scheduler.tips.tipmodel import FEATURES

NO_ADVICE = "says nothing to the reader"


@pytest.mark.parametrize("text", [
    "Take turns choosing which parties to attend.",
    "Take breaks from the news this week.",
    "Set limits on screens after dinner.",
    "Listen for the worry under each request.",
])
def test_an_instruction_is_a_step_to_take(text):
    assert not any(note.startswith(NO_ADVICE) for note in standalone_notes(text, text, kind="sentence"))


@pytest.mark.parametrize("text", [
    "Research suggests that winter is hard on many couples.",
    "Sleep becomes lighter in the darker months.",
    "Work takes over the last weeks of the year.",
])
def test_a_statement_whose_subject_is_a_command_word_still_gives_no_advice(text):
    assert any(note.startswith(NO_ADVICE) for note in standalone_notes(text, text, kind="sentence"))


ARTICLE = """Winter Plans for Two

Winter asks partners to settle many plans in a few weeks. Who hosts the first dinner? Which friends come along? \
Each plan carries old hopes about home.

After a Long Trip

Partners often snap at each other at the end of a long drive. When you get home, rest before you talk about \
anything hard. Pick a quiet hour the next day to talk it through, and start with what each of you needed.

Choosing Together

Sit down early in the month and name the choices you will face together. Take turns choosing which parties to attend. Listen for the worry under each request.

Little Rituals That Help

Little rituals keep a household steady when the weeks are crowded. Try these:

- Share one good moment from the day at dinner.
- Keep one evening a week free of errands.
- Leave a short note for each other on busy mornings.
"""


@pytest.fixture(scope="module")
def tips(tmp_path_factory):
    path = tmp_path_factory.mktemp("article") / "winter-plans-for-two.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return {tip.headline: tip for tip in split_report(read_article(path)).tips}


def test_a_short_line_the_article_goes_on_after_is_not_said_to_have_nothing_after_it(tips):
    tip = tips["Winter asks partners to settle many plans in a few weeks."]
    assert not any("nothing after it" in note for note in tip.notes), tip.notes
    assert "a short line without what follows it: check it says something by itself" in tip.notes


def test_a_short_line_that_ends_its_paragraph_has_nothing_after_it():
    line = "Winter asks partners to settle many plans in a few weeks."
    assert "a short line with nothing after it: check it says something by itself" in review_notes(
        line, line, [], kind="sentence")
    assert "a short line without what follows it: check it says something by itself" in review_notes(
        line, line, [], kind="sentence", after="Who hosts the first dinner?")


def test_the_heading_a_note_quotes_is_in_the_tips_own_case():
    headline = "Even close partners quarrel in winter."
    notes = standalone_notes(headline, headline + " Rest before you talk.", kind="sentence", section="After a Hard Visit")
    assert "the heading says when this applies (“after a hard visit”): say it in the tip" in notes, notes


@pytest.mark.parametrize("described", [
    "headline lightly compressed from the sentence", "headline shortened from a longer sentence",
    "headline is the section heading",
])
def test_a_held_back_tip_never_opens_on_what_split_merely_did(described):
    """Read first, "headline lightly compressed" was all a manager saw of why a long tip was held back."""
    long_ = "30 words or more: outside graders mostly trimmed such tips; shorten it"
    text = "You can take small steps even when your partner is not ready to join you."
    notes = held_back_notes([described, long_], text, text)
    assert notes[0] == long_ and notes[-1] == described, notes


def test_every_held_back_tip_from_inside_a_paragraph_says_it_starts_mid_paragraph(tips):
    """Sentence 3, held back for its length, did not say so: only a tip held back for its place did. ("Listen for
    the worry under each request.": which request? Sentence 2, "Take turns choosing which parties to attend.", is a
    step that leans on nothing before it: tests/tips/test_standing_steps.py.)"""
    tip = tips["Listen for the worry under each request."]
    assert not tip.ready
    assert "starts mid-paragraph: check it does not lean on the sentence before it" in tip.notes, tip.notes
    step = tips["Take turns choosing which parties to attend."]
    assert not step.ready and "starts mid-paragraph: check it does not lean on the sentence before it" not in step.notes
    assert "12 words or fewer: check it gives enough to act on (a how or a why)" in step.notes


def test_a_tip_of_a_lists_lead_in_alone_says_so(tips):
    """Its "Try these:" dropped and its items tips of their own, the lead-in's claim was 'says nothing to the reader'."""
    tip = next(tip for tip in tips.values() if tip.text.startswith("Little rituals keep a household steady"))
    assert tip.notes[0] == "a list’s lead-in without its items: add them or leave it out", tip.notes
    assert not any(note.startswith(NO_ADVICE) for note in tip.notes)


def test_a_doubt_that_names_nothing_comes_after_the_place_to_check():
    """'Money, travel, family expectations and tired bodies all pile up at once.' leans on the sentence before it;
    its only note was the model's doubt."""
    text = "Money, travel, family plans and tired bodies all pile up at once."
    reading = tuple(1.0 if name == "mid_paragraph" else 0.0 for name in FEATURES)
    notes = held_back_notes(["the model is unsure it stands alone as advice: read it first"], text, text, reading)
    assert notes.index("starts mid-paragraph: check it does not lean on the sentence before it") < notes.index(
        "the model is unsure it stands alone as advice: read it first"), notes


@pytest.mark.parametrize("text", [
    "If a family member makes a hurtful comment, talk about it together later, in private.",
    "When your teen slams the door, wait an hour before you knock.",
    "If sleep will not come, get up and read in another room.",
])
def test_an_instruction_after_its_condition_is_a_step_to_take(text):
    """A user's article: "If X, do Y" was read as saying nothing to the reader, though Y is the step."""
    assert not any(note.startswith(NO_ADVICE) for note in standalone_notes(text, text, kind="sentence"))


@pytest.mark.parametrize("text", [
    "If a family member makes a hurtful comment, it can sting for days.",
    "When the holidays come, many couples argue more.",
])
def test_a_condition_before_a_statement_is_still_no_step(text):
    assert any(note.startswith(NO_ADVICE) for note in standalone_notes(text, text, kind="sentence"))


@pytest.mark.parametrize("text", ["Ask each other what matters most and what you could happily skip.",
                                  "Tell one another one thing you liked about the day."])
def test_each_other_names_whom_to_speak_to(text):
    assert not any(note.startswith("names no one to speak to") for note in standalone_notes(text, text, kind="sentence"))


def test_ask_alone_still_names_no_one():
    text = "Ask what matters most and what you could happily skip."
    assert any(note.startswith("names no one to speak to") for note in standalone_notes(text, text, kind="sentence"))


def test_a_list_item_that_is_a_step_is_never_called_no_advice(tmp_path):
    """A user's article: "Alternate holidays between families each year, …" (a list's item) was noted "not advice
    by itself"; a step is advice, whatever the scorer's label: only its doubt is said."""
    path = tmp_path / "holidays.md"
    path.write_text("# Holidays as a couple\n\n## Practical ways to lower the pressure\n\nHere are a few strategies:\n\n"
                    "- **Agree on a budget together.** Decide on a spending limit before you shop.\n"
                    "- **Split family time fairly.** Alternate holidays between families each year, or divide the "
                    "days so that no one feels left out.\n"
                    "- **Plan an exit signal.** Choose a word that means \"I need a break\".\n", encoding="utf-8")
    tips = split_report(read_article(path, tmp_path)).tips
    (alternate,) = [tip for tip in tips if "Alternate holidays" in tip.text]
    assert not any(note.startswith("not advice") for note in alternate.notes)
