"""Why `queue` refuses, nothing queued: pins that break the timetable, tips too long for every network, campaign
files that do not read; and what a person does about each, as queue, check and run-due say it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from pathlib import Path

from scheduler.campaigns.file import tip_place
from scheduler.campaigns.placing import tip_key
from scheduler.campaigns.timetable import Timetable
from scheduler.errors import ContentError
from scheduler.results import counted
from scheduler.store import POSTED, Store


class TooLong(ContentError):
    """queue's refusal, nothing queued, naming every problem found: approved tips too long for every network they
    go to (`tips`: their keys, campaign/tip), pins that break the timetable, campaign files that do not read."""

    def __init__(self, message: str, tips: tuple[str, ...]):
        super().__init__(message)
        self.tips = tips


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
