"""Approved tips -> posts in the queue, each with a slot on the timetable.

Pinned tips take their own times first; the rest follow campaign order into the next free slots,
never two tips from one section back to back. Running it again changes nothing; a tip edited
after it was queued is updated while it is still unposted; a tip no longer approved is withdrawn. A tip
approved later takes its place in the article's order: the campaign's tips only queued make room for it.
Recycling (recycle_after) queues tips posted at least that long ago once the queue runs dry, best first.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from scheduler import networks
from scheduler.campaigns.file import (
    find_campaigns,
    read_campaigns,
    tip_fingerprint,
    tip_place,
)
from scheduler.campaigns.timetable import ON_TIME, Calendar, Timetable, skipped_time
from scheduler.errors import ContentError
from scheduler.metrics.besttimes import slot_of, slot_table, thompson_slots
from scheduler.metrics.ranking import Standing, standings
from scheduler.posttext import (
    compose_tip,
    lead_in,
    led_in,
    length_on,
    tracking_replaced,
)
from scheduler.results import counted
from scheduler.store import DEAD, FAILED, MISSED, POSTED, QUEUED, SKIPPED, Post, Store
from scheduler.store.records import (
    SKIPPED_BY_CAMPAIGN,
    UNPUBLISHED,
    WAITING,
    latest_rounds,
)
from scheduler.yamlio import display_path

logger = logging.getLogger(__name__)

PLACING_TRIES = 3  # slots worked out outside the lock, then checked in it; after that, worked out in it
_CONTENT = ("text", "card", "alt_text", "weighted_length", "section", "position", "tip_digest", "card_digest")


class TooLong(ContentError):
    """queue's refusal, nothing queued, naming every problem found: approved tips too long for every network they
    go to (`tips`: their keys, campaign/tip), pins that break the timetable, campaign files that do not read."""

    def __init__(self, message: str, tips: tuple[str, ...]):
        super().__init__(message)
        self.tips = tips


@dataclass(frozen=True)
class Wanted:
    """One approved tip as it should be in the queue."""

    post: Post
    pin: datetime | None


# What each post `queue` leaves unchanged already is, for its report: "5 already queued, 1 already posted, unchanged"
# (a post waiting to be retried, missed and moved, or being posted is still queued); in this order
ALREADY = {QUEUED: "queued", POSTED: "posted", UNPUBLISHED: "posted and unpublished", SKIPPED: "skipped",
           DEAD: "failed for good"}


def tip_key(campaign_slug: str, tip_id: str) -> str:
    return f"{campaign_slug}/{tip_id}"


def queue_campaigns(settings, store: Store, now: datetime, names=(), tips: Collection[str] | None = None) -> dict:
    """Queue the approved tips of the named campaigns (default: all); returns what changed.

    Each tip becomes one post per account; a tip holds one slot, shared by its posts on every network.
    `tips`: only these tips' posts are looked at (their ids in the named campaign): after an edit of one tip
    the others are as they were; the timetable's rules are still checked over the whole queue."""
    files = read_campaigns(settings.root) if not names else None  # all of them: a broken file stops none of the others
    campaigns = files.read if files is not None else find_campaigns(settings.root, names)
    if tips is not None and len(campaigns) != 1:
        raise ValueError("queue_campaigns(tips=...) takes the one campaign those tips are in")
    keys = [tip_key(c.slug, t.id) for c in campaigns for t in c.tips if tips is None or t.id in tips]
    existing = _latest_rounds(store, keys)
    configured = [a.network for a in settings.schedule.all_accounts]

    def needs_card(key: str) -> bool:
        return any(existing.get((key, n)) is None or existing[(key, n)].status in (QUEUED, FAILED, MISSED, SKIPPED)
                   for n in configured)

    timetable = Timetable(settings.schedule)
    pins = pin_problems(settings, campaigns, timetable, now, posts_out(store, now))
    wanted, withdrawn, too_long, fits_nowhere = _wanted_posts(settings, campaigns, needs_card, tips)
    if pins or fits_nowhere:  # before anything changes: every problem of this run named, broken files too
        refuse(pins, fits_nowhere, [broken.line() for broken in files.unreadable] if files else [])
    report: dict[str, Any] = {"queued": [], "updated": [], "withdrawn": [], "recycled": [], "unchanged": 0,
                              "unchanged_as": {},
                              "held": [tip_key(c.slug, t.id) for c in campaigns for t in c.tips
                                       if t.status == "approved" and t.held],
                              "held_flags": {tip_key(c.slug, t.id): list(t.unacknowledged) for c in campaigns
                                             for t in c.tips if t.status == "approved" and t.held},
                              "too_long": too_long,
                              "unreadable": [broken.as_dict() for broken in files.unreadable] if files else []}

    for key in withdrawn:
        for network in configured:
            post = existing.get((key, network))
            if post is not None and post.status in (QUEUED, FAILED, MISSED):
                store.update_waiting(post.id, now, status=SKIPPED, skip_reason=SKIPPED_BY_CAMPAIGN)
                report["withdrawn"].append({"id": post.id, "reason": "no longer approved"})
        store.set_recyclable(key, False, now)
    unread = files.unreadable_slugs if files else set()
    for post in orphans(store, campaigns, everything=not names, unread=unread) if tips is None else ():
        if store.update_waiting(post.id, now, status=SKIPPED, skip_reason=SKIPPED_BY_CAMPAIGN):
            report["withdrawn"].append({"id": post.id, "reason": "its tip is no longer in its campaign"})
        store.set_recyclable(post.tip_key, False, now)

    told = _addresses(existing.values())  # the addresses its posts carry already: their tracking was said then
    fresh: list[Wanted] = []
    renewed: list[Post] = []  # the posts updated, in their new words
    twin_of = _published_twins(store, [item.post for item in wanted
                                       if (item.post.tip_key, item.post.network) not in existing])
    report["already_published"] = []
    report["out_elsewhere"] = []
    for item in wanted:
        post = existing.get((item.post.tip_key, item.post.network))
        if post is None and _gone_elsewhere(item.post.tip_key, existing):
            # a network added later takes the tips still to go out, not those already out elsewhere (said so)
            report["out_elsewhere"].append({"id": item.post.id, "network": item.post.network})
            continue
        twin = twin_of(item.post) if post is None else None
        if twin is not None:  # the same words from the same article, published under another name
            report["already_published"].append({"id": item.post.id, "as": twin.id, "network": item.post.network})
            continue
        if post is None or (post.status == SKIPPED and post.skip_reason == SKIPPED_BY_CAMPAIGN):
            fresh.append(item if post is None else Wanted(replace(item.post, id=post.id, round=post.round),
                                                          item.pin))
            continue
        store.set_recyclable(post.tip_key, True, now)
        changes = _changes(post, item, timetable, now)
        shown = sorted(set(changes) - {"tip_digest", "card_digest"})  # digests filled in are no news
        # not updated: posted, dead, skipped by a person, or being posted right now
        updated = bool(changes) and post.status in (QUEUED, FAILED, MISSED) and \
            store.update_waiting(post.id, now, **changes)
        if updated and shown:
            report["updated"].append({"id": post.id, "changed": shown})
            renewed.append(item.post)
        else:
            report["unchanged"] += 1
            shown_as = ALREADY.get(post.status, "queued")
            report["unchanged_as"][shown_as] = report["unchanged_as"].get(shown_as, 0) + 1
    report["unchanged_as"] = {what: report["unchanged_as"][what] for what in ALREADY.values()
                              if what in report["unchanged_as"]}

    targets = None
    if settings.schedule.spread.on:  # slots in an order that does not follow the campaign (best times)
        fresh = spread_order(fresh, settings.schedule.spread.seed)
        if settings.schedule.spread.by == "thompson":
            targets = thompson_targets(settings, store, timetable, fresh, now)
    with store.placing():  # the slots as run-due's moves (on any machine) leave them, and none taken meanwhile
        report["moved"], report["blocked"] = reslot(store, timetable, now)
    placed = _place_and_save(store, timetable, fresh, existing, now, targets,
                             in_order=not settings.schedule.spread.on)
    report["queued"] = [{"id": p.id, "at": _local_iso(p.due_at, timetable)} for p in placed
                        if not _was_waiting(p, existing)]
    _report_reordered(report, [p for p in placed if _was_waiting(p, existing)], existing, timetable)
    # said when the campaign's posts first carry its address (queued, or updated to a new one), not again at every
    # run (cron's `queue -q`) nor at each edit of a tip once the person has kept that address
    changed = {key.split("/", 1)[0] for key, _network, _link in _addresses([*placed, *renewed]) - told}
    report["notices"] = [notice for c in campaigns if c.slug in changed
                         if (notice := tracking_replaced(settings.schedule, c.url, c.slug))]

    if settings.schedule.recycle_after is not None and tips is None:  # run-due recycles too, with every tip in view
        current = {(item.post.tip_key, item.post.network): item.post.tip_digest for item in wanted}

        def still_wanted(post: Post) -> bool:  # approved now, and (where fingerprinted) in the words it went out in
            key = (post.tip_key, post.network)
            return key in current and post.tip_digest in (None, current[key])

        report["recycled"] = recycled_rows(recycle(settings, store, now, still_wanted), timetable.zone)
    return report


IN_ORDER = "in the article's order: a tip before it was queued after it"


def _was_waiting(post: Post, existing: dict) -> bool:
    """The post was queued already (and is placed again to keep the article's order), not new nor re-approved."""
    before = existing.get((post.tip_key, post.network))
    return before is not None and before.status == QUEUED


def _report_reordered(report: dict, again: list[Post], existing: dict, timetable: Timetable) -> None:
    """Posts already queued that gave their slot to a tip before them in the article: reported under `moved`, and
    no longer counted unchanged."""
    for post in again:
        before = existing[(post.tip_key, post.network)]
        if post.due_at == before.due_at:
            continue
        report["moved"].append({"id": post.id, "from": _local_iso(before.due_at, timetable),
                                "to": _local_iso(post.due_at, timetable), "reason": IN_ORDER,
                                "network": post.network})
        report["unchanged"] -= 1
        report["unchanged_as"]["queued"] -= 1
    if report["unchanged_as"].get("queued") == 0:
        del report["unchanged_as"]["queued"]


_ADDRESS = re.compile(r"https?://\S+")


def _addresses(posts) -> set[tuple[str, str, str]]:
    """(tip key's campaign part, network, address) of each web address the posts' texts carry."""
    return {(post.tip_key.split("/", 1)[0] + "/", post.network, found) for post in posts
            for found in _ADDRESS.findall(post.text or "")}


_RULES = {"blackout": "a blackout date", "max_per_day": "over max_per_day", "min_gap": "closer than min_gap",
          "off": "no longer a slot on the timetable"}


def refuse(pins: list[str], fits_nowhere: list[tuple[str, str]], unreadable: list[str]) -> None:
    """Stop `queue`, nothing queued, naming every problem found (a line each): the campaign files that do not read,
    the pins that break the timetable, the tips too long for every network; a last line says what became of it
    (one problem: one line)."""
    lines = [*unreadable, *pins, *(why for _, why in fits_nowhere)]
    if len(lines) == 1:
        end = "; nothing was queued"
    elif not pins and not unreadable:
        end = f"\nnothing was queued: fix these {len(fits_nowhere)} tips, or set their status: skip"
    else:
        end = f"\nnothing was queued: fix these {len(lines)} problems"
    raise TooLong("\n".join(lines) + end, tuple(key for key, _ in fits_nowhere))


def pin_problems(settings, campaigns, timetable: Timetable, now: datetime, out: dict[str, datetime] | None = None
                 ) -> list[str]:
    """Pins (`at:`) obey the timetable's rules among themselves and with the posts already out (`out`: tip key ->
    when it went out): no blackout date, at most max_per_day a day, min_gap apart, as the studio's Move checks.
    A line for each pin that breaks one, with its file:line:col (queue refuses them all; nothing is queued)."""
    problems = []
    schedule = settings.schedule
    out = out or {}
    calendar = timetable.calendar((at, None) for at in out.values())
    pinned = timetable.calendar()
    for campaign in campaigns:
        for tip in campaign.tips:
            if tip.at is None or tip.status != "approved" or tip.held:
                continue
            at = timetable.pinned_time(tip.at)
            if at <= now:
                continue  # a pin already past gets the next free slot, with a warning
            own = out.get(tip_key(campaign.slug, tip.id))
            if own is not None:
                calendar.remove(own)  # its own post already out is not in its way
            rule = calendar.broken_rule(at)
            if own is not None:
                calendar.add(own)
            day = calendar.per_day[timetable.local_date(at)]
            if rule == "blackout":
                why = blackout_pin(tip.at)
            elif rule == "max_per_day":
                why = (f"{tip.at:%Y-%m-%d} already has {counted(day, 'post')} pinned or already out, the most a day takes "
                       f"(max_per_day: {schedule.max_per_day}); pin another day")
            elif rule == "min_gap" and pinned.broken_rule(at) == "min_gap":
                why = (f"{tip.at:%H:%M} is closer than min_gap ({schedule.min_gap}) to another pinned post; "
                       "pin a time further away")
            elif rule == "min_gap":
                why = (f"{tip.at:%H:%M} is closer than min_gap ({schedule.min_gap}) to a post already out; "
                       "pin a time further away")
            else:
                calendar.add(at, tip.section)
                pinned.add(at, tip.section)
                continue
            problems.append(f"{tip_place(campaign, settings.root, tip.id, 'at')}: {why}")
    return problems


def posts_out(store: Store, now: datetime) -> dict[str, datetime]:
    """Tips gone out lately (two days back, the most min_gap and max_per_day look at): tip key -> first time out."""
    found: dict[str, datetime] = {}
    for post in store.posts((POSTED,), since=now - timedelta(days=2)):
        if post.posted_at is not None and post.posted_at > now - timedelta(days=2):
            found[post.tip_key] = min(post.posted_at, found.get(post.tip_key, post.posted_at))
    return found


def reslot(store: Store, timetable: Timetable, now: datetime, since: datetime | None = None, *,
           dry_run: bool = False) -> tuple[list[dict], list[dict]]:
    """Queued posts follow the timetable as it is now (blackout dates, slots, zone, max_per_day, min_gap
    may have changed since they were queued): a tip whose slot no longer fits moves, on every network, to the
    next free slot, and each move is reported; a pinned post is never moved: reported blocked instead. A time is
    a slot with the jitter of the tip's post on any network; the time `retry` gave a post is kept though it is
    no slot (the other rules still hold).
    `since`: look at posts due from then (default: from now; the runner passes the catch-up window).
    `dry_run`: say what would move, move nothing."""
    tips: dict[tuple[str, int], list[Post]] = {}
    for post in store.posts((QUEUED, FAILED, MISSED), since=since or now):
        tips.setdefault((post.tip_key, post.round), []).append(post)
    calendar = taken_calendar(store, timetable, now, exclude={key for key, _ in tips})
    moved, blocked, misfits = [], [], []
    order = sorted(tips.values(), key=lambda ps: (not ps[0].pinned, min(p.due_at for p in ps), ps[0].id))
    for posts in order:  # pins hold their times first
        first = min(posts, key=lambda p: p.id)
        at = min(p.due_at for p in posts)
        rule = calendar.broken_rule(at)
        if first.pinned:
            if rule is not None:
                blocked += [{"id": p.id, "at": _local_iso(at, timetable), "reason": _RULES[rule]} for p in posts]
            calendar.add(at, first.section)
            continue
        retried = any(p.retry_at is not None and p.retry_at == p.due_at for p in posts)  # the time retry gave it
        if rule is None and not retried and not any(calendar.on_timetable(at, p.id) for p in posts):
            rule = "off"
        if rule is None:
            calendar.add(at, first.section)
        else:
            misfits.append((posts, at, rule))
    for posts, at, rule in misfits:
        new_at = calendar.next_free(min(p.id for p in posts), now)
        calendar.add(new_at, posts[0].section)
        for post in posts:
            if dry_run or store.update_waiting(post.id, now, due_at=new_at):
                moved.append({"id": post.id, "from": _local_iso(at, timetable), "to": _local_iso(new_at, timetable),
                              "reason": _RULES[rule], "network": post.network})
                if not dry_run:
                    logger.info("%s: %s is %s; moved to %s", post.id, _local_iso(at, timetable), _RULES[rule],
                                   _local_iso(new_at, timetable))
    return moved, blocked


def spread_order(items: list[Wanted], seed: int | None) -> list[Wanted]:
    """The tips in a shuffled order fixed by `seed` and each tip's key (the same every run, and a tip keeps its
    place when others are added), so which tip gets which free slot does not follow the campaign's order.
    A tip's posts on several networks stay together; pins, sections and every timetable rule still apply."""
    def draw(item: Wanted) -> bytes:
        return hashlib.sha256(f"{seed}\0{item.post.tip_key}".encode()).digest()

    return sorted(items, key=draw)


def thompson_targets(settings, store: Store, timetable: Timetable, fresh: list[Wanted], now: datetime
                     ) -> dict[str, str]:
    """Each new tip's coarse slot ("sat midday"), by Thompson sampling over the coarse slots the timetable offers
    in the next two weeks, from the slot table at `recycle.score_at` of the network with the most posts there."""
    zone, age = timetable.zone, settings.schedule.recycle.score_at
    allowed = {slot_of(at.astimezone(zone)) for at in timetable.slots(now, now + timedelta(days=14))}
    keys = sorted({item.post.tip_key for item in fresh if item.pin is None})
    if not allowed or not keys:
        return {}
    posted = {p.id: p.posted_at for p in store.posts((POSTED,)) if p.posted_at is not None}
    by_network: dict[str, list] = {}
    for snapshot in store.snapshots():
        if snapshot.age == age and snapshot.post_id in posted:
            by_network.setdefault(snapshot.network, []).append(snapshot)
    order = [a.network for a in settings.schedule.all_accounts]
    network = max(by_network, key=lambda n: (len(by_network[n]), -order.index(n) if n in order else -len(order)),
                  default=None)
    table = slot_table(network, by_network[network], posted, zone) if network else None
    return thompson_slots(table, sorted(allowed), settings.schedule.spread.seed or 0, keys)


def _published_twins(store: Store, fresh: list[Post]):
    """twin(post): a post already published on the same network from the same article and words (its tip
    fingerprint, or its very text) under another tip key, such as the campaign's file name before a rename;
    None if there is none."""
    if not fresh:
        return lambda post: None
    by_digest: dict[tuple[str, str], Post] = {}
    by_text: dict[tuple[str, str], Post] = {}
    for done in store.posts((POSTED, UNPUBLISHED)):
        if done.tip_digest:
            by_digest.setdefault((done.network, done.tip_digest), done)
        by_text.setdefault((done.network, done.text), done)

    def twin(post: Post) -> Post | None:
        found = by_digest.get((post.network, post.tip_digest or "")) or by_text.get((post.network, post.text))
        return found if found is not None and found.tip_key != post.tip_key else None

    return twin


def _gone_elsewhere(key: str, existing: dict) -> bool:
    """True when the tip has posts on other networks and none is still to go out."""
    others = [p for (k, _), p in existing.items() if k == key]
    return bool(others) and not any(p.status in WAITING or p.skip_reason == SKIPPED_BY_CAMPAIGN for p in others)


def _place_tips(store: Store, timetable: Timetable, fresh: list[Wanted], existing: dict, now: datetime,
                targets: dict[str, str] | None = None, taken: list[Post] | None = None, in_order: bool = False
                ) -> list[Post]:
    """Slots for new posts: a tip already waiting on another network shares its slot; the others get
    one slot per tip (the calendar counts tips, not network posts). `targets`: tip key -> the coarse slot
    ("sat midday") it should take its time in (Thompson sampling); `taken`: taken_posts as read already.
    `in_order`: a campaign gaining tips places them again together with its tips still only queued (movable),
    in the article's order, so a tip approved late does not go out before the tips it comes after."""
    waiting: dict[str, Post] = {}
    for (key, _), post in sorted(existing.items(), key=lambda kv: kv[1].id):
        if post.status in WAITING:
            waiting.setdefault(key, post)
    moving = _movable(existing, fresh, now) if in_order else {}
    joining: list = []
    by_tip: dict = {key: [Wanted(post, None) for post in posts] for key, posts in moving.items()}
    for item in fresh:
        sibling = waiting.get(item.post.tip_key)
        if sibling is not None and item.pin is None and item.post.tip_key not in moving:
            joining.append(replace(item.post, due_at=sibling.due_at, pinned=sibling.pinned))
        else:
            by_tip.setdefault(item.post.tip_key, []).append(item)
    firsts = [items[0] for items in by_tip.values()]
    if moving:
        rank = {slug: i for i, slug in enumerate(dict.fromkeys(item.post.campaign for item in fresh))}
        firsts.sort(key=lambda item: (rank.get(item.post.campaign, len(rank)), item.post.position))
    calendar = taken_calendar(store, timetable, now, exclude=set(by_tip), taken=taken)
    slots = {p.tip_key: p for p in place(calendar, firsts, now, targets)}
    placed = joining + [replace(item.post, due_at=slots[key].due_at, pinned=slots[key].pinned)
                        for key, items in by_tip.items() for item in items]
    return sorted(placed, key=lambda p: (p.due_at, p.id))


def _movable(existing: dict, fresh: list[Wanted], now: datetime) -> dict[str, list[Post]]:
    """The tips `queue` may place again to keep the article's order, in the campaigns gaining an unpinned tip:
    each of its posts only queued (not being posted, retrying, put back by `retry`, moved by run-due, posted,
    skipped), its first round, not pinned, its time still ahead. Tip key -> its posts, in the networks' order (the first one's
    jitter gives the time, as when it was first placed)."""
    gaining = {item.post.campaign for item in fresh if item.pin is None}
    if not gaining:
        return {}
    order = {network: i for i, network in enumerate(dict.fromkeys(item.post.network for item in fresh))}
    tips: dict[str, list[Post]] = {}
    for (key, _), post in existing.items():
        if post.campaign in gaining:
            tips.setdefault(key, []).append(post)
    return {key: sorted(posts, key=lambda p: (order.get(p.network, len(order)), p.network))
            for key, posts in sorted(tips.items())
            if all(p.status == QUEUED and not p.pinned and p.round == 1 and p.retry_at is None and p.due_at > now
                   for p in posts)}


def orphans(store: Store, campaigns, *, everything: bool, unread: Collection[str] = ()) -> list[Post]:
    """Posts still to go out whose tip is gone: removed from its campaign, or (`everything`: all campaigns
    were read) whose campaign file is gone; never those of a campaign file that is there but does not read."""
    keys = {tip_key(c.slug, t.id) for c in campaigns for t in c.tips}
    slugs = {c.slug for c in campaigns}
    return [post for post in store.posts((QUEUED, FAILED, MISSED))
            if post.tip_key not in keys and (everything or post.campaign in slugs) and post.campaign not in unread]


def _wanted_posts(settings, campaigns, needs_card, only: Collection[str] | None = None
                  ) -> tuple[list[Wanted], list[str], list[dict], list[tuple[str, str]]]:
    """Every approved tip (of `only`, if given) as one post per account (its text checked against that
    network's limit); the keys of the other tips; the tips too long for some network (queued on the others); and
    those too long for every network, (key, why), which stop queue (no card is drawn then).

    An approved tip with a flag no person acknowledged (stale: its article changed under it; sensitive;
    privacy) waits for a person to look again."""
    schedule = settings.schedule
    accounts = schedule.all_accounts
    drafts, withdrawn, too_long = [], [], []
    fits_nowhere: list[tuple[str, str]] = []  # (tip key, why): every one is named before anything is queued
    for campaign in campaigns:
        for position, tip in enumerate(campaign.tips):
            if only is not None and tip.id not in only:
                continue
            key = tip_key(campaign.slug, tip.id)
            if tip.status != "approved" or tip.held:
                withdrawn.append(key)
                continue
            fitting, problems = [], []
            composed = compose_tip(schedule, campaign, tip, state_dir=settings.state_dir)
            for account in accounts:
                text, counted = composed.texts[account.network], composed.lengths[account.network]
                if not counted.fits:
                    problems.append((account.network, composed.over_limit(account.network)))
                else:
                    fitting.append((account.network, text, counted.length))
            where = display_path(campaign.path, settings.root)
            own = dict(tip.texts)  # a network's own text: the one to shorten for it
            if not fitting:
                detail = "; ".join(f"{what} on {network}" for network, what in problems)
                shorten = "; ".join(shorten_for(network, own) for network, _ in problems)
                place = tip_place(campaign, settings.root, tip.id, "text")  # file:line:col, to go straight there
                keep_out = skip_tip(campaign, settings.root, tip.id)
                fits_nowhere.append((key, f"{place}: tip {tip.id!r} would be {detail}; {shorten}, or keep it out: {keep_out}"))
                continue
            for network, what in problems:
                remedy = shorten_for(network, own)
                too_long.append({"id": networks.post_id(key, network), "network": network,
                                 "message": f"{where}: tip {tip.id!r} would be {what} on {network}; queued on "
                                            f"{', '.join(n for n, _, _ in fitting)} only: {remedy}"})
            drafts.append((campaign, position, tip, fitting))

    if fits_nowhere:
        return [], withdrawn, too_long, fits_nowhere
    cards = _card_maker(settings) if any(needs_card(tip_key(c.slug, t.id)) for c, _, t, _ in drafts) else None
    wanted = []
    for campaign, position, tip, fitting in drafts:
        key = tip_key(campaign.slug, tip.id)
        for network, text, length in fitting:
            card, alt_text, card_digest = (None, None, None)
            if cards is not None and needs_card(key):  # the card size the network shows best
                card, alt_text, card_digest = cards(campaign, tip, networks.get(network).card_size)
            post = Post(id=networks.post_id(key, network), tip_key=key, round=1, campaign=campaign.slug, section=tip.section,
                        position=position, text=text, card=card, alt_text=alt_text, weighted_length=length,
                        due_at=datetime.min, pinned=tip.at is not None, network=network, sensitive=tip.sensitive,
                        tip_digest=tip_fingerprint(campaign, tip, network), card_digest=card_digest)
            wanted.append(Wanted(post, tip.at))
    return wanted, withdrawn, too_long, fits_nowhere


def skip_tip(campaign, root: Path, tip_id: str) -> str:
    """How a person keeps an approved tip that is not queued out of the queue (`skip ID` takes queued posts)."""
    return f"set `status: skip` at {tip_place(campaign, root, tip_id, 'status').split(': ', 1)[0]}"


def shorten_for(network: str, own: Collection[str]) -> str:
    """What to do about a tip too long for `network`; `own`: the networks it has its own text for (texts:)."""
    return (f"shorten its own text for {network} (texts: {network}:)" if network in own
            else f"shorten it or give it texts: {{{network}: ...}}")


def blackout_pin(at: datetime) -> str:
    """What to do about a tip pinned (at:) on a blackout date, as queue and check say it."""
    return f"{at:%Y-%m-%d} is a blackout date in posts/schedule.yaml; pin another day"


def _card_maker(settings):
    """A function tip -> (card path, alt text) if the cards stage is installed, else None."""
    try:
        # lazy: Pillow only when a tip needs a card: a run-due that posts nothing (cron) never loads it
        from scheduler.cards.brand import load_brand
        from scheduler.cards.render import bytes_digest, campaign_alt_text, ensure_card
    except ImportError:
        logger.warning("the cards stage is not available; queueing posts without cards")
        return None
    handle = settings.schedule.account.handle
    brand = load_brand(settings.root, handle)

    def make(campaign, tip, size: str):
        path = Path(ensure_card(settings, brand, campaign, tip, size=size))
        # the card's own words (its kicker too), and its bytes' digest: checked again before upload
        return display_path(path, settings.root), campaign_alt_text(brand, campaign, tip), bytes_digest(path)

    return make


def _changes(post: Post, item: Wanted, timetable: Timetable, now: datetime) -> dict:
    changes = {name: getattr(item.post, name) for name in _CONTENT
               if getattr(item.post, name) != getattr(post, name)}
    if item.pin is not None:
        pinned_at = timetable.pinned_time(item.pin)
        if pinned_at <= now and (not post.pinned or post.due_at != pinned_at):
            # a pin newly set to a time already past would leave the post stuck in the past: it keeps its slot
            logger.warning("%s: its pinned time %s has passed, so the post keeps its slot %s; change or remove "
                           "at: in its campaign file", post.id, item.pin.isoformat(),
                           post.due_at.astimezone(timetable.zone).strftime("%Y-%m-%d %H:%M"))
        elif not post.pinned or post.due_at != pinned_at:
            changes.update(pinned=True, due_at=pinned_at)
            _say_skipped(post.id, item.pin, timetable)
    elif post.pinned:
        changes["pinned"] = False
    return changes


def _say_skipped(post_id: str, pin: datetime, timetable: Timetable) -> None:
    """A pin the clocks skip (spring forward) is said when queue first places it, as check and plan say it."""
    if (skipped := skipped_time(pin, timetable.zone)) is not None:
        logger.warning("%s: %s", post_id, skipped)


def _latest_rounds(store: Store, keys: list[str] | None = None) -> dict[tuple[str, str], Post]:
    """The latest round of each tip on each network: {(tip key, network): post}."""
    return latest_rounds(store.posts(tip_keys=keys), key=lambda post: (post.tip_key, post.network))


def taken_posts(store: Store, now: datetime) -> list[Post]:
    """The posts whose times are taken (taken_calendar): still to go out, or gone out lately."""
    return store.posts(WAITING + (POSTED,), since=now - timedelta(days=2))


def taken_calendar(store: Store, timetable: Timetable, now: datetime, exclude=frozenset(),
                   taken: list[Post] | None = None) -> Calendar:
    """The times already taken: tips still to go out, and tips that went out lately (a tip on several
    networks takes one time: its earliest; and, when some of its posts went out and the others wait for a time
    of their own, such as a paused network's posts moved on, that time too). `exclude`: tip keys left out;
    `taken`: those posts as read already (taken_posts)."""
    calendar = timetable.calendar()
    sections: dict[tuple[str, int], str | None] = {}
    out: dict[tuple[str, int], datetime] = {}
    waiting: dict[tuple[str, int], datetime] = {}
    for post in taken_posts(store, now) if taken is None else taken:
        if post.tip_key in exclude:
            continue
        mark = (post.tip_key, post.round)
        sections.setdefault(mark, post.section)
        times, at = (out, post.posted_at) if post.status == POSTED and post.posted_at else (waiting, post.due_at)
        if mark not in times or at < times[mark]:
            times[mark] = at
    for mark, section in sections.items():
        first = min(at for at in (out.get(mark), waiting.get(mark)) if at is not None)
        calendar.add(first, section)
        later = waiting.get(mark)
        if later is not None and later > now and later - first > ON_TIME:  # its own time ahead
            calendar.add(later, section)
    return calendar


def place(calendar: Calendar, items: list[Wanted], now: datetime, targets: dict[str, str] | None = None
          ) -> list[Post]:
    """Give each post a time: pins first, then the next free slots in order, sections alternating. With
    `targets` (tip key -> coarse slot), a post takes only a time in its own coarse slot; one that finds none
    within the horizon then takes the next free time as usual."""
    timetable = calendar.timetable
    placed, pending = [], []
    for item in items:
        if item.pin is not None:
            at = timetable.pinned_time(item.pin)
            if at > now:
                calendar.add(at, item.post.section)
                placed.append(replace(item.post, due_at=at, pinned=True))
                _say_skipped(item.post.id, item.pin, timetable)
                continue
            logger.warning("%s: its pinned time %s has passed; it gets the next free slot", item.post.id,
                           item.pin.isoformat())
        pending.append(replace(item.post, pinned=False))
    for aimed in ((targets, None) if targets else (None,)):
        for slot in timetable.iter_slots(now):
            if not pending:
                break
            if aimed is not None:
                coarse = slot_of(slot.astimezone(timetable.zone))
                chosen = _choose(calendar, [p for p in pending if aimed.get(p.tip_key, coarse) == coarse], slot, now)
            else:
                chosen = _choose(calendar, pending, slot, now)
            if chosen is None:
                continue
            post, at = chosen
            pending.remove(post)
            calendar.add(at, post.section)
            placed.append(replace(post, due_at=at))
    if pending:
        calendar.next_free(pending[0].id, now)  # raises: no free slot within the horizon
    return sorted(placed, key=lambda p: (p.due_at, p.id))


def _choose(calendar: Calendar, pending: list[Post], slot: datetime, now: datetime):
    """The first pending post that fits this slot, preferring one from another section than its neighbours (the
    first that differs from both is taken at once: a campaign of thousands of tips is not ranked whole at each slot)."""
    chosen, best = None, 3
    for post in pending:
        at = slot + calendar.timetable.jitter(post.id)
        if at <= now or not calendar.fits(at):
            continue
        rank = _section_rank(calendar, post, at)
        if rank < best:
            chosen, best = (post, at), rank
            if rank == 0:
                break
    return chosen


def _section_rank(calendar: Calendar, post: Post, at: datetime) -> int:
    """0: its section differs from both neighbours' at `at` (or it has none), 1: from the one before, 2: neither."""
    if post.section is None:
        return 0
    before, after = calendar.section_before(at), calendar.section_after(at)
    return 0 if post.section not in (before, after) else 1 if post.section != before else 2


def _place_and_save(store: Store, timetable: Timetable, fresh: list[Wanted], existing: dict, now: datetime,
                    targets: dict[str, str] | None, *, in_order: bool = False) -> list[Post]:
    """Slots for the new posts, worked out while runs go on posting, then written in one short turn under the
    store's lock on slots, if the slots taken are still those they were worked out from (a run that moved or
    posted a post meanwhile: worked out again; after PLACING_TRIES, inside the lock's turn). A run-due started
    meanwhile waits a moment, not the whole queueing; the new posts are one transaction: a queue stopped at any
    moment has written all of them or none."""
    for _ in range(PLACING_TRIES):
        taken = taken_posts(store, now)
        placed = _place_tips(store, timetable, fresh, existing, now, targets, taken, in_order)
        with store.placing():
            if _slots_of(taken_posts(store, now)) == _slots_of(taken):
                _save(store, placed, existing, now)
                return placed
        logger.info("the queue's slots changed while %d posts were given theirs; giving them again", len(placed))
    with store.placing():
        placed = _place_tips(store, timetable, fresh, existing, now, targets, in_order=in_order)
        _save(store, placed, existing, now)
    return placed


def _slots_of(taken: list[Post]) -> list[tuple]:
    """What taken_calendar reads of these posts."""
    return [(p.id, p.round, p.section, p.status, p.due_at, p.posted_at if p.status == POSTED else None)
            for p in taken]


def _save(store: Store, placed: list[Post], existing: dict, now: datetime) -> None:
    new = [p for p in placed if (p.tip_key, p.network) not in existing]
    store.add_posts([replace(p, status=QUEUED) for p in new], now)
    for post in placed:
        if _was_waiting(post, existing):  # placed again in the article's order: only its time changes
            if post.due_at != existing[(post.tip_key, post.network)].due_at:
                store.update_waiting(post.id, now, due_at=post.due_at)
        elif (post.tip_key, post.network) in existing:  # withdrawn earlier, approved again
            store.update_waiting(post.id, now, status=QUEUED, skip_reason=None, due_at=post.due_at,
                                 pinned=post.pinned, **{name: getattr(post, name) for name in _CONTENT})


def recycle(settings, store: Store, now: datetime, still_wanted: Callable[[Post], bool]) -> list[Post]:
    """When nothing is left to go out: tips posted at least recycle_after ago come round again, best first by
    their score at recycle.score_at (metrics.ranking), on each network they went out on, in one slot per tip.

    A tip's second time waits recycle_after, each later time recycle.cooldown (default: recycle_after again);
    a tip below the account's usual waits twice as long (recycle.poor: later) or never comes round (never);
    no tip goes out more than recycle.most_times. `still_wanted(post)`: its tip is still in its campaign,
    approved and unedited (a withdrawn tip is not recyclable at all). Each post keeps why it was chosen."""
    if settings.schedule.recycle_after is None or store.posts(WAITING):
        return []
    with store.placing():  # runs recycling at once: the first queues the repeats, the others find them waiting
        if store.posts(WAITING):
            return []
        placed = _recycled(settings, store, now, still_wanted)
        store.add_posts(placed, now)
    if placed:
        logger.info("recycled %d posts", len(placed))
    return placed


def _recycled(settings, store: Store, now: datetime, still_wanted: Callable[[Post], bool]) -> list[Post]:
    """The repeats `recycle` queues, in their slots: read and chosen under the store's lock on slots."""
    schedule = settings.schedule
    rules = schedule.recycle
    every = store.posts()
    tips: dict[str, list[Post]] = {}
    for post in _latest_rounds(store).values():
        if post.status == POSTED and post.recyclable and post.posted_at is not None:
            tips.setdefault(post.tip_key, []).append(post)
    if not tips:
        return []
    standing = standings(store.snapshots(), {p.id: (p.tip_key, p.round) for p in every}, rules.score_at)
    chosen: list[tuple[tuple, list[Post], str]] = []
    for key, posts in tips.items():
        times_out = max(p.round for p in posts)
        found = standing.get(key, Standing(rules.score_at))
        wait = schedule.recycle_after if times_out == 1 else (rules.cooldown or schedule.recycle_after)
        why = found.why()
        if found.poor:
            if rules.poor == "never":
                continue
            wait, why = wait * 2, f"{why}, so it waited twice as long"
        last_out = max(p.posted_at for p in posts if p.posted_at is not None)
        if times_out >= rules.most_times or last_out > now - wait:
            continue
        posts = [p for p in posts if still_wanted(p)]
        if posts:
            chosen.append(((-found.share_below, last_out, key), posts, why))
    first_words = {(p.tip_key, p.network): p.text for p in every if p.round == 1}
    again = []
    for _, posts, why in sorted(chosen, key=lambda c: c[0]):
        for p in sorted(posts, key=lambda p: p.id):
            worded = _led_in(settings, p, first_words)
            if worded is not None:
                again.append(Wanted(replace(
                    p, id=networks.post_id(f"{p.tip_key}~{p.round + 1}", p.network), round=p.round + 1,
                    text=worded[0], weighted_length=worded[1], due_at=now, pinned=False, status=QUEUED,
                    retry_at=None, claimed_by=None, claimed_until=None, attempts=0, attempt_open=False,
                    last_error=None, remote_id=None, url=None, posted_at=None, cost_usd=None, skip_reason=None,
                    recyclable=True, why=why), None))
    if not again:
        return []
    return _place_tips(store, Timetable(schedule), again, {}, now)


def _led_in(settings, post: Post, first_words: dict) -> tuple[str, int] | None:
    """The words of `post`'s tip on its next time out: its first time's, after that time's lead-in (so X, which
    refuses the same words twice, takes it), and their length; None when they would not fit the network."""
    text = led_in(first_words.get((post.tip_key, post.network), post.text), lead_in(settings.schedule, post.round + 1))
    length = length_on(post.network, text, settings.state_dir)
    if not length.fits:
        logger.warning("%s does not come round on %s: with its lead-in it is %d %s, over %d", post.tip_key,
                       post.network, length.length, length.how, length.limit)
        return None
    return text, length.length


def recycled_rows(posts: list[Post], zone) -> list[dict]:
    """What queue and status say of recycled posts: id, slot (local time), why each was chosen and its words."""
    return [{"id": p.id, "at": p.due_at.astimezone(zone).isoformat(), "why": p.why or "", "text": p.text}
            for p in posts]


def _local_iso(moment: datetime, timetable: Timetable) -> str:
    return moment.astimezone(timetable.zone).isoformat()

