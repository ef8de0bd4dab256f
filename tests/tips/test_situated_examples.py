"""A line of what to say keeps the situation its own sentence gives it (issue 19: "every rewrite keeps the source's
meaning, hedges and conditions"). "When your mother criticizes your cooking, you might say, “…”" became "Try saying:
“…”" and then got the note asking the manager to add back the situation split had dropped. Now the situation stays:
on the card with the line when the two fit a headline, else in the text under the line alone; and such a tip is not
told it is "alone". A line whose sentence names no situation keeps the note, also when the sentence before it
describes one (docs/splitting.md says why)."""

from __future__ import annotations

import pytest

from scheduler.tips.conditions import situated_line
from scheduler.tips.standalone import EXAMPLE_ALONE, standalone_notes
from tests.conftest import split_written

ARTICLE = """# Holding your ground with family at the holidays

## Words for the hard moments

When your mother criticizes your cooking, you might say, “I'm happy with how it turned out, and I'd like to enjoy dinner.”

If your partner says, “You never listen,” you might say, “I want to understand what you needed from me just now.”

Whenever your teen slams the door, try saying, "I'm here when you're ready to talk."

Next time your brother brings up politics, you could try saying, “Let's keep it about the kids.”

When a relative asks about dating, you can say, “I would love to hear about your garden.”

You might say, “I need a few minutes to think before I answer.”

Your dad comments on your weight again. You could say, “My body is not up for discussion today.”
"""


@pytest.fixture(scope="module")
def tips(tmp_path_factory):
    return split_written(tmp_path_factory.mktemp("situated"), "holidays.md", ARTICLE)


def tip_saying(tips, words: str):
    found = [tip for tip in tips if words in tip.text]
    assert len(found) == 1, [tip.text for tip in tips]
    return found[0]


def test_the_situation_stays_in_the_text_when_the_pair_is_too_long_for_a_card(tips):
    tip = tip_saying(tips, "I'm happy with how it turned out")
    assert tip.text == ("When your mother criticizes your cooking, try saying: “I'm happy with how it turned out, "
                        "and I'd like to enjoy dinner.”")
    assert tip.headline == "Try saying: “I'm happy with how it turned out, and I'd like to enjoy dinner.”"
    assert not any(note.startswith("an example of what to say, alone") for note in tip.notes)


@pytest.mark.parametrize("words, text", [
    ("I'm here when you're ready", "Whenever your teen slams the door, try saying: “I'm here when you're ready to talk.”"),
    ("about your garden", "When a relative asks about dating, try saying: “I would love to hear about your garden.”"),
    ("about the kids", "Next time your brother brings up politics, try saying: “Let's keep it about the kids.”"),
])
def test_a_situation_and_line_that_fit_a_card_are_its_headline(tips, words, text):
    tip = tip_saying(tips, words)
    assert tip.headline == tip.text == text
    assert not any(note.startswith(("an example of what to say, alone", "leans on")) for note in tip.notes)


@pytest.mark.parametrize("words, situation", [
    ("I want to understand", "If your partner says, “You never listen,” try saying:"),  # what someone says, quoted
])
def test_each_wording_of_a_situation_is_kept(tips, words, situation):
    tip = tip_saying(tips, words)
    assert tip.text.startswith(situation)
    assert not any(note.startswith(("an example of what to say, alone", "leans on")) for note in tip.notes)


@pytest.mark.parametrize("words", ["I need a few minutes", "My body is not up for discussion"])
def test_a_line_whose_sentence_names_no_situation_keeps_its_note(tips, words):
    tip = tip_saying(tips, words)
    assert tip.headline == tip.text and tip.text.startswith("Try saying: “")
    assert EXAMPLE_ALONE in tip.notes and not tip.ready


@pytest.mark.parametrize("sentence", [
    "You might say, “I need a few minutes to think before I answer.”",
    "If possible, say “I need a few minutes to think before I answer.”",  # a hedge, not a situation
    "When in doubt, try saying, “I need a few minutes to think.”",
    "When your dad comments on your weight, take a breath and say, “I'd rather not talk about my body.”",  # a step
    "When your dad comments on your weight, say to him, “I'd rather not talk about my body.”",  # a listener
    "When your dad comments on your weight, don't say, “You're being rude again.”",
])
def test_only_a_situation_followed_by_nothing_but_a_lead_to_say_is_read(sentence):
    assert situated_line(sentence) is None


@pytest.mark.parametrize("situated", [
    "When your mother criticizes your cooking, try saying: “I'd like to enjoy dinner.”",
    "Next time your brother brings up politics, try saying: “Let's keep it about the kids.”",  # "Next time" leans on none
])
def test_a_person_who_writes_the_situation_in_front_of_the_line_is_not_told_it_is_alone(situated):
    assert standalone_notes(situated, situated, kind="sentence") == []  # the studio's reading of an edit
    bare = "Try saying: “I'd like to enjoy dinner.”"
    assert EXAMPLE_ALONE in standalone_notes(bare, bare, kind="sentence")
    alone = "Next time, try saying: “Let's keep it about the kids.”"
    assert EXAMPLE_ALONE in standalone_notes(alone, alone, kind="example")
