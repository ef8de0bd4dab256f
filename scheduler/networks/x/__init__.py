"""X: handles like `junocounseling`, four OAuth 1.0a secrets, 280 weighted characters (URLs 23), the
16:9 card X shows uncropped in the timeline, pay-per-use prices, and tweepy for the calls."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import ConfigError, PublishError, redacted
from scheduler.networks.base import (
    CONFIG_PROBLEM,
    HandleCache,
    MemoryHandleCache,
    Network,
    NetworkKey,
    Outgoing,
    Publisher,
    Reader,
    TextLength,
    account_check_code,
    mask,
)
from scheduler.networks.policy import checked
from scheduler.networks.x.costs import DEFAULT_PRICES, post_cost
from scheduler.networks.x.credentials import Credentials

MAX_WEIGHTED_LENGTH = 280
MAX_ALT_TEXT = 1000  # characters of a card's alt text (POST /2/media/metadata)
SECRET_NAMES = ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET")
API_BASE_NAME = "JUNO_X_API_BASE"
HANDLE_MOST = 15  # X's own limit on a username
_HANDLE = re.compile(rf"^[A-Za-z0-9_]{{1,{HANDLE_MOST}}}$")
_URL_LIKE = re.compile(r"[\w-]\.[A-Za-z]{2,}|://|@\w|#\w")
_NOT_PLAIN = tuple(bytes([code]) for code in b"#*0123456789")  # ASCII that may count other than 1 (keycaps)


@dataclass(frozen=True)
class XAccess:
    credentials: Credentials | None
    api_base: str | None = None  # JUNO_X_API_BASE: every X call goes there instead (tests, gateways)


def parse_credentials(env: Mapping[str, str]) -> Credentials | None:
    values = [env.get(name, "").strip() for name in SECRET_NAMES]
    if not any(values):
        return None
    missing = [name for name, value in zip(SECRET_NAMES, values) if not value]
    if missing:
        raise ConfigError(f"environment: {', '.join(missing)} not set; set all four X credentials "
                          "(X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET) or none")
    return Credentials(*values)


def parse_api_base(base: str | None) -> str | None:
    if not base:
        return None
    base = base.strip().rstrip("/")
    if not re.match(r"^https?://[^/\s@]+$", base):
        raise ConfigError(f"{API_BASE_NAME}: {redacted(base)!r} is not a base address; write it as http://host:port")
    return base


def weighted_length(text: str) -> int:
    """X's weighted length (twitter-text v3: URLs count 23, CJK and emoji count 2)."""
    # lazy: twitter-text takes about a second to import: not on run-due's cron fast path
    from twitter_text import parse_tweet

    normalized = unicodedata.normalize("NFC", text)
    if normalized.isascii() or _emoji_characters().isdisjoint(normalized):
        return _weighted_length_without_emoji(normalized)
    return parse_tweet(normalized).weightedLength


@functools.cache
def _emoji_characters() -> frozenset[str]:
    """Every character outside ASCII that twitter-text's emoji pattern is made of: its single characters' ranges
    and each character of its sequences (every emoji it knows holds one; curly quotes and dashes are none)."""
    # lazy: as in weighted_length
    from twitter_text.regexp.emoji import emoji_list, single_codepoint_emoji_ranges

    singles = (chr(code) for start, end in single_codepoint_emoji_ranges for code in range(start, end + 1))
    in_sequences = (chr(int(code, 16)) for entry in emoji_list for code in entry.codepoint.split())
    return frozenset(ch for ch in (*singles, *in_sequences) if not ch.isascii())


# Every link twitter-text finds, with its scheme or without, has a domain: a full stop followed by the next label
# (its own search looks for a "." first). A text whose every full stop is followed by a space, another full stop or
# its end holds none, and its length is its characters' weights alone, with no search.
_MAY_HOLD_URL = re.compile(r"\.[^\s.]")
_CHARACTER_WEIGHTS: dict[str, int] = {}  # each character's weight by twitter-text's ranges, looked up once a process


def _weighted_length_without_emoji(text: str) -> int:
    """parse_tweet's weighted length of a text holding no emoji, without its search for them (two thirds of its
    time): a text whose characters outside ASCII are none that an emoji is made of. Each URL it finds counts the
    transformed URL length and every other character its weight, as parse_tweet counts them."""
    # lazy: twitter-text takes about a second to import: not on run-due's cron fast path
    from twitter_text.config import config
    from twitter_text.extract_urls import extract_urls_with_indices

    options = config["defaults"]
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # parse_tweet's line endings
    weights = _CHARACTER_WEIGHTS
    for ch in set(text).difference(weights):
        weights[ch] = next((r["weight"] for r in options["ranges"] if r["start"] <= ord(ch) <= r["end"]),
                           options["default_weight"])
    if not _MAY_HOLD_URL.search(text):  # prose: every full stop ends a sentence (a tip, nearly always)
        return int(sum(map(weights.__getitem__, text)) / options["scale"])
    urls = {entity["indices"][0]: entity["url"] for entity in extract_urls_with_indices(text)}
    total, index = 0, 0
    while index < len(text):
        if index in urls:
            total += options["transformed_url_length"] * options["scale"]
            index += len(urls[index])
        else:
            total += weights[text[index]]
            index += 1
    return int(total / options["scale"])


class X(Network):
    key = NetworkKey("x")
    name = "X"
    alt_text_most = MAX_ALT_TEXT
    example_handle = "junocounseling"
    env_names = SECRET_NAMES + (API_BASE_NAME,)
    secret_names = SECRET_NAMES
    card_size = "x"        # 16:9 (1600x900): X shows it whole in the timeline, without cropping
    keeps_tip_id = True
    prices = DEFAULT_PRICES
    # t.co: a link counts 23 (weighted_length) and shows as its display URL, host and path cut after 23 characters
    link_shown_most = 23

    def handle_problem(self, handle: str) -> str | None:
        if handle.startswith("@"):
            return f"write the handle without the @: handle: {handle[1:]}"
        if len(handle) > HANDLE_MOST and re.fullmatch(r"[A-Za-z0-9_]+", handle):
            return (f"{handle!r} has {len(handle)} characters and an X handle at most {HANDLE_MOST}: write the X "
                    "account's handle as its profile shows it (x.com/<handle>), without the @")
        if not _HANDLE.match(handle):
            return (f"{handle!r} is not an X handle (letters, digits and _ only, at most {HANDLE_MOST}): write the X "
                    "account's handle as its profile shows it (x.com/<handle>), without the @")
        return None

    def written(self, handle: str) -> str:
        return f"@{handle}"

    def shown(self, handle: str) -> str:
        return self.written(handle)

    def profile(self, handle: str) -> tuple[str, str]:
        return handle, self.written(handle)

    def missing(self, account) -> str:
        return (f"the X account @{account.handle} posts for real but {', '.join(SECRET_NAMES)} are not set; set "
                "all four in the environment or in .env (see docs/networks.md, 'Posting to X'), or use publisher: outbox")

    def read_access(self, environ: Mapping[str, str]) -> XAccess | None:
        credentials = parse_credentials(environ)
        api_base = parse_api_base(environ.get(API_BASE_NAME))
        if credentials is None and api_base is None:
            return None
        return XAccess(credentials, api_base)

    def length(self, text: str, state_dir: Path | None = None) -> TextLength:
        return TextLength(weighted_length(text), MAX_WEIGHTED_LENGTH, "characters as X counts them")

    def fitter(self, compose: Callable[[str, bool], str], state_dir: Path | None = None) -> Callable[[str, bool], bool]:
        """X's counting (twitter-text) takes milliseconds a call, so a text whose weight is plainly under
        the limit is let through on an upper bound: every character at its weight from twitter-text's
        own table (code points taken singly, so emoji count at least as much as X counts them), plus
        the exact weight of what compose adds (footer, link, hashtags); one plainly over it on a lower
        bound (plain ASCII letters, spaces and punctuation count 1 each, and nothing else counts less
        than 0). A text with anything URL-like in it, or near the limit, is counted exactly.
        """
        # lazy: as in weighted_length
        from twitter_text.config import config

        table = config["defaults"]
        scale, default = table["scale"], table["default_weight"]
        ranges = [(r["start"], r["end"], r["weight"]) for r in table["ranges"]]
        overhead: dict[bool, int] = {}
        weights: dict[str, int] = {}

        def weight(ch: str) -> int:
            code = ord(ch)
            return next((w for start, end, w in ranges if start <= code <= end), default)

        def fits(text: str, sensitive: bool) -> bool:
            body = unicodedata.normalize("NFC", text.strip())
            if not _URL_LIKE.search(body):
                for ch in set(body).difference(weights):
                    weights[ch] = weight(ch)
                if sensitive not in overhead:
                    overhead[sensitive] = weighted_length(compose("A", sensitive)) - 1
                bound = sum(map(weights.__getitem__, body)) // scale + 1 + overhead[sensitive]
                if bound <= MAX_WEIGHTED_LENGTH:
                    return True
                ascii_only = body.encode("ascii", "ignore")  # what is not ASCII counts at least 0: left out
                plain = len(ascii_only) - sum(map(ascii_only.count, _NOT_PLAIN))  # counted in C, not a character at a time
                if plain + overhead[sensitive] - 1 > MAX_WEIGHTED_LENGTH:
                    return False
            return weighted_length(compose(text, sensitive)) <= MAX_WEIGHTED_LENGTH

        return fits

    def cost(self, post: Outgoing, prices: Mapping[str, float]) -> float:
        return post_cost(post, prices)

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        # lazy: tweepy and requests only when something is due on X, not on run-due's cron fast path
        from scheduler.networks.x.publisher import XPublisher

        access: XAccess = self.access(settings, account)
        assert access.credentials is not None  # unset() says so first
        return XPublisher(access.credentials, account.handle, api_base=access.api_base,
                          prices=settings.schedule.budget.prices, handle_cache=handles, zone=settings.schedule.zone)

    def was_unset(self, reason: str, account) -> bool:
        return reason.startswith(f"{API_BASE_NAME}: ") or super().was_unset(reason, account)

    def unset(self, settings, account) -> str | None:
        found = settings.access.get(self.key)
        if isinstance(found, XAccess) and found.credentials is None:  # only JUNO_X_API_BASE
            return self.missing(account)
        return super().unset(settings, account)

    def reader(self, settings, account, handles: HandleCache) -> Reader:
        # lazy: collect's reader stays off run-due's cron fast path, which loads this module
        from scheduler.networks.x.reading import XReader

        return XReader(self.publisher(settings, account, handles), settings.schedule.budget.prices["owned_read"])

    def check(self, report, settings, account) -> None:
        # lazy: as in publisher()
        from scheduler.networks.x.publisher import XPublisher

        access: XAccess | None = settings.access.get(self.key)
        if access is None or access.credentials is None:
            if account.publisher == self.key:
                report.add("credentials", False, f"not set: publisher x needs {', '.join(SECRET_NAMES)} in the "
                                                 "environment or .env", CONFIG_PROBLEM)
            else:
                report.add("credentials", True, f"not set (publisher {account.publisher} needs none)")
            return
        credentials = access.credentials
        shown = ", ".join(f"{name}={mask(value)}" for name, value in zip(SECRET_NAMES, (
            credentials.api_key, credentials.api_secret, credentials.access_token, credentials.access_token_secret)))
        report.add("credentials", True, shown)
        handle = account.handle
        where = f" (via {access.api_base})" if access.api_base else ""
        publisher = XPublisher(credentials, handle, api_base=access.api_base,
                               prices=settings.schedule.budget.prices, handle_cache=MemoryHandleCache())
        try:
            me = publisher.whoami()
        except PublishError as exc:
            report.add("handle", False, f"{checked(exc)}{where}", account_check_code(exc))
            return
        finally:
            publisher.close()
        if me.username.lower() != handle.lower():
            report.add("handle", False, f"the credentials belong to @{me.username}, not @{handle}; use @{handle}'s "
                                        "access token and secret or change account.handle in posts/schedule.yaml",
                       CONFIG_PROBLEM)
            return
        report.add("handle", True, f"the credentials belong to @{me.username} (user id {me.id}){where}")


NETWORK = X()
