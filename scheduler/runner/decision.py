"""What happens to a due post: one pure decision, shared by `run-due` and `run-due --dry-run`.

`decide` looks only at what it is given (the post, the account, the time, the schedule's rules, the
month's spend, and what its campaign says of its tip now: see runner/wanted.py) and returns what to do. The runner applies the decision to the database and the
network; the dry run reports it and records nothing. Because both ask the same function, a dry run
says what a real run at the same moment would do, budget included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from scheduler.campaigns.timetable import ON_TIME, Wait
from scheduler.store.records import Account, AccountState, Post


class Action(StrEnum):
    PUBLISH = "publish"   # post it now
    MOVE = "move"         # its slot was missed by more than the catch-up window: the next free slot
    DEFER = "defer"       # not now: a rate limit or the month's budget; keep it for `until`
    RELEASE = "release"   # the account is paused, or lacks a setting: give the claim back untouched
    STOP = "stop"         # the account is stopped: give the claim back and stop this run
    WITHDRAW = "withdraw" # its campaign no longer wants it as queued (tip gone, unapproved, edited): never post
    HOLD = "hold"         # its campaign cannot be read: not posted now, reported as waiting, its slot kept


class Why(StrEnum):
    """Why a decision was made: what the runner and the dry run compare (the reason's words are for people)."""

    DUE = "due"
    PAUSED = "paused"
    STOPPED = "stopped"
    UNCONFIGURED = "unconfigured"  # its settings lack a secret (read now): nothing is tried until it is set
    UNREADABLE = "unreadable"    # its campaign cannot be read
    UNWANTED = "unwanted"        # its campaign no longer wants it as queued
    MISSED = "missed"            # its slot was missed by more than the catch-up window
    BLACKOUT = "blackout"
    RATE_LIMIT = "rate limit"
    BUDGET = "budget"
    CROWDED = "crowded"          # late, and posting now would break min_gap or max_per_day with posts already out
    GAP = "min_gap"              # on time, but closer than min_gap to a post that went out late: it waits
    SENDING = "sending"          # late, and it would break min_gap or max_per_day with a late post another run sends


SENDING_LOOK_AGAIN = timedelta(minutes=2)  # a late post held back by another run's send: decided again after it


def is_late(post: Post, now: datetime) -> bool:
    """Off its slot at `now` (a retry or a hold does not make a post on time again): it keeps min_gap and
    max_per_day with the posts already out."""
    return now - post.due_at > ON_TIME


@dataclass(frozen=True)
class Rules:
    """The schedule's rules a decision needs, and nothing else."""

    catch_up: timedelta
    budget_usd: float | None      # the month's X budget; None for no limit (and for the outbox)
    next_month: datetime          # the start of next month in the practice's zone (for budget deferrals)
    zone: tzinfo | None = None    # the practice's time zone (ZoneInfo), for the local date
    blackout: frozenset[date] = field(default_factory=frozenset)  # no post on these local dates


@dataclass(frozen=True)
class TipState:
    """What the post's campaign says of its tip now (runner/wanted.py reads it)."""

    wanted: bool = True
    readable: bool = True
    reason: str = ""            # why it is not wanted, or why the campaign cannot be read


@dataclass(frozen=True)
class Decision:
    action: Action
    why: Why = Why.DUE
    reason: str = ""               # in words, for the report and the log
    until: datetime | None = None  # DEFER: not before this; the runner finds the first free slot from it


def decide(post: Post, account: Account, now: datetime, rules: Rules, *, spent_usd: float,
           cost_usd: float, tip: TipState = TipState(), crowded: str | None = None,
           wait: Wait | None = None, sending: str | None = None) -> Decision:
    """What to do with `post` at `now`: the single place these rules live.

    A late post (more than ON_TIME after its slot) keeps min_gap and max_per_day with the posts already out:
    `crowded` says which it would break, and it moves; `sending` says which it would break with the late posts
    other runs are sending at this moment, and it waits for them (each may yet fail). An on-time post keeps min_gap with the posts that went
    out late: `wait` says until when, and it waits (the timetable kept the gaps between on-time posts)."""
    if account.state == AccountState.PAUSED:
        return Decision(Action.RELEASE, Why.PAUSED, "paused")
    if account.state == AccountState.UNCONFIGURED:
        return Decision(Action.RELEASE, Why.UNCONFIGURED, account.reason or "unconfigured")
    if account.state == AccountState.STOPPED:
        return Decision(Action.STOP, Why.STOPPED, account.reason or "stopped")
    if not tip.readable:
        return Decision(Action.HOLD, Why.UNREADABLE, tip.reason)
    if not tip.wanted:
        return Decision(Action.WITHDRAW, Why.UNWANTED, tip.reason)
    if now - post.eligible_at > rules.catch_up:
        return Decision(Action.MOVE, Why.MISSED, f"missed by more than {rules.catch_up}")
    if rules.zone is not None and now.astimezone(rules.zone).date() in rules.blackout:
        return Decision(Action.MOVE, Why.BLACKOUT, "blackout")
    if crowded and is_late(post, now):  # off its slot, however it got there: never out in a burst
        return Decision(Action.MOVE, Why.CROWDED, crowded)
    if sending and is_late(post, now):
        return Decision(Action.DEFER, Why.SENDING, sending, now + SENDING_LOOK_AGAIN)
    if wait is not None and not is_late(post, now) and wait.until > now:
        if wait.crowded:  # by the end of the wait it would be late, on a day already full: no wait for nothing
            return Decision(Action.MOVE, Why.CROWDED, wait.reason)
        return Decision(Action.DEFER, Why.GAP, wait.reason, wait.until)
    if account.not_before is not None and account.not_before > now:
        return Decision(Action.DEFER, Why.RATE_LIMIT, "rate limit", account.not_before)
    if rules.budget_usd is not None and spent_usd + cost_usd > rules.budget_usd + 1e-9:
        return Decision(Action.DEFER, Why.BUDGET, "budget", rules.next_month)
    return Decision(Action.PUBLISH)
