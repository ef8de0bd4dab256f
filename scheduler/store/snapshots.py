"""Metrics kept as a history: a snapshot per (post, network, age), and every post a network billed us for
reading. Counts only; the Store mixes this in (same connection, same transactions)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from scheduler.networks.base import Counts
from scheduler.store.records import from_epoch, to_epoch

COUNT_NAMES = tuple(f.name for f in fields(Counts))


@dataclass(frozen=True)
class Snapshot:
    post_id: str
    network: str
    age: str                    # "1h", "24h", "72h", "7d", "28d" (metrics.ages.AGES)
    due_at: datetime            # posted_at + age
    taken_at: datetime
    late: bool
    counts: Counts = field(default_factory=Counts)  # as the network gave them; None where it gives none

    def numbers(self) -> dict[str, int | None]:
        return {name: getattr(self.counts, name) for name in COUNT_NAMES}


_COLUMNS = ("post_id", "network", "age", "due_at", "taken_at", "late", *COUNT_NAMES)


class SnapshotStore:
    """The Store's metric tables, on the Store's own connection and transactions."""

    def transaction(self, durable: bool = True) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    def add_snapshots(self, snapshots: Iterable[Snapshot]) -> int:
        """Keep each snapshot unless one for its (post, network, age) exists: never taken twice. How many were new."""
        added = 0
        marks = ", ".join("?" for _ in _COLUMNS)
        with self.transaction() as cur:
            for s in snapshots:
                cur.execute(self._sql(f"INSERT INTO metric_snapshots ({', '.join(_COLUMNS)}) VALUES ({marks}) "
                                      "ON CONFLICT (post_id, network, age) DO NOTHING"),
                            (s.post_id, s.network, s.age, to_epoch(s.due_at), to_epoch(s.taken_at), int(s.late),
                             *(s.numbers()[name] for name in COUNT_NAMES)))
                added += cur.rowcount
        return added

    def snapshots(self, post_ids: Sequence[str] | None = None) -> list[Snapshot]:
        """Snapshots in post, network and age order (of `post_ids` only, if given)."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM metric_snapshots"
        params: list[object] = []
        if post_ids is not None:
            if not post_ids:
                return []
            sql += f" WHERE post_id IN ({', '.join('?' for _ in post_ids)})"
            params.extend(post_ids)
        rows = self._query(self._sql(sql + " ORDER BY post_id, network, due_at"), params)
        return [Snapshot(str(post_id), str(network), str(age), _at(due), _at(taken), bool(late),
                         Counts(*(None if n is None else int(n) for n in counts)))
                for post_id, network, age, due, taken, late, *counts in rows]

    def record_reads(self, network: str, remote_ids: Iterable[str], cost_each: float, now: datetime) -> None:
        """The network billed us for reading these posts at `now` (X: each post its timeline returned)."""
        rows = [(network, remote_id, to_epoch(now), cost_each) for remote_id in remote_ids]
        if not rows:
            return
        with self.transaction() as cur:
            cur.executemany(self._sql("INSERT INTO metric_reads (network, remote_id, read_at, cost_usd) "
                                      "VALUES (?, ?, ?, ?)"), rows)

    def read_since(self, network: str, since: datetime) -> set[str]:
        """The remote ids of `network`'s posts read since `since`."""
        rows = self._query(self._sql("SELECT DISTINCT remote_id FROM metric_reads WHERE network = ? AND read_at >= ?"),
                           (network, to_epoch(since)))
        return {str(remote_id) for remote_id, in rows}

    def reading_spend_since(self, since: datetime) -> dict[str, tuple[int, float]]:
        """{network: (posts read since `since`, what reading them cost)}."""
        rows = self._query(self._sql("SELECT network, COUNT(*), COALESCE(SUM(cost_usd), 0) FROM metric_reads "
                                     "WHERE read_at >= ? GROUP BY network ORDER BY network"), (to_epoch(since),))
        return {str(network): (int(count), float(spent)) for network, count, spent in rows}

    def record_read_failure(self, network: str, error: str, now: datetime) -> None:
        """`network`'s counts could not be read at `now`: kept, with when it first failed, until a read works."""
        with self.transaction() as cur:
            cur.execute(self._sql("INSERT INTO metric_failures (network, since, last_at, error) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (network) DO UPDATE SET last_at = excluded.last_at, "
                                  "error = excluded.error"), (network, to_epoch(now), to_epoch(now), error))

    def clear_read_failure(self, network: str) -> None:
        """A read of `network` worked: it no longer fails."""
        with self.transaction() as cur:
            cur.execute(self._sql("DELETE FROM metric_failures WHERE network = ?"), (network,))

    def read_failures(self) -> list[tuple[str, datetime, datetime, str]]:
        """(network, failing since, last failed, why) for each network whose counts could not be read lately."""
        rows = self._query("SELECT network, since, last_at, error FROM metric_failures ORDER BY network")
        return [(str(network), _at(since), _at(last), str(error)) for network, since, last, error in rows]

    def last_collected(self) -> datetime | None:
        """When metrics were last read (a snapshot taken or a post read), or None."""
        rows = self._query("SELECT MAX(taken_at) FROM metric_snapshots UNION ALL SELECT MAX(read_at) FROM metric_reads")
        found = [int(at) for at, in rows if at is not None]
        return from_epoch(max(found)) if found else None



def _at(seconds: int) -> datetime:
    moment = from_epoch(seconds)
    assert moment is not None
    return moment
