"""`retry` on a post run-due had moved: what retry says, what plan shows and what run-due does agree, and no run
breaks max_per_day or min_gap because of it (the bundled project: one post a day, min_gap 3h, catch_up 2h).

The user's case: cron was down Monday and Wednesday morning, so the Monday and Wednesday posts moved five weeks
on; a person retried the Monday one at 12:05. Retry said it went out on Thu 2027-01-14, plan did not show it,
and the Thursday evening run posted it anyway, ahead of Thursday's own post (the claim took it early)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from itertools import pairwise

import pytest

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"


@pytest.fixture
def env(database_url):
    return {"JUNO_DATABASE_URL": database_url}


@pytest.fixture
def run(cli, project, env):
    def command(*args: str) -> dict:
        result = cli(*args, "--json", cwd=project, env=env)
        assert result.code == 0, result
        return json.loads(result.out)

    return command


def plan_at(run, now: str) -> dict[str, str]:
    return {
        row["id"]: row["at"]
        for row in run("plan", "--days", "60", "--now", now)["posts"]
    }


def posted(run, now: str) -> list[str]:
    return [row["id"] for row in run("run-due", "--now", now)["posted"]]


def test_a_moved_post_retried_goes_out_when_retry_and_plan_say_and_keeps_max_per_day(
    project, run, cli, env
):
    run("approve", CAMPAIGN)
    run("queue", "--now", "2026-12-06T00:00")
    missed = run("run-due", "--now", "2026-12-09T12:00")[
        "missed"
    ]  # Monday's and Wednesday's slots passed
    monday, wednesday = (row["id"] for row in missed)
    assert datetime.fromisoformat(missed[0]["moved_to"]) > datetime.fromisoformat(
        "2027-01-01T00:00-05:00"
    )

    retried = run("retry", monday, "--now", "2026-12-09T12:05")
    # nothing is out or due on Wednesday any more, and the next post is on Thursday evening: now keeps every rule,
    # so the post comes back now rather than five weeks on
    assert retried["at"] == "2026-12-09T12:05:00-05:00"
    said = cli(
        "plan", "--now", "2026-12-09T12:05", cwd=project, env={**env, "COLUMNS": "120"}
    ).out
    assert "Wed 12-09 12:05" in said, said
    assert plan_at(run, "2026-12-09T12:05")[monday] == retried["at"]
    assert posted(run, "2026-12-09T12:06") == [monday]

    # Wednesday's post, retried in the evening, would be a second post that day: the next free slot instead
    again = run("retry", wednesday, "--now", "2026-12-09T20:00")
    at = datetime.fromisoformat(again["at"])
    assert at > datetime.fromisoformat("2026-12-10T00:00-05:00")
    assert plan_at(run, "2026-12-09T20:00")[wednesday] == again["at"]
    for now in (
        "2026-12-10T19:40",
        "2026-12-12T10:10",
        "2026-12-14T08:40",
    ):  # runs before its time
        if datetime.fromisoformat(now + "-05:00") < at:
            assert wednesday not in posted(run, now), now
    posted(run, (at + timedelta(minutes=1)).isoformat())

    history = run("history", "--limit", "100")["posts"]
    out = sorted(
        datetime.fromisoformat(row["at"])
        for row in history
        if row["status"] == "posted"
    )
    assert len(out) >= 4, history
    days = [moment.date() for moment in out]
    assert len(days) == len(set(days)), out  # max_per_day: 1
    assert all(b - a >= timedelta(hours=3) for a, b in pairwise(out)), (
        out
    )  # min_gap: 3h
    when = {
        row["id"]: datetime.fromisoformat(row["at"])
        for row in history
        if row["status"] == "posted"
    }
    assert when[wednesday] >= at  # never before retry said
