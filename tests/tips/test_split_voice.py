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
