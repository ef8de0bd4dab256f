"""The database: the queue and every post's state, the one source of truth at run time.

    store = open_store(settings.database_url)   # sqlite:///... or postgresql://...

SQLite by default (.juno/juno.db); PostgreSQL (needs psycopg) so several workers share one queue.
The schema is migrated on open.
"""

from __future__ import annotations

import errno
import logging
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from scheduler.config import database_kind
from scheduler.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    MisconfiguredDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    UsageError,
    redacted,
)
from scheduler.store.base import Store
from scheduler.store.records import (
    ACTIVE,
    CLAIMED,
    DEAD,
    FAILED,
    MISSED,
    PAUSED,
    POSTED,
    QUEUED,
    SKIPPED,
    STATES,
    STOPPED,
    UNCONFIGURED,
    Account,
    Post,
    with_settings,
)
from scheduler.store.sqlite import SQLiteStore, sqlite_path
from scheduler.store.trace import check_history, refuse_missing_file, starting_anew

__all__ = [
    "ACTIVE",
    "CLAIMED",
    "DEAD",
    "FAILED",
    "MISSED",
    "PAUSED",
    "POSTED",
    "QUEUED",
    "SKIPPED",
    "STATES",
    "STOPPED",
    "UNCONFIGURED",
    "Account",
    "Post",
    "Store",
    "note_history",
    "open_project_store",
    "open_store",
    "rename_handle",
    "with_settings",
]


logger = logging.getLogger(__name__)


def open_store(url: str, accounts: Iterable[tuple[str, str]] | None = None,
               now: datetime | None = None, *, read_only: bool = False,
               check: Callable[[Store], None] | None = None, held: bool = False) -> Store:
    """Open (and migrate) the database at `url`; a StoreError naming JUNO_DATABASE_URL if it cannot be used.
    With `accounts` ((network, handle) pairs), refuse a database that belongs to other accounts. With
    `read_only` (a SQLite file this user cannot write), open it only to read: nothing migrated or recorded.
    `check` may refuse the opened store by raising. Migrating, recording the accounts and `check` are one
    transaction: a refused database is left as it was found (no schema made, no accounts recorded). `held`: when
    that transaction made or recorded anything, it stays open until the store is left (Store.keep_opening), so that a
    command refused after opening leaves the database as it found it too."""
    scheme = database_kind(url)
    if scheme == "sqlite":
        errors: tuple = (sqlite3.Error, OSError)
        store_class: type[Store] = SQLiteStore
    elif scheme == "postgresql":
        try:
            # lazy: psycopg, an optional extra, only for PostgreSQL: never on run-due's fast path on SQLite
            import psycopg
        except ImportError:
            raise StoreError(f"JUNO_DATABASE_URL is {redacted(url)}, a PostgreSQL database, but psycopg "
                             "is not installed; pip install 'juno-scheduler[postgres]'") from None
        # lazy: it imports psycopg, as above
        from scheduler.store.postgres import PostgresStore

        errors = (psycopg.Error, OSError)
        store_class = PostgresStore
    else:
        raise StoreError(f"JUNO_DATABASE_URL: unknown database {redacted(url)}; "
                         "use sqlite:///path.db or postgresql://user@host/dbname")
    store: Store | None = None
    try:
        if read_only and scheme == "sqlite":
            store = SQLiteStore(url, read_only=True)
            store.check_schema()
            _bind(store, accounts, now, check, write=False)
        else:
            store = store_class(url)
            with ExitStack() as opening:
                opening.enter_context(store.transaction())
                made = store.migrate()
                made = _bind(store, accounts, now, check, write=not read_only) or made
                if made and held:
                    store.keep_opening(opening.pop_all())
    except ForeignDatabaseError as exc:
        if store is not None:
            store.close()
        raise ForeignDatabaseError(f"the database {redacted(url)} {exc}") from None
    except StoreError:
        if store is not None:
            store.close()
        raise
    except errors as exc:
        if store is not None:
            store.close()
        remedy = _remedy(exc, scheme, url)
        kind = {DAMAGED: DamagedDatabaseError, READ_ONLY: ReadOnlyDatabaseError}.get(remedy, StoreError)
        if scheme == "postgresql" and _misconfigured(exc):
            kind, remedy = MisconfiguredDatabaseError, "fix JUNO_DATABASE_URL (docs/configuration.md)"
        raise kind(f"cannot use the database {redacted(url)}: {_reason(exc, url)}; {remedy}") from None
    return store


def _bind(store: Store, accounts: Iterable[tuple[str, str]] | None, now: datetime | None,
          check: Callable[[Store], None] | None, write: bool) -> bool:
    """Bind `store` to `accounts` and run `check`; whether accounts were recorded."""
    recorded = accounts is not None and store.bind_accounts(accounts, now or datetime.now(UTC), write=write)
    if check is not None:
        check(store)
    return recorded


# What a PostgreSQL server (or libpq, reading the URL) says of an address no retry mends: a database or role it
# does not have, a password or authentication it refuses, an option it does not know.
_MISCONFIGURED = re.compile(r"(database|role) \"[^\"]*\" does not exist|authentication failed|no password supplied|"
                            r"no pg_hba.conf entry|invalid (sslmode|connection option|URI|integer value|value)|"
                            r"permission denied for database|missing \"=\"|unterminated quoted string", re.IGNORECASE)


def _misconfigured(exc: BaseException) -> bool:
    return isinstance(exc, Exception) and bool(_MISCONFIGURED.search(str(exc)))


READ_ONLY = "let this user read and write the database file and its folder"
DAMAGED = ("the file is damaged or is not a database: restore it from a backup, or move it aside to start an empty "
           "queue (everything queued in it is then forgotten)")


def _remedy(exc: BaseException, scheme: str, url: str = "") -> str:
    """What to do, by what went wrong: a permission, a full disk and a corrupt file each need other hands."""
    text = str(exc).lower()
    if isinstance(exc, PermissionError) or "readonly" in text or "permission denied" in text:
        return READ_ONLY
    if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in text or "no space" in text:
        return "the disk is full: free some space and run the command again"
    if scheme == "sqlite" and url and _disk_full(sqlite_path(url)):  # SQLite may say only "disk I/O error"
        return f"the disk holding {sqlite_path(url)} is full: free some space and run the command again"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DAMAGED
    if scheme == "sqlite" and ("database is locked" in text or "database table is locked" in text):
        return ("another process holds the database (a run still going, the daemon, or a database tool in a "
                "transaction): let it finish, then run the command again; nothing was changed")
    if scheme == "sqlite" and "unable to open" in text:
        return "the folder does not exist or cannot be written: create it, or fix JUNO_DATABASE_URL"
    if scheme == "sqlite":  # no server: the file, its folder and the disk it is on
        return ("check JUNO_DATABASE_URL (when unset: .juno/juno.db in the project folder) and the disk holding the "
                "file")
    return "check JUNO_DATABASE_URL (when unset: .juno/juno.db in the project folder) and that the server runs"


FULL_BELOW = 1 << 20  # bytes free on the disk of a SQLite file that gave an error: too few to write a transaction


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < FULL_BELOW
    except OSError:
        return False


def _reason(exc: Exception, url: str) -> str:
    """The driver's complaint on one line, without the password."""
    return redacted(" ".join(str(exc).split()) or type(exc).__name__, url)


def open_project_store(settings, now: datetime | None = None, *, look_only: bool = False, held: bool = False,
                       queued_only: bool = False) -> Store:
    """The project's database, refused if it belongs to another account, or if it is missing or empty while
    the project's queue has held posts (store/trace.py). `look_only` (status, plan, history): a SQLite file
    this user cannot write is still read, with a warning, so the on-call engineer can see what is stuck.
    `held` (a command that may be refused once it has looked): what opening made or recorded stands only if the
    command ends well (open_store's `held`). `queued_only` (retry, skip, archive, unpublish: held, and they change
    only posts already queued): with no SQLite file yet (nothing was ever queued) the empty queue is looked at in
    memory, and no file is made."""
    refuse_missing_file(settings.database_url, settings.state_dir)
    url = settings.database_url
    if queued_only and database_kind(url) == "sqlite" and not sqlite_path(url).exists():
        url = NO_FILE

    def check(store: Store) -> None:
        check_history(settings.database_url, settings.state_dir, store.holds_posts(), now or datetime.now(UTC))

    try:
        return open_store(url, accounts=settings.schedule.account_keys, now=now, check=check, held=held or queued_only)
    except DamagedDatabaseError as exc:  # both steps of starting an empty queue, in the one message
        raise DamagedDatabaseError(starting_anew(str(exc), settings.state_dir)) from None
    except ReadOnlyDatabaseError as exc:
        if not (look_only and database_kind(settings.database_url) == "sqlite"):
            raise
        store = open_store(settings.database_url, accounts=settings.schedule.account_keys, now=now, read_only=True,
                           check=check)
        logger.warning("%s; shown as it is: nothing can be posted or queued until then", exc)
        return store


NO_FILE = "sqlite:///:memory:"  # an empty queue that leaves no file behind


def rename_handle(settings, network: str, now: datetime, *, apply: bool) -> tuple[str, list, int, Account | None]:
    """rename-handle: the database's recorded handle on `network` gives the posts not yet out to the handle
    posts/schedule.yaml names there now (Store.rename_handle); with `apply` False only what it would do. The
    database is opened without the project's accounts: it is the one refusing them. Last, the new handle's
    state when it holds posting back (a pause of the old handle holds for the new one), else None."""
    account = settings.schedule.account_for(network)
    if account is None:
        raise UsageError(f"rename-handle {network}: posts/schedule.yaml has no {network} account; write its new "
                         "handle there first")
    refuse_missing_file(settings.database_url, settings.state_dir)
    url = settings.database_url
    if database_kind(url) == "sqlite" and not sqlite_path(url).exists():
        raise UsageError(f"rename-handle {network}: there is no database yet ({sqlite_path(url)}): nothing to rename")
    with open_store(url, now=now) as store:
        if apply:
            old, posts, kept = store.rename_handle(network, account.handle, now)
            return old, posts, kept, store.held_as(network, account.handle)
        old, posts, kept = store.renaming(network, account.handle, now)
        return old, posts, kept, store.held_as(network, account.handle) or store.held_as(network, old)


def note_history(settings, store: Store, now: datetime) -> None:
    """After posts were put in (`queue`): note at once that this project's queue has held posts, and where, so a
    run that finds another, empty database (cron without JUNO_DATABASE_URL) the same day is refused, not silent."""
    check_history(settings.database_url, settings.state_dir, store.holds_posts(), now)


def database_failure(exc: BaseException, url: str = "") -> str | None:
    """One line for a database driver's error raised mid-command (a disk filling up, a file made read-only,
    a server gone), or None when `exc` is not one. `url`: the database's, when known."""
    module = type(exc).__module__.split(".", 1)[0]
    if module not in ("sqlite3", "psycopg"):
        return None
    scheme = "sqlite" if module == "sqlite3" else "postgresql"
    text = redacted(" ".join(str(exc).split()) or type(exc).__name__, url)
    return f"the database failed: {text}; {_remedy(exc, scheme, url if scheme == 'sqlite' else '')}"
