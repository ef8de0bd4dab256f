"""What goes out when: the plan rows behind `plan --json` and the preview page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from scheduler.posttext import length_on
from scheduler.store import Post, Store
from scheduler.store.records import WAITING

AsSent = Callable[[Post], tuple[Post, str, str]]


def plan_posts(settings, store: Store, now: datetime, days: int = 28, as_sent: AsSent | None = None) -> list[dict]:
    """Posts still to go out before now + days, in the order they will go:
    [{"id", "network", "at", "status", "text", "card", "alt_text", "weighted_length", "limit", "note", "held"}], times
    local with offset; `weighted_length` is the length as that network counts it, `limit` that network's limit.

    `as_sent(post)`: the post as run-due would send it now and why it would not ("" when it would), the
    runner's own check (scheduler.runner.wanted.as_sent): its words composed again from the files as they are
    (a changed link, footer or hashtags in posts/schedule.yaml shows at once, as run-due will post it), or
    held back (edited since `queue`, no longer approved), with a short word for it under `held` ("waits: file",
    "held: edited"; "" when it goes). Without it, the words as queued."""
    zone = settings.schedule.zone
    until = now + timedelta(days=days)
    rows = []
    limits: dict[str, int] = {}
    for post in store.posts(WAITING, until=until):
        note = held = ""
        if as_sent is not None:
            post, note, held = as_sent(post)
        if post.network not in limits:
            limits[post.network] = length_on(post.network, "", settings.state_dir).limit
        rows.append({
            "id": post.id,
            "network": post.network,
            "at": post.eligible_at.astimezone(zone).isoformat(),
            "status": post.status,
            "text": post.text,
            "card": stored_card(settings, post.card),
            "alt_text": post.alt_text,
            "weighted_length": post.weighted_length,
            "limit": limits[post.network],
            "note": note,
            "held": held,
        })
    return sorted(rows, key=lambda row: (datetime.fromisoformat(row["at"]), row["id"]))


def stored_card(settings, stored: str | None) -> str | None:
    """The card's file as an absolute path (the store keeps it relative to the project folder)."""
    if not stored:
        return None
    path = Path(stored)
    return str(path if path.is_absolute() else settings.root / path)
