"""What a user trial found in split's reading of voice (a manager splitting two articles of her own): general
advice to see a therapist left out as the practice speaking, a line about a named client written as a tip, and
signs of one list treated unevenly. Each on a small article written for its test."""

from __future__ import annotations

from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report


def _split(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path, tmp_path))


def _left_out(split, words: str) -> str | None:
    (block,) = [block for block in split.blocks if words in block["text"]]
    return block["left_out"]


# --- "we" meaning people in general is not the practice speaking --------------------------------------------

SUPPORT = """# When Work Follows You Home

## Small changes first

Protect one evening a week from work messages, and tell the people around you that you are offline.

## Getting support

If these patterns feel familiar, working with a therapist can help. We all need support sometimes, and a counselor can help you sort out what you feel.

Most of us wait too long before asking for help, and we deserve support long before we reach empty.

## Work with us

Our therapists specialize in burnout and work stress. We offer evening sessions for busy parents. Call us today to book a free consultation.
"""


def test_advice_to_see_a_therapist_in_a_general_we_is_a_tip(tmp_path):
    """"We all need support sometimes, and a counselor can help you …" was left out as "speaks as “we” (a setup or
    story more often than advice)": "we all", "most of us" are people in general, not the practice."""
    split = _split(tmp_path, "support.md", SUPPORT)
    texts = " ".join(tip.text for tip in split.tips)
    assert "a counselor can help you sort out what you feel" in texts
    assert "we deserve support long before we reach empty" in texts
    assert _left_out(split, "We all need support") is None
    assert not any("speaks as “we”" in note for tip in split.tips for note in tip.notes)


def test_the_practices_own_we_is_still_its_pitch(tmp_path):
    split = _split(tmp_path, "support.md", SUPPORT)
    assert not any(word in tip.text for tip in split.tips for word in ("Our therapists", "We offer", "Call us"))
    assert _left_out(split, "Our therapists specialize")


# --- a line about a named person that gives no advice of its own is a story ----------------------------------

MARIA = """# Rest Is Not a Reward

## Why rest feels hard

For Maria, the hardest part was admitting she needed a break. Rest is not a sign of weakness, and you do not have to earn it.

Jonah found that a short walk after work helped him switch off. A walk after work can mark the end of the day.

For Sam, the turning point came when his doctor asked how he was sleeping.

## What the research says

Dr. Gottman found that couples who turn toward small bids for attention stay connected longer.

As Brené Brown says, rest is not a reward for finishing. Schedule rest before you need it.

Like Maria, you can start with one evening a week offline.
"""


def test_a_line_about_a_named_client_is_left_out_as_a_story(tmp_path):
    """"For Maria, the hardest part was admitting she needed a break." opened a tip: a line of a case example
    about someone named, told in the past with no advice, says nothing alone; the advice after it is the tip."""
    split = _split(tmp_path, "rest.md", MARIA)
    words = [f"{tip.headline} {tip.text}" for tip in split.tips]
    assert not any(who in said for said in words for who in ("For Maria, the hardest", "Jonah found", "For Sam"))
    texts = [tip.text for tip in split.tips]
    assert "Rest is not a sign of weakness, and you do not have to earn it." in texts
    assert any(text.startswith("A walk after work can mark the end of the day.") for text in texts)
    (alone,) = [block for block in split.blocks if block["text"].startswith("For Sam, the turning point")]
    assert alone["left_out"].startswith("story")


def test_a_citation_and_advice_that_names_someone_are_no_story(tmp_path):
    split = _split(tmp_path, "rest.md", MARIA)
    words = " ".join(f"{tip.headline} {tip.text}" for tip in split.tips)
    assert "couples who turn toward small bids for attention stay connected longer" in words
    assert "rest is not a reward for finishing" in words
    assert "you can start with one evening a week offline" in words


# --- items of one list that share a shape get one decision ---------------------------------------------------

SIGNS = """# Is It Burnout?

## Five signs to watch for

Burnout builds slowly, and its signs are easy to explain away. Watch for these five signs:

**Exhaustion.** Waking up tired even after a full night of sleep.

**Dread.** A knot in your stomach every Sunday evening.

**Irritability.** Snapping at people you love over small things.

**Cynicism.** A nurse who used to love her shifts and now counts the minutes.

**Numbness.** Constant flatness and no joy.

## What helps

**Guard one evening.** Keep one evening a week free of work messages, and tell the people around you that you are offline.

**Move a little.** A short walk after work tells your body the day is over.

**Talk to someone.** Burnout is easier to undo when someone else knows how you are doing.
"""


def test_signs_of_one_list_with_the_same_shape_get_the_same_decision(tmp_path):
    """Five labelled signs, each described without a verb of its own: four were left out ("finishes its lead-in",
    "an example alone", "fragment") and one ("A knot in your stomach every Sunday evening.") went out alone as a
    tip. A description with no main verb cannot stand alone, whichever sibling it is."""
    split = _split(tmp_path, "signs.md", SIGNS)
    signs = [block for block in split.blocks if block["section"] == "Five signs to watch for" and block["block"] > 1]
    assert len(signs) == 5
    assert all(block["left_out"] and not block["tips"] for block in signs), [b["left_out"] for b in signs]
    (dread,) = [block for block in signs if "knot" in block["text"]]
    assert "as its siblings" in dread["left_out"]
    assert not any("knot in your stomach" in tip.text for tip in split.tips)


def test_siblings_that_say_whole_sentences_stay_tips(tmp_path):
    split = _split(tmp_path, "signs.md", SIGNS)
    helps = [block for block in split.blocks if block["section"] == "What helps"]
    assert len(helps) == 3 and all(block["tips"] for block in helps), [b["left_out"] for b in helps]
