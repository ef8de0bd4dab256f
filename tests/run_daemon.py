"""The daemon for the signal tests: the real run_daemon with a publisher that records its calls.

    python tests/run_daemon.py ROOT RECORD_FILE [--recheck SECONDS] [--pause SECONDS]
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from queue_helpers import FileRecordingPublisher  # noqa: E402
from scheduler.config import load_settings  # noqa: E402
from scheduler.daemon import run_daemon  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("record")
    parser.add_argument("--recheck", type=float, default=60)
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    publisher = FileRecordingPublisher(Path(args.record), pause=args.pause)
    return run_daemon(load_settings(args.root), recheck=timedelta(seconds=args.recheck), publisher=publisher)


if __name__ == "__main__":
    raise SystemExit(main())
