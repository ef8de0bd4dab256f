"""The library's front door itself: Project's methods called directly on a real project folder, as a user's
script (or the studio) calls them, with typed results whose `as_dict()` is the command's `--json`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import scheduler
from scheduler import open_project
from scheduler.errors import ConfigError, UsageError
from scheduler.project import Project
from scheduler.results import (
    Card,
    ChangedPost,
    PlannedPost,
    SplitArticle,
    SplitBlock,
    StatusReport,
)
from tests.conftest import REPO

SLUG = "what-to-do-when-one-partner-wants-counseling"
ARTICLE = f"{SLUG}.txt"  # found under the project's posts/articles/
NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # a Tuesday; the next slot is Wednesday 08:30 New York


def queued_project(root: Path) -> tuple[Project, list[str]]:
    project = open_project(root)
    project.split(ARTICLE)
    approved = project.approve([SLUG], now=NOW)
    project.draw_cards()
    project.queue(NOW)
    return project, approved[0].approved


def test_the_package_names_what_is_public_and_ships_its_types():
    assert set(scheduler.__all__) == {"Project", "__version__", "open_project"}
    assert all(getattr(scheduler, name) for name in scheduler.__all__)
    assert scheduler.Project is Project
    assert (Path(scheduler.__file__).parent / "py.typed").exists()
    assert '"py.typed"' in (REPO / "pyproject.toml").read_text(encoding="utf-8"), "packaging ships py.typed"


def test_split_gives_typed_tips_and_blocks_and_its_dict_is_what_split_json_prints(project, cli):
    report = open_project(project).split(ARTICLE)
    assert isinstance(report.article, SplitArticle)
    assert (report.article.slug, report.article.campaign) == (SLUG, f"posts/{SLUG}.yaml")
    assert len(report.tips) >= 12 and all(tip.status == "draft" for tip in report.tips)
    assert all(isinstance(block, SplitBlock) for block in report.blocks)
    lists = [block for block in report.blocks if block.kind == "list"]
    assert lists and all(block.items for block in lists)
    assert all(block.items is None for block in report.blocks if block.kind != "list")
    fed = {tip for block in report.blocks for tip in block.tips}
    assert {tip.id for tip in report.tips} <= fed | {t for b in lists for i in b.items or [] for t in i.tips}

    printed = cli("split", ARTICLE, "--json", cwd=project)
    assert printed.code == 0, printed
    shown = {key: value for key, value in report.as_dict().items() if key != "summary"}  # printed without --json
    assert json.loads(printed.out) == json.loads(json.dumps(shown))


def test_approve_holds_flagged_tips_back_until_a_person_acknowledges_them(project):
    p = open_project(project)
    p.split(ARTICLE)
    campaign = project / "posts" / f"{SLUG}.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("review: []", "review: [sensitive]", 1), encoding="utf-8")
    (first,) = p.approve([SLUG], now=NOW)
    assert first.campaign == SLUG and first.approved
    assert set(first.held) and all(first.held.values())
    tip, flags = next(iter(first.held.items()))
    (again,) = p.approve([tip], ack=flags, now=NOW)
    assert again.approved == [tip]
    with pytest.raises(UsageError):
        p.approve([SLUG], ack=["not-a-flag"], now=NOW)
    audit = (project / ".juno" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(audit) == len(first.approved) + 1


def test_cards_queue_and_plan_agree_and_running_them_again_changes_nothing(project):
    p, approved = queued_project(project)
    cards = p.draw_cards()
    assert cards.rendered == 0 and cards.unchanged == len(cards.cards)
    assert all(isinstance(card, Card) and (project / card.path).stat().st_size > 10_000 for card in cards.cards)

    again = p.queue(NOW)
    assert again.queued == [] and again.unchanged == len(approved)
    plan = p.plan(NOW, days=28)
    assert all(isinstance(row, PlannedPost) for row in plan)
    assert [row.at for row in plan] == sorted(row.at for row in plan)
    assert {row.id for row in plan} <= {f"{SLUG}/{tip}" for tip in approved}
    first = datetime.fromisoformat(plan[0].at)
    assert first > NOW and first.strftime("%a") in {"Mon", "Wed", "Thu", "Sat"}


def test_run_due_posts_the_first_post_once_and_status_history_retry_skip_say_so(project):
    p, _ = queued_project(project)
    first = p.plan(NOW)[0]
    due = datetime.fromisoformat(first.at).astimezone(UTC) + timedelta(minutes=1)

    dry = p.run_due(due, dry_run=True)
    assert [item.id for item in dry.posted] == [first.id]
    assert not list((project / ".juno" / "outbox").glob("*.json")), "a dry run posts nothing"

    report = p.run_due(due)
    assert [item.id for item in report.posted] == [first.id] and report.exit_code == 0
    assert len(list((project / ".juno" / "outbox").glob("*.json"))) == 1
    assert p.run_due(due).posted == [], "a post goes out once"

    status = p.status(due)
    assert isinstance(status, StatusReport)
    assert status.counts["posted"] == 1 and status.month.posts == 1 and status.failing == []
    assert status.month.networks["x"].posts == 1
    assert status.next is not None and status.next.id != first.id
    assert status.accounts[0].counts["posted"] == 1
    assert json.loads(json.dumps(status.as_dict()))["month"]["posts"] == 1

    (row,) = p.history()
    assert (row.id, row.status, row.network) == (first.id, "posted", "x")

    skipped = p.skip(status.next.id, due)
    assert skipped.posts == [ChangedPost(status.next.id, "x", "skipped")]
    retried = p.retry(status.next.id, due)
    assert retried.status == "queued" and retried.at is not None
    with pytest.raises(UsageError):
        p.history(limit=0)


def test_pause_and_resume_name_the_account_and_hold_posting(project):
    p, _ = queued_project(project)
    due = datetime.fromisoformat(p.plan(NOW)[0].at).astimezone(UTC) + timedelta(minutes=1)
    (paused,) = p.pause(NOW)
    assert (paused.handle, paused.state, paused.network) == ("junocounseling", "paused", "x")
    assert p.run_due(due).posted == []
    (resumed,) = p.resume(due)
    assert resumed.state == "active"


def test_a_rehearsal_posts_into_the_outbox_whatever_the_schedule_names(project):
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("publisher: outbox ", "publisher: x "),
                        encoding="utf-8")
    assert open_project(project, env={}).settings.schedule.account.publisher == "x"
    p = open_project(project, env={}, rehearse=True)
    assert p.settings.schedule.account.publisher == "outbox"
    p.split(ARTICLE)
    p.approve([SLUG], now=NOW)
    p.queue(NOW)
    due = datetime.fromisoformat(p.plan(NOW)[0].at).astimezone(UTC) + timedelta(minutes=1)
    assert len(p.run_due(due).posted) == 1
    assert len(list((project / ".juno" / "outbox").glob("*.json"))) == 1


def test_a_bad_schedule_is_reported_when_settings_are_first_needed_and_reload_rereads(project):
    p = open_project(project)
    assert p.settings.schedule.zone.key == "America/New_York"
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text("timezone: [\n", encoding="utf-8")
    assert p.settings.schedule.zone.key == "America/New_York", "settings load once"
    p.reload()
    with pytest.raises(ConfigError, match="schedule.yaml"):
        p.settings  # noqa: B018
