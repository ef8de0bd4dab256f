"""User trial 8 (issue 19): a manager's own article, tests/data/trial/when-your-teenager-wont-go-to-school.md.

Its crisis paragraph gave "Stay with your teen, remove or lock away medications and anything sharp, and reach out for
help right away." without the condition two sentences before it ("If your teen talks about wanting to die, …"), with
a note asking what the medications were for that stayed after her edit named the condition. And split's report
offered `--take b15` for the wanting-to-die sentence while `--take b15` made a tip of the crisis line instead: the
passage the report names and the one --take takes must be the same, on every article."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from scheduler.tips.conditions import LACKS_PARAGRAPH_CONDITION
from tests.conftest import (
    article_project,
    edit_campaign_by_hand,
    split_written,
    tip_opening,
    tips_by_id,
)

REPO = Path(__file__).resolve().parents[2]
TRIAL = REPO / "tests" / "data" / "trial" / "when-your-teenager-wont-go-to-school.md"
SLUG = TRIAL.stem
STAY = "Stay with your teen, remove or lock away medications and anything sharp, and reach out for help right away."
CONDITION = ("If your teen talks about wanting to die, says they would be better off gone, or mentions hurting "
             "themselves")


def test_the_crisis_step_is_not_made_ready_without_the_condition_its_paragraph_gives_it(tmp_path):
    tip = tip_opening(split_written(tmp_path, "school.md", TRIAL.read_text(encoding="utf-8")), STAY[:40])
    assert not tip.ready
    assert LACKS_PARAGRAPH_CONDITION.format(CONDITION) in tip.notes
    assert not any(note.startswith("speaks of “medications”") for note in tip.notes)  # it pointed the wrong way


def test_a_short_step_takes_the_condition_in_front_when_the_card_holds_it(tmp_path):
    article = ("# Helping a friend in crisis\n\n## When it is urgent\n\nMost hard days pass. If your friend mentions "
               "suicide, take it seriously. It is not attention seeking. Stay with them.\n")
    tip = tip_opening(split_written(tmp_path, "friend.md", article), "If your friend mentions suicide")
    assert tip.headline.startswith("If your friend mentions suicide, stay with")
    assert any(note.startswith("condition added from the paragraph") for note in tip.notes)


def test_a_step_with_no_condition_before_it_is_left_as_it_was(tmp_path):
    article = ("# Helping a friend in crisis\n\n## When it is urgent\n\nMost hard days pass, and suicide is rarely "
               "talked about. Keep the number of a crisis line in your phone. Stay with your friend when you can.\n")
    tips = split_written(tmp_path, "friend.md", article)
    assert not any(tip.text.startswith("If ") for tip in tips)
    assert not any(note.startswith("the paragraph's condition") for tip in tips for note in tip.notes)


def test_her_edit_that_names_the_condition_answers_the_note_and_one_that_does_not_keeps_it(tmp_path, cli):
    root = article_project(tmp_path, TRIAL.name, TRIAL.read_text(encoding="utf-8"))
    assert cli("split", f"posts/articles/{TRIAL.name}", cwd=root).code == 0
    edit_campaign_by_hand(root, SLUG, [(f'text: "{STAY}"', 'text: "Stay with them and get help right away."')])
    assert cli("split", f"posts/articles/{TRIAL.name}", cwd=root).code == 0
    notes = tips_by_id(root, SLUG)["stay-with-your-teen-remove-or-lock"]["notes"]
    assert LACKS_PARAGRAPH_CONDITION.format(CONDITION) in notes
    edit_campaign_by_hand(root, SLUG, [
        (f'headline: "{STAY}"', 'headline: "If your teen talks about wanting to die, stay with them and get help."'),
        ('text: "Stay with them and get help right away."',
         ('text: "If your teen talks about wanting to die or hurting themselves, stay with them, lock away medications '
         'and anything sharp, and get help right away."'))])
    assert cli("split", f"posts/articles/{TRIAL.name}", cwd=root).code == 0
    notes = tips_by_id(root, SLUG)["stay-with-your-teen-remove-or-lock"]["notes"]
    assert not any(note.startswith(("the paragraph's condition", "speaks of “medications”")) for note in notes)


# "… is in no tip: “If your teen talks about wanting to die,…” (split --take b15 makes a tip of the passage)"
_OFFERED = re.compile(r"“(?P<opening>[^”]+?)…?” \(split --take (?P<locator>b\d+(?:\.\d+)?) makes a tip")


def offers(blocks: list[dict]) -> list[tuple[str, str, str]]:
    """(locator, the opening of the sentence the report names it for, the passage's words) of every passage the block
    report offers to take: a sensitive sentence no tip carries, a crisis-line paragraph's advice, and a list item
    left out of a list that gave other tips."""
    found = []
    for block in blocks:
        found += [(m.group("locator"), m.group("opening"), block["text"])
                  for m in _OFFERED.finditer(block.get("left_out") or "")]
        for item in block.get("items") or ():
            found += [(m.group("locator"), m.group("opening"), item["text"])
                      for m in _OFFERED.finditer(item.get("left_out") or "")]
            if block["tips"] and not item["tips"]:
                found.append((item["locator"], " ".join(item["text"].split()[:6]), item["text"]))
    return list(dict.fromkeys(found))


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text).lower().split())


@pytest.mark.parametrize("article", [TRIAL, REPO / "tests" / "data" / "trial" / "supporting-a-family-member-after-a-loss.md",
                                     REPO / "tests" / "data" / "trial" / "helping-your-teen-through-anxiety.md",
                                     REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"],
                         ids=lambda path: path.stem)
def test_every_passage_the_report_offers_to_take_is_the_one_take_makes_a_tip_of(tmp_path, cli, article):
    root = article_project(tmp_path, article.name, article.read_text(encoding="utf-8"))
    first = cli("split", f"posts/articles/{article.name}", "--json", cwd=root)
    assert first.code == 0, first
    offered = offers(json.loads(first.out)["blocks"])
    campaign = root / "posts" / f"{article.stem}.yaml"
    split_once = campaign.read_text(encoding="utf-8")
    for locator, opening, words in offered:
        campaign.write_text(split_once, encoding="utf-8")
        shutil.rmtree(root / ".juno", ignore_errors=True)
        before = set(tips_by_id(root, article.stem))
        taken = cli("split", f"posts/articles/{article.name}", "--take", locator, cwd=root)
        assert taken.code == 0, (locator, taken)
        new = [tip for tip_id, tip in tips_by_id(root, article.stem).items() if tip_id not in before]
        assert len(new) == 1, (locator, new)
        tip = new[0]
        # made from that passage's words (a list item after its lead-in, a "them" named: a few words of its own)
        passage = set(_folded(words).split())
        own = [word for word in _folded(tip["text"]).split() if word not in passage]
        assert len(own) <= len(_folded(tip["text"]).split()) // 5, (locator, own, tip["text"])
        # and of the sentence the report named, or its notes say why that sentence is not in it ("Other warning
        # signs include …" is taken as "Warning signs include …": the signs it set itself beside are in no tip)
        named = re.sub(r"^other ", "", _folded(opening))
        assert named in _folded(tip["headline"] + " " + tip["text"]) or any(
            _folded(opening)[:30] in _folded(note) for note in tip["notes"]), (locator, opening, tip)
    if article == TRIAL:
        assert next(opening for locator, opening, _ in offered if locator == "b15").startswith("If your teen talks")
