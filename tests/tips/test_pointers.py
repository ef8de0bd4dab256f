"""A tip whose object points outside it ("The world rewards this.", "Practice it daily.") opens no tip: outside
readers graded such tips C, "leans on context" (brief E-pointers, 2026-12-06)."""

from __future__ import annotations

import pytest

from scheduler.articles.text import parse_text
from scheduler.tips.drafting import split_article
from scheduler.tips.filters import dangling_references, unresolved_pronoun
from scheduler.tips.standalone import standalone_notes


@pytest.mark.parametrize("sentence, leans", [
    ("Much of the research has failed to take into consideration such environmental factors.", True),
    ("Any such rituals can keep the fear going.", True), ("Limit stimulants such as caffeine after noon.", False),
    ("It can be such a relief to say it out loud.", False),
])
def test_such_before_a_noun_points_at_what_the_sentence_before_named(sentence, leans):
    assert bool(dangling_references(sentence)) is leans


@pytest.mark.parametrize("sentence, leans", [
    ("The world rewards this.", True), ("Your teen needs more of that.", True),
    ("Nobody talks about that.", True), ("Most parents have felt this.", True),
    ("Your loved one isn't choosing this, and they can't simply “snap out of it.”", False),  # a tip of its own: noted
    ("This matters more than you think.", False), ("Notice this feeling when it comes.", True),
    ("Say it out loud: “I can handle this.”", False),
    ("Rest is not a reward, and that is okay.", False), ("It is normal to feel that way.", False),
])
def test_this_or_that_as_the_object_at_a_clause_end_points_outside_the_sentence(sentence, leans):
    assert bool(dangling_references(sentence)) is leans


@pytest.mark.parametrize("sentence, unresolved", [
    ("Practice it daily for two weeks.", True),
    ("Think of it as an old smoke detector.", False),  # a figure: left out alone as one (unpostable), else context
    ("Repeat them slowly before bed.", True), ("Imagine it is Sunday evening and the week is pressing on you.", False),
    ("Pick one calming habit and practice it each evening.", False), ("Notice your breath and slow it down.", False),
    ("Practice gratitude and write it down.", False), ("Your teen may need you to ask them twice.", False),
])
def test_a_command_whose_object_is_a_bare_pronoun_names_nothing(sentence, unresolved):
    assert unresolved_pronoun(sentence) is unresolved


ARTICLE = """Quiet overachievers

## Why it hides

You are reliable. You meet every deadline, answer every message and rarely say no to anyone at work or at home.

The world rewards this. Your boss praises your attention to detail, and your friends know they can count on you.

## A small daily practice

Set a timer for two minutes and breathe slowly, counting each breath out.

Practice it daily for two weeks, at the same time each day, and notice how your shoulders feel afterwards.
"""


def test_a_sentence_whose_object_points_outside_it_is_no_headline():
    tips = split_article(parse_text(ARTICLE, source="x.txt", fallback_title="x"))
    headlines = [tip.headline for tip in tips]
    assert not any(h.startswith(("The world rewards", "Practice it daily")) for h in headlines), headlines
    assert any("Set a timer for two minutes" in tip.text for tip in tips)


@pytest.mark.parametrize("headline, leans", [
    ("Your loved one isn't choosing this, and they can't simply snap out of it.", True),
    ("Some people think self-esteem is fixed; the reality is more complex than that.", True),
    ("Notice what you feel and name it before you act.", False), ("This is a skill you can learn.", True),
])
def test_a_tip_whose_first_sentence_points_outside_it_is_never_ready(headline, leans):
    """Kept (its other words are advice or insight: a reader's B, "replace the pointer"), but held back with a note
    that names the pointer."""
    notes = standalone_notes(headline, headline, kind="sentence")
    assert any(note.startswith(("leans on what came before", "points at something said before this tip")) for note in notes) is leans, notes
