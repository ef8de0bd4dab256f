"""Whether posting really runs: `run-due` and the daemon leave a beat in `.juno/`, the studio reads it.

`.juno/beat-run-due` holds the time of the last `run-due` (the cron fast path included: one small write);
`.juno/beat-daemon` holds the daemon's pid and the time it last woke. Neither is ever needed to post: a
missing or unreadable beat reads as "no run seen".
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

STATE = ".juno"


def beat(root: Path | str, who: str, now: datetime) -> None:
    """Note that `who` (run-due, daemon) ran at `now`; a failure to write is not the run's problem."""
    path = Path(root) / STATE / f"beat-{who}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"at": now.isoformat(), "pid": os.getpid()}), encoding="utf-8")
    except OSError:
        pass


def last(root: Path | str, who: str) -> tuple[datetime | None, int | None]:
    """When `who` last ran and its process id; (None, None) when never seen."""
    try:
        data = json.loads((Path(root) / STATE / f"beat-{who}").read_text(encoding="utf-8"))
        return datetime.fromisoformat(data["at"]), int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None, None


def alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
