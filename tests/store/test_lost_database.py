"""A lost database never leads to posting twice (a user trial: the SQLite file moved away, `run-due` said
nothing, `status` showed an empty queue and `queue` queued again a tip already posted).

Real projects through the CLI (run-due, queue and the cron line as real processes): once the project's queue has held posts, a missing SQLite file or a
database with no posts (SQLite or PostgreSQL) is one `error:` line naming the database and what to do, exit 2,
for every command that reads or writes the queue, and no database is made. A brand-new project makes its
database as before; deleting .juno/database.json, as the message says, starts afresh on purpose.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli, run_cli_in_process
from test_whose_database import CAMPAIGN, _project

ACCOUNT = "account: {handle: junocounseling, publisher: outbox}\n"
COMMANDS = [("run-due", "--now", "2026-12-16T08:40"), ("run-due", "--now", "2026-12-16T09:01", "--dry-run"),
            ("status", "--now", "2026-12-16T08:40"), ("queue", "--now", "2026-12-16T08:40"),
            ("plan", "--now", "2026-12-16T08:40"), ("history",), ("retry", f"{CAMPAIGN}/patience-matters"),
            ("skip", f"{CAMPAIGN}/patience-matters"), ("pause",)]


def _posted_twice(root: Path, env: dict | None = None) -> None:
    """A new project makes its database; two of its three posts go out on 12-07 and 12-08."""
    queued = run_cli("queue", "--now", "2026-12-07T07:00", "--json", cwd=root, env=env)
    assert queued.code == 0 and len(json.loads(queued.out)["queued"]) == 3, queued
    for day in ("07", "08"):
        posted = run_cli("run-due", "--now", f"2026-12-{day}T09:01", "--json", cwd=root, env=env)
        assert posted.code == 0 and len(json.loads(posted.out)["posted"]) == 1, posted


def _counted(status: str) -> dict[str, int]:
    return {state: n for state, n in json.loads(status)["counts"].items() if n}


def _outbox(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".juno" / "outbox").glob("*.json"))


def _refused_everywhere(root: Path, env: dict | None, database: str, missing: str) -> None:
    outbox = _outbox(root)
    for command in COMMANDS:
        refused = run_cli_in_process(*command, cwd=root, env=env)
        assert refused.code == 2, (command, refused)
        lines = refused.err.strip().splitlines()
        assert len(lines) == 1, (command, refused)
        assert lines[0].startswith(f"error: the database {database} {missing}, but this project's queue has held "
                                   "posts"), (command, refused)
        assert "restore" in lines[0] and f"delete {root / '.juno' / 'database.json'}" in lines[0], lines[0]
        assert "docs/queue.md, 'A lost database'" in lines[0]
    assert _outbox(root) == outbox


def test_a_missing_sqlite_file_is_refused_by_every_command_and_never_made_anew(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)
    database = root / ".juno" / "juno.db"
    moved = tmp_path / "juno.db.moved"
    database.rename(moved)

    _refused_everywhere(root, None, str(database), "is missing")
    assert not database.exists()

    moved.rename(database)  # restored: everything as it was, nothing posted again
    status = run_cli("status", "--json", "--now", "2026-12-08T10:00", cwd=root)
    assert status.code == 0 and _counted(status.out) == {"queued": 1, "posted": 2}, status
    again = run_cli("queue", "--now", "2026-12-08T10:00", "--json", cwd=root)
    assert again.code == 0 and json.loads(again.out)["queued"] == [], again


def test_an_emptied_sqlite_file_is_refused_too(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)
    database = root / ".juno" / "juno.db"
    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM posts")
    conn.close()
    refused = run_cli("run-due", "--now", "2026-12-16T08:40", cwd=root)
    assert refused.code == 2 and refused.err.startswith(f"error: the database sqlite:///{database} holds no "
                                                        "posts, but this project's queue has held posts"), refused


@pytest.mark.parametrize("content", [b"", b"not a database at all, but a note someone saved here" * 100])
def test_an_empty_or_damaged_file_says_both_steps_of_starting_anew_at_once(tmp_path, content):
    """A user trial: `delete the file` / `move it aside`, and doing it led to the next refusal (the database is
    missing, but this project's queue has held posts ... delete database.json). Both steps in the first message."""
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)
    database = root / ".juno" / "juno.db"
    for extra in database.parent.glob("juno.db-*"):
        extra.unlink()
    database.write_bytes(content)
    note = root / ".juno" / "database.json"
    for command in ("queue", "run-due"):
        refused = run_cli(command, "--now", "2026-12-16T07:00", cwd=root)
        [line] = refused.err.strip().splitlines()
        assert refused.code == 1 and line.startswith("error: ") and "restore it from a backup" in line, refused
        assert f"also delete {note}" in line, line
    database.rename(tmp_path / "juno.db.aside")  # what the message says, both steps
    note.unlink()
    fresh = run_cli("queue", "--now", "2026-12-16T07:00", "--json", cwd=root)
    assert fresh.code == 0 and len(json.loads(fresh.out)["queued"]) == 3, fresh


def test_starting_afresh_on_purpose_is_deleting_the_note(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)
    (root / ".juno" / "juno.db").unlink()
    assert run_cli("queue", "--now", "2026-12-16T07:00", cwd=root).code == 2
    (root / ".juno" / "database.json").unlink()
    fresh = run_cli("queue", "--now", "2026-12-16T07:00", "--json", cwd=root)
    assert fresh.code == 0 and len(json.loads(fresh.out)["queued"]) == 3, fresh


def test_a_new_project_makes_its_database_and_notes_it_once_it_holds_posts(tmp_path):
    root = _project(tmp_path / "project", ACCOUNT)
    quiet = run_cli("run-due", "--now", "2026-12-07T09:01", cwd=root)  # nothing queued yet: says nothing
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    status = run_cli("status", "--now", "2026-12-07T09:01", cwd=root)
    assert status.code == 0 and "none queued" in status.out, status
    assert not (root / ".juno" / "database.json").exists()
    _posted_twice(root)
    note = json.loads((root / ".juno" / "database.json").read_text(encoding="utf-8"))
    assert note["database"] == f"sqlite:///{root / '.juno' / 'juno.db'}"


def test_a_postgresql_database_with_no_posts_is_refused_when_the_project_has_history(tmp_path, pg_url):
    import psycopg

    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root, {"JUNO_DATABASE_URL": pg_url})
    schema = pg_url.rsplit("%3D", 1)[1]
    empty = pg_url.replace(schema, f"{schema}_empty")  # a new, empty schema: what a mistyped URL finds
    server = pg_url.split("?", 1)[0]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}_empty"')
    try:
        _refused_everywhere(root, {"JUNO_DATABASE_URL": empty}, empty, "holds no posts")
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}_empty" CASCADE')
    fine = run_cli_in_process("status", "--json", "--now", "2026-12-08T10:00", cwd=root,
                              env={"JUNO_DATABASE_URL": pg_url})
    assert fine.code == 0 and _counted(fine.out) == {"queued": 1, "posted": 2}, fine


@pytest.mark.parametrize("fast", [True, False], ids=["cron-fast-path", "with-env-file"])
def test_a_postgresql_project_run_without_its_variable_is_told_to_set_it(tmp_path, pg_url, fast, monkeypatch):
    """A user trial: cron did not see JUNO_DATABASE_URL (exported in an interactive shell only) and was told to
    restore a SQLite file from a backup; the note knows the queue is in PostgreSQL, so the line says what is wrong."""
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root, {"JUNO_DATABASE_URL": pg_url})
    if not fast:
        (root / ".env").write_text("# nothing secret\n", encoding="utf-8")
    monkeypatch.delenv("JUNO_DATABASE_URL", raising=False)  # as cron runs it: no shell profile
    cron = run_cli("run-due", "--root", str(root), "--now", "2026-12-16T08:40-05:00", "-q")
    line = cron.err.strip()
    assert cron.code == 2 and len(line.splitlines()) == 1, cron
    assert "JUNO_DATABASE_URL is not set to it here" in line and ".env" in line and "backup" not in line, line
    assert not (root / ".juno" / "juno.db").exists()
    (root / ".env").write_text(f"JUNO_DATABASE_URL={pg_url}\n", encoding="utf-8")  # what the line says to do
    fixed = run_cli("status", "--json", "--now", "2026-12-08T10:00", cwd=root)
    assert fixed.code == 0 and _counted(fixed.out) == {"queued": 1, "posted": 2}, fixed


def test_the_first_queue_notes_where_the_queue_is(tmp_path, pg_url, monkeypatch):
    """A user trial: the first `queue` into a new PostgreSQL database left no note, so that day's cron runs without
    JUNO_DATABASE_URL made a new, empty SQLite file and said nothing. The note is written as the posts go in."""
    root = _project(tmp_path / "project", ACCOUNT)
    queued = run_cli("queue", "--now", "2026-12-07T07:00", cwd=root, env={"JUNO_DATABASE_URL": pg_url})
    assert queued.code == 0, queued
    assert (root / ".juno" / "database.json").is_file()
    monkeypatch.delenv("JUNO_DATABASE_URL", raising=False)
    cron = run_cli("run-due", "--root", str(root), "--now", "2026-12-07T08:40-05:00", "-q")
    assert cron.code == 2 and "JUNO_DATABASE_URL is not set to it here" in cron.err, cron
    assert not (root / ".juno" / "juno.db").exists()


@pytest.mark.parametrize("fast", [True, False], ids=["cron-fast-path", "with-env-file"])
def test_run_due_on_the_cron_line_is_not_silent_about_a_lost_database(tmp_path, fast):
    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)
    if not fast:
        (root / ".env").write_text("# nothing secret\n", encoding="utf-8")  # the command line's nothing_due
    (root / ".juno" / "juno.db").unlink()
    (root / ".juno" / "beat-run-due").unlink()
    cron = run_cli("run-due", "--root", str(root), "--now", "2026-12-16T08:40-05:00", "-q")
    assert cron.code == 2 and cron.err.startswith("error: the database "), cron
    # a refused run is no beat: the studio must not say "Posting runs" while every cron run is refused (a user trial)
    assert not (root / ".juno" / "beat-run-due").exists()


def _tables(url: str) -> set[str]:
    """The tables in a SQLite file, or in a PostgreSQL URL's own schema (its search_path)."""
    if url.startswith("sqlite:"):
        with sqlite3.connect(url[len("sqlite:///"):]) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        conn.close()
        return {name for (name,) in rows}
    import psycopg

    with psycopg.connect(url.split("?", 1)[0], autocommit=True) as conn:
        rows = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                            (url.rsplit("%3D", 1)[1],)).fetchall()
    return {name for (name,) in rows}


def test_a_refused_command_leaves_a_new_database_as_it_found_it(tmp_path, database_url):
    """User trial 2, finding 2: `status` in a project whose queue is in SQLite, pointed at a new PostgreSQL
    database, was refused, yet had made the schema there and recorded its accounts; a second project was then
    told the empty database held the posts of those accounts. A refused command changes nothing."""
    from scheduler.store import open_store

    root = _project(tmp_path / "project", ACCOUNT)
    _posted_twice(root)  # in .juno/juno.db, which .juno/database.json notes
    if database_url.startswith("sqlite:"):
        open_store(database_url).close()  # a file made by a tool: the schema, no accounts, no posts
    found = _tables(database_url)
    env = {"JUNO_DATABASE_URL": database_url}
    for command in (("status", "--now", "2026-12-08T08:00"), ("queue", "--now", "2026-12-08T08:00"),
                    ("run-due", "--now", "2026-12-08T09:01")):
        refused = run_cli(*command, cwd=root, env=env)
        assert refused.code == 2 and "holds no posts, but this project's queue has held posts" in refused.err, refused
    assert _tables(database_url) == found
    if found:
        with open_store(database_url) as store:
            assert store.owners() == []

    other = _project(tmp_path / "other", "accounts:\n  - {network: x, handle: otherpractice, publisher: outbox}\n")
    mine = run_cli("queue", "--now", "2026-12-08T08:00", "--json", cwd=other, env=env)
    assert mine.code == 0 and len(json.loads(mine.out)["queued"]) == 3, mine


def test_the_cron_line_leaves_an_emptied_postgresql_database_as_it_found_it(tmp_path, pg_url):
    """A project's PostgreSQL schema dropped and made anew (empty): the cron line's fast path opened it before
    the full path refused it, and the schema's tables were made by a command that was refused."""
    import psycopg

    root = _project(tmp_path / "project", ACCOUNT)
    env = {"JUNO_DATABASE_URL": pg_url}
    (root / ".env").write_text(f"JUNO_DATABASE_URL={pg_url}\n", encoding="utf-8")  # as cron runs it
    _posted_twice(root, env)
    schema = pg_url.rsplit("%3D", 1)[1]
    with psycopg.connect(pg_url.split("?", 1)[0], autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    cron = run_cli("run-due", "--root", str(root), "--now", "2026-12-08T10:00-05:00", "-q")
    assert cron.code == 2 and "holds no posts, but this project's queue has held posts" in cron.err, cron
    assert _tables(pg_url) == set()
