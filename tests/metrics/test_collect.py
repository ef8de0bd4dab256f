"""Posting and collecting across the fixed ages on X (the fake X API) and Mastodon (the fake instance),
through the real CLI with --now: the counts as the networks gave them, one snapshot per age, lateness,
X's reading spend in the month's spend and under the budget, one failing network not holding back the
other, nothing read twice in a day, and nothing posted by collect."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import drawn_template, fresh_copy, run_cli_in_process
from fakemastodon import FakeMastodon
from fakex import FakeX
from two_networks import (
    CAMPAIGN,
    TIPS,
    ZONE,
    A,
    B,
    C,
    cli,
    posted_project,
    remote_ids,
    two_networks,
)

from scheduler.networks.base import ToRead
from scheduler.networks.x.reading import windows
from scheduler.store import open_store

SCHEDULE = two_networks()


drawn = drawn_template(SCHEDULE, CAMPAIGN, TIPS)


@pytest.fixture
def servers():
    with FakeX() as fx, FakeMastodon() as fm:
        yield fx, fm


def at(local: str) -> datetime:
    return datetime.fromisoformat(local).replace(tzinfo=ZONE)


@pytest.fixture
def posted(drawn, tmp_path, servers) -> Path:
    """A, B and C posted on X and Mastodon at 09:01 and 12:01 on Dec 1 and 09:01 on Dec 2 (New York)."""
    return posted_project(drawn, tmp_path / "project", servers)


def snapshots(root: Path) -> dict[tuple[str, str], dict]:
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        return {(s.post_id, s.age): {"late": s.late, "taken_at": s.taken_at, **s.numbers()} for s in store.snapshots()}


def by_network(report: dict) -> dict[str, dict]:
    return {row["network"]: row for row in report["networks"]}


def test_posts_are_read_at_each_age_once_with_lateness_and_spend(posted, servers):
    fx, fm = servers
    ids = remote_ids(posted)
    fx.set_metrics(ids[A], impressions=400, likes=9, reposts=2, replies=1, quotes=0, bookmarks=3, link_clicks=4)
    fm.set_counts(ids[f"{A}@mastodon"], likes=5, reposts=1, replies=2)
    before = len(fx.posts), len(fm.statuses)

    # Dec 1 10:30: only A has come to an age (1 h, due 10:01): on time
    result, report = cli(posted, servers, "2026-12-01T10:30", "collect")
    assert result.code == 0, result
    rows = by_network(report)
    assert rows["x"]["taken"] == 1 and rows["x"]["read"] == 1 and rows["x"]["spent_usd"] == 0.005
    assert rows["mastodon"]["taken"] == 1 and rows["mastodon"]["spent_usd"] == 0
    taken = snapshots(posted)
    assert taken[(A, "1h")] == {"late": False, "taken_at": at("2026-12-01T10:30").astimezone(UTC),
                                "impressions": 400, "likes": 9, "reposts": 2, "replies": 1, "quotes": 0,
                                "bookmarks": 3, "link_clicks": 4}
    assert taken[(f"{A}@mastodon", "1h")] == {"late": False, "taken_at": at("2026-12-01T10:30").astimezone(UTC),
                                              "impressions": None, "likes": 5, "reposts": 1, "replies": 2,
                                              "quotes": None, "bookmarks": None, "link_clicks": None}

    # the same moment again: nothing is due, nothing is read
    again, report = cli(posted, servers, "2026-12-01T10:40", "collect")
    assert again.code == 0 and report["networks"] == []
    assert fx.account("junocounseling").reads == 1

    # Dec 2 10:45: A's 24 h (due 09:01, on time), B's 1 h (due Dec 1 13:01: late), C's 1 h (due 10:01: on time)
    fx.set_metrics(ids[A], impressions=1000, likes=20)
    result, report = cli(posted, servers, "2026-12-02T10:45", "collect")
    assert result.code == 0, result
    rows = by_network(report)
    assert (rows["x"]["taken"], rows["x"]["late"], rows["x"]["read"], rows["x"]["calls"]) == (3, 1, 3, 1)
    taken = snapshots(posted)
    assert {key: value["late"] for key, value in taken.items() if "@" not in key[0]} == {
        (A, "1h"): False, (A, "24h"): False, (B, "1h"): True, (C, "1h"): False}
    assert taken[(A, "24h")]["impressions"] == 1000 and taken[(A, "1h")]["impressions"] == 400  # a history
    assert fx.account("junocounseling").reads == 4

    # reading is spend: 3 X posts (0.015 + 0.005 alt text each) and 4 posts read at 0.005
    result, status = cli(posted, servers, "2026-12-02T11:00", "status")
    assert status["month"]["spent_usd"] == pytest.approx(3 * 0.02 + 4 * 0.005)
    assert status["metrics"]["last_collected"] == "2026-12-02T10:45:00-05:00"
    assert status["metrics"]["reading"]["x"] == {"posts_read": 4, "spent_usd": 0.02}
    assert (len(fx.posts), len(fm.statuses)) == before  # collect never posts


def test_a_failing_network_is_read_later_without_holding_back_the_other(posted, servers):
    fx, _fm = servers
    fx.inject("GET /2/users/:id/tweets", status=503, times=10)  # past the retries of one run
    result, report = cli(posted, servers, "2026-12-01T10:30", "collect")
    rows = by_network(report)
    assert result.code == 3
    assert rows["x"]["taken"] == 0 and rows["x"]["error"]
    assert rows["mastodon"]["taken"] == 1 and rows["mastodon"]["error"] is None
    fx.clear_faults()
    result, report = cli(posted, servers, "2026-12-01T11:00", "collect")
    assert result.code == 0 and by_network(report)["x"]["taken"] == 1 and "mastodon" not in by_network(report)


def test_mastodon_before_4_3_is_read_one_status_at_a_time(posted, servers):
    _fx, fm = servers
    fm.version = (4, 2)
    result, report = cli(posted, servers, "2026-12-02T10:45", "collect")
    assert result.code == 0, result
    rows = by_network(report)
    assert rows["mastodon"]["taken"] == 3 and rows["mastodon"]["calls"] == 4  # one refused batch, then 3
    assert fm.count("GET /api/v1/statuses/:id") == 3


def test_the_budget_holds_reading_back(posted, servers):
    schedule = posted / "posts" / "schedule.yaml"
    # posting spent 0.06; room for two reads at 0.005 and no more
    schedule.write_text(schedule.read_text().replace("monthly_usd: 10", "monthly_usd: 0.07"))
    result, report = cli(posted, servers, "2026-12-02T10:45", "collect")
    rows = by_network(report)
    assert result.code == 0, result
    assert rows["x"]["taken"] == 2 and rows["x"]["held"] == 1 and rows["x"]["spent_usd"] == 0.01
    result, report = cli(posted, servers, "2026-12-02T11:45", "collect")
    rows = by_network(report)
    assert result.code == 3 and rows["x"]["taken"] == 0 and "budget" in rows["x"]["error"]
    assert servers[0].account("junocounseling").reads == 2


def test_x_windows_leave_out_other_posts_and_ask_private_metrics_only_under_30_days():
    now = datetime(2026, 12, 31, tzinfo=UTC)
    young, old = now - timedelta(days=3), now - timedelta(days=31)
    posts = [ToRead("10", old), ToRead("11", old), ToRead("13", young), ToRead("14", young), ToRead("20", young)]
    assert windows(posts, others=["12", "15"], now=now) == [(["10", "11"], False), (["13", "14"], True),
                                                             (["20"], True)]


def test_stats_shows_counts_at_each_age_and_says_when_evidence_is_too_thin(posted, servers):
    fx, fm = servers
    ids = remote_ids(posted)
    fx.set_metrics(ids[A], impressions=400, likes=9, reposts=2, replies=1, quotes=0, bookmarks=3, link_clicks=4)
    fm.set_counts(ids[f"{A}@mastodon"], likes=5, reposts=1, replies=2)
    assert cli(posted, servers, "2026-12-01T10:30", "collect")[0].code == 0
    result = run_cli_in_process("stats", "--json", cwd=posted)
    assert result.code == 0, result
    report = json.loads(result.out)
    rows = {(row["id"], row["network"]): row for row in report["posts"]}
    x_row = rows[(A, "x")]["ages"]["1h"]
    assert x_row["counts"]["impressions"] == 400 and x_row["late"] is False
    assert x_row["score"]["rate"] == pytest.approx(19 / 400)  # 9 + 2 + 1 + 0 + 3 + 4 engagements
    assert x_row["score"]["verdict"] == "not enough evidence yet" and x_row["score"]["posts"] == 1  # as "1 post"
    assert report["accounts"]["x"]["1h"] == {"posts": 1, "measure": "engagements / impressions", "average": None,
                                             "verdict": "not enough evidence yet"}
    assert report["accounts"]["mastodon"]["1h"]["measure"] == "interactions against the typical post"
    text = run_cli_in_process("stats", "--now", "2026-12-02T10:45", cwd=posted)
    assert text.code == 2  # stats takes no --now: it shows what was collected
    text = run_cli_in_process("stats", "--posts", cwd=posted)
    assert f"{A} on x (first post)" in text.out and "400 impressions" in text.out and "not enough evidence yet" in text.out
    assert "junocounseling" not in text.out  # only counts: no handle shown


def test_stats_reads_a_database_this_user_cannot_write_with_one_warning(posted, servers):
    """User trial 3, H: `stats` (and the studio's Analytics page, which asks Project.stats) stopped on a SQLite queue
    this user cannot write; status, plan and history show it with one warning line: so does stats, changing nothing."""
    fx, _ = servers
    fx.set_metrics(remote_ids(posted)[A], impressions=400, likes=9, reposts=2, replies=1, quotes=0, bookmarks=3,
                   link_clicks=4)
    assert cli(posted, servers, "2026-12-01T10:30", "collect")[0].code == 0
    database = posted / ".juno" / "juno.db"
    written = run_cli_in_process("stats", "--json", cwd=posted)
    before = database.read_bytes()
    database.chmod(0o444)
    if os.geteuid() == 0:  # root writes any file a mode forbids: make it immutable instead
        subprocess.run(["chattr", "+i", str(database)], check=True)
    try:
        looked = run_cli_in_process("stats", "--json", cwd=posted)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(database)], check=True)
        database.chmod(0o644)
    assert looked.code == 0 and json.loads(looked.out) == json.loads(written.out), looked
    [warning] = looked.err.strip().splitlines()
    assert warning.startswith("warning: ") and "let this user read and write the database" in warning, warning
    assert database.read_bytes() == before


def test_with_only_the_outbox_collect_and_stats_say_there_is_nothing_to_read(project, cli):
    assert "publisher: outbox" in (project / "posts" / "schedule.yaml").read_text()
    assert cli("run-due", "--now", "2026-12-07T09:05", cwd=project).code == 0
    said = ("nothing to collect: the outbox sends nothing to a network, so no post has counts; name an X, Bluesky "
            "or Mastodon account in posts/schedule.yaml (docs/networks.md) to have them")
    collected = cli("collect", "--now", "2026-12-14T09:05", cwd=project)
    assert (collected.code, collected.out) == (0, said + "\n"), collected
    as_json = json.loads(cli("collect", "--json", "--now", "2026-12-14T09:05", cwd=project).out)
    assert as_json == {"networks": [], "nothing_to_read": said}
    stats = cli("stats", cwd=project)
    shown = said.replace("nothing to collect: ", "no counts to show: ")  # stats shows; it does not collect
    assert (stats.code, stats.out) == (0, shown + "\n"), stats
    # status says the same, not "metrics: never collected (`juno-scheduler collect`)" (a user trial)
    status = cli("status", "--now", "2026-12-14T09:05", cwd=project)
    assert status.code == 0 and said.replace("nothing to collect: ", "metrics: none: ") in status.out.splitlines()
    assert "never collected" not in status.out, status
    as_json = json.loads(cli("status", "--json", "--now", "2026-12-14T09:05", cwd=project).out)
    assert as_json["metrics"]["none"] == said.removeprefix("nothing to collect: ")


def test_collect_with_mastodon_down_says_so_once_in_plain_numbers(posted, servers):
    """A user trial: "... collect tries again on its next run (collect tries again on its next run)" and
    "1 snapshots", "1 posts"."""
    fx, fm = servers
    fm.inject("GET /api/v1/statuses", status=503, times=10)  # past the retries of one run
    fx.set_now(at("2026-12-01T10:30").timestamp())
    fm.set_now(at("2026-12-01T10:30").timestamp())
    result = run_cli_in_process("collect", "--now", "2026-12-01T10:30", cwd=posted, env={**fx.env(), **fm.env()})
    assert result.code == 3, result
    lines = dict(line.split(": ", 1) for line in result.out.splitlines())
    assert lines["x"].startswith("1 snapshot (0 late), 1 post read in 1 call,"), result
    assert lines["mastodon"].startswith("0 snapshots (0 late), 0 posts read in "), result
    assert "not read: Mastodon answered 503" in lines["mastodon"]
    assert lines["mastodon"].count("collect tries again on its next run") == 1


def test_posts_rehearsed_in_the_outbox_are_not_read_after_the_switch_and_said_once(drawn, tmp_path, servers):
    """A user trial: rehearsed with the outbox, then `publisher: x`; every collect then failed on the outbox
    post's id ("unexpected ValueError: invalid literal for int()"), and no X post was ever read."""
    fx, fm = servers
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    real = schedule.read_text()
    schedule.write_text(real.replace("handle: junocounseling}", "handle: junocounseling, publisher: outbox}")
                        .replace('social.example"}', 'social.example", publisher: outbox}'), encoding="utf-8")
    assert cli(root, servers, "2026-12-01T07:00", "queue")[0].code == 0
    assert len(cli(root, servers, "2026-12-01T09:01", "run-due")[1]["posted"]) == 2  # A, to the outbox
    schedule.write_text(real, encoding="utf-8")
    assert len(cli(root, servers, "2026-12-01T12:01", "run-due")[1]["posted"]) == 2  # B, to X and Mastodon
    ids = remote_ids(root)
    fx.set_metrics(ids[B], impressions=300, likes=6)
    fm.set_counts(ids[f"{B}@mastodon"], likes=4)

    result = run_cli_in_process("collect", "--now", "2026-12-01T13:30", cwd=root, env={**fx.env(), **fm.env()})
    assert (result.code, result.err) == (0, ""), result
    assert result.out.splitlines() == [
        "x: 1 post went to the outbox, not to x: it has no counts and is not read",
        "x: 1 snapshot (0 late), 1 post read in 1 call, $0.005",
        "mastodon: 1 post went to the outbox, not to mastodon: it has no counts and is not read",
        "mastodon: 1 snapshot (0 late), 1 post read in 1 call, $0.000"], result
    assert set(snapshots(root)) == {(B, "1h"), (f"{B}@mastodon", "1h")}
    # said once: the next runs say nothing of A, and B's next age is read as before
    assert run_cli_in_process("collect", "--now", "2026-12-01T14:30", cwd=root,
                              env={**fx.env(), **fm.env()}).out == ""
    result, report = cli(root, servers, "2026-12-02T13:45", "collect")
    assert result.code == 0 and [(r["network"], r["taken"], r["outbox"]) for r in report["networks"]] == [
        ("x", 1, 0), ("mastodon", 1, 0)], report
