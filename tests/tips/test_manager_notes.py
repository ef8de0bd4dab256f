"""Reasons and summaries a manager can believe (issue 19, point 8; a user trial): a sentence only the topic reader
flags is not said to speak of a sensitive topic with its everyday words as the reason; a list of bold-labelled
points is not said to have "no headline within a card's length"; a headline that is a whole sentence is not said to
stop where the sentence needs more. Made-up articles, split as a manager splits them."""

from __future__ import annotations

from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.standalone import standalone_notes

WHOLE = """# Leaving work at work

## Set an end to the day

The evening belongs to you, and a few habits help you keep it that way:

- Pick a set time to stop checking messages, and tell your team what it is.
- Keep your work phone in a drawer once dinner starts.
- Take a short walk after work before you open the front door.
"""

CUT_SHORT = "the headline stops where the sentence needs more"


def _split(tmp_path: Path, text: str):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path, tmp_path))


def test_a_headline_that_is_a_whole_sentence_is_not_cut_short(tmp_path):
    split = _split(tmp_path, WHOLE)
    (tip,) = [tip for tip in split.tips if tip.headline.startswith("Pick a set time")]
    assert tip.headline == "Pick a set time to stop checking messages, and tell your team what it is.", tip
    assert not any(note.startswith(CUT_SHORT) for note in tip.notes), tip.notes


def test_a_headline_cut_from_a_longer_sentence_is_still_said_to_stop_short():
    notes = standalone_notes("Common reasons for this are.", "Common reasons for this are stress, money and sleep.",
                             kind="sentence")
    assert any(note.startswith(CUT_SHORT) for note in notes), notes
