"""The cron fast path: `run-due` with nothing due must cost little more than starting Python.

`nothing_due` answers from the database alone, importing only the environment's parsers and the store;
tests/runner/test_cron_imports.py lists the modules that path may load. Anything it is unsure of
sends the caller down the full path (runner/run.py), which decides and reports.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from scheduler import networks
from scheduler.errors import ConfigError
from scheduler.fileio import read_input
from scheduler.version import __version__


def nothing_due(root: Path, now: datetime) -> bool:
    """run-due's fast path: True when the database has nothing due at `now`, found without
    loading the timetable's machinery. Only when posts/schedule.yaml is byte for byte the one a
    full run last found valid (see note_schedule_valid); the environment is checked every time.
    False when unsure: the full path then decides, and reports any mistake."""
    # lazy: the settings' parsers and the store (sqlite3) only for run-due: the CLI imports this module for --help
    from scheduler.config import SCHEDULE_FILE, parse_database_url, read_environment
    from scheduler.store import open_store
    from scheduler.store.sqlite import sqlite_path

    environ = read_environment(root, os.environ)
    networks.read_access(environ)
    url = parse_database_url(environ.get("JUNO_DATABASE_URL"), root)
    marker = schedule_marker(root)
    try:  # a cache: whatever is wrong with it (missing, unreadable, other bytes) means "not sure"
        checked = read_input(marker, str(marker), error=ConfigError, limit=4096).decode("ascii", "replace")
        current = schedule_digest(root / SCHEDULE_FILE, url)
    except ConfigError:
        return False
    if checked != current:  # another timetable, or another database (whose accounts a full run checks)
        return False
    if url.startswith("sqlite:") and not sqlite_path(url).exists():
        return True  # no database yet: nothing was ever queued
    with open_store(url) as store:
        return not store.has_due(now)


def schedule_marker(root: Path) -> Path:
    # lazy: as in nothing_due
    from scheduler.config import STATE_DIR

    return Path(root) / STATE_DIR / "schedule.checked"


def schedule_digest(path: Path, database_url: str) -> str:
    """What a valid run notes: this version, the database it used and the bytes of posts/schedule.yaml."""
    data = read_input(path, "posts/schedule.yaml", error=ConfigError, what="YAML file")
    return hashlib.sha256(__version__.encode() + b"\0" + database_url.encode() + b"\0" + data).hexdigest()
