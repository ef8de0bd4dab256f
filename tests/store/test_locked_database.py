"""A SQLite database another process holds locked: the command says so and what to do, not to check a server."""

from __future__ import annotations

import subprocess
import sys

import scheduler.runner.cron
import scheduler.store.sqlite

HOLD = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
"""


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
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(database)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(scheduler.store.sqlite, "FIRST_TRY_S", 0.1)
        monkeypatch.setattr(scheduler.store.sqlite, "BUSY_TIMEOUT_S", 0.6)
        result = cli("queue", "--now", "2026-12-07T08:00", "--root", str(project))
    finally:
        holder.kill()
        holder.wait()
    lines = result.err.strip().splitlines()
    assert result.code == 1 and len(lines) == 2, result
    assert lines[0].startswith("warning: ") and f"{database} is locked by another process" in lines[0], lines
    assert lines[0].endswith("waiting for it, 0.6 s at most"), lines
    assert lines[1].startswith("error: ") and "another process holds the database" in lines[1], lines
