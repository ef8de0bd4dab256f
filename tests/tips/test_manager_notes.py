"""Reasons and summaries a manager can believe (issue 19, point 8; a user trial): a sentence only the topic reader
flags is not said to speak of a sensitive topic with its everyday words as the reason; a list of bold-labelled
points is not said to have "no headline within a card's length"; a headline that is a whole sentence is not said to
stop where the sentence needs more. Made-up articles, split as a manager splits them."""

from __future__ import annotations

from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.sensitivity import lexicon_phrases, topic_words
from scheduler.tips.standalone import standalone_notes

# b1 gives a tip that leaves out its last sentence, one the topic reader alone flags ("a friend", "thing to"), as the
# trial's b11 did; b2 gives a tip that leaves out a sentence the lexicon names ("not wanting to be here").
SELF_TALK = """# Quieting the evening worry

## Notice the stories worry tells

Worry is a convincing narrator. It says that one slip will cost you everything, that your friends are tired of you, or that everyone else has it together. When you catch one of these stories, ask yourself what you actually know. Then ask what you would tell a friend who said the same thing to you.

## When it's time to get help

Sometimes worry grows into something heavier. If you find that you dread every morning, that you can't remember the last time you felt calm, or that you've started having thoughts of not wanting to be here at all, please reach out to someone right away. You deserve support, and you don't have to carry this alone.
"""

SIGNS = """# When worry becomes too much

## Signs to watch for

Everyone worries sometimes, but a few signs suggest that worry has grown into something more than the everyday kind:

- **Trouble sleeping.** Sleeping far more or less than usual, or waking at night with your mind racing.
- **Pulling away.** Skipping time with friends you used to enjoy, or letting messages go unanswered for days.
- **Short temper.** Snapping at people you love over small things and feeling bad about it afterwards.
- **Constant tiredness.** Feeling worn out even after a full night's rest, day after day.

## What helps

Set aside ten minutes each evening to write your worries down, then close the notebook until tomorrow.
"""

WHOLE = """# Leaving work at work

## Set an end to the day

The evening belongs to you, and a few habits help you keep it that way:

- Pick a set time to stop checking messages, and tell your team what it is.
- Keep your work phone in a drawer once dinner starts.
- Take a short walk after work before you open the front door.
"""

CARD = "no headline within a card's length"
CUT_SHORT = "the headline stops where the sentence needs more"


def _split(tmp_path: Path, text: str):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path, tmp_path))


def _block(report, locator):
    return next(entry for entry in report if entry["locator"] == locator)


def _split_summary(project: Path, cli, text: str) -> str:
    (project / "posts" / "articles" / "worry.md").write_text(text, encoding="utf-8")
    result = cli("split", "posts/articles/worry.md", cwd=project)
    assert result.code == 0, result.err
    return result.out


def test_the_made_up_sentences_are_read_as_the_trial_read_them():
    assert not lexicon_phrases("Then ask what you would tell a friend who said the same thing to you.")
    assert topic_words("Then ask what you would tell a friend who said the same thing to you.")
    assert lexicon_phrases("or that you've started having thoughts of not wanting to be here at all")


def test_a_sentence_only_the_topic_reader_flags_is_named_as_its_guess_not_as_a_sensitive_topic(tmp_path):
    split = _split(tmp_path, SELF_TALK)
    block = _block(split.blocks, "b1")
    assert block["tips"], block
    said = block["left_out"] or ""
    assert "only the topic reader" in said and "tell a friend who said the same thing" in said, said
    assert "speaks of a sensitive topic" not in said and "“thing to”" not in said, said
    assert "--take b1" in said, said


def test_the_summary_keeps_the_sensitive_sentences_apart_from_the_readers_guesses(project, cli):
    out = _split_summary(project, cli, SELF_TALK)
    sure, _, guessed = out.partition("only the topic reader")
    assert "1 passage that gave tips left a sensitive sentence out of them:" in sure, out
    assert "b2: a sentence that speaks of a sensitive topic (“not wanting to be here”)" in sure, out
    assert "b1" not in sure.split("left a sensitive sentence out of them:", 1)[1], out
    assert "b1: “Then ask what you would tell a friend who said the same thing to you.”" in guessed, out
    assert "“a friend”" not in out, out


def test_a_list_of_bold_labelled_points_says_what_became_of_it(tmp_path):
    split = _split(tmp_path, SIGNS)
    block = _block(split.blocks, "b2")
    assert not block["tips"], block
    assert CARD not in block["left_out"], block
    assert block["left_out"].startswith("a list of points with bold labels (“Trouble sleeping.”, “Pulling away.”, …)")
    assert "`split --take b2`" in block["left_out"], block
    assert all(item["left_out"] == block["left_out"] for item in block["items"]), block
    assert not any("Trouble sleeping" in tip.text for tip in split.tips)  # the list gives no tip, as before


def test_a_list_of_phrases_after_a_word_that_heads_nothing_says_so(tmp_path):
    split = _split(tmp_path, "# Grief\n\n## How grief shows up\n\nPhysically:\n\n- exhaustion and fatigue\n"
                             "- appetite changes\n- physical aches and pains\n\n## What helps\n\nLet yourself rest "
                             "more than usual in the weeks after a loss.\n")
    lists = [entry for entry in split.blocks if entry["kind"] == "list"]
    assert lists and not lists[0]["tips"], lists
    said = lists[0]["left_out"]
    assert CARD not in said and "that split writes no headline for" in said, said


def test_a_headline_that_is_a_whole_sentence_is_not_cut_short(tmp_path):
    split = _split(tmp_path, WHOLE)
    (tip,) = [tip for tip in split.tips if tip.headline.startswith("Pick a set time")]
    assert tip.headline == "Pick a set time to stop checking messages, and tell your team what it is.", tip
    assert not any(note.startswith(CUT_SHORT) for note in tip.notes), tip.notes


def test_a_headline_cut_from_a_longer_sentence_is_still_said_to_stop_short():
    notes = standalone_notes("Common reasons for this are.", "Common reasons for this are stress, money and sleep.",
                             kind="sentence")
    assert any(note.startswith(CUT_SHORT) for note in notes), notes
