"""Two rules that drifted when X's were written into shared code, now asked of each account's network:
a tip's length (the studio, approve and queue agree), and the month's posts and spend in `status`."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest
from conftest import REPO, run_cli_in_process
from schedules import MASTODON_OUTBOX, X_OUTBOX, accounts_lines, schedule_text

from scheduler.errors import Refused
from scheduler.studio.workspace import Workspace

SLUG = "long"
NOW = "2026-12-07T08:00:00-05:00"
LONG = ("Repair is not one big talk. " * 12).strip()  # 335 characters: past X's 280, within Mastodon's 500
MASTODON_ONLY = schedule_text(accounts_lines(MASTODON_OUTBOX), jitter="0m", link="{mode: none}")
X_ONLY = schedule_text(accounts_lines(X_OUTBOX), jitter="0m", link="{mode: none}")
CAMPAIGN = f"""\
article: {{title: Repair, source: articles/long.txt}}
tips:
  - id: repair
    headline: "Repair is not one big talk."
    text: "{LONG}"
    status: draft
    section: Repair
  - id: again
    headline: "Repair again."
    text: "{LONG.replace('Repair', 'Again')}"
    status: draft
    section: Again
"""


def _project(tmp_path, schedule: str):
    root = tmp_path / "project"
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "schedule.yaml").write_text(schedule, encoding="utf-8")
    (root / "posts" / f"{SLUG}.yaml").write_text(CAMPAIGN, encoding="utf-8")
    return root


def _approve_in_studio(root, tip_id: str) -> None:
    workspace = Workspace(root, lambda: datetime(2026, 12, 7, 13, tzinfo=UTC))
    _, version = workspace.campaign(SLUG)
    workspace.set_status(SLUG, tip_id, "approved", version)


def test_a_mastodon_only_project_takes_a_340_character_tip_everywhere_and_counts_its_post(tmp_path):
    assert 280 < len(LONG) < 500
    root = _project(tmp_path, MASTODON_ONLY)

    def cli(*args: str):
        result = run_cli_in_process(*args, cwd=root)
        assert result.code == 0, result
        return result

    _approve_in_studio(root, "repair")  # the studio approves it (and queues it at once)
    cli("approve", f"{SLUG}/again", "--now", NOW)  # so does approve
    cli("queue", "--now", NOW)  # and queue takes both
    plan = json.loads(cli("plan", "--json", "--now", NOW).out)["posts"]
    assert [(p["network"], p["limit"]) for p in plan] == [("mastodon", 500)] * 2
    assert all(p["weighted_length"] == len(LONG) for p in plan[:1])

    ran = json.loads(cli("run-due", "--json", "--now", plan[0]["at"]).out)
    assert len(ran["posted"]) == 1
    status = json.loads(cli("status", "--json", "--now", plan[0]["at"]).out)
    assert status["month"]["posts"] == 1
    assert status["month"]["networks"] == {"mastodon": {"posts": 1, "spent_usd": 0.0}}
    said = cli("status", "--now", plan[0]["at"]).out  # for a person, an outbox post is simulated, not posted
    assert "posts: 1 queued, 1 simulated, not posted" in said and "this month (since 2026-12-01): 0 posted" in said


def test_an_x_project_still_refuses_it_in_the_studio_and_in_queue(tmp_path):
    root = _project(tmp_path, X_ONLY)
    with pytest.raises(Refused, match="as X counts them, over 280 on x"):
        _approve_in_studio(root, "repair")
    assert run_cli_in_process("approve", f"{SLUG}/again", "--now", NOW, cwd=root).code == 0
    queued = run_cli_in_process("queue", "--now", NOW, cwd=root)
    assert queued.code == 2 and "over 280" in queued.err
