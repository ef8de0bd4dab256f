"""A SQLite database another process holds locked: the command says so and what to do, not to check a server."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

import scheduler.runner.cron
import scheduler.store.sqlite

HOLD = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
"""


@contextmanager
def held_by_another_process(database, monkeypatch, first_try_s: float, busy_timeout_s: float):
    """Another process holds `database` locked (BEGIN EXCLUSIVE) while the block runs; this process's lock wait
    starts afresh, with its first try and whole wait made short."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(database)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(scheduler.store.sqlite, "LOCK_WAIT", scheduler.store.sqlite.LockWait())
        monkeypatch.setattr(scheduler.store.sqlite, "FIRST_TRY_S", first_try_s)
        monkeypatch.setattr(scheduler.store.sqlite, "BUSY_TIMEOUT_S", busy_timeout_s)
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_database_held_by_another_process_is_named_as_that(project, cli, monkeypatch):
    # a user trial held BEGIN EXCLUSIVE longer than the busy timeout: run-due said "check JUNO_DATABASE_URL … and
    # that the server runs", and SQLite has no server
    assert cli("queue", "--now", "2026-12-07T08:00", "--root", str(project)).code == 0
    database = project / ".juno" / "juno.db"
    assert database.exists()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(database)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        for module in (scheduler.store.sqlite, scheduler.runner.cron):  # the wait itself is not under test
            monkeypatch.setattr(module, "BUSY_TIMEOUT_S", 0.2)
        result = cli("run-due", "--now", "2026-12-09T08:40", "--root", str(project))
    finally:
        holder.kill()
        holder.wait()
    assert result.code == 1, result
    [line] = result.err.strip().splitlines()
    assert line.startswith("error: ") and "another process holds the database" in line, line
    assert "server" not in line and "Traceback" not in line
    assert cli("run-due", "--now", "2026-12-09T08:40", "--root", str(project)).code in (0, 3)  # free again: it runs


def test_a_wait_for_the_lock_is_said_once_at_its_start_with_how_long_at_most(project, cli, monkeypatch):
    # a user trial: a locked database waited about a minute in silence before its error
    assert cli("queue", "--now", "2026-12-07T08:00", "--root", str(project)).code == 0
    database = project / ".juno" / "juno.db"
    with held_by_another_process(database, monkeypatch, 0.1, 0.6):
        result = cli("queue", "--now", "2026-12-07T08:00", "--root", str(project))
    lines = result.err.strip().splitlines()
    assert result.code == 1 and len(lines) == 2, result
    assert lines[0].startswith("warning: ") and f"{database} is locked by another process" in lines[0], lines
    assert lines[0].endswith("waiting for it, 0.6 s at most"), lines
    assert lines[1].startswith("error: ") and "another process holds the database" in lines[1], lines


@pytest.mark.parametrize("quiet", [False, True])
def test_run_due_waits_what_it_says_once_for_the_whole_run(project, cli, monkeypatch, quiet):
    # an on-call trial: run-due said "waiting for it, 60 s at most" twice and waited 114-126 s (its quick look and
    # its full run each waited the whole minute); with -q it said nothing at all
    assert cli("queue", "--now", "2026-12-07T08:00", "--root", str(project)).code == 0
    assert cli("run-due", "--now", "2026-12-07T08:01", "--root", str(project)).code == 0  # the timetable noted
    database = project / ".juno" / "juno.db"
    with held_by_another_process(database, monkeypatch, 0.2, 3.0):
        started = time.monotonic()
        result = cli("run-due", *(["-q"] if quiet else []), "--now", "2026-12-09T08:40", "--root", str(project))
        took = time.monotonic() - started
    assert result.code == 1, result
    # the deadline it said, once for the whole run (the quick look and the full run each waited it: 6 s and more)
    assert 3.0 <= took < 5.5, took
    lines = result.err.strip().splitlines()
    said = [] if quiet else [line for line in lines if line.startswith("warning: ")]
    assert lines[:-1] == said and len(said) == (0 if quiet else 1), lines
    if said:
        assert said[0].endswith(f"{database} is locked by another process (a run, the daemon or a database tool); "
                                "waiting for it, 3 s at most"), said
    assert lines[-1].startswith("error: ") and "another process holds the database" in lines[-1], lines
    assert cli("run-due", "--now", "2026-12-09T08:40", "--root", str(project)).code in (0, 3)  # free again: it runs
