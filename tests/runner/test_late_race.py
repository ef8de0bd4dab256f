"""Two overlapping `run-due` runs, each with late posts on the same network, never send them too close together
(real processes against the fake X server, on a SQLite file and on PostgreSQL).

The user trial's case: nothing ran all morning; at 11:00 cron's run claims the first 8 of the 10 late posts
(a batch) and sends the first, and X is slow to answer; the 11:05 run claims the other two meanwhile. Each run
checked min_gap against the posts recorded as out, and none was yet: both sent one, 5 minutes apart (min_gap
10m). A late post is now checked and noted as being sent in one step under the database's lock, so the second
run waits for the first's outcome (deferred, and says why), and the run after it moves its posts to free slots:
each post once, none lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import drawn_template, fresh_copy, run_cli_in_process, seed_campaign
from fakex import FakeX
from queue_helpers import cron_schedule

pytestmark = pytest.mark.slow  # real run-due processes

ZONE = ZoneInfo("America/New_York")
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
TIPS = 10
SCHEDULE = cron_schedule("0,12,24,36,48 9,10 * * *", publisher="x", min_gap="10m", max_per_day=10, catch_up="3h",
                         extra="budget: {monthly_usd: 10}\n")
CAMPAIGN_FILE = seed_campaign("".join(
    f"  - id: tip-{n:02d}\n    headline: \"Tip {n}: listen first.\"\n"
    f"    text: \"Tip {n}: listen before you answer, and ask what your partner needs today.\"\n"
    f"    status: approved\n" for n in range(1, TIPS + 1)), url="null")


drawn = drawn_template(SCHEDULE, CAMPAIGN, CAMPAIGN_FILE)


def start_run_due(root: Path, env: dict, now: str) -> subprocess.Popen:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    full_env.update(env)
    return subprocess.Popen([sys.executable, "-m", "scheduler", "run-due", "--json", "--now", now], cwd=root,
                            env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(run: subprocess.Popen) -> dict:
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, (out, err)
    return json.loads(out)


def tip(report: dict, kind: str) -> list[str]:
    return [row["id"].rpartition("/")[2] for row in report[kind]]


def test_late_posts_wait_while_another_run_sends_a_late_one_then_move(drawn, tmp_path, database_url):
    root = fresh_copy(drawn, tmp_path)
    with FakeX() as fx:
        overlapping_runs(root, fx, database_url)


def overlapping_runs(root: Path, fx: FakeX, database_url: str) -> None:
    env = {**fx.env(), "JUNO_DATABASE_URL": database_url}
    assert run_cli_in_process("queue", "--now", "2026-12-01T07:00", cwd=root, env=env).code == 0
    fx.set_now(datetime(2026, 12, 1, 11, 0, tzinfo=ZONE).timestamp())
    fx.inject("POST /2/tweets", hold=True)  # the first run's post reaches X, whose answer is slow to come

    first = start_run_due(root, env, "2026-12-01T11:00")  # tip-01 (09:00) two hours late; tips 1-8 claimed
    try:
        assert fx.wait_for(lambda server: len(server.posts) == 1, timeout=60), first.stderr
        second = finished(start_run_due(root, env, "2026-12-01T11:05"))  # tips 9 and 10, late too
        assert len(fx.posts) == 1  # nothing sent 5 minutes after the other
        assert second["posted"] == [] and tip(second, "deferred") == ["tip-09", "tip-10"], second
        reason = (f"late, and another run is posting {CAMPAIGN}/tip-01 (late too) right now: both out would break "
                  "min_gap (0:10:00); decided again once that run is done")
        assert {row["reason"] for row in second["deferred"]} == {reason}
    finally:
        fx.release()
    first_report = finished(first)
    assert tip(first_report, "posted") == ["tip-01"]
    assert tip(first_report, "missed") == [f"tip-{n:02d}" for n in range(2, 9)]  # crowded by tip-01: moved

    after = finished(start_run_due(root, env, "2026-12-01T11:08"))  # the next cron run after the wait
    assert after["posted"] == [] and tip(after, "missed") == ["tip-09", "tip-10"], after
    assert len(fx.posts) == 1
    plan = json.loads(run_cli_in_process("plan", "--json", "--days", "30", "--now", "2026-12-01T11:09", cwd=root,
                                         env=env).out)
    assert sorted(row["id"].rpartition("/")[2] for row in plan["posts"]) == [f"tip-{n:02d}" for n in range(2, 11)]
    assert len({row["at"] for row in plan["posts"]}) == TIPS - 1
