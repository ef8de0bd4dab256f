"""User trial 8 (a manager's own article, tests/data/trial/when-your-teenager-wont-go-to-school.md): a tip cut before
the sentence that turns it is held with a note; a pointer the tip explains after it is not "not said"; a left-out
report names as cut only the list items the campaign's tip does not say (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scheduler.tips.drafting import _not_a_setup
from scheduler.tips.judging import judged_edit
from scheduler.tips.meaning import TURNED, turns_back
from scheduler.tips.readiness import notes_after_edit
from scheduler.tips.scorer import REASONS
from scheduler.tips.standalone import THE_UNSAID, standalone_notes
from tests.conftest import (
    article_project,
    edit_campaign_by_hand,
    split_written,
    tip_opening,
)

TURN = TURNED.split("(")[0]
TRIAL = Path(__file__).resolve().parents[1] / "data" / "trial" / "when-your-teenager-wont-go-to-school.md"

AVOIDANCE = ("Avoidance works in the short term. The moment your teen is allowed to stay home, the dread drops, and "
             "everyone in the house feels relief. {turn} Every day away makes the next day harder.")


def _article(paragraph: str) -> str:
    return f"# School refusal\n\n## What keeps it going\n\n{paragraph}\n"


@pytest.mark.parametrize("turn", [
    ("That relief is exactly what keeps the cycle going, because the brain learns that school is dangerous and "
     "home is safe."),
    "But the relief is borrowed from tomorrow, when the brain has learned that school is a place to dread.",
    "The problem is that the brain learns from it that school is dangerous and that home is the only safe place.",
    "This backfires within a week or two, because the brain learns that school is dangerous and home is safe.",
])
def test_a_tip_cut_before_the_sentence_that_turns_it_is_held_with_a_note(tmp_path, turn):
    tip = tip_opening(split_written(tmp_path, "refusal.md", _article(AVOIDANCE.format(turn=turn))), "Avoidance")
    assert turn not in tip.text
    assert tip.ready is False
    assert any(note.startswith(TURN) and turn.split(",")[0][:20] in note for note in tip.notes), tip.notes


def test_a_tip_cut_before_a_sentence_that_goes_on_in_the_same_direction_gets_no_such_note(tmp_path):
    going_on = ("Over the next weeks, the brain learns that school is dangerous and home is safe, and the mornings "
                "get harder.")
    tip = tip_opening(split_written(tmp_path, "refusal.md", _article(AVOIDANCE.format(turn=going_on))), "Avoidance")
    assert going_on not in tip.text
    assert not any(note.startswith(TURN) for note in tip.notes), tip.notes


def test_a_tip_that_carries_the_turn_gets_no_such_note(tmp_path):
    text = ("Let your teen rest at home on a morning when the dread is high. But keep the rest short, and plan the "
            "way back the same evening. Every day away makes the next day harder.")
    tip = tip_opening(split_written(tmp_path, "refusal.md", _article(text)), "Let your teen rest")
    assert "But keep the rest short" in tip.text
    assert not any(note.startswith(TURN) for note in tip.notes), tip.notes


def test_the_trial_article_avoidance_tip_is_held_with_the_note(tmp_path):
    tip = tip_opening(split_written(tmp_path, "teen.md", TRIAL.read_text(encoding="utf-8")), "Avoidance works")
    assert tip.ready is False
    assert any(note.startswith(TURN) and "That relief is exactly what keeps" in note for note in tip.notes)


def test_a_person_who_adds_the_turn_to_the_text_takes_the_note_off():
    note = TURNED.format("That relief is exactly what keeps the cycle…")
    text = ("Avoidance works in the short term: when your teen stays home, everyone feels relief. That relief keeps "
            "the cycle going.")
    assert note not in notes_after_edit([note], "Avoidance works in the short term.", text, {"text"})
    assert note in notes_after_edit([note], "Avoidance brings relief, for a day.", "Unchanged.", {"headline"})


@pytest.mark.parametrize("sentence, turns", [
    ("But it rarely lasts.", True),
    ("However, for some, the fear returns.", True),
    ("The problem is that it teaches the brain to fear.", True),
    ("This backfires.", True),
    ("That relief is exactly what keeps the cycle going.", True),
    ("These habits are what feed the worry.", True),
    ("Butterflies before a test are normal.", False),
    ("That is what helps most.", False),
    ("This works for many families.", False),
    ("The problem-solving part comes later.", False),
    ("It is what it is.", False),
    ("That is what makes routines work.", False),
    ("That is what keeps kids safe.", False),
    ("Yesterday went better.", False),
])
def test_what_turns_the_passage_before_it(sentence, turns):
    assert turns_back(sentence) is turns


def _cut_items(root: Path) -> dict[str, list[str]]:
    report = json.loads((root / ".juno" / "split" / "teen.json").read_text(encoding="utf-8"))
    return {item["locator"]: item["tips"] for block in report["blocks"] for item in block.get("items", ())
            if item["left_out"] == "list cut to fit a post"}


def test_an_item_a_person_wrote_into_the_list_tip_is_not_reported_as_cut(tmp_path, cli):
    root = article_project(tmp_path, "teen.md", TRIAL.read_text(encoding="utf-8"))
    assert cli("split", "posts/articles/teen.md", cwd=root).code == 0
    assert {"b6.4", "b6.5", "b6.6"} <= set(_cut_items(root))
    edit_campaign_by_hand(root, "teen", [(
        "; and frequent visits to the nurse, or texts asking to be picked up early.",
        "; frequent visits to the nurse; and late arrivals that slowly grow into missed days.")])
    again = cli("split", "posts/articles/teen.md", cwd=root)
    assert again.code == 0, again
    cut = _cut_items(root)
    assert "b6.4" not in cut and "b6.4 " not in again.out  # the tip says it, in her words
    assert {"b6.5", "b6.6"} <= set(cut)  # what it still leaves out is named as before
    assert "b6.5 “Trouble sleeping" in again.out
    report = json.loads((root / ".juno" / "split" / "teen.json").read_text(encoding="utf-8"))
    item = next(item for block in report["blocks"] for item in block.get("items", ()) if item["locator"] == "b6.4")
    # the list's tip, named by its first item (user trial 10)
    assert item["tips"] == ["watch-for-stomachaches-headaches-or-nausea-on"] and item["left_out"] is None


UNSAID = THE_UNSAID.split("(")[0]
EDITED = ("Avoidance works in the short term: when your teen stays home, everyone feels relief. That relief keeps the "
          "cycle going. The brain learns that school is dangerous and home is safe, and every day away makes the next "
          "day harder.")


@pytest.mark.parametrize("text", [
    EDITED,
    ("Avoidance works in the short term: when your teen stays home, everyone feels relief. That relief keeps the "
     "cycle going, because the brain learns that school is dangerous and home is safe."),
    "Relief keeps the cycle going: the brain learns that school is dangerous and home is safe.",
    "Relief feeds the cycle of avoidance and dread.",
    "Relief keeps the cycle going. Here is how it works: the brain learns that home is safe.",
    "Relief keeps the cycle going. The cycle starts again with one morning at home.",
])
def test_a_pointer_the_tip_explains_after_it_points_at_nothing_outside_it(text):
    assert not any(note.startswith(UNSAID) for note in standalone_notes(text.split(".")[0] + ".", text,
                                                                         kind="sentence"))


@pytest.mark.parametrize("text", [
    "School refusal rarely arrives all at once. Parents often tell us they saw the signs only in hindsight.",
    "Use the technique before a hard call. Breathe in for four counts.",  # a command's pointer
    "Relief keeps that cycle going. The brain learns that home is safe.",  # a demonstrative points back
    "Parents often see the signs late. Most families wait too long.",
    "Watch for the signs. Your teen may not say much.",
    "Relief keeps the cycle going. Try to notice it.",
    "Keep your own plans. A full life makes the waiting less loud.",
])
def test_a_pointer_nothing_after_it_explains_keeps_its_note(text):
    assert any(note.startswith(UNSAID) for note in standalone_notes(text.split(".")[0] + ".", text, kind="sentence"))


def test_her_edit_that_explains_the_cycle_is_not_told_it_points_outside():
    item = {"headline": "Avoidance works in the short term.", "notes": [], "ready": False,
            "text": ("Avoidance works in the short term. The moment your teen is allowed to stay home, the dread drops, "
                     "and everyone in the house feels relief.")}
    notes, _ = judged_edit(item, "Avoidance works in the short term.", EDITED, {"text"}, flags=(), others=(),
                           where=None)
    assert not any(note.startswith(UNSAID) for note in notes), notes


SETUP = REASONS["setup"]


def test_her_two_a_tips_are_not_called_a_setup(tmp_path):
    tips = split_written(tmp_path, "teen.md", TRIAL.read_text(encoding="utf-8"))
    for opening in ("Cognitive behavioral therapy is the best-supported", "Parents of teens with school refusal"):
        assert SETUP not in tip_opening(tips, opening).notes


@pytest.mark.parametrize(("headline", "text"), [
    ("Cognitive behavioral therapy is the best-supported treatment for school refusal rooted in anxiety.",
     "Cognitive behavioral therapy is the best-supported treatment for school refusal rooted in anxiety."),
    ("Exercise is one of the most effective ways to ease mild low mood.",
     "Exercise is one of the most effective ways to ease mild low mood."),
    ("Parents of teens with school refusal are often exhausted.",
     "Parents of teens with school refusal are often exhausted. You cannot offer calm when you are running on empty."),
    ("Supporting someone you love is demanding.",
     "Supporting someone you love is demanding. Make time for your own friends, rest, and interests."),
])
def test_what_helps_or_a_setup_the_tip_goes_on_from_is_not_a_setup(headline, text):
    assert _not_a_setup(headline, text)


@pytest.mark.parametrize(("headline", "text"), [
    ("Each morning ended with tears.", "Each morning ended with tears. Her parents had stopped trying."),
    ("Long-term stress lasts for weeks, months, or longer.",
     ("Long-term stress lasts for weeks, months, or longer. As you go about your life, your body is acting as if "
      "you're being threatened.")),
    ("Researchers continue to study treatment options.",
     "Researchers continue to study treatment options. A provider can explain them and help you choose."),
    ("Supporting someone through depression is a long road, and you cannot pour from an empty cup.",
     "Supporting someone through depression is a long road, and you cannot pour from an empty cup."),
    ("Therapy is the best part of her week.", "Therapy is the best part of her week."),
])
def test_a_setup_with_nothing_after_it_for_the_reader_is_still_one(headline, text):
    assert not _not_a_setup(headline, text)
