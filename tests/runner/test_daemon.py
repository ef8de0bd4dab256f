"""The daemon as a real process: it wakes when a post is due, notices new posts, and on SIGTERM
finishes the post in flight, gives back its claims and exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from queue_helpers import make_post, settings_for, write_schedule

from scheduler.store import open_store

PROCESS = Path(__file__).resolve().parents[1] / "recording_process.py"

pytestmark = pytest.mark.slow


def environment() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}


def wait_for(condition, timeout: float = 30.0, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def read_line(proc: subprocess.Popen) -> str:
    line = proc.stdout.readline()
    assert line, proc.stderr.read()
    return line


def add(root: Path, *posts) -> None:
    with open_store(settings_for(root).database_url) as store:
        store.add_posts(list(posts), datetime.now(UTC))


def test_the_daemon_wakes_when_a_post_is_due_and_stops_cleanly_on_sigterm(project):
    write_schedule(project)
    due = datetime.now(UTC) + timedelta(seconds=2)
    add(project, make_post("c/soon", due))
    proc = subprocess.Popen([sys.executable, "-m", "scheduler", "daemon"], cwd=project, env=environment(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert read_line(proc).startswith("daemon started for @junocounseling")
        # a user trial: the daemon never said when it would next wake; it says so, in the practice's zone
        local = f"{due.astimezone(ZoneInfo('America/New_York')):%a %Y-%m-%d %H:%M}"
        assert read_line(proc) == f"next wake: {local} (America/New_York), when the next post is due\n"
        # well before the one-minute recheck: the alarm was set for the post's own time
        wait_for(lambda: (project / ".juno" / "outbox" / "c--soon.json").exists(), timeout=30, what="the post")
        assert read_line(proc).startswith("simulated, not posted c/soon at ")  # the outbox: as status says it
        assert read_line(proc).startswith("next wake: none planned, nothing is queued")  # and after each run
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out.strip() == "daemon stopped"
    with open_store(settings_for(project).database_url) as store:
        assert store.get("c/soon").status == "posted"


def test_a_quiet_daemon_does_not_print_its_next_wake_and_a_verbose_one_logs_it(project):
    write_schedule(project)
    add(project, make_post("c/later", datetime(2026, 12, 9, 14, 0, tzinfo=UTC)))
    proc = subprocess.Popen([sys.executable, "-m", "scheduler", "daemon", "-q", "--now", "2026-12-07T09:00"],
                            cwd=project, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert read_line(proc).startswith("daemon started for @junocounseling")
        time.sleep(2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out.strip() == "daemon stopped" and "next wake" not in err, (out, err)
    verbose = subprocess.Popen([sys.executable, "-m", "scheduler", "daemon", "-v", "--now", "2026-12-07T09:00"],
                               cwd=project, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        read_line(verbose)
        assert read_line(verbose) == "next wake: Wed 2026-12-09 09:00 (America/New_York), when the next post is due\n"
        verbose.send_signal(signal.SIGTERM)
        _, err = verbose.communicate(timeout=30)
    finally:
        verbose.kill()
    assert "INFO scheduler.runner.daemon: next wake: Wed 2026-12-09 09:00 (America/New_York)" in err, err


def test_posts_queued_while_it_sleeps_are_noticed_within_the_recheck(tmp_path):
    write_schedule(tmp_path)
    record = tmp_path / "published.tsv"
    proc = subprocess.Popen([sys.executable, str(PROCESS), "daemon", str(tmp_path), str(record), "--recheck", "1"],
                            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert read_line(proc).startswith("daemon started")
        time.sleep(1.5)  # asleep with an empty queue
        add(tmp_path, make_post("c/new", datetime.now(UTC) - timedelta(seconds=5)))
        wait_for(lambda: record.exists() and record.read_text().startswith("c/new\t"), what="the new post")
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0


def test_sigterm_mid_post_finishes_that_post_and_releases_the_rest(tmp_path):
    write_schedule(tmp_path)
    record = tmp_path / "published.tsv"
    now = datetime.now(UTC)
    add(tmp_path, *(make_post(f"c/p{i}", now - timedelta(seconds=30 - i)) for i in range(3)))
    proc = subprocess.Popen([sys.executable, str(PROCESS), "daemon", str(tmp_path), str(record), "--pause", "1.0"],
                            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert read_line(proc).startswith("daemon started")
        with open_store(settings_for(tmp_path).database_url) as store:
            wait_for(lambda: store.get("c/p0").attempt_open, what="the first attempt to start")
        proc.send_signal(signal.SIGTERM)  # during the first publish (it takes two seconds)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert record.read_text().splitlines() == [f"c/p0\t{proc.pid}\t0"]
    assert "posted c/p0" in out and out.strip().endswith("daemon stopped")
    with open_store(settings_for(tmp_path).database_url) as store:
        states = {p.id: (p.status, p.claimed_by) for p in store.posts()}
    assert states == {"c/p0": ("posted", None), "c/p1": ("queued", None), "c/p2": ("queued", None)}


def test_sigterm_at_any_moment_of_the_alarms_loop_stops_the_daemon(tmp_path):
    """The alarm wakes every millisecond here, so SIGTERM lands at every kind of moment of its loop: between
    jobs, in the trigger's look at the database, entering and leaving its sleep. Each time the daemon stops
    within seconds and exits 0 (a handler that took the sleep's lock while the loop held it hung for ever)."""
    write_schedule(tmp_path)
    for attempt, delay in enumerate((0.05, 0.13, 0.21, 0.34, 0.02, 0.55, 0.08, 0.89, 0.17, 0.29, 0.44, 0.61)):
        proc = subprocess.Popen([sys.executable, str(PROCESS), "daemon", str(tmp_path), str(tmp_path / "record.tsv"),
                                 "--recheck", "0.001"], env=environment(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            assert read_line(proc).startswith("daemon started")
            time.sleep(delay)
            proc.send_signal(signal.SIGTERM)
            try:
                out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"attempt {attempt}: SIGTERM {delay} s after start left the daemon running")
        finally:
            proc.kill()
        assert proc.returncode == 0, err
        assert out.strip().endswith("daemon stopped"), out
