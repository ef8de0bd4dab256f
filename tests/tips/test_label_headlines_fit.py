"""A user check of labelfix (tests/data/trial/sleep-and-stress.md, a made-up article): five "**Label**: sentence"
items, where one item's headline was the whole 115-character sentence, which the x card cannot draw with a kicker
(held with the card's note), and two gave no tip at all ("no headline within a card's length"). A label item's
headline is held to what the cards draw like any other, cut only where a whole statement ends (a cut that leaves out
a condition is held with the meaning note, as any other); a sentence with no such cut still gives its tip, headed by
its label as `split --take` heads a too-long sentence with its heading, the whole sentence in the post, held with a
note."""

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
    found = [tip for tip in tips if sentence in tip.text]
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
        assert tip.text.endswith(sentence) or tip.text.startswith(sentence), tip.text
        assert tip.headline != sentence


def test_a_sentence_no_card_holds_with_no_honest_cut_is_headed_by_its_label_and_held():
    """"… keeps bright light and late messages." is no statement (keeps them from what?), and "… to clear the
    caffeine." leaves out its condition "before night": no cut keeps the meaning, so the label heads the card."""
    tips = _tips()
    for sentence, label in ((CURFEW, "Screen curfew"), (CAFFEINE, "Caffeine cutoff")):
        tip = _tip(tips, sentence)
        assert tip.headline == f"{label}."
        assert not tip.ready
        assert any("too long for a card" in note and f"“{label}”" in note for note in tip.notes), tip.notes


def test_a_label_item_with_a_card_sized_sentence_still_leaves_its_label_out():
    wind_down = _tip(_tips(), "Starting the same quiet routine")
    assert wind_down.headline.startswith("Starting the same quiet routine")
