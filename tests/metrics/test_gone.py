"""A post a person deleted on the network by hand (a manager's trial: a post deleted on X kept coming back as
`~3`, and collect quietly stopped reading it): collect asks the network about a post its read left out, records
it as gone when the network says it no longer exists, and status, stats and the studio say so; its tip does not
come round again unless a person says so. The fake X API and Mastodon instance over real HTTP, the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import drawn_template
from fakemastodon import FakeMastodon
from fakex import FakeX
from two_networks import (
    CAMPAIGN,
    TIPS,
    A,
    B,
    C,
    cli,
    posted_project,
    remote_ids,
    two_networks,
)

SCHEDULE = two_networks("recycle_after: 7d\n")


drawn = drawn_template(SCHEDULE, CAMPAIGN, TIPS)


@pytest.fixture
def servers():
    with FakeX() as fx, FakeMastodon() as fm:
        yield fx, fm


@pytest.fixture
def posted(drawn, tmp_path, servers) -> Path:
    """A, B and C posted on X and Mastodon at 09:01 and 12:01 on Dec 1 and 09:01 on Dec 2 (New York)."""
    return posted_project(drawn, tmp_path / "project", servers)


def test_a_post_deleted_by_hand_is_said_gone_everywhere_and_its_tip_does_not_come_round(posted, servers):
    fx, fm = servers
    ids = remote_ids(posted)
    fx.delete_by_hand(ids[A])
    fm.delete_by_hand(ids[f"{B}@mastodon"])

    result, report = cli(posted, servers, "2026-12-02T10:45", "collect")
    assert result.code == 0, result
    rows = {row["network"]: row for row in report["networks"]}
    assert rows["x"]["gone"] == [A] and rows["mastodon"]["gone"] == [f"{B}@mastodon"]
    assert rows["x"]["taken"] == 2 and rows["mastodon"]["taken"] == 2  # the others are read as ever
    said, _ = cli(posted, servers, "2026-12-02T10:46", "collect", json_out=False)
    assert said.code == 0 and "gone" not in said.out  # found once; a gone post is not asked about again

    _, status = cli(posted, servers, "2026-12-02T11:00", "status")
    assert {(row["id"], row["network"]) for row in status["gone"]} == {(A, "x"), (f"{B}@mastodon", "mastodon")}
    assert all(row["why"].startswith(f"deleted on {row['network']}:") for row in status["gone"])
    terminal, _ = cli(posted, servers, "2026-12-02T11:00", "status", json_out=False)
    assert f"gone {A}: deleted on x: x said on Wed 2026-12-02 10:45" in terminal.out

    _, stats = cli(posted, servers, None, "stats")
    gone = {(row["id"], row["network"]): row["gone"] for row in stats["posts"]}
    assert gone[(A, "x")].startswith("deleted on x") and gone[(f"{B}@mastodon", "mastodon")]
    assert gone[(C, "x")] is None

    # a week later, with nothing left to go out: only C comes round; A and B were deleted by a person
    other = posted.parent / "asked"
    shutil.copytree(posted, other)
    result, queued = cli(posted, servers, "2026-12-10T07:00", "queue")
    assert result.code == 0, result
    assert sorted(row["id"] for row in queued["recycled"]) == [f"{C}~2", f"{C}~2@mastodon"]

    # unless she says so
    ok, _ = cli(other, servers, "2026-12-10T07:00", "approve", A, "--ack", "repeat", json_out=False)
    assert ok.code == 0, ok
    _, queued = cli(other, servers, "2026-12-10T07:05", "queue")
    assert sorted(row["id"] for row in queued["recycled"]) == sorted([f"{A}~2", f"{A}~2@mastodon", f"{C}~2",
                                                                      f"{C}~2@mastodon"])
    assert "approve --ack repeat" in next(row["why"] for row in queued["recycled"] if row["id"] == f"{A}~2")


def test_a_refused_read_is_said_by_status_until_a_read_works_and_asks_for_resume_only_when_paused(posted, servers):
    """A manager's trial: collect exited 3 with X's 401, then status said "metrics last collected ..." and
    nothing of X; and the warning said to run `resume` though nothing was paused."""
    fx, _fm = servers
    fx.inject("GET /2/users/:id/tweets", status=401, times=100)
    result, report = cli(posted, servers, "2026-12-01T10:30", "collect")
    assert result.code == 3, result
    error = {row["network"]: row for row in report["networks"]}["x"]["error"]
    assert "401" in error and "X_ACCESS_TOKEN" in error and "resume" not in error

    result, status = cli(posted, servers, "2026-12-01T10:35", "status")
    [failing] = status["metrics"]["failing"]
    assert failing["network"] == "x" and failing["since"] == "2026-12-01T10:30:00-05:00"
    assert "X_ACCESS_TOKEN" in failing["error"] and "resume" not in failing["error"]
    cli(posted, servers, "2026-12-01T11:30", "collect")  # still refused: failing since the first time
    terminal, _ = cli(posted, servers, "2026-12-01T11:35", "status", json_out=False)
    assert "metrics: x not read since Tue 2026-12-01 10:30 (last tried Tue 2026-12-01 11:30): X refused" in \
        terminal.out, terminal.out
    assert "resume" not in terminal.out.split("metrics: x not read", 1)[1].splitlines()[0]

    fx.clear_faults()
    result, _ = cli(posted, servers, "2026-12-01T12:30", "collect")
    assert result.code == 0, result
    _, status = cli(posted, servers, "2026-12-01T12:35", "status")
    assert status["metrics"]["failing"] == []


def test_a_paused_account_is_told_to_resume_after_the_fix(posted, servers):
    fx, _fm = servers
    assert cli(posted, servers, "2026-12-01T10:00", "pause", json_out=False)[0].code == 0
    fx.inject("GET /2/users/:id/tweets", status=401, times=100)
    result, report = cli(posted, servers, "2026-12-01T10:30", "collect")
    assert result.code == 3 and "resume" in {row["network"]: row for row in report["networks"]}["x"]["error"]
