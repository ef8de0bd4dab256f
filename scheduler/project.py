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

The stages that load a heavy library (the splitter, the cards, the preview page, the daemon's scheduler,
check) are imported by their method when it is called (`# lazy:` below), so that `run-due`, `collect` and
`status`, which cron and a person run often, never load Pillow, the splitter or Jinja2; a network's client
library is loaded by the network itself, only when it posts or reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from scheduler import audit, controls, heartbeat, networks
from scheduler.accounts import countable
from scheduler.campaigns import review
from scheduler.campaigns.file import (
    MAX_HEADLINE,
    CampaignRead,
    find_campaigns,
    read_campaigns,
)
from scheduler.campaigns.planning import plan_posts
from scheduler.campaigns.queueing import queue_campaigns
from scheduler.campaigns.roundtrip import Saved
from scheduler.config import Settings, load_settings, redact_secrets
from scheduler.errors import ConfigError, UsageError
from scheduler.fileio import changing
from scheduler.metrics.collect import (
    NOTHING_TO_READ,
    NOTHING_TO_SHOW,
    Collecting,
    Readers,
)
from scheduler.metrics.collect import collect as metrics_collect
from scheduler.metrics.stats import stats as metrics_stats
from scheduler.metrics.stats import stats_lines
from scheduler.networks.base import CheckReport
from scheduler.results import (
    AccountStatus,
    Approved,
    Archived,
    CalendarPost,
    CampaignPosts,
    Card,
    CardsReport,
    Change,
    ChangedPost,
    CollectReport,
    ConfiguredNetwork,
    HistoryRow,
    LatestPost,
    NetworkPost,
    NextOut,
    Pinned,
    PlannedPost,
    PostChange,
    PostingBeat,
    PreviewReport,
    QueueReport,
    RefusedCard,
    Renamed,
    SplitArticle,
    SplitBlock,
    SplitReport,
    SplitTip,
    StatsReport,
    StatusReport,
    TipPosts,
    Unpublished,
    Unreadable,
    seen_report,
)
from scheduler.runner import cron
from scheduler.runner.publishers import Publishers
from scheduler.runner.report import RunReport
from scheduler.runner.run import run_as_files_say, worker_name
from scheduler.runner.wanted import as_sent
from scheduler.store import (
    Store,
    database_failure,
    note_history,
    open_project_store,
    rename_handle,
)
from scheduler.store.records import WAITING

if TYPE_CHECKING:
    from scheduler.campaigns.file import Campaign, Tip
    from scheduler.editing import Editor
    from scheduler.posttext import Composed

EVERY_POST = 1_000_000_000  # history's limit when status counts the posts only simulated

# What the CLI and the studio may take from here besides Project: the names they show and the edge's helpers.
__all__ = ["CampaignRead", "CheckReport", "Project", "RunReport", "Saved", "database_failure", "open_project", "redact_secrets"]


def open_project(root: Path | str = ".", env: Mapping[str, str] | None = None, *, rehearse: bool = False) -> Project:
    """The project in `root` (a folder with posts/ and assets/); settings load on first use.

    `env` replaces the process environment (secrets, JUNO_DATABASE_URL); `rehearse` makes every account post
    into the outbox (.juno/outbox/) whatever posts/schedule.yaml says, as the demo does."""
    return Project(Path(root).resolve(), env, rehearse=rehearse)


class Project:
    def __init__(self, root: Path, env: Mapping[str, str] | None = None, *, rehearse: bool = False):
        self.root = root
        self._env = env
        self._rehearse = rehearse
        self._settings: Settings | None = None
        self._editor: Editor | None = None
        self._read: dict[tuple, Any] = {}  # files campaign_posts read, each with its version

    @property
    def settings(self) -> Settings:
        """Defaults, posts/schedule.yaml and the environment, validated once (call reload() after edits)."""
        if self._settings is None:
            settings = load_settings(self.root, env=self._env)
            self._settings = _rehearsal(settings) if self._rehearse else settings
        return self._settings

    @property
    def database_url(self) -> str:
        """The database these settings use, once they were read ("" before: never read for this)."""
        return self._settings.database_url if self._settings is not None else ""

    def reload(self) -> None:
        self._settings = None
        self._editor = None
        self._read.clear()

    @contextmanager
    def store(self, *, look_only: bool = False, held: bool = False, queued_only: bool = False) -> Iterator[Store]:
        """The project's database; `look_only` for what only reads it; `held` for what may be refused after looking
        (refused, it leaves the database as found), `queued_only` if it also changes only posts already queued
        (store.open_project_store)."""
        with open_project_store(self.settings, look_only=look_only, held=held, queued_only=queued_only) as store:
            yield store

    # --- the pipeline ---------------------------------------------------------------------------
    def split(self, article: Path | str, take: Sequence[str] = (), *, url: str | None = None,
              hashtags: Sequence[str] | None = None) -> SplitReport:
        """Split an article into posts/<slug>.yaml (a relative path: from the current folder, else the project's
        folder, else posts/articles/). `url`, `hashtags`: the article's address and the campaign's own hashtags
        (default: the article's own address, the practice's hashtags)."""
        # lazy: the splitter (trafilatura, lxml, Markdown, wordninja) stays out of every other command, cron's too
        from scheduler.cards.brand import load_brand
        from scheduler.tips import splitter

        schedule = splitter.load_schedule(self.root)
        if schedule is not None:  # the report's alt texts read the brand: a bad one refuses before anything is written
            load_brand(self.root, schedule.card_handle)
        result = splitter.split_file(article, self.root, schedule, take=take, url=url, hashtags=hashtags)
        data = splitter.report(result, self.root)
        return SplitReport(article=SplitArticle.of(data["article"]), tips=[SplitTip.of(tip) for tip in data["tips"]],
                           summary=splitter.summary(result, self.root),
                           blocks=[SplitBlock.of(block) for block in data["blocks"]], blocks_file=data["blocks_file"])

    def approve(self, names: Sequence[str], ack: Sequence[str] = (), *, now: datetime,
                ready_only: bool = False, by: str = "cli") -> list[Approved]:
        """Approve tips; `ready_only` takes of each named campaign only the drafts split marked ready; `by` is
        who, in .juno/audit.jsonl. Every tip approved by one call is one change: one undo takes them all back.
        Each result names the tips it approved that are too long for a network (`queue` will refuse them)."""
        try:
            lengths = self.settings is not None
        except ConfigError:  # approve does not need posts/schedule.yaml; the lengths do (check names its mistake)
            lengths = False
        # lazy: the sensitive lexicon (hundreds of phrasings compiled at import) stays out of cron's commands
        from scheduler.tips.flags import read_alone
        from scheduler.tips.taking import not_a_tip
        from scheduler.tips.unsaid import read_first

        results = review.approve(self.root, names, ack, now=now, read_alone=read_alone, read_first=read_first,
                                 not_a_tip=not_a_tip, ready_only=ready_only, by=by, batch=self.new_batch(now))
        return [replace(result, too_long=self._too_long(result)) if lengths else result for result in results]

    def _too_long(self, result: Approved) -> list[str]:
        """One line for each tip `result` approved (now or before) and each network it will not fit."""
        tips = [*result.approved, *result.acknowledged, *result.already]
        if not tips:
            return []
        campaign = find_campaigns(self.root, [result.campaign])[0]
        lines = []
        for tip_id in tips:
            tip = campaign.tip(tip_id)
            if tip is None:
                continue
            composed = self.compose_tip(campaign, tip)
            lines += [f"{campaign.slug}/{tip_id}: on {network} it would be {composed.over_limit(network)}; "
                      "shorten it before `juno-scheduler queue`"
                      for network, counted in composed.lengths.items() if not counted.fits]
        return lines

    def draw_cards(self, campaigns: Sequence[str] = (), size: str | None = None, *, progress: bool = False,
                   sheet: Path | str | None = None) -> CardsReport:
        """Draw the campaigns' cards in `size` (x, square, portrait or all); by default in the size each
        configured network shows. A tip whose headline cannot be drawn is in the report's `refused`, and the
        other tips' cards are drawn."""
        # lazy: Pillow and the card drawing stay out of commands that draw none (run-due and collect, from cron)
        from scheduler.cards.render import render_campaigns

        files = read_campaigns(self.root) if not campaigns else None  # a broken file stops none of the others
        found = files.read if files is not None else find_campaigns(self.root, campaigns)
        unreadable = files.unreadable if files is not None else []
        if not found:
            return CardsReport(cards=[], rendered=0, unchanged=0, unreadable=unreadable)
        sizes = size if size is not None else list(networks.card_sizes(self.settings.schedule.all_accounts))
        report = render_campaigns(self.settings, found, sizes, progress=progress,
                                  sheet=Path(sheet) if sheet else None)
        return CardsReport(cards=[Card.of(card) for card in report["cards"]], rendered=report["rendered"],
                           unchanged=report["unchanged"], sheet=report.get("sheet"), unreadable=unreadable,
                           refused=[RefusedCard.of(row) for row in report["refused"]],
                           notes=[f"card {row['campaign'] + '/' if len(found) > 1 else ''}{row['tip']}: {row['note']}"
                                  for row in report["notes"]])

    def queue(self, now: datetime, campaigns: Sequence[str] = ()) -> QueueReport:
        with self.changing(campaigns[0] if len(campaigns) == 1 else None), self.store(held=True) as store:
            report = QueueReport.of(queue_campaigns(self.settings, store, now, campaigns))
            note_history(self.settings, store, now)
            return report

    def unreadable_campaigns(self) -> list[Unreadable]:
        """The campaign files that do not read, each with its file, place and what to do (the others still do)."""
        return read_campaigns(self.root).unreadable

    def plan(self, now: datetime, days: int = 28) -> list[PlannedPost]:
        return self.plan_titled(now, days)[0]

    def plan_titled(self, now: datetime, days: int = 28) -> tuple[list[PlannedPost], list[str]]:
        """The plan, and the campaigns with posts still to go out, in its days or after (its title names them all),
        read from the database at one opening."""
        with self.store(look_only=True) as store:
            return ([PlannedPost(**row) for row in plan_posts(self.settings, store, now, days, as_sent(self.settings))],
                    store.waiting_campaigns())

    def campaign_posts(self, campaign: str, tip: str | None = None, text: str | None = None,
                       texts: Mapping[str, str] | None = None) -> CampaignPosts:
        """Each tip's post (or only `tip`'s) on every configured network exactly as it will be sent, with each
        network's count and limit and the warnings `preview` gives; `text`: the words typed in place of `tip`'s,
        `texts`: its networks' own texts as typed (empty: none) (nothing is saved)."""
        # lazy: Jinja2 and Pillow (preview's) stay out of commands that show no page (run-due, collect: cron)
        from scheduler.cards.brand import load_brand
        from scheduler.preview import link_notices, network_posts

        settings = self.settings
        found = self._kept(("campaign", campaign), self.root / "posts" / f"{campaign}.yaml",
                           lambda: find_campaigns(self.root, [campaign])[0])
        chosen = [t.with_texts(texts) if texts is not None else t for t in found.tips if tip is None or t.id == tip]
        if tip is not None and not chosen:
            raise UsageError(f"posts/{found.slug}.yaml has no tip {tip!r}; reload the page")
        brand = self._kept(("brand",), self.root / "assets" / "brand.yaml",
                           lambda: load_brand(self.root, settings.schedule.card_handle))
        tips = [TipPosts(tip=t.id, posts=[NetworkPost(**{**post, "card": str(post["card"])}) for post in network_posts(
                    settings, brand, found, t, text, composed=self.compose_tip(found, t, text))])
                for t in chosen]
        hashtags = found.hashtags if found.hashtags is not None else settings.schedule.hashtags
        return CampaignPosts(campaign=found.slug, url=found.url, hashtags=list(hashtags),
                             own_hashtags=found.hashtags is not None, notices=link_notices(settings, found), tips=tips)

    def _kept(self, key: tuple, path: Path, make):
        """What `make()` reads from `path`, read again only when the file changes (or the settings are reloaded)."""
        try:
            stat = path.stat()
            version: tuple = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            version = ()
        found = self._read.get(key)
        if found is None or found[0] != version:
            found = (version, make())
            self._read[key] = found
        return found[1]

    def compose_tip(self, campaign: Campaign, tip: Tip, text: str | None = None) -> Composed:
        """A tip's post on every account's network and each network's count (or the posts `text` would make in
        its place); kept per version of the tip and the settings (X's count is about 2 ms a post)."""
        return self._edits().composed(campaign, tip, text)

    def preview(self, now: datetime, out: Path | str | None = None, days: int = 28) -> PreviewReport:
        # lazy: as in campaign_posts
        from scheduler.preview import write_preview

        target = Path(out) if out else self.settings.state_dir / "preview.html"
        with self.store(held=True) as store:
            return PreviewReport.of(write_preview(self.settings, store, now, target, days))

    # --- posting ----------------------------------------------------------------------------------
    def run_due(self, now: datetime, *, dry_run: bool = False, publisher=None, worker_id: str | None = None,
                should_stop=lambda: False, simulated: bool = False) -> RunReport:
        """Post what is due at `now` (with `dry_run`, say what would happen and change nothing); `simulated`: `now`
        is not the clock's (run-due --now), so the studio does not show it as when posting last ran."""
        settings = self.settings
        own = publisher is None and not dry_run
        if own:  # one publisher per account, made when its first post is due
            publisher = Publishers(settings)
            for account in settings.schedule.all_accounts:
                if account.publisher == "outbox":  # before any claim: nothing posted, nothing moved
                    publisher.for_network(account.network).check_writable(self.root)
        try:
            with self.store() as store:
                if not dry_run:  # posting runs, from cron, the CLI or this library (a refused run is no beat)
                    self.beat("run-due", now, simulated=simulated)
                report = run_as_files_say(settings, store, publisher, now, worker_id or worker_name(),
                                          dry_run=dry_run, should_stop=should_stop)
            report.unreadable = read_campaigns(self.root).unreadable  # posted the rest; names each, exit 2
            return report
        finally:
            if own:
                publisher.close()

    def daemon(self, now: datetime | None = None, *, quiet: bool = False) -> int:
        """Run until stopped (SIGTERM, Ctrl-C), waking when the next post is due; the exit code.
        `now`: the daemon's clock starts there and runs at the machine's pace (rehearsals, tests); `quiet`: the
        next wake is logged, not printed."""
        # lazy: APScheduler's scheduler only for the daemon, not for run-due (cron)
        from scheduler.runner.daemon import run_daemon, started_clock

        return run_daemon(self.settings, env=self._env, clock=started_clock(now) if now else None,
                          collector=Collecting(), quiet=quiet)

    def beat(self, who: str, now: datetime, *, simulated: bool = False) -> None:
        """Note that `who` (run-due, daemon) ran now: the studio shows whether posting really runs."""
        heartbeat.beat(self.root, who, now, simulated=simulated)

    def posting_runs(self, now: datetime) -> PostingBeat:
        """Whether posting really runs: the last run-due, a live daemon, and a warning when neither has run
        for longer than the timetable's catch-up window allows."""
        ran, _ = heartbeat.last(self.root, "run-due")
        woke, pid = heartbeat.last(self.root, "daemon")
        daemon = heartbeat.alive(pid) and woke is not None
        window = self.settings.schedule.catch_up
        stale = not daemon and (ran is None or now - ran > window)
        publishers = sorted({str(a.publisher) for a in self.settings.schedule.all_accounts})
        simulated = heartbeat.last_simulated(self.root, "run-due")
        return PostingBeat(last_run_due=ran.isoformat() if ran else None, daemon_pid=pid if daemon else None,
                           simulated_run_due=simulated.isoformat() if simulated else None,
                           stale=stale, catch_up_minutes=int(window.total_seconds() // 60), publishers=publishers)

    def configured_networks(self) -> list[ConfiguredNetwork]:
        """Each network posts/schedule.yaml posts to, once, in its order, with the name a person reads."""
        rows: dict[str, ConfiguredNetwork] = {}
        for account in self.settings.schedule.all_accounts:
            if account.network not in rows:
                rows[account.network] = ConfiguredNetwork(
                    network=account.network, name=networks.get(account.network).name, handle=account.handle,
                    rehearsal=networks.get(account.publisher).rehearsal)
        return list(rows.values())

    def nothing_due(self, now: datetime) -> bool:
        """The cron fast path: True when surely nothing is due, found without loading the settings."""
        return cron.nothing_due(self.root, now)

    # --- what posts did ---------------------------------------------------------------------------
    def collect(self, now: datetime, readers=None) -> CollectReport:
        """Read the counts of posts whose next fixed age has come and keep them as snapshots; never posts."""
        if readers is None and not countable(self.settings.schedule.all_accounts):
            return CollectReport(nothing_to_read=NOTHING_TO_READ)
        own = readers is None
        readers = Readers(self.settings) if own else readers
        try:
            with self.store() as store:
                return CollectReport(networks=metrics_collect(self.settings, store, readers, now))
        finally:
            if own:
                readers.close()

    def stats(self) -> StatsReport:
        """Each post's counts at each age per network, with its shrunk score and interval (it only reads: a queue
        this user cannot write is shown with a warning, as by status)."""
        with self.store(look_only=True) as store:
            data = metrics_stats(self.settings, store)
        shown = countable(self.settings.schedule.all_accounts) or data["posts"]
        return StatsReport(**data, summary=stats_lines(data) if shown else [NOTHING_TO_SHOW],
                           detail=stats_lines(data, each=True) if shown else [NOTHING_TO_SHOW])

    # --- a person's levers and gauges -------------------------------------------------------------
    def status(self, now: datetime) -> StatusReport:
        with self.store(look_only=True) as store:
            data = controls.status(self.settings, store, now)
        return StatusReport.of(data)

    def status_as_said(self, now: datetime) -> tuple[StatusReport, int]:
        """`status` as people read it (the CLI's table, the studio): a post only written to the outbox counts as
        simulated, not posted (results.seen_report); with how many. One opening of the database."""
        with self.store(look_only=True) as store:
            report = StatusReport.of(controls.status(self.settings, store, now))
            rows = [HistoryRow(**row) for row in controls.history(self.settings, store, EVERY_POST)]
        return seen_report(report, rows, now)

    def history(self, limit: int = 50) -> list[HistoryRow]:
        if limit < 1:
            raise UsageError(f"--limit {limit}: give a number of posts of at least 1")
        with self.store(look_only=True) as store:
            return [HistoryRow(**row) for row in controls.history(self.settings, store, limit)]

    def retry(self, post_id: str, now: datetime, by: str = "cli") -> PostChange:
        """Queue a failed, dead, missed or skipped post again: a bare tip id on every network, ID@network one.

        The change is a line in .juno/audit.jsonl with every post's state before and after (undo reads it)."""
        with self.logged_change(by), self.store(queued_only=True) as store:
            before = controls.find_posts(store, post_id)
            posts = controls.retry_post(store, post_id, now, self.settings)
        self._record_posts("retry-post", before, posts, now, by)
        change = _change(posts)
        return replace(change, at=min(p.eligible_at for p in posts).astimezone(self.settings.schedule.zone).isoformat())

    def skip(self, post_id: str, now: datetime, by: str = "cli") -> PostChange:
        """Never post it: a bare tip id on every network, ID@network one (undo puts it back in its slot)."""
        with self.logged_change(by), self.store(queued_only=True) as store:
            try:
                before = controls.find_posts(store, post_id)
            except UsageError:
                before = []  # refused below: a tip not queued is told where to set status: skip
            posts = controls.skip_post(store, post_id, now, self.root)
        self._record_posts("skip-post", before, posts, now, by)
        return _change(posts)

    def skip_posts(self, post_ids: Sequence[str], now: datetime, by: str = "cli") -> list[PostChange]:
        """Skip exactly these posts (each one network's: `campaign/tip@network`, or a bare id for the first
        network's), as one change: nothing is skipped unless every one still waits to go out, and undo puts
        them all back in their slots together."""
        exact = list(dict.fromkeys(_one_network(post_id) for post_id in post_ids))
        if not exact:
            raise UsageError("choose the posts to skip")
        batch = self.new_batch(now) if len(exact) > 1 else None
        with self.logged_change(by), self.store(queued_only=True) as store:
            for given in exact:
                try:
                    waiting = [p for p in controls.find_posts(store, given) if p.status in WAITING]
                except UsageError:
                    waiting = []
                if not waiting:
                    raise UsageError(f"{given} is not waiting to go out any more (posted or skipped); nothing was "
                                     "skipped: reload the page and choose again")
            changes = []
            for given in exact:
                before = controls.find_posts(store, given)
                posts = controls.skip_post(store, given, now)
                self._record_posts("skip-post", before, posts, now, by, batch=batch)
                changes.append(_change(posts))
        return changes

    def archive(self, campaign: str, now: datetime, by: str = "cli") -> Archived:
        """Put a campaign away: posts/<slug>.yaml moves to posts/archived/ and its posts still to go out are
        withdrawn; one line in .juno/audit.jsonl, whose undo brings the file back and each post to its slot."""
        with self.logged_change(by, campaign):
            with self.store(queued_only=True) as store:
                before, after = controls.archive_campaign(store, self.root, campaign, now)
            audit.record(self.root, what="archive", campaign=campaign, tip=None, before=None, after=None, now=now,
                         by=by, posts={"before": [audit.post_snapshot(p) for p in before],
                                       "after": [audit.post_snapshot(p) for p in after]})
        return Archived(campaign=campaign, file=f"posts/{controls.ARCHIVE}/{campaign}.yaml", withdrawn=[p.id for p in after])

    def unarchive(self, campaign: str, now: datetime, by: str = "cli") -> Archived:
        """Bring an archived campaign back to posts/ and queue its approved tips again into the next free slots,
        as `queue` would (undoing the archive instead puts each post back in its own slot).

        The archiving it takes back is marked so in .juno/audit.jsonl (a line that undoes it), so that the Changes
        page no longer offers to undo an archiving whose campaign is back."""
        with self.changing(campaign):
            archived = self._archiving_in_effect(campaign)
            if archived is not None:
                audit.check_writable(self.root)
            controls.restore_campaign(self.root, campaign)
            if archived is not None:
                audit.record(self.root, what="undo", campaign=campaign, tip=None, before=None, after=None, now=now,
                             by=by, undoes=archived["id"])
            report = self.queue(now, [campaign])
        return Archived(campaign=campaign, file=f"posts/{campaign}.yaml", queued=[p.id for p in report.queued])

    def _archiving_in_effect(self, campaign: str) -> dict | None:
        """The latest archiving of `campaign` in .juno/audit.jsonl not undone yet, if any."""
        found = audit.entries(self.root)
        undone = audit.undone_ids(found)
        return next((e for e in reversed(found) if e["what"] == "archive" and e["campaign"] == campaign
                     and e["id"] not in undone), None)

    def archived(self) -> list[str]:
        """The campaigns in posts/archived/, by name."""
        return controls.archived_campaigns(self.root)

    def changing(self, campaign: str | None = None) -> AbstractContextManager[None]:
        """The project's one lock on its campaigns, held around a change to them (and to the queue made from them):
        another command or the studio waits, then makes its change to the files as this one left them; one that
        waits too long is errors.Busy, nothing changed. Taken again inside a change, it does not wait on itself.
        `campaign`: the one being changed (None: several, or the queue), for the message of a writer that waits."""
        return changing(self.root, f"posts/{campaign}.yaml" if campaign else "posts/")

    @contextmanager
    def logged_change(self, by: str | None, campaign: str | None = None) -> Iterator[None]:
        """A change that .juno/audit.jsonl records (skip, retry, pause, resume, archive): the project's lock is
        taken, then the log must be able to take its line before anything changes (OutputError, nothing changed),
        so no change goes unrecorded and no error is said of a change that was made. `by` None: an undo, which
        records itself (its own check)."""
        with self.changing(campaign):
            if by is not None:
                audit.check_writable(self.root)
            yield

    def new_batch(self, now: datetime) -> str:
        """An id for several changes made at once (pass it to each): one undo reverts them all."""
        return audit.new_batch(now)

    def _record_posts(self, what: str, before, after, now: datetime, by: str, batch: str | None = None) -> None:
        first = after[0] if after else (before[0] if before else None)
        if first is None:
            return
        slug, tip_id = first.tip_key.split("/", 1)
        ids = {p.id for p in after}
        audit.record(self.root, what=what, campaign=slug, tip=tip_id, before=None, after=None, now=now, by=by,
                     posts={"before": [audit.post_snapshot(p) for p in before if p.id in ids],
                            "after": [audit.post_snapshot(p) for p in after]}, extra={"batch": batch} if batch else None)

    def unpublish(self, post_id: str, now: datetime) -> list[Unpublished]:
        """Delete a tip's published posts from their networks (ID@network: one) and record it."""
        publishers = Publishers(self.settings)
        try:
            with self.store(queued_only=True) as store:
                return [Unpublished(**row) for row in controls.unpublish_post(self.settings, store, post_id, now, publishers)]
        finally:
            publishers.close()

    def pause(self, now: datetime, network: str | None = None, by: str | None = "cli") -> list[AccountStatus]:
        """Stop posting on every account, or on one network's (a line in .juno/audit.jsonl; undo resumes)."""
        controls.chosen_accounts(self.settings, network)  # a network not configured: refused before the database opens
        with self.logged_change(by), self.store() as store:
            rows = [AccountStatus(**row) for row in controls.pause(self.settings, store, now, network)]
        self._record_account("pause", network, now, by)
        return rows

    def resume(self, now: datetime, network: str | None = None, by: str | None = "cli") -> list[AccountStatus]:
        controls.chosen_accounts(self.settings, network)
        with self.logged_change(by), self.store() as store:
            rows = [AccountStatus(**row) for row in controls.resume(self.settings, store, now, network)]
        self._record_account("resume", network, now, by)
        return rows

    def rename_handle(self, network: str, now: datetime, *, apply: bool = True, by: str = "cli") -> Renamed:
        """The practice renamed its account on `network` (and wrote the new handle in posts/schedule.yaml): the
        database's posts of the old handle not yet out go to the new one, posted ones keep the old; one line in
        .juno/audit.jsonl. `apply` False: what it would do, nothing changed. Refused, nothing changed, while a run
        holds one of those posts or one may have gone out (store.rename_handle)."""
        network = networks.key(network)
        with self.logged_change(by if apply else None):
            old, posts, kept, held = rename_handle(self.settings, network, now, apply=apply)
            new = self.settings.schedule.account_for(network)
            assert new is not None  # rename_handle refused a network without an account
            result = Renamed(network=network, old=networks.written(network, old),
                             new=networks.written(network, new.handle), moved=[p.id for p in posts], kept=kept,
                             done=apply, held=str(held.state) if held else None, reason=held.reason if held else None)
            if apply:
                audit.record(self.root, what="rename-handle", campaign=None, tip=None, before=None, after=None,
                             now=now, by=by, extra={"network": network, "old": result.old, "new": result.new,
                                                    "moved": result.moved, "kept": kept, "held": result.held})
        return result

    def _record_account(self, what: str, network: str | None, now: datetime, by: str | None) -> None:
        if by is None:  # an undo records itself
            return
        audit.record(self.root, what=what, campaign=None, tip=None, before=None, after=None, now=now, by=by,
                     extra={"network": network})

    def check(self, network: str | None = None, *, now: datetime) -> CheckReport:
        """Configuration, fonts, the approved tips, credentials, and that the credentials belong to the configured
        handle; `now`: pins before it are past."""
        # lazy: Pillow (the brand's check) only for check, not for run-due or collect (cron)
        from scheduler.check import run_check

        return run_check(self.settings, now, network=network)

    # --- a person's changes to campaigns (the studio) -----------------------------------------------
    # Each is checked, written in place (comments kept), recorded in .juno/audit.jsonl and undoable; an
    # approved tip is queued at once. A refused change raises errors.Refused (naming the form field), a file
    # changed since the page was made errors.Conflict: nothing is written then.

    def _edits(self) -> Editor:
        if self._editor is None:
            # lazy: the studio's editing (ruamel.yaml, Pillow) stays out of run-due, collect and status (cron)
            from scheduler.editing import Editor

            self._editor = Editor(self.root, self.settings, self.store)
        return self._editor

    def campaign(self, slug: str) -> tuple[Campaign, str]:
        """One campaign as the CLI reads it, and its file's version (what a change must still find)."""
        return self._edits().campaign(slug)

    def campaigns(self) -> list[CampaignRead]:
        """Every campaign file of posts/; one that does not read says why (the others still do)."""
        return self._edits().campaigns()

    def edit_tip(self, slug: str, tip_id: str, values: Mapping[str, str], *, version: str,
                 was: Mapping[str, str] | None = None, now: datetime) -> Saved:
        """Headline, text and alt text as a person typed them (an empty alt text: the card's words).

        With `was` (each field as the page showed it) only the fields changed are written, and only a field
        changed on disk since is a Conflict; without it, `version` guards the whole file."""
        with self.changing(slug):
            return self._edits().edit_tip(slug, tip_id, dict(values), version, dict(was) if was is not None else None,
                                          now=now)

    def set_tip_status(self, slug: str, tip_id: str, status: str, *, version: str | None,
                       acknowledge: Sequence[str] = (), now: datetime, batch: str | None = None,
                       shown: str | None = None) -> Saved:
        """draft, approved or skip; approving needs every review flag acknowledged, and queues the tip.
        `version` None: whatever the file's version; `batch` (new_batch()): one of several changes made at once;
        `shown` (Tip.digest of the tip as a page showed it): only a change to this tip since is a conflict."""
        with self.changing(slug):
            return self._edits().set_status(slug, tip_id, status, version, acknowledge, now=now, batch=batch,
                                            shown=shown)

    def drop_flag(self, slug: str, tip_id: str, flag: str, *, version: str | None, now: datetime) -> Saved:
        """A review flag a person judged wrong, taken off the tip (as deleting it from `review:`); Undo puts it back."""
        with self.changing(slug):
            return self._edits().drop_flag(slug, tip_id, flag, version, now=now)

    def reorder_tip(self, slug: str, tip_id: str, offset: int, *, version: str, now: datetime) -> Saved:
        with self.changing(slug):
            return self._edits().reorder(slug, tip_id, offset, version, now=now)

    def add_tip(self, slug: str, text: str, paragraph: int | None, *, version: str, now: datetime) -> Saved:
        """A new draft tip from words of the article, made as `split --take` makes one."""
        with self.changing(slug):
            return self._edits().add_tip(slug, text, paragraph, version, now=now)

    def add_article(self, title: str, text: str, *, upload_name: str | None = None, upload: bytes | None = None,
                    url: str = "", hashtags: str | None = None, now: datetime, update: str | None = None) -> str:
        """A pasted (title and text) or uploaded article saved under posts/articles/ and split; its campaign's
        slug. `url`: the article's address (empty: its own, if it gives one); `hashtags` as typed ("#Grief #Loss";
        None: the practice's). When split refuses it, the file goes again. The same article added again is
        errors.AlreadyHere, naming its campaign; `update` (that slug) then updates that campaign with the text."""
        with self.changing(update):
            return self._edits().add_article(title, text, upload_name, upload, split=self.split, now=now, url=url,
                                             hashtags=hashtags, update=update)

    def set_campaign_links(self, slug: str, url: str, hashtags: str | None, *, was: Mapping[str, str] | None = None,
                           now: datetime) -> Saved:
        """The article's address (empty: no link) and the campaign's own hashtags as typed (None: the practice's)
        that every post of the campaign carries; queued posts follow. With `was` (as the page showed them), a
        value changed on disk since is a Conflict."""
        with self.changing(slug):
            return self._edits().set_links(slug, url, hashtags, dict(was) if was is not None else None, now=now)

    def pin_post(self, post_id: str, when: str, *, now: datetime, batch: str | None = None) -> Pinned:
        """Move a queued post to a local time (`2026-12-02T09:30`), if the timetable's rules allow it: the tip
        is pinned (at: in its campaign file) and queued again."""
        with self.changing(post_id.split("/", 1)[0] if "/" in post_id else None):
            return self._edits().move(post_id, when, now=now, batch=batch)

    def undo(self, change_id: str | None = None, *, now: datetime) -> Change | None:
        """Revert one change exactly (default: the latest still in effect), with those made at once with it; an
        undo of an undo is a redo. Refused when what it changed has changed since; None: nothing to undo."""
        with self.changing():
            entry = self._edits().undo(change_id, now=now)
        return None if entry is None else Change.from_entry(entry)

    def undo_blocked(self, change_id: str, *, now: datetime) -> str | None:
        """Why undo(change_id) would be refused now, in its words (None: it would revert the change)."""
        return self._edits().undo_blocked(change_id, now=now)

    def changes(self, limit: int = 30) -> list[Change]:
        """The latest changes, newest first, made in the studio or with the command line."""
        return [Change.from_entry(row, undone=row["undone"], superseded=row["superseded"]) for row in audit.recent(self.root, limit)]

    def next_undo(self) -> Change | None:
        """What undo() would revert now."""
        entry = audit.last_undoable(self.root)
        return None if entry is None else Change.from_entry(entry)

    # --- what a person sees of a tip ------------------------------------------------------------------

    @property
    def headline_limit(self) -> int:
        """The most characters a card's headline takes."""
        return MAX_HEADLINE

    @property
    def card_sizes(self) -> tuple[str, ...]:
        """Every card size the configured networks show, the first account's first (the one the studio shows)."""
        return self._edits().card_sizes

    def card(self, campaign: Campaign, tip: Tip, size: str | None = None) -> Path:
        """The tip's card on disk in `size` (default: the first account's network's), drawn if missing or stale."""
        return self._edits().card(campaign, tip, size)

    def sketch_card(self, campaign: Campaign, tip: Tip, headline: str) -> bytes:
        """The tip's card (PNG bytes) as it would be with `headline`; nothing is saved."""
        return self._edits().sketch_card(campaign, tip, headline)

    def card_version(self, campaign: Campaign, tip: Tip, size: str | None = None) -> str:
        """A digest of what the tip's card (in `size`) is drawn from: it changes when the card would."""
        return self._edits().card_version(campaign, tip, size)

    def card_drawn(self, campaign: Campaign, tip: Tip) -> bool:
        """The tip's card is on disk and drawn from its current words."""
        return self._edits().card_drawn(campaign, tip)

    def card_state(self, campaign: Campaign, tip: Tip) -> Literal["drawn", "missing", "out of date"]:
        """The tip's card: drawn from its current words and brand, not drawn yet, or drawn from others."""
        return self._edits().card_state(campaign, tip)

    def card_note(self, campaign: Campaign, tip: Tip) -> str | None:
        """Why the tip's card is drawn without its kicker (its section name too long for the kicker's lines), or None."""
        return self._edits().card_note(campaign, tip)

    def alt_text(self, campaign: Campaign, tip: Tip) -> str:
        """The tip's alt text: a person's override, else the card's own words."""
        return self._edits().alt_text(campaign, tip)

    def compose(self, campaign: Campaign, tip: Tip, text: str | None = None) -> Composed:
        """The tip's post on every account (with `text` instead of its own, if given), counted by each network."""
        return self._edits().composed(campaign, tip, text)

    def added_to_post(self, campaign: Campaign, tip: Tip) -> str:
        """What the post carries besides the tip's words: 'the article's link and hashtags included'."""
        return self._edits().added_to_post(campaign, tip)

    def next_out(self, slug: str, tip_id: str) -> NextOut | None:
        """When a queued tip goes out next and on which networks; None when none of its posts waits."""
        return self._edits().next_out(slug, tip_id)

    def where_it_goes(self, slug: str, tip_id: str) -> str:
        """When and where a queued tip goes out: 'Thu 03 Dec 18:30 (America/New_York) on X and Mastodon'."""
        return self._edits().where_it_goes(slug, tip_id)

    def article(self, campaign: Campaign) -> list[dict[str, Any]]:
        """The campaign's article block by block, each sentence with the tips drawn from it, and why a block
        fed no tip (split's record)."""
        return self._edits().article(campaign)

    def latest_posts(self, slug: str | None = None) -> dict[str, LatestPost]:
        """The latest post of each tip (of one campaign, or all), by campaign/tip."""
        return self._edits().latest_posts(slug)

    def calendar_posts(self, since: datetime, until: datetime) -> list[CalendarPost]:
        """The posts still to go out, or gone, between two times."""
        return self._edits().calendar_posts(since, until)


def _one_network(post_id: str) -> str:
    """A post id that names one network's post: a bare id (the first network's) gets its @network."""
    return post_id if networks.network_of(post_id)[1] is not None else f"{post_id}@{networks.first()}"


def _change(posts) -> PostChange:
    first = next((p for p in posts if p.network == networks.first()), posts[0])
    return PostChange(first.id, first.status, [ChangedPost(p.id, p.network, p.status) for p in posts])


def _rehearsal(settings: Settings) -> Settings:
    """The same settings with every account posting into the outbox."""
    schedule = settings.schedule
    return replace(settings, schedule=replace(
        schedule, account=replace(schedule.account, publisher=networks.rehearsal()),
        accounts=tuple(replace(account, publisher=networks.rehearsal()) for account in schedule.accounts)))
