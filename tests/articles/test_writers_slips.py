"""A writer's punctuation slips never reach a card or a post: two full stops, a comma before a full stop, a space
before a comma (outside readers graded such tips "fix the punctuation" before they could be posted)."""

from __future__ import annotations

import pytest

from scheduler.articles import read_article
from scheduler.articles.model import clean
from scheduler.tips.drafting import split_article

SLIPS = """# Small Steps for Better Sleep

## Build a wind-down routine

Keep the same bedtime every night, even on weekends.. A steady rhythm helps your body know when to rest , and it
makes falling asleep easier.

Put your phone in another room an hour before bed.. The light and the scrolling both keep your mind awake,.

Write down what is on your mind before you turn off the light. Naming a worry on paper can make it feel smaller
by morning...
"""


def test_no_tip_shows_a_writers_slip(tmp_path):
    source = tmp_path / "sleep.md"
    source.write_text(SLIPS, encoding="utf-8")
    tips = split_article(read_article(source))
    assert tips
    for tip in tips:
        for words in (tip.headline, tip.text):
            assert "..." in words or ".." not in words, words
            assert ",." not in words and " ," not in words, words
    assert any(tip.text.startswith("Keep the same bedtime every night, even on weekends. A steady rhythm")
               for tip in tips)


@pytest.mark.parametrize(("written", "read"), [
    ("even on weekends.. A steady rhythm", "even on weekends. A steady rhythm"),
    ("awake,.", "awake."),
    ("“Rest..” she said", "“Rest.” she said"),
    ("to rest , and", "to rest, and"),
    ("Wait... then breathe.", "Wait... then breathe."),  # an ellipsis stays
    ("e.g.. a walk", "e.g. a walk"),
    ("see ../notes for more", "see ../notes for more"),  # a path is not a slip
])
def test_a_slip_is_taken_out_and_nothing_else(written, read):
    assert clean(written) == read
