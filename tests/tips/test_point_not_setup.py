"""What a trial found splitting a practice's article, tried on passages written for these tests in the same shapes: a
headline that only sets up a contrast ("Recovery is not about being perfect.") gives the card to the sentence that
carries the point when that one fits a card and stands alone; `split --take` of a passage that opens on a setup keeps
its advice when the post has room for only one of them; and a take of the practice's call to action or of a date
line says plainly that it is no tip and is not ready."""

from __future__ import annotations

import json

import yaml

from scheduler.tips.drafting import fits_bare
from scheduler.tips.readiness import point_headline, review_notes
from scheduler.tips.taking import Beside, take
from tests.conftest import article_project, split_written

SETUP = "Recovery is not about being perfect."
POINT = "Small, steady steps are what move you forward, even on the days you stumble."
ARTICLE = f"""# Small steps after a hard week

Rest is part of the work, and a slower week is no failure.

## Progress

{SETUP} {POINT}

## Breaks

Taking a break isn't about giving up. A short pause lets your body calm down so you can listen again.

## Book a session

Call us today to book your first session.

Updated March 3, 2024
"""


def test_the_point_heads_the_card_and_its_setup_stays_in_the_text(tmp_path):
    tips = split_written(tmp_path, "steps.md", ARTICLE)
    tip = next(tip for tip in tips if POINT in tip.text)
    assert tip.headline == POINT, tip
    assert tip.text == f"{SETUP} {POINT}", tip  # the contrast stays in the body, word for word
    assert any(note.startswith("headline: the point, not its setup (“Recovery is not about") for note in tip.notes)
    assert not any(note.startswith("headline is a setup") for note in tip.notes), tip.notes


def test_a_point_that_leans_on_its_setup_does_not_head_the_card(tmp_path):
    tips = split_written(tmp_path, "steps.md", ARTICLE)
    tip = next(tip for tip in tips if tip.text.startswith("Taking a break"))
    assert tip.headline == "Taking a break isn't about giving up.", tip  # "listen again" needs what came before
    assert not any(note.startswith("headline: the point") for note in tip.notes), tip.notes


def test_which_headlines_are_only_a_setup():
    point = "Irritability is often a sign that you are running on empty."
    assert point_headline("This isn't a flaw.", f"This isn't a flaw. {point}") == point
    assert point_headline("It's not about being perfect.", f"It's not about being perfect. {point}") == point
    # others' practice, its point after it (user trial 11): the point now heads the card, no note asks for it
    others = "Conventional advice often treats bad moods as faults to correct."
    answer = "Your moods carry messages about what you need, so listen to them."
    assert point_headline(others, f"{others} {answer}") == answer
    assert not any(note.startswith("headline is a setup") for note in review_notes(answer, f"{others} {answer}", [],
                                                                                    kind="sentence"))
    # a reframe that is the point itself, or one that says both halves, keeps the card
    assert point_headline("Resistance isn’t indifference.", "Resistance isn’t indifference. Many people avoid "
                          "counseling because they don’t want to make things worse or feel exposed.") is None
    assert point_headline("It's not selfish to rest.", f"It's not selfish to rest. {point}") is None
    assert point_headline("It's not about willpower but about habits.", f"It's not about willpower but about "
                          f"habits. {point}") is None
    # a point too long for a card, or a question, leaves the headline as it was
    long_point = "Irritability is often a sign that you are running on empty, that you have slept badly for weeks."
    assert point_headline("This isn't a flaw.", f"This isn't a flaw. {long_point}") is None
    assert point_headline("This isn't a flaw.", "This isn't a flaw. What is your body telling you?") is None


HEAVY = ("Plenty of us grew up thinking that needing other people was a weakness, and that the strong thing was to cope "
         "alone and in silence, whatever it cost to us and to the people around us every single day.")
ADVICE = ("A friend who listens can make a hard week lighter, so tell one person you trust how you are really doing "
          "this week and let them help you carry some of it.")


def test_a_take_keeps_the_advice_not_the_setup_before_it():
    tip = take(f"{HEAVY} {ADVICE}", "b3", fits_bare, set(), section="Asking for support", beside=Beside())
    assert tip.text == ADVICE, tip  # the post had room for one: the one that says what to do
    assert HEAVY not in tip.text
    assert any(note.startswith("kept the passage's advice (“A friend who listens") and "left out its setup (“Plenty "
               "of us" in note for note in tip.notes), tip.notes


def test_a_take_that_fits_keeps_its_setup():
    short = "Plenty of us grew up thinking that needing people was weak."
    tip = take(f"{short} Tell one person you trust how you are doing.", "b3", fits_bare, set(), beside=Beside())
    assert tip.text.startswith(short), tip
    assert not any(note.startswith("kept the passage's advice") for note in tip.notes), tip.notes


def _taken(tmp_path, cli, wanted: str):
    root = article_project(tmp_path, "steps.md", ARTICLE)
    report = json.loads(cli("split", "--json", "posts/articles/steps.md", cwd=root).out)
    locator = next(b["locator"] for b in report["blocks"] if b["text"].startswith(wanted))
    result = cli("split", "posts/articles/steps.md", "--take", locator, cwd=root)
    assert result.code == 0, result
    tips = yaml.safe_load((root / "posts" / "steps.yaml").read_text(encoding="utf-8"))["tips"]
    # the page's date or call to action is no tip to check: "taken by hand from b7" alone, then why it is no tip
    (tip,) = [t for t in tips if t.get("notes") and t["notes"][0] == f"taken by hand from {locator}"]
    assert not any("check it stands alone" in note for note in tip["notes"]), tip
    return tip


def test_a_take_of_the_call_to_action_says_it_is_no_tip(tmp_path, cli):
    tip = _taken(tmp_path, cli, "Call us today")
    assert "this is the practice's call to action, not a tip: skip it, or write a tip of the advice by hand" in tip[
        "notes"], tip
    assert tip["ready"] is False, tip


def test_a_take_of_a_date_line_says_it_is_a_date(tmp_path, cli):
    tip = _taken(tmp_path, cli, "Updated March 3")
    assert "this is a date, not a tip: skip it" in tip["notes"], tip
    assert tip["ready"] is False, tip
    assert not any("call to action" in note for note in tip["notes"]), tip
