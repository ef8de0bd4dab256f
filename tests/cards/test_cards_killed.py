"""`cards` draws on every core with worker processes; a SIGKILL of the command (which it cannot catch) must
take them along: no worker may live on, drawing or idle, once the command is gone (issue 23, item 8)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def _wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def _workers_of(proc: subprocess.Popen) -> set[int]:
    """The command's worker processes, once it has two (or once it ended)."""
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.02)
    return workers


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core draws in the command's own process")
def test_a_killed_cards_command_leaves_no_worker_behind(project):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    for attempt in range(3):
        for card in (project / ".juno" / "cards").glob("**/*.png"):
            card.unlink()  # every card drawn afresh: the workers are busy when the kill comes
        proc = subprocess.Popen([sys.executable, "-m", "scheduler", "cards", "--size", "all"], cwd=project, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers = _workers_of(proc)
        if proc.poll() is None and workers:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            break
        proc.wait()  # it finished before it had two workers (a very fast machine): draw again
    else:
        pytest.fail("cards never ran two workers to kill")
    assert proc.returncode == -signal.SIGKILL
    try:
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), \
            f"workers still running after their command was killed: {sorted(p for p in workers if _alive(p))}"
    finally:  # a failing run does not leave its orphans on the machine
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
