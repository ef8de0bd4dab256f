"""Helpers for the queue, runner and worker tests: a project with its own timetable and campaigns,
posts put straight into a store, and publishers that record what they are asked to do."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from schedules import schedule_text

from scheduler.config import load_settings
from scheduler.errors import PublishError
from scheduler.networks.base import Outgoing, Published, Publisher
from scheduler.store import Post, open_store
from scheduler.store.snapshots import Snapshot

SCHEDULE = """\
account: {handle: junocounseling, publisher: PUBLISHER}
timezone: America/New_York
slots:
  - days: [mon, wed, fri]
    times: ["09:00"]
  - cron: "0 12 * * sat"
min_gap: 3h
max_per_day: 1
blackout: [2026-12-25]
jitter: 0m
catch_up: 2h
recycle_after: RECYCLE
link: {mode: in-post, utm: {source: x, medium: social}}
hashtags: ["#CouplesCounseling"]
budget: {monthly_usd: 10}
crisis_footer: "If you are in crisis, call or text 988."
"""


def cron_schedule(cron: str, *, publisher: str, min_gap: str, max_per_day: int, catch_up: str,
                  extra: str = "") -> str:
    """posts/schedule.yaml's text for one account on one cron line, no jitter, no link, no hashtags: the timetable
    the runner's and queue's process tests shape their case with (each says only what its case turns on)."""
    return schedule_text(f"account: {{handle: junocounseling, publisher: {publisher}}}\n", slots=f'  - cron: "{cron}"\n',
                         min_gap=min_gap, max_per_day=max_per_day, jitter="0m", catch_up=catch_up,
                         link="{mode: none}", hashtags="[]") + extra


def write_schedule(root: Path, *, publisher: str = "outbox", recycle: str = "null", extra: str = "",
                   text: str | None = None) -> Path:
    path = root / "posts" / "schedule.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = text if text is not None else SCHEDULE.replace("PUBLISHER", publisher).replace("RECYCLE", recycle)
    path.write_text(body + extra, encoding="utf-8")
    return path


def write_campaign(root: Path, slug: str, tips: list[dict], url: str = "https://junocounseling.com/blog/x") -> Path:
    """posts/<slug>.yaml in design.md's format; each tip dict gives id, section and optionally text/status/at."""
    lines = [f"article: {{title: {slug.title()}, url: {json.dumps(url)}, source: articles/{slug}.txt}}", "tips:"]
    for tip in tips:
        text = tip.get("text", f"Tip {tip['id']} says something kind and useful.")
        lines += [f"  - id: {tip['id']}",
                  f"    headline: {json.dumps(tip.get('headline', tip['id'].title() + '.'))}",
                  f"    text: {json.dumps(text)}",
                  f"    status: {tip.get('status', 'approved')}",
                  f"    section: {json.dumps(tip.get('section', 'Main'))}",
                  f"    review: {json.dumps(tip.get('review', []))}",
                  f"    reviewed: {json.dumps(tip.get('reviewed', []))}"]
        if tip.get("at"):
            lines.append(f"    at: {tip['at']}")
    path = root / "posts" / f"{slug}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def settings_for(root: Path, database_url: str | None = None):
    env = {"JUNO_DATABASE_URL": database_url} if database_url else {}
    return load_settings(root, env=env)


def make_post(post_id: str, due_at: datetime, *, section: str | None = None, text: str | None = None,
              card: str | None = None) -> Post:
    campaign = post_id.split("/")[0] if "/" in post_id else "c"
    return Post(id=post_id, tip_key=post_id, round=1, campaign=campaign, section=section, position=0,
                text=text or f"Text of {post_id}", card=card, alt_text=None, weighted_length=20, due_at=due_at)


def add_due(store, count: int, now: datetime, prefix: str = "c/p") -> list[str]:
    ids = [f"{prefix}{i:04d}" for i in range(count)]
    store.add_posts([make_post(i, now - timedelta(minutes=1)) for i in ids], now)
    return ids


class ScriptedPublisher(Publisher):
    """Publishes in memory; `script` maps a post id to a list of PublishErrors to raise first."""

    name = "scripted"

    def __init__(self, script: dict | None = None, existing: set | None = None):
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.calls: list[Outgoing] = []
        self.lookups: list[Outgoing] = []
        self.existing = set(existing or ())

    def publish(self, post: Outgoing) -> Published:
        self.calls.append(post)
        pending = self.script.get(post.post_id)
        if pending:
            raise pending.pop(0)
        self.existing.add(post.post_id)
        return Published(remote_id=f"r-{post.post_id}", url=f"https://x.test/{post.post_id}")

    def find_existing(self, post: Outgoing) -> Published | None:
        self.lookups.append(post)
        if post.post_id in self.existing:
            return Published(remote_id=f"r-{post.post_id}", url=f"https://x.test/{post.post_id}")
        return None


class FileRecordingPublisher(Publisher):
    """Appends one line per publish to a shared file (several processes); finds posts there."""

    name = "recording"

    def __init__(self, path: Path, pause: float = 0.0):
        self.path = Path(path)
        self.pause = pause

    def _published(self) -> set[str]:
        if not self.path.exists():
            return set()
        return {line.split("\t")[0] for line in self.path.read_text(encoding="utf-8").splitlines() if line}

    def find_existing(self, post: Outgoing) -> Published | None:
        if post.post_id in self._published():
            return Published(remote_id=f"r-{post.post_id}", url="")
        return None

    def publish(self, post: Outgoing) -> Published:
        import time

        if self.pause:
            time.sleep(self.pause)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{post.post_id}\t{os.getpid()}\t{int(post.uncertain)}\n".encode())
        finally:
            os.close(fd)
        if self.pause:
            time.sleep(self.pause)
        return Published(remote_id=f"r-{post.post_id}", url="")


def retry_error(message: str = "X answered 503; try again later", retry_at: datetime | None = None,
                uncertain: bool = False) -> PublishError:
    return PublishError(message, kind="retry", retry_at=retry_at, uncertain=uncertain)


def post_everything(root: Path, counts=None, *, age: str = "72h", database_url: str | None = None) -> datetime:
    """Every queued post goes out at its slot (as a worker records it); `counts(post)` gives the Counts its
    snapshot at `age` holds (None: no snapshot). Returns when the last went out."""
    hours = {"1h": 1, "24h": 24, "72h": 72, "7d": 168, "28d": 672}[age]
    settings = settings_for(root, database_url)
    last = datetime.min.replace(tzinfo=UTC)
    with open_store(settings.database_url) as store:
        while (post := store.claim("w", datetime(2200, 1, 1, tzinfo=UTC), timedelta(minutes=5))) is not None:
            store.record_posted(post.id, f"r-{post.id}", "u", 0.0, post.due_at)
            last = max(last, post.due_at)
            found = counts(post) if counts is not None else None
            if found is not None:
                due = post.due_at + timedelta(hours=hours)
                store.add_snapshots([Snapshot(post.id, post.network, age, due, due + timedelta(hours=1), False, found)])
    return last


BUNDLED = "what-to-do-when-one-partner-wants-counseling"
BUNDLED_TIP = "reluctance-doesnt-always-mean-refusal"
NOW = ("--now", "2026-12-01T08:00")  # a week before the bundled blackout dates


def approve_bundled_tip(project, **fields: str) -> None:
    """The bundled campaign's second tip approved, with `fields` (text, at) set as a person would write them."""
    campaign = project / "posts" / f"{BUNDLED}.yaml"
    text = campaign.read_text(encoding="utf-8")
    start = text.index(f"  - id: {BUNDLED_TIP}\n")
    end = text.index("  - id: ", start + 1)
    item = text[start:end].replace("status: draft", "status: approved")
    for key, value in fields.items():
        if f"    {key}: " in item:
            head, _, rest = item.partition(f"    {key}: ")
            item = head + f"    {key}: {value}\n" + rest.partition("\n")[2]
        else:
            item += f"    {key}: {value}\n"
    campaign.write_text(text[:start] + item + text[end:], encoding="utf-8")
