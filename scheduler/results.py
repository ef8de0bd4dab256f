"""The typed results of the library front door (scheduler.project). `as_dict()` is the `--json` shape.

Every field is a value, a list of values, a mapping of counts or another result: no row whose keys a caller
must guess. Two more results live beside what makes them: `scheduler.runner.report.RunReport` (run_due) and
`scheduler.networks.base.CheckReport` (check).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from pathlib import PurePath
from typing import Any

from scheduler import audit, networks


class Result:
    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def of(cls, row: dict[str, Any]):
        """The result from the plain row a stage returns (keys beyond the fields are refused: a bug)."""
        return cls(**row)


@dataclass(frozen=True)
class Unreadable(Result):
    """A campaign file that does not read: the others are read without it, and every command that reads
    campaigns names it once, in one line."""
    file: str   # posts/<slug>.yaml
    slug: str
    error: str  # file:line:col: what is wrong; what to do

    def line(self, outcome: str = "its tips are left out until it reads") -> str:
        return f"{self.error}; {outcome}"


def _rows(kind: type[Result], rows) -> list:
    return [kind.of(row) for row in rows]


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
    review_why: dict[str, str] = field(default_factory=dict)  # flag -> where those words stand, in a phrase
    notes: list[str] = field(default_factory=list)  # where split's rules were unsure; never blocks
    source: dict[str, Any] = field(default_factory=dict)  # paragraph (block), sentence, digest
    ready: bool | None = None  # split's judgement that the tip can go out as it is (notes say why not)


@dataclass(frozen=True)
class SplitArticle(Result):
    title: str
    url: str | None
    source: str | None               # the article's file under posts/
    slug: str                        # the campaign's name
    campaign: str                    # posts/<slug>.yaml


@dataclass(frozen=True)
class SplitItem(Result):
    """One item of a list block."""
    item: int
    locator: str                     # b12.3
    text: str
    tips: list[str]
    left_out: str | None


@dataclass(frozen=True)
class SplitBlock(Result):
    """What became of one block of the article: the tips it fed, or why it was left out."""
    block: int
    locator: str                     # b12
    section: str | None
    kind: str
    text: str
    tips: list[str]
    left_out: str | None
    items: list[SplitItem] | None = None  # list blocks only

    @classmethod
    def of(cls, row: dict[str, Any]) -> SplitBlock:
        items = row.get("items")
        return cls(**{**row, "items": None if items is None else _rows(SplitItem, items)})

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.items is None:
            del data["items"]
        return data


@dataclass(frozen=True)
class SplitReport(Result):
    article: SplitArticle
    tips: list[SplitTip]
    summary: str                     # what `split` prints for people
    blocks: list[SplitBlock] = field(default_factory=list)  # every block: the tips it fed or why left out
    blocks_file: str | None = None   # .juno/split/<slug>.json, the same list for the studio

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "blocks": [block.as_dict() for block in self.blocks]}


@dataclass(frozen=True)
class Approved(Result):
    campaign: str
    approved: list[str]              # tip ids now approved
    already: list[str]               # tip ids that were approved before
    held: dict[str, list[str]]       # tip id -> the flags a person must acknowledge first
    not_ready: list[str] = field(default_factory=list)  # with --ready: drafts split did not mark ready, left as drafts
    refused: list[str] = field(default_factory=list)  # of `held`, the tips named one by one (the command failed them)
    why: dict[str, str] = field(default_factory=dict)  # held tip id -> its flags with what raised each, in words
    acknowledged: dict[str, list[str]] = field(default_factory=dict)  # tip approved before -> the flags this
                                                                      # call acknowledged on it (it stays approved)
    unready: list[str] = field(default_factory=list)  # of `approved` in a campaign's sweep, those split did not
                                                      # mark ready: true (their notes say why they need a look)
    withheld: list[str] = field(default_factory=list)  # tips this call would have approved or acknowledged, had it
                                                       # not refused a named tip: all or nothing, none was written
    alone: dict[str, str] = field(default_factory=dict)  # held tip -> why a person reads it alone ("speaks of
                                                         # suicide"): listed first, never in a command with others
    too_long: list[str] = field(default_factory=list)  # one line per approved tip and network it will not fit
    unflag: dict[str, str] = field(default_factory=dict)  # held tip (not one read alone) -> where its review: list
                                                          # is (file:line:col), for a person to delete a wrong flag
    read_first: dict[str, str] = field(default_factory=dict)  # approved tip -> why to read its passage before it
                                                              # goes out (its paragraph speaks of a sensitive topic
                                                              # in no tip): a note, not a flag, so nothing held it
    skipped: list[str] = field(default_factory=list)  # tips named one by one that were `status: skip`: approving one
                                                      # takes it back, which a person is told (user trial 6)
    not_tips: dict[str, str] = field(default_factory=dict)  # draft -> why the sweep left it in draft: its words are
                                                            # the page's date or the practice's call to action

    def withheld_all(self) -> Approved:
        """This campaign's part of a command that refused a named tip: nothing approved, nothing acknowledged."""
        return replace(self, approved=[], acknowledged={}, unready=[], read_first={},
                       withheld=[*self.approved, *self.acknowledged])

    def lines(self) -> list[str]:
        """What went through, and each tip a flag held in the campaign's sweep (expected: it waits for a person);
        the tips named one by one and refused are `errors()`."""
        counts = [f"{len(self.approved)} approved" + self._unready()] if self.approved or not self.acknowledged else []
        if self.acknowledged:  # tips approved before, their flags acknowledged now (a user trial read "0 approved")
            flags = dict.fromkeys(flag for said in self.acknowledged.values() for flag in said)
            counts.append(f"{len(self.acknowledged)} acknowledged ({', '.join(flags)})")
        lines = [f"{self.campaign}: {', '.join(counts)}"
                 + (f", {len(self.already)} already approved" if self.already else "")
                 + (f", {len(self.refused)} refused" if self.refused else "")
                 + (f", {len(self.not_ready)} not ready (read their notes)" if self.not_ready else "")
                 + (f", {len(self.withheld)} not approved as the command was refused: nothing was written"
                    if self.withheld else "")]
        waiting = self._alone_first([tip for tip in self.held if tip not in self.refused])
        lines += [f"{tip} waits: it {self._blocked(tip)}" for tip in waiting]
        lines += [f"note: {tip} was skipped (status: skip): approving it took it back" for tip in self.approved
                  if tip in self.skipped]
        lines += [f"note: {tip}: {why}" for tip, why in self.read_first.items()]
        lines += [f"note: {tip} left in draft: {why.split(':')[0]}; `juno-scheduler approve {self.campaign}/{tip}` "
                  "approves it if you really want it" for tip, why in self.not_tips.items()]
        if self.unready:  # which ones, so a careful manager can read those first (user trial 11: 13 approved at once)
            lines.append(f"note: approved though not marked ready (their notes ask for a look): "
                         f"{', '.join(self.unready)}")
        lines += [f"warning: {line}" for line in self.too_long]
        return lines + (self._all_at_once(waiting) if not self.refused else [])

    def _alone_first(self, tips: list[str]) -> list[str]:
        """The tips a person reads alone first (a user trial: the two that spoke of suicide sat among twelve)."""
        return sorted(tips, key=lambda tip: tip not in self.alone)

    def _unready(self) -> str:
        """How many of those approved split did not mark ready, where their notes are, and the option that
        approves only the ready ones (a user trial: "4 approved", all four `ready: false` with notes)."""
        if not self.unready:
            return ""
        return (f" ({len(self.unready)} not marked ready: read them and their notes in `juno-scheduler studio` or "
                f"posts/{self.campaign}.yaml before `juno-scheduler queue`; `juno-scheduler approve {self.campaign} "
                "--ready` approves only the ready ones)")

    def errors(self) -> list[str]:
        """One `error:` line for each tip named one by one that a flag held, with what to type."""
        refused = self._alone_first(self.refused)
        return [f"error: {tip} {self._blocked(tip)}" for tip in refused] + self._all_at_once(refused)

    def _blocked(self, tip: str) -> str:
        alone = f"{self.alone[tip]}: read it alone; check the crisis footer; it " if tip in self.alone else ""
        flags = [flag for flag in self.held[tip] if flag != "stale"]
        footer = " (it goes out with the crisis footer)" if "sensitive" in flags and tip in self.unflag else ""
        wrong = (f"; or, if {'the flag is' if len(flags) == 1 else 'a flag is'} wrong, delete {' or '.join(flags)} "
                 f"from its review: list ({self.unflag[tip].split(': ')[0]}) and approve it") if tip in self.unflag else ""
        skipped = "is skipped (status: skip), so approving it takes it back; it " if tip in self.skipped else ""
        return (f"{skipped}{alone}is flagged {self.why.get(tip) or ' and '.join(self.held[tip])}; review it, then: "
                f"juno-scheduler approve {tip} --ack {','.join(self.held[tip])}{footer}{wrong}")

    def _all_at_once(self, tips: list[str]) -> list[str]:
        """For several held tips, one command per set of flags that approves them all once each is read; a tip to
        read alone is in none of them (its own command is on its line)."""
        by_flags: dict[str, list[str]] = {}
        for tip in tips:
            if tip not in self.alone:
                by_flags.setdefault(",".join(self.held[tip]), []).append(tip)
        those = "the other" if any(tip in self.alone for tip in tips) else "all"
        return [f"once you have read {those} {len(same)}: juno-scheduler approve {' '.join(same)} --ack {flags}"
                for flags, same in by_flags.items() if len(same) > 1]


@dataclass(frozen=True)
class Card(Result):
    campaign: str
    tip: str
    size: str                        # x | square | portrait
    path: str                        # under .juno/cards/, as shown to a person
    rendered: bool                   # drawn now (False: the card on disk was already this one)
    alt_text: str


@dataclass(frozen=True)
class RefusedCard(Result):
    """A tip whose headline cannot be drawn (too long, a word too wide, a character no font has): its cards stay
    as they were, and the other tips' cards are drawn."""
    campaign: str
    tip: str
    sizes: list[str]  # the card sizes it does not fit
    error: str        # file:line:col: tip ID: what is wrong; what to do


@dataclass(frozen=True)
class CardsReport(Result):
    cards: list[Card]
    rendered: int
    unchanged: int
    sheet: str | None = None
    unreadable: list[Unreadable] = field(default_factory=list)  # campaign files that do not read: left out, named
    refused: list[RefusedCard] = field(default_factory=list)  # tips whose headline cannot be drawn: named
    notes: list[str] = field(default_factory=list)  # once per tip: its kicker too long for its lines, left off

    def lines(self) -> list[str]:
        folders = sorted({str(PurePath(card.path).parent) for card in self.cards})
        lines = [f"{counted(self.rendered, 'card')} drawn, {self.unchanged} unchanged"
                 + (f", in {', '.join(folders)}" if folders else "")] + list(self.notes)
        if self.refused:
            lines.append(f"{counted(len(self.refused), 'tip')} not drawn (see above): change the headline in its "
                         "campaign file and run `juno-scheduler cards` again")
        return lines + ([f"contact sheet: {self.sheet}"] if self.sheet else [])


@dataclass(frozen=True)
class QueuedPost(Result):
    id: str
    at: str


@dataclass(frozen=True)
class MovedOffSlot(Result):
    """A post moved off a slot it missed (status `missed`, said "moved"): its new time, and the move in words."""
    id: str
    network: str
    at: str
    why: str


@dataclass(frozen=True)
class AwaitingQueue(Result):
    """A post withdrawn (its tip edited, say) whose tip is approved now: out until a person runs `queue`."""
    id: str
    network: str
    why: str                         # the line status says of it


@dataclass(frozen=True)
class GonePost(Result):
    """A post its network says no longer exists (a person deleted it there): its counts are not read, and its tip
    does not come round again unless a person says so (`approve TIP --ack repeat`)."""
    id: str
    network: str
    why: str                         # what collect found, and when


@dataclass(frozen=True)
class RecycledPost(Result):
    """A tip come round again, and why it was chosen ("in the top quarter of this account's posts on x at 72 h,
    14 posts behind it")."""
    id: str
    at: str
    why: str = ""
    text: str = ""                   # its words as it will go out, its lead-in first


@dataclass(frozen=True)
class UpdatedPost(Result):
    id: str
    changed: list[str]               # what of the waiting post changed: text, card, alt_text ...
    at: str | None = None            # when it goes out after the change (local ISO), moved or not


@dataclass(frozen=True)
class WithdrawnPost(Result):
    id: str
    reason: str


@dataclass(frozen=True)
class MovedPost(Result):
    """A waiting post that no longer fitted the timetable, moved to the next free slot."""
    id: str
    to: str
    reason: str
    network: str = "x"
    moved_from: str = ""             # "from" in --json


@dataclass(frozen=True)
class BlockedPost(Result):
    """A pinned post that no longer fits the timetable: never moved, reported for a person."""
    id: str
    at: str
    reason: str


@dataclass(frozen=True)
class TooLong(Result):
    """A tip too long for one network: queued on the others."""
    id: str
    network: str
    message: str


@dataclass(frozen=True)
class QueueReport(Result):
    queued: list[QueuedPost]
    updated: list[UpdatedPost]
    withdrawn: list[WithdrawnPost]
    recycled: list[RecycledPost]
    unchanged: int
    held: list[str]                  # approved tips held back by a flag no person acknowledged
    too_long: list[TooLong] = field(default_factory=list)
    moved: list[MovedPost] = field(default_factory=list)
    blocked: list[BlockedPost] = field(default_factory=list)
    held_flags: dict[str, list[str]] = field(default_factory=dict)  # held tip -> its unacknowledged flags
    already_published: list[dict[str, str]] = field(default_factory=list)  # {id, as, network}: not queued again
    out_elsewhere: list[dict[str, str]] = field(default_factory=list)  # {id, network}: a network added later
                                                                       # does not post tips already out on the others
    notices: list[str] = field(default_factory=list)  # e.g. the article's address carries tracking the posts replace
    unreadable: list[Unreadable] = field(default_factory=list)  # campaign files that do not read: left out, named
    unchanged_as: dict[str, int] = field(default_factory=dict)  # the unchanged by what they already are:
                                                                # {"queued": 5, "posted": 1}
    unready: list[str] = field(default_factory=list)  # of the tips queued now, those split did not mark ready
    held_back: list[dict[str, str]] = field(default_factory=list)  # {tip, reason}: not recycled without
                                                                   # `approve TIP --ack repeat`

    @classmethod
    def of(cls, row: dict[str, Any]) -> QueueReport:
        return cls(queued=_rows(QueuedPost, row["queued"]), updated=_rows(UpdatedPost, row["updated"]),
                   withdrawn=_rows(WithdrawnPost, row["withdrawn"]), recycled=_rows(RecycledPost, row["recycled"]),
                   unchanged=row["unchanged"], held=row["held"], too_long=_rows(TooLong, row.get("too_long", [])),
                   moved=[MovedPost(**{k: v for k, v in moved.items() if k != "from"}, moved_from=moved["from"])
                          for moved in row.get("moved", [])],
                   blocked=_rows(BlockedPost, row.get("blocked", [])), held_flags=row.get("held_flags", {}),
                   already_published=row.get("already_published", []), out_elsewhere=row.get("out_elsewhere", []),
                   notices=row.get("notices", []), unreadable=_rows(Unreadable, row.get("unreadable", [])),
                   unchanged_as=row.get("unchanged_as", {}), unready=row.get("unready", []),
                   held_back=row.get("held_back", []))

    def left_out(self) -> str:
        """What became of the tips of a campaign file that does not read, said after its error (a manager read "its
        tips are left out until it reads" and did not know whether anything had gone into the queue)."""
        done = "the other files' tips were queued, none of this file's" if self.queued else "nothing was queued"
        return f"{done}; run `juno-scheduler queue` again once it is fixed"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.unreadable:
            data.pop("unreadable")
        data["moved"] = [{"id": m.id, "from": m.moved_from, "to": m.to, "reason": m.reason, "network": m.network}
                         for m in self.moved]
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
    network: str
    limit: int                      # that network's limit
    how: str                        # what it counts: "characters as X counts them"
    note: str = ""                  # why run-due would not send it as it is ("": it would)
    held: str = ""                  # the same in a short word, for the table: "waits: file", "held: edited"


@dataclass(frozen=True)
class PreviewReport(Result):
    out: str
    posts: int
    drafts: int
    published: int                   # posted on a network (seen_status: posted)
    attention: int
    bytes: int
    unreadable: list[Unreadable] = field(default_factory=list)  # campaign files that do not read: left out, named
    simulated: int = 0               # recorded as posted but only into the outbox (or ahead of the clock): not posted

    @classmethod
    def of(cls, row: dict[str, Any]) -> PreviewReport:
        return cls(**{**row, "unreadable": _rows(Unreadable, row.get("unreadable", []))})

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.unreadable:
            data.pop("unreadable")
        return data

    def said(self, days: int) -> str:
        attention = (f" ({self.attention} {'needs' if self.attention == 1 else 'need'} attention)"
                     if self.attention else "")
        return (f"wrote {self.out}: {counted(self.posts, 'post')} in the next {counted(days, 'day')}{attention}, "
                f"{counted(self.drafts, 'draft')} waiting for approval, {self.published} published"
                + (f", {self.simulated} {state_said(SIMULATED)}" if self.simulated else ""))


UNCONFIGURED = "unconfigured"  # an account whose settings lack a secret (store.records.AccountState)
UNCONFIGURED_WAITS = "its posts wait, nothing is tried; once it is set the next run posts them (no resume needed)"

# A post's state as every report words it, the same in `status`, `plan`, `run-due` and the studio: a failed post
# is tried again by itself (run-due deferred it), a dead one waits for a person (`retry`), a missed one missed its
# slot by more than the catch-up window and was moved to the next free one (it is not lost). The stored names
# (and --json) stay as design.md gives them.
STATE_WORDS = {"failed": "retrying", "dead": "failed for good", "missed": "moved"}


SIMULATED = "simulated"  # recorded as posted, but only into the outbox, or at a time still ahead of the clock


def seen_status(post, now: datetime) -> str:
    """A post's state as every page of the studio says it at `now` (`post`: anything with status, at and remote_id).
    A post recorded as posted that went only into the outbox (`demo`'s week, a rehearsal with `publisher: outbox`)
    or at a time still ahead of now (a simulated clock: `run-due --now`) is "simulated", never "posted": before its
    time and after it (studio trial 3: the demo's posts read posted once the clock passed them)."""
    return seen(str(post.status), post.at, getattr(post, "remote_id", None), now)


def seen(status: str, at: str | None, remote_id: str | None, now: datetime) -> str:
    """seen_status of a post given by its parts: its stored status, when it went out (ISO) and its remote id."""
    if status != "posted":
        return status
    if networks.rehearsed(remote_id or ""):
        return SIMULATED
    try:
        ahead = bool(at) and datetime.fromisoformat(at) > now  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return status
    return SIMULATED if ahead else status


def state_word(status: str) -> str:
    """"retrying" for failed, "failed for good" for dead, "moved" for missed; every other state is its own word."""
    return STATE_WORDS.get(status, status)


def state_said(status: str) -> str:
    """One word (or a few) for a post's state on a page: `status`'s words, and what a simulated post is."""
    return "simulated, not posted" if status == SIMULATED else state_word(status)


def seen_report(report, rows, now: datetime) -> tuple:
    """`status`'s report as `status` and the studio say it at `now`: a post `seen_status` calls simulated (posted into the
    outbox, or on a clock still ahead of now) counts as simulated, not posted, in the counts and in this month's posts; with how many."""
    ahead = [row for row in rows if seen_status(row, now) == SIMULATED]
    if not ahead:
        return report, 0
    by_network = Counter(row.network for row in ahead)
    counts = dict(report.counts)
    counts["posted"] = max(0, counts.get("posted", 0) - len(ahead))
    month = replace(report.month, posts=max(0, report.month.posts - len(ahead)),
                    networks={name: replace(row, posts=max(0, row.posts - by_network[name]))
                              for name, row in report.month.networks.items()})
    accounts = [replace(row, counts={**row.counts, "posted": max(0, row.counts.get("posted", 0) - by_network[row.network]),
                                     SIMULATED: by_network[row.network]})
                if by_network[row.network] else row for row in report.accounts]  # each account's: its own words
    return replace(report, counts=counts, month=month, accounts=accounts), len(ahead)


@dataclass(frozen=True)
class AccountStatus(Result):
    handle: str
    state: str
    reason: str | None
    not_before: str | None
    network: str = field(default_factory=networks.first)
    publisher: str = "outbox"

    @property
    def shown(self) -> str:
        """The account in a sentence: "@junocounseling", "junocounseling.bsky.social on bluesky"."""
        return networks.shown(self.network, self.handle)

    @property
    def written(self) -> str:
        """The handle as people write it on its network: "@junocounseling", "junocounseling.bsky.social"."""
        return networks.written(self.network, self.handle)

    @property
    def sends(self) -> str:
        """Where its posts go, in words: the outbox's files, or the network itself."""
        if networks.get(self.publisher).rehearsal:
            return "outbox: its posts are written to .juno/outbox/, nothing is sent to the network"
        return f"posts go to {networks.get(self.network).name}"

    @property
    def resume_with(self) -> str | None:
        """The command that starts a paused or stopped account posting again (None while it posts, and while a
        setting it lacks keeps it from posting: once that is set it posts, with no resume)."""
        return None if self.state in ("active", UNCONFIGURED) else f"juno-scheduler resume {self.network}"

    @property
    def said(self) -> str:
        """Its state in words: "active", "stopped: <why>", or "cannot post: <what to set>; its posts wait ..."."""
        if self.state == UNCONFIGURED:
            return f"cannot post: {self.reason}; {UNCONFIGURED_WAITS}"
        return self.state + (f": {self.reason}" if self.reason else "")


@dataclass(frozen=True)
class AccountCounts(AccountStatus):
    counts: dict[str, int] = field(default_factory=dict)  # post state -> how many of this account's posts
    overdue: int = 0  # waiting posts whose slot passed by more than the catch-up window: they move, never burst


@dataclass(frozen=True)
class NextPost(Result):
    id: str
    at: str


@dataclass(frozen=True)
class NetworkMonth(Result):
    posts: int
    spent_usd: float


@dataclass(frozen=True)
class Month(Result):
    start: str                       # the month's first day, local
    posts: int                       # on every network
    spent_usd: float
    budget_usd: float | None
    networks: dict[str, NetworkMonth] = field(default_factory=dict)  # each configured network's own

    @classmethod
    def of(cls, row: dict[str, Any]) -> Month:
        return cls(**{**row, "networks": {name: NetworkMonth.of(counts)
                                          for name, counts in row.get("networks", {}).items()}})


@dataclass(frozen=True)
class FailingPost(Result):
    id: str
    network: str
    status: str                      # failed | dead
    error: str | None
    attempts: int
    retry_at: str | None             # failed: when it is tried again


@dataclass(frozen=True)
class ClaimedPost(Result):
    """A post a worker holds (docs/queue.md, "At most once, and its limits"): a run posting it now, or one that stopped mid-post."""

    id: str
    network: str
    by: str | None                   # the worker: host:process:random
    worker: str                      # running | stopped | unknown (another machine's: not asked)
    until: str | None                # its lease: no other worker takes it before then (local ISO time)
    look_first: bool                 # an attempt may have gone out: the next worker looks on the network first

    def line(self) -> str:
        """What status says of it, in the practice's time."""
        network_name = networks.get(self.network).name
        until = local_time(self.until) if self.until else "its lease ends"
        then = (f"looks on {network_name} whether it went out and posts it only if not" if self.look_first
                else "posts it")
        if self.worker == "running":
            return f"claimed {self.id}: a worker ({self.by}) is posting it now; its lease holds until {until}"
        if self.worker == "stopped":
            return f"claimed {self.id} by a worker that stopped ({self.by}): the first run from {until} {then}"
        return (f"claimed {self.id} by {self.by}, on another machine, until {until}: if that worker stopped, the "
                f"first run from then {then}")


@dataclass(frozen=True)
class StatusReport(Result):
    account: AccountStatus
    publisher: str
    counts: dict[str, int]           # post state -> how many
    next: NextPost | None
    month: Month
    failing: list[FailingPost]
    database: str
    accounts: list[AccountCounts] = field(default_factory=list)  # every account, with its posts' counts
    metrics: dict[str, Any] = field(default_factory=dict)  # last collected, reading spend this month
    recycled: list[RecycledPost] = field(default_factory=list)  # recycled posts still to go out, with why
    claimed: list[ClaimedPost] = field(default_factory=list)  # posts a worker holds, and what becomes of them
    moved: list[MovedOffSlot] = field(default_factory=list)  # posts moved off a missed slot: when they go, and why
    awaiting_queue: list[AwaitingQueue] = field(default_factory=list)  # withdrawn, approved now: wait for `queue`
    gone: list[GonePost] = field(default_factory=list)  # deleted on their network by a person (found by collect)

    @classmethod
    def of(cls, row: dict[str, Any]) -> StatusReport:
        return cls(**{**row, "account": AccountStatus.of(row["account"]),
                      "next": NextPost.of(row["next"]) if row["next"] else None,
                      "month": Month.of(row["month"]), "failing": _rows(FailingPost, row["failing"]),
                      "accounts": _rows(AccountCounts, row.get("accounts", [])),
                      "recycled": _rows(RecycledPost, row.get("recycled", [])),
                      "claimed": _rows(ClaimedPost, row.get("claimed", [])),
                      "moved": _rows(MovedOffSlot, row.get("moved", [])),
                      "awaiting_queue": _rows(AwaitingQueue, row.get("awaiting_queue", [])),
                      "gone": _rows(GonePost, row.get("gone", []))})


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
    why: str | None = None           # what became of it and what comes next, in words (None: out, or on its slot)


@dataclass(frozen=True)
class ChangedPost(Result):
    id: str
    network: str
    status: str


@dataclass(frozen=True)
class PostChange(Result):
    id: str                          # the first post changed (X's when it is among them)
    status: str
    posts: list[ChangedPost] = field(default_factory=list)  # every post changed
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
class Archived(Result):
    campaign: str
    file: str                        # where the campaign file is now: posts/archived/<slug>.yaml, or back in posts/
    withdrawn: list[str] = field(default_factory=list)  # posts that were still to go out, now skipped
    queued: list[str] = field(default_factory=list)     # restored: the posts queued again

    def lines(self) -> list[str]:
        if self.file.startswith("posts/archived/"):
            out = [f"{self.campaign} is archived in {self.file}"]
            out += [f"{post} is withdrawn" for post in self.withdrawn] or ["nothing was queued"]
            return out
        return [f"{self.campaign} is back in {self.file}"] + [f"{post} is queued again" for post in self.queued]


@dataclass(frozen=True)
class Renamed(Result):
    """rename-handle: the posts of an account's old handle not yet out, given to its new one."""
    network: str
    old: str                          # as the network writes it: "@cedarhollowcare"
    new: str
    moved: list[str] = field(default_factory=list)  # the post ids, each now the new handle's
    kept: int = 0                     # posted under the old handle: they keep it
    done: bool = False                # False: what it would do (nothing changed yet)
    held: str | None = None           # "paused" or "stopped": the old handle's hold, which the new one keeps
    reason: str | None = None         # the hold's reason

    def lines(self) -> list[str]:
        count = f"{len(self.moved)} post{'' if len(self.moved) == 1 else 's'} not yet out"
        kept = f"; {self.kept} posted keep {self.old}" if self.kept else ""
        held = (f"; {self.new} {'stays' if self.done else 'would stay'} {self.held} ({self.reason or 'no reason given'}): "
                f"`juno-scheduler resume {self.network}` to post again") if self.held else ""
        if self.done:
            return [f"{count} moved from {self.old} to {self.new} on {self.network}{kept}{held}"]
        return [f"{count} would move from {self.old} to {self.new} on {self.network}{kept}{held}"]


@dataclass(frozen=True)
class ConfiguredNetwork(Result):
    network: str                     # the registry's key: x, bluesky, mastodon
    name: str                        # as a person reads it: X, Bluesky, Mastodon
    handle: str
    rehearsal: bool                  # its publisher is the outbox: posts are written to files, nothing is sent


@dataclass(frozen=True)
class PostingBeat(Result):
    last_run_due: str | None         # when `run-due` last really ran (ISO), None when never seen
    simulated_run_due: str | None    # the --now of a later run-due on a simulated clock (ISO), else None
    daemon_pid: int | None           # the running daemon's process id, None when none runs
    stale: bool                      # nothing has run for longer than the catch-up window allows
    catch_up_minutes: int
    publishers: list[str]            # outbox: posts are written to .juno/outbox, nothing is sent


@dataclass(frozen=True)
class NetworkPost(Result):
    """A tip's post on one network exactly as it will be sent, with that network's count and limit."""

    network: str
    name: str                        # as people write it: "X", "Bluesky"
    text: str                        # the words, crisis footer, link with its tracking parameters, hashtags
    length: int                      # as this network counts it
    limit: int
    how: str                         # "characters as X counts them"
    card: str                        # the card's file at this network's size (drawn by `cards` or the studio)
    card_size: str                   # x | square | portrait
    card_width: int                  # its pixels
    card_height: int
    alt_text: str                    # as queue stores it
    flags: list[dict[str, str]]      # what `preview` marks it with: [{"key", "label"}] (sensitive ... too-long, no-card)
    account_name: str = ""           # the account as the network heads its posts: "junocounseling"
    account_handle: str = ""         # and under it: "@junocounseling.bsky.social"
    pieces: list[dict[str, str]] = field(default_factory=list)  # the text as the network shows it: kind, shown, value

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    @property
    def left(self) -> int:
        """How many more the network takes (below 0: how many over)."""
        return self.limit - self.length


@dataclass(frozen=True)
class TipPosts(Result):
    tip: str
    posts: list[NetworkPost]         # one per configured network, the first account's first


@dataclass(frozen=True)
class CampaignPosts(Result):
    """Each tip's posts on every configured network, and what `preview` says about the campaign as a whole."""

    campaign: str
    url: str | None                  # the article's address (None: posts go out without a link)
    hashtags: list[str]              # the hashtags its posts carry (the campaign's own, else the practice's)
    own_hashtags: bool               # the campaign file sets them (else posts/schedule.yaml's)
    notices: list[str]               # e.g. "Posts from ... go out without a link"
    tips: list[TipPosts]


@dataclass(frozen=True)
class CollectReport(Result):
    """collect --json: per account whose posts were due a snapshot, what was taken and read, and at what cost."""

    networks: list[dict[str, Any]] = field(default_factory=list)
    nothing_to_read: str | None = None  # why no account can be read at all (every one posts to the outbox)

    @property
    def exit_code(self) -> int:
        return 3 if any(row["error"] for row in self.networks) else 0

    def as_dict(self) -> dict[str, Any]:
        data = super().as_dict()
        if data["nothing_to_read"] is None:
            del data["nothing_to_read"]
        return data

    def lines(self) -> list[str]:
        if self.nothing_to_read:
            return [self.nothing_to_read]
        lines = []
        for row in self.networks:
            if row.get("outbox"):
                one = row["outbox"] == 1
                lines.append(f"{row['network']}: {counted(row['outbox'], 'post')} went to the outbox, not to "
                             f"{row['network']}: {'it has' if one else 'they have'} no counts and "
                             f"{'is' if one else 'are'} not read")
            if not row["due"]:
                continue
            line = (f"{row['network']}: {counted(row['taken'], 'snapshot')} ({row['late']} late), "
                    f"{counted(row['read'], 'post')} read in {counted(row['calls'], 'call')}, "
                    f"${row['spent_usd']:.3f}")
            if row["held"]:
                line += f"; {row['held']} held back by the month's budget"
            if row["error"]:  # a network's own message may already say so
                again = "" if "tries again" in row["error"] else " (collect tries again on its next run)"
                line += f"; not read: {row['error']}{again}"
            lines.append(line)
            for post_id in row.get("gone") or ():
                lines.append(f"{row['network']}: {post_id} is gone: deleted on {row['network']} (it says it no longer "
                             "exists); not read again, and its tip does not come round unless you say so "
                             "(`juno-scheduler approve TIP --ack repeat`)")
        return lines


def keep_a_date(post_id: str) -> str:
    """How to keep a post that missed its slot on a date of one's own (a holiday tip moved past the holiday): what
    run-due's missed line, status's and history's moved lines all end with (newcomer trial, finding 2). The pin
    counts once `queue` reads it (user trial 6), so the hint says both steps."""
    return (f"to keep a date, pin it with at: under its tip in posts/{post_id.split('/', 1)[0]}.yaml and run "
            "`juno-scheduler queue`, or move it in the studio's queue")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun, as people write them: "1 post", "0 posts", "1,200 posts", "1 reply", "2 replies".
    `plural` where the noun does not take a plain -s. Every output a person reads says its counts this way."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def ranked_at(posts: list[dict[str, Any]], network: str, age: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The posts (stats' rows) Best and Worst are chosen from on `network` at `age`, best first by their shrunk
    estimate, each with its score there: those with a score, less those no longer on their network (unpublished,
    by `unpublish` or found gone by `collect`), which a list of what did well or badly there should not name.
    The one rule for `stats` and the studio's Analytics page; such posts still show in each post's detail."""
    return sorted(((row, row["ages"][age]["score"]) for row in posts
                   if row["network"] == network and age in row["ages"] and row["ages"][age]["score"]
                   and not row.get("unpublished")),
                  key=lambda pair: (-pair[1]["estimate"], pair[0]["id"]))


def few_said(score: dict[str, Any] | None) -> str | None:
    """"only 3 impressions: mostly the account's average" where a post's score rests on fewer impressions than the
    account's prior weighs (the score's `few_impressions`), else None. The one wording for `stats` and the
    studio's Analytics page, so a manager reads a lucky post's caveat wherever its score is shown."""
    few = (score or {}).get("few_impressions")
    return None if few is None else f"only {counted(few, 'impression')}: mostly the account's average"


NAMED_AT_MOST = 3  # a note names this many of a list, then counts the rest


def some_of(names: list[str], where: str) -> str:
    """A list a note names, shortened: "a, b, c and 12 more (where)": a note that repeats fifteen tip ids after
    `approve` and `queue` said them is read as noise (user trial 8: "15 tips … not marked ready" three times)."""
    if len(names) <= NAMED_AT_MOST:
        return ", ".join(names)
    return f"{', '.join(names[:NAMED_AT_MOST])} and {len(names) - NAMED_AT_MOST:,} more ({where})"


def ordinal(n: int) -> str:
    """"2nd", "3rd", "11th": a time out as people write it."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def local_time(moment: str | datetime, zone: tzinfo | None = None) -> str:
    """"Mon 2026-12-14 09:00": a time as a person reads it in every output (status, queue, run-due, the daemon's
    log), in the practice's zone: `zone`, or the offset an ISO string carries (the runner writes them local).
    `--json` keeps ISO 8601 with its offset."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return f"{when.astimezone(zone) if zone is not None else when:%a %Y-%m-%d %H:%M}"


def span_words(span: timedelta) -> str:
    """"3 h 5 min", "45 min", "2 days 4 h": a length of time as a person reads it (whole minutes)."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}" if days else "", f"{hours} h" if hours else "",
             f"{minutes} min" if minutes and not days else ""]
    return " ".join(part for part in parts if part) or "0 min"


def counts_words(counts: dict[str, int | None]) -> str:
    """"1,000 impressions, 1 like, 0 replies": the counts a network gave (one it does not give is left out)."""
    return ", ".join(counted(n, _COUNT_NOUNS.get(name, name.replace("_", " ").removesuffix("s")),
                             name.replace("_", " "))
                     for name, n in counts.items() if n is not None)


_COUNT_NOUNS = {"replies": "reply"}  # a count's one where dropping the -s of its name is wrong


@dataclass(frozen=True)
class StatsReport(Result):
    """stats --json: per post and network the counts and score at each age; per network and age the account's
    average and how many posts stand behind it."""

    posts: list[dict[str, Any]] = field(default_factory=list)
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    best_times: dict[str, dict[str, Any]] = field(default_factory=dict)  # per network: slots, suggestion, why

    summary: list[str] = field(default_factory=list)  # what `stats` prints for people (not in --json)
    detail: list[str] = field(default_factory=list)   # the summary, then each post (`stats --posts`; not in --json)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k not in ("summary", "detail")}


@dataclass(frozen=True)
class Change(Result):
    """One line of .juno/audit.jsonl as a person reads it."""
    id: str
    at: str
    by: str
    what: str                        # edit, approve, skip, move, pause, undo, redo ...
    campaign: str | None
    tip: str | None
    describe: str                    # 'the skip on the queue of resistance-isnt-indifference'
    undone: bool = False             # undone since (a redo is offered)
    superseded: bool = False         # a later undo or redo of the same change carries its button
    count: int = 1                   # changes made at once with it (a bulk action): one undo reverts them all
    items: tuple[str, ...] = ()      # the tips those changes touched (campaign/tip), when there were several
    reverses: str | None = None      # an undo or redo: the words for the change it reverts
    elsewhere: str | None = None     # an undo just made: a post not back in its old slot, where it goes and why

    @classmethod
    def from_entry(cls, entry: dict[str, Any], undone: bool = False, superseded: bool = False) -> Change:
        of = entry.get("of")
        return cls(id=entry["id"], at=entry["at"], by=entry.get("by", ""), what=entry["what"],
                   campaign=entry.get("campaign"), tip=entry.get("tip"), describe=audit.describe(entry),
                   undone=undone, superseded=superseded, count=of if isinstance(of, int) and of > 1 else 1,
                   items=tuple(str(item) for item in entry.get("items") or ()),
                   reverses=entry["reverses"] if isinstance(entry.get("reverses"), str) else None,
                   elsewhere=entry["elsewhere"] if isinstance(entry.get("elsewhere"), str) else None)


@dataclass(frozen=True)
class Pinned(Result):
    """A queued post moved to a local time (pinned with at: in its campaign file)."""
    id: str
    at: str                          # local, to the minute: 2026-12-02T09:30


@dataclass(frozen=True)
class LatestPost(Result):
    """The latest post of a tip (on its first network, or one network): what the studio shows beside it."""
    id: str
    tip_key: str                     # campaign/tip
    network: str
    status: str
    at: str                          # when it goes (or went) out: ISO with offset, UTC
    remote_id: str | None = None     # where it went: the network's id, or the outbox's ("outbox-...")


@dataclass(frozen=True)
class NextOut(Result):
    """When and where a queued tip goes out next: what the studio says after approving it, in full or short."""
    at: str                          # its first post's slot: ISO in the practice's zone
    zone: str                        # the practice's zone ("America/New_York")
    networks: list[str]              # the networks its waiting posts go to, by name ("X", "Bluesky")
    rehearsed: list[str]             # those of them written to the outbox, nothing sent

    @property
    def short(self) -> str:
        """'goes out Mon 07 Dec 08:34 on X and Bluesky': no zone, no outbox note (a phone's one line)."""
        return f"goes out {datetime.fromisoformat(self.at):%a %d %b %H:%M} on {' and '.join(self.networks)}"


@dataclass(frozen=True)
class CalendarPost(Result):
    """A post still to go out, or gone, for the calendar."""
    id: str
    tip_key: str
    network: str
    status: str
    at: str                          # posted: when it went out; else when it may go: ISO, UTC
    text: str
    pinned: bool
    card: bool                       # its card is on disk
    url: str | None
    movable: bool                    # still waiting: a person may pin it elsewhere
    note: str = ""                   # pinned and waiting: why it goes out other than as pinned (plan's note)
    remote_id: str | None = None     # where it went: the network's id, or the outbox's ("outbox-...")


__all__ = [
    "SIMULATED",
    "AccountCounts",
    "AccountStatus",
    "Approved",
    "Archived",
    "AwaitingQueue",
    "BlockedPost",
    "CalendarPost",
    "CampaignPosts",
    "Card",
    "CardsReport",
    "Change",
    "ChangedPost",
    "CollectReport",
    "ConfiguredNetwork",
    "FailingPost",
    "HistoryRow",
    "LatestPost",
    "Month",
    "MovedPost",
    "NetworkMonth",
    "NetworkPost",
    "NextOut",
    "NextPost",
    "Pinned",
    "PlannedPost",
    "PostChange",
    "PostingBeat",
    "PreviewReport",
    "QueueReport",
    "QueuedPost",
    "RecycledPost",
    "Result",
    "SplitArticle",
    "SplitBlock",
    "SplitItem",
    "SplitReport",
    "SplitTip",
    "StatsReport",
    "StatusReport",
    "TipPosts",
    "TooLong",
    "Unpublished",
    "UpdatedPost",
    "WithdrawnPost",
    "ranked_at",
    "seen_status",
]
