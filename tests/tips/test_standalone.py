"""Readiness's own checks (scheduler/tips/standalone.py): a tip that leans on what came before, tells a story,
carries a label or odd capitals, or was cut short is never ready, and its note names the problem."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.readiness import is_ready, notes_after_edit, review_notes
from scheduler.tips.standalone import (
    _NEEDS_MORE,
    NOTES,
    WEAK_READINGS,
    _cut_short,
    standalone_notes,
)

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted(p for p in (REPO / "tests" / "data" / "articles").rglob("*") if p.suffix in (".md", ".txt", ".html"))


def _ready(headline: str, text: str | None = None, *, kind: str = "sentence") -> tuple[bool, list[str]]:
    notes = review_notes(headline, text or headline, [], kind=kind)
    return is_ready(notes), notes


@pytest.mark.parametrize(("headline", "named"), [
    ("These are worth watching for in your teen.", "These"),
    ("Doing this takes practice, so be patient with yourself.", "Doing this"),
    ("During those times, you may notice your shoulders tense.", "During those"),
    ("This can make a big difference for your sleep.", "This"),
    ("That is why you need a plan for the holidays.", "That"),
    ("It gets easier every time you practice.", "It"),
    ("They often need more time than you expect.", "They"),
    ("Also, drink a glass of water before bed.", "Also"),
    ("Another way to cope is to take a short walk.", "Another"),
    ("As mentioned, sleep is where your recovery starts.", "As mentioned"),
    ("The following steps can help you calm down.", "The following"),
    ("The key is to start small and keep going.", "The key"),
    ("Some work better than others, so try a few.", "Some work"),
    ("Your own well-being matters too.", "too"),
])
def test_a_dangling_reference_opener_is_never_ready_and_its_note_names_it(headline, named):
    ready, notes = _ready(headline)
    assert not ready
    assert any(note.startswith("leans on what came before") and named in note for note in notes), notes


@pytest.mark.parametrize(("headline", "text", "named"), [
    ("Listen more than you advise.", "Listen more than you advise. When they do open up, resist the urge to fix it.",
     "they"),
    ("Validate their feelings.", None, "their"),
    ("Keep the invitation open-ended.", "Keep the invitation open-ended. Ask what worries your partner.",
     "the invitation"),
])
def test_a_word_that_points_outside_the_tip_is_named(headline, text, named):
    ready, notes = _ready(headline, text)
    assert not ready and any(f"“{named}”" in note for note in notes), notes


@pytest.mark.parametrize(("headline", "text", "kind", "start"), [
    ("Sarah felt alone when her mother moved in.", None, "sentence", "tells a story"),
    ("Remember: you already know what you need.", None, "sentence", "opens with a label"),
    ("Explore the Root Causes.", "Explore the Root Causes. Ask what the habit does for you.", "heading",
     "odd capitals"),
    ("We work on.", "We work on: sleep, routines and support.", "list", "the headline speaks as “we”"),
    ("When you opt for brief counselling, you may be facing.", None, "list", "the headline stops where"),
    ("Try saying: “I care about us and want tools to handle stress together.”", None, "example",
     "an example of what to say, alone"),
    ("Talk to a provider if you have symptoms for two weeks.", None, "sentence", "symptoms of what?"),
    ("Share what you've noticed and why you care.", None, "item", "names no one to speak to"),
    ("Registration does not replace accreditation.", None, "sentence", "speaks about the practice’s clients"),
    ("Sleep becomes less restorative.", "Sleep becomes less restorative. Work can begin to feel heavy.", "sentence",
     "says nothing to the reader"),
])
def test_setups_stories_labels_and_fragments_are_held_with_a_note_that_names_them(headline, text, kind, start):
    ready, notes = _ready(headline, text, kind=kind)
    assert not ready and any(note.startswith(start) for note in notes), notes


@pytest.mark.parametrize(("headline", "text"), [
    ("Take a ten-minute walk when you feel your anger rising.", None),
    ("Ask your partner what helps on hard days, and tell them what helps you.", None),
    ("Burnout is not weakness.", "Burnout is not weakness. It is a signal that something needs to change."),
    ("Give yourself an exit.", "Give yourself an exit. Drive yourself to gatherings so you can leave when you need to."),
    ("While occasional stress and anxiety are normal, they shouldn’t control your life.", None),
    ("Share how you feel using “I” statements.",
     "Share how you feel using “I” statements. Focus on your experience rather than your partner’s shortcomings."),
])
def test_plain_advice_that_stands_alone_raises_nothing(headline, text):
    assert standalone_notes(headline, text or headline, kind="sentence") == []


def test_a_headline_that_names_only_some_of_a_list_is_not_ready():
    assert not is_ready(["headline names only some of the list's items"])


def test_the_weaker_readings_are_not_added_to_a_tip_already_held_back():
    notes = review_notes("Pressure tends to backfire.", "Pressure tends to backfire.", [], kind="sentence")
    assert not set(notes) & set(WEAK_READINGS) or len(notes) == 1


def test_every_note_has_a_stable_opening_that_a_persons_edit_clears():
    assert all(len(prefix) >= 10 for prefix in NOTES)
    notes = review_notes("These are worth watching for.", "These are worth watching for.", [], kind="sentence")
    assert not is_ready(notes)
    after = notes_after_edit(notes, "Watch for a change in sleep.", "Watch for a change in sleep.", ["headline"])
    assert after == [] and is_ready(after)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_no_ready_tip_of_a_test_article_leans_on_what_came_before(path):
    for tip in split_article(read_article(path, REPO)):
        found = standalone_notes(tip.headline, tip.text, kind="sentence")
        if tip.ready:
            assert not [note for note in found if note.startswith(("leans on", "a pronoun", "points at"))], tip
        assert all(len(note) <= 80 for note in tip.notes if note.startswith(NOTES)), tip.notes


@pytest.mark.parametrize("headline", [
    "Finding the best treatment may take trial and error.",
    "Give a medication a chance to work before deciding whether it is right for you.",
    "Recovery is not about perfection.",
    "All medications can have side effects.",
])
def test_care_words_with_no_condition_named_are_not_ready(headline):
    ready, notes = _ready(headline)
    assert not ready and any(note.startswith("speaks of “") for note in notes), notes


@pytest.mark.parametrize("headline", [
    "Treatment for depression often combines talk therapy and medication.",
    "Protect your recovery time.",
    "If medication for anxiety makes you drowsy, tell your doctor.",
])
def test_care_words_beside_a_condition_or_in_everyday_use_raise_nothing(headline):
    assert not any(note.startswith("speaks of “") for note in standalone_notes(headline, headline, kind="sentence"))


def test_a_tip_that_drops_the_situation_its_heading_names_is_not_ready():
    section = "What to do during a panic attack"
    notes = standalone_notes("Focus on breathing out slowly.", "Focus on breathing out slowly.", kind="sentence",
                             section=section)
    assert any(note.startswith("the heading says when this applies (“during a panic") for note in notes)
    said = "During a panic attack, focus on breathing out slowly."
    assert not any(note.startswith("the heading says") for note in standalone_notes(said, said, kind="sentence",
                                                                                    section=section))
    assert not any(note.startswith("the heading says") for note in standalone_notes(
        "Focus on breathing out slowly.", "Focus on breathing out slowly.", kind="sentence",
        section="When to get help"))


def test_a_headline_cut_short_is_found_as_the_rule_searched_everywhere_finds_it():
    """_cut_short searches only the headline's last words: the same match (place and word) as _NEEDS_MORE.search."""
    rng = random.Random(22)
    pieces = ["such as", "as", "a", "the", " ", "  ", "\n", ".", "?", "!", "x", "Word", "support you in", "SUCH AS",
              "\u212a", "work on", "é", "\u00a0", "\t", "include", "includes", "-", "'"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    texts += ["Common reasons include.", "such as.\n", "as.\n\n", "things such as  .", "\u212aork on."]

    def found(match):
        return match and (match.span(), match.group(1))

    assert sum(1 for text in texts if _NEEDS_MORE.search(text)) > 500
    assert [found(_cut_short(text)) for text in texts] == [found(_NEEDS_MORE.search(text)) for text in texts]
