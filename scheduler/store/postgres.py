"""PostgreSQL backend (psycopg 3): several workers on several machines share one queue.

A claim is one UPDATE over a `FOR UPDATE SKIP LOCKED` pick: workers never wait on each other's rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg

from scheduler.store.base import POST_COLUMNS, Store, _in, network_filter
from scheduler.store.records import CLAIMABLE

CONNECT_TIMEOUT_S = 10
_MIGRATION_LOCK = 0x6A756E6F  # "juno": one migrating process at a time

# The claim and its attempt in one statement; the post comes back as it was found.
_CLAIM = ("WITH found AS (SELECT id, attempt_open, attempts FROM posts "
          f"WHERE status IN {_in(CLAIMABLE)} AND ready_at <= %s{{networks}} "
          "ORDER BY ready_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
          "UPDATE posts SET status = 'claimed', claimed_by = %s, claimed_until = %s, ready_at = %s, "
          "updated_at = %s, attempt_open = 1, attempts = posts.attempts + 1 FROM found WHERE posts.id = found.id "
          "RETURNING " + ", ".join(f"found.{c}" if c in ("attempt_open", "attempts") else f"posts.{c}"
                                   for c in POST_COLUMNS))


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str):
        super().__init__(url)
        self.conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator:
        with self.conn.transaction(), self.conn.cursor() as cur:
            if not durable:
                cur.execute("SET LOCAL synchronous_commit TO OFF")
            yield _Cursor(cur, self._sql)

    def _lock_migrations(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), params)
            return cur.fetchall()

    def _claim_one(self, cur, worker_id: str, now: int, until: int, networks=None) -> tuple | None:
        cur.execute(_CLAIM.format(networks=network_filter(networks)), (now, worker_id, until, until, now), raw=True)
        return cur.fetchone()

    def claim(self, worker_id, now, lease, networks=None):
        """One statement in autocommit: its own durable transaction, one round trip."""
        from scheduler.store.records import to_epoch

        row = self.conn.execute(_CLAIM.format(networks=network_filter(networks)), (to_epoch(now), worker_id, to_epoch(now + lease), to_epoch(now + lease),
                                         to_epoch(now))).fetchone()
        return self._post(row) if row else None

    def _write(self, sql: str, params: Sequence = (), durable: bool = True) -> int:
        """Durable: one statement in autocommit. Not durable: sent as one pipeline, one round trip."""
        if durable:
            return self.conn.execute(self._sql(sql), params).rowcount
        with self.conn.pipeline(), self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SET LOCAL synchronous_commit TO OFF")
            cur.execute(self._sql(sql), params)
        return cur.rowcount

    def close(self) -> None:
        self.conn.close()


class _Cursor:
    """A psycopg cursor that takes the same `?` placeholders as sqlite3."""

    def __init__(self, cur: psycopg.Cursor, translate):
        self._cur = cur
        self._translate = translate

    def execute(self, sql: str, params: Sequence = (), raw: bool = False):
        return self._cur.execute(sql if raw else self._translate(sql), params or None)

    def executemany(self, sql: str, rows) -> None:
        self._cur.executemany(self._translate(sql), rows)

    def fetchone(self):
        return self._cur.fetchone()

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount
