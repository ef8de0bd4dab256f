"""PostgreSQL backend (psycopg 3): several workers on several machines share one queue.

A claim is one UPDATE over a `FOR UPDATE SKIP LOCKED` pick: workers never wait on each other's rows.
It may take a few posts at once (one round trip for several), each with its own lease and attempt.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress

import psycopg
from psycopg.pq import TransactionStatus

from scheduler.store.base import POST_COLUMNS, Store, _in
from scheduler.store.records import CLAIMABLE, to_epoch

CONNECT_TIMEOUT_S = 10
_MIGRATION_LOCK = 0x6A756E6F  # "juno": one migrating process at a time

_RETURNING = ", ".join(f"found.{c}" if c in ("attempt_open", "attempts") else f"posts.{c}" for c in POST_COLUMNS)


# The claim's plan may not depend on the table's statistics: a queue just filled (never analysed) looks empty
# to the planner, which then sorts every due row to take one. No sort and no bitmap leaves one way in, the
# ordered scan of posts_claim; posts_ready (ready_at only) cannot give the (ready_at, id) order unsorted.
# The few rows the networks' scans return are then sorted at the cost the penalty puts on it: no JIT for that.
CLAIM_PLAN = tuple(f"SET LOCAL {name} = off" for name in ("enable_sort", "enable_incremental_sort",
                                                            "enable_bitmapscan", "jit"))


def claim_sql(networks: Sequence[str] | None, mine: str = "") -> str:
    """The claim and its attempts in one statement; the posts come back as they were found, oldest first.

    Each network is its own branch, an ordered scan of the partial index posts_claim (network, ready_at, id)
    that stops at the first rows no other worker holds; the branches are merged in (ready_at, id) order.
    No branch ever sorts the due rows, so a claim costs the same with ten posts queued or a million,
    whatever the table's statistics say (run it after CLAIM_PLAN). A claim for every network at once (tests,
    tools) walks posts_ready instead and sorts the ties of one second. Parameters: now, limit, worker, until.
    Rows a branch locked but the merge left out are free again when the statement ends. `mine`: the store's
    condition keeping the claim to its project's accounts."""
    pick = f"SELECT id, ready_at, attempt_open, attempts FROM posts WHERE status IN {_in(CLAIMABLE)} AND ready_at <= %(now)s{mine}"
    if networks is None:
        branches = [f"{pick} ORDER BY ready_at, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED"]
    else:
        known = [n for n in networks if n.isalpha()]  # network names are words: never quoted input
        branches = [f"{pick} AND network = '{network}' ORDER BY network, ready_at, id LIMIT %(limit)s "
                    "FOR UPDATE SKIP LOCKED" for network in known] or [f"{pick} AND 1 = 0"]
    if len(branches) == 1:
        found = f"found AS ({branches[0]})"
    else:
        picks = ", ".join(f"pick{n} AS ({branch})" for n, branch in enumerate(branches))
        merged = " UNION ALL ".join(f"SELECT * FROM pick{n}" for n in range(len(branches)))
        found = f"{picks}, found AS ({merged} ORDER BY ready_at, id LIMIT %(limit)s)"
    return (f"WITH {found} "
            "UPDATE posts SET status = 'claimed', claimed_by = %(worker)s, claimed_until = %(until)s, "
            "ready_at = %(until)s, updated_at = %(now)s, attempt_open = 1, attempts = posts.attempts + 1, sending_at = NULL "
            f"FROM found WHERE posts.id = found.id RETURNING {_RETURNING}, found.ready_at")


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

    def _lock_slots(self, cur) -> None:
        """The row of this database's (or schema's) own juno_meta, locked until the transaction ends; a statement
        after it reads what the last holder committed (READ COMMITTED). Writes inside nest as savepoints."""
        cur.execute("SELECT value FROM juno_meta WHERE key = 'schema_version' FOR UPDATE")

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), params)
            return cur.fetchall()

    def _claim_rows(self, cur, worker_id: str, now: int, until: int, networks, limit: int) -> list[tuple]:
        for setting in CLAIM_PLAN:
            cur.execute(setting, raw=True)
        cur.execute(claim_sql(networks, self.mine), {"now": now, "limit": limit, "worker": worker_id, "until": until}, raw=True)
        return _in_claim_order(cur.fetchall())

    def claim_many(self, worker_id, now, lease, networks=None, limit=1):
        """Its own durable transaction: one round trip."""
        cur = self._one_trip(CLAIM_PLAN, claim_sql(networks, self.mine), {"now": to_epoch(now), "limit": limit,
                                                               "worker": worker_id, "until": to_epoch(now + lease)})
        return [self._post(row) for row in _in_claim_order(cur.fetchall())]

    def record_posted_many(self, records):
        """One UPDATE from a VALUES list, sent with its BEGIN (one round trip), then the COMMIT (a second): a
        worker killed before the COMMIT goes (waiting on a lock, say) leaves nothing recorded."""
        if not records:
            return set()
        values = ", ".join("(%s, %s, %s, %s::double precision, %s::bigint)" for _ in records)
        sql = ("BEGIN; SET LOCAL synchronous_commit TO OFF; "
               "UPDATE posts SET status = 'posted', remote_id = found.remote_id, url = found.url, "
               "cost_usd = found.cost_usd, posted_at = found.at, attempt_open = 0, last_error = NULL, "
               "claimed_by = NULL, claimed_until = NULL, sending_at = NULL, ready_at = found.at, updated_at = found.at "
               f"FROM (VALUES {values}) AS found (id, remote_id, url, cost_usd, at) "
               f"WHERE posts.id = found.id AND posts.status <> 'posted'{self.mine} RETURNING posts.id")
        params = [value for post_id, remote_id, url, cost, at in records
                  for value in (post_id, remote_id, url, cost, to_epoch(at))]
        cur = psycopg.ClientCursor(self.conn)
        try:
            cur.execute(sql, params)
            cur.nextset()
            cur.nextset()
            done = {row[0] for row in cur.fetchall()}
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
                with suppress(psycopg.Error):  # a broken connection has nothing to roll back
                    self.conn.execute("ROLLBACK")
            raise
        return done

    def _write(self, sql: str, params: Sequence = (), durable: bool = True) -> int:
        """Durable: one statement in autocommit. Not durable: sent as one pipeline (its COMMIT goes only once
        the statement is done: a worker killed while it waits leaves nothing recorded, as chaos expects)."""
        if durable:
            return self.conn.execute(self._sql(sql), params).rowcount
        with self.conn.pipeline(), self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SET LOCAL synchronous_commit TO OFF")
            cur.execute(self._sql(sql), params)
        return cur.rowcount

    def _one_trip(self, settings: Sequence[str], sql: str, params) -> psycopg.ClientCursor:
        """BEGIN, the SET LOCALs, one statement and COMMIT sent as one query (one round trip, where a
        pipeline took several); the cursor comes back at the statement's result. Like one statement in
        autocommit, it commits even if this process dies while it runs. A query of several statements has
        its parameters bound by psycopg on this side, quoted as literals."""
        cur = psycopg.ClientCursor(self.conn)
        try:
            cur.execute("; ".join(("BEGIN", *settings, sql, "COMMIT")), params)
        except BaseException:
            if self.conn.info.transaction_status == TransactionStatus.INERROR:
                self.conn.execute("ROLLBACK")
            raise
        for _ in range(len(settings) + 1):
            cur.nextset()
        return cur

    def close(self) -> None:
        self.conn.close()


def _in_claim_order(rows: list[tuple]) -> list[tuple]:
    """Rows as RETURNING gave them (in no set order), oldest ready_at first, without that last column."""
    return [row[:-1] for row in sorted(rows, key=lambda row: (row[-1], row[0]))]


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

    def fetchall(self):
        return self._cur.fetchall()

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount
