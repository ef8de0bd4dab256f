"""The cron fast path: `run-due` with nothing due must cost little more than starting Python.

Two steps, each sure or else silent. `quick_run_due` runs before the command line is even parsed: for the
plain cron line (`run-due`, with --root, --now with an offset, -q) on the default SQLite database with no
.env file, it answers from the database with the standard library's sqlite3 alone (no argparse parser, no
settings, no networks, no store classes). Anything else, or anything it is unsure of, is left to the command
line, whose run-due asks `nothing_due` (the environment and .env read as the settings read them, the store
opened), and anything that is unsure of goes down the full path (runner/run.py), which decides and reports.
tests/runner/test_cron_imports.py lists the modules the fast path may load.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from scheduler.errors import ConfigError, StoreError
from scheduler.fileio import read_input
from scheduler.heartbeat import beat
from scheduler.version import __version__

SCHEDULE_FILE = Path("posts") / "schedule.yaml"  # config.SCHEDULE_FILE, config.STATE_DIR and the default database
STATE_DIR = ".juno"  # of config.parse_database_url: tests/runner/test_cron.py holds them equal
# store.records.CLAIMABLE and store.has_due's condition, for the SQLite check without the store (held equal there)
CLAIMABLE = ("queued", "failed", "missed", "claimed")
DUE_SQL = f"SELECT 1 FROM posts WHERE status IN ({', '.join(repr(s) for s in CLAIMABLE)}) AND ready_at <= ? LIMIT 1"
WAITING_SQL = f"SELECT 1 FROM posts WHERE status IN ({', '.join(repr(s) for s in CLAIMABLE)}) LIMIT 1"
ANY_POST_SQL = "SELECT 1 FROM posts LIMIT 1"
TRACE_FILE = "database.json"  # store.trace.TRACE_FILE: the note that the queue has held posts (held equal there)
BUSY_TIMEOUT_S = 30.0


def quick_run_due(argv: list[str], environ) -> int | None:
    """`run-due` answered before the command line loads: 0 when it is sure nothing is due (the beat noted, as
    the command line's run-due notes it), None when the command line must decide."""
    parsed = _plain_run_due(argv)
    if parsed is None or "JUNO_DATABASE_URL" in environ:
        return None
    root_arg, now_arg = parsed
    try:
        root = Path(root_arg).resolve()
        now = datetime.fromisoformat(now_arg) if now_arg else datetime.now(UTC)
    except (OSError, RuntimeError, ValueError):
        return None
    if now.tzinfo is None or not 2000 <= now.year <= 2200 or not root.is_dir() or (root / ".env").exists():
        return None
    url = default_database_url(root)
    if not schedule_checked(root, url):
        return None
    database = root / STATE_DIR / "juno.db"
    posted_before = (root / STATE_DIR / TRACE_FILE).exists()
    if not database.exists():  # no database yet: nothing was ever queued; else it was lost
        return None if posted_before else _ran(root, now, simulated=now_arg is not None)
    if not writable(database):  # the full path says so, every run: cron mails it before a post is due
        return None
    try:
        conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_S)
        try:
            due = conn.execute(DUE_SQL, (int(now.timestamp()),)).fetchone() is not None
            any_post = conn.execute(ANY_POST_SQL).fetchone() is not None
            waiting = due or conn.execute(WAITING_SQL).fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    emptied = posted_before and not any_post  # lost, the full path says so
    dry = any_post and not waiting  # the queue ran dry: the full path may bring tips round again (recycle_after)
    return None if due or emptied or dry else _ran(root, now, simulated=now_arg is not None)


def _ran(root: Path, now: datetime, *, simulated: bool) -> int:
    """A run sure that nothing is due notes its beat (a refused run, left to the full path, notes none)."""
    beat(root, "run-due", now, simulated=simulated)
    return 0


def _plain_run_due(argv: list[str]) -> tuple[str, str | None] | None:
    """(root, now) of a plain `[--root DIR] [-q] run-due [--root DIR] [--now ISO] [-q]`; None for any other line."""
    root, now, command = ".", None, False
    args = iter(argv)
    for arg in args:
        name, eq, value = arg.partition("=")
        if arg == "run-due" and not command:
            command = True
        elif name in ("--root", "--now") and (command or name == "--root"):
            given = value if eq else next(args, None)
            if not given or given.startswith("-"):
                return None
            if name == "--root":
                root = given
            else:
                now = given
        elif arg not in ("-q", "--quiet"):
            return None
    return (root, now) if command else None


def nothing_due(root: Path, now: datetime) -> bool:
    """run-due's fast path: True when the database has nothing due at `now`, found without
    loading the timetable's machinery. Only when posts/schedule.yaml is byte for byte the one a
    full run last found valid (see note_schedule_valid); the environment is checked every time.
    False when unsure: the full path then decides, and reports any mistake."""
    # lazy: the settings' parsers and the store (sqlite3) only for run-due: the CLI imports this module for --help
    from scheduler import networks
    from scheduler.config import parse_database_url, read_environment
    from scheduler.store import Store, open_store
    from scheduler.store.sqlite import sqlite_path
    from scheduler.store.trace import refuse_empty

    environ = read_environment(root, os.environ)
    networks.read_access(environ)
    url = parse_database_url(environ.get("JUNO_DATABASE_URL"), root)
    if not schedule_checked(root, url):
        return False
    posted_before = (root / STATE_DIR / TRACE_FILE).exists()
    if url.startswith("sqlite:") and not sqlite_path(url).exists():
        return not posted_before  # no database yet: nothing was ever queued; else it was lost (the full path says so)
    if url.startswith("sqlite:") and not writable(sqlite_path(url)):
        return False

    def lost(store: Store) -> None:  # refused before anything is made in it: the full path then says so, whole
        refuse_empty(url, root / STATE_DIR, store.holds_posts())

    try:
        with open_store(url, check=lost if posted_before else None) as store:
            # a queue run dry is the full path's: it may bring tips round again (recycle_after), as quick_run_due
            return not store.has_due(now) and (store.next_ready_at() is not None or not store.holds_posts())
    except StoreError:  # unsure: the full path opens it again and says what to do, whole
        return False


def writable(database: Path) -> bool:
    """Whether this user may write the SQLite file and its folder (its journal goes there): a queue that cannot
    take a post's claim is said at every run, not first when a post is due."""
    return os.access(database, os.W_OK) and os.access(database.parent, os.W_OK)


def default_database_url(root: Path) -> str:
    return f"sqlite:///{root / STATE_DIR / 'juno.db'}"


def schedule_checked(root: Path, url: str) -> bool:
    """Whether posts/schedule.yaml and the database are those a full run last found valid."""
    marker = schedule_marker(root)
    try:  # a cache: whatever is wrong with it (missing, unreadable, other bytes) means "not sure"
        checked = read_input(marker, str(marker), error=ConfigError, limit=4096).decode("ascii", "replace")
        current = schedule_digest(root / SCHEDULE_FILE, url)
    except ConfigError:
        return False
    return checked == current  # else another timetable, or another database (whose accounts a full run checks)


def schedule_marker(root: Path) -> Path:
    return Path(root) / STATE_DIR / "schedule.checked"


def schedule_digest(path: Path, database_url: str) -> str:
    """What a valid run notes: this version, the database it used and the bytes of posts/schedule.yaml."""
    data = read_input(path, "posts/schedule.yaml", error=ConfigError, what="YAML file")
    return hashlib.sha256(__version__.encode() + b"\0" + database_url.encode() + b"\0" + data).hexdigest()
