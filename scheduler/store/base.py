"""The Store: one API over SQLite and PostgreSQL. The database is the queue.

A worker claims one due post at a time with a lease (claimed_by, claimed_until); a post whose
lease ran out is claimable again. Before publishing, the worker opens an attempt (attempt_open);
a post found with an attempt still open was maybe posted, so the next worker asks the network
before posting again. Backends differ only in connecting, transactions and the claim itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import fields
from datetime import UTC, datetime, timedelta

from scheduler.errors import ForeignDatabaseError, StoreError, UsageError
from scheduler.networks import written
from scheduler.store.records import (
    ACTIVE,
    CLAIMABLE,
    CLAIMED,
    DEAD,
    FAILED,
    MISSED,
    POSTED,
    QUEUED,
    SKIPPED,
    SKIPPED_BY_CAMPAIGN,
    UNPUBLISHED,
    WAITING,
    Account,
    AccountState,
    Post,
    PostStatus,
    from_epoch,
    to_epoch,
)
from scheduler.store.schema import META_TABLE, MIGRATIONS, SCHEMA_VERSION
from scheduler.store.snapshots import SnapshotStore

logger = logging.getLogger(__name__)

_TIME_FIELDS = {"due_at", "retry_at", "claimed_until", "posted_at", "updated_at"}
_BOOL_FIELDS = {"pinned", "attempt_open", "recyclable", "sensitive"}
POST_COLUMNS = tuple(f.name for f in fields(Post))
_SELECT = f"SELECT {', '.join(POST_COLUMNS)} FROM posts"
_SAFE_WORD = re.compile(r"^[A-Za-z0-9_.@-]+$")
_OPEN = tuple(s for s in WAITING if s != CLAIMED)  # waiting and not held by a worker
_KEPT_ON_RENAME = (POSTED, UNPUBLISHED)  # gone out as the old handle: rename-handle leaves them under it
_RECORD_POSTED = ("UPDATE posts SET status = 'posted', remote_id = ?, url = ?, cost_usd = ?, posted_at = ?, "
                  "attempt_open = 0, last_error = NULL, claimed_by = NULL, claimed_until = NULL, sending_at = NULL, "
                  "ready_at = ?, "
                  "updated_at = ? WHERE id = ? AND status <> 'posted'")


def _in(values: Sequence[str]) -> str:
    """An SQL list of state names (fixed words of ours, never user input)."""
    return "(" + ", ".join(f"'{v!s}'" for v in values) + ")"


def network_filter(networks: Sequence[str] | None) -> str:
    """` AND network IN (...)` for a claim limited to some accounts' networks ('' for all)."""
    if networks is None:
        return ""
    known = [n for n in networks if n.isalpha()]  # network names are words: never quoted input
    return f" AND network IN {_in(known)}" if known else " AND 1 = 0"


def _literal(value: str) -> str:
    """An SQL string literal (the same on SQLite and PostgreSQL) of a network or a handle, which its network's
    rule has checked: letters, digits and _ . @ - only (no quote, and no % for psycopg's placeholders)."""
    if not _SAFE_WORD.match(value):
        raise ValueError(f"{value!r} is not a network name or handle")
    return f"'{value}'"


def accounts_filter(owners: dict[str, str] | None, former: Iterable[tuple[str, str]] = ()) -> str:
    """` AND (...)`: only the posts of these accounts (network -> handle); '' for the whole database. A post
    written without a handle (by a tool or test that opened the database without accounts) belongs to its
    network's account: the database has one per network, the project's. `former`: (network, handle) of handles
    an account had before it was renamed (rename-handle), whose posted posts stay the account's."""
    if owners is None:
        return ""
    if not owners:
        return " AND 1 = 0"
    before: dict[str, list[str]] = {}
    for network, handle in sorted(former):
        before.setdefault(network, []).append(handle)

    def handles(network: str, handle: str) -> str:
        names = [handle, *before.get(network, ())]
        return " OR ".join(f"handle = {_literal(h)}" for h in names)

    return " AND (" + " OR ".join(f"(network = {_literal(n)} AND ({handles(n, h)} OR handle IS NULL))"
                                   for n, h in sorted(owners.items())) + ")"


def account_key(network: str, handle: str) -> tuple[str, str]:
    """How a database records an account: handles compare without case and without a leading @."""
    return network.lower(), handle.lower().lstrip("@")


class Store(SnapshotStore):
    dialect = "base"

    def __init__(self, url: str):
        self.url = url
        self.owners_by_network: dict[str, str] | None = None  # set by bind_accounts: whose posts are seen
        self.mine = ""  # the SQL condition that keeps every query to those accounts' posts
        self._opening: ExitStack | None = None  # open_store(held=True): the opening's transaction, still open

    def keep_opening(self, opening: ExitStack) -> None:
        """Keep the opening's transaction open until this store is left (`with`): committed if the block ends
        well, rolled back with everything done inside it if the block raises (a refused command)."""
        self._opening = opening

    # --- what a backend provides ------------------------------------------------------------
    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator:
        """A write transaction that holds the queue's write lock until it ends; yields a cursor.
        durable=False may lose the transaction in a power cut (never in a crash of this process):
        fine for a claim, which only reverts to claimable."""
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        raise NotImplementedError

    def _claim_rows(self, cur, worker_id: str, now: int, until: int, networks: Sequence[str] | None,
                    limit: int) -> list[tuple]:
        """Claim up to `limit` due posts inside the transaction `cur`: rows as found, oldest first."""
        raise NotImplementedError

    def _write(self, sql: str, params: Sequence = (), durable: bool = True) -> int:
        """One UPDATE/INSERT/DELETE as its own transaction; the number of rows it changed."""
        with self.transaction(durable=durable) as cur:
            cur.execute(self._sql(sql), params)
            return cur.rowcount

    def _lock_migrations(self, cur) -> None:
        pass

    def _lock_slots(self, cur) -> None:
        """Inside `placing`: wait for any other writer placing posts (SQLite's BEGIN IMMEDIATE already has)."""

    @contextmanager
    def placing(self) -> Iterator[None]:
        """One writer at a time gives posts their slots: `queue` placing tips, `run-due` moving a missed post
        (or one the timetable no longer fits) to the next free slot. Read the taken slots inside, write the new
        ones inside: the store's writes there join this one transaction, so another worker's moves are either
        all in what was read, or wait until this one's are written (two runs never take the same free slot)."""
        with self.transaction() as cur:
            self._lock_slots(cur)
            yield

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._opening is not None:  # open_store(held=True): the opening's writes stand only if this did
                opening, self._opening = self._opening, None
                opening.__exit__(*exc)
        finally:
            self.close()

    # --- schema -------------------------------------------------------------------------------
    def migrate(self) -> bool:
        """Bring the schema to this version; whether anything was made or changed."""
        with self.transaction() as cur:
            self._lock_migrations(cur)
            cur.execute(META_TABLE)
            version = self._version(cur)
            if version > SCHEMA_VERSION:
                raise StoreError(f"the database has schema version {version}, newer than this "
                                 f"juno-scheduler understands ({SCHEMA_VERSION}); upgrade juno-scheduler")
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    cur.execute(statement)
                logger.info("database migrated to schema version %d", step + 1)
            if version == 0:
                cur.execute(self._sql("INSERT INTO juno_meta (key, value) VALUES ('schema_version', ?)"),
                            (str(SCHEMA_VERSION),))
            elif version < SCHEMA_VERSION:
                cur.execute(self._sql("UPDATE juno_meta SET value = ? WHERE key = 'schema_version'"),
                            (str(SCHEMA_VERSION),))
            return version < SCHEMA_VERSION

    def _version(self, cur) -> int:
        cur.execute("SELECT value FROM juno_meta WHERE key = 'schema_version'")
        row = cur.fetchone()
        return int(row[0]) if row else 0

    def check_schema(self) -> None:
        """For a database opened only to read: it must already be at this version (nothing is migrated)."""
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            raise StoreError(f"the database cannot be written and has schema version {version}, not "
                             f"{SCHEMA_VERSION}: let this user write it once (any command that changes the queue "
                             "migrates it), or use the juno-scheduler that wrote it")

    def schema_version(self) -> int:
        rows = self._query("SELECT value FROM juno_meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def _sql(self, sql: str) -> str:
        return sql

    # --- rows ---------------------------------------------------------------------------------
    @staticmethod
    def _post(row: tuple) -> Post:
        values = {}
        for name, value in zip(POST_COLUMNS, row):
            if name in _TIME_FIELDS:
                value = from_epoch(value)
            elif name in _BOOL_FIELDS:
                value = bool(value)
            elif name == "status":
                value = PostStatus(value)
            values[name] = value
        return Post(**values)

    def _posts(self, where: str = "", params: Sequence = (), order: str = "due_at, id",
               limit: int | None = None) -> list[Post]:
        sql = f"{_SELECT} WHERE ({where or '1 = 1'}){self.mine} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._post(row) for row in self._query(self._sql(sql), params)]

    # --- reading ------------------------------------------------------------------------------
    def get(self, post_id: str) -> Post | None:
        found = self._posts("id = ?", (post_id,))
        return found[0] if found else None

    def posts(self, statuses: Iterable[str] | None = None, *, since: datetime | None = None,
              until: datetime | None = None, tip_keys: Iterable[str] | None = None,
              campaign: str | None = None) -> list[Post]:
        """Posts in slot order, filtered by state, slot time [since, until), tip and campaign."""
        where: list[str] = []
        params: list[object] = []
        if statuses is not None:
            where.append(f"status IN {_in(tuple(statuses))}")
        if since is not None:
            where.append("due_at >= ?")
            params.append(to_epoch(since))
        if until is not None:
            where.append("due_at < ?")
            params.append(to_epoch(until))
        if tip_keys is not None:
            keys = list(tip_keys)
            if not keys:
                return []
            where.append(f"tip_key IN ({', '.join('?' for _ in keys)})")
            params.extend(keys)
        if campaign is not None:
            where.append("campaign = ?")
            params.append(campaign)
        return self._posts(" AND ".join(where), params)

    def history(self, limit: int = 50) -> list[Post]:
        """What happened last: posted, failed, dead, missed, skipped and unpublished posts, newest first."""
        return self._posts(f"status IN {_in((POSTED, FAILED, DEAD, MISSED, SKIPPED, UNPUBLISHED))}", (),
                           order="updated_at DESC, id", limit=limit)

    def counts(self) -> dict[str, int]:
        return {status: n for status, n in self._query(f"SELECT status, COUNT(*) FROM posts WHERE 1 = 1{self.mine} "
                                                       "GROUP BY status")}

    def waiting_campaigns(self) -> list[str]:
        """The campaigns (slugs, sorted) with posts still to go out, whenever they go."""
        return [row[0] for row in self._query(f"SELECT DISTINCT campaign FROM posts WHERE status IN {_in(WAITING)}"
                                              f"{self.mine} ORDER BY campaign")]

    def holds_posts(self) -> bool:
        """Whether the database holds any of the project's posts, in any state."""
        return bool(self._query(f"SELECT 1 FROM posts WHERE 1 = 1{self.mine} LIMIT 1"))

    def next_ready_at(self, unheld_at: datetime | None = None) -> datetime | None:
        """When the next post becomes claimable (a slot, a retry, or a lease running out); `unheld_at`: of the
        posts no worker holds at that time (the next slot or retry only)."""
        held = "" if unheld_at is None else f" AND NOT (status = 'claimed' AND claimed_until > {to_epoch(unheld_at)})"
        rows = self._query(f"SELECT MIN(ready_at) FROM posts WHERE status IN {_in(CLAIMABLE)}{held}{self.mine}")
        return from_epoch(rows[0][0]) if rows else None

    def has_due(self, now: datetime, networks: Sequence[str] | None = None) -> bool:
        rows = self._query(self._sql(f"SELECT 1 FROM posts WHERE status IN {_in(CLAIMABLE)} "
                                     f"AND ready_at <= ?{network_filter(networks)}{self.mine} LIMIT 1"),
                           (to_epoch(now),))
        return bool(rows)

    def due(self, now: datetime) -> list[Post]:
        """Posts a worker could claim at `now`, without claiming them (dry runs)."""
        return self._posts(f"status IN {_in(CLAIMABLE)} AND ready_at <= ?", (to_epoch(now),),
                           order="ready_at, id")

    def spend_since(self, since: datetime, network: str | None = None) -> tuple[int, float]:
        """How many posts went out since `since` (on `network`, or on every network), and what they cost,
        reading their metrics included (the month's budget holds both)."""
        by_network = self.spend_by_network(since)
        reading = self.reading_spend_since(since)
        rows = [by_network.get(network, (0, 0.0))] if network is not None else by_network.values()
        read = [reading.get(network, (0, 0.0))] if network is not None else reading.values()
        return sum(count for count, _ in rows), sum(spent for _, spent in rows) + sum(spent for _, spent in read)

    def spend_by_network(self, since: datetime) -> dict[str, tuple[int, float]]:
        """{network: (posts that went out since `since`, what they cost)}, for the networks that posted."""
        rows = self._query(self._sql("SELECT network, COUNT(*), COALESCE(SUM(cost_usd), 0) FROM posts "
                                     f"WHERE posted_at >= ?{self.mine} GROUP BY network ORDER BY network"), (to_epoch(since),))
        return {str(network): (int(count), float(spent)) for network, count, spent in rows}

    # --- queueing -----------------------------------------------------------------------------
    def add_posts(self, posts: Iterable[Post], now: datetime) -> int:
        rows = []
        stamp = to_epoch(now)
        for post in posts:
            values = {name: getattr(post, name) for name in POST_COLUMNS}
            values.update(due_at=to_epoch(post.due_at), retry_at=to_epoch(post.retry_at),
                          claimed_until=to_epoch(post.claimed_until), posted_at=to_epoch(post.posted_at),
                          updated_at=stamp)
            for name in _BOOL_FIELDS:
                values[name] = int(values[name])
            rows.append((*values.values(), to_epoch(post.eligible_at), stamp, self._handle_for(post.network)))
        if not rows:
            return 0
        columns = ", ".join((*POST_COLUMNS, "ready_at", "created_at", "handle"))
        marks = ", ".join("?" for _ in range(len(POST_COLUMNS) + 3))
        with self.transaction() as cur:
            cur.executemany(self._sql(f"INSERT INTO posts ({columns}) VALUES ({marks})"), rows)
        return len(rows)

    def _handle_for(self, network: str) -> str | None:
        """The handle a new post on `network` goes out as; a network not among the accounts is a bug."""
        if self.owners_by_network is None:
            return None
        if network not in self.owners_by_network:
            raise ValueError(f"no {network} account in this project: cannot queue a post on it")
        return self.owners_by_network[network]

    def update_waiting(self, post_id: str, now: datetime, **changes) -> bool:
        """Change a post that is still to go out and not held by a worker; False if it is not."""
        allowed = {"text", "card", "alt_text", "weighted_length", "section", "position", "due_at", "pinned",
                   "status", "skip_reason", "recyclable", "tip_digest", "card_digest", "moved", "moved_for"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        sets: list[str] = []
        params: list[object] = []
        for name, value in changes.items():
            if name == "due_at":
                sets += ["due_at = ?", "ready_at = ?", "retry_at = NULL"]
                params += [to_epoch(value), to_epoch(value)]
                continue
            sets.append(f"{name} = ?")
            params.append(int(value) if name in _BOOL_FIELDS else value)
        sets.append("updated_at = ?")
        params += [to_epoch(now), post_id]
        with self.transaction() as cur:
            cur.execute(self._sql(f"UPDATE posts SET {', '.join(sets)} WHERE id = ? "
                                  f"AND status IN {_in(_OPEN + (SKIPPED,))}{self.mine}"), params)
            return cur.rowcount == 1

    def set_recyclable(self, tip_key: str, recyclable: bool, now: datetime) -> None:
        with self.transaction() as cur:
            cur.execute(self._sql(f"UPDATE posts SET recyclable = ? WHERE tip_key = ? AND recyclable <> ?{self.mine}"),
                        (int(recyclable), tip_key, int(recyclable)))

    # --- claiming and recording -----------------------------------------------------------------
    def claim(self, worker_id: str, now: datetime, lease: timedelta, networks: Sequence[str] | None = None
              ) -> Post | None:
        """Atomically take the most overdue claimable post for `lease` and open an attempt on it,
        durably, before anything is published; None when nothing is due.

        The post comes back as it was found: attempt_open True means an earlier attempt may
        have gone out (look before posting), attempts counts the earlier ones. A worker that
        then does not publish gives the attempt back (defer, move, release with the post).
        `networks` limits the claim to those accounts' posts (the others are paused, stopped or waiting)."""
        taken = self.claim_many(worker_id, now, lease, networks, limit=1)
        return taken[0] if taken else None

    def claim_many(self, worker_id: str, now: datetime, lease: timedelta, networks: Sequence[str] | None = None,
                   limit: int = 1) -> list[Post]:
        """`claim` for up to `limit` posts in one transaction, most overdue first; each has its own lease and
        open attempt. The worker gives back (`release`) any it does not get to, attempts as they were."""
        with self.transaction() as cur:
            rows = self._claim_rows(cur, worker_id, to_epoch(now), to_epoch(now + lease), networks, limit)
        return [self._post(row) for row in rows]

    def note_attempt_key(self, post_id: str, worker_id: str, key: str) -> bool:
        """Durably note the key this claimed post will be created under, before the network is called;
        a key noted by an earlier attempt is kept."""
        return self._write("UPDATE posts SET attempt_key = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ? "
                           f"AND attempt_key IS NULL{self.mine}", (key, post_id, worker_id)) == 1

    def note_claimed_text(self, post_id: str, worker_id: str, text: str, weighted_length: int) -> bool:
        """The words a claimed post goes out in, composed again from the files at claim time."""
        return self._write("UPDATE posts SET text = ?, weighted_length = ? WHERE id = ? AND status = 'claimed' "
                           f"AND claimed_by = ?{self.mine}", (text, weighted_length, post_id, worker_id)) == 1

    def note_sending(self, post_id: str, worker_id: str, now: datetime) -> bool:
        """Inside `placing`: this worker sends its claimed post now, off its slot; other workers deciding on a late
        post keep the rules with it until it is recorded, given back, or its lease runs out."""
        return self._write("UPDATE posts SET sending_at = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ?"
                           f"{self.mine}", (to_epoch(now), post_id, worker_id)) == 1

    def sending(self, worker_id: str, now: datetime, on_time_from: datetime | None = None
                ) -> list[tuple[Post, datetime]]:
        """The late posts other workers are sending now (note_sending), each with when it began, oldest first.
        `on_time_from`: also the posts other workers hold whose slot is from then to `now` (on time, they go out
        without noting it), as if sending from `now`."""
        also = ""
        params: list[object] = [to_epoch(now), worker_id, to_epoch(now)]
        if on_time_from is not None:
            also = " OR (due_at >= ? AND due_at <= ?)"
            params += [to_epoch(on_time_from), to_epoch(now)]
        rows = self._query(self._sql(f"{_SELECT.replace(' FROM posts', ', COALESCE(sending_at, ?) FROM posts')} "
                                     "WHERE status = 'claimed' AND claimed_by <> ? AND claimed_until > ? "
                                     f"AND (sending_at IS NOT NULL{also}){self.mine} ORDER BY {len(POST_COLUMNS) + 1}, id"),
                           params)
        return [(self._post(row[:-1]), datetime.fromtimestamp(int(row[-1]), UTC)) for row in rows]

    def in_flight(self, now: datetime) -> list[Post]:
        """The posts workers hold at `now` (claimed, lease not over): being sent, or about to be, by their runs."""
        return self._posts("status = 'claimed' AND claimed_until > ?", (to_epoch(now),), order="ready_at, id")

    def record_posted(self, post_id: str, remote_id: str, url: str | None, cost_usd: float,
                      now: datetime) -> bool:
        """The network has the post. Recorded even if the claim ran out: it did go out.
        Not durable on purpose: if a power cut loses it, the attempt is still open, so the next
        worker asks the network and records the post without posting it again."""
        return post_id in self.record_posted_many([(post_id, remote_id, url, cost_usd, now)])

    def record_posted_many(self, records: Sequence[tuple[str, str, str | None, float, datetime]]) -> set[str]:
        """`record_posted` for several posts (post id, remote id, url, cost, when it went out) in one transaction;
        the ids it recorded (one already recorded as posted, by another worker, is left as it was). All or none:
        a worker killed before it commits leaves every one of them claimed with its attempt open, to be looked for."""
        if not records:
            return set()
        done = set()
        with self.transaction(durable=False) as cur:
            for post_id, remote_id, url, cost_usd, at in records:
                stamp = to_epoch(at)
                cur.execute(self._sql(_RECORD_POSTED + self.mine), (remote_id, url, cost_usd, stamp, stamp, stamp, post_id))
                if cur.rowcount == 1:
                    done.add(post_id)
        return done

    def _give_back(self, post: Post, worker_id: str, now: datetime, status: str, *, ready_at: datetime,
                   extra: str = "", params: Sequence = ()) -> bool:
        """Return a claimed post unpublished, its attempt as it was before the claim."""
        return self._finish(post.id, worker_id, now, status, ready_at=ready_at,
                            extra=", attempt_open = ?, attempts = ?" + extra,
                            params=(int(post.attempt_open), post.attempts, *params))

    def _finish(self, post_id: str, worker_id: str, now: datetime, status: str, *, ready_at: datetime,
                extra: str = "", params: Sequence = ()) -> bool:
        return self._write(f"UPDATE posts SET status = ?, ready_at = ?, claimed_by = NULL, claimed_until = NULL, "
                           f"sending_at = NULL, updated_at = ?{extra} WHERE id = ? AND status = 'claimed' AND claimed_by = ?{self.mine}",
                           (status, to_epoch(ready_at), to_epoch(now), *params, post_id, worker_id)) == 1

    def record_retry(self, post_id: str, worker_id: str, error: str, retry_at: datetime, *,
                     uncertain: bool, now: datetime) -> bool:
        """Failed for now; try again at retry_at. An uncertain attempt stays open."""
        return self._finish(post_id, worker_id, now, FAILED, ready_at=retry_at,
                            extra=", retry_at = ?, last_error = ?, attempt_open = ?",
                            params=(to_epoch(retry_at), error, int(uncertain)))

    def record_dead(self, post_id: str, worker_id: str, error: str, now: datetime) -> bool:
        """This post can never go out as it is."""
        return self._finish(post_id, worker_id, now, DEAD, ready_at=now,
                            extra=", last_error = ?, attempt_open = 0", params=(error,))

    def defer(self, post: Post, worker_id: str, until: datetime, now: datetime) -> bool:
        """Not now (budget, account not-before): back in the queue from `until`; no attempt counted."""
        status = FAILED if post.last_error else QUEUED
        return self._give_back(post, worker_id, now, status, ready_at=until,
                               extra=", retry_at = ?", params=(to_epoch(until),))

    def move(self, post: Post, worker_id: str, due_at: datetime, now: datetime, why: str | None = None,
             moved_for: str | None = None) -> bool:
        """Its slot was missed by more than the catch-up window: give it a new slot; `why`: the move in words,
        `moved_for`: its reason as a word ("blackout", "missed", "crowded")."""
        return self._give_back(post, worker_id, now, MISSED, ready_at=due_at,
                               extra=", due_at = ?, retry_at = NULL, moved = ?, moved_for = ?",
                               params=(to_epoch(due_at), why, moved_for))

    def withdraw(self, post: Post, worker_id: str, now: datetime, reason: str) -> bool:
        """A claimed post its campaign no longer wants as it is: skipped unpublished, with why
        (`queue` puts it back when its tip is approved again, in its new words)."""
        return self._give_back(post, worker_id, now, SKIPPED, ready_at=now,
                               extra=", skip_reason = ?, last_error = ?", params=(SKIPPED_BY_CAMPAIGN, reason))

    def hold(self, post: Post, worker_id: str, until: datetime, now: datetime) -> bool:
        """Its campaign file does not read: give it back as it was (its slot kept, so the catch-up window still
        counts from it, and no attempt counted), not claimed again before `until`."""
        status = FAILED if post.last_error else QUEUED
        return self._give_back(post, worker_id, now, status, ready_at=until)

    def look_again(self, post: Post, now: datetime) -> bool:
        """A post held while its campaign file did not read goes back to its own time, so the next run (cron's, a
        minute on) reads the file again and posts it then, as plan shows it; no other worker holds it."""
        return self._write(f"UPDATE posts SET ready_at = ?, updated_at = ? WHERE id = ? AND status IN {_in(_OPEN)} "
                           f"AND ready_at > ?{self.mine}",
                           (to_epoch(post.eligible_at), to_epoch(now), post.id, to_epoch(post.eligible_at))) == 1

    def release(self, post: Post, worker_id: str, now: datetime) -> bool:
        """Give a claimed post back unpublished, due as before."""
        status = FAILED if post.last_error else QUEUED
        return self._give_back(post, worker_id, now, status, ready_at=post.eligible_at)

    def release_all(self, worker_id: str, now: datetime) -> int:
        """Give back whatever this worker still holds; an attempt it opened stays open (look first)."""
        held = self._posts("status = 'claimed' AND claimed_by = ?", (worker_id,))
        return sum(self._finish(post.id, worker_id, now, FAILED if post.last_error else QUEUED,
                                ready_at=post.eligible_at) for post in held)

    # --- a person's commands ------------------------------------------------------------------
    def skip(self, post_id: str, now: datetime, reason: str = "person") -> bool:
        """Never post this one (unless a person puts it back)."""
        with self.transaction() as cur:
            cur.execute(self._sql(f"UPDATE posts SET status = 'skipped', skip_reason = ?, claimed_by = NULL, "
                                  f"claimed_until = NULL, updated_at = ? WHERE id = ? "
                                  f"AND status IN {_in(_OPEN + (DEAD,))}{self.mine}"),
                        (reason, to_epoch(now), post_id))
            return cur.rowcount == 1

    def requeue(self, post_id: str, now: datetime, at: datetime | None = None) -> bool:
        """Put a failed, dead, moved or skipped post back: `at` (default now) becomes its slot, so it goes out at
        the first run from `at`, never before (the claim reads ready_at; plan and the runner read the slot).
        retry_at is `at` too: a time a person asked for, often no slot, which reslot does not take for one the
        timetable dropped."""
        stamp, when = to_epoch(now), to_epoch(at or now)
        with self.transaction() as cur:
            cur.execute(self._sql(f"UPDATE posts SET status = 'queued', due_at = ?, ready_at = ?, retry_at = ?, "
                                  "skip_reason = NULL, last_error = NULL, moved = NULL, moved_for = NULL, updated_at = ? "
                                  f"WHERE id = ? AND status IN {_in((FAILED, DEAD, SKIPPED, MISSED))}{self.mine}"),
                        (when, when, when, stamp, post_id))
            return cur.rowcount == 1

    def record_unpublished(self, post_id: str, now: datetime) -> bool:
        """A person deleted the published post from its network."""
        return self._write(f"UPDATE posts SET status = '{UNPUBLISHED}', recyclable = 0, updated_at = ? "
                           f"WHERE id = ? AND status = 'posted'{self.mine}", (to_epoch(now), post_id)) == 1

    def record_gone(self, post_id: str, why: str, now: datetime) -> bool:
        """Its network says the published post no longer exists (a person deleted it there): unpublished, with
        why, and never recycled on its own."""
        return self._write(f"UPDATE posts SET status = '{UNPUBLISHED}', recyclable = 0, last_error = ?, updated_at = ? "
                           f"WHERE id = ? AND status = 'posted'{self.mine}", (why, to_epoch(now), post_id)) == 1

    # --- the account ----------------------------------------------------------------------------
    def account(self, handle: str) -> Account:
        rows = self._query(self._sql("SELECT handle, state, reason, not_before, updated_at FROM accounts "
                                     "WHERE handle = ?"), (handle,))
        if not rows:
            return Account(handle=handle)
        handle, state, reason, not_before, updated_at = rows[0]
        return Account(handle=handle, state=AccountState(state), reason=reason, not_before=from_epoch(not_before),
                       since=from_epoch(updated_at))

    def _upsert_account(self, cur, handle: str, now: datetime) -> None:
        cur.execute(self._sql("INSERT INTO accounts (handle, state, updated_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (handle) DO NOTHING"), (handle, ACTIVE, to_epoch(now)))

    def set_account_state(self, handle: str, state: str, reason: str | None, now: datetime) -> None:
        with self.transaction() as cur:
            self._upsert_account(cur, handle, now)
            cur.execute(self._sql("UPDATE accounts SET state = ?, reason = ?, updated_at = ? WHERE handle = ?"),
                        (state, reason, to_epoch(now), handle))

    def set_not_before(self, handle: str, until: datetime, now: datetime) -> None:
        """No post for this account before `until` (kept if a later one is already set)."""
        with self.transaction() as cur:
            self._upsert_account(cur, handle, now)
            cur.execute(self._sql("UPDATE accounts SET not_before = ?, updated_at = ? WHERE handle = ? "
                                  "AND (not_before IS NULL OR not_before < ?)"),
                        (to_epoch(until), to_epoch(now), handle, to_epoch(until)))

    # --- whose database this is ---------------------------------------------------------------
    def owners(self) -> list[tuple[str, str]]:
        """The (network, handle) accounts this database posts for, as recorded."""
        return [(n, h) for n, h in self._query("SELECT network, handle FROM juno_accounts ORDER BY network, handle")]

    def bind_accounts(self, accounts: Iterable[tuple[str, str]], now: datetime, *, write: bool = True) -> bool:
        """Make sure this database is the project's, then see only its accounts' posts. A new database
        records the project's accounts; one that has them all is the project's (a network added to
        `accounts:` is recorded); any other is refused (another practice's queue, or one that shares
        only some of its accounts). Handles compare case-insensitively. With write=False (a database only
        read), nothing is recorded: the same refusal, then the same view. Whether anything was recorded."""
        wanted = {account_key(network, handle) for network, handle in accounts}
        recorded = False
        if write:
            recorded = self._record_accounts(wanted, now)
        elif not set(self.owners()) <= wanted:
            raise ForeignDatabaseError(_foreign(set(self.owners()), wanted, self._any_posts()))
        self.owners_by_network = dict(wanted)
        self.mine = accounts_filter(self.owners_by_network, self.former_handles(wanted))
        return recorded

    def former_handles(self, accounts: set[tuple[str, str]]) -> list[tuple[str, str]]:
        """(network, handle) of the handles `accounts` had before rename-handle renamed them."""
        rows = self._query("SELECT network, handle, renamed_to FROM juno_renamed")
        return [(network, handle) for network, handle, renamed_to in rows if (network, renamed_to) in accounts]

    def renaming(self, network: str, new_handle: str, now: datetime) -> tuple[str, list[Post], int]:
        """What rename-handle would do on `network`, changing nothing: (the handle this database records there
        now, its posts that would move to `new_handle`, how many posted ones keep the old handle). A UsageError
        when there is nothing to rename or a post may not move (see rename_handle)."""
        network, new = account_key(network, new_handle)
        recorded = [h for n, h in self.owners() if n == network and h != new]
        if not recorded:
            raise UsageError(f"the database records no other {network} handle than {written(network, new)}: "
                             "nothing to rename")
        if len(recorded) > 1:  # at most one account per network is ever recorded by a project
            raise UsageError(f"the database records {len(recorded)} other {network} handles "
                             f"({', '.join(written(network, h) for h in recorded)}); it can move one only")
        old = recorded[0]
        account = "network = ? AND (handle = ? OR handle IS NULL)"
        waiting = self._posts(f"{account} AND status NOT IN {_in(_KEPT_ON_RENAME)}", (network, old))
        held = [p.claimed_until for p in waiting if p.status == CLAIMED and p.claimed_until and p.claimed_until > now]
        if held:
            raise UsageError(f"a run is posting for {written(network, old)} now ({len(held)} post"
                             f"{'' if len(held) == 1 else 's'} held until {max(held):%H:%M} "
                             "UTC); nothing was moved: run rename-handle again once it ends")
        unsure = [p for p in waiting if p.attempt_open]
        if unsure:
            raise UsageError(f"{unsure[0].id} and {len(unsure) - 1} more of {written(network, old)} may have gone out "
                             "(an attempt had no answer); nothing was moved: put the old handle back in "
                             "posts/schedule.yaml and run run-due once, so it asks the network, then rename"
                             if len(unsure) > 1 else
                             f"{unsure[0].id} of {written(network, old)} may have gone out (an attempt had no "
                             "answer); nothing was moved: put the old handle back in posts/schedule.yaml and run "
                             "run-due once, so it asks the network, then rename")
        kept = self._query(self._sql(f"SELECT COUNT(*) FROM posts WHERE {account} AND status IN "
                                     f"{_in(_KEPT_ON_RENAME)}"), (network, old))[0][0]
        return old, waiting, int(kept)

    def rename_handle(self, network: str, new_handle: str, now: datetime) -> tuple[str, list[Post], int]:
        """The practice renamed its account on `network` to `new_handle`: the posts of the handle this database
        records there that have not gone out (queued, retrying, moved, skipped, failed for good) are the new
        handle's; posted and unpublished ones keep the handle they went out as, and stay the account's (history,
        min_gap, counts). Refused, nothing changed, while a run holds one of them (its lease) or one may have gone
        out (an attempt open): exactly once is kept. One transaction; (old handle, the posts moved as they were
        before, how many kept the old handle)."""
        configured = new_handle  # the accounts table names an account by its handle as configured
        network, new = account_key(network, new_handle)
        with self.transaction() as cur:
            self._lock_migrations(cur)  # no other opener records accounts meanwhile
            old, waiting, kept = self.renaming(network, new, now)
            self._carry_account(cur, network, old, configured, now)
            ids = [p.id for p in waiting]
            stamp = to_epoch(now)
            for post_id in ids:  # only if still not held and not attempted: a run that claimed it since keeps it
                cur.execute(self._sql("UPDATE posts SET handle = ?, updated_at = ? WHERE id = ? AND network = ? "
                                      "AND (handle = ? OR handle IS NULL) AND attempt_open = 0 AND sending_at IS NULL "
                                      f"AND status NOT IN {_in(_KEPT_ON_RENAME)} AND NOT (status = 'claimed' AND "
                                      "claimed_until > ?)"), (new, stamp, post_id, network, old, stamp))
                if cur.rowcount != 1:
                    raise UsageError(f"{post_id} was taken by a run meanwhile; nothing was moved: run "
                                     "rename-handle again once it ends")
            cur.execute(self._sql("DELETE FROM juno_accounts WHERE network = ? AND handle = ?"), (network, old))
            cur.execute(self._sql("INSERT INTO juno_accounts (network, handle, first_seen) VALUES (?, ?, ?) "
                                  "ON CONFLICT (network, handle) DO NOTHING"), (network, new, stamp))
            cur.execute(self._sql("DELETE FROM juno_renamed WHERE network = ? AND handle = ?"), (network, new))
            cur.execute(self._sql("UPDATE juno_renamed SET renamed_to = ? WHERE network = ? AND renamed_to = ?"),
                        (new, network, old))
            cur.execute(self._sql("INSERT INTO juno_renamed (network, handle, renamed_to, renamed_at) "
                                  "VALUES (?, ?, ?, ?)"), (network, old, new, stamp))
        return old, waiting, kept

    def held_as(self, network: str, handle: str) -> Account | None:
        """The account state recorded for `handle` on `network` (compared as account_key does: the accounts table
        names an account by its handle as it was configured) when it holds posting back (paused or stopped), else
        None."""
        for found, state, reason, not_before, updated_at in self._query(
                "SELECT handle, state, reason, not_before, updated_at FROM accounts"):
            if account_key(network, found)[1] == account_key(network, handle)[1] and state != ACTIVE:
                return Account(handle=found, state=AccountState(state), reason=reason,
                               not_before=from_epoch(not_before), since=from_epoch(updated_at))
        return None

    def _carry_account(self, cur, network: str, old: str, new: str, now: datetime) -> None:
        """rename-handle: a pause (or a stop) of the old handle holds for the new one, with its reason, as does a
        wait before the next post (not_before): the same account, renamed. A new handle already held keeps its own."""
        held = self.held_as(network, old)
        rows = [row for row in self._query("SELECT handle, not_before FROM accounts")
                if account_key(network, row[0])[1] == account_key(network, old)[1] and row[1] is not None]
        if held is None and not rows:
            return
        self._upsert_account(cur, new, now)
        if held is not None:
            cur.execute(self._sql("UPDATE accounts SET state = ?, reason = ?, updated_at = ? WHERE handle = ? "
                                  "AND state = ?"), (str(held.state), held.reason, to_epoch(now), new, ACTIVE))
        for _, not_before in rows:
            cur.execute(self._sql("UPDATE accounts SET not_before = ? WHERE handle = ? "
                                  "AND (not_before IS NULL OR not_before < ?)"), (not_before, new, not_before))

    def _record_accounts(self, wanted: set[tuple[str, str]], now: datetime) -> bool:
        with self.transaction() as cur:
            self._lock_migrations(cur)  # two first openers record one owner, not two
            cur.execute("SELECT network, handle FROM juno_accounts")
            recorded = set()
            while (row := cur.fetchone()) is not None:
                recorded.add((row[0], row[1]))
            if not recorded <= wanted:
                raise ForeignDatabaseError(_foreign(recorded, wanted, self._any_posts()))
            for network, handle in sorted(wanted - recorded):
                cur.execute(self._sql("INSERT INTO juno_accounts (network, handle, first_seen) VALUES (?, ?, ?)"),
                            (network, handle, to_epoch(now)))
            changed = bool(wanted - recorded)
            for network, handle in sorted(wanted):  # posts made before posts had a handle
                cur.execute(self._sql("UPDATE posts SET handle = ? WHERE network = ? AND handle IS NULL"),
                            (handle, network))
                changed = changed or cur.rowcount > 0
            return changed

    def _any_posts(self) -> bool:
        """Whether the database holds any post at all, whoever's."""
        return bool(self._query("SELECT 1 FROM posts LIMIT 1"))

    # --- which handle a set of credentials belongs to -------------------------------------------
    def verified_handle(self, fingerprint: str) -> str | None:
        rows = self._query(self._sql("SELECT handle FROM verified_handles WHERE fingerprint = ?"), (fingerprint,))
        return rows[0][0] if rows else None

    def remember_handle(self, fingerprint: str, handle: str, now: datetime) -> None:
        with self.transaction() as cur:
            cur.execute(self._sql("INSERT INTO verified_handles (fingerprint, handle, verified_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (fingerprint) DO UPDATE SET handle = excluded.handle, "
                                  "verified_at = excluded.verified_at"),
                        (fingerprint, handle, to_epoch(now)))

    def forget_handle(self, fingerprint: str) -> None:
        with self.transaction() as cur:
            cur.execute(self._sql("DELETE FROM verified_handles WHERE fingerprint = ?"), (fingerprint,))


def _foreign(recorded: set[tuple[str, str]], wanted: set[tuple[str, str]], holds_posts: bool) -> str:
    def names(accounts):
        return " and ".join(f"{written(network, handle)} on {network}" for network, handle in sorted(accounts))

    if not holds_posts:  # recorded by a first command, nothing queued since: releasing it loses nothing
        return (f"is bound to {names(recorded)} (it holds no posts yet), not to {names(wanted)} (accounts in "
                "posts/schedule.yaml): a database serves exactly one practice's accounts; give this project its "
                "own database (JUNO_DATABASE_URL), or, if no project posts for those accounts with it, release it "
                "by running DELETE FROM juno_accounts in it (the next command binds it to this project's accounts; "
                "docs/queue.md, 'The queue, and how posts go out')")
    others = recorded - wanted  # the accounts it holds beyond those named: said once, each (not all it holds)
    also = "also " if recorded & wanted else ""
    named = dict(wanted)
    renamed = [(network, handle) for network, handle in sorted(others) if network in named]
    if renamed:  # the same network under another handle: most likely the practice's account, renamed
        network, handle = renamed[0]
        return (f"{also}holds the posts of {names(others)}, which posts/schedule.yaml does not name (it names "
                f"{names(wanted)}): if the practice renamed {written(network, handle)} to "
                f"{written(network, named[network])}, run juno-scheduler rename-handle {network} (it moves the posts "
                "not yet out to the new handle; posted ones keep the old; docs/queue.md, 'A renamed handle'); "
                "if it is another practice's, give this project its own database (JUNO_DATABASE_URL)")
    return (f"{also}holds the posts of {names(others)}, which posts/schedule.yaml does not name (it names "
            f"{names(wanted)}): "
            "a database serves exactly one practice's accounts; give this project its own database "
            "(JUNO_DATABASE_URL), or, if it is the same practice, list all of those accounts again "
            "(to stop posting on one, keep it and run juno-scheduler pause NETWORK)")
