"""A tip never ends on a line that only announces what the article says next (issue 19, trial 6: "Most grief …
becomes more bearable … Sometimes, though, grief turns into something more dangerous." graded C, a cliffhanger
that alarms and gives no help). Articles written for these tests, in the voices of three practices."""

from __future__ import annotations

from pathlib import Path

from conftest import split_written, tip_opening

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.teasers import announces_more

REPO = Path(__file__).resolve().parents[2]
TRIAL = REPO / "tests" / "data" / "trial" / "supporting-a-family-member-after-a-loss.md"


# A school counselor's exam-season post
EXAMS = """# Getting Through Exam Season

## Stress that passes

A little worry before a big test is normal, and it can even sharpen focus. Most exam stress fades when the exams end. Sometimes it is something more serious.

If your child stops eating, cannot sleep for days, or talks about being a burden, call their doctor and the school counselor this week.

## Sleep before grades

Protect your teen's sleep in exam weeks; a rested brain remembers more than a crammed one.
"""

# A couples practice's post
DRIFT = """# When You Feel Like Roommates

## The slow drift

Couples rarely drift apart because of one big fight. Small moments of turning away add up. But there is more to it.

Many couples stop sharing the small news of their day long before they stop talking about the big things.

## A weekly check-in

Set aside ten minutes each week to tell each other what you noticed, before it turns into distance.
"""

# A sleep clinic's post
SLEEP = """# Sleeping Better When Your Mind Races

## Wind down on purpose

Give your brain a runway before sleep, not a cliff. Dim the lights an hour before bed. Here is how.

Start with the screens: put the phone to charge in another room, then pick one quiet thing to do.

## Notes by the bed

Keep a notepad by the bed and write down what is on your mind, so it can wait until morning.
"""

ALONE = """# Worry That Will Not Quit

## When worry grows

For some people, worry becomes something bigger.

## Give it a time

Write your worries down at the same time each day, and leave them there until tomorrow.
"""


def test_the_trials_tip_ends_on_its_reassurance_and_says_what_was_left_out():
    tips = split_article(read_article(TRIAL, TRIAL.parent))
    tip = tip_opening(tips, "Most grief, however painful")
    assert tip.text == "Most grief, however painful, slowly becomes more bearable with time and support."
    assert not tip.ready
    assert any("“Sometimes, though, grief turns into something more dangerous.”" in note for note in tip.notes)
    assert not any(note.startswith("text shortened") for note in tip.notes)


def test_a_tip_does_not_end_on_a_hint_of_something_more_serious(tmp_path):
    tips = split_written(tmp_path, "exams.md", EXAMS)
    tip = tip_opening(tips, "A little worry before a big test")
    assert tip.text == ("A little worry before a big test is normal, and it can even sharpen focus. Most exam stress "
                        "fades when the exams end.")
    assert any("“Sometimes it is something more serious.”" in note for note in tip.notes)
    assert not any(tip.text.endswith("something more serious.") for tip in tips)


def test_a_closing_line_that_only_promises_more_goes_without_a_note(tmp_path):
    """"But there is more to it." and "Here is how." say nothing the tip loses: dropped, and nothing to check."""
    for name, article, opening in (("drift.md", DRIFT, "Couples rarely drift apart"),
                                   ("sleep.md", SLEEP, "Give your brain a runway")):
        tip = tip_opening(split_written(tmp_path, name, article), opening)
        assert not announces_more(tip.text.split(". ")[-1]), tip.text
        assert not any("announces what comes next" in note for note in tip.notes), tip.notes
    drift = tip_opening(split_written(tmp_path, "drift.md", DRIFT), "Couples rarely drift apart")
    assert drift.text == "Couples rarely drift apart because of one big fight. Small moments of turning away add up."


def test_a_teaser_alone_makes_no_tip(tmp_path):
    tips = split_written(tmp_path, "alone.md", ALONE)
    assert not any("something bigger" in tip.text or "something bigger" in tip.headline for tip in tips)
    assert [tip.text for tip in tips] == [
        "Write your worries down at the same time each day, and leave them there until tomorrow."]
