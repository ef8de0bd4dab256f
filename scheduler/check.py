"""`check`: is everything in place to post? Configuration, brand and fonts, the campaign files, and for each account its
network's own check: the credentials, and whose they are; the database opened as run-due opens it, and the folders
run-due writes in. Posts nothing, writes nothing (what opening the database made is rolled back); secrets are
shown masked.

Exit codes: 0 all good (a `warn` line: what queue warns of, an approved tip too long for some of the networks, which
goes out on the others); 2 a configuration problem (brand, fonts, credentials missing, refused by the network or
belonging to another handle, an approved tip too long for every network or pinned on a blackout date);
1 a network or the database server gave no usable answer (unreachable, no answer, 5xx), or the database file cannot be
written or is damaged: try again later, or fix it as the line says.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from scheduler import networks
from scheduler.campaigns.file import not_marked_ready, read_campaigns, tip_place
from scheduler.campaigns.placing import latest_by_network, tip_key
from scheduler.campaigns.recycling import words_for_round
from scheduler.campaigns.refusals import blackout_pin, shorten_for
from scheduler.campaigns.timetable import Timetable, skipped_time
from scheduler.cards.brand import load_brand
from scheduler.config import database_kind, fixed_zone_advice
from scheduler.errors import ConfigError, StoreError, redacted
from scheduler.fileio import CLONE
from scheduler.networks.base import (
    ACCOUNT_PROBLEM,
    CONFIG_PROBLEM,
    OK,
    AccessProblem,
    Check,
    CheckReport,
)
from scheduler.posttext import compose_tip, lead_in
from scheduler.results import counted, ordinal, some_of
from scheduler.runner.wanted import awaiting_line, awaiting_queue
from scheduler.store import open_project_store, open_store
from scheduler.store.records import SKIPPED_BY_CAMPAIGN
from scheduler.store.sqlite import sqlite_path
from scheduler.yamlio import display_path

__all__ = ["ACCOUNT_PROBLEM", "CONFIG_PROBLEM", "OK", "Check", "CheckReport", "run_check"]


def run_check(settings, now: datetime, *, brand: bool = True, network: str | None = None) -> CheckReport:
    """Check the configuration, the approved tips and every account (or only `network`'s); `now`: pins before it
    are past (queue gives them the next free slot)."""
    report = CheckReport()
    schedule = settings.schedule
    accounts = [a for a in schedule.all_accounts if network in (None, a.network)]
    if not accounts:
        report.add("configuration", False, f"posts/schedule.yaml has no {network} account", CONFIG_PROBLEM)
        return report
    shown = "; ".join(f"{networks.shown(a.network, a.handle)}, publisher {a.publisher}" for a in accounts)
    report.add("configuration", True, f"posts/schedule.yaml: {shown}, {schedule.timezone}, "
                                      f"{len(schedule.slots)} slot rule(s)")
    fixed = fixed_zone_advice(schedule.timezone)
    if fixed is not None:
        report.add_warning("timezone", f"posts/schedule.yaml: {fixed}")
    if brand:
        _check_brand(report, settings)
    _check_campaigns(report, settings, now, {a.network for a in accounts})
    _check_database(report, settings, now)
    _check_folders(report, settings)
    if schedule.recycle_after is not None:
        times = [f"{lead_in(schedule, n)!r} its {ordinal(n)} time out" for n in range(2, schedule.recycle.most_times + 1)]
        if times:
            report.add_note("recycling", f"a recycled post opens with a lead-in: {', '.join(times)} (recycle.lead_ins, "
                                         "on every network), so X does not refuse the same words again")
    for account in accounts:
        if networks.get(account.publisher).rehearsal:  # posts to the outbox: needs no secrets, contacts no network
            name = "credentials" if account.network == networks.first() else f"{account.network} credentials"
            report.add(name, True, f"publisher {account.publisher}: not checked against "
                                   f"{networks.get(account.network).name} (it needs no secrets)")
            continue
        problem = settings.access.get(account.network)
        if isinstance(problem, AccessProblem):  # posting there stops until it is fixed; check says how
            report.add(f"{account.network} credentials", False, problem.message, CONFIG_PROBLEM)
            continue
        networks.get(account.network).check(report, settings, account)
    return report


def _check_brand(report: CheckReport, settings) -> None:
    try:
        brand = load_brand(settings.root, settings.schedule.card_handle)
    except ConfigError as exc:
        report.add("brand", False, str(exc), CONFIG_PROBLEM)
        return
    fonts = sorted({p.name for p in (brand.headline_font, brand.small_font, brand.kicker_font, *brand.fallback)})
    report.add("brand", True, f"assets/brand.yaml: fonts {', '.join(fonts)}"
                              + (f", logo {brand.logo.name}" if brand.logo else ""))
    if brand.logo is not None and _bundled_logo(brand.logo) and not any(
            BUNDLED_HANDLE in account.handle.lower() for account in settings.schedule.all_accounts):
        shown = brand.logo.relative_to(settings.root) if brand.logo.is_relative_to(settings.root) else brand.logo
        report.add_note("logo", f"{shown} is the bundled Juno Counseling logo, drawn on every card: put your "
                                "practice's logo there, or delete logo: from assets/brand.yaml for none (docs/cards.md)")


BUNDLED_HANDLE = "junocounseling"  # the bundled project's practice, whose logo is assets/logo.png in the clone
BUNDLED_LOGO = CLONE / "assets" / "logo.png"


def _bundled_logo(logo: Path) -> bool:
    """The card's logo is the clone's own, copied with assets/ into a practice's folder (user trial 6: its cards bore
    Juno's "J" and `check` said "ok")."""
    try:
        return BUNDLED_LOGO.is_file() and logo.stat().st_size == BUNDLED_LOGO.stat().st_size \
            and logo.read_bytes() == BUNDLED_LOGO.read_bytes()
    except OSError:
        return False


def _check_campaigns(report: CheckReport, settings, now: datetime, on: set[str]) -> None:
    """Every campaign file reads: one that does not holds its posts back (they wait), so check names each. Then
    each approved tip: what `queue` would refuse or leave out (too long for a network in `on`, pinned on a
    blackout date), and a pinned time the clocks skip (it posts later)."""
    files = read_campaigns(settings.root)
    timetable = Timetable(settings.schedule)
    for campaign in files.read:
        for tip in campaign.tips:
            if tip.status == "approved":
                _check_tip(report, settings, timetable, campaign, tip, now, on)
    unready = [(campaign.slug, tip.id) for campaign in files.read for tip in campaign.tips
               if tip.status == "approved" and not_marked_ready(tip)]
    if unready:  # as queue would say them: those not in the queue yet (user trial: named at every check, posted too)
        queued = _in_queue(settings, [tip_key(slug, tip) for slug, tip in unready])
        unready = [(slug, tip) for slug, tip in unready if tip_key(slug, tip) not in queued]
    if unready:
        report.add_note("tips", unready_note(unready))
    for line in _awaiting_queue(settings, files.read):
        report.add_warning("queue", line)
    for broken in files.unreadable:
        report.add("campaign", False, f"{broken.error}; its posts wait until it reads", CONFIG_PROBLEM)
    if files.read and not files.unreadable:
        tips = sum(len(campaign.tips) for campaign in files.read)
        report.add("campaigns", True, f"posts/: {counted(len(files.read), 'campaign file')}, {counted(tips, 'tip')}")


class _LookedOnly(Exception):
    """Leaves the store check opened as run-due does: whatever opening made or recorded is rolled back."""


def _check_database(report: CheckReport, settings, now: datetime) -> None:
    """The database opens as run-due opens it: for writing, its schema read (migrated if need be, then rolled
    back), the project's accounts bound. An on-call report: a read-only or damaged file, or PostgreSQL on a wrong
    port, passed check while run-due failed every run. A SQLite file not made yet: its folder must take it."""
    url = settings.database_url
    shown = redacted(url)
    if database_kind(url) == "sqlite" and not sqlite_path(url).exists():
        problem = _unwritable(sqlite_path(url).parent, settings.root)
        if problem is None:
            report.add("database", True, f"{shown}: not made yet; `queue` makes it")
        else:
            report.add("database", False, f"{shown}: {problem}", CONFIG_PROBLEM)
        return
    try:
        with open_project_store(settings, now, held=True):
            raise _LookedOnly
    except _LookedOnly:
        report.add("database", True, f"{shown}: opens for writing, as run-due opens it")
    except StoreError as exc:
        report.add("database", False, str(exc), exc.exit_code)


def _check_folders(report: CheckReport, settings) -> None:
    """The folders run-due writes in: .juno/ (its notes, the cards) and .juno/outbox/ when an account posts there."""
    folders = [settings.state_dir, settings.cards_dir]
    if any(account.publisher == "outbox" for account in settings.schedule.all_accounts):
        folders.append(settings.outbox_dir)
    for folder in folders:
        if (problem := _unwritable(folder, settings.root)) is not None:  # the first: .juno/'s is the others' too
            report.add("folders", False, problem, CONFIG_PROBLEM)
            return
    report.add("folders", True, ", ".join(f"{display_path(f, settings.root)}/" for f in folders) + ": writable")


def _unwritable(folder: Path, root: Path) -> str | None:
    """Why run-due could not write a file in `folder` (made when missing, as run-due makes it), or None. Tried by
    writing and deleting a file: a mode, an immutable folder or a read-only disk all say no, even to root."""
    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    shown = display_path(existing, root)
    if not existing.is_dir():
        return f"{shown} is not a folder, and run-due writes in {display_path(folder, root)}/; move it away"
    try:
        with tempfile.TemporaryFile(dir=existing, prefix=".juno-check-"):
            pass
    except OSError as exc:
        needed = "run-due writes there" if existing == folder else f"run-due makes {display_path(folder, root)}/ in it"
        return f"{shown}/ cannot be written ({exc.strerror or type(exc).__name__}): {needed}; let this user write there"
    return None


def _in_queue(settings, keys: list[str]) -> set[str]:
    """The tip keys among `keys` that queue has put in: queued or gone out, not withdrawn. The database is only read;
    with none yet (no file is made), or one that cannot be read (PostgreSQL down, another project's), none: check
    goes on."""
    url = settings.database_url
    if database_kind(url) == "sqlite" and not sqlite_path(url).is_file():
        return set()
    found = _only_read(settings, lambda store: {key for (key, _network), post in latest_by_network(store, keys).items()
                                                if post.skip_reason != SKIPPED_BY_CAMPAIGN})
    return set() if found is None else found


class _Read(Exception):
    """Carries what a look at the store found out of it, so that whatever opening made is rolled back."""

    def __init__(self, found):
        super().__init__()
        self.found = found


def _only_read(settings, look):
    """What `look(store)` finds in the project's database, leaving it as it was (a PostgreSQL schema not made yet
    stays unmade: check writes nothing), or None when it cannot be read."""
    try:
        with open_store(settings.database_url, settings.schedule.account_keys, read_only=True, held=True) as store:
            raise _Read(look(store))
    except _Read as read:
        return read.found
    except (StoreError, sqlite3.Error, OSError):
        return None


def _awaiting_queue(settings, campaigns) -> list[str]:
    """A line for each withdrawn post whose tip is approved now: it stays out until a person runs `queue`. Read as
    _in_queue reads (no database, or one that cannot be read: none)."""
    url = settings.database_url
    if not campaigns or (database_kind(url) == "sqlite" and not sqlite_path(url).is_file()):
        return []
    lines = _only_read(settings, lambda store: [awaiting_line(post.id, post.last_error)
                                                for post in awaiting_queue(store, campaigns)])
    return lines or []


def unready_note(tips: list[tuple[str, str]]) -> str:
    """One line naming the approved tips split did not mark ready (campaign, tip id), in `approve`'s words: a person
    may have approved them on purpose, so a note, said once per check (issue 19, item 2: `approve` warned once, and
    17 such tips were queued without another word)."""
    files = sorted({f"posts/{slug}.yaml" for slug, _ in tips})
    named = some_of([f"{s}/{t}" for s, t in tips], "`ready: false` in the file")
    return (f"{counted(len(tips), 'approved tip')} not marked ready: {named}; read "
            f"them and their notes in `juno-scheduler studio` or {' or '.join(files)} (approved on purpose: nothing "
            "to do)")


def _check_tip(report: CheckReport, settings, timetable: Timetable, campaign, tip, now: datetime, on: set[str]
               ) -> None:
    schedule = settings.schedule
    composed = compose_tip(schedule, campaign, tip, state_dir=settings.state_dir)
    # as queue decides: too long for every account's network, it refuses (FAIL, exit 2); for some, it queues the tip
    # on the others with a warning (warn, exit 0)
    fitting = [a.network for a in schedule.all_accounts if composed.lengths[a.network].fits]
    for name, length in composed.lengths.items():
        if name in on and not length.fits:
            said = (f"{tip_place(campaign, settings.root, tip.id, 'text')}: tip {tip.id!r} would be "
                    f"{composed.over_limit(name)} on {name}")
            if fitting:
                report.add_warning("tip", f"{said}; queue puts it on {', '.join(fitting)} only: "
                                          f"{shorten_for(name, dict(tip.texts))}")
            else:
                report.add("tip", False, f"{said}; {shorten_for(name, dict(tip.texts))}", CONFIG_PROBLEM)
    if schedule.recycle_after is not None:
        _check_recycled(report, settings, campaign, tip, composed, on)
    if tip.at is None or timetable.pinned_time(tip.at) <= now:
        return
    place = f"{tip_place(campaign, settings.root, tip.id, 'at')}: tip {tip.id!r}"
    if tip.at.date() in schedule.blackout:
        report.add("tip", False, f"{place}: {blackout_pin(tip.at)}", CONFIG_PROBLEM)
    elif (skipped := skipped_time(tip.at, schedule.zone)) is not None:
        report.add_note("tip", f"{place}: {skipped}")


def _check_recycled(report: CheckReport, settings, campaign, tip, composed, on: set[str]) -> None:
    """A tip that fits the first time but not with a later time's lead-in does not come round there: said now."""
    schedule = settings.schedule
    for name, text in composed.texts.items():
        if name not in on or not composed.lengths[name].fits:
            continue
        for n in range(2, schedule.recycle.most_times + 1):
            _, length = words_for_round(settings, text, name, n, sensitive=tip.sensitive)
            if not length.fits:
                opening = lead_in(schedule, n, sensitive=tip.sensitive)
                report.add_note("tip", f"{tip_place(campaign, settings.root, tip.id, 'text')}: tip {tip.id!r} will not "
                                       f"come round a {ordinal(n)} time on {name}: opening {opening!r} "
                                       f"it would be {length.length} {length.how}, over {length.limit}; shorten it"
                                       + ("" if tip.sensitive else " or the lead-in (recycle.lead_ins)"))
                break
