"""A tip keeps its source's conditions, qualifiers, hedges and negations, or is held with a note naming what it left
out; a card's headline never stops on a word that needs what follows (issue 19, item 4)."""

from __future__ import annotations

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.meaning import (
    CONDITION,
    CONTRAST,
    HEDGE,
    NEGATION,
    QUALIFIER,
    SAFETY,
    dropped,
)
from scheduler.tips.readiness import notes_after_edit

ARTICLE = """# Facing fear, one step at a time

## Exposure and avoidance

Exposure work can be very effective for many people with phobias if it is done gradually and with the support of a trained professional who knows the method.

Avoiding situations that cause anxiety may feel helpful in the short term, but the anxiety is likely to remain without treatment and can grow.

## Small steps

- Step away from the argument only when you feel safe to do so, and tell your partner when you will come back to talk.
"""


@pytest.fixture(scope="module")
def tips(tmp_path_factory):
    path = tmp_path_factory.mktemp("meaning") / "facing-fear.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return {tip.text.split()[0]: tip for tip in split_article(read_article(path, path.parent))}


def test_a_headline_too_long_for_its_condition_is_held_with_a_note_naming_it(tips):
    tip = tips["Exposure"]
    assert tip.ready is False
    assert any(note.startswith("shortened: the headline leaves out “with phobias if it is done gradually")
               and "(a safety condition)" in note for note in tip.notes)
    assert "with the support of a trained professional" in tip.text  # the post keeps the words


def test_a_but_that_turns_the_sentence_is_not_cut_silently(tips):
    tip = tips["Avoiding"]
    assert tip.ready is False
    assert any("leaves out “but the anxiety is likely to remain" in note for note in tip.notes)


def test_a_headline_keeps_its_condition_when_the_card_holds_the_sentence(tips):
    tip = tips["Step"]
    assert tip.headline == ("Step away from the argument only when you feel safe to do so, and tell your partner "
                            "when you will come back to talk.")
    assert not tip.headline.rstrip(".").endswith("only")


@pytest.mark.parametrize(("source", "said", "kind", "left_out"), [
    ("Under a therapist's guidance, gradually face the situations you fear, one small step at a time.",
     "Gradually face the situations you fear.", SAFETY, "Under a therapist's guidance"),
    ("In adults over 65, this medicine can raise the risk of falls.", "This medicine can raise the risk of falls.",
     QUALIFIER, "In adults over 65"),
    ("Arguing doesn't necessarily hurt a relationship when both people feel heard.",
     "Arguing doesn't hurt a relationship when both people feel heard.", HEDGE, "necessarily"),
    ("Arguing doesn't necessarily hurt a relationship when both people feel heard.",
     "Arguing doesn't necessarily hurt a relationship.", CONDITION, "when both people feel heard"),
    ("This medicine can raise the risk of falls.", "This medicine raises the risk of falls.", HEDGE, "can raise"),
    ("For some people, journaling helps them sleep.", "Journaling helps them sleep.", QUALIFIER, "For some people"),
    ("Do not stop your medication suddenly.", "Stop your medication suddenly.", NEGATION, "Do not"),
    ("Step back only when you feel safe to do so.", "Step back.", SAFETY, "only when you feel safe to do so"),
    ("Rest helps, but it does not replace treatment.", "Rest helps.", CONTRAST, "but it does not replace treatment"),
    ("Rest is fine as long as you check in with someone.", "Rest is fine.", CONDITION,
     "as long as you check in with someone"),
])
def test_what_a_shortening_leaves_out_is_named(source, said, kind, left_out):
    assert dropped((source,), said)[:1] == ((kind, left_out),)


@pytest.mark.parametrize(("source", "said"), [
    ("Guilt is a common reaction to setting limits, and it does not mean you did something wrong.",
     "Guilt is a common reaction to setting limits."),  # a second claim of its own
    ("Beta-blockers can help control symptoms, such as rapid heart rate.", "Beta-blockers can help control symptoms."),
    ("Talk with your doctor before you stop taking any medication, even when you feel better.",
     "Talk with your doctor before you stop taking any medication."),  # "even when" widens, never narrows
    ("You can also affect your mental health by taking steps.", "You can affect your mental health by taking steps."),
    ("It is important to seek help if symptoms do not improve.", "Seek help if symptoms do not improve."),
])
def test_what_split_may_leave_out_gets_no_note(source, said):
    assert dropped((source,), said) == ()


def test_a_person_who_rewrites_the_headline_clears_its_note(tips):
    tip = tips["Avoiding"]
    edited = "Avoiding what scares you may help today, but the anxiety usually stays without treatment."
    assert not any(note.startswith("shortened:") for note in notes_after_edit(tip.notes, edited, tip.text,
                                                                                ["headline"]))


SAYING = """# When your teen is anxious

## What to say

Anxious teens often go quiet, and the words you choose matter.

Describe what you have noticed without judgment, for example: "You've seemed really stressed about school lately."

Validate the feeling, even if it seems out of proportion: “That sounds really hard.” It really helps them feel heard.
"""


def test_words_in_quotation_marks_go_out_as_the_article_wrote_them(tmp_path):
    path = tmp_path / "saying.md"
    path.write_text(SAYING, encoding="utf-8")
    written = " ".join(tip.headline + " " + tip.text for tip in split_article(read_article(path, path.parent)))
    assert "You've seemed really stressed about school lately.”" in written  # straight quotes set as curly ones
    assert "“That sounds really hard.”" in written
    assert "\ue000" not in written and "\ue001" not in written


def test_a_headline_never_stops_where_its_example_was_to_begin():
    from scheduler.tips.drafts import make_headline

    sentence = ("When your teen is anxious, describe what you have noticed without judgment, for example: "
                "\"You've seemed really stressed about school lately.\"")
    headline, text = make_headline(sentence)
    assert headline == "When your teen is anxious, describe what you have noticed without judgment."
    assert text.endswith("\"You've seemed really stressed about school lately.\"")  # the example stays in the post
