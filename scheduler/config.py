"""Defaults, then posts/schedule.yaml, then the environment: one validation step into frozen settings.

Every mistake becomes one ConfigError naming the file, line and column and saying what to do.
The brand (assets/brand.yaml) is validated by scheduler.cards.brand, loaded only by the stages that draw.
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from scheduler import networks
from scheduler.accounts import Account, parse_list, parse_single
from scheduler.crontab import trigger_fields
from scheduler.errors import ConfigError, did_you_mean, redacted
from scheduler.fileio import bundled_hint, read_input
from scheduler.networks.base import mask
from scheduler.yamlio import (
    Document,
    expect_mapping,
    hashtag_list,
    load_document,
    reject_unknown_keys,
)

SCHEDULE_FILE = Path("posts") / "schedule.yaml"
BRAND_FILE = Path("assets") / "brand.yaml"
STATE_DIR = ".juno"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LINK_MODES = ("in-post", "none")
__all__ = ["Account", "mask"]  # (re-exported: where every stage finds them)

_DURATION = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$")
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Slot:
    """Either weekday times (days + times) or a cron expression."""

    days: tuple[str, ...] = ()
    times: tuple[time, ...] = ()
    cron: str | None = None


UTM_KEYS = ("source", "medium", "campaign", "term", "content")


@dataclass(frozen=True)
class LinkPolicy:
    """Where the campaign's link goes, and the UTM parameters it carries (`utm`: None for none).

    UTM parameters are on by default: utm_source is the network (x, bluesky, mastodon), utm_medium `social`,
    utm_campaign the campaign's slug; values given in posts/schedule.yaml replace those defaults."""

    mode: str = "in-post"
    utm: Mapping[str, str] | None = field(default_factory=dict)

    def utm_for(self, network: str, campaign: str) -> dict[str, str]:
        """The UTM parameters of a link in a post on `network` from `campaign` (empty when turned off)."""
        if self.utm is None:
            return {}
        return {"source": network, "medium": "social", "campaign": campaign, **self.utm}


SCORE_AGES = ("1h", "24h", "72h", "7d", "28d")  # the fixed ages collect reads (scheduler.metrics.ages)
POOR_TIPS = ("later", "never")
# A recycled post opens with a lead-in, one per time after the first: X refuses the same words twice (403), and a
# follower sees a repeat is meant; the same on every network, so one tip reads the same everywhere each time
# (four: most_times up to 5 needs none written out)
LEAD_INS = ("In case you missed it:", "Worth another read:", "From our archive:", "Still worth a look:")
MAX_LEAD_IN = 40


@dataclass(frozen=True)
class Recycling:
    """How tips come round again once recycle_after has passed: best first by their score at `score_at`.

    `cooldown`: the least time between two later rounds of one tip (None: recycle_after again);
    `most_times`: the most times one tip goes out, its first time included; `poor`: a tip whose score is below
    the account's usual waits twice as long (`later`) or never comes round (`never`); `lead_ins`: the words a
    recycled post opens with, the first for its 2nd time out, the next for its 3rd..., so no time repeats
    another's words (posttext.lead_in)."""

    cooldown: timedelta | None = None
    most_times: int = 3
    score_at: str = "72h"
    poor: str = "later"
    lead_ins: tuple[str, ...] = LEAD_INS


@dataclass(frozen=True)
class Spread:
    """`queue` gives new tips the free slots in an order that does not follow the campaign (a shuffle seeded by
    `seed`, the same every run), so no slot gets the article's first tips every time; off by default.
    `by: thompson` also picks each tip's coarse slot by Thompson sampling over the slot table (best times)."""

    seed: int | None = None
    by: Literal["shuffle", "thompson"] = "shuffle"

    @property
    def on(self) -> bool:
        return self.seed is not None


@dataclass(frozen=True)
class Budget:
    monthly_usd: float | None = None
    prices: Mapping[str, float] = field(default_factory=networks.default_prices)


@dataclass(frozen=True)
class Schedule:
    account: Account             # the first network's account if there is one, else the first
    timezone: str
    slots: tuple[Slot, ...]
    min_gap: timedelta
    max_per_day: int
    blackout: tuple[date, ...]
    jitter: timedelta
    catch_up: timedelta
    recycle_after: timedelta | None
    link: LinkPolicy
    hashtags: tuple[str, ...]
    budget: Budget
    crisis_footer: str | None
    accounts: tuple[Account, ...] = ()
    language: str = "en"
    collect_every: timedelta | None = timedelta(hours=1)  # the daemon's own collect timer; None: off
    recycle: Recycling = field(default_factory=Recycling)
    spread: Spread = field(default_factory=Spread)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def all_accounts(self) -> tuple[Account, ...]:
        """Every account the project posts for (the single `account:` or the `accounts:` list)."""
        return self.accounts or (self.account,)

    @property
    def account_keys(self) -> tuple[tuple[str, str], ...]:
        """The (network, handle) accounts the project posts for: whose database it is."""
        return tuple((a.network, a.handle) for a in self.all_accounts)

    def account_for(self, network: str) -> Account | None:
        return next((a for a in self.all_accounts if a.network == network), None)

    @property
    def card_handle(self) -> str | None:
        """The handle a card shows unless assets/brand.yaml names one: the account's when the project posts for
        one; None for several, as one card goes to every network and one network's handle is not another's (a
        follower on Mastodon read "@junocounseling", the X account): each post's alt text names its own."""
        return self.account.handle if len(self.all_accounts) == 1 else None


@dataclass(frozen=True)
class Settings:
    root: Path
    schedule: Schedule
    database_url: str
    access: Mapping[str, Any] = field(repr=False, default_factory=dict)  # network key -> its read_access()

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def cards_dir(self) -> Path:
        return self.state_dir / "cards"

    @property
    def outbox_dir(self) -> Path:
        return self.state_dir / "outbox"

    @property
    def posts_dir(self) -> Path:
        return self.root / "posts"

    @property
    def brand_path(self) -> Path:
        return self.root / BRAND_FILE


# --- loading -----------------------------------------------------------------------------------

def load_settings(root: Path | str = ".", env: Mapping[str, str] | None = None) -> Settings:
    root = Path(root).resolve()
    environ = read_environment(root, os.environ if env is None else env)
    copy = bundled_hint(SCHEDULE_FILE, root)
    doc = load_document(root / SCHEDULE_FILE, root=root,
                        missing_hint=(f"start from the bundled one and set your handle in it: {copy}; " if copy else
                                      "create it (see docs/configuration.md, 'Configuration'); ")
                        + "or pass --root to the project folder")
    schedule = parse_schedule(doc)
    return Settings(
        root=root,
        schedule=schedule,
        database_url=parse_database_url(environ.get("JUNO_DATABASE_URL"), root),
        access=networks.read_access(environ),
    )


def read_environment(root: Path, env: Mapping[str, str]) -> dict[str, str]:
    """The environment, with a git-ignored .env file underneath it (the environment wins)."""
    merged: dict[str, str] = {}
    dotenv = root / ".env"
    if dotenv.exists():
        # lazy: python-dotenv only with a .env file: run-due's cron fast path loads only the standard library
        from dotenv import dotenv_values

        raw = read_input(dotenv, ".env", error=ConfigError, what=".env file")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:  # never quote it: it holds secrets
            line = raw[: exc.start].count(b"\n") + 1
            raise ConfigError(f".env:{line}: not UTF-8 text; save it as UTF-8 lines NAME=value") from None
        from dotenv.parser import parse_stream  # lazy: as dotenv_values above

        for binding in parse_stream(io.StringIO(text)):  # python-dotenv only logs a line it cannot read
            if binding.error:  # never quote it: it may hold a secret
                where = binding.original.line + len(binding.original.string) - len(binding.original.string.lstrip("\n"))
                raise ConfigError(f".env:{where}: not a setting; write NAME=value, quoting a value "
                                  "with spaces or # in it (\"...\"), or start the line with # for a comment")
        merged.update({k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None})
    names = set(networks.env_names())
    merged.update({k: v for k, v in env.items() if k.startswith("JUNO_") or k in names})
    return merged


def redact_secrets(text: str, root: Path, env: Mapping[str, str]) -> str:
    """`text` with every configured secret (from the environment or .env) replaced by ***."""
    try:
        merged = read_environment(root, env)
    except Exception:  # noqa: BLE001 - a .env we cannot read: the environment alone still counts
        merged = dict(env)
    for name in networks.secret_names():
        secret = (merged.get(name) or "").strip()
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    # the addresses (the database's, the networks'): a password in one, or a piece of it a driver quoted
    return redacted(text, *(merged.get(name) for name in ("JUNO_DATABASE_URL", *networks.env_names())))


def parse_database_url(url: str | None, root: Path) -> str:
    if not url:
        return f"sqlite:///{root / STATE_DIR / 'juno.db'}"
    url = url.strip()
    scheme = database_kind(url)
    if scheme == "sqlite":
        if not url.startswith("sqlite:///") or len(url) <= len("sqlite:///"):
            raise ConfigError(f"JUNO_DATABASE_URL: {redacted(url)!s} is not a SQLite URL; "
                              "write sqlite:///relative/path.db or sqlite:////absolute/path.db")
        file = url[len("sqlite:///"):]
        if file == ":memory:" or "?" in file or file.startswith("file:"):
            raise ConfigError(f"JUNO_DATABASE_URL: {redacted(url)} keeps nothing on disk (or has options); "
                              "the queue must outlive the command: name a file, e.g. sqlite:///.juno/juno.db")
        if not file.startswith("/"):  # relative to the project folder, not to wherever cron runs it
            return f"sqlite:///{(root / file).resolve()}"
        return url
    if scheme == "postgresql":
        if _cut_password(url):
            raise ConfigError(f"JUNO_DATABASE_URL: {redacted(url)}: the password holds @ or #, which cut the address "
                              "short; write them percent-encoded (@ as %40, # as %23)")
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError as exc:
            raise ConfigError(f"JUNO_DATABASE_URL: {redacted(url)} is not a valid PostgreSQL URL "
                              f"({redacted(str(exc), url)}); "
                              "write postgresql://user@host:5432/dbname") from None
        if not parts.hostname and "host=" not in parts.query:
            raise ConfigError(f"JUNO_DATABASE_URL: {redacted(url)} names no host; "
                              "write postgresql://user@host:5432/dbname")
        return url
    raise ConfigError(f"JUNO_DATABASE_URL: unknown database {redacted(url.split(':', 1)[0] if '://' in url else url)!r}; "
                      "use sqlite:///path.db or postgresql://user@host/dbname")


def _cut_password(url: str) -> bool:
    """A URL's password holds an @ or a # as written (libpq then takes part of it for the host, urllib for a fragment)."""
    userinfo = url.partition("://")[2].rpartition("@")[0]
    password = userinfo.partition(":")[2]
    return "#" in password or ("@" in password and "?" not in userinfo)  # an @ after a ? may be the query's


def database_kind(url: str) -> str | None:
    """"sqlite" or "postgresql" (postgres:// too), from the URL's scheme; None for anything else."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return {"sqlite": "sqlite", "postgresql": "postgresql", "postgres": "postgresql"}.get(scheme)


# --- schedule.yaml -----------------------------------------------------------------------------

_TOP_KEYS = ("account", "accounts", "language", "timezone", "slots", "min_gap", "max_per_day", "blackout", "jitter", "catch_up",
             "recycle_after", "recycle", "spread", "link", "hashtags", "budget", "crisis_footer", "collect_every")


def parse_schedule(doc: Document) -> Schedule:
    data = doc.data
    if data is None:
        raise doc.error((), "the file is empty; see docs/configuration.md, 'Configuration', for a complete example")
    if not isinstance(data, dict):
        raise doc.error((), f"expected a mapping of settings (account:, timezone:, slots: ...), "
                            f"found {doc.found((), data)}")
    reject_unknown_keys(doc, (), data, _TOP_KEYS)
    if "account" in data and "accounts" in data:
        raise doc.error(("accounts",), "give either account: (X alone) or accounts: (a list, one per network), "
                                       "not both; move the X account into accounts:", key=True)
    if "account" not in data and "accounts" not in data:
        raise doc.error((), "'account' is missing; add it, or accounts: for several networks "
                            "(see docs/configuration.md, 'Configuration')")
    for required in ("timezone", "slots"):
        if required not in data:
            raise doc.error((), f"'{required}' is missing; add it (see docs/configuration.md, 'Configuration')")
    accounts = (parse_single(doc, data["account"]),) if "account" in data else parse_list(doc, data["accounts"])

    return Schedule(
        account=next((a for a in accounts if a.network == networks.first()), accounts[0]),
        accounts=accounts,
        language=_language(doc, data.get("language", "en")),
        timezone=_timezone(doc, data["timezone"]),
        slots=_slots(doc, data["slots"]),
        min_gap=_duration(doc, ("min_gap",), data.get("min_gap", "0m")),
        max_per_day=_positive_int(doc, ("max_per_day",), data.get("max_per_day", 2)),
        blackout=_blackout(doc, data.get("blackout") or []),
        jitter=_duration(doc, ("jitter",), data.get("jitter", "0m")),
        catch_up=_duration(doc, ("catch_up",), data.get("catch_up", "2h")),
        recycle_after=(None if data.get("recycle_after") is None
                       else _duration(doc, ("recycle_after",), data["recycle_after"], positive=True)),
        link=_link(doc, data.get("link", {"mode": "in-post"})),
        hashtags=hashtag_list(doc, ("hashtags",), data.get("hashtags") or []),
        budget=_budget(doc, data.get("budget") or {}),
        crisis_footer=_optional_text(doc, ("crisis_footer",), data.get("crisis_footer")),
        collect_every=_collect_every(doc, data.get("collect_every", "1h")),
        recycle=_recycle(doc, data.get("recycle") or {}),
        spread=_spread(doc, data.get("spread")),
    )


def _collect_every(doc: Document, value: Any) -> timedelta | None:
    """How often the daemon collects (`off`: never; cron's `collect` is unaffected)."""
    if isinstance(value, str) and value.strip().lower() == "off" or value is False:
        return None
    if isinstance(value, (str, int)) and not isinstance(value, bool) and parse_duration(str(value)) == timedelta(0):
        raise doc.error(("collect_every",), "must be longer than zero; write off to turn the daemon's collecting off")
    return _duration(doc, ("collect_every",), value, positive=True)


def _language(doc: Document, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value.strip()):
        raise doc.error(("language",), f"{doc.shown(('language',), value)} is not a language code; write e.g. en or es")
    return value.strip()


_NOT_PLACES = {"localtime": "the machine's own zone, which changes with the machine",
               "factory": "a placeholder for 'no zone set', not a place",
               "posixrules": "a file of default rules, not a place"}


def _timezone(doc: Document, value: Any) -> str:
    at = ("timezone",)
    if not isinstance(value, str) or not value.strip():
        raise doc.error(at, "give an IANA time zone, e.g. America/New_York")
    name = value.strip()
    if name.lower() in _NOT_PLACES or name.lower().startswith(("posix/", "right/")):
        why = _NOT_PLACES.get(name.lower(), "a copy of the zone files, not a zone name")
        raise doc.error(at, f"{value!r} is {why}; give the practice's own IANA zone, e.g. America/New_York")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        places = {zone for zone in available_timezones()
                  if zone.lower() not in _NOT_PLACES and not zone.lower().startswith(("posix/", "right/"))}
        raise doc.error(at, f"unknown time zone {value!r} (use an IANA name such as America/New_York)"
                            f"{did_you_mean(value, places)}") from None
    return name


# Of the places whose clocks read a fixed zone's abbreviation in winter (with summer time, and all year), the one
# to name (the zone data does not rank places; the candidates come from it, and any other is named when these are not).
_LIKELY_PLACE = {"EST": "America/New_York", "MST": "America/Denver", "HST": "America/Adak"}
_LIKELY_YEAR_ROUND = {"EST": "America/Panama", "MST": "America/Phoenix", "HST": "Pacific/Honolulu"}


def fixed_zone_advice(name: str) -> str | None:
    """What to say of `timezone:` when it is a fixed offset named like a zone's abbreviation (EST: UTC-05:00 all
    year, never EDT), which posts an hour off for half the year in a place with summer time (newcomer trial,
    finding 4): a place's zone whose clocks read it in winter and keep summer time, and one whose clocks read it
    all year, from the zone data. None for a place's zone, UTC, or a fixed zone no place with summer time shares."""
    if "/" in name or name.upper() in ("UTC", "UCT", "ZULU", "UNIVERSAL", "GREENWICH") or name.upper().startswith("GMT"):
        return None
    winter, summer = _offsets(name)
    if winter != summer:
        return None
    shown = datetime(2026, 1, 15, 12, tzinfo=ZoneInfo(name)).tzname() or name
    summer_places: list[str] = []
    year_round: list[str] = []
    for place in sorted(available_timezones()):
        if "/" not in place or place.startswith(("Etc/", "posix/", "right/", "SystemV/")):
            continue
        january = datetime(2026, 1, 15, 12, tzinfo=ZoneInfo(place))
        if january.tzname() == shown:
            (year_round if _offsets(place)[0] == _offsets(place)[1] else summer_places).append(place)
    if not summer_places:
        return None
    first = _LIKELY_PLACE.get(name.upper())
    place = first if first in summer_places else summer_places[0]
    likely = _LIKELY_YEAR_ROUND.get(name.upper())
    steady = likely if likely in year_round else (year_round[0] if year_round else None)
    offset = datetime(2026, 1, 15, 12, tzinfo=ZoneInfo(name)).strftime("%z")
    return (f"timezone: {name} is a fixed offset (UTC{offset[:3]}:{offset[3:]} all year, no summer time): where the "
            f"clocks change, slots are an hour off half the year; give the place's zone, e.g. {place} ({shown} in "
            "winter, summer time in summer)" + (f", or {steady} where the clocks never change" if steady else ""))


def _offsets(zone_name: str) -> tuple:
    zone = ZoneInfo(zone_name)
    return (datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset(), datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset())


def _slots(doc: Document, value: Any) -> tuple[Slot, ...]:
    if not isinstance(value, list) or not value:
        raise doc.error(("slots",), "give a list of slots, e.g. - days: [mon, wed]  times: [\"09:00\"]"
                                    " or - cron: \"0 12 * * sat\"")
    return tuple(_slot(doc, ("slots", index), item) for index, item in enumerate(value))


def _slot(doc: Document, at: tuple, value: Any) -> Slot:
    value = expect_mapping(doc, at, value, "a slot with days: and times:, or cron:")
    reject_unknown_keys(doc, at, value, ("days", "times", "cron"))
    if "cron" in value:
        if "days" in value or "times" in value:
            raise doc.error(at, "a slot has either cron: or days: and times:, not both; split it in two")
        return Slot(cron=_cron(doc, at + ("cron",), value["cron"]))
    if "days" not in value or "times" not in value:
        raise doc.error(at, "a weekday slot needs both days: and times:")
    days = value["days"]
    if isinstance(days, str):
        days = [days]
    if not isinstance(days, list) or not days:
        raise doc.error(at + ("days",), "give a list of weekdays, e.g. [mon, wed, fri]")
    parsed_days = []
    for index, day in enumerate(days):
        name = day.strip().lower() if isinstance(day, str) else ""
        name = name[:3] if name in _FULL_WEEKDAYS else name
        if name not in WEEKDAYS:
            raise doc.error(at + ("days", index), f"{doc.shown(at + ('days', index), day)} is not a weekday (use {', '.join(WEEKDAYS)})"
                                                  f"{did_you_mean(str(day), WEEKDAYS)}")
        parsed_days.append(name)
    times = value["times"]
    if not isinstance(times, list):
        times = [times]
    if not times:
        raise doc.error(at + ("times",), 'give at least one time, e.g. ["09:00"]')
    parsed_times = tuple(_clock_time(doc, at + ("times", index), t) for index, t in enumerate(times))
    return Slot(days=tuple(dict.fromkeys(parsed_days)), times=parsed_times)


def _clock_time(doc: Document, at: tuple, value: Any) -> time:
    raw = doc.raw.get(at, value)
    text = str(raw).strip() if not isinstance(raw, bool) else ""
    match = _HHMM.match(text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise doc.error(at, f"{text or value!r} is not a time of day; write \"HH:MM\" from \"00:00\" to \"23:59\"")
    return time(int(match.group(1)), int(match.group(2)))


def _cron(doc: Document, at: tuple, value: Any) -> str:
    if not isinstance(value, str) or len(value.split()) != 5:
        raise doc.error(at, f"{value!r} is not a cron expression; write five fields: "
                            "minute hour day month weekday, e.g. \"0 12 * * sat\"")
    # lazy: APScheduler stays out of run-due's cron fast path, which loads this module
    from apscheduler.triggers.cron import CronTrigger

    try:
        for fields in trigger_fields(value):
            CronTrigger(**fields, timezone="UTC")
    except ValueError as exc:
        raise doc.error(at, f"{value!r} is not a crontab(5) line: {exc}; "
                            "write minute hour day month weekday, e.g. \"0 12 * * sat\"") from None
    return value.strip()


def parse_duration(text: str) -> timedelta | None:
    match = _DURATION.match(text) if text.strip() else None
    if not match:
        return None
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    try:
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    except OverflowError:
        return timedelta.max


# The longest each duration may be: beyond these a value is a slip (and jitter beyond an hour moved
# posts to the small hours: a post keeps to within an hour of its slot).
MAX_DURATION = {"min_gap": timedelta(days=31), "jitter": timedelta(hours=1), "catch_up": timedelta(days=366),
                "recycle_after": timedelta(days=3660), "collect_every": timedelta(days=1), "cooldown": timedelta(days=3660)}
# The shortest: a tip back within days of its first time reads as a repeat (and `1m` is a minute, not a month).
MIN_DURATION = {"recycle_after": timedelta(days=7)}
# The example a value without its unit is shown, where minutes or hours would be the wrong scale.
UNIT_EXAMPLE = {"recycle_after": "90d"}


def _duration(doc: Document, at: tuple, value: Any, *, positive: bool = False) -> timedelta:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise doc.error(at, f"expected a duration such as 3h, 10m or 90d, found {doc.found(at, value)}")
    if isinstance(value, int):
        if value == 0 and not positive:
            return timedelta(0)
        example = UNIT_EXAMPLE.get(at[-1], f"{value}m or {value}h")
        raise doc.error(at, f"{value} has no unit; write it with one, e.g. {example}")
    parsed = parse_duration(value)
    if parsed is None:
        raise doc.error(at, f"{value!r} is not a duration; write e.g. 3h, 10m, 90d or 2h30m")
    if positive and parsed <= timedelta(0):
        raise doc.error(at, "must be longer than zero; remove the line to turn it off")
    shortest = MIN_DURATION.get(at[-1])
    if shortest is not None and parsed < shortest:
        raise doc.error(at, f"{value.strip()} is shorter than {at[-1]} may be ({_say(shortest)}): m is minutes, d days; "
                        f"give e.g. {UNIT_EXAMPLE.get(at[-1], _say(shortest))}")
    longest = MAX_DURATION.get(at[-1])
    if longest is not None and parsed > longest:
        raise doc.error(at, f"{value.strip()} is longer than {at[-1]} may be ({_say(longest)}); give a shorter one")
    return parsed


def _say(duration: timedelta) -> str:
    if duration.days and not duration.seconds:
        return f"{duration.days}d"
    return f"{int(duration.total_seconds() // 3600)}h" if duration.seconds % 3600 == 0 else str(duration)


def _positive_int(doc: Document, at: tuple, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise doc.error(at, f"expected a whole number of at least 1, found {doc.found(at, value)}")
    return value


def _blackout(doc: Document, value: Any) -> tuple[date, ...]:
    if not isinstance(value, list):
        value = [value]
    days = []
    for index, item in enumerate(value):
        at = ("blackout", index)
        if isinstance(item, datetime):
            item = item.date()
        if isinstance(item, date):
            days.append(item)
            continue
        raw = str(doc.raw.get(at, item))
        try:
            days.append(date.fromisoformat(raw))
        except ValueError:
            raise doc.error(at, f"{raw!r} is not a date; write YYYY-MM-DD, e.g. 2026-12-25") from None
    return tuple(sorted(set(days)))


def _link(doc: Document, value: Any) -> LinkPolicy:
    at = ("link",)
    if value is None:
        return LinkPolicy(mode="none")
    value = expect_mapping(doc, at, value, "a mapping such as {mode: in-post, utm: {source: x}}")
    reject_unknown_keys(doc, at, value, ("mode", "utm"))
    mode = value.get("mode", "in-post")
    if mode not in LINK_MODES:
        raise doc.error(at + ("mode",), f"unknown link mode {doc.shown(at + ('mode',), mode)} (use one of: {', '.join(LINK_MODES)})"
                                        f"{did_you_mean(str(mode), LINK_MODES)}")
    utm = value.get("utm", {})
    if utm is False or (isinstance(utm, str) and utm.strip().lower() in ("off", "none", "false", "no")):
        return LinkPolicy(mode=mode, utm=None)  # links without UTM parameters
    utm = expect_mapping(doc, at + ("utm",), utm or {}, "off, or a mapping such as {medium: social, campaign: spring}")
    reject_unknown_keys(doc, at + ("utm",), utm, UTM_KEYS)
    for key, item in utm.items():
        if not isinstance(item, (str, int)) or isinstance(item, bool) or not str(item).strip():
            raise doc.error(at + ("utm", key), "expected a short word, e.g. social")
    return LinkPolicy(mode=mode, utm={k: str(v) for k, v in utm.items()})


def _recycle(doc: Document, value: Any) -> Recycling:
    at = ("recycle",)
    value = expect_mapping(doc, at, value, "a mapping such as {cooldown: 180d, most_times: 3, score_at: 72h, poor: later}")
    reject_unknown_keys(doc, at, value, ("cooldown", "most_times", "score_at", "poor", "lead_ins"))
    score_at = str(value.get("score_at", "72h")).strip()
    if score_at not in SCORE_AGES:
        raise doc.error(at + ("score_at",), f"{score_at!r} is not an age collect reads (use one of: "
                                            f"{', '.join(SCORE_AGES)}){did_you_mean(score_at, SCORE_AGES)}")
    poor = value.get("poor", "later")
    if poor not in POOR_TIPS:
        raise doc.error(at + ("poor",), f"{doc.shown(at + ('poor',), poor)}: a poor tip comes round later or never (use one of: "
                                        f"{', '.join(POOR_TIPS)}){did_you_mean(str(poor), POOR_TIPS)}")
    cooldown = value.get("cooldown")
    most_times = _positive_int(doc, at + ("most_times",), value.get("most_times", 3))
    return Recycling(
        cooldown=None if cooldown is None else _duration(doc, at + ("cooldown",), cooldown, positive=True),
        most_times=most_times, score_at=score_at, poor=poor,
        lead_ins=_lead_ins(doc, at + ("lead_ins",), value.get("lead_ins", list(LEAD_INS)), most_times))


def _lead_ins(doc: Document, at: tuple, value: Any, most_times: int) -> tuple[str, ...]:
    """One short, distinct lead-in per time out after the first (most_times - 1 of them at least)."""
    example = f"a list such as {list(LEAD_INS)}"
    if not isinstance(value, list):
        raise doc.error(at, f"expected {example}")
    found: list[str] = []
    for n, item in enumerate(value):
        words = " ".join(item.split()) if isinstance(item, str) else ""
        if not words or len(words) > MAX_LEAD_IN:
            raise doc.error(at + (n,), f"expected a few words ({MAX_LEAD_IN} characters at most) that a recycled "
                                       f"post opens with, e.g. {LEAD_INS[0]!r}")
        if words.casefold() in (w.casefold() for w in found):
            raise doc.error(at + (n,), f"{words!r} is given twice: each time out needs its own words, or X "
                                       "refuses the repeat as a duplicate")
        found.append(words)
    if len(found) < most_times - 1:
        raise doc.error(at, f"{len(found)} lead-in(s) for most_times: {most_times}; a tip out {most_times} times "
                            f"needs {most_times - 1}, one for each time after the first (X refuses the same words "
                            "twice): add lead-ins or lower most_times")
    return tuple(found)


def _spread(doc: Document, value: Any) -> Spread:
    at = ("spread",)
    if value is None or value is False or (isinstance(value, str) and value.strip().lower() in ("off", "none")):
        return Spread()
    value = expect_mapping(doc, at, value, "off, or a mapping such as {seed: 7}")
    reject_unknown_keys(doc, at, value, ("seed", "by"))
    seed = value.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise doc.error(at + ("seed",), f"expected a whole number such as 7, found {doc.found(at + ('seed',), seed)}")
    by = value.get("by", "shuffle")
    if by not in ("shuffle", "thompson"):
        raise doc.error(at + ("by",), f"expected shuffle or thompson, found {doc.shown(at + ('by',), by)}")
    return Spread(seed=seed, by=by)


def _budget(doc: Document, value: Any) -> Budget:
    at = ("budget",)
    value = expect_mapping(doc, at, value, "a mapping such as {monthly_usd: 10}")
    reject_unknown_keys(doc, at, value, ("monthly_usd", "prices"))
    monthly = value.get("monthly_usd")
    if monthly is not None and (isinstance(monthly, bool) or not isinstance(monthly, (int, float))
                                or not math.isfinite(monthly) or monthly < 0):
        raise doc.error(at + ("monthly_usd",), f"expected an amount in US dollars such as 10, found {doc.found(at + ('monthly_usd',), monthly)}")
    prices = networks.default_prices()
    given = expect_mapping(doc, at + ("prices",), value.get("prices") or {}, "a mapping of prices in US dollars")
    reject_unknown_keys(doc, at + ("prices",), given, tuple(prices))
    for key, price in given.items():
        if isinstance(price, bool) or not isinstance(price, (int, float)) or not math.isfinite(price) or price < 0:
            raise doc.error(at + ("prices", key), f"expected a price in US dollars such as 0.015, found {doc.found(at + ('prices', key), price)}")
        prices[key] = float(price)
    return Budget(monthly_usd=None if monthly is None else float(monthly), prices=prices)


def month_bounds(now: datetime, zone) -> tuple[datetime, datetime]:
    """The budget's month: the start of this month and of the next, in the practice's zone."""
    local = now.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.astimezone(UTC), following.astimezone(UTC)


def _optional_text(doc: Document, at: tuple, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise doc.error(at, f"expected text, found {doc.found(at, value)}")
    return value.strip() or None
