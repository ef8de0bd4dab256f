"""Post what is due, once: the one code path behind `run-due` (cron) and the daemon.

For each due post, one at a time: claim it with a lease, which durably opens an attempt; if its
slot was missed by more than the catch-up window, move it to the next free slot instead; check
the account and the budget (giving the attempt back if it cannot go now); publish; record the
result. A post found with an attempt still open (its worker died mid-post) is "uncertain": the
publisher first looks whether the network has it.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from scheduler.errors import PublishError
from scheduler.store import ACTIVE, PAUSED, Post, Store

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)       # longer than any one publish may take
BACKOFF_FIRST = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=6)
ACCOUNT_FRESH_S = 1.0


def empty_report() -> dict:
    return {"posted": [], "deferred": [], "failed": [], "missed": []}


def backoff(attempts: int) -> timedelta:
    """2m, 4m, 8m, ... up to 6h between tries of a post that keeps failing for a passing reason."""
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def run_due(settings, store: Store, publisher, now: datetime, worker_id: str, dry_run: bool = False, *,
            lease: timedelta = LEASE, should_stop: Callable[[], bool] = lambda: False,
            clock: Callable[[], datetime] | None = None) -> dict:
    """Post everything due at `now`; returns {"posted", "deferred", "failed", "missed"} lists.

    `clock` gives the time as the run goes on (for leases); by default `now` plus the time elapsed.
    `should_stop` is asked between posts: the daemon's way to finish the post in flight and stop.
    """
    if dry_run:
        return preview_due(settings, store, now)
    if clock is None:
        started = time.monotonic()

        def clock() -> datetime:
            return now + timedelta(seconds=time.monotonic() - started)

    run = _Run(settings, store, publisher, worker_id, lease, clock)
    try:
        run.all_due(should_stop)
    finally:
        store.release_all(worker_id, clock())
    if settings.schedule.recycle_after is not None and not should_stop():
        from scheduler.queueing import recycle

        recycle(settings, store, clock())
    return run.report


class _Run:
    def __init__(self, settings, store: Store, publisher, worker_id: str, lease: timedelta, clock):
        self.settings = settings
        self.schedule = settings.schedule
        self.handle = settings.schedule.account.handle
        self.store = store
        self.publisher = publisher
        self.worker_id = worker_id
        self.lease = lease
        self.clock = clock
        self.report = empty_report()
        self._calendar = None
        self._account = None
        self._account_read = 0.0

    def account(self):
        """The account's state, read again at least every second: other workers may change it."""
        if self._account is None or time.monotonic() - self._account_read > ACCOUNT_FRESH_S:
            self._account = self.store.account(self.handle)
            self._account_read = time.monotonic()
        return self._account

    def all_due(self, should_stop) -> None:
        account = self.account()
        if account.state == PAUSED:
            return
        if account.state != ACTIVE:
            if self.store.has_due(self.clock()):
                self.report["stopped"] = {"account": self.handle, "reason": account.reason}
            return
        while not should_stop():
            post = self.store.claim(self.worker_id, self.clock(), self.lease)
            if post is None:
                return
            if not self.one(post):
                return

    def one(self, post: Post) -> bool:
        """Handle one claimed post; False when the account must stop posting."""
        now = self.clock()
        late = now - post.eligible_at
        if late > self.schedule.catch_up:
            self._move(post, now)
            return True
        account = self.account()
        if account.state != ACTIVE:
            self.store.release(post, self.worker_id, now)
            return False
        if account.not_before and account.not_before > now:
            self._defer(post, account.not_before, "rate limit", now)
            return True
        next_month = self._over_budget(post, now)
        if next_month is not None:  # the first free slot of next month, not midnight on the 1st
            calendar = self.calendar(now)
            calendar.remove(post.due_at)
            until = calendar.next_free(post.id, next_month)
            calendar.add(until, post.section)
            self._defer(post, until, "budget", now)
            return True
        return self._publish(post)

    def _publish(self, post: Post) -> bool:
        outgoing = self._outgoing(post)
        try:
            published = None
            if post.attempt_open:
                published = self.publisher.find_existing(outgoing)
                if published is not None:
                    logger.warning("%s: an earlier attempt did go out; recording it, not posting again", post.id)
            if published is None:
                published = self.publisher.publish(outgoing)
        except PublishError as exc:
            return self._failed(post, exc)
        except Exception as exc:  # a publisher bug or an unexpected network error: maybe posted
            logger.exception("%s: unexpected error while posting", post.id)
            exc = PublishError(f"unexpected {type(exc).__name__}: {exc}", kind="retry", uncertain=True)
            return self._failed(post, exc, report_as_failed=True)
        now = self.clock()
        cost = published.cost_usd or self._cost(outgoing)
        if not self.store.record_posted(post.id, published.remote_id, published.url, cost, now):
            logger.error("%s: was already recorded as posted by another worker", post.id)
        logger.info("%s: posted as %s", post.id, published.remote_id)
        self.report["posted"].append({"id": post.id, "remote_id": published.remote_id, "url": published.url,
                                      "at": self._local(now)})
        return True

    def _failed(self, post: Post, exc: PublishError, report_as_failed: bool = False) -> bool:
        now = self.clock()
        message = str(exc)
        if exc.kind == "permanent":
            self.store.record_dead(post.id, self.worker_id, message, now)
            self.report["failed"].append({"id": post.id, "error": message})
            return True
        if exc.kind == "stop":
            self.store.record_retry(post.id, self.worker_id, message, post.eligible_at,
                                    uncertain=exc.uncertain, now=now)
            self.store.set_account_state(self.handle, "stopped", message, now)
            self._account = None
            logger.error("%s: posting stopped for @%s: %s", post.id, self.handle, message)
            self.report["failed"].append({"id": post.id, "error": message})
            self.report["stopped"] = {"account": self.handle, "reason": message}
            return False
        attempts = post.attempts + 1
        retry_at = _aware(exc.retry_at) or now + backoff(attempts)
        if exc.retry_at is not None:
            self.store.set_not_before(self.handle, retry_at, now)
            self._account = None
        self.store.record_retry(post.id, self.worker_id, message, retry_at, uncertain=exc.uncertain, now=now)
        if report_as_failed:
            self.report["failed"].append({"id": post.id, "error": message})
        else:
            self.report["deferred"].append({"id": post.id, "until": self._local(retry_at), "reason": message})
        return True

    def _move(self, post: Post, now: datetime) -> None:
        calendar = self.calendar(now)
        calendar.remove(post.due_at)
        new_at = calendar.next_free(post.id, now)
        calendar.add(new_at, post.section)
        self.store.move(post, self.worker_id, new_at, now)
        logger.warning("%s: its slot %s was missed by more than %s; moved to %s", post.id,
                       self._local(post.eligible_at), self.schedule.catch_up, self._local(new_at))
        self.report["missed"].append({"id": post.id, "moved_to": self._local(new_at)})

    def _defer(self, post: Post, until: datetime, reason: str, now: datetime) -> None:
        self.store.defer(post, self.worker_id, until, now)
        logger.info("%s: deferred until %s (%s)", post.id, self._local(until), reason)
        self.report["deferred"].append({"id": post.id, "until": self._local(until), "reason": reason})

    def calendar(self, now: datetime):
        if self._calendar is None:
            from scheduler.queueing import taken_calendar
            from scheduler.timetable import Timetable

            self._calendar = taken_calendar(self.store, Timetable(self.schedule), now)
        return self._calendar

    def _outgoing(self, post: Post):
        from scheduler.publishers.base import Outgoing

        card = None
        if post.card:
            card = Path(post.card)
            card = card if card.is_absolute() else self.settings.root / card
        return Outgoing(post_id=post.id, text=post.text, card=card, alt_text=post.alt_text or "",
                        uncertain=post.attempt_open)

    def _cost(self, outgoing) -> float:
        if self.schedule.account.publisher == "outbox":
            return 0.0
        from scheduler.publishers.xcosts import post_cost

        return post_cost(outgoing, self.schedule.budget.prices)

    def _over_budget(self, post: Post, now: datetime) -> datetime | None:
        """The start of next month if this post would take the month's spend past the budget."""
        budget = self.schedule.budget.monthly_usd
        if budget is None or self.schedule.account.publisher == "outbox":
            return None
        start, next_start = month_bounds(now, self.schedule.zone)
        _, spent = self.store.spend_since(start)
        if spent + self._cost(self._outgoing(post)) > budget + 1e-9:
            return next_start
        return None

    def _local(self, moment: datetime) -> str:
        return moment.astimezone(self.schedule.zone).isoformat(timespec="seconds")


def month_bounds(now: datetime, zone) -> tuple[datetime, datetime]:
    """The start of this month and of the next, in the practice's zone."""
    local = now.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.astimezone(timezone.utc), following.astimezone(timezone.utc)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def preview_due(settings, store: Store, now: datetime) -> dict:
    """What run-due would do at `now`, changing nothing: a dry run."""
    report = empty_report()
    zone = settings.schedule.zone
    account = store.account(settings.schedule.account.handle)
    if account.state != ACTIVE:
        if account.state != PAUSED and store.has_due(now):
            report["stopped"] = {"account": account.handle, "reason": account.reason}
        return report
    for post in store.due(now):
        if now - post.eligible_at > settings.schedule.catch_up:
            report["missed"].append({"id": post.id, "moved_to": None})
        elif account.not_before and account.not_before > now:
            report["deferred"].append({"id": post.id, "until": account.not_before.astimezone(zone).isoformat(),
                                       "reason": "rate limit"})
        else:
            report["posted"].append({"id": post.id, "remote_id": None, "url": None,
                                     "at": now.astimezone(zone).isoformat(timespec="seconds")})
    report["dry_run"] = True
    return report


def exit_code(report: dict) -> int:
    """3 when some posts failed or the account is stopped (so cron mail reports them), else 0."""
    return 3 if report.get("failed") or report.get("stopped") else 0


def nothing_due(root: Path, now: datetime) -> bool:
    """run-due's fast path: True when the database has nothing due at `now`, found without
    loading the timetable's machinery. Only when posts/schedule.yaml is byte for byte the one a
    full run last found valid (see note_schedule_valid); the environment is checked every time.
    False when unsure: the full path then decides, and reports any mistake."""
    import os

    from scheduler.config import (SCHEDULE_FILE, parse_api_base, parse_credentials, parse_database_url,
                                  parse_mastodon_access, read_environment)
    from scheduler.store import open_store
    from scheduler.store.sqlite import sqlite_path

    try:
        checked = _schedule_marker(root).read_text(encoding="ascii")
        current = _schedule_digest(root / SCHEDULE_FILE)
    except OSError:
        return False
    if checked != current:
        return False
    environ = read_environment(root, os.environ)
    parse_credentials(environ)
    parse_api_base(environ.get("JUNO_X_API_BASE"))
    parse_mastodon_access(environ)
    url = parse_database_url(environ.get("JUNO_DATABASE_URL"), root)
    if url.startswith("sqlite:") and not sqlite_path(url).exists():
        return True  # no database yet: nothing was ever queued
    with open_store(url) as store:
        return not store.has_due(now)


def note_schedule_valid(settings) -> None:
    """Remember that this posts/schedule.yaml loaded without a mistake (for nothing_due)."""
    from scheduler.config import SCHEDULE_FILE
    from scheduler.fileio import write_atomic

    try:
        write_atomic(_schedule_marker(settings.root), _schedule_digest(settings.root / SCHEDULE_FILE))
    except OSError:
        logger.debug("could not note the checked schedule", exc_info=True)


def _schedule_marker(root: Path) -> Path:
    from scheduler.config import STATE_DIR

    return Path(root) / STATE_DIR / "schedule.checked"


def _schedule_digest(path: Path) -> str:
    import hashlib

    from scheduler import __version__

    return hashlib.sha256(__version__.encode() + b"\0" + path.read_bytes()).hexdigest()


def worker_name() -> str:
    """Who holds a claim: host, process and a random part (a restarted process is someone else)."""
    import os
    import socket
    import uuid

    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def report_lines(report: dict) -> list[str]:
    """run-due's report for people: one line per post; nothing when nothing happened."""
    verb = "would post" if report.get("dry_run") else "posted"
    lines = [f"{verb} {row['id']} at {row['at']}" + (f" {row['url']}" if row.get("url") else "")
             for row in report["posted"]]
    lines += [f"deferred {row['id']} until {row['until']}: {row['reason']}" for row in report["deferred"]]
    lines += [f"missed {row['id']}: moved to {row['moved_to']}" if row.get("moved_to")
              else f"missed {row['id']}: would move to the next free slot" for row in report["missed"]]
    lines += [f"failed {row['id']}: {row['error']}" for row in report["failed"]]
    if report.get("stopped"):
        stopped = report["stopped"]
        lines.append(f"posting is stopped for @{stopped['account']}: {stopped['reason']}; "
                     "fix it, then run `juno-scheduler resume`")
    return lines
