"""Plain `approve CAMPAIGN` approves a campaign's drafts that are tips: a take of the page's date or the practice's
call to action (its note says "not a tip") stays in draft, named with the command that approves it by id (a user
trial approved "Call us today …" with the rest); and approve and queue count the tips not marked ready alike."""

from __future__ import annotations

import re

import yaml

from tests.conftest import article_project
from tests.tips.test_take_furniture_and_left_out import SLEEP


def _statuses(root):
    tips = yaml.safe_load((root / "posts" / "sleep.yaml").read_text(encoding="utf-8"))["tips"]
    return {t["id"]: t["status"] for t in tips}


def test_approve_leaves_a_date_and_a_call_to_action_in_draft_and_says_so(tmp_path, cli):
    root = article_project(tmp_path, "sleep.md", SLEEP)
    for locator in ("b1", "b3"):  # b2 is a tip already (the split a take runs first): a take of it is refused
        assert cli("split", "posts/articles/sleep.md", "--take", locator, cwd=root).code == 0
    result = cli("approve", "sleep", cwd=root)
    assert result.code == 0, result
    statuses = _statuses(root)
    assert statuses["posted-march-3-2026"] == "draft" and statuses["call-us-today-to-book-your-first"] == "draft"
    assert "approved" in statuses.values()
    assert ("note: posted-march-3-2026 left in draft: this is a date, not a tip; `juno-scheduler approve "
            "sleep/posted-march-3-2026` approves it if you really want it") in result.out, result.out
    assert "note: call-us-today-to-book-your-first left in draft: this is the practice's call to action" in result.out
    # by id, it is approved
    assert cli("approve", "sleep/call-us-today-to-book-your-first", cwd=root).code == 0
    assert _statuses(root)["call-us-today-to-book-your-first"] == "approved"


def test_approve_and_queue_count_the_tips_not_marked_ready_alike(tmp_path, cli):
    root = article_project(tmp_path, "sleep.md", SLEEP)
    assert cli("split", "posts/articles/sleep.md", cwd=root).code == 0  # its one tip, b2's, is not marked ready
    approved = cli("approve", "sleep", cwd=root)
    queued = cli("queue", cwd=root)
    assert approved.code == 0 and queued.code == 0, (approved, queued)
    said = re.search(r"(\d+) not marked ready", approved.out)
    noted = re.search(r"(\d+) tips? queued now (?:was|were) not marked ready", queued.out)
    assert said and noted, (approved.out, queued.out)
    assert said.group(1) == noted.group(1), (approved.out, queued.out)
