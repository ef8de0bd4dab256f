"""What the store keeps, as plain frozen records: posts and the account's state."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import overload

from scheduler import networks, results


class PostStatus(StrEnum):
    """Every post is in exactly one of these states (stored as the plain string)."""

    QUEUED = "queued"
    CLAIMED = "claimed"
    POSTED = "posted"
    FAILED = "failed"
    DEAD = "dead"
    MISSED = "missed"
    SKIPPED = "skipped"
    UNPUBLISHED = "unpublished"  # a person deleted it from its network after it went out


class AccountState(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    STOPPED = "stopped"
    UNCONFIGURED = results.UNCONFIGURED  # never recorded: from the settings read at each command (with_settings)


QUEUED, CLAIMED, POSTED, FAILED, DEAD, MISSED, SKIPPED, UNPUBLISHED = PostStatus
STATES = tuple(PostStatus)
# States a worker may claim (a CLAIMED post only once its lease has run out).
CLAIMABLE = (QUEUED, FAILED, MISSED, CLAIMED)
# States of a post that is still to go out.
WAITING = (QUEUED, FAILED, MISSED, CLAIMED)

ACTIVE, PAUSED, STOPPED, UNCONFIGURED = AccountState

SKIPPED_BY_PERSON = "person"
SKIPPED_BY_CAMPAIGN = "campaign"


@dataclass(frozen=True)
class Post:
    id: str                      # "<campaign>/<tip>" and "~N" for the Nth time round when recycled
    tip_key: str                 # "<campaign>/<tip>"
    round: int
    campaign: str
    section: str | None
    position: int                # the tip's place in its campaign
    text: str
    card: str | None
    alt_text: str | None
    weighted_length: int
    due_at: datetime             # the slot (jitter included), aware UTC
    pinned: bool = False
    status: PostStatus = PostStatus.QUEUED
    retry_at: datetime | None = None
    claimed_by: str | None = None
    claimed_until: datetime | None = None
    attempts: int = 0
    attempt_open: bool = False   # an attempt started and its result was never recorded
    last_error: str | None = None
    remote_id: str | None = None
    url: str | None = None
    posted_at: datetime | None = None
    cost_usd: float | None = None
    skip_reason: str | None = None
    recyclable: bool = True
    updated_at: datetime | None = None
    network: str = field(default_factory=networks.first)  # a networks key: the account it goes out on
    sensitive: bool = False      # the tip is flagged sensitive (a content warning where the network has one)
    attempt_key: str | None = None  # the key the network creates it under (Bluesky's record key), kept
    tip_digest: str | None = None   # the tip as it was queued (see campaign.tip_fingerprint)
    card_digest: str | None = None  # SHA-256 of the card's bytes as drawn
    why: str | None = None          # a recycled post: why it was chosen, and when (see metrics.ranking)
    moved: str | None = None        # why it was last moved off its slot, from when to when (see runner.run)
    moved_for: str | None = None    # that why as a word: "blackout", "missed", "crowded"; None before it was kept

    @property
    def eligible_at(self) -> datetime:
        """When the post may go out: its slot, or later when it was deferred."""
        return max(self.due_at, self.retry_at) if self.retry_at else self.due_at


def latest_rounds(posts: Iterable[Post], key: Callable[[Post], Hashable] = lambda post: post.tip_key) -> dict:
    """Each tip's newest round (a recycled tip has one post per time round), by tip key (or by `key`,
    e.g. tip key and network)."""
    latest: dict = {}
    for post in posts:
        mark = key(post)
        if mark not in latest or post.round > latest[mark].round:
            latest[mark] = post
    return latest


@dataclass(frozen=True)
class Account:
    handle: str
    state: AccountState = AccountState.ACTIVE
    reason: str | None = None    # why it was stopped, and what to fix
    not_before: datetime | None = None  # no post before this (rate limits); every worker respects it
    since: datetime | None = None       # when its state last changed (a stopped account: since when)


def with_settings(account: Account, unset: str | None, was_unset: Callable[[str], bool] = lambda reason: False
                  ) -> Account:
    """The account as it stands with the settings read now: an active one whose network says something is `unset`
    (a secret not in the environment or .env) cannot post, and says what to set, until it is set; nothing of that
    is recorded, so the first run after it is set posts. A pause, or a stop a network gave, stays as recorded; a
    stop an earlier version recorded for a setting not set (`was_unset` of its reason) is read as active."""
    if account.state == AccountState.STOPPED and account.reason and was_unset(account.reason):
        account = replace(account, state=AccountState.ACTIVE, reason=None)
    if unset is None or account.state != AccountState.ACTIVE:
        return account
    return replace(account, state=AccountState.UNCONFIGURED, reason=unset)


@overload
def to_epoch(moment: datetime) -> int: ...
@overload
def to_epoch(moment: None) -> None: ...
def to_epoch(moment: datetime | None) -> int | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: the store keeps aware times only")
    return int(moment.timestamp())


def from_epoch(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(int(seconds), UTC)
