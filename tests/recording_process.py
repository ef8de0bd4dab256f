"""The real runner or daemon as its own process, with a publisher that records its calls.

    python tests/recording_process.py worker ROOT RECORD_FILE [--lease SECONDS] [--pause SECONDS]
    python tests/recording_process.py daemon ROOT RECORD_FILE [--recheck SECONDS] [--pause SECONDS] [--now ISO]

The database is the project's (JUNO_DATABASE_URL when set). Each publish appends a line
"post id, pid, uncertain" to RECORD_FILE; find_existing looks there.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from queue_helpers import FileRecordingPublisher

from scheduler.config import load_settings


def worker(settings, publisher, args) -> int:
    """One run-due pass, as cron starts it."""
    from scheduler.runner.run import run_due, worker_name
    from scheduler.store import open_store

    with open_store(settings.database_url) as store:
        report = run_due(settings, store, publisher, datetime.now(UTC), worker_name(),
                         lease=timedelta(seconds=args.lease))
    print(len(report.posted), len(report.failed))
    return report.exit_code


def daemon(settings, publisher, args) -> int:
    from scheduler.runner.daemon import run_daemon, started_clock

    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    clock = started_clock(datetime.fromisoformat(args.now)) if args.now else None
    return run_daemon(settings, recheck=timedelta(seconds=args.recheck), publisher=publisher, clock=clock)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=("worker", "daemon"))
    parser.add_argument("root")
    parser.add_argument("record")
    parser.add_argument("--lease", type=float, default=600)
    parser.add_argument("--recheck", type=float, default=60)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--now", help="the daemon's clock starts at this time (with its UTC offset)")
    args = parser.parse_args()
    publisher = FileRecordingPublisher(Path(args.record), pause=args.pause)
    role = worker if args.role == "worker" else daemon
    return role(load_settings(args.root), publisher, args)


if __name__ == "__main__":
    raise SystemExit(main())
