"""What goes out when: the plan rows behind `plan --json` and the preview page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from scheduler.posttext import length_on
from scheduler.store import Store
from scheduler.store.records import WAITING


def plan_posts(settings, store: Store, now: datetime, days: int = 28) -> list[dict]:
    """Posts still to go out before now + days, in the order they will go:
    [{"id", "network", "at", "status", "text", "card", "alt_text", "weighted_length", "limit"}], times local
    with offset; `weighted_length` is the length as that network counts it, `limit` that network's limit."""
    zone = settings.schedule.zone
    until = now + timedelta(days=days)
    rows = []
    limits: dict[str, int] = {}
    for post in store.posts(WAITING, until=until):
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
        })
    return sorted(rows, key=lambda row: (datetime.fromisoformat(row["at"]), row["id"]))


def stored_card(settings, stored: str | None) -> str | None:
    """The card's file as an absolute path (the store keeps it relative to the project folder)."""
    if not stored:
        return None
    path = Path(stored)
    return str(path if path.is_absolute() else settings.root / path)
