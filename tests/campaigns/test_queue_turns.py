"""A long `queue` never holds up the posting: a `run-due` started while it works gets its turn at once, and a queue
killed at any moment leaves its tips unqueued, or all queued, never some (real processes, SQLite and PostgreSQL).

The user's case: `queue` of a campaign of 3,000 tips held SQLite's write lock while it gave every tip its slot
(minutes); cron's `run-due` waited 90 s on it. The slots are now worked out with no lock held and written in one
short transaction. A timetable that makes slot-giving long on purpose (a slot every minute, one post a day: every
slot of a day is tried for every tip still to place) stands in for the 3,000 tips: the same wait, two to three
seconds on this machine, with cards for only a few dozen tips. (A slot every five minutes gave a window of 0.6 s,
and a kill 0.5 s into it came after the commit: CI's shifted pass failed on 2026-12-06.)"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from conftest import REPO, run_cli
from queue_helpers import cron_schedule, write_campaign, write_schedule

pytestmark = pytest.mark.slow  # real queue and run-due processes, cards drawn

TIPS = 30
SLOW_TO_PLACE = cron_schedule("* * * * *", publisher="outbox", min_gap="3h", max_per_day=1, catch_up="2h")
NOW = "2026-12-01T08:06"  # first/t1's slot (08:00) just passed: run-due posts it, within catch-up


@pytest.fixture
def root(tmp_path, database_url) -> Path:
    """A project with one post due now (first/t1) and a campaign of TIPS approved tips not yet queued."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(REPO / "assets", root / "assets")
    write_schedule(root, text=SLOW_TO_PLACE)
    write_campaign(root, "first", [{"id": "t1"}])
    assert run_cli("queue", "--now", "2026-12-01T08:00", cwd=root, env=env_of(database_url)).code == 0
    write_campaign(root, "big", [{"id": f"t{n:02d}", "section": f"Part {n % 3}"} for n in range(TIPS)])
    return root


def env_of(database_url: str) -> dict:
    return {"JUNO_DATABASE_URL": database_url}


def start(root: Path, database_url: str, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    return subprocess.Popen([sys.executable, "-m", "scheduler", *args, "--now", NOW], cwd=root,
                            env={**env, **env_of(database_url)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def wait_for_cards(root: Path, queue: subprocess.Popen) -> None:
    """Until queue has drawn every tip's card: it is giving them slots from then on."""
    folder = root / ".juno" / "cards" / "big"
    deadline = time.monotonic() + 300
    while len(list(folder.glob("t*.png"))) < TIPS:
        assert queue.poll() is None, queue.communicate()
        assert time.monotonic() < deadline, "queue drew no cards in 5 minutes"
        time.sleep(0.05)


def lock_and_saved(database_url: str) -> tuple[bool, int]:
    """Whether a writer holds what run-due waits for (SQLite's write lock; on PostgreSQL the slots' lock, the row of
    juno_meta that `placing` locks), and how many of the campaign's posts are saved."""
    if database_url.startswith("sqlite"):
        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
        try:
            saved = conn.execute("SELECT count(*) FROM posts WHERE campaign = 'big'").fetchone()[0]
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return True, saved
            conn.execute("ROLLBACK")
            return False, saved
        finally:
            conn.close()
    with psycopg.connect(database_url) as conn:
        saved = conn.execute("SELECT count(*) FROM posts WHERE campaign = 'big'").fetchone()[0]
        try:
            conn.execute("SELECT value FROM juno_meta WHERE key = 'schema_version' FOR UPDATE NOWAIT")
        except psycopg.errors.LockNotAvailable:
            return True, saved
        return False, saved


def cpu_seconds(process: subprocess.Popen) -> float:
    """The CPU time a process has used (user and system, from /proc): how far along its work it is, whatever the
    machine's load or the clock says."""
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop_while_giving_slots(queue: subprocess.Popen, database_url: str) -> None:
    """SIGSTOP queue inside its slot-giving (about 1.8 s of CPU after the last card on this machine; stopped 0.3 s
    in), at a moment it holds no lock and has saved none of the campaign's posts. Its short writes (moving missed
    posts, saving the slots) take the lock, and a stop inside one would hold run-due up whatever queue does with the
    rest of its time: CI's full run stopped it inside one on 2026-12-06, stopping at the last card. A queue that held
    the lock while working slots out is found free only once its posts are saved, and fails here."""
    after_cards = cpu_seconds(queue)
    while cpu_seconds(queue) - after_cards < 0.3:
        assert queue.poll() is None, "queue gave its tips slots before it could be stopped doing so"
        time.sleep(0.01)
    while True:
        queue.send_signal(signal.SIGSTOP)
        assert queue.poll() is None, "queue finished before it was found giving slots without the lock"
        locked, saved = lock_and_saved(database_url)
        if not locked and not saved:
            return
        queue.send_signal(signal.SIGCONT)
        assert not saved, "queue held the database's lock all the while it worked its tips' slots out"
        time.sleep(0.01)


def queued_tips(root: Path, database_url: str) -> list[str]:
    """Every post of the campaign in the queue, once per post (a tip twice would be listed twice)."""
    shown = run_cli("status", "--json", "--now", NOW, cwd=root, env=env_of(database_url))
    plan = run_cli("plan", "--json", "--days", "60", "--now", NOW, cwd=root, env=env_of(database_url))
    assert shown.code == 0 and plan.code == 0, (shown, plan)
    return sorted(row["id"] for row in json.loads(plan.out)["posts"] if row["id"].startswith("big/"))


def test_run_due_started_during_a_long_queue_finishes_first(root, database_url):
    """The queue is stopped (SIGSTOP) while it is giving its tips slots, between its writes, and run-due must finish meanwhile: queue works
    its slots out without the database's lock, so nothing run-due needs is held. Ordered by a signal, not by how fast
    either process runs (it raced before: on a slow machine, or under libfaketime, queue could finish first)."""
    queue = start(root, database_url, "queue", "--json")
    try:
        wait_for_cards(root, queue)
        stop_while_giving_slots(queue, database_url)
        try:
            run = start(root, database_url, "run-due", "--json")
            try:
                out, err = run.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                run.kill()
                raise AssertionError("run-due waited for queue to finish") from None
        finally:
            queue.send_signal(signal.SIGCONT)
    finally:
        queued_out, queued_err = queue.communicate(timeout=300)
    assert run.returncode == 0, err
    assert [row["id"] for row in json.loads(out)["posted"]] == ["first/t1"]
    assert queue.returncode == 0, queued_err
    assert len(json.loads(queued_out)["queued"]) == TIPS
    assert queued_tips(root, database_url) == [f"big/t{n:02d}" for n in range(TIPS)]


@pytest.mark.parametrize("moment", ["drawing cards", "giving slots"])
def test_a_queue_killed_midway_queues_every_tip_once_when_run_again(root, database_url, moment):
    queue = start(root, database_url, "queue", "--json")
    try:
        if moment == "drawing cards":
            while len(list((root / ".juno" / "cards" / "big").glob("t*.png"))) < TIPS // 2:
                assert queue.poll() is None, queue.communicate()
                time.sleep(0.02)
        else:
            wait_for_cards(root, queue)
            time.sleep(0.2)
        assert queue.poll() is None, "queue finished before it could be killed"
        queue.send_signal(signal.SIGKILL)
    finally:
        queue.communicate(timeout=60)
    everything = [f"big/t{n:02d}" for n in range(TIPS)]
    # All or nothing: a kill lands before the one short write (almost always: it is the last step of seconds of work)
    # or, on a machine that stalled this test long enough, after it; never in between.
    left = queued_tips(root, database_url)
    assert left in ([], everything)

    again = run_cli("queue", "--json", "--now", NOW, cwd=root, env=env_of(database_url), timeout=300)
    assert again.code == 0, again
    assert len(json.loads(again.out)["queued"]) == (TIPS if left == [] else 0)
    assert queued_tips(root, database_url) == everything
    assert run_cli("queue", "--json", "--now", NOW, cwd=root, env=env_of(database_url), timeout=300).code == 0
    assert queued_tips(root, database_url) == everything

