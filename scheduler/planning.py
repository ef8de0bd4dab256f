"""What goes out when: the plan rows behind `plan --json` and the preview page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from scheduler.store import Store
from scheduler.store.records import WAITING


def plan_posts(settings, store: Store, now: datetime, days: int = 28) -> list[dict]:
    """Posts still to go out before now + days, in the order they will go:
    [{"id", "at", "status", "text", "card", "alt_text", "weighted_length"}], times local with offset."""
    zone = settings.schedule.zone
    until = now + timedelta(days=days)
    rows = []
    for post in store.posts(WAITING, until=until):
        rows.append({
            "id": post.id,
            "at": post.eligible_at.astimezone(zone).isoformat(),
            "status": post.status,
            "text": post.text,
            "card": stored_card(settings, post.card),
            "alt_text": post.alt_text,
            "weighted_length": post.weighted_length,
        })
    return sorted(rows, key=lambda row: (datetime.fromisoformat(row["at"]), row["id"]))


def stored_card(settings, stored: str | None) -> str | None:
    """The card's file as an absolute path (the store keeps it relative to the project folder)."""
    if not stored:
        return None
    path = Path(stored)
    return str(path if path.is_absolute() else settings.root / path)
