"""Approved tips -> posts in the queue, each with a slot on the timetable.

Pinned tips take their own times first; the rest follow campaign order into the next free slots,
never two tips from one section back to back. Running it again changes nothing; a tip edited
after it was queued is updated while it is still unposted; a tip no longer approved is withdrawn. A tip
approved later takes its place in the article's order: the campaign's tips only queued make room for it.
Recycling (recycle_after) queues tips posted at least that long ago once the queue runs dry, best first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from scheduler import networks
from scheduler.campaigns.file import (
    find_campaigns,
    not_marked_ready,
    read_campaigns,
    tip_fingerprint,
    tip_place,
)
from scheduler.campaigns.placing import (
    CONTENT,
    Wanted,
    latest_by_network,
    local_iso,
    place_and_save,
    reslot,
    say_skipped,
    spread_order,
    thompson_targets,
    tip_key,
    was_waiting,
)
from scheduler.campaigns.recycling import recycle, recycled_rows, words_for_round
from scheduler.campaigns.refusals import (
    pin_problems,
    posts_out,
    refuse,
    shorten_for,
    skip_tip,
)
from scheduler.campaigns.timetable import Timetable
from scheduler.posttext import compose_tip, tracking_replaced
from scheduler.store import DEAD, FAILED, MISSED, POSTED, QUEUED, SKIPPED, Post, Store
from scheduler.store.records import SKIPPED_BY_CAMPAIGN, UNPUBLISHED, WAITING
from scheduler.yamlio import display_path

logger = logging.getLogger(__name__)


# What each post `queue` leaves unchanged already is, for its report: "5 already queued, 1 already posted, unchanged"
# (a post waiting to be retried, missed and moved, or being posted is still queued); in this order
ALREADY = {QUEUED: "queued", POSTED: "posted", UNPUBLISHED: "posted and unpublished", SKIPPED: "skipped",
           DEAD: "failed for good"}


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
    existing = latest_by_network(store, keys)
    configured = [a.network for a in settings.schedule.all_accounts]

    def needs_card(key: str) -> bool:
        return any(existing.get((key, n)) is None or existing[(key, n)].status in (QUEUED, FAILED, MISSED, SKIPPED)
                   for n in configured)

    timetable = Timetable(settings.schedule)
    pins = pin_problems(settings, campaigns, timetable, now, posts_out(store, now))
    wanted, withdrawn, too_long, fits_nowhere = _wanted_posts(settings, campaigns, needs_card, tips)
    if pins or fits_nowhere:  # before anything changes: every problem of this run named, broken files too
        refuse(pins, fits_nowhere, [broken.line() for broken in files.unreadable] if files else [])
    report: dict[str, Any] = {"queued": [], "updated": [], "withdrawn": [], "recycled": [], "held_back": [], "unchanged": 0,
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
        if post.round > 1:  # a recycled post: its words are the tip's after that time's lead-in, as recycling made them
            text, length = words_for_round(settings, item.post.text, post.network, post.round, sensitive=post.sensitive)
            item = Wanted(replace(item.post, text=text, weighted_length=length.length), item.pin)
        changes = _changes(post, item, timetable, now)
        shown = sorted(set(changes) - UNSHOWN)
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
    placed = place_and_save(store, timetable, fresh, existing, now, targets,
                             in_order=not settings.schedule.spread.on)
    report["queued"] = [{"id": p.id, "at": local_iso(p.due_at, timetable)} for p in placed
                        if not was_waiting(p, existing)]
    _report_reordered(report, [p for p in placed if was_waiting(p, existing)], existing, timetable)
    for row in report["updated"]:  # where it goes out now that every move is made, changed or not (user trial 1)
        now_at = store.get(row["id"])
        row["at"] = local_iso(now_at.due_at, timetable) if now_at is not None else None
    # the tips queued now that split did not mark ready: said once, when they first get a slot (as approve said them)
    new = {p.tip_key for p in placed if not was_waiting(p, existing)}
    report["unready"] = [key for c in campaigns for t in c.tips
                         if (key := tip_key(c.slug, t.id)) in new and not_marked_ready(t)]
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

        oks = {tip_key(c.slug, t.id): t.repeat_ok for c in campaigns for t in c.tips}
        report["recycled"] = recycled_rows(recycle(settings, store, now, still_wanted, oks.get, report["held_back"]),
                                           timetable.zone)
    return report


# changed without news for a person: digests filled in, a move's record cleared when a pin ends the move
UNSHOWN = {"tip_digest", "card_digest", "moved", "moved_for"}

IN_ORDER = "in the article's order: a tip before it was queued after it"


def _report_reordered(report: dict, again: list[Post], existing: dict, timetable: Timetable) -> None:
    """Posts already queued that gave their slot to a tip before them in the article: reported under `moved`, and
    no longer counted unchanged."""
    for post in again:
        before = existing[(post.tip_key, post.network)]
        if post.due_at == before.due_at:
            continue
        report["moved"].append({"id": post.id, "from": local_iso(before.due_at, timetable),
                                "to": local_iso(post.due_at, timetable), "reason": IN_ORDER,
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
                card, alt_text, card_digest = cards(campaign, tip, network)
            post = Post(id=networks.post_id(key, network), tip_key=key, round=1, campaign=campaign.slug, section=tip.section,
                        position=position, text=text, card=card, alt_text=alt_text, weighted_length=length,
                        due_at=datetime.min, pinned=tip.at is not None, network=network, sensitive=tip.sensitive,
                        tip_digest=tip_fingerprint(campaign, tip, network), card_digest=card_digest)
            wanted.append(Wanted(post, tip.at))
    return wanted, withdrawn, too_long, fits_nowhere


def _card_maker(settings):
    """A function tip -> (card path, alt text) if the cards stage is installed, else None."""
    try:
        # lazy: Pillow only when a tip needs a card: a run-due that posts nothing (cron) never loads it
        from scheduler.cards.brand import load_brand
        from scheduler.cards.render import bytes_digest, campaign_alt_text, ensure_card
    except ImportError:
        logger.warning("the cards stage is not available; queueing posts without cards")
        return None
    brand = load_brand(settings.root, settings.schedule.card_handle)

    def make(campaign, tip, network: str):
        path = Path(ensure_card(settings, brand, campaign, tip, size=networks.get(network).card_size))
        # the card's own words (its kicker too) and the network's own account, and its bytes' digest: checked
        # again before upload
        signed = networks.signature(settings.schedule, network)
        return display_path(path, settings.root), campaign_alt_text(brand, campaign, tip, signed), bytes_digest(path)

    return make


def _changes(post: Post, item: Wanted, timetable: Timetable, now: datetime) -> dict:
    changes = {name: getattr(item.post, name) for name in CONTENT
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
            if post.status == MISSED:  # kept on the date a person pinned: no longer "moved … goes out then by itself"
                changes.update(status=QUEUED, moved=None, moved_for=None)  # nor does the database keep saying so
            say_skipped(post.id, item.pin, timetable)
    elif post.pinned:
        changes["pinned"] = False
    return changes
