"""The library's front door: one `Project` per project folder, with every operation a command needs.

    from scheduler import open_project
    project = open_project("path/to/practice")
    project.split("posts/articles/my-article.md")
    project.approve(["my-article"])
    project.draw_cards()
    project.queue(now)
    project.run_due(now)

The CLI, the studio and users' scripts call these methods and nothing below them; each returns a
typed result (scheduler.results) whose `as_dict()` is the command's `--json`. Time is passed in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from scheduler.config import Settings
from scheduler.errors import UsageError
from scheduler.results import (
    AccountStatus,
    Approved,
    CardsReport,
    HistoryRow,
    PlannedPost,
    PostChange,
    PreviewReport,
    QueuedPost,
    QueueReport,
    SplitReport,
    SplitTip,
    StatusReport,
    Unpublished,
)
from scheduler.runner.report import RunReport


def open_project(root: Path | str = ".", env: dict[str, str] | None = None) -> Project:
    """The project in `root` (a folder with posts/ and assets/); settings load on first use."""
    return Project(Path(root).resolve(), env)


class Project:
    def __init__(self, root: Path, env: dict[str, str] | None = None):
        self.root = root
        self._env = env
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """Defaults, posts/schedule.yaml and the environment, validated once (call reload() after edits)."""
        if self._settings is None:
            from scheduler.config import load_settings

            self._settings = load_settings(self.root, env=self._env)
        return self._settings

    def reload(self) -> None:
        self._settings = None

    @contextmanager
    def store(self) -> Iterator:
        from scheduler.store import open_project_store

        with open_project_store(self.settings) as store:
            yield store

    # --- the pipeline ---------------------------------------------------------------------------
    def split(self, article: Path | str, take: Sequence[str] = ()) -> SplitReport:
        from scheduler.tips import splitter

        result = splitter.split_file(article, self.root, splitter.load_schedule(self.root), take=take)
        data = splitter.report(result, self.root)
        return SplitReport(article=data["article"], tips=[SplitTip(**tip) for tip in data["tips"]],
                           summary=splitter.summary(result, self.root), blocks=data["blocks"],
                           blocks_file=data["blocks_file"])

    def approve(self, names: Sequence[str], ack: Sequence[str] = (), *, now: datetime,
                ready_only: bool = False) -> list[Approved]:
        """Approve tips; `ready_only` takes of each named campaign only the drafts split marked ready."""
        from scheduler.campaigns.review import approve

        return approve(self.root, names, ack, now=now, ready_only=ready_only)

    def draw_cards(self, campaigns: Sequence[str] = (), size: str = "x", *, progress: bool = False,
                   sheet: Path | str | None = None) -> CardsReport:
        from scheduler.campaigns.file import find_campaigns
        from scheduler.cards.render import render_campaigns

        found = find_campaigns(self.root, campaigns)
        if not found:
            return CardsReport(cards=[], rendered=0, unchanged=0)
        report = render_campaigns(self.settings, found, size, progress=progress,
                                  sheet=Path(sheet) if sheet else None)
        return CardsReport(cards=report["cards"], rendered=report["rendered"], unchanged=report["unchanged"],
                           sheet=report.get("sheet"))

    def queue(self, now: datetime, campaigns: Sequence[str] = ()) -> QueueReport:
        from scheduler.campaigns.queueing import queue_campaigns

        with self.store() as store:
            report = dict(queue_campaigns(self.settings, store, now, campaigns))
        queued = [QueuedPost(**row) for row in report.pop("queued")]
        recycled = [QueuedPost(**row) for row in report.pop("recycled")]
        return QueueReport(queued=queued, recycled=recycled, updated=report.pop("updated"),
                           withdrawn=report.pop("withdrawn"), unchanged=report.pop("unchanged"),
                           held=report.pop("held"), extra=report)

    def plan(self, now: datetime, days: int = 28) -> list[PlannedPost]:
        from scheduler.campaigns.planning import plan_posts

        with self.store() as store:
            return [PlannedPost(**row) for row in plan_posts(self.settings, store, now, days)]

    def preview(self, now: datetime, out: Path | str | None = None, days: int = 28) -> PreviewReport:
        from scheduler.preview import write_preview

        target = Path(out) if out else self.settings.state_dir / "preview.html"
        with self.store() as store:
            return PreviewReport(**write_preview(self.settings, store, now, target, days))

    # --- posting ----------------------------------------------------------------------------------
    def run_due(self, now: datetime, *, dry_run: bool = False, publisher=None, worker_id: str | None = None,
                should_stop=lambda: False) -> RunReport:
        """Post what is due at `now` (with `dry_run`, say what would happen and change nothing)."""
        from scheduler.runner.run import (
            note_schedule_valid,
            run_due,
            schedule_changed,
            worker_name,
        )

        settings = self.settings
        changed = not dry_run and schedule_changed(self.root)
        if not dry_run:  # what the next run compares with: a dry run moves nothing, so notes nothing
            note_schedule_valid(settings)
        own = publisher is None and not dry_run
        if own:  # one publisher per account, made when its first post is due
            from scheduler.publishers import Publishers

            publisher = Publishers(settings)
        try:
            with self.store() as store:
                return run_due(settings, store, publisher, now, worker_id or worker_name(), dry_run=dry_run,
                               should_stop=should_stop, timetable_changed=changed)
        finally:
            if own:
                publisher.close()

    def daemon(self) -> int:
        """Run until stopped (SIGTERM, Ctrl-C), waking when the next post is due; the exit code."""
        from scheduler.runner.daemon import run_daemon

        return run_daemon(self.settings)

    def nothing_due(self, now: datetime) -> bool:
        """The cron fast path: True when surely nothing is due, found without loading the settings."""
        from scheduler.runner.run import nothing_due

        return nothing_due(self.root, now)

    # --- a person's levers and gauges -------------------------------------------------------------
    def status(self, now: datetime) -> StatusReport:
        from scheduler.controls import status

        with self.store() as store:
            data = status(self.settings, store, now)
        return StatusReport(**{**data, "account": AccountStatus(**data["account"])})

    def history(self, limit: int = 50) -> list[HistoryRow]:
        from scheduler.controls import history

        if limit < 1:
            raise UsageError(f"--limit {limit}: give a number of posts of at least 1")
        with self.store() as store:
            return [HistoryRow(**row) for row in history(self.settings, store, limit)]

    def retry(self, post_id: str, now: datetime) -> PostChange:
        """Queue a failed, dead, missed or skipped post again: a bare tip id on every network, ID@network one."""
        from dataclasses import replace

        from scheduler.controls import retry_post

        with self.store() as store:
            posts = retry_post(store, post_id, now, self.settings)
        change = _change(posts)
        return replace(change, at=min(p.eligible_at for p in posts).astimezone(self.settings.schedule.zone).isoformat())

    def skip(self, post_id: str, now: datetime) -> PostChange:
        """Never post it: a bare tip id on every network, ID@network one."""
        from scheduler.controls import skip_post

        with self.store() as store:
            return _change(skip_post(store, post_id, now))

    def unpublish(self, post_id: str, now: datetime) -> list[Unpublished]:
        """Delete a tip's published posts from their networks (ID@network: one) and record it."""
        from scheduler.controls import unpublish_post
        from scheduler.publishers import Publishers

        publishers = Publishers(self.settings)
        try:
            with self.store() as store:
                return [Unpublished(**row) for row in unpublish_post(self.settings, store, post_id, now, publishers)]
        finally:
            publishers.close()

    def pause(self, now: datetime, network: str | None = None) -> list[AccountStatus]:
        """Stop posting on every account, or on one network's."""
        from scheduler.controls import pause

        with self.store() as store:
            return [AccountStatus(**row) for row in pause(self.settings, store, now, network)]

    def resume(self, now: datetime, network: str | None = None) -> list[AccountStatus]:
        from scheduler.controls import resume

        with self.store() as store:
            return [AccountStatus(**row) for row in resume(self.settings, store, now, network)]

    def check(self, network: str | None = None):
        """Configuration, fonts, credentials, and that the credentials belong to the configured handle."""
        from scheduler.publishers.checks import run_check

        return run_check(self.settings, network=network)


def _change(posts) -> PostChange:
    first = next((p for p in posts if p.network == "x"), posts[0])
    return PostChange(first.id, first.status, [{"id": p.id, "network": p.network, "status": p.status} for p in posts])
