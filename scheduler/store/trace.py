"""The project's note, outside the database, that its queue has held posts: a lost database is then refused.

A database that goes missing (a SQLite file moved or deleted, JUNO_DATABASE_URL pointing at an empty
database) would otherwise be made anew, empty, and `queue` would queue again the tips already posted.
The first time the project's database is seen holding posts, `.juno/database.json` notes it (and which
database it was); from then on a database with no posts at all is refused, for every command that opens it,
until the database is restored or the note is deleted on purpose (docs/queue.md, 'A lost database').
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from scheduler.config import database_kind
from scheduler.errors import LostDatabaseError, redacted
from scheduler.fileio import read_note, write_atomic
from scheduler.store.sqlite import sqlite_path

TRACE_FILE = "database.json"  # in .juno/; runner/cron.py names it too, for the fast path (held equal in its tests)
HELP = "docs/queue.md, 'A lost database'"


def trace_path(state_dir: Path) -> Path:
    return state_dir / TRACE_FILE


def refuse_missing_file(url: str, state_dir: Path) -> None:
    """Before a SQLite file is made: refuse to make it anew when the project's queue has held posts."""
    if database_kind(url) == "sqlite" and not sqlite_path(url).exists() and trace_path(state_dir).exists():
        noted = read_note(trace_path(state_dir)).get("database")
        if isinstance(noted, str) and database_kind(noted) != "sqlite":
            # the queue lives elsewhere: the likeliest cause is a run (cron, a new shell) without the variable
            raise LostDatabaseError(f"the database {sqlite_path(url)} is missing, but {_history(url, state_dir)}: "
                                    f"JUNO_DATABASE_URL is not set to it here (cron reads no shell profile); put "
                                    f"JUNO_DATABASE_URL=<that database's URL> in the project's .env or on the cron "
                                    f"line, {_else(state_dir)}")
        raise LostDatabaseError(f"the database {sqlite_path(url)} is missing, but {_history(url, state_dir)}: "
                                f"restore the file from a backup, {_else(state_dir)}")


def starting_anew(message: str, state_dir: Path) -> str:
    """`message` (a damaged or empty database file: restore it, or start an empty queue) with the second step
    starting anew takes in a project whose queue has held posts: its note refuses a new, empty database."""
    if not trace_path(state_dir).exists():
        return message
    return (f"{message}; to start an empty queue, also delete {trace_path(state_dir)} (it notes that this queue has "
            f"held posts, so an empty database is refused until it is gone; {HELP})")


def check_history(url: str, state_dir: Path, holds_posts: bool, now: datetime) -> None:
    """A database with posts is noted as the project's; an empty one, once posts were noted, is refused."""
    refuse_empty(url, state_dir, holds_posts)
    path = trace_path(state_dir)
    shown = redacted(url)
    if holds_posts and read_note(path).get("database") != shown:
        note = {"database": shown, "noted": now.isoformat(timespec="seconds"),
                "why": f"this project's queue has held posts: a database without any is refused ({HELP})"}
        write_atomic(path, json.dumps(note, indent=2) + "\n")


def refuse_empty(url: str, state_dir: Path, holds_posts: bool) -> None:
    """A database with no posts is refused once the project's queue has held posts."""
    if not holds_posts and trace_path(state_dir).exists():
        raise LostDatabaseError(f"the database {redacted(url)} holds no posts, but {_history(url, state_dir)}: point "
                                f"JUNO_DATABASE_URL at the database that holds them or restore it, {_else(state_dir)}")


def _history(url: str, state_dir: Path) -> str:
    """This project's queue has held posts, and where, when that was another database."""
    database = read_note(trace_path(state_dir)).get("database")
    where = f" in {database}" if isinstance(database, str) and database != redacted(url) else ""
    return f"this project's queue has held posts{where} ({trace_path(state_dir)} notes it)"


def _else(state_dir: Path) -> str:
    return (f"or the tips already posted would be queued and posted again; to start afresh on purpose, "
            f"delete {trace_path(state_dir)} ({HELP})")
