"""`split --take` heads its card the way split heads its own tips (issue 19's user trial: `--take b12` made the title-case
section heading "When Criticism Becomes Emotional Abuse." a card's headline; a topic is no advice and a card's
headline is a sentence in sentence case). The heading heads a take only where split would let it head a tip of its
own (advice, put in sentence case with split's note); else a later sentence of the passage does, with a note."""

from __future__ import annotations

import json

import yaml

from scheduler.tips.drafts import CASE_NOTE, LATER_SENTENCE
from scheduler.tips.taking import Beside, take
from tests.conftest import article_project

LONG = ("When the criticism is constant, when it is aimed at who you are rather than what you did, and when it leaves "
        "you afraid to speak in your own home, it has become something other than ordinary conflict.")
HOTLINE = ("If your partner threatens you, leave the room, and call or text the National Domestic Violence Hotline at "
           "1-800-799-7233 or your local emergency number right away.")
ARTICLE = f"""# Living with a critical partner

Every couple argues, and a complaint about the dishes is not an attack on who you are. Say what you need plainly.

## When Criticism Becomes Emotional Abuse

{LONG} {HOTLINE} If they hurt you, call 911.

## Keep Talking To People Who Know You

{LONG}

## What Happens Next

{LONG}
"""


def _take(tmp_path, cli, locator):
    root = article_project(tmp_path, "critical.md", ARTICLE)
    result = cli("split", "posts/articles/critical.md", "--take", locator, cwd=root)
    if result.code:
        return result, None
    tips = yaml.safe_load((root / "posts" / "critical.yaml").read_text(encoding="utf-8"))["tips"]
    (tip,) = [t for t in tips if any(n.startswith(f"taken by hand from {locator}") for n in t["notes"])]
    return result, tip


def _block(tmp_path, cli, heading):
    root = article_project(tmp_path / "report", "critical.md", ARTICLE)
    report = json.loads(cli("split", "--json", "posts/articles/critical.md", cwd=root).out)
    return next(b["locator"] for b in report["blocks"] if b["section"] == heading)


def test_a_topic_heading_in_title_case_never_heads_a_take(tmp_path, cli):
    locator = _block(tmp_path, cli, "When Criticism Becomes Emotional Abuse")
    result, tip = _take(tmp_path, cli, locator)
    assert result.code == 0, result
    assert "Criticism Becomes" not in tip["headline"] and tip["headline"] != "When criticism becomes emotional abuse.", tip
    assert tip["headline"] == "If they hurt you, call 911.", tip  # a sentence of the passage, never the topic
    assert HOTLINE in tip["text"], tip
    assert "headline is the section heading" not in tip["notes"], tip
    assert any(note.startswith("the headline needs context") for note in tip["notes"]), tip  # "they": check it


def test_a_later_sentence_heads_a_take_whose_first_sentence_is_too_long_for_a_card():
    tip = take(f"{LONG} Name the pattern to someone you trust.", "b2", lambda text, sensitive: True, set(),
               section="When Criticism Becomes Emotional Abuse", beside=Beside())
    assert tip.headline == "Name the pattern to someone you trust.", tip
    assert tip.text == f"{LONG} Name the pattern to someone you trust.", tip
    assert LATER_SENTENCE in tip.notes and "headline is the section heading" not in tip.notes, tip


def test_an_advice_heading_in_title_case_heads_a_take_in_sentence_case_with_splits_note():
    # split heads its own tip of this passage so, and `--take` of it is refused as that tip's twin (test_take_hedge):
    # the take as split would make it beside no other tip
    tip = take(LONG, "b3", lambda text, sensitive: True, set(), section="Keep Talking To People Who Know You",
               beside=Beside())
    assert tip.headline == "Keep talking to people who know you.", tip
    assert tip.text == LONG, tip
    assert "headline is the section heading" in tip.notes and CASE_NOTE in tip.notes, tip


def test_a_passage_no_sentence_of_which_fits_a_card_is_taken_with_its_main_clause_and_a_note(tmp_path, cli):
    # user trial 11: a take is the manager's decision, refused only when no words can head a card
    locator = _block(tmp_path, cli, "What Happens Next")
    result, tip = _take(tmp_path, cli, locator)
    assert result.code == 0, result
    assert tip["headline"] == "It has become something other than ordinary conflict.", tip  # never a "when" clause
    assert tip["text"] == LONG, tip
    assert any(note.startswith("headline shortened from a sentence too long for a card") for note in tip["notes"]), tip
    assert any(note.startswith("the headline needs context") for note in tip["notes"]), tip  # "It": check it
