"""The daemon: APScheduler's BlockingScheduler as an alarm clock for runner.run_due.

The database stays the queue. One job, "run-due", has a trigger that asks the database when the
next post becomes due and fires then, or a minute from now if that is sooner: posts queued
meanwhile are noticed within a minute, and nothing polls every second. SIGTERM or SIGINT: the
post in flight is finished, claims are released, and the process exits 0.

A second job, "collect", reads what posts did on its own timer (`collect_every` in posts/schedule.yaml, an
hour by default): once at start, then every interval, in a thread of its own with its own database
connection, so it never holds a post's claim nor delays a due post. A network that could not be read is
tried again after RETRY_COLLECT (or the interval, if shorter); the others were read meanwhile.

The daemon follows the files as cron does: every wake loads posts/schedule.yaml (and the environment)
again and runs what `run-due` runs (run_as_files_say: a changed timetable moves the waiting posts, the
campaign files are read at each claim). A file that cannot be read stops posting with one located line in
the log; posting resumes at the first wake that finds it fixed.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from apscheduler.executors.debug import DebugExecutor
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.triggers.base import BaseTrigger

from scheduler import networks
from scheduler.config import load_settings
from scheduler.errors import JunoError, unexpected
from scheduler.heartbeat import beat
from scheduler.results import CollectReport, counted, local_time
from scheduler.runner.publishers import Publishers
from scheduler.runner.report import RunReport, Stopped
from scheduler.runner.run import (
    note_schedule_valid,
    run_as_files_say,
    schedule_changed,
    schedule_marker,
    worker_name,
)
from scheduler.store import open_project_store

logger = logging.getLogger(__name__)

RECHECK = timedelta(minutes=1)
RETRY_COLLECT = timedelta(minutes=10)
MAX_SLEEP = 3600.0  # seconds; the run-due trigger wakes the alarm at least every RECHECK anyway


class Collector(Protocol):
    """What the daemon's collect timer runs (the project supplies it: reading counts sits above the runner)."""

    def __call__(self, settings: Any, now: datetime) -> CollectReport: ...

    def close(self) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def started_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that reads `start` now and runs on at the machine's pace (`daemon --now`)."""
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


class NextDue(BaseTrigger):
    """Fires when the next post is due (by the database), and at least every `recheck`.
    Times are the daemon's clock's; APScheduler's own (the machine's) differ from them by `offset`."""

    def __init__(self, store, recheck: timedelta, clock: Callable[[], datetime] = utc_now):
        self.store = store
        self.recheck = recheck
        self.clock = clock
        self.not_before: datetime | None = None  # after a run that could do nothing: rest until then

    def __str__(self) -> str:
        return f"when the next post is due, at least every {self.recheck}"

    def get_next_fire_time(self, previous_fire_time, now):
        offset = self.clock() - now
        fire = self._next(None if previous_fire_time is None else previous_fire_time + offset, now + offset)
        return fire - offset

    def _next(self, previous_fire_time, now):
        latest = now + self.recheck
        following = self.store.next_ready_at()
        fire = latest if following is None else min(max(following, now), latest)
        if self.not_before is not None:
            fire = max(fire, self.not_before)
        if previous_fire_time is not None:  # strictly later, or APScheduler counts the same run forever
            fire = max(fire, previous_fire_time + timedelta(microseconds=1))
        logger.debug("next wake at %s", fire.isoformat())
        return fire


class KeepJobsOnShutdown(MemoryJobStore):
    """A signal may shut the scheduler down while its job runs; the job's bookkeeping after that
    must still find the job (MemoryJobStore forgets every job on shutdown)."""

    def shutdown(self) -> None:
        pass


class Alarm(BaseScheduler):
    """APScheduler's BlockingScheduler, made safe to stop from a signal handler at any moment.

    BlockingScheduler sleeps on a threading.Event, and a handler that stops it must call Event.set(), which takes
    the Event's lock; a signal lands in the main thread, which may be holding that very lock (clearing or entering
    the wait), and the handler then waits on its own thread for ever: a daemon that ignores SIGTERM. Here the loop
    sleeps on a pipe; asking it to stop sets a flag and writes a byte (no lock), and the loop shuts down from its
    own code, between jobs."""

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self.stop_asked = False

    def start(self, *args: Any, **kwargs: Any) -> None:
        super().start(*args, **kwargs)
        self._main_loop()

    def close(self) -> None:
        """After the signal handlers are put back: a late signal must not write into a reused descriptor."""
        os.close(self._wake_read)
        os.close(self._wake_write)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)
        self.wakeup()

    def ask_to_stop(self) -> None:
        """Safe from a signal handler: no lock is taken."""
        self.stop_asked = True
        self.wakeup()

    def wakeup(self) -> None:
        try:
            os.write(self._wake_write, b"\0")
        except (BlockingIOError, OSError):  # the pipe is full (a wake is pending anyway) or already closed
            pass

    def _main_loop(self) -> None:
        wait_seconds: float | None = 0
        while not self.stop_asked:
            select.select([self._wake_read], [], [], wait_seconds)
            try:
                while os.read(self._wake_read, 512):
                    pass
            except BlockingIOError:
                pass
            if self.stop_asked:
                break
            wait_seconds = self._process_jobs()  # None: no job at all, sleep until woken
            if wait_seconds is not None:
                wait_seconds = min(wait_seconds, MAX_SLEEP)
        if self.state != STATE_STOPPED:
            self.shutdown(wait=False)


class Following:
    """The files as they are at each wake: the settings, and the database and publishers they call for."""

    def __init__(self, settings, env, given_publisher=None):
        self.settings = settings
        self.env = env
        self.given = given_publisher
        self.store = open_project_store(settings)
        self.publisher = given_publisher or _publishers(settings)
        self.broken: str | None = None  # the located line of a file that cannot be read, logged once

    def reload(self) -> bool:
        """Read posts/schedule.yaml and the environment again; False (said once) while they cannot be used."""
        try:
            settings = load_settings(self.settings.root, env=self.env)
            if (settings.database_url, settings.schedule.account_keys) != (self.settings.database_url,
                                                                          self.settings.schedule.account_keys):
                store = open_project_store(settings)  # another database or other accounts: bound again
                self.store.close()
                self.store = store
        except JunoError as exc:
            if str(exc) != self.broken:
                logger.error("%s; not posting until it is fixed", exc)
                self.broken = str(exc)
            return False
        if self.broken is not None:
            logger.warning("the files can be read again; posting resumes")
            self.broken = None
        if settings != self.settings and self.given is None:
            self.publisher.close()
            self.publisher = _publishers(settings)
        self.settings = settings
        return True

    def close(self) -> None:
        self.publisher.close()
        self.store.close()


def cannot_post(files: Following) -> list[Stopped]:
    """The accounts that cannot post with the settings read now (a secret not set), as run-due reports them."""
    if not isinstance(files.publisher, Publishers):  # one publisher given (tests): nothing to set
        return []
    return [Stopped(account.handle, reason, account.network) for account in files.settings.schedule.all_accounts
            if (reason := files.publisher.unset(account.network))]


def _publishers(settings):
    return Publishers(settings)


def next_wake(store, settings, now: datetime, not_before: datetime | None = None) -> str:
    """When the daemon wakes next to post, in the practice's zone, as a line for the log and the terminal (a user
    trial: a daemon started in silence left on-call guessing whether it would post at all)."""
    following = store.next_ready_at()
    zone = settings.schedule.zone
    if following is None:
        return "next wake: none planned, nothing is queued (a post queued later is noticed within a minute)"
    at = max(following, now, not_before or now)
    return f"next wake: {local_time(at, zone)} ({zone.key}), when the next post is due"


def collect_again_in(settings, report: CollectReport | None) -> timedelta | None:
    """When the collect timer fires next: the interval, sooner when a network (or the run) failed; None: off."""
    every = settings.schedule.collect_every
    if every is None:
        return None
    failed = report is None or report.exit_code != 0
    return min(every, RETRY_COLLECT) if failed else every


def run_daemon(settings, *, echo: Callable[[str], None] | None = None, recheck: timedelta = RECHECK,
               clock: Callable[[], datetime] | None = None, publisher=None, env=None,
               collector: Collector | None = None, quiet: bool = False) -> int:
    """Post as the files say until stopped; `quiet` (-q): the next wake is logged, not printed."""
    echo = echo or (lambda line: print(line, flush=True))

    clock = clock or utc_now
    files = Following(settings, env, publisher)
    if not schedule_marker(settings.root).exists():  # a first run ever: the timetable as it starts is the baseline
        note_schedule_valid(settings)
    worker_id = worker_name()
    beat(settings.root, "daemon", clock())  # the studio shows that a daemon runs (while its pid lives)
    trigger = NextDue(files.store, recheck, clock)

    def tell_next_wake() -> None:
        line = next_wake(files.store, files.settings, clock(), trigger.not_before)
        logger.info("%s", line)
        if not quiet:
            echo(line)

    stopping: list[int] = []
    told: dict[str, str | None] = {}  # by network: what keeps its account from posting, as last said (said once)
    # DebugExecutor runs the job in the scheduler's own (main) thread: a signal arrives between two
    # steps of run_due, which then finishes the post in flight and returns.
    collecting_pool = ThreadPoolExecutor(max_workers=1)
    alarm = Alarm(timezone=UTC, executors={"default": DebugExecutor(), "collect": collecting_pool},
                              jobstores={"default": KeepJobsOnShutdown()},
                              job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})

    def wake() -> None:
        now = clock()
        beat(settings.root, "daemon", now)  # the studio shows that posting runs
        trigger.not_before = None
        try:
            if not files.reload():
                trigger.not_before = clock() + recheck
                return
            trigger.store = files.store
            current = files.settings
            if not files.store.has_due(now) and not schedule_changed(current.root, current.database_url):
                return
            report = run_as_files_say(current, files.store, files.publisher, now, worker_id,
                                      should_stop=lambda: bool(stopping), clock=clock)
        except JunoError as exc:  # an expected problem: one line, what to fix
            logger.error("the run failed: %s; trying again in %s", exc, recheck)
            trigger.not_before = clock() + recheck
            return
        except Exception as exc:  # a bug: one line in the log, the traceback with --debug
            logger.error("the run failed: %s; trying again in %s", unexpected(exc), recheck,
                         exc_info=logger.isEnabledFor(logging.DEBUG))
            trigger.not_before = clock() + recheck
            return
        fresh = [row for row in report.unconfigured if told.get(row.network) != row.reason]  # each said once
        told.clear()
        told.update((row.network, row.reason) for row in report.unconfigured)
        for line in replace(report, unconfigured=fresh).lines():
            echo(line)
        if report.empty or report.unconfigured or report.waiting:  # paused, stopped, held by other workers, a
            # setting not set, or a campaign file that does not read: looked at again after `recheck`
            trigger.not_before = clock() + recheck
        if not report.empty:  # a run that did nothing (paused, held) says nothing new: not a line a minute
            tell_next_wake()

    def collect() -> None:
        """One collect run with the files as they are now; then the timer is set again (sooner after a failure)."""
        current = files.settings
        report: CollectReport | None = None
        try:
            report = collector(current, clock()) if collector is not None else None
        except JunoError as exc:
            logger.error("collect failed: %s", exc)
        except Exception as exc:
            logger.error("collect failed: %s", unexpected(exc), exc_info=logger.isEnabledFor(logging.DEBUG))
        if report is not None:
            for line in report.lines():
                echo(line)
        again = collect_again_in(files.settings, report)
        if again is not None and not stopping:
            alarm.add_job(collect, "date", run_date=datetime.now(UTC) + again, id="collect", name="collect",
                          executor="collect", replace_existing=True)

    def on_signal(signum, frame) -> None:
        logger.info("%s: finishing the post in flight, then stopping", signal.Signals(signum).name)
        stopping.append(signum)
        alarm.ask_to_stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        alarm.add_job(wake, trigger, id="run-due", name="run-due")
        if collector is not None and settings.schedule.collect_every is not None:
            alarm.add_job(collect, "date", run_date=datetime.now(UTC), id="collect", name="collect",
                          executor="collect")
        accounts = ", ".join(networks.written(a.network, a.handle) for a in settings.schedule.all_accounts)
        echo(f"daemon started for {accounts} ({worker_id}); stop it with SIGTERM or Ctrl-C")
        unconfigured = cannot_post(files)  # said at once, not when a post first falls due
        told.update((row.network, row.reason) for row in unconfigured)
        for line in RunReport(unconfigured=unconfigured).lines():
            echo(line)
        tell_next_wake()
        alarm.start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        alarm.close()
        collecting_pool.shutdown(wait=True)  # a collect run in flight finishes (it holds no claim)
        if collector is not None:
            collector.close()
        released = files.store.release_all(worker_id, clock())
        files.close()
        echo("daemon stopped" + (f"; released {counted(released, 'claim')}" if released else ""))
    return 0
