"""SQLite backend: one file, WAL journal; a claim is one BEGIN IMMEDIATE transaction."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from scheduler.errors import DamagedDatabaseError, StoreError
from scheduler.store.base import POST_COLUMNS, Store, _in, network_filter
from scheduler.store.records import CLAIMABLE

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60.0
FIRST_TRY_S = 1.0  # a lock held longer than this: the wait is said once (stderr), then it goes on to BUSY_TIMEOUT_S

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
        self._told_waiting = False
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
        """BEGIN IMMEDIATE; when another process holds the lock past the first try, say so once, then wait on."""
        if BUSY_TIMEOUT_S <= FIRST_TRY_S:
            cur.execute("BEGIN IMMEDIATE")
            return
        self.conn.execute(f"PRAGMA busy_timeout = {int(FIRST_TRY_S * 1000)}")
        try:
            cur.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if not self._told_waiting:
            self._told_waiting = True
            logger.warning("%s is locked by another process (a run, the daemon or a database tool); waiting for it, "
                           "%s s at most", self.path, f"{BUSY_TIMEOUT_S:g}")
        cur.execute("BEGIN IMMEDIATE")

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
