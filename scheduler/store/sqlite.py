"""SQLite backend: one file, WAL journal; a claim is one BEGIN IMMEDIATE transaction."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from scheduler.errors import DamagedDatabaseError, StoreError
from scheduler.store.base import POST_COLUMNS, Store, _in, network_filter
from scheduler.store.records import CLAIMABLE

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60.0
FIRST_TRY_S = 1.0  # a lock held longer than this: the wait is said once (stderr), then it goes on to BUSY_TIMEOUT_S



class LockWait:
    """One deadline for a run's waits on another process's lock (an on-call trial: run-due said "60 s at most",
    twice, and waited 114-126 s: its quick look and its full run each waited a minute). It starts at the first try
    that finds the database locked and holds for every store and transaction of the process after it; said once.
    A long-lived process (the studio, the daemon) starts a new one once the lock was taken after the deadline, or
    the deadline is BUSY_TIMEOUT_S behind."""

    def __init__(self) -> None:
        self.deadline: float | None = None
        self.told = False

    def forget_old(self, now: float) -> None:
        if self.deadline is not None and now > self.deadline + BUSY_TIMEOUT_S:
            self.deadline, self.told = None, False

    def left(self, now: float) -> float:
        return BUSY_TIMEOUT_S if self.deadline is None else max(0.0, self.deadline - now)

    def blocked(self, started: float) -> float:
        """The lock was held at `started`: the seconds left to wait for it."""
        if self.deadline is None:
            self.deadline = started + BUSY_TIMEOUT_S
        return max(0.0, self.deadline - time.monotonic())

    def got(self, now: float) -> None:
        if self.deadline is not None and now > self.deadline:  # free again after this run's wait: a new one later
            self.deadline, self.told = None, False


LOCK_WAIT = LockWait()


def _ms(seconds: float) -> int:
    return max(0, int(seconds * 1000))


# One pick per network, each walking posts_claim in order (SQLite would sort the due rows of several
# networks taken together), merged here; without networks, posts_ready.
_CLAIM_PICK = (f"SELECT ready_at, id, attempt_open FROM posts WHERE status IN {_in(CLAIMABLE)} "
               "AND ready_at <= ?{networks} ORDER BY ready_at, id LIMIT ?")
_CLAIM_TAKE = ("UPDATE posts SET status = 'claimed', claimed_by = ?, claimed_until = ?, ready_at = ?, "
               "updated_at = ?, attempt_open = 1, attempts = attempts + 1, sending_at = NULL WHERE id = ? "
               f"RETURNING {', '.join(POST_COLUMNS)}")
_OPEN_AT = POST_COLUMNS.index("attempt_open")
_ATTEMPTS_AT = POST_COLUMNS.index("attempts")


def sqlite_path(url: str) -> Path:
    """sqlite:///relative.db or sqlite:////absolute.db -> the file."""
    return Path(url[len("sqlite:///"):])


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, url: str, read_only: bool = False):
        super().__init__(url)
        path = sqlite_path(url)
        if path.parent.name == ".juno":  # the default place: made on first use; other folders must exist
            path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size == 0:
            raise DamagedDatabaseError(f"{path} is empty (0 bytes), not a database: if it held the queue, restore it from a "
                             "backup; to start an empty queue, delete the file")
        if path.exists() and not path.is_file():
            raise StoreError(f"{path} is not a plain file; point JUNO_DATABASE_URL at a database file")
        self.path = path
        if read_only:  # status, plan, history on a file this user cannot write: look, change nothing
            self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                        isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA query_only = ON")
            return
        self.conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")  # a recorded attempt survives a power cut too

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[sqlite3.Cursor]:
        cur = self.conn.cursor()
        if self.conn.in_transaction:  # inside `placing`: part of its transaction, committed (durably) with it
            try:
                yield cur
            finally:
                cur.close()
            return
        if not durable:
            cur.execute("PRAGMA synchronous = NORMAL")
        self._begin(cur)  # take the write lock now: no two claims interleave
        try:
            yield cur
        except BaseException:
            self.conn.rollback()
            raise
        else:
            cur.execute("COMMIT")
        finally:
            if not durable:
                cur.execute("PRAGMA synchronous = FULL")
            cur.close()

    def _begin(self, cur: sqlite3.Cursor) -> None:
        """BEGIN IMMEDIATE; when another process holds the lock past the first try, say so once, then wait on, up to
        one deadline for the whole run (LockWait): however many connections and transactions it opens, a run waits
        BUSY_TIMEOUT_S at most, as said."""
        if BUSY_TIMEOUT_S <= FIRST_TRY_S:
            cur.execute("BEGIN IMMEDIATE")
            return
        wait = LOCK_WAIT
        started = time.monotonic()
        wait.forget_old(started)
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {_ms(min(FIRST_TRY_S, wait.left(started)))}")
            try:
                cur.execute("BEGIN IMMEDIATE")
                wait.got(time.monotonic())
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc):
                    raise
                left = wait.blocked(started)
                if left <= 0:  # this run's wait is over (an earlier transaction waited it out): no second minute
                    raise
            if not wait.told:
                wait.told = True
                logger.warning("%s is locked by another process (a run, the daemon or a database tool); waiting for "
                               "it, %s s at most", self.path, f"{BUSY_TIMEOUT_S:g}")
            self.conn.execute(f"PRAGMA busy_timeout = {_ms(left)}")
            cur.execute("BEGIN IMMEDIATE")
            wait.got(time.monotonic())
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {_ms(BUSY_TIMEOUT_S)}")

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def _claim_rows(self, cur, worker_id: str, now: int, until: int, networks, limit: int) -> list[tuple]:
        found: list[tuple] = []
        for network in [None] if networks is None else networks:
            cur.execute(_CLAIM_PICK.format(networks=network_filter(None if network is None else [network]) + self.mine),
                        (now, limit))
            found += cur.fetchall()
        rows = []
        for _, post_id, attempt_open in sorted(found)[:limit]:
            cur.execute(_CLAIM_TAKE, (worker_id, until, until, now, post_id))
            taken = list(cur.fetchone())
            taken[_OPEN_AT], taken[_ATTEMPTS_AT] = attempt_open, taken[_ATTEMPTS_AT] - 1  # as it was found
            rows.append(tuple(taken))
        return rows

    def close(self) -> None:
        self.conn.close()
