"""A user check of labelfix (tests/data/trial/sleep-and-stress.md, a made-up article): five "**Label**: sentence"
items, where one item's headline was the whole 115-character sentence, which the x card cannot draw with a kicker
(held with the card's note), and two gave no tip at all ("no headline within a card's length"). A label item's
headline is held to what the cards draw like any other, cut only where a whole statement ends; a sentence with no
such cut still gives its tip, the whole sentence in the post and the cut noted."""

from __future__ import annotations

from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.cardfit import NOTE, bundled
from scheduler.tips.drafting import split_article

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "trial" / "sleep-and-stress.md"
WORRY = ("Writing tomorrow's worries on paper before bed lets your mind set them down instead of rehearsing them in "
         "the dark.")
CURFEW = ("Putting your phone in another room an hour before sleep keeps bright light and late messages from waking "
          "your brain back up.")
CAFFEINE = ("Stopping coffee and energy drinks by early afternoon gives your body the hours it needs to clear the "
            "caffeine before night.")
MISFIT = NOTE.split("{")[0]


def _tips():
    return split_article(read_article(ARTICLE, ARTICLE.parent))


def _tip(tips, sentence):
    found = [tip for tip in tips if tip.text.startswith(sentence)]
    assert len(found) == 1, [tip.text for tip in tips]
    return found[0]


def test_a_label_items_headline_is_one_every_card_draws():
    tips = _tips()
    worry = _tip(tips, WORRY)
    assert worry.headline == "Writing tomorrow's worries on paper before bed lets your mind set them down."
    cards = bundled()
    assert cards is not None
    assert not any(note.startswith(MISFIT) for tip in tips for note in tip.notes), [tip.notes for tip in tips]
    for tip in tips:
        assert cards.misfit(tip.headline) is None, tip.headline


def test_every_label_item_gives_a_tip_whose_post_keeps_its_whole_sentence():
    tips = _tips()
    for sentence in (CURFEW, CAFFEINE, WORRY):
        tip = _tip(tips, sentence)
        assert tip.headline != tip.text
        assert sentence.startswith(tip.headline.rstrip(".")), tip.headline  # a cut, never a rewrite


def test_a_long_sentence_is_cut_where_a_whole_statement_ends():
    caffeine = _tip(_tips(), CAFFEINE)
    assert caffeine.headline == ("Stopping coffee and energy drinks by early afternoon gives your body the hours it "
                                 "needs to clear the caffeine.")


def test_a_sentence_with_no_honest_cut_still_gives_its_tip_held_with_a_note():
    curfew = _tip(_tips(), CURFEW)
    assert curfew.text.startswith(CURFEW)
    assert not curfew.ready
    assert any("shortened" in note for note in curfew.notes), curfew.notes
