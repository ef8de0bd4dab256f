"""A headline ends where a sentence could end (issue 19, trial 6: "Families who have been through a loss together
often find that talking." was made, with a note, graded B): a cut after a verb that stands without its object ("…
talking with a therapist helps."), else a shorter sentence of the tip, and only when neither exists the cut with its
note; a cut that leaves "that" with no verb ("… find that counseling.") is named as one. Articles written for these
tests, in the voices of three practices, and the trial's."""

from __future__ import annotations

from pathlib import Path

from conftest import split_written, tip_opening

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article

REPO = Path(__file__).resolve().parents[2]
TRIAL = REPO / "tests" / "data" / "trial" / "supporting-a-family-member-after-a-loss.md"
CUT = "headline cut where the sentence goes on"

# A practice for couples who work shifts
SHIFTWORK = """# Staying Close When You Work Opposite Shifts

## Notes on the counter

Leave a short note on the kitchen counter when you head out, so your partner wakes up to something from you.

## When you need more

Partners who have drifted apart after years of opposite shifts often find that counseling with someone neutral helps them hear each other again, so that old arguments stop running on repeat.
"""

# An affair-recovery practice: a short sentence after the long one
AFFAIR = """# Rebuilding Trust After an Affair

## Go slowly

Agree on what each of you needs to feel safe this week, and write it down together.

## A third voice

Couples who have been through an affair together often find that talking with a counselor restores a sense of safety between them, so that hard conversations stop turning into fights. Safety comes before repair.
"""

# The same practice's other page: no sentence of the tip a card holds
WEATHERED = """# Rebuilding Trust After an Affair

## A third voice

Ask your doctor or a friend you trust for the name of a counselor who sees couples, and book the first session together.

Couples who have weathered an affair together often find that counseling with a neutral third person restores a sense of safety, so that hard conversations stop turning into shouting matches.
"""


def test_the_trials_headline_ends_where_its_clause_does():
    tip = tip_opening(split_article(read_article(TRIAL, TRIAL.parent)), "Families who have been through a loss")
    assert tip.headline == ("Families who have been through a loss together often find that talking with a therapist "
                            "helps.")
    assert not any(note.startswith(CUT) for note in tip.notes)


def test_a_cut_after_a_verb_that_stands_alone_beats_a_cut_mid_clause(tmp_path):
    tip = tip_opening(split_written(tmp_path, "shiftwork.md", SHIFTWORK), "Partners who have drifted apart")
    assert tip.headline == ("Partners who have drifted apart after years of opposite shifts often find that "
                            "counseling with someone neutral helps.")


def test_a_shorter_sentence_of_the_tip_heads_it_when_the_first_cannot_be_cut_whole(tmp_path):
    tip = tip_opening(split_written(tmp_path, "affair.md", AFFAIR), "Couples who have been through an affair")
    assert tip.headline == "Safety comes before repair."
    assert tip.text.endswith("Safety comes before repair.")
    assert not any(note.startswith(CUT) for note in tip.notes)


def test_with_no_whole_headline_the_cut_is_named_and_held(tmp_path):
    """"… often find that counseling." went out noted only as "headline shortened from a longer sentence"."""
    tip = tip_opening(split_written(tmp_path, "weathered.md", WEATHERED), "Couples who have weathered an affair")
    assert tip.headline == "Couples who have weathered an affair together often find that counseling."
    assert not tip.ready
    assert any(note.startswith(f"{CUT} (no verb after “that counseling”)") for note in tip.notes), tip.notes
    assert "headline shortened from a longer sentence" not in tip.notes
