"""Recycling (recycle_after): once nothing is left to go out, tips posted at least that long ago are queued
again, best first, each in the words of its first time out after that time's lead-in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from scheduler import networks
from scheduler.campaigns.placing import Wanted, latest_by_network, place_tips
from scheduler.campaigns.timetable import Timetable
from scheduler.metrics.ranking import Standing, standings
from scheduler.posttext import lead_in, led_in, length_on
from scheduler.store import POSTED, QUEUED, Post, Store
from scheduler.store.records import UNPUBLISHED, WAITING

logger = logging.getLogger(__name__)
HALF = 0.5  # a tip's share of the account's posts below it from which it stands in the top half
REPEAT_SAID = "approve --ack repeat"


def recycle(settings, store: Store, now: datetime, still_wanted: Callable[[Post], bool],
            repeat_ok: Callable[[str], datetime | None] = lambda key: None,
            held_back: list[dict] | None = None) -> list[Post]:
    """When nothing is left to go out: tips posted at least recycle_after ago come round again, best first by
    their score at recycle.score_at (metrics.ranking), on each network they went out on, in one slot per tip.

    A tip's second time waits recycle_after, each later time recycle.cooldown (default: recycle_after again);
    a tip below the account's usual waits twice as long (recycle.poor: later) or never comes round (never);
    a tip in the bottom half waits while a top-half tip out as few times is still in its wait (best first across
    the round, not only among the tips whose wait has just ended);
    no tip goes out more than recycle.most_times. `still_wanted(post)`: its tip is still in its campaign,
    approved and unedited (a withdrawn tip is not recyclable at all). A sensitive tip, or one a person deleted
    from a network (unpublished, or found gone by collect), comes round only with a person's OK for this repeat: `repeat_ok(tip key)`, the time of its `approve --ack repeat`, later than its
    latest time out (and than the deletion). Each post keeps why it was chosen. `held_back`, if given, gets a row
    {"tip", "reason"} for each tip held back for want of that OK (queue says so)."""
    if settings.schedule.recycle_after is None or store.posts(WAITING):
        return []
    with store.placing():  # runs recycling at once: the first queues the repeats, the others find them waiting
        if store.posts(WAITING):
            return []
        placed = _recycled(settings, store, now, still_wanted, repeat_ok, held_back if held_back is not None else [])
        store.add_posts(placed, now)
    if placed:
        logger.info("recycled %d posts", len(placed))
    return placed


def _recycled(settings, store: Store, now: datetime, still_wanted: Callable[[Post], bool],
              repeat_ok: Callable[[str], datetime | None], held_back: list[dict]) -> list[Post]:
    """The repeats `recycle` queues, in their slots: read and chosen under the store's lock on slots."""
    schedule = settings.schedule
    rules = schedule.recycle
    every = store.posts()
    tips: dict[str, list[Post]] = {}
    for post in latest_by_network(store).values():
        # a post a person deleted from its network comes round there too, once a person says so (below)
        if (post.status == UNPUBLISHED or (post.status == POSTED and post.recyclable)) and post.posted_at is not None:
            tips.setdefault(post.tip_key, []).append(post)
    if not tips:
        return []
    standing = standings(store.snapshots(), {p.id: (p.tip_key, p.round) for p in every}, rules.score_at)
    deleted_at: dict[str, list[datetime]] = {}  # when each tip's posts were deleted from a network by a person
    for p in every:
        if p.status == UNPUBLISHED and p.updated_at is not None:
            deleted_at.setdefault(p.tip_key, []).append(p.updated_at)
    first_words = {(p.tip_key, p.network): p.text for p in every if p.round == 1}
    ready: list[tuple[tuple, list[Post], str, Standing, int, dict[str, tuple[str, int]]]] = []
    better_waiting: list[int] = []  # times out of each top-half tip still in its wait that could come round then
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
        if times_out >= rules.most_times:
            continue
        deleted = deleted_at.get(key, [])
        sensitive = any(p.sensitive for p in posts)
        # sensitive, or deleted from a network by a person: never again without an OK given since then
        ok = repeat_ok(key) if sensitive or deleted else None
        held = (sensitive or bool(deleted)) and (ok is None or ok <= max([last_out, *deleted]))
        # the posts that can go out again: still wanted, and fitting their network with their next lead-in
        worded = {p.id: words for p in posts if still_wanted(p)
                  and (words := _next_words(settings, p, first_words)) is not None}
        if last_out > now - wait:
            # a better tip holds a bottom-half one back only if it could take the slot when its wait ends
            if found.scored and found.share_below >= HALF and worded and not held:
                better_waiting.append(times_out)
            continue
        if held:
            reason = "sensitive" if sensitive else "deleted on a network"
            logger.info("%s is %s: it comes round only after `juno-scheduler approve %s --ack repeat`", key,
                        reason, key)
            held_back.append({"tip": key, "reason": reason})
            continue
        if sensitive or deleted:
            why = f"{why}; a person said it may go out again ({REPEAT_SAID})"
        for p in posts:
            if still_wanted(p) and p.id not in worded:
                _say_too_long(settings, p, first_words)
        if worded:
            ready.append(((-found.share_below, last_out, key), posts, why, found, times_out, worded))
    # Best first across the round, not only among the few whose wait has just ended: a tip in the bottom half
    # waits while a tip in the top half, out no more times than it, is still in its wait.
    chosen = [(order, posts, why, worded) for order, posts, why, found, times_out, worded in ready
              if not (found.scored and found.share_below < HALF and any(n <= times_out for n in better_waiting))]
    again = []
    for _, posts, why, worded in sorted(chosen, key=lambda c: c[0]):
        for p in sorted((p for p in posts if p.id in worded), key=lambda p: p.id):
            text, length = worded[p.id]
            again.append(Wanted(replace(
                p, id=networks.post_id(f"{p.tip_key}~{p.round + 1}", p.network), round=p.round + 1,
                text=text, weighted_length=length, due_at=now, pinned=False, status=QUEUED,
                retry_at=None, claimed_by=None, claimed_until=None, attempts=0, attempt_open=False,
                last_error=None, remote_id=None, url=None, posted_at=None, cost_usd=None, skip_reason=None,
                recyclable=True, why=why), None))
    if not again:
        return []
    return place_tips(store, Timetable(schedule), again, {}, now)


def _next_words(settings, post: Post, first_words: dict) -> tuple[str, int] | None:
    """The words of `post`'s tip on its next time out: its first time's, after that time's lead-in (so X, which
    refuses the same words twice, takes it), and their length; None when they would not fit the network."""
    text, length = words_for_round(settings, first_words.get((post.tip_key, post.network), post.text), post.network,
                                   post.round + 1, sensitive=post.sensitive)
    return (text, length.length) if length.fits else None


def _say_too_long(settings, post: Post, first_words: dict) -> None:
    """Why a tip whose turn has come does not come round on `post`'s network: with its lead-in it is too long."""
    _, length = words_for_round(settings, first_words.get((post.tip_key, post.network), post.text), post.network,
                                post.round + 1, sensitive=post.sensitive)
    logger.warning("%s does not come round on %s: with its lead-in it is %d %s, over %d", post.tip_key,
                   post.network, length.length, length.how, length.limit)


def words_for_round(settings, first: str, network: str, round_: int, *, sensitive: bool):
    """A tip's words on its `round_`th time out on `network` (its first time's words `first`, after that time's
    lead-in), and their length there: what recycling stores, and what queue compares a recycled post with."""
    text = led_in(first, lead_in(settings.schedule, round_, sensitive=sensitive))
    return text, length_on(network, text, settings.state_dir)


def recycled_rows(posts: list[Post], zone) -> list[dict]:
    """What queue and status say of recycled posts: id, slot (local time), why each was chosen and its words."""
    return [{"id": p.id, "at": p.due_at.astimezone(zone).isoformat(), "why": p.why or "", "text": p.text}
            for p in posts]
