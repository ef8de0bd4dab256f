"""The whole pipeline on the bundled article, in a scratch folder, with a simulated clock.

The demo uses the same code paths as real use: split, a stand-in reviewer that approves the tips no
flag holds back, cards, queue, then `run_due` at each slot of the first week, on a SQLite file in the
scratch folder. Only two things differ from real use: the outbox publisher stands in for X (whatever
posts/schedule.yaml says), and the clock is simulated. Credentials and JUNO_DATABASE_URL are ignored.
"""

from __future__ import annotations

import logging
import shlex
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scheduler import networks
from scheduler.config import Settings, load_settings
from scheduler.yamlio import display_path

logger = logging.getLogger(__name__)

SEED_ARTICLE = Path("posts") / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
WORKER = "demo"


def run_demo(project: Path, *, scratch: str | Path = ".juno/demo", days: int = 7,
             start: datetime | None = None, echo: Callable[[str], None] | None = print) -> dict:
    """Run every stage; return a report of what each did and what was posted when."""
    say = echo or (lambda _line: None)
    began = time.monotonic()
    root = prepare_scratch(Path(project), Path(project) / scratch)
    settings = demo_settings(root)
    zone = settings.schedule.zone
    start = start or _next_local_midnight(datetime.now(UTC), zone)
    say(f"juno-scheduler demo in {root} — simulated week from {start.astimezone(zone):%A %d %B %Y}")

    article = root / SEED_ARTICLE
    split = _split(settings, article)
    say(f"1. split     {split['tips']} tips from {SEED_ARTICLE.name} -> {split['campaign']}")
    review = _approve_unflagged(settings, start)
    say(f"2. review    approved {review['approved']} tips; {review['held']} held for a person "
        f"(flags: {', '.join(review['held_ids']) or 'none'})")
    cards = _cards(settings)
    say(f"3. cards     {cards['cards']} cards in {cards['folder']}")

    from scheduler.campaigns.queueing import queue_campaigns
    from scheduler.store import open_project_store

    with open_project_store(settings) as store:
        queued = queue_campaigns(settings, store, start)
        say(f"4. queue     {len(queued.get('queued', []))} posts given slots")
        posted = _walk(settings, store, start, days, say)
        preview = _preview(settings, store, start + timedelta(days=days))
    say(_table(posted, zone))
    say(f"cards:   {cards['folder']}")
    say(f"outbox:  {settings.outbox_dir}")
    say(f"preview: {preview}")
    say(f"done in {time.monotonic() - began:.1f} s")
    say(f"review it in the studio:  juno-scheduler --root {shlex.quote(str(root))} studio")
    return {"scratch": str(root), "start": start.isoformat(), "split": split, "review": review,
            "cards": cards, "queued": len(queued.get("queued", [])), "posted": posted,
            "outbox": str(settings.outbox_dir), "preview": preview}


def prepare_scratch(project: Path, scratch: Path) -> Path:
    """A fresh copy of the project's posts/ and assets/ (runtime state left behind)."""
    scratch = scratch.resolve()
    if scratch.exists() and not scratch.is_dir():
        from scheduler.errors import UsageError

        raise UsageError(f"--scratch {scratch}: that is a file, not a folder; name an empty or new folder")
    foreign = scratch.exists() and any(scratch.iterdir()) and not (scratch / ".juno-demo").exists()
    if scratch == project.resolve() or foreign:
        from scheduler.errors import UsageError

        raise UsageError(f"--scratch {scratch}: the folder exists and is not a demo folder; "
                         "name an empty or new folder")
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    (scratch / ".juno-demo").write_text("made by `juno-scheduler demo`; safe to delete\n", encoding="utf-8")
    for part in ("posts", "assets"):
        shutil.copytree(project / part, scratch / part)
    if not (scratch / SEED_ARTICLE).exists():
        from scheduler.errors import ContentError

        raise ContentError(f"{SEED_ARTICLE}: the bundled article is missing; restore it from git")
    return scratch


def demo_settings(root: Path) -> Settings:
    """The scratch folder's settings, with the outbox publisher and nothing from the environment."""
    settings = load_settings(root, env={})
    account = replace(settings.schedule.account, publisher=networks.rehearsal())
    accounts = tuple(replace(a, publisher=networks.rehearsal()) for a in settings.schedule.accounts)
    return replace(settings, schedule=replace(settings.schedule, account=account, accounts=accounts))


def _split(settings: Settings, article: Path) -> dict:
    from scheduler.tips.splitter import split_file

    result = split_file(article, settings.root, settings.schedule)
    return {"campaign": display_path(result.campaign.path, settings.root), "tips": len(result.campaign.tips),
            "new": len(result.new), "stale": len(result.stale)}


def _approve_unflagged(settings: Settings, now: datetime) -> dict:
    """The demo's reviewer: approves every draft no review flag holds back, as `approve CAMPAIGN` does."""
    from scheduler.campaigns.file import find_campaigns
    from scheduler.campaigns.review import approve

    results = approve(settings.root, [campaign.slug for campaign in find_campaigns(settings.root)], now=now, by="demo")
    held = [tip for result in results for tip in result.held]
    return {"approved": sum(len(result.approved) for result in results), "held": len(held), "held_ids": held}


def _cards(settings: Settings) -> dict:
    from scheduler.campaigns.file import find_campaigns
    from scheduler.cards.render import render_campaigns

    sizes = list(networks.card_sizes(settings.schedule.all_accounts))
    report = render_campaigns(settings, find_campaigns(settings.root), sizes, progress=False)
    return {"cards": len(report["cards"]), "rendered": report["rendered"], "folder": str(settings.cards_dir)}


def _walk(settings: Settings, store, start: datetime, days: int, say) -> list[dict]:
    """Advance the clock to each planned time of the week and run what is due, as cron would."""
    from scheduler.campaigns.file import find_campaigns
    from scheduler.campaigns.planning import plan_posts
    from scheduler.campaigns.queueing import tip_key
    from scheduler.runner.publishers import Publishers
    from scheduler.runner.run import run_due

    headlines = {tip_key(c.slug, tip.id): tip.headline for c in find_campaigns(settings.root) for tip in c.tips}
    publisher = Publishers(settings)
    end = start + timedelta(days=days)
    posted: list[dict] = []
    moments = sorted({datetime.fromisoformat(row["at"]) for row in plan_posts(settings, store, start, days)})
    try:
        for moment in (m for m in moments if m <= end):
            report = run_due(settings, store, publisher, moment.astimezone(UTC) + timedelta(minutes=1),
                             WORKER)
            posted += [{**item, "headline": headlines.get(item["id"], "")} for item in report.as_dict()["posted"]]
            for failed in report.failed:
                say(f"   failed {failed.id}: {failed.error}")
    finally:
        publisher.close()
    return posted


def _preview(settings: Settings, store, start: datetime) -> str:
    from scheduler.preview import write_preview

    out = settings.state_dir / "preview.html"
    write_preview(settings, store, start, out, 35)
    return str(out)


def _table(posted: list[dict], zone) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="posted during the simulated week", title_justify="left")
    table.add_column("when (local)")
    table.add_column("the card says")
    for item in posted:
        moment = datetime.fromisoformat(item["at"]).astimezone(zone)
        table.add_row(f"{moment:%a %d %b %H:%M}", item["headline"])
    console = Console(width=96, force_terminal=False)
    with console.capture() as captured:
        console.print(table)
    return captured.get().rstrip()


def _next_local_midnight(now: datetime, zone) -> datetime:
    local = now.astimezone(zone)
    midnight = datetime(local.year, local.month, local.day, tzinfo=zone) + timedelta(days=1)
    return midnight.astimezone(UTC)
