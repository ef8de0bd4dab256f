"""The whole pipeline on the bundled article, in a scratch folder, with a simulated clock.

The demo calls the library's front door (`Project`) as a user's script would: split, a stand-in reviewer
that approves only the tips split marked ready (as `approve --ready`: the rest wait for a person), cards, queue, then `run_due` at each slot of the first week, on a
SQLite file in the scratch folder. Only two things differ from real use: every account rehearses into the
outbox (whatever posts/schedule.yaml says), and the clock is simulated. Credentials and JUNO_DATABASE_URL
are ignored.
"""

from __future__ import annotations

import logging
import shlex
import shutil
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table

from scheduler import open_project
from scheduler.errors import ContentError, UsageError
from scheduler.project import Project
from scheduler.results import counted

logger = logging.getLogger(__name__)

SEED_ARTICLE = Path("posts") / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
WORKER = "demo"


def run_demo(project: Path, *, scratch: str | Path = ".juno/demo", days: int = 7,
             start: datetime | None = None, echo: Callable[[str], None] | None = print) -> dict:
    """Run every stage through the front door; return a report of what each did and what was posted when."""
    say = echo or (lambda _line: None)
    began = time.monotonic()
    root = prepare_scratch(Path(project), Path(project) / scratch)
    demo = open_project(root, env={}, rehearse=True)
    settings = demo.settings
    zone = settings.schedule.zone
    start = start or _next_local_midnight(datetime.now(UTC), zone)
    say(f"juno-scheduler demo in {root} — simulated week from {start.astimezone(zone):%A %d %B %Y}")

    split_report = demo.split(root / SEED_ARTICLE)
    split = {"campaign": split_report.article.campaign, "tips": len(split_report.tips)}
    say(f"1. split     {counted(len(split_report.tips), 'tip')} from {SEED_ARTICLE.name} -> {split['campaign']}")
    review = _approve_ready(demo, split_report.article.slug, start)
    say(f"2. review    approved the {counted(review['approved'], 'tip')} split marked ready (`approve --ready`); "
        f"{review['waiting']} more wait in draft for a person to read: their notes say why they are not ready")
    drawn = demo.draw_cards()
    cards = {"cards": len(drawn.cards), "rendered": drawn.rendered, "folder": str(settings.cards_dir)}
    say(f"3. cards     {counted(len(drawn.cards), 'card')} in {cards['folder']}")
    queued = demo.queue(start)
    say(f"4. queue     {counted(len(queued.queued), 'post')} given slots")
    headlines = {f"{split_report.article.slug}/{tip.id}": tip.headline for tip in split_report.tips}
    posted = _walk(demo, headlines, start, days, say)
    preview = demo.preview(start + timedelta(days=days), days=35).out
    say(_table(posted, zone))
    say(f"cards:   {cards['folder']}")
    say(f"outbox:  {settings.outbox_dir}")
    say(f"preview: {preview}")
    say(f"done in {time.monotonic() - began:.1f} s")
    say("the week ran on a simulated clock ahead of now: the studio shows its posts as simulated until their time")
    say(f"review it in the studio:  {_program()} --root {shlex.quote(str(root))} studio")
    return {"scratch": str(root), "start": start.isoformat(), "split": split, "review": review,
            "cards": cards, "queued": len(queued.queued), "posted": posted,
            "outbox": str(settings.outbox_dir), "preview": preview}


def _program() -> str:
    """How to run this juno-scheduler from here, as a line to copy: its name when the shell finds this very
    program, else its path (`make demo` runs it from .venv/bin, which is not on the PATH until activated)."""
    mine = Path(sys.executable).with_name("juno-scheduler")
    found = shutil.which("juno-scheduler")
    if found and (not mine.exists() or Path(found).resolve() == mine.resolve()):
        return "juno-scheduler"
    if not mine.exists():
        return f"{shlex.quote(sys.executable)} -m scheduler"
    try:
        return shlex.quote(str(mine.relative_to(Path.cwd())))
    except ValueError:
        return shlex.quote(str(mine))


def prepare_scratch(project: Path, scratch: Path) -> Path:
    """A fresh copy of the project's posts/ and assets/ (runtime state left behind)."""
    missing = [part for part in ("posts", "assets") if not (project / part).is_dir()]
    if missing:  # checked before the scratch folder is made: nothing half-made is left behind
        raise UsageError(f"{project.resolve()}: no {' or '.join(f'{part}/' for part in missing)} here; the demo copies "
                         "a juno-scheduler project's: run it in the clone, or pass --root <the clone>")
    if not (project / SEED_ARTICLE).exists():
        raise ContentError(f"{SEED_ARTICLE}: the bundled article is missing; restore it from git")
    scratch = scratch.resolve()
    if scratch.exists() and not scratch.is_dir():
        raise UsageError(f"--scratch {scratch}: that is a file, not a folder; name an empty or new folder")
    foreign = scratch.exists() and any(scratch.iterdir()) and not (scratch / ".juno-demo").exists()
    if scratch == project.resolve() or foreign:
        raise UsageError(f"--scratch {scratch}: the folder exists and is not a demo folder; "
                         "name an empty or new folder")
    if scratch.exists():
        shutil.rmtree(scratch)
    try:
        scratch.mkdir(parents=True)
    except OSError as exc:  # the user's path: say which and what to do, as for any bad argument (exit 2)
        raise UsageError(f"--scratch {scratch}: cannot make that folder ({exc.strerror or exc}); "
                         "name a folder you can write to") from exc
    (scratch / ".juno-demo").write_text("made by `juno-scheduler demo`; safe to delete\n", encoding="utf-8")
    for part in ("posts", "assets"):
        shutil.copytree(project / part, scratch / part)
    return scratch


def _approve_ready(demo: Project, campaign: str, now: datetime) -> dict:
    """The demo's reviewer: approves only the drafts split marked ready, as `approve CAMPAIGN --ready` does; a
    tip not ready, or held by a flag, waits for a person (a user trial: the demo posted tips split had not
    called ready, while the manager is told ready means a tip can go as it is)."""
    results = demo.approve([campaign], now=now, by="demo", ready_only=True)
    held = [tip for result in results for tip in result.held]
    not_ready = [tip for result in results for tip in result.not_ready if tip not in held]
    return {"approved": sum(len(result.approved) for result in results), "held": len(held), "held_ids": held,
            "not_ready": len(not_ready), "not_ready_ids": not_ready, "waiting": len(held) + len(not_ready)}


def _walk(demo: Project, headlines: dict[str, str], start: datetime, days: int, say) -> list[dict]:
    """Advance the clock to each planned time of the week and run what is due, as cron would."""
    end = start + timedelta(days=days)
    posted: list[dict] = []
    moments = sorted({datetime.fromisoformat(row.at) for row in demo.plan(start, days)})
    for moment in (m for m in moments if m <= end):
        report = demo.run_due(moment.astimezone(UTC) + timedelta(minutes=1), worker_id=WORKER)
        posted += [{**item, "headline": headlines.get(item["id"], "")} for item in report.as_dict()["posted"]]
        for failed in report.failed:
            say(f"   failed {failed.id}: {failed.error}")
    return posted


def _table(posted: list[dict], zone) -> str:
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
