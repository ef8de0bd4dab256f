"""Whether posting really runs: `run-due` and the daemon leave a beat in `.juno/`, the studio reads it.

`.juno/beat-run-due` holds the time of the last `run-due` (the cron fast path included: one small write); a run
with `--now` (a rehearsal on a simulated clock) is no sign that posting runs: it keeps the last real run's time and
adds its own simulated one beside it, so the studio never shows a simulated time as when posting last ran;
`.juno/beat-daemon` holds the daemon's pid and the time it last woke. Neither is ever needed to post: a
missing or unreadable beat reads as "no run seen".
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from scheduler.fileio import read_note

STATE = ".juno"


def beat(root: Path | str, who: str, now: datetime, *, simulated: bool = False) -> None:
    """Note that `who` (run-due, daemon) ran at `now`; `simulated`: `now` was given (--now), not the clock's, so
    the last real run is kept and `now` noted as a simulated run. A failure to write is not the run's problem."""
    path = Path(root) / STATE / f"beat-{who}"
    if simulated:
        data = read_note(path)
        note = {"at": data.get("at"), "pid": data.get("pid"), "simulated": now.isoformat()}
    else:
        note = {"at": now.isoformat(), "pid": os.getpid()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(note), encoding="utf-8")
    except OSError:
        pass


def last(root: Path | str, who: str) -> tuple[datetime | None, int | None]:
    """When `who` last really ran (not with --now) and its process id; (None, None) when never seen."""
    data = read_note(Path(root) / STATE / f"beat-{who}")
    try:
        return datetime.fromisoformat(data["at"]), int(data["pid"])
    except (ValueError, KeyError, TypeError):
        return None, None


def last_simulated(root: Path | str, who: str) -> datetime | None:
    """The --now of `who`'s latest run when that run was simulated (after the last real one); else None."""
    try:
        return datetime.fromisoformat(read_note(Path(root) / STATE / f"beat-{who}")["simulated"])
    except (KeyError, TypeError, ValueError):
        return None


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
