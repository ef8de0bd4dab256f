"""How fast hostile input is refused: a cold `juno-scheduler` process against `python -c pass`.

alias_bomb_refused   `status` on a posts/schedule.yaml that is a YAML alias bomb (a billion "lol"s if
                     expanded): refused by the scanner before anything is built.
dev_zero_refused     `queue` with a campaign symlinked to /dev/zero: refused by its file type, unread.
fifo_refused         `run-due` (the cron path) with posts/schedule.yaml a FIFO no one writes to.

Each must exit 2 with one `error:` line; the figure is the median wall time of 5 cold runs, the goal
"at once": within 2 s (before the fix the alias bomb grew to 7 GB in 90 s and /dev/zero to 23 GB).

    python -m bench hostile          (or: python -m bench.hostile_bench)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import REPO, figure, python_floor_ms

sys.path.insert(0, str(REPO / "tests"))

from hostile.cases import bomb_schedule, campaign_to_dev_zero, fifo_schedule

RUNS = 5


def refused_ms(spoil, args: list[str]) -> float:
    folder = Path(tempfile.mkdtemp(prefix="juno-hostile-bench-"))
    try:
        root = folder / "project"
        for part in ("posts", "assets"):
            shutil.copytree(REPO / part, root / part)
        spoil(root)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
        times = []
        for _ in range(RUNS + 1):
            started = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "scheduler", *args], cwd=root, env=env, capture_output=True,
                                  text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
            times.append((time.perf_counter() - started) * 1000)
            if proc.returncode != 2 or not proc.stderr.startswith("error: "):
                raise RuntimeError(f"{args}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
        return statistics.median(times[1:])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run() -> dict:
    floor = python_floor_ms()
    figures = {}
    for name, spoil, args in (("alias_bomb_refused", bomb_schedule, ["status"]),
                              ("dev_zero_refused", campaign_to_dev_zero, ["queue"]),
                              ("fifo_refused", fifo_schedule, ["run-due"])):
        value = refused_ms(spoil, args)
        figures[name] = figure(value, "ms", floor=floor, goal="value <= 2000",
                               floor_is="python -c pass, cold", runs=RUNS)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
