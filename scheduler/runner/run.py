"""Post what is due, once: the one code path behind `run-due` (cron) and the daemon.

For each due post, in order: claim it (a few at a time, one round trip) with a lease, which durably opens
an attempt, and decide on each in turn, each while at least half its lease is left; read what
its campaign says of its tip now (runner/wanted.py); ask `decision.decide` what to do (publish,
withdraw a post its campaign no longer wants, move a missed slot or one on a blackout date, defer for
a rate limit or the budget, give it back for a paused or stopped account); apply that; record the
result. The card uploaded is checked against the SHA-256 recorded when it was drawn. `--dry-run` asks
the same decisions in the same order and records nothing. A post found with an attempt still open (its worker died mid-post) is "uncertain": the
publisher first looks whether the network has it.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scheduler import networks
from scheduler.campaigns.placing import reslot, taken_calendar
from scheduler.campaigns.planning import stored_card, tips_out
from scheduler.campaigns.recycling import recycle
from scheduler.campaigns.timetable import ON_TIME, Calendar, Timetable, TipsOut, Wait
from scheduler.config import SCHEDULE_FILE, month_bounds
from scheduler.errors import ConfigError, JunoError, PublishError
from scheduler.fileio import read_input, write_atomic
from scheduler.networks.base import Outgoing
from scheduler.results import local_time, span_words
from scheduler.runner.cron import schedule_digest, schedule_marker
from scheduler.runner.decision import (
    Action,
    Decision,
    Rules,
    TipState,
    Why,
    decide,
    is_late,
)
from scheduler.runner.publishers import Publishers
from scheduler.runner.report import (
    Deferred,
    Failed,
    InFlight,
    Missed,
    Posted,
    RunReport,
    Stopped,
    Waiting,
    Withdrawn,
)
from scheduler.runner.wanted import (
    UNREADABLE,
    WANTED,
    Campaigns,
    TipNow,
    checked_card,
    repeat_ok,
    tip_now,
)
from scheduler.store import MISSED, Account, Post, Store
from scheduler.store.records import AccountState, with_settings

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)       # longer than any one publish may take
# Posts claimed per round trip, each with its own lease; one is published only while half its lease is left.
# A worker that decided on its whole batch within BATCH_QUICK claims twice as many next time, up to CLAIM_MOST;
# a slower batch brings it back to CLAIM_BATCH. So a batch is about a quarter second of posting at most (what a
# kill leaves to be looked for), and a queue drained at thousands a second is not held to eight a round trip.
CLAIM_BATCH = 8
CLAIM_MOST = 64
BATCH_QUICK = 0.25
BACKOFF_FIRST = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=6)
ACCOUNT_FRESH_S = 1.0
DRY_RUN = "dry run"  # the worker a dry run would be: it holds no claim, so every claim is another run's
HOLD_LOOK_AGAIN = timedelta(minutes=2)  # a post whose campaign file does not read: not claimed again this run
# A post that failed this many times in a row for a reason the network did not explain (refused, no answer, 5xx;
# not a rate limit with its reset time) is reported as failed, so `run-due -q` prints it and exits 3 (cron mails):
# about 14 minutes of backoff (2m, 4m, 8m) with nothing out. It is still retried, never dropped.
FAILING_AFTER = 3


def backoff(attempts: int) -> timedelta:
    """2m, 4m, 8m, ... up to 6h between tries of a post that keeps failing for a passing reason."""
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def run_due(settings, store: Store, publisher, now: datetime, worker_id: str, dry_run: bool = False, *,
            lease: timedelta = LEASE, should_stop: Callable[[], bool] = lambda: False,
            clock: Callable[[], datetime] | None = None, timetable_changed: bool = False) -> RunReport:
    """Post everything due at `now` (or, with `dry_run`, say what would happen and record nothing).

    `clock` gives the time as the run goes on (for leases); by default `now` plus the time elapsed.
    `should_stop` is asked between posts: the daemon's way to finish the post in flight and stop.
    `timetable_changed` (posts/schedule.yaml differs from the one the last run found valid): first move
    the waiting posts that no longer fit it, as `queue` would, so no cron run posts on an old slot.
    """
    if not isinstance(publisher, Publishers):  # one publisher given: the (first) account's; none: a dry run's
        given = None if publisher is None else {settings.schedule.account.network: publisher}
        publisher = Publishers(settings, given=given)
    if dry_run:
        return _DryRun(settings, store, publisher, now, timetable_changed).report
    if clock is None:
        started = time.monotonic()

        def clock() -> datetime:
            return now + timedelta(seconds=time.monotonic() - started)

    run = _Run(settings, store, publisher, worker_id, lease, clock)
    if timetable_changed:
        with store.placing():  # a run started at the same time moves the same posts: one of them does
            run.report.missed += follow_timetable(settings, store, now)
    try:
        run.all_due(should_stop)
    finally:
        store.release_all(worker_id, clock())
        for post in run.held_for_files:  # held for this run only: the next run reads its file again
            store.look_again(post, clock())
    if settings.schedule.recycle_after is not None and not should_stop():
        recycle(settings, store, clock(), lambda post: tip_now(post, run.campaigns).wanted,
                lambda key: repeat_ok(key, run.campaigns))
    return run.report


def run_as_files_say(settings, store: Store, publisher, now: datetime, worker_id: str, *, dry_run: bool = False,
                     should_stop: Callable[[], bool] = lambda: False,
                     clock: Callable[[], datetime] | None = None) -> RunReport:
    """One run for `settings` as just loaded from the files: first, when posts/schedule.yaml (or the database)
    differs from the one the last run found valid, the waiting posts that no longer fit it move; then
    run_due. What cron's `run-due` and every wake of the daemon do."""
    changed = schedule_changed(settings.root, settings.database_url)
    if not dry_run:  # what the next run compares with: a dry run moves nothing, so notes nothing
        note_schedule_valid(settings)
    return run_due(settings, store, publisher, now, worker_id, dry_run=dry_run, should_stop=should_stop,
                   clock=clock, timetable_changed=changed)


def follow_timetable(settings, store: Store, now: datetime, *, dry_run: bool = False) -> list[Missed]:
    """Move the waiting posts that no longer fit the timetable (as `queue` would); with `dry_run`, only say so."""
    moved, _ = reslot(store, Timetable(settings.schedule), now, since=now - settings.schedule.catch_up,
                      dry_run=dry_run)
    return [Missed(row["id"], row["to"], row["network"], f"timetable: {row['reason']}") for row in moved]


class _Stage:
    """What a run and a dry run share: the facts a decision needs, and the free slots."""

    def __init__(self, settings, store: Store, publishers: Publishers):
        self.settings = settings
        self.publishers = publishers
        self.schedule = settings.schedule
        self.accounts = {a.network: a for a in settings.schedule.all_accounts}
        self.store = store
        self._calendar: Calendar | None = None
        self._moved: dict[tuple[str, int], datetime] = {}
        self._out: TipsOut | None = None  # each tip out, at its first post, kept as posts go out
        self.campaigns = Campaigns(settings)
        self.found: TipNow = TipNow(WANTED)  # what the campaign said of the post last decided on (to redraw its card)

    def decision(self, post: Post, account: Account, now: datetime, spent: float | None = None,
                 sending: list[tuple[Post, datetime]] | None = None) -> Decision:
        """What to do with `post` at `now`; `sending`: the posts other workers are sending now (for a late post read
        under the store's lock on slots), which a late post keeps the rules with, and an on-time one min_gap."""
        start, next_start = month_bounds(now, self.schedule.zone)
        budget = None if self._free(post) else self.schedule.budget.monthly_usd
        if spent is None and budget is not None:
            self.settle()  # the month's spend counts every post out
        if spent is None:
            spent = self.store.spend_since(start)[1] if budget is not None else 0.0
        rules = Rules(catch_up=self.schedule.catch_up, budget_usd=budget, next_month=next_start,
                      zone=self.schedule.zone, blackout=frozenset(self.schedule.blackout))
        self.found = tip_now(post, self.campaigns)
        post = self.found.applied(post)
        tip = TipState(wanted=self.found.wanted, readable=self.found.state != UNREADABLE, reason=self.found.reason)
        late = is_late(post, now)
        wait = None
        if not late and self.schedule.min_gap:  # on time: min_gap after a tip that went out late, or is going out
            wait = self.tips_out(now).wait((post.tip_key, post.round), now) or self.wait_for_sending(post, now, sending)
        crowded = self.crowded(post, now) if late else None
        held = self.crowded_by_sending(post, now, sending) if late and sending and not crowded else None
        return decide(post, account, now, rules, spent_usd=spent, cost_usd=self.cost(post), tip=tip,
                      crowded=crowded, wait=wait, sending=held)

    def moved_words(self, post: Post, to: datetime, now: datetime, decision: Decision) -> str:
        """A move as status and history say it: from which slot to which, why, and what comes next."""
        late = f"it was {span_words(now - post.eligible_at)} late"
        rule = self.tips_out(now).broken_rule((post.tip_key, post.round), now) if decision.why == Why.CROWDED else None
        if decision.why == Why.BLACKOUT:
            why = "its day is a blackout date"
        elif rule == "min_gap":
            why = f"{late}, and going out then would have come within min_gap ({span_words(self.schedule.min_gap)}) of a post already out"
        elif rule == "max_per_day":
            why = f"{late}, and max_per_day ({self.schedule.max_per_day}) posts were already out that day"
        elif decision.why == Why.CROWDED:
            why = decision.reason
        else:
            why = f"{late}, past the {span_words(self.schedule.catch_up)} catch-up window"
        return (f"moved from {local_time(post.eligible_at, self.schedule.zone)} to {local_time(to, self.schedule.zone)}: "
                f"{why}; it goes out then by itself (`skip {post.id}` keeps it out)")

    def tips_out(self, now: datetime) -> TipsOut:
        """The tips out, read from the database when first needed, then kept as posts go out."""
        if self._out is None:
            self.settle()
            self._out = tips_out(self.store, Timetable(self.schedule), now)
        return self._out

    def crowded(self, post: Post, now: datetime) -> str | None:
        """Which rule posting `post` at `now` would break with the posts already out (its own tip's posts
        on other networks aside), in words; None when it keeps min_gap and max_per_day."""
        rule = self.tips_out(now).broken_rule((post.tip_key, post.round), now)
        if rule == "min_gap":
            return f"late, and closer than min_gap ({self.schedule.min_gap}) to a post already out"
        if rule == "max_per_day":
            return f"late, and max_per_day ({self.schedule.max_per_day}) posts are already out that day"
        return None

    def wait_for_sending(self, post: Post, now: datetime, sending: list[tuple[Post, datetime]] | None) -> Wait | None:
        """For an on-time post: how long min_gap holds it after a late post another run is sending now, as if that
        one went out when its sending began (decided again then, against when it really went out)."""
        if not sending:
            return None
        self.settle()
        out = tips_out(self.store, Timetable(self.schedule), now)
        for other, since in sending:
            out.note((other.tip_key, other.round), other.id, other.due_at, since)
        wait = out.wait((post.tip_key, post.round), now)
        in_flight = {other.id for other, _ in sending}
        return replace(wait, in_flight=True) if wait is not None and wait.after in in_flight else wait

    def crowded_by_sending(self, post: Post, now: datetime, sending: list[tuple[Post, datetime]]) -> str | None:
        """Which rule posting `post` at `now` would break once the late posts other workers are sending now are
        out too, in words; None when it keeps min_gap and max_per_day with them."""
        out = tips_out(self.store, Timetable(self.schedule), now)
        for other, since in sending:
            out.note((other.tip_key, other.round), other.id, other.due_at, since)
        rule = out.broken_rule((post.tip_key, post.round), now)
        if rule is None:
            return None
        others = ", ".join(sorted({other.id for other, _ in sending}))
        late_too = " (late too)" if all(is_late(other, now) for other, _ in sending) else ""
        limit = f"min_gap ({self.schedule.min_gap})" if rule == "min_gap" else f"max_per_day ({self.schedule.max_per_day})"
        return (f"late, and another run is posting {others}{late_too} right now: both out would break {limit}; "
                "decided again once that run is done")

    def out(self, post: Post, at: datetime) -> None:
        """Note a post gone out at `at` (a tip on several networks counts once, at its first)."""
        if self._out is not None:  # else read from the database when first needed
            self._out.note((post.tip_key, post.round), post.id, post.due_at, at)

    def moved_slot(self, post: Post, now: datetime) -> datetime:
        """A missed slot's next free one; the tip's posts on other networks follow it to the same time (where
        another run moved one of them already, to its time)."""
        tip = (post.tip_key, post.round)
        if tip not in self._moved:
            self._moved[tip] = self._sibling_moved(post, now) or self.free_slot(post, now, now)
        return self._moved[tip]

    def _sibling_moved(self, post: Post, now: datetime) -> datetime | None:
        for other in self.store.posts((MISSED,), since=now, tip_keys=[post.tip_key]):
            if other.round == post.round and other.id != post.id:
                return other.due_at
        return None

    def free_slot(self, post: Post, since: datetime, now: datetime) -> datetime:
        """The next free slot from `since` for a post that leaves its own slot."""
        calendar = self.calendar(now)
        calendar.remove(post.due_at)
        at = calendar.next_free(post.id, since)
        calendar.add(at, post.section)
        return at

    def calendar(self, now: datetime) -> Calendar:
        if self._calendar is None:
            self.settle()
            self._calendar = taken_calendar(self.store, Timetable(self.schedule), now)
        return self._calendar

    def settle(self) -> None:
        """Record the posts that went out and are not recorded yet: before the database is read for them."""

    def outgoing(self, post: Post):
        card = stored_card(self.settings, post.card)
        return Outgoing(post_id=post.id, text=post.text, card=Path(card) if card else None,
                        alt_text=post.alt_text or "", uncertain=post.attempt_open,
                        language=self.schedule.language, sensitive=post.sensitive, round=post.round)

    def cost(self, post: Post) -> float:
        """What the post costs on the network that posts it (the outbox rehearses for free)."""
        account = self.accounts.get(post.network)
        if account is None:
            return 0.0
        return networks.get(account.publisher).cost(self.outgoing(post), self.schedule.budget.prices)

    def _free(self, post: Post) -> bool:
        """A post that costs nothing is not held back by the budget."""
        return self.cost(post) == 0.0

    def account_of(self, network: str) -> Account:
        """The account's state as recorded, and as its settings read now allow (one lacking a secret cannot post)."""
        return with_settings(self.store.account(self.accounts[network].key), self.publishers.unset(network),
                             lambda reason: self.publishers.was_unset(network, reason))

    def local(self, moment: datetime) -> str:
        return moment.astimezone(self.schedule.zone).isoformat(timespec="seconds")

    def since(self, account: Account) -> str | None:
        return self.local(account.since) if account.since else None


class _Run(_Stage):
    """Applies each decision: to the database, and through each account's publisher to its network."""

    def __init__(self, settings, store: Store, publishers: Publishers, worker_id: str, lease: timedelta, clock):
        super().__init__(settings, store, publishers)
        self.worker_id = worker_id
        self.lease = lease
        self.clock = clock
        self.report = RunReport()
        self._states: dict[str, tuple[float, Account]] = {}
        self.held_for_files: list[Post] = []  # their campaign files did not read: not claimed again this run
        # Free posts out and not recorded yet (id, remote id, url, cost, when): recorded together, one round trip
        # for a batch, before the next claim, before the database is read for them, and when the run ends.
        self._unrecorded: list[tuple[str, str, str | None, float, datetime]] = []
        # The late posts other runs were sending when this run's batch was claimed: its on-time posts keep min_gap
        # with them. A late post noted after that sees this run's claims instead (sending, on_time_from).
        self._others_sending: list[tuple[Post, datetime]] = []

    def brand(self):
        if getattr(self, "_brand", None) is None:
            # lazy: Pillow only when a post's card is checked: a run-due that posts nothing (cron) never loads it
            from scheduler.cards.brand import load_brand

            self._brand = load_brand(self.settings.root, self.settings.schedule.card_handle)
        return self._brand

    def account(self, network: str) -> Account:
        """An account's state, read again at least every second: other workers may change it."""
        read = self._states.get(network)
        if read is None or time.monotonic() - read[0] > ACCOUNT_FRESH_S:
            read = (time.monotonic(), self.account_of(network))
            self._states[network] = read
        return read[1]

    def all_due(self, should_stop) -> None:
        """Each account posts what is due for it; one account's trouble never holds back another."""
        posting = []
        for network, configured in self.accounts.items():
            account = self.account(network)
            if account.state == AccountState.ACTIVE:
                posting.append(network)
            elif account.state == AccountState.PAUSED or not self.store.has_due(self.clock(), [network]):
                continue
            elif account.state == AccountState.UNCONFIGURED:  # none of its posts is claimed: none is tried
                logger.info("not posting for %s on %s: %s", configured.handle, network, account.reason)
                self.report.unconfigured.append(Stopped(configured.handle, account.reason, network))
            else:
                self.report.stop(Stopped(configured.handle, account.reason, network, self.since(account)))
        held: list[Post] = []
        size, claimed = CLAIM_BATCH, None
        try:
            while posting and not should_stop():
                if not held:
                    if claimed is not None:
                        quick = time.monotonic() - claimed <= BATCH_QUICK
                        size = min(size * 2, CLAIM_MOST) if quick else CLAIM_BATCH
                    self.settle()
                    held = self.store.claim_many(self.worker_id, self.clock(), self.lease, posting, limit=size)
                    claimed = time.monotonic()
                    if held and self.schedule.min_gap:
                        self._others_sending = self.store.sending(self.worker_id, self.clock())
                    if not held:
                        return
                post = held.pop(0)
                if post.network not in posting or not self._time_left(post):
                    self.store.release(post, self.worker_id, self.clock())  # its account stopped; or too late
                    continue
                if not self.one(post):
                    posting.remove(post.network)
        finally:  # stopped between posts: the ones not got to go back as they were, attempts unopened
            try:
                for post in held:
                    self.store.release(post, self.worker_id, self.clock())
            finally:  # if the database cannot take these, they stay claimed, attempts open: looked for first
                self.settle()

    def calendar(self, now: datetime) -> Calendar:
        """The slots taken as the database says now (inside `store.placing`): other workers move posts too."""
        return taken_calendar(self.store, Timetable(self.schedule), now)

    def new_slot(self, post: Post, now: datetime, pick: Callable[[], datetime], give: Callable[[datetime], bool]
                 ) -> datetime:
        """Pick a post's new slot and give it to the post under the store's lock on slots: a worker moving at the
        same time reads the slots after this one's move (runs that overlap after downtime never share a slot)."""
        self.settle()  # before the lock: the posts out take their slots too
        with self.store.placing():
            at = pick()
            give(at)
        return at

    def _send_late(self, post: Post, now: datetime) -> Decision:
        """Decide on a late post again and note it as sending in one step under the store's lock on slots, against
        the posts out and the late posts other workers are sending: two overlapping runs never both send late
        posts that break min_gap or max_per_day together (the second waits for the first's outcome)."""
        self.settle()  # before the lock: the posts out count
        with self.store.placing():
            self._out = None  # the posts out as the database says now, other workers' included
            decision = self.decision(post, self.account(post.network), now,
                                     sending=self.store.sending(self.worker_id, now, on_time_from=now - ON_TIME))
            if decision.action == Action.PUBLISH:
                self.store.note_sending(post.id, self.worker_id, now)
        return decision

    def settle(self) -> None:
        if not self._unrecorded:
            return
        records, self._unrecorded = self._unrecorded, []
        recorded = self.store.record_posted_many(records)
        for post_id, *_ in records:
            if post_id not in recorded:
                logger.error("%s: was already recorded as posted by another worker", post_id)

    def _time_left(self, post: Post) -> bool:
        """Enough of the lease left to publish: half of it (a post held in a batch waits for the ones before)."""
        return post.claimed_until is not None and self.clock() <= post.claimed_until - self.lease / 2

    def one(self, post: Post) -> bool:
        """Apply the decision for one claimed post; False when its account must stop posting."""
        now = self.clock()
        decision = self.decision(post, self.account(post.network), now,
                                 sending=None if is_late(post, now) else self._others_sending)
        if decision.action == Action.PUBLISH and is_late(post, now):
            decision = self._send_late(post, now)
        if self.found.applied(post) is not post:  # composed again from the files: what goes out, and is recorded
            post = self.found.applied(post)
            self.store.note_claimed_text(post.id, self.worker_id, post.text, post.weighted_length)
        if decision.action == Action.PUBLISH:
            return self._publish(post)
        if decision.action == Action.WITHDRAW:
            self.store.withdraw(post, self.worker_id, now, decision.reason)
            logger.info("%s: not posted: %s", post.id, decision.reason)
            self.report.withdrawn.append(Withdrawn(post.id, decision.reason, post.network))
            return True
        if decision.action == Action.HOLD:  # its slot kept: once the file reads, catch_up counts from it
            self.store.hold(post, self.worker_id, now + HOLD_LOOK_AGAIN, now)
            self.held_for_files.append(post)
            self.report.waiting.append(Waiting(post.id, decision.reason, post.network))
            return True
        if decision.action == Action.MOVE:  # the report says it in one line: these are for -v
            new_at = self.new_slot(post, now, lambda: self.moved_slot(post, now),
                                   lambda at: self.store.move(post, self.worker_id, at, now,
                                                              self.moved_words(post, at, now, decision),
                                                              moved_for=decision.why.value))
            if decision.why == Why.BLACKOUT:
                logger.info("%s: today is a blackout date; moved to %s", post.id, self.local(new_at))
            elif decision.why == Why.CROWDED:
                logger.info("%s: its slot %s was missed; %s; moved to %s", post.id, self.local(post.eligible_at),
                               decision.reason, self.local(new_at))
            else:
                logger.info("%s: its slot %s was missed by more than %s; moved to %s", post.id,
                               self.local(post.eligible_at), self.schedule.catch_up, self.local(new_at))
            self.report.missed.append(Missed(post.id, self.local(new_at), post.network, _missed_reason(decision)))
            return True
        if decision.action == Action.DEFER:
            assert decision.until is not None
            if decision.why == Why.BUDGET:  # the first free slot of next month, not midnight on the 1st
                start = decision.until
                until = self.new_slot(post, now, lambda: self.free_slot(post, start, now),
                                      lambda at: self.store.defer(post, self.worker_id, at, now))
            else:
                until = decision.until
                self.store.defer(post, self.worker_id, until, now)
            logger.info("%s: deferred until %s (%s)", post.id, self.local(until), decision.reason)
            self.report.deferred.append(Deferred(post.id, self.local(until), decision.reason, post.network))
            return True
        self.store.release(post, self.worker_id, now)  # RELEASE or STOP: the account cannot post now
        return False

    def _publish(self, post: Post) -> bool:
        outgoing = self.outgoing(post)
        try:  # the bytes about to be uploaded: the card drawn for it, or drawn again now
            card = checked_card(self.settings, post, self.found, self.brand)
        except JunoError as exc:  # it could not be drawn again: the post waits, the run says why
            return self._failed(post, PublishError(str(exc), kind="retry"), report_as_failed=True)
        if card is not None:
            outgoing = replace(outgoing, card=card)
        try:
            published = None
            publisher = self.publishers.for_network(post.network)
            key = post.attempt_key or publisher.attempt_key(outgoing)
            if key and not post.attempt_key:
                self.store.note_attempt_key(post.id, self.worker_id, key)
            outgoing = replace(outgoing, attempt_key=key)
            if post.attempt_open:
                try:
                    published = publisher.find_existing(outgoing)
                except PublishError as exc:  # the look failed: it is as uncertain as before
                    raise exc.still_uncertain() from None
                if published is not None:
                    logger.warning("%s: an earlier attempt did go out; recording it, not posting again", post.id)
            if published is None:
                published = publisher.publish(outgoing)
        except PublishError as exc:
            return self._failed(post, exc)
        except Exception as exc:  # a publisher bug or an unexpected network error: maybe posted
            logger.error("%s: unexpected error while posting: %s: %s", post.id, type(exc).__name__, exc,
                         exc_info=logger.isEnabledFor(logging.DEBUG))  # no traceback in cron mail
            exc = PublishError(f"unexpected {type(exc).__name__}: {exc}", kind="retry", uncertain=True)
            return self._failed(post, exc, report_as_failed=True)
        now = self.clock()
        at = min(published.at, now) if published.at else now  # a post found went out when the network says
        cost = published.cost_usd or self.cost(post)
        self._unrecorded.append((post.id, published.remote_id, published.url, cost, at))
        if cost or not self._free(post):  # a post the budget counts is recorded at once, for every worker's spend
            self.settle()
        self.out(post, at)
        logger.info("%s: posted as %s", post.id, published.remote_id)
        self.report.posted.append(Posted(post.id, published.remote_id, published.url, self.local(at), post.network,
                                         recovered=published.recovered))
        return True

    def _failed(self, post: Post, exc: PublishError, report_as_failed: bool = False) -> bool:
        now = self.clock()
        message = str(exc)
        if exc.kind == "permanent":
            self.store.record_dead(post.id, self.worker_id, message, now)
            self.report.failed.append(Failed(post.id, message, post.network))
            return True
        account = self.accounts[post.network]
        if exc.kind == "stop":
            self.store.record_retry(post.id, self.worker_id, message, post.eligible_at,
                                    uncertain=exc.uncertain, now=now)
            self.store.set_account_state(account.key, AccountState.STOPPED, message, now)
            self._states.pop(post.network, None)
            logger.info("%s: posting stopped for %s on %s: %s", post.id, account.handle, post.network, message)
            self.report.failed.append(Failed(post.id, message, post.network))  # the report says it once: not ERROR
            self.report.stop(Stopped(account.handle, message, post.network, self.local(now)))
            return False
        attempts = post.attempts + 1
        retry_at = _aware(exc.retry_at) or now + backoff(attempts)
        if exc.retry_at is not None:  # the network said when: every post of this account waits till then
            self.store.set_not_before(account.key, retry_at, now)
            self._states.pop(post.network, None)
        self.store.record_retry(post.id, self.worker_id, message, retry_at, uncertain=exc.uncertain, now=now)
        if report_as_failed:
            self.report.failed.append(Failed(post.id, message, post.network))
        elif exc.retry_at is None and attempts >= FAILING_AFTER:  # a network that keeps failing: say so, each run
            self.report.failed.append(Failed(post.id, f"{message} (failed {attempts} times in a row; next try at "
                                                      f"{local_time(retry_at, self.schedule.zone)})", post.network))
        else:
            self.report.deferred.append(Deferred(post.id, self.local(retry_at), message, post.network))
        return True


class _DryRun(_Stage):
    """The same decisions, in claim order, with nothing recorded: what a real run at `now` would do."""

    def __init__(self, settings, store: Store, publishers: Publishers, now: datetime, timetable_changed: bool = False):
        super().__init__(settings, store, publishers)
        self.report = RunReport(dry_run=True)
        accounts = {network: self.account_of(network) for network in self.accounts}
        moving = follow_timetable(settings, store, now, dry_run=True) if timetable_changed else []
        self.report.missed += moving
        due = [post for post in store.due(now) if post.id not in {m.id for m in moving}]
        start, _ = month_bounds(now, self.schedule.zone)
        spent = store.spend_since(start)[1]
        self.report.in_flight = [InFlight(post.id, post.network) for post in store.in_flight(now)]
        # what a run now would see of the others (one that holds no claim): their sends and, for a late post, claims
        others = {False: store.sending(DRY_RUN, now), True: store.sending(DRY_RUN, now, on_time_from=now - ON_TIME)}
        held: set[str] = set()
        for post in due:
            if post.network not in accounts or post.network in held:
                continue
            decision = self.decision(post, accounts[post.network], now, spent, sending=others[is_late(post, now)])
            if decision.action == Action.PUBLISH:
                spent += self.cost(post)
                self.out(post, now)
                self.report.posted.append(Posted(post.id, None, None, self.local(now), post.network))
            elif decision.action == Action.WITHDRAW:
                self.report.withdrawn.append(Withdrawn(post.id, decision.reason, post.network))
            elif decision.action == Action.HOLD:
                self.report.waiting.append(Waiting(post.id, decision.reason, post.network))
            elif decision.action == Action.MOVE:
                self.report.missed.append(Missed(post.id, self.local(self.moved_slot(post, now)), post.network,
                                                 _missed_reason(decision)))
            elif decision.action == Action.DEFER:
                assert decision.until is not None
                until = self.free_slot(post, decision.until, now) if decision.why == Why.BUDGET else decision.until
                self.report.deferred.append(Deferred(post.id, self.local(until), decision.reason, post.network))
            elif decision.action == Action.RELEASE and decision.why == Why.UNCONFIGURED:
                held.add(post.network)
                self.report.unconfigured.append(Stopped(self.accounts[post.network].handle, decision.reason,
                                                        post.network))
            elif decision.action == Action.RELEASE:
                held.add(post.network)
                self.report.paused_due += sum(1 for p in due if p.network == post.network)
            else:
                held.add(post.network)
                self.report.stop(Stopped(self.accounts[post.network].handle, accounts[post.network].reason,
                                         post.network, self.since(accounts[post.network])))
        if self.report.empty:
            upcoming = store.next_ready_at(unheld_at=now)  # not when another run's lease ends
            self.report.next_post_at = self.local(upcoming) if upcoming else None


def _missed_reason(decision: Decision) -> str:
    return {Why.BLACKOUT: "blackout", Why.CROWDED: decision.reason}.get(decision.why, "")


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def schedule_changed(root: Path, database_url: str) -> bool:
    """Whether posts/schedule.yaml (or the database) differs from the one a full run last found valid
    (or none was noted)."""
    marker = schedule_marker(root)
    try:
        checked = read_input(marker, str(marker), error=ConfigError, limit=4096).decode("ascii", "replace")
    except ConfigError:
        return True
    try:
        return checked != schedule_digest(Path(root) / SCHEDULE_FILE, database_url)
    except ConfigError:
        return True


def note_schedule_valid(settings) -> None:
    """Remember that this posts/schedule.yaml loaded without a mistake (for runner.cron.nothing_due)."""
    try:
        write_atomic(schedule_marker(settings.root),
                     schedule_digest(settings.root / SCHEDULE_FILE, settings.database_url), cache=True)
    except (OSError, JunoError):
        logger.debug("could not note the checked schedule", exc_info=True)


def worker_name() -> str:
    """Who holds a claim: host, process and a random part (a restarted process is someone else)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def worker_running(worker_id: str) -> bool | None:
    """Whether the worker named `worker_id` (worker_name) still runs: a process of this machine is asked; None
    for one of another machine (or a name not of worker_name's form)."""
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # there, but another user's
        return True
    return True
