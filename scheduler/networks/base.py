"""What a network is to the rest of juno-scheduler: one `Network` (its handle rule, secrets, text
length, card size, publisher, account check and cost), and the publisher interface it makes.

A publisher returns `Published` or raises `scheduler.errors.PublishError` whose `kind` tells the
runner what to do next: retry later, stop this account, or give up on this one post (the one table
of what each failure means is scheduler.networks.policy).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NewType, Protocol

from scheduler.errors import PublishError
from scheduler.fileio import read_input

NetworkKey = NewType("NetworkKey", str)  # "x", "bluesky", ...: a key the registry knows (networks.key())

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One post, exactly as it will go out."""

    post_id: str
    text: str
    card: Path | None
    alt_text: str
    uncertain: bool = False  # an earlier attempt may have gone out; look before posting again
    language: str | None = None  # BCP 47, e.g. "en"
    sensitive: bool = False  # the tip is flagged sensitive (Mastodon adds a content warning)
    attempt_key: str | None = None  # the key noted in the store before the call (Bluesky's record key)
    round: int = 1  # its time out: 2 and on for a recycled post (its words open with that time's lead-in)


@dataclass(frozen=True)
class Published:
    remote_id: str
    url: str
    cost_usd: float = 0.0
    at: datetime | None = None  # when the network says the post was made, where it says (a post found, not made now)
    recovered: bool = False  # found on the network after an uncertain attempt, not posted by this call


def network_time(value) -> datetime | None:
    """A creation time as a network gives it (ISO 8601 text, `Z` or an offset; or a datetime), in UTC; None
    when there is none or it does not read, and the post is then recorded at the time it was found."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    return value.astimezone(UTC)


class Publisher:
    name = "base"

    def publish(self, post: Outgoing) -> Published:
        raise NotImplementedError

    def find_existing(self, post: Outgoing) -> Published | None:
        """After an uncertain attempt: the post if the network has it, else None."""
        return None

    def attempt_key(self, post: Outgoing) -> str | None:
        """The key the post will be created under, where the network takes one from us; the runner
        notes it in the store before publish() is called."""
        return None

    def unpublish(self, remote_id: str) -> bool:
        """Delete a published post; False when it was already gone."""
        raise NotImplementedError(f"{self.name} cannot delete posts")

    def check_writable(self, root: Path) -> None:
        """Before a run posts anything: what this publisher writes on this machine can be written
        (an OutputError naming the file if not). Most write nothing locally."""

    def close(self) -> None:
        pass


class LooksBeforePosting(Publisher):
    """A network searched after an uncertain attempt: publish() first looks among the account's posts.

    Subclasses give verify_handle(), find_existing() (calling looked(post, found) with its result)
    and post(). A look that has just failed (the runner's own find_existing) is not repeated.
    """

    network = "the network"

    def __init__(self):
        self._looked_for: set[str] = set()  # uncertain posts find_existing just failed to find

    def verify_handle(self) -> None:
        pass

    def post(self, post: Outgoing) -> Published:
        raise NotImplementedError

    def looked(self, post: Outgoing, found: Published | None) -> Published | None:
        if found is None:
            self._looked_for.add(post.post_id)
        else:
            self._looked_for.discard(post.post_id)
        return found

    def publish(self, post: Outgoing) -> Published:
        try:
            self.verify_handle()
            just_looked = post.post_id in self._looked_for
            self._looked_for.discard(post.post_id)
            if post.uncertain and not just_looked:
                existing = self.find_existing(post)
                if existing is not None:
                    logger.info("post %s was already on %s as %s; recorded, not posted again", post.post_id,
                                self.network, existing.remote_id)
                    return existing
            return self.post(post)
        except PublishError as exc:
            if post.uncertain:
                exc.uncertain = True  # the earlier attempt is still unresolved
            raise


_IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


def read_image(card: Path, limit: int, network: str) -> tuple[bytes, str]:
    """The card's bytes and MIME type, for a network that takes images up to `limit` bytes; anything else
    is a PublishError for this post only."""
    data = read_card(card)
    if len(data) > limit:
        raise PublishError(f"{card}: the card is {len(data) / 1e6:.1f} MB; {network} takes images up to "
                           f"{limit / 1024 / 1024:.0f} MB: render it smaller with `juno-scheduler cards`",
                           kind="permanent")
    for magic, mime in _IMAGE_TYPES:
        if data.startswith(magic):
            return data, mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return data, "image/webp"
    raise PublishError(f"{card}: not a PNG, JPEG, GIF or WebP image; render it again with "
                       "`juno-scheduler cards`", kind="permanent")


def read_card(card: Path) -> bytes:
    """The card's bytes; a missing or unreadable card is a PublishError for this post only."""
    return read_input(card, str(card), error=lambda message: PublishError(message, kind="permanent"), what="card",
                      missing_hint="the card is missing; run `juno-scheduler cards` and retry the post")


@dataclass(frozen=True)
class Counts:
    """What a network says of one post: counts only, None where it gives none (never a name or a word)."""

    impressions: int | None = None
    likes: int | None = None
    reposts: int | None = None
    replies: int | None = None
    quotes: int | None = None
    bookmarks: int | None = None
    link_clicks: int | None = None


@dataclass(frozen=True)
class ToRead:
    remote_id: str
    posted_at: datetime


@dataclass
class Reading:
    """What one read of a network gave: counts by remote id, the posts it billed (X: every post a timeline
    returned, asked for or not) at `cost_each`, how many calls it took, and the posts the network said no longer
    exist (a person deleted them there): asked one by one about a post a read left out."""

    counts: dict[str, Counts] = field(default_factory=dict)
    billed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # posts the network says no longer exist (deleted there)
    cost_each: float = 0.0
    calls: int = 0


class Reader:
    """Reads the counts of the account's own posts; never posts. A failure is a PublishError (retry later)."""

    cost_each: float = 0.0  # what reading one post costs (X bills per post returned)

    def read(self, posts: Sequence[ToRead], now: datetime, others: Sequence[str] = ()) -> Reading:
        """The counts of `posts`; `others` are the account's own posts not wanted now (X leaves them out)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


OK, CONFIG_PROBLEM, ACCOUNT_PROBLEM = 0, 2, 1


def account_check_code(exc: PublishError) -> int:
    """check's exit code for a network's answer to the account check: credentials refused, of another account or
    without the permission are configuration a person fixes (2, as missing ones are); no answer, an outage, is 1."""
    return CONFIG_PROBLEM if exc.kind in ("stop", "config") else ACCOUNT_PROBLEM


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    exit_code: int = OK
    note: bool = False  # all right, but a person should know (a pinned time the clocks skip)
    warn: bool = False  # it goes on, but not all of it: what queue warns of (a tip left off one network)


@dataclass
class CheckReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        failed = [c.exit_code for c in self.checks if not c.ok]
        return CONFIG_PROBLEM if CONFIG_PROBLEM in failed else (ACCOUNT_PROBLEM if failed else OK)

    def add(self, name: str, ok: bool, detail: str, exit_code: int = OK) -> None:
        self.checks.append(Check(name, ok, detail, OK if ok else exit_code))

    def add_note(self, name: str, detail: str) -> None:
        self.checks.append(Check(name, True, detail, note=True))

    def add_warning(self, name: str, detail: str) -> None:
        """What `queue` warns of and goes on with (exit 0): check says it alike, as a `warn` line."""
        self.checks.append(Check(name, True, detail, warn=True))

    def as_dict(self) -> dict:
        return {"ok": self.exit_code == OK,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail, **({"note": True} if c.note else {}),
                            **({"warn": True} if c.warn else {})} for c in self.checks]}

    def lines(self) -> list[str]:
        width = max((len(c.name) for c in self.checks), default=0)
        return [f"{'note' if c.note else 'warn' if c.warn else 'ok  ' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}"
                for c in self.checks]


def mask(secret: str | None) -> str:
    """A secret as a message may show it: its first and last two characters at most."""
    if not secret:
        return "(not set)"
    return f"{secret[:2]}…{secret[-2:]}" if len(secret) > 8 else "****"


class HandleCache(Protocol):
    """Which handle a set of credentials was last seen to belong to, by credential fingerprint."""

    def get(self, fingerprint: str) -> str | None: ...

    def put(self, fingerprint: str, handle: str) -> None: ...


class MemoryHandleCache:
    def __init__(self):
        self._handles: dict[str, str] = {}

    def get(self, fingerprint: str) -> str | None:
        return self._handles.get(fingerprint)

    def put(self, fingerprint: str, handle: str) -> None:
        self._handles[fingerprint] = handle


@dataclass(frozen=True)
class AccessProblem:
    """A network's environment that cannot be right (half of X's four secrets, an address that is not one):
    that network's account stops with `message`; every other account posts and every command still runs."""

    message: str


@dataclass(frozen=True)
class TextLength:
    """A post's text as one network counts it."""

    length: int
    limit: int
    how: str  # "characters as X counts them"

    @property
    def fits(self) -> bool:
        return self.length <= self.limit


class Network:
    """Everything the rest of juno-scheduler asks of one network. A new network subclasses this in one
    module and adds one line to the registry (scheduler/networks/__init__.py); nothing else changes."""

    key: NetworkKey
    name: str                          # as people write it: "X", "Bluesky"
    example_handle: str                # how a handle is written in posts/schedule.yaml
    env_names: tuple[str, ...] = ()    # the environment (or .env) variables it reads
    secret_names: tuple[str, ...] = () # those of them that are secrets: masked wherever a message may repeat one
    card_size: str = "x"               # the card size (cards.render.SIZES) its apps show best
    keeps_tip_id: bool = False         # its post keeps the tip's own id (X: queues from before `accounts:`)
    rehearsal: bool = False            # a stand-in any account may post to instead of its network (the outbox)
    prices: Mapping[str, float] = {}   # budget.prices it reads (defaults; posts/schedule.yaml may override)
    alt_text_most: int | None = None   # the most characters of a card's alt text it takes (None: no limit known)
    link_shown_most: int | None = None # its apps show a link without scheme and www., cut to this many characters
                                       # and an ellipsis (None: whole, as sent)

    def handle_problem(self, handle: str) -> str | None:
        """What is wrong with `handle` as a handle here, or None."""
        return None if handle.strip() else "give the account's handle"

    def written(self, handle: str) -> str:
        """The handle as people write it on this network."""
        return handle

    def shown(self, handle: str) -> str:
        """The account in a sentence: the handle, and which network."""
        return f"{self.written(handle)} on {self.key}"

    def profile(self, handle: str) -> tuple[str, str]:
        """The account as this network heads its posts: (the name, the handle under it)."""
        return handle, self.written(handle)

    def pieces(self, text: str) -> list[tuple[str, str, str]]:
        """The post's text as this network shows it: (kind, shown, value) pieces, kind text, link (value the
        address) or tag (value the tag without its #)."""
        return shown_pieces(text, self.shown_link)

    def shown_link(self, url: str) -> str:
        """A link as this network's apps show it in a post (`link_shown_most`); it still counts as the network
        counts a link (length())."""
        return shortened_link(url, self.link_shown_most) if self.link_shown_most else url

    def access(self, settings, account) -> Any:
        """The access read for this network, for `account` to post with: a PublishError of kind "config" (its posts
        wait, nothing tried, and it says what to fix) when it is missing or cannot be right."""
        problem = self.unset(settings, account)
        if problem is not None:
            raise PublishError(problem, kind="config")
        return settings.access[self.key]

    def unset(self, settings, account) -> str | None:
        """What keeps `account` from posting with the settings read now (the environment and .env), naming what to
        set; None when nothing does. Asked by run-due before it tries a post, and by status and the studio."""
        found = settings.access.get(self.key)
        if isinstance(found, AccessProblem):
            return found.message
        if found is None:
            return self.missing(account)
        return None

    def was_unset(self, reason: str, account) -> bool:
        """Whether a stop recorded with `reason` was a setting not set: versions before 2026-12-05 stopped the account
        for that (this one records no such stop), and the settings read now say whether it can post."""
        return reason == self.missing(account) or reason.startswith("environment: ")

    def missing(self, account) -> str:
        """What to do when the account posts for real and the environment has none of this network's settings."""
        return (f"the {self.name} account {self.written(account.handle)} needs {', '.join(self.env_names)} in the "
                "environment or .env, or publisher: outbox")

    def read_access(self, environ: Mapping[str, str]) -> Any:
        """Its secrets and addresses from the environment (and .env), None when none is set; a value
        that cannot be right is a ConfigError naming the variable (never its value)."""
        return None

    def length(self, text: str, state_dir: Path | None = None) -> TextLength:
        """How long `text` is here, and the most it may be."""
        raise NotImplementedError

    def fitter(self, compose: Callable[[str, bool], str], state_dir: Path | None = None) -> Callable[[str, bool], bool]:
        """fits(text, sensitive): whether `text`, made a post by compose(text, sensitive), fits here.
        The splitter asks it for every sentence it tries, so a network may answer faster than length()."""
        return lambda text, sensitive: self.length(compose(text, sensitive), state_dir).fits

    def cost(self, post: Outgoing, prices: Mapping[str, float]) -> float:
        """What posting `post` costs in US dollars (counted against budget.monthly_usd)."""
        return 0.0

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        """The publisher for `account`, with the access read from the environment."""
        raise NotImplementedError

    def check(self, report: CheckReport, settings, account) -> None:
        """`check`: add what was found of `account`'s access and whose it is; post nothing."""

    def wrote(self, remote_id: str) -> bool:
        """Whether `remote_id` is a post this stand-in wrote in a network's place (a rehearsal's own ids)."""
        return False

    def reader(self, settings, account, handles: HandleCache) -> Reader | None:
        """What reads `account`'s posts' counts (collect), or None where the network keeps none (the outbox)."""
        return None

    @property
    def keeps_counts(self) -> bool:
        """Whether collect can read counts here at all: a network that keeps none does not define reader()."""
        return type(self).reader is not Network.reader


_LINK = re.compile(r"https?://[^\s<>\"]+")
_TAG = re.compile(r"(?<![\w#&])#(\w*[^\W\d_]\w*)")
_TRAILING = ".,;:!?)]}'\"’”"


def shortened_link(url: str, most: int) -> str:
    """`url` without its scheme and www., its first `most` characters and an ellipsis when there are more
    ("junocounseling.com/blog/…"): how X (t.co's display URL) and Mastodon show a link."""
    shown = re.sub(r"^https?://(www\.)?", "", url)
    return shown if len(shown) <= most else shown[:most] + "…"


def shown_pieces(text: str, shown: Callable[[str], str] = str) -> list[tuple[str, str, str]]:
    """Links (less the punctuation that ends the sentence around them) as `shown` makes them, and hashtags; the
    rest as text."""
    out: list[tuple[str, str, str]] = []
    position = 0
    for match in _LINK.finditer(text):
        url = match.group().rstrip(_TRAILING)
        out += _tag_pieces(text[position:match.start()])
        out.append(("link", shown(url), url))
        position = match.start() + len(url)
    out += _tag_pieces(text[position:])
    return [piece for piece in out if piece[1]]


def _tag_pieces(text: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    position = 0
    for match in _TAG.finditer(text):
        out += [("text", text[position:match.start()], ""), ("tag", match.group(), match.group(1))]
        position = match.end()
    out.append(("text", text[position:], ""))
    return out
