"""What goes out when: the plan rows behind `plan --json` and the preview page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from scheduler.campaigns.timetable import Timetable, TipsOut, Wait
from scheduler.networks.base import TextLength
from scheduler.posttext import length_on
from scheduler.store import POSTED, Post, Store
from scheduler.store.records import WAITING

AsSent = Callable[[Post], tuple[Post, str, str]]


def plan_posts(settings, store: Store, now: datetime, days: int = 28, as_sent: AsSent | None = None) -> list[dict]:
    """Posts still to go out before now + days, in the order they will go:
    [{"id", "network", "at", "status", "text", "card", "alt_text", "weighted_length", "limit", "how", "note", "held"}],
    times local with offset; `weighted_length` is the length as that network counts it, `limit` that network's limit,
    `how` what it counts ("characters as X counts them").

    `as_sent(post)`: the post as run-due would send it now and why it would not ("" when it would), the
    runner's own check (scheduler.runner.wanted.as_sent): its words composed again from the files as they are
    (a changed link, footer or hashtags in posts/schedule.yaml shows at once, as run-due will post it), or
    held back (edited since `queue`, no longer approved), with a short word for it under `held` ("waits: file",
    "held: edited"; "" when it goes). Without it, the words as queued.

    An on-time post closer than min_gap to a tip that went out late shows at the time it waits for
    (`held` "waits: min_gap", `note` why), as run-due will hold it; and once out then, it is late itself."""
    zone = settings.schedule.zone
    until = now + timedelta(days=days)
    rows = []
    limits: dict[str, TextLength] = {}
    out = tips_out(store, Timetable(settings.schedule), now)
    for post in sorted(store.posts(WAITING, until=until), key=lambda post: (post.eligible_at, post.id)):
        note = held = ""
        if as_sent is not None:
            post, note, held = as_sent(post)
        at = post.eligible_at
        wait = None if held else _gap_wait(out, post)
        if wait is not None and wait.crowded:  # run-due moves it at its slot, to the next free one
            note, held = wait.reason, f"moves: {wait.crowded}"
        elif wait is not None:
            at, note, held = wait.until, wait.reason, "waits: min_gap"
        if not held or wait is not None:
            out.note((post.tip_key, post.round), post.id, post.due_at, at)
        if post.network not in limits:
            limits[post.network] = length_on(post.network, "", settings.state_dir)
        rows.append({
            "id": post.id,
            "network": post.network,
            "at": at.astimezone(zone).isoformat(),
            "status": post.status,
            "text": post.text,
            "card": stored_card(settings, post.card),
            "alt_text": post.alt_text,
            "weighted_length": post.weighted_length,
            "limit": limits[post.network].limit,
            "how": limits[post.network].how,
            "note": note,
            "held": held,
        })
    return sorted(rows, key=lambda row: (datetime.fromisoformat(row["at"]), row["id"]))


def tips_out(store: Store, timetable: Timetable, now: datetime) -> TipsOut:
    """The tips out in the last two days (or min_gap, if longer), each at its first post: what a post going out
    at `now` keeps the rules with."""
    out = TipsOut(timetable)
    for sent in store.posts((POSTED,), since=now - timedelta(days=2) - timetable.schedule.min_gap):
        if sent.posted_at is not None:
            out.note((sent.tip_key, sent.round), sent.id, sent.due_at, sent.posted_at)
    return out


def _gap_wait(out: TipsOut, post: Post) -> Wait | None:
    """How long min_gap will hold `post`, on time at its slot, after a tip that went out late; None when it does
    not (or when something else holds it later: a retry, a rate limit; run-due decides on it then)."""
    wait = out.wait((post.tip_key, post.round), post.due_at)
    if wait is None or post.eligible_at == post.due_at:
        return wait
    return wait if abs(post.eligible_at - wait.until) < timedelta(seconds=1) else None


def stored_card(settings, stored: str | None) -> str | None:
    """The card's file as an absolute path (the store keeps it relative to the project folder)."""
    if not stored:
        return None
    path = Path(stored)
    return str(path if path.is_absolute() else settings.root / path)
