"""`split --take` of a user trial's passages (verify6): the page's date line gets the date note alone, never a privacy
flag ("Posted March 3" is no client March aged 3) nor "check it stands alone"; a take carries `ready` as split's own
tips do; and a take that leaves out a sentence of the passage names it in its note ("Sometimes worry gets louder at
night." went silently)."""

from __future__ import annotations

import pytest
import yaml

from scheduler.tips.filters import leaning_words, opens_with_reference
from scheduler.tips.taking import Beside, take
from tests.conftest import article_project

SLEEP = """# Sleep and Stress: What Helps

Posted March 3, 2026

## Winding down

Many people lie awake replaying the day's worries. Try writing down three things on your mind an hour before bed, then close the notebook.

## Work with us

Call us today to book your first session.
"""

WORRY = """# When Worry Follows You Home

## After work

Last winter, one of our clients noticed she carried every meeting home with her. Before you walk in the door, sit in the car for two minutes and name one thing that went well.

Sometimes worry gets louder at night. Set a fifteen-minute worry time in the early evening and write your worries down then.

It can feel hard to know where to start. Pick one small habit this week and keep it for seven days.
"""


def _taken(root, slug, locator):
    tips = yaml.safe_load((root / "posts" / f"{slug}.yaml").read_text(encoding="utf-8"))["tips"]
    (tip,) = [t for t in tips if any(n.startswith(f"taken by hand from {locator}") for n in t["notes"])]
    return tip


def test_a_date_line_taken_gets_the_date_note_alone_and_no_privacy_flag(tmp_path, cli):
    root = article_project(tmp_path, "sleep.md", SLEEP)
    result = cli("split", "posts/articles/sleep.md", "--take", "b1", cwd=root)
    assert result.code == 0, result
    tip = _taken(root, "sleep", "b1")
    assert tip["review"] == [], tip  # a date is no personal detail: no `--ack privacy` to take it
    assert tip["notes"] == ["taken by hand from b1", "this is a date, not a tip: skip it"], tip
    assert tip["ready"] is False, tip


def test_a_date_line_taken_keeps_its_words_as_written_with_no_full_stop_added(tmp_path, cli):
    root = article_project(tmp_path, "sleep.md", SLEEP)
    assert cli("split", "posts/articles/sleep.md", "--take", "b1", cwd=root).code == 0
    tip = _taken(root, "sleep", "b1")
    assert (tip["headline"], tip["text"]) == ("Posted March 3, 2026", "Posted March 3, 2026"), tip


def test_a_name_with_an_age_still_flags_privacy(tmp_path, cli):
    root = article_project(tmp_path, "sleep.md", SLEEP.replace("Posted March 3, 2026", "Maria, 34, lay awake for weeks."))
    assert cli("split", "posts/articles/sleep.md", "--take", "b1", cwd=root).code == 0
    assert _taken(root, "sleep", "b1")["review"] == ["privacy"]


def test_a_take_of_a_passage_carries_ready_as_splits_tips_do(tmp_path, cli):
    # b2 gave a tip of both its sentences, so `--take b2` is refused as its twin (test_take_hedge): the call to
    # action, which split left out, is taken
    root = article_project(tmp_path, "sleep.md", SLEEP)
    assert cli("split", "posts/articles/sleep.md", "--take", "b3", cwd=root).code == 0
    text = (root / "posts" / "sleep.yaml").read_text(encoding="utf-8")
    assert all("ready:" in block for block in text.split("  - id: ")[1:]), text
    assert _taken(root, "sleep", "b3")["ready"] is False
    passage = SLEEP.split("## Winding down")[1].split("##")[0].strip()
    assert take(passage, "b2", lambda text, sensitive: True, set(), beside=Beside()).ready is False  # "check it
    # stands alone"


def test_a_take_that_leaves_out_a_sentence_names_it():
    # the passage split made its advice a tip of, as a take beside no other tip makes it (beside that tip, `--take
    # b2` is refused as its twin: test_take_hedge)
    passage = "Sometimes worry gets louder at night. Set a fifteen-minute worry time in the early evening and write your worries down then."
    assert passage in WORRY
    tip = take(passage, "b2", lambda text, sensitive: True, set(), beside=Beside())
    named = any("left out its setup (“Sometimes worry gets louder at night.”)" in note for note in tip.notes)
    assert named != ("Sometimes worry gets louder at night." in tip.text), tip  # kept, or left out and named


def test_a_take_that_points_outside_the_tip_quotes_the_words_it_suspects_not_the_sentences_opening(tmp_path, cli):
    root = article_project(tmp_path, "worry.md", WORRY + "\nSometimes worry gets louder at night.\n")
    assert cli("split", "posts/articles/worry.md", "--take", "b4", cwd=root).code == 0
    tip = _taken(root, "worry", "b4")
    assert ("“Sometimes” points outside the tip and no sentence of the passage stands without it: say what it means"
            in tip["notes"]), tip


@pytest.mark.parametrize(("sentence", "suspected"), [
    ("Sometimes worry gets louder at night.", "Sometimes"),  # a reply's opening, as the rule reads it
    ("However, rest helps.", "However"),
    ("For example, take a walk after dinner.", "For example"),
    ("Others stay quiet for years.", "Others stay"),
    ("Not always.", "Not always"),
    ("Don't despair, though!", "though"),
    ("Perhaps you grew up fast.", "Perhaps you"),
    ("At home, they argue about money.", "they"),
    ("During those times, breathe slowly.", "During those"),
    ("Rest well tonight.", None),
])
def test_the_words_a_sentence_leans_by_are_the_ones_its_rule_reads(sentence, suspected):
    assert leaning_words(sentence) == suspected
    assert opens_with_reference(sentence) is (suspected is not None)
