"""Approved tips -> posts in the queue, each with a slot on the timetable.

Pinned tips take their own times first; the rest follow campaign order into the next free slots,
never two tips from one section back to back. Running it again changes nothing; a tip edited
after it was queued is updated while it is still unposted; a tip no longer approved is withdrawn.
Recycling (recycle_after) queues tips posted at least that long ago once the queue runs dry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from scheduler.errors import ContentError
from scheduler.store import FAILED, MISSED, POSTED, QUEUED, SKIPPED, Post, Store
from scheduler.store.records import SKIPPED_BY_CAMPAIGN, WAITING, latest_rounds
from scheduler.timetable import Calendar, Timetable
from scheduler.yamlio import display_path

logger = logging.getLogger(__name__)

_CONTENT = ("text", "card", "alt_text", "weighted_length", "section", "position")


@dataclass(frozen=True)
class Wanted:
    """One approved tip as it should be in the queue."""

    post: Post
    pin: datetime | None


def tip_key(campaign_slug: str, tip_id: str) -> str:
    return f"{campaign_slug}/{tip_id}"


def queue_campaigns(settings, store: Store, now: datetime, names=()) -> dict:
    """Queue the approved tips of the named campaigns (default: all); returns what changed."""
    from scheduler.campaign import find_campaigns

    campaigns = find_campaigns(settings.root, names)
    keys = [tip_key(c.slug, t.id) for c in campaigns for t in c.tips]
    existing = _latest_rounds(store, keys)

    def needs_card(key: str) -> bool:
        post = existing.get(key)
        return post is None or post.status in (QUEUED, FAILED, MISSED, SKIPPED)

    wanted, withdrawn = _wanted_posts(settings, campaigns, needs_card)
    timetable = Timetable(settings.schedule)
    report: dict[str, Any] = {"queued": [], "updated": [], "withdrawn": [], "recycled": [], "unchanged": 0,
              "held": [tip_key(c.slug, t.id) for c in campaigns for t in c.tips if t.status == "approved" and t.stale]}

    for key in withdrawn:
        post = existing.get(key)
        if post is not None and post.status in (QUEUED, FAILED, MISSED):
            store.update_waiting(post.id, now, status=SKIPPED, skip_reason=SKIPPED_BY_CAMPAIGN)
            report["withdrawn"].append({"id": post.id})
        store.set_recyclable(key, False, now)

    fresh: list[Wanted] = []
    for item in wanted:
        post = existing.get(item.post.tip_key)
        if post is None or (post.status == SKIPPED and post.skip_reason == SKIPPED_BY_CAMPAIGN):
            fresh.append(item if post is None else Wanted(replace(item.post, id=post.id, round=post.round),
                                                          item.pin))
            continue
        store.set_recyclable(post.tip_key, True, now)
        changes = _changes(post, item, timetable)
        if not changes:
            report["unchanged"] += 1
        elif post.status in (QUEUED, FAILED, MISSED) and store.update_waiting(post.id, now, **changes):
            report["updated"].append({"id": post.id, "changed": sorted(changes)})
        else:
            report["unchanged"] += 1  # posted, dead, skipped by a person, or being posted right now

    calendar = taken_calendar(store, timetable, now, exclude={w.post.id for w in fresh})
    placed = place(calendar, fresh, now)
    _save(store, placed, existing, now)
    report["queued"] = [{"id": p.id, "at": _local_iso(p.due_at, timetable)} for p in placed]

    if settings.schedule.recycle_after is not None:
        report["recycled"] = [{"id": p.id, "at": _local_iso(p.due_at, timetable)}
                              for p in recycle(settings, store, now)]
    return report


def _wanted_posts(settings, campaigns, needs_card) -> tuple[list[Wanted], list[str]]:
    """Every approved tip as a post (text checked against X's limit first); keys of the others.

    An approved tip flagged stale (its article changed under it) waits for a person to look again."""
    from scheduler.posttext import MAX_WEIGHTED_LENGTH, compose_tip

    schedule = settings.schedule
    drafts, withdrawn = [], []
    for campaign in campaigns:
        for position, tip in enumerate(campaign.tips):
            key = tip_key(campaign.slug, tip.id)
            if tip.status != "approved" or tip.stale:
                withdrawn.append(key)
                continue
            composed = compose_tip(schedule, campaign, tip)
            text, length = composed.text, composed.weighted_length
            if not composed.fits:
                raise ContentError(f"{display_path(campaign.path, settings.root)}: tip {tip.id!r} would be {length} "
                                   f"characters as X counts them (with link, footer and hashtags), over "
                                   f"{MAX_WEIGHTED_LENGTH}; shorten its text; nothing was queued")
            drafts.append((campaign, position, tip, text, length))

    cards = _card_maker(settings) if any(needs_card(tip_key(c.slug, t.id)) for c, _, t, _, _ in drafts) else None
    wanted = []
    for campaign, position, tip, text, length in drafts:
        card, alt_text = (None, None)
        if cards is not None and needs_card(tip_key(campaign.slug, tip.id)):
            card, alt_text = cards(campaign, tip)
        post = Post(id=tip_key(campaign.slug, tip.id), tip_key=tip_key(campaign.slug, tip.id), round=1,
                    campaign=campaign.slug, section=tip.section, position=position, text=text, card=card,
                    alt_text=alt_text, weighted_length=length, due_at=datetime.min,
                    pinned=tip.at is not None)
        wanted.append(Wanted(post, tip.at))
    return wanted, withdrawn


def _card_maker(settings):
    """A function tip -> (card path, alt text) if the cards stage is installed, else None."""
    try:
        from scheduler.cards.brand import load_brand
        from scheduler.cards.render import campaign_alt_text, ensure_card
    except ImportError:
        logger.warning("the cards stage is not available; queueing posts without cards")
        return None
    handle = settings.schedule.account.handle
    brand = load_brand(settings.root, handle)

    def make(campaign, tip):
        path = Path(ensure_card(settings, brand, campaign, tip, size="x"))
        return display_path(path, settings.root), campaign_alt_text(brand, campaign, tip)  # the card's own words

    return make


def _changes(post: Post, item: Wanted, timetable: Timetable) -> dict:
    changes = {name: getattr(item.post, name) for name in _CONTENT
               if getattr(item.post, name) != getattr(post, name)}
    if item.pin is not None:
        pinned_at = timetable.pinned_time(item.pin)
        if not post.pinned or post.due_at != pinned_at:
            changes.update(pinned=True, due_at=pinned_at)
    elif post.pinned:
        changes["pinned"] = False
    return changes


def _latest_rounds(store: Store, keys: list[str]) -> dict[str, Post]:
    return latest_rounds(store.posts(tip_keys=keys))


def taken_calendar(store: Store, timetable: Timetable, now: datetime, exclude=frozenset()) -> Calendar:
    """The times already taken: posts still to go out, and posts that went out lately."""
    from datetime import timedelta

    recent = now - timedelta(days=2)
    calendar = timetable.calendar()
    for post in store.posts(WAITING + (POSTED,), since=recent):
        if post.id not in exclude:
            calendar.add(post.posted_at if post.status == POSTED and post.posted_at else post.due_at, post.section)
    return calendar


def place(calendar: Calendar, items: list[Wanted], now: datetime) -> list[Post]:
    """Give each post a time: pins first, then the next free slots in order, sections alternating."""
    timetable = calendar.timetable
    placed, pending = [], []
    for item in items:
        if item.pin is not None:
            at = timetable.pinned_time(item.pin)
            if at > now:
                calendar.add(at, item.post.section)
                placed.append(replace(item.post, due_at=at, pinned=True))
                continue
            logger.warning("%s: its pinned time %s has passed; it gets the next free slot", item.post.id,
                           item.pin.isoformat())
        pending.append(replace(item.post, pinned=False))
    for slot in timetable.iter_slots(now):
        if not pending:
            break
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
    """The first pending post that fits this slot, preferring one from another section than its neighbours."""
    fitting = []
    for post in pending:
        at = slot + calendar.timetable.jitter(post.id)
        if at > now and calendar.fits(at):
            fitting.append((post, at))
    def rank(candidate) -> int:  # 0: differs from both neighbours, 1: from the one before, 2: neither
        post, at = candidate
        if post.section is None:
            return 0
        before, after = calendar.section_before(at), calendar.section_after(at)
        return 0 if post.section not in (before, after) else 1 if post.section != before else 2

    return min(fitting, key=rank) if fitting else None


def _save(store: Store, placed: list[Post], existing: dict[str, Post], now: datetime) -> None:
    new = [p for p in placed if p.tip_key not in existing]
    store.add_posts([replace(p, status=QUEUED) for p in new], now)
    for post in placed:
        if post.tip_key in existing:  # withdrawn earlier, approved again
            store.update_waiting(post.id, now, status=QUEUED, skip_reason=None, due_at=post.due_at,
                                 pinned=post.pinned, **{name: getattr(post, name) for name in _CONTENT})


def recycle(settings, store: Store, now: datetime) -> list[Post]:
    """When nothing is left to go out: tips posted at least recycle_after ago come round again."""
    recycle_after = settings.schedule.recycle_after
    if recycle_after is None or store.posts(WAITING):
        return []
    latest = latest_rounds(store.posts())
    due_again = sorted((p for p in latest.values() if p.status == POSTED and p.recyclable
                        and p.posted_at is not None and p.posted_at <= now - recycle_after),
                       key=lambda p: (p.posted_at, p.id))
    if not due_again:
        return []
    timetable = Timetable(settings.schedule)
    again = [Wanted(Post(id=f"{p.tip_key}~{p.round + 1}", tip_key=p.tip_key, round=p.round + 1,
                         campaign=p.campaign, section=p.section, position=p.position, text=p.text, card=p.card,
                         alt_text=p.alt_text, weighted_length=p.weighted_length, due_at=now), None)
             for p in due_again]
    placed = place(taken_calendar(store, timetable, now), again, now)
    store.add_posts([replace(p, status=QUEUED) for p in placed], now)
    logger.info("recycled %d posts", len(placed))
    return placed


def _local_iso(moment: datetime, timetable: Timetable) -> str:
    return moment.astimezone(timetable.zone).isoformat()

