"""A refused command writes nothing (user trial 3, finding E): `retry nosuch` or `resume bluesky` on a project whose
PostgreSQL database was empty made the schema there and bound it to the project's accounts, although the command
was refused. Every command that can be refused once it has opened the database, run for real through the CLI on
a fresh database, leaves the database and the project's files as they were (the lock file .juno/posts.lock aside).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import run_cli_in_process as run_cli
from test_whose_database import CAMPAIGN, _project

ACCOUNT = "account: {handle: junocounseling, publisher: outbox}\n"
NOW = ("--now", "2026-12-08T08:00")
REFUSED = [("retry", "nosuch"), ("retry", CAMPAIGN), ("skip", "nosuch"), ("unpublish", f"{CAMPAIGN}/nosuch"),
           ("archive", "nosuch"), ("archive", "nosuch", "--restore"), ("pause", "mastodon"), ("resume", "bluesky")]
REFUSED_AFTER_OPENING = [("queue", "nosuch"), ("preview", "--out", "no/such/folder/preview.html")]


def _database(url: str) -> object:
    """Everything in the database: each table's rows (SQLite: None when there is no file)."""
    if url.startswith("sqlite:"):
        path = Path(url[len("sqlite:///"):])
        if not path.exists():
            return None
        conn = sqlite3.connect(path)
        try:
            tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {table: conn.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}
        finally:
            conn.close()
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(url.split("?", 1)[0], autocommit=True) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,))]
        return {table: conn.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall() for table in tables}


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "posts.lock"}


def test_every_refused_command_leaves_a_fresh_database_and_the_project_as_found(tmp_path, database_url):
    root = _project(tmp_path / "project", ACCOUNT)
    env = {"JUNO_DATABASE_URL": database_url}
    commands = REFUSED + (REFUSED_AFTER_OPENING if not database_url.startswith("sqlite:") else [])
    database, files = _database(database_url), _files(root)
    for command in commands:
        refused = run_cli(*command, *NOW, cwd=root, env=env)
        assert refused.code == 2 and refused.err.startswith("error: "), (command, refused)
        assert refused.err.count("\n") == 1, (command, refused)
        assert _database(database_url) == database, command
        assert _files(root) == files, command

    queued = run_cli("queue", *NOW, cwd=root, env=env)  # the database is still free for the project's first queue
    assert queued.code == 0, queued
    assert _database(database_url) != database


def test_a_refused_command_on_a_queue_made_by_a_tool_leaves_it_as_found(tmp_path, database_url):
    """A database with the schema but no accounts yet (made by a tool, or the project's first command to come):
    a refused command records no accounts in it, so another practice may still take it."""
    from scheduler.store import open_store

    open_store(database_url).close()
    root = _project(tmp_path / "project", ACCOUNT)
    env = {"JUNO_DATABASE_URL": database_url}
    database = _database(database_url)
    for command in REFUSED + REFUSED_AFTER_OPENING:
        refused = run_cli(*command, *NOW, cwd=root, env=env)
        assert refused.code == 2, (command, refused)
        assert _database(database_url) == database, command
    other = _project(tmp_path / "other", "account: {handle: otherpractice, publisher: outbox}\n")
    assert run_cli("queue", *NOW, cwd=other, env=env).code == 0


def test_a_refused_command_in_a_project_without_a_database_file_makes_none(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    for command in REFUSED:
        refused = run_cli(*command, *NOW, cwd=root)
        assert refused.code == 2, (command, refused)
        assert not (root / ".juno" / "juno.db").exists(), command
    paused = run_cli("pause", *NOW, cwd=root)  # a command that is not refused makes it as before
    assert paused.code == 0 and (root / ".juno" / "juno.db").exists(), paused
