"""A condition about someone else is not put in front of an instruction about the reader's own life (user trial 4:
"When your partner is going through depression, keep sleeping, eating, and moving.": whose sleep?), and a condition
about the reader still is (scheduler.tips.whose). The articles are the team's own, written for these tests."""

from __future__ import annotations

import pytest

from scheduler.articles.text import parse_text
from scheduler.tips.drafting import split_article
from scheduler.tips.whose import for_the_reader_alone, someone_elses
from tests.tips.test_persons import PARTNER


@pytest.mark.parametrize("condition, theirs", [
    ("when your partner is going through depression", True),
    ("when a loved one has depression", True),
    ("when someone is grieving", True),
    ("if your partner refuses help", True),
    ("when your anxious child melts down", True),
    ("if you’re burned out", False),
    ("while you grieve", False),
    ("after a breakup", False),
    ("for new parents", False),
])
def test_a_condition_is_someone_elses_when_its_subject_is_another_person(condition, theirs):
    assert someone_elses(condition) is theirs


@pytest.mark.parametrize("instruction, heading, alone", [
    ("Keep sleeping, eating, and moving.", "Take care of yourself too", True),
    ("Go to bed at the same time each night.", "Looking after yourself", True),
    ("Take care of yourself on the weeks you give the most.", "Your own energy", True),
    ("Protect an hour a week for your own needs.", None, True),
    ("Remember that you are their partner, not their therapist.", "Take care of yourself too", False),
    ("Keep seeing your friends.", "Take care of yourself too", False),  # friends: people of the reader's life
    ("Try listening first.", "Listen more than you fix", False),
    ("Keep sleeping, eating, and moving.", "Looking after yourself while your partner is in treatment", False),
])
def test_an_instruction_is_for_the_reader_alone_when_it_or_its_heading_says_so(instruction, heading, alone):
    assert for_the_reader_alone(instruction, heading) is alone


def _tips(article: str) -> dict[str, str]:
    tips = split_article(parse_text(article, source="article.md", fallback_title="article"))
    return {tip.text: tip.headline for tip in tips}




def test_the_readers_own_sleep_gets_no_condition_about_the_partner():
    headlines = list(_tips(PARTNER).values())
    assert "Keep sleeping, eating, and moving." in headlines
    assert not [headline for headline in headlines if headline.endswith("keep sleeping, eating, and moving.")]
    # the partner's own advice keeps it, and so does an instruction that speaks of the partner under that heading
    assert "When your partner has anxiety, ask what the worry feels like in the body." in headlines
    assert "When your partner has anxiety, remember that you are their partner, not their therapist." in headlines


FRIEND = """# Supporting a Friend Who Is Grieving

Grief can make a friend hard to reach. Your friend may not call back, and your friend may cancel plans. Your friend
still needs you.

## Show up in small ways

Send a short text on the hard dates. Drop off a meal without asking for a reply.

## Your own energy

Take care of yourself on the weeks you give the most. Supporting someone through loss is tiring, and you need rest
to keep showing up.
"""


def test_an_instruction_to_care_for_yourself_gets_no_condition_about_the_friend():
    tips = split_article(parse_text(FRIEND, source="friend.md", fallback_title="friend"))
    (tip,) = [tip for tip in tips if "weeks you give the most" in tip.text]
    assert tip.headline == "Take care of yourself on the weeks you give the most."
    assert not [note for note in tip.notes if note.startswith("condition added")]


BURNED_OUT = """# Are You Burned Out?

Burnout creeps up slowly. It can show up as dread on Sunday nights, short sleep, and a short temper.

## What we tell clients who feel this way

Take care of yourself on the weeks you give the most. Rest is not a reward you earn after the work is done; it is
part of doing the work well.
"""


def test_a_condition_about_the_reader_still_opens_their_own_care():
    assert "If you’re burned out, take care of yourself on the weeks you give the most." in _tips(BURNED_OUT).values()
