"""collect: read each posted post's counts when its next fixed age has come, and keep them as snapshots.

It never posts and never claims a post (it reads posts already posted, and writes only the metric tables).
Each account's network is read on its own: one that fails (5xx, 429, a dropped connection) is reported and
read again on a later run, and the others go on. A post read in the last 24 hours is not read again
(X bills every read). Reading X costs money: what is read is counted in the month's spend, and no more
posts are read than the month's budget has room for (the oldest first, whose X window closes soonest).
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from datetime import datetime, timedelta

from scheduler import networks
from scheduler.accounts import WHERE_COUNTS_COME_FROM
from scheduler.config import month_bounds
from scheduler.errors import JunoError
from scheduler.metrics.ages import AGES, due_age
from scheduler.networks.base import HandleCache, Reader, ToRead
from scheduler.networks.policy import THEN_CHECK, THEN_CHECK_AND_RESUME
from scheduler.results import CollectReport
from scheduler.store import POSTED, Store, open_project_store
from scheduler.store.handles import StoreHandleCache
from scheduler.store.records import ACTIVE
from scheduler.store.snapshots import Snapshot

logger = logging.getLogger(__name__)

ONCE_A_DAY = timedelta(days=1)
NOTHING_TO_READ = f"nothing to collect: {WHERE_COUNTS_COME_FROM}"
NOTHING_TO_SHOW = f"no counts to show: {WHERE_COUNTS_COME_FROM}"


class Readers:
    """One reader per account, made when its first post is due (no login when nothing is)."""

    def __init__(self, settings, handles: HandleCache | None = None, given: dict[str, Reader | None] | None = None):
        self.settings = settings
        self._handles = handles if handles is not None else StoreHandleCache(settings.database_url)
        self._made: dict[str, Reader | None] = dict(given or {})

    def for_account(self, account) -> Reader | None:
        if account.network not in self._made:
            self._made[account.network] = networks.get(account.publisher).reader(self.settings, account, self._handles)
        return self._made[account.network]

    def close(self) -> None:
        for reader in self._made.values():
            if reader is not None:
                reader.close()


def collect(settings, store: Store, readers: Readers, now: datetime, said: set[str] | None = None) -> list[dict]:
    """One row per account with posts due a snapshot: what was taken, read, spent, or why not; and how many of
    its posts went to the outbox (rehearsed before the account posted to its network), said once: in the first
    run after they came to their first age, and never again in one process that remembers `said`."""
    taken: dict[tuple[str, str], set[str]] = defaultdict(set)
    for snapshot in store.snapshots():
        taken[(snapshot.post_id, snapshot.network)].add(snapshot.age)
    posted = [p for p in store.posts((POSTED,)) if p.remote_id and p.posted_at]
    said = set() if said is None else said
    last = store.last_collected()
    rows = []
    for account in settings.schedule.all_accounts:
        ours = [p for p in posted if p.network == account.network]
        mine = [p for p in ours if not networks.rehearsed(str(p.remote_id))]
        rehearsed = [p for p in ours if networks.rehearsed(str(p.remote_id))
                     and networks.get(account.publisher).keeps_counts and p.id not in said
                     and _come_since(p.posted_at or now, last, now)]
        said.update(p.id for p in rehearsed)
        recent = store.read_since(account.network, now - ONCE_A_DAY)
        due = []
        for post in sorted(mine, key=lambda p: (p.posted_at, p.id)):
            age = due_age(post.posted_at or now, taken[(post.id, post.network)], now)
            if age is not None and post.remote_id not in recent:
                due.append((post, age))
        if not due and not rehearsed:
            continue
        row: dict = {"network": account.network, "due": len(due), "taken": 0, "late": 0, "read": 0,
                     "calls": 0, "spent_usd": 0.0, "error": None, "held": 0, "outbox": len(rehearsed),
                     "gone": []}
        rows.append(row)
        if not due:
            continue
        try:
            reader = readers.for_account(account)
        except JunoError as exc:
            row["error"] = _failed(store, account, str(exc), now)
            continue
        if reader is None:
            row["error"] = f"{account.publisher} keeps no counts"
            rows.pop()
            continue
        budget = settings.schedule.budget.monthly_usd
        if reader.cost_each > 0 and budget is not None:
            spent = store.spend_since(month_bounds(now, settings.schedule.zone)[0])[1]
            room = max(0, math.floor((budget - spent) / reader.cost_each + 1e-9))
            row["held"] = max(0, len(due) - room)
            due = due[:room]
            if not due:
                row["error"] = f"the month's budget (${budget:.2f}) has no room to read; spent ${spent:.2f}"
                continue
        wanted = {p.remote_id: (p, age) for p, age in due}
        others = [str(p.remote_id) for p in mine if p.remote_id not in wanted]
        try:
            reading = reader.read([ToRead(str(p.remote_id), p.posted_at or now) for p, _ in due], now, others)
        except JunoError as exc:
            row["error"] = _failed(store, account, str(exc), now)
            logger.warning("%s: counts not read: %s", account.network, row["error"])
            continue
        store.clear_read_failure(account.network)
        store.record_reads(account.network, reading.billed, reading.cost_each, now)
        for remote_id in reading.gone:
            if remote_id in wanted:
                post = wanted[remote_id][0]
                if store.record_gone(post.id, gone_words(account.network, now, settings.schedule.zone), now):
                    row["gone"].append(post.id)
        snapshots = [Snapshot(p.id, p.network, age.age, age.due_at, now, age.late, reading.counts[rid])
                     for rid, (p, age) in wanted.items() if rid in reading.counts]
        row.update(taken=store.add_snapshots(snapshots), late=sum(s.late for s in snapshots),
                   read=len(reading.billed), calls=reading.calls,
                   spent_usd=round(len(reading.billed) * reading.cost_each, 6))
    return rows


GONE = "deleted on {network}"  # how a post its network no longer has is said (status, stats, the studio)


def gone_words(network: str, now: datetime, zone) -> str:
    """Why a post is unpublished when its network said it no longer exists: kept with the post."""
    return (f"{GONE.format(network=network)}: {network} said on {now.astimezone(zone):%a %Y-%m-%d %H:%M} that it no "
            "longer exists; its counts are not read and its tip does not come round again unless you say so "
            "(`juno-scheduler approve TIP --ack repeat`)")


def _failed(store: Store, account, error: str, now: datetime) -> str:
    """A network's counts could not be read: kept until a read of it works (status says it meanwhile), in words
    that ask for `resume` only when the account is paused or stopped (collect pauses nothing)."""
    if store.account(account.key).state == ACTIVE:
        error = error.replace(THEN_CHECK_AND_RESUME, THEN_CHECK)
    store.record_read_failure(account.network, error, now)
    return error


def _come_since(posted_at: datetime, last: datetime | None, now: datetime) -> bool:
    """Whether a post came to its first age after `last` (the last time counts were read) and by `now`."""
    first = posted_at + AGES[0][1]
    return first <= now and (last is None or first > last)


class Collecting:
    """collect again and again in one process (the daemon's timer): each run opens the database on its own
    (it never shares or waits on the posting run's claims), and the readers, so each network's one session,
    live as long as the settings they were made from."""

    def __init__(self):
        self._settings = None
        self._readers: Readers | None = None
        self._said: set[str] = set()  # the outbox posts already said not to be read

    def __call__(self, settings, now: datetime) -> CollectReport:
        if self._readers is None or settings != self._settings:
            self.close()
            self._readers, self._settings = Readers(settings), settings
        with open_project_store(settings) as store:
            return CollectReport(networks=collect(settings, store, self._readers, now, self._said))

    def close(self) -> None:
        if self._readers is not None:
            self._readers.close()
            self._readers = None
