"""Overlapping `run-due` runs after downtime move the missed posts into distinct free slots (real processes).

The user trial's case (finding 1): the bundled campaign queued, cron down past every slot's catch-up window, then
three (or six) cron runs at once. Each run claimed some of the missed posts and moved them into the free slots it
had read before the others moved theirs: every new slot got two posts a few minutes apart, so plan broke
max_per_day (1) and min_gap (3h). Moves are now made one at a time under the database's lock, each against the
slots as the last move left them, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from queue_helpers import write_campaign

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
RUNS = 6
MORE = 60
NOW = "2027-05-05T12:00"  # a Wednesday after every queued slot, by more than catch_up (2h)

pytestmark = pytest.mark.slow


def start_run_due(root, env: dict) -> subprocess.Popen:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    full_env.update(env)
    return subprocess.Popen([sys.executable, "-m", "scheduler", "run-due", "--json", "--now", NOW], cwd=root,
                            env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_overlapping_runs_move_missed_posts_into_distinct_slots(project, cli, database_url):
    env = {"JUNO_DATABASE_URL": database_url}
    assert cli("approve", CAMPAIGN, cwd=project, env=env).code == 0
    # more missed posts than the bundled 20, so that the runs overlap for longer than their start-up differs
    write_campaign(project, "more", [{"id": f"t{n}", "section": f"S{n % 3}"} for n in range(MORE)],
                   url="https://junocounseling.com/blog/more")
    queued = cli("queue", "--now", "2026-12-06T00:00", "--json", cwd=project, env=env)
    assert queued.code == 0, queued
    tips = len(json.loads(queued.out)["queued"])

    runs = [start_run_due(project, env) for _ in range(RUNS)]
    results = [run.communicate(timeout=240) for run in runs]
    assert [run.returncode for run in runs] == [0] * RUNS, results
    reports = [json.loads(out) for out, _ in results]
    moves = [row for report in reports for row in report["missed"]]
    assert sorted(row["id"] for row in moves) == sorted({row["id"] for row in moves})  # each post moved once
    assert len(moves) == tips and not any(report["posted"] for report in reports)
    assert len({row["moved_to"] for row in moves}) == tips, sorted(row["moved_to"] for row in moves)

    plan = cli("plan", "--json", "--days", "400", "--now", NOW, cwd=project, env=env)
    times = sorted(datetime.fromisoformat(row["at"]) for row in json.loads(plan.out)["posts"])
    assert len(times) == tips
    per_day = Counter(moment.date() for moment in times)
    assert max(per_day.values()) == 1, per_day                                # max_per_day: 1
    assert min(b - a for a, b in pairwise(times)) >= timedelta(hours=3)       # min_gap: 3h
