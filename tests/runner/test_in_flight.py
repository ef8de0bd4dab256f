"""A post another run is sending right now counts: `run-due --dry-run` shows it as being sent by another run (not
as due, nor its lease's end as the next post), and min_gap holds between it and an on-time post on the same network,
whichever run decides first (real run-due processes against the fake X server, on SQLite and PostgreSQL).

Slots at 09:00 and 10:00, min_gap 1h. The 09:00 post goes out late (the machine was down), and X is slow to answer:
the run at 10:00 must not send the 10:00 post minutes after it (it waits for min_gap, as after a late post out); and
a late post decided while another run sends the on-time one waits for that run's outcome. The run sending is frozen
(SIGSTOP) once X has its post, so it stays in flight however long the checks take (a run gives X 10 s to answer);
thawed, it records the post, or leaves it uncertain for the next run to find on X: out once either way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import drawn_template, fresh_copy, run_cli_in_process, seed_campaign
from fakex import FakeX
from schedules import schedule_text

pytestmark = pytest.mark.slow  # real run-due processes

ZONE = ZoneInfo("America/New_York")
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = schedule_text("account: {handle: junocounseling, publisher: x}\n", days="tue", times=("09:00", "10:00"),
                         min_gap="1h", max_per_day=3, jitter="0m", catch_up="2h", link="{mode: none}", hashtags="[]",
                         budget="{monthly_usd: 10}")
CAMPAIGN_FILE = seed_campaign("".join(
    f"  - id: tip-{n}\n    headline: \"Tip {n}: listen first.\"\n"
    f"    text: \"Tip {n}: listen before you answer, and ask what your partner needs today.\"\n"
    f"    status: approved\n" for n in (1, 2)), url="null")
FIRST, SECOND = f"{CAMPAIGN}/tip-1", f"{CAMPAIGN}/tip-2"


drawn = drawn_template(SCHEDULE, CAMPAIGN, CAMPAIGN_FILE)


@pytest.fixture
def queued(drawn, tmp_path, database_url):
    """The fake X server, and a project with both tips queued (09:00 and 10:00 on Tuesday 1 December)."""
    root = fresh_copy(drawn, tmp_path)
    with FakeX() as fx:
        assert run_cli_in_process("queue", "--now", "2026-12-01T07:00", cwd=root, env=env_of(fx, database_url)).code == 0
        yield fx, root


def env_of(fx: FakeX, database_url: str) -> dict:
    return {**fx.env(), "JUNO_DATABASE_URL": database_url}


def start(root: Path, env: dict, *args: str) -> subprocess.Popen:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    return subprocess.Popen([sys.executable, "-m", "scheduler", *args], cwd=root, env={**full_env, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(run: subprocess.Popen, code: int = 0) -> tuple[str, str]:
    out, err = run.communicate(timeout=120)
    assert run.returncode == code, (out, err)
    return out, err


def in_flight(first: subprocess.Popen, fx: FakeX) -> None:
    """Once X has the post `first` sends (its answer held), freeze that run: the post stays in flight."""
    assert fx.wait_for(lambda server: len(server.posts) == 1, timeout=60), first.stderr
    first.send_signal(signal.SIGSTOP)


def thaw(first: subprocess.Popen, fx: FakeX, post_id: str) -> None:
    """X answers and the frozen run goes on: it records the post, or (its 10 s for an answer gone) leaves it
    uncertain, to be looked for on X first by the next run."""
    fx.release()
    first.send_signal(signal.SIGCONT)
    report = json.loads(finished(first)[0])
    assert post_id in [row["id"] for row in report["posted"] + report["deferred"]], report


def run_due(root: Path, env: dict, local: str, *more: str) -> dict:
    return json.loads(finished(start(root, env, "run-due", "--json", "--now", f"2026-12-01T{local}", *more))[0])


def sent_at(fx: FakeX) -> list[datetime]:
    """When each post reached X, by X's clock."""
    return [datetime.fromtimestamp(post["at"], ZONE) for post in fx.posts]


def test_dry_run_and_an_on_time_post_see_a_late_post_another_run_is_sending(queued, database_url):
    fx, root = queued
    env = env_of(fx, database_url)
    fx.set_now(datetime(2026, 12, 1, 9, 58, tzinfo=ZONE).timestamp())
    fx.inject("POST /2/tweets", hold=True)  # the late 09:00 post reaches X, whose answer is slow to come
    first = start(root, env, "run-due", "--json", "--now", "2026-12-01T09:58")
    try:
        in_flight(first, fx)
        fx.set_now(datetime(2026, 12, 1, 10, 0, tzinfo=ZONE).timestamp())

        dry = start(root, env, "run-due", "--dry-run", "--now", "2026-12-01T10:00")
        lines = finished(dry)[0].splitlines()
        waits = (f"on time, but another run is sending {FIRST}, 58 minutes after its slot, since Tue 2026-12-01 09:58; "
                 "min_gap (1:00:00) holds it until Tue 2026-12-01 10:58")
        assert lines == [f"would defer {SECOND} until Tue 2026-12-01 10:58: {waits}",
                         f"being sent by another run: {FIRST} (a run now leaves it alone)"]

        second = run_due(root, env, "10:00")  # the 10:00 post, on time: not sent two minutes after the late one
        assert second["posted"] == [] and [(row["id"], row["reason"]) for row in second["deferred"]] == [(SECOND, waits)]
        assert len(fx.posts) == 1
    finally:
        thaw(first, fx, FIRST)

    fx.set_now(datetime(2026, 12, 1, 11, 0, tzinfo=ZONE).timestamp())
    assert SECOND in [row["id"] for row in run_due(root, env, "11:00")["posted"]]
    out = sent_at(fx)
    assert len(out) == 2 and out[1] - out[0] >= timedelta(hours=1)



def test_a_late_post_waits_while_another_run_sends_an_on_time_one(queued, database_url):
    fx, root = queued
    env = env_of(fx, database_url)
    fx.set_now(datetime(2026, 12, 1, 9, 59, tzinfo=ZONE).timestamp())
    fx.inject("POST /2/tweets", status=503)  # the 09:00 post, late, fails once: tried again 2 minutes on
    assert [row["id"] for row in run_due(root, env, "09:59")["deferred"]] == [FIRST]

    fx.set_now(datetime(2026, 12, 1, 10, 0, tzinfo=ZONE).timestamp())
    fx.inject("POST /2/tweets", hold=True)
    first = start(root, env, "run-due", "--json", "--now", "2026-12-01T10:00")  # the 10:00 post, on time
    try:
        in_flight(first, fx)
        dry = finished(start(root, env, "run-due", "--dry-run", "--now", "2026-12-01T10:02"))[0].splitlines()
        assert f"being sent by another run: {SECOND} (a run now leaves it alone)" in dry
        second = run_due(root, env, "10:02")  # the late one's retry: not sent two minutes after the on-time one
        assert second["posted"] == [] and [row["id"] for row in second["deferred"]] == [FIRST], second
        assert second["deferred"][0]["reason"] == (
            f"late, and another run is posting {SECOND} right now: both out would break min_gap (1:00:00); "
            "decided again once that run is done")
        assert len(fx.posts) == 1
    finally:
        thaw(first, fx, SECOND)

    after = run_due(root, env, "10:05")  # decided again: too close to the one out, so it moves, never lost
    assert [row["id"] for row in after["missed"]] == [FIRST], after
    assert [post["text"][:5] for post in fx.posts] == ["Tip 2"]
