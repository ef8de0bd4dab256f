"""The typed results of the library front door (scheduler.project). `as_dict()` is the `--json` shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scheduler import networks


class Result:
    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class SplitTip(Result):
    id: str
    headline: str
    text: str
    alt_text: str
    section: str | None
    weighted_length: int
    review: list[str]
    status: str
    review_words: dict[str, list[str]] = field(default_factory=dict)  # flag -> the words that raised it
    notes: list[str] = field(default_factory=list)  # where split's rules were unsure; never blocks
    source: dict[str, Any] = field(default_factory=dict)  # paragraph (block), sentence, digest


@dataclass(frozen=True)
class SplitReport(Result):
    article: dict[str, Any]          # title, url, source, slug, campaign
    tips: list[SplitTip]
    summary: str                     # what `split` prints for people
    blocks: list[dict[str, Any]] = field(default_factory=list)  # every block: the tips it fed or why left out
    blocks_file: str | None = None   # .juno/split/<slug>.json, the same list for the studio


@dataclass(frozen=True)
class Approved(Result):
    campaign: str
    approved: list[str]              # tip ids now approved
    already: list[str]               # tip ids that were approved before
    held: dict[str, list[str]]       # tip id -> the flags a person must acknowledge first
    not_ready: list[str] = field(default_factory=list)  # with --ready: drafts split did not mark ready, left as drafts

    def lines(self) -> list[str]:
        lines = [f"{self.campaign}: {len(self.approved)} approved" + (f", {len(self.already)} already approved"
                                                                      if self.already else "")
                 + (f", {len(self.not_ready)} not ready (read their notes)" if self.not_ready else "")]
        lines += [f"{tip} is flagged {', '.join(flags)}: read it, then `juno-scheduler approve {tip} "
                  f"--ack {','.join(flags)}`" for tip, flags in self.held.items()]
        return lines


@dataclass(frozen=True)
class CardsReport(Result):
    cards: list[dict[str, Any]]
    rendered: int
    unchanged: int
    sheet: str | None = None


@dataclass(frozen=True)
class QueuedPost(Result):
    id: str
    at: str


@dataclass(frozen=True)
class QueueReport(Result):
    queued: list[QueuedPost]
    updated: list[dict[str, Any]]
    withdrawn: list[dict[str, Any]]
    recycled: list[QueuedPost]
    unchanged: int
    held: list[str]
    extra: dict[str, Any] = field(default_factory=dict)  # further lists a queue run reports (moves, blocks)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("extra"))
        return data


@dataclass(frozen=True)
class PlannedPost(Result):
    id: str
    at: str
    status: str
    text: str
    card: str | None
    alt_text: str | None
    weighted_length: int            # as the post's network counts it
    network: str = field(default_factory=networks.first)
    limit: int = 280                # that network's limit


@dataclass(frozen=True)
class PreviewReport(Result):
    out: str
    posts: int
    drafts: int
    published: int
    attention: int
    bytes: int


@dataclass(frozen=True)
class AccountStatus(Result):
    handle: str
    state: str
    reason: str | None
    not_before: str | None
    network: str = field(default_factory=networks.first)
    publisher: str = "outbox"


@dataclass(frozen=True)
class StatusReport(Result):
    account: AccountStatus
    publisher: str
    counts: dict[str, int]
    next: dict[str, str] | None
    month: dict[str, Any]
    failing: list[dict[str, Any]]
    database: str
    accounts: list[dict[str, Any]] = field(default_factory=list)  # every account, with its posts' counts


@dataclass(frozen=True)
class HistoryRow(Result):
    id: str
    status: str
    at: str
    slot: str
    url: str | None
    remote_id: str | None
    error: str | None
    cost_usd: float | None
    attempts: int
    network: str = field(default_factory=networks.first)


@dataclass(frozen=True)
class PostChange(Result):
    id: str                          # the first post changed (X's when it is among them)
    status: str
    posts: list[dict[str, str]] = field(default_factory=list)  # every post changed: id, network, status
    at: str | None = None            # retry: from when it may go out (local ISO time)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "at" or v is not None}


@dataclass(frozen=True)
class Unpublished(Result):
    id: str
    network: str
    deleted: bool
    already_gone: bool = False
    url: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class PostingBeat(Result):
    last_run_due: str | None         # when `run-due` last ran (ISO), None when never seen
    daemon_pid: int | None           # the running daemon's process id, None when none runs
    stale: bool                      # nothing has run for longer than the catch-up window allows
    catch_up_minutes: int
    publishers: list[str]            # outbox: posts are written to .juno/outbox, nothing is sent
