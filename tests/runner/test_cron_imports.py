"""run-due with nothing due is the cron case: every few minutes, all day. It loads only what finding
"nothing due" needs: the command line's module (not its parser), the heartbeat and sqlite3. No settings, no
YAML, no timetable, no store classes, no network, no Pillow, no runner: those are the full path's, taken only
when something may be due (or when the fast path is unsure: tests/runner/test_cron.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from conftest import run_cli
from queue_helpers import make_post

from scheduler.store import open_store

# Every module of ours the fast path may import; nothing outside the standard library besides them.
ALLOWED = {
    "scheduler", "scheduler.cli", "scheduler.errors", "scheduler.runner", "scheduler.runner.cron",
    "scheduler.fileio", "scheduler.version",
    "scheduler.heartbeat",  # one small write: the studio shows that posting runs
}
SITE = {"__editable___juno_scheduler_0_1_0_finder", "_distutils_hack", "sitecustomize", "usercustomize",
        "org",  # the standard copy module looks for Jython's org.python.core, and does not find it
        "_sysconfigdata__linux_x86_64-linux-gnu"}  # the standard sysconfig's data
NOW = "2026-12-07T14:00:00+00:00"


def _imported(root: Path, *args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "scheduler", "run-due", *args], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("import time:") and "|" in line]
    return proc, {line.split("|")[-1].strip() for line in lines[1:]}


def test_run_due_with_nothing_due_imports_only_what_it_needs(project):
    with open_store(f"sqlite:///{project / '.juno' / 'juno.db'}") as store:  # one post, due tomorrow
        store.add_posts([make_post("c/tomorrow", datetime.fromisoformat(NOW) + timedelta(days=1))],
                        datetime.fromisoformat(NOW))
    first = run_cli("run-due", "--json", "--now", NOW, cwd=project)  # the full path notes the timetable valid
    assert first.code == 0 and json.loads(first.out)["posted"] == [], first

    proc, modules = _imported(project, "--now", NOW)
    assert (proc.returncode, proc.stdout) == (0, ""), proc.stderr[-2000:]
    ours = {m for m in modules if m.split(".")[0] == "scheduler"}
    assert ours <= ALLOWED, sorted(ours - ALLOWED)
    others = {m.split(".")[0] for m in modules} - {"scheduler"} - SITE
    assert others <= set(sys.stdlib_module_names), sorted(others - set(sys.stdlib_module_names))
    assert "scheduler.runner.run" not in modules and "yaml" not in modules
    assert not {"zoneinfo", "dataclasses", "scheduler.config", "scheduler.store"} & modules

    proc, modules = _imported(project.parent, "-q", "--root", str(project), f"--now={NOW}")  # from another folder
    assert (proc.returncode, proc.stdout) == (0, ""), proc.stderr[-2000:]
    assert {m for m in modules if m.split(".")[0] == "scheduler"} <= ALLOWED

    proc, modules = _imported(project, "--now", "2026-12-09T14:00:00+00:00")  # something due: the full path
    assert proc.returncode in (0, 3), proc.stderr[-2000:]
    assert {"scheduler.runner.run", "yaml"} <= modules  # (the list above is of the fast path, not a blind spot)
