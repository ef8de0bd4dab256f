"""A run-due worker for the multi-process tests: the real runner with a publisher that records its calls.

    python tests/run_worker.py ROOT RECORD_FILE [--lease SECONDS] [--pause SECONDS]

The database is the project's (JUNO_DATABASE_URL when set). Each publish appends a line
"post id, pid, uncertain" to RECORD_FILE; find_existing looks there.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from queue_helpers import FileRecordingPublisher  # noqa: E402
from scheduler.config import load_settings  # noqa: E402
from scheduler.runner import run_due, worker_name  # noqa: E402
from scheduler.store import open_store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("record")
    parser.add_argument("--lease", type=float, default=600)
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()
    settings = load_settings(args.root)
    publisher = FileRecordingPublisher(Path(args.record), pause=args.pause)
    with open_store(settings.database_url) as store:
        report = run_due(settings, store, publisher, datetime.now(timezone.utc), worker_name(),
                         lease=timedelta(seconds=args.lease))
    print(len(report["posted"]), len(report["failed"]))
    return 3 if report["failed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
