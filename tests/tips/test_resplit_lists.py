"""Splitting an edited article again: each tip stays tied to its own passage, and only a changed passage's tip
goes stale (a user trial on a grief article whose list lost a tip when one item was edited)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scheduler.campaigns.file import load_campaign

ARTICLE = """# When Grief Comes in Waves: Getting Through the First Year

*By Dana Whitfield, LMHC — Juno Counseling and Wellness*

Losing someone you love changes the shape of every day. There is no wrong way to grieve.

## Grief is not a straight line

Grief rarely moves in neat stages. You may feel steady for a week and then be knocked flat by a song in the \
grocery store. That doesn't mean you are going backwards. Waves of grief are a normal part of loving someone \
who has died.

## Small things that help on hard days

When the days feel heavy, it can help to:

- Keep one simple routine, like a morning walk or making coffee the same way
- Let people help with practical tasks such as meals or errands
- Say your loved one's name out loud and share a memory
- Write a letter to the person you lost
- Rest without guilt

## Anniversaries and holidays

The first birthday, holiday, or anniversary after a loss is often harder than people expect. Plan ahead. Decide \
which traditions you want to keep and which you want to set aside this year. It's okay to change your mind on \
the day.
"""

EDITED = (ARTICLE.replace("Let people help with practical tasks such as meals or errands",
                          "Let friends help with practical tasks such as meals, errands, or school pickups")
          .replace("a song in the grocery store", "a song on the radio"))


def _counts(out: str) -> tuple[int, ...]:
    match = re.search(r"(\d+) tips? \((\d+) new, (\d+) kept, (\d+) stale", out)
    assert match, out
    return tuple(int(n) for n in match.groups())


def _item_tips(project: Path) -> dict[str, tuple[list[str], str | None]]:
    """Each list item's locator -> (the ids of the tips it feeds, why it was left out), from the block report."""
    report = json.loads((project / ".juno" / "split" / "waves.json").read_text(encoding="utf-8"))
    return {item["locator"]: (item["tips"], item["left_out"]) for block in report["blocks"]
            for item in block.get("items", ())}


def test_an_edited_list_item_makes_only_its_own_tip_stale_and_every_tip_keeps_its_passage(project, cli):
    article = project / "posts" / "articles" / "waves.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first = cli("split", "posts/articles/waves.md", cwd=project)
    assert first.code == 0, first
    campaign = load_campaign(project / "posts" / "waves.yaml", project)
    by_words = {words: next(tip for tip in campaign.tips if words in tip.text)
                for words in ("let people help", "say your loved one's name", "write a letter", "knocked flat")}
    before = _item_tips(project)
    assert before["b5.2"][0] == [by_words["let people help"].id]
    assert before["b5.3"][0] == [by_words["say your loved one's name"].id]
    assert before["b5.4"][0] == [by_words["write a letter"].id]
    names = [tip.id for tip in by_words.values()]
    approved = cli("approve", "--ack", "sensitive", *names, cwd=project)
    assert approved.code == 0, approved

    article.write_text(EDITED, encoding="utf-8")
    again = cli("split", "posts/articles/waves.md", cwd=project)
    assert again.code == 0, again
    total, new, kept, stale = _counts(again.out)
    assert stale == 2, again.out  # the edited item's tip and the edited sentence's, nothing else
    campaign = load_campaign(project / "posts" / "waves.yaml", project)
    tips = {words: campaign.tip(tip.id) for words, tip in by_words.items()}
    assert all(tip is not None for tip in tips.values())
    assert (total, new, kept) == (len(campaign.tips), 0, len(campaign.tips) - 2), again.out
    assert "stale" in tips["let people help"].review and "stale" in tips["knocked flat"].review
    # why: the edited item gives no tip any more, so its tip's source is gone; the edited sentence gives a new one
    assert any(note.startswith("split makes no tip of its passage now") for note in tips["let people help"].notes)
    assert tips["knocked flat"].source["digest"] != by_words["knocked flat"].source["digest"]
    for words in ("say your loved one's name", "write a letter"):
        tip = tips[words]
        assert "stale" not in tip.review and tip.status == "approved", tip
        assert tip.source == by_words[words].source  # its own passage, unchanged
        assert not any(note.startswith("split makes no tip of its passage") for note in tip.notes)
    after = _item_tips(project)
    assert after["b5.3"][0] == [tips["say your loved one's name"].id]
    assert after["b5.4"][0] == [tips["write a letter"].id]
    assert after["b5.2"] == ([], "no headline within a card's length")

    # an item added at the end gives a tip of its own, though split numbers its id after the renumbered ones
    article.write_text(EDITED.replace("- Rest without guilt\n", "- Rest without guilt\n"
                                      "- Ask a friend to sit with you on the hardest evenings\n"), encoding="utf-8")
    added = cli("split", "posts/articles/waves.md", cwd=project)
    assert _counts(added.out)[1:] == (1, kept + 2, 0), added.out
    campaign = load_campaign(project / "posts" / "waves.yaml", project)
    fresh = next(tip for tip in campaign.tips if "sit with you" in tip.text)
    assert fresh.id not in {tip.id for tip in tips.values()} and fresh.status == "draft"
    assert _item_tips(project)["b5.6"][0] == [fresh.id]
