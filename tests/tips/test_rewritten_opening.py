"""A manager rewrites how a tip opens, in the campaign file, then runs `split` and `approve --ready` again (issue 19,
item 2: her hand-fixed tips never became ready, "starts mid-paragraph" stayed on every one). Her rewrite of the
text's opening sentence answers what split said of the tip's place; what still holds of her words ("This helps…")
stays; an edit of the end alone keeps the place note. Then `check` and `queue` name the approved tips split did
not mark ready, once (the studio's side: tests/studio/test_studio_rewritten_opening.py)."""

from __future__ import annotations

import json
from pathlib import Path

from scheduler.tips.readiness import OPENING_REWRITTEN
from scheduler.tips.tipmodel import LEANING
from tests.conftest import article_project, edit_campaign_by_hand, run_cli, tips_by_id

SLUG = "limits-with-a-critical-parent"
ARTICLE = """# Setting limits with a parent who criticizes you

## Why the criticism stings

Criticism from a parent lands harder than criticism from almost anyone else, because part of you still wants \
their approval.

## Saying what you will and will not discuss

Most of us learned as children that keeping the peace was our job. Decide before your next visit which topics you \
will not discuss, such as your weight or your career, and tell your parent calmly at the start.

Visits often go wrong in the first hour. That is why it helps to plan a short, friendly opening topic, such as a \
shared memory or a recent book, so the conversation starts on ground you both enjoy.

## When the visit goes badly

Your parent may not change. Give yourself permission to leave early when the criticism starts again, and tell them \
kindly that you will talk another day.
"""
MID = "decide-before-your-next-visit-which-topics"  # opens on the paragraph's second sentence
HELD = "your-parent-may-not-change"
MID_PARAGRAPH = LEANING["mid_paragraph"]
# her rewrite of the opening: the headline and the text's first sentence stand alone
REOPENED = [
    ('headline: "Decide before your next visit which topics you will not discuss."',
     'headline: "Before you visit a critical parent, choose the topics you will keep off the table."'),
    ('text: "Decide before your next visit which topics you will not discuss, such as your weight or your career, '
     + 'and tell your parent calmly at the start."',
     'text: "Before you visit a critical parent, choose the topics you will keep off the table. Name one, such as '
     + 'your weight, and say so calmly at the start."'),
]
# a new opening that still leans on the article
LEANING_OPENER = [('headline: "Your parent may not change."', 'headline: "This helps you leave early."'),
                  ('text: "Your parent may not change.', 'text: "This helps you leave early.')]
# the end of the text alone
END_ONLY = [("and tell your parent calmly at the start.", "and tell your parent kindly at the start.")]


def cli(root: Path, *args: str):
    return run_cli("--root", str(root), *args)


def split_project(tmp_path: Path) -> Path:
    root = article_project(tmp_path, f"{SLUG}.md", ARTICLE)
    assert cli(root, "split", f"posts/articles/{SLUG}.md").code == 0
    tips = campaign_tips(root)
    assert MID_PARAGRAPH in tips[MID]["notes"] and tips[MID]["ready"] is False, tips[MID]
    assert not any(tip["ready"] for tip in tips.values()), "no tip of split's own is ready here"
    return root


def campaign_tips(root: Path) -> dict[str, dict]:
    return tips_by_id(root, SLUG)


def edit_by_hand(root: Path, edits: list[tuple[str, str]]) -> None:
    edit_campaign_by_hand(root, SLUG, edits)


def split_again(root: Path) -> dict[str, dict]:
    result = cli(root, "split", f"posts/articles/{SLUG}.md")
    assert result.code == 0, result
    return campaign_tips(root)


def test_her_rewritten_opening_makes_the_tip_ready_and_approve_ready_approves_it(tmp_path):
    root = split_project(tmp_path)
    edit_by_hand(root, REOPENED + LEANING_OPENER)
    tips = split_again(root)
    assert tips[MID]["ready"] is True, tips[MID]
    assert MID_PARAGRAPH not in tips[MID]["notes"] and OPENING_REWRITTEN in tips[MID]["notes"]
    assert tips[HELD]["ready"] is False, "“This helps…” still leans on what came before"
    assert any("“This helps”" in note for note in tips[HELD]["notes"]), tips[HELD]["notes"]

    approve = cli(root, "approve", SLUG, "--ready")
    assert approve.code == 0 and approve.out.startswith(f"{SLUG}: 1 approved"), approve
    assert {tip_id for tip_id, tip in campaign_tips(root).items() if tip["status"] == "approved"} == {MID}
    assert split_again(root)[MID]["ready"] is True, "split run again reads her opening as before"


def test_an_edit_of_the_end_alone_keeps_the_place_note(tmp_path):
    root = split_project(tmp_path)
    edit_by_hand(root, END_ONLY)
    tip = split_again(root)[MID]
    assert "kindly" in tip["text"] and MID_PARAGRAPH in tip["notes"] and tip["ready"] is False, tip
    assert OPENING_REWRITTEN not in tip["notes"]


def test_check_and_queue_name_approved_tips_split_did_not_mark_ready(tmp_path):
    root = split_project(tmp_path)
    now = "2026-12-07T03:00:00+00:00"
    check = cli(root, "check", "--now", now)
    assert check.code == 0 and "not marked ready" not in check.out, check

    edit_by_hand(root, REOPENED)
    split_again(root)
    assert cli(root, "approve", SLUG, "--ready").code == 0
    check = cli(root, "check", "--now", now)
    assert check.code == 0 and "not marked ready" not in check.out, "a ready tip approved: nothing to say"

    assert cli(root, "approve", f"{SLUG}/{HELD}").code == 0
    check = cli(root, "check", "--now", now)
    noted = [line for line in check.out.splitlines() if "not marked ready" in line]
    assert check.code == 0 and noted == [
        (f"note  tips           1 approved tip not marked ready: {SLUG}/{HELD}; read them and their notes in "
         f"`juno-scheduler studio` or posts/{SLUG}.yaml (approved on purpose: nothing to do)")], check.out

    queue = cli(root, "queue", "--now", now)
    assert queue.code == 0 and f"note: 1 tip queued now was not marked ready: {SLUG}/{HELD};" in queue.out, queue
    again = cli(root, "queue", "--now", now)
    assert again.code == 0 and "not marked ready" not in again.out, "said once, when it is queued"



SEED = "what-to-do-when-one-partner-wants-counseling"


def test_a_long_list_of_unready_tips_is_named_in_part_and_counted(project):
    """User trial 8: "15 tips … not marked ready" repeated all fifteen ids in `queue` and again in `check`, after
    `approve` had counted them: the note names three and counts the rest, and `queue --json` still lists each."""
    now = "2026-12-07T03:00:00+00:00"
    unready = [tip_id for tip_id, tip in tips_by_id(project, SEED).items()
               if tip["status"] == "draft" and tip.get("ready") is False and not tip.get("review")]
    assert len(unready) > 3, unready
    assert cli(project, "approve", *(f"{SEED}/{tip_id}" for tip_id in unready)).code == 0
    check = cli(project, "check", "--now", now)
    noted = [line for line in check.out.splitlines() if "not marked ready" in line]
    assert len(noted) == 1 and f" and {len(unready) - 3} more (`ready: false` in the file)" in noted[0], check.out
    assert noted[0].count(f"{SEED}/") == 3, noted

    queue = cli(project, "queue", "--now", now, "--json")
    assert queue.code == 0 and len(json.loads(queue.out)["unready"]) == len(unready), queue
