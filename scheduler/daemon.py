"""The daemon: APScheduler's BlockingScheduler as an alarm clock for runner.run_due.

The database stays the queue. The scheduler holds one date job, "wake", set for the next time a
post becomes due, or a minute from now if that is sooner, so posts queued meanwhile are noticed
within a minute without polling every second. SIGTERM or SIGINT: the post in flight is finished,
claims are released, and the process exits 0.
"""

from __future__ import annotations

import logging
import signal
from datetime import datetime, timedelta, timezone
from typing import Callable

logger = logging.getLogger(__name__)

RECHECK = timedelta(minutes=1)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def run_daemon(settings, *, echo: Callable[[str], None] | None = None, recheck: timedelta = RECHECK,
               clock: Callable[[], datetime] = utc_now, publisher=None) -> int:
    from apscheduler.executors.debug import DebugExecutor
    from apscheduler.schedulers.base import SchedulerNotRunningError
    from apscheduler.schedulers.blocking import BlockingScheduler

    from scheduler.publishers import make_publisher
    from scheduler.runner import report_lines, run_due, worker_name
    from scheduler.store import open_store

    echo = echo or (lambda line: print(line, flush=True))
    store = open_store(settings.database_url)
    publisher = publisher or make_publisher(settings)
    worker_id = worker_name()
    # DebugExecutor runs the job in the scheduler's own (main) thread: a signal arrives between two
    # steps of run_due, which then finishes the post in flight and returns.
    alarm = BlockingScheduler(timezone=timezone.utc, executors={"default": DebugExecutor()},
                              job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
    state = {"stopping": False, "busy": False}

    def stop_alarm() -> None:
        try:
            alarm.shutdown(wait=False)
        except SchedulerNotRunningError:
            pass

    def set_alarm() -> None:
        now = clock()
        following = store.next_ready_at()
        at = now + recheck if following is None else min(max(following, now), now + recheck)
        alarm.add_job(wake, "date", run_date=at, id="wake", replace_existing=True)
        logger.debug("next wake at %s", at.isoformat())

    def wake() -> None:
        state["busy"] = True
        try:
            now = clock()
            if store.has_due(now):
                report = run_due(settings, store, publisher, now, worker_id,
                                 should_stop=lambda: state["stopping"], clock=clock)
                for line in report_lines(report):
                    echo(line)
            if not state["stopping"]:
                set_alarm()
        except Exception:  # noqa: BLE001 - the daemon outlives one bad wake; it tries again shortly
            logger.exception("the run failed; trying again in %s", recheck)
            if not state["stopping"]:
                alarm.add_job(wake, "date", run_date=clock() + recheck, id="wake", replace_existing=True)
        finally:
            state["busy"] = False
        if state["stopping"]:
            stop_alarm()

    def on_signal(signum, frame) -> None:
        logger.info("%s: finishing the post in flight, then stopping", signal.Signals(signum).name)
        state["stopping"] = True
        if not state["busy"]:
            stop_alarm()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        alarm.add_job(wake, "date", run_date=clock(), id="wake")
        echo(f"daemon started for @{settings.schedule.account.handle} ({worker_id}); stop it with SIGTERM or Ctrl-C")
        alarm.start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        released = store.release_all(worker_id, clock())
        publisher.close()
        store.close()
        echo(f"daemon stopped{f'; released {released} claims' if released else ''}")
    return 0
