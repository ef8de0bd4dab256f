"""Slot-giving: the times queued posts take on the timetable, and keep when it changes.

Pinned tips take their own times first; the rest follow campaign order (or the spread's order) into the next free
slots, never two tips from one section back to back; a tip on several networks takes one slot. A new tip's slots
are worked out while runs go on posting and written in one short turn under the store's lock on slots.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from scheduler.campaigns.timetable import ON_TIME, Calendar, Timetable, skipped_time
from scheduler.metrics.besttimes import slot_of, slot_table, thompson_slots
from scheduler.store import FAILED, MISSED, POSTED, QUEUED, Post, Store
from scheduler.store.records import WAITING, latest_rounds

logger = logging.getLogger(__name__)

PLACING_TRIES = 3  # slots worked out outside the lock, then checked in it; after that, worked out in it
CONTENT = ("text", "card", "alt_text", "weighted_length", "section", "position", "tip_digest", "card_digest")


@dataclass(frozen=True)
class Wanted:
    """One approved tip as it should be in the queue."""

    post: Post
    pin: datetime | None


def tip_key(campaign_slug: str, tip_id: str) -> str:
    return f"{campaign_slug}/{tip_id}"


def latest_by_network(store: Store, keys: list[str] | None = None) -> dict[tuple[str, str], Post]:
    """The latest round of each tip on each network: {(tip key, network): post}."""
    return latest_rounds(store.posts(tip_keys=keys), key=lambda post: (post.tip_key, post.network))


def was_waiting(post: Post, existing: dict) -> bool:
    """The post was queued already (and is placed again to keep the article's order), not new nor re-approved."""
    before = existing.get((post.tip_key, post.network))
    return before is not None and before.status == QUEUED


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
                say_skipped(item.post.id, item.pin, timetable)
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


def say_skipped(post_id: str, pin: datetime, timetable: Timetable) -> None:
    """A pin the clocks skip (spring forward) is said when queue first places it, as check and plan say it."""
    if (skipped := skipped_time(pin, timetable.zone)) is not None:
        logger.warning("%s: %s", post_id, skipped)


def place_tips(store: Store, timetable: Timetable, fresh: list[Wanted], existing: dict, now: datetime,
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


def place_and_save(store: Store, timetable: Timetable, fresh: list[Wanted], existing: dict, now: datetime,
                    targets: dict[str, str] | None, *, in_order: bool = False) -> list[Post]:
    """Slots for the new posts, worked out while runs go on posting, then written in one short turn under the
    store's lock on slots, if the slots taken are still those they were worked out from (a run that moved or
    posted a post meanwhile: worked out again; after PLACING_TRIES, inside the lock's turn). A run-due started
    meanwhile waits a moment, not the whole queueing; the new posts are one transaction: a queue stopped at any
    moment has written all of them or none."""
    for _ in range(PLACING_TRIES):
        taken = taken_posts(store, now)
        placed = place_tips(store, timetable, fresh, existing, now, targets, taken, in_order)
        with store.placing():
            if _slots_of(taken_posts(store, now)) == _slots_of(taken):
                _save(store, placed, existing, now)
                return placed
        logger.info("the queue's slots changed while %d posts were given theirs; giving them again", len(placed))
    with store.placing():
        placed = place_tips(store, timetable, fresh, existing, now, targets, in_order=in_order)
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
        if was_waiting(post, existing):  # placed again in the article's order: only its time changes
            if post.due_at != existing[(post.tip_key, post.network)].due_at:
                store.update_waiting(post.id, now, due_at=post.due_at)
        elif (post.tip_key, post.network) in existing:  # withdrawn earlier, approved again
            store.update_waiting(post.id, now, status=QUEUED, skip_reason=None, due_at=post.due_at,
                                 pinned=post.pinned, **{name: getattr(post, name) for name in CONTENT})


_RULES = {"blackout": "a blackout date", "max_per_day": "over max_per_day", "min_gap": "closer than min_gap",
          "off": "no longer a slot on the timetable"}


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
                blocked += [{"id": p.id, "at": local_iso(at, timetable), "reason": _RULES[rule]} for p in posts]
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
                moved.append({"id": post.id, "from": local_iso(at, timetable), "to": local_iso(new_at, timetable),
                              "reason": _RULES[rule], "network": post.network})
                if not dry_run:
                    logger.info("%s: %s is %s; moved to %s", post.id, local_iso(at, timetable), _RULES[rule],
                                   local_iso(new_at, timetable))
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


def local_iso(moment: datetime, timetable: Timetable) -> str:
    return moment.astimezone(timetable.zone).isoformat()
