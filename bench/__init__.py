"""Benchmarks: each bench/*_bench.py module has `run() -> dict` of figures; `python -m bench` runs them all.

A figure is a dict: {"value": number, "unit": "ms", "floor": number|None, "ratio": value/floor|None,
"goal": "ratio <= 1.3", "floor_is": "what the floor measures", ...extra numbers}. Build it with `figure()`.
Values are medians of several runs (`median_ms`, `paired_cpu_ms`, `cold_ms`); a floor is measured in the same run.
These helpers are the only shared code; every module stays runnable alone: `python -m bench split`.
"""

from __future__ import annotations

import compileall
import functools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def figure(value: float, unit: str, *, floor: float | None = None, goal: str | None = None,
           floor_is: str | None = None, **extra) -> dict:
    """One measured figure beside its floor; ratio is value / floor when there is a floor."""
    result = {"value": _round(value), "unit": unit, "floor": None if floor is None else _round(floor),
              "ratio": None if not floor else _round(value / floor)}
    if goal:
        result["goal"] = goal
    if floor_is:
        result["floor_is"] = floor_is
    result.update({key: _round(item) if isinstance(item, float) else item for key, item in extra.items()})
    return result


def samples(fn: Callable[[], object], *, repeat: int = 5, warmup: int = 1) -> list[float]:
    """Seconds per call of fn, `repeat` times after `warmup` untimed calls (a warm process)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median_ms(fn: Callable[[], object], *, repeat: int = 5, warmup: int = 1) -> float:
    return statistics.median(samples(fn, repeat=repeat, warmup=warmup)) * 1000


def paired_cpu_ms(fn: Callable[[], object], floor_fn: Callable[[], object], *, repeat: int = 5,
                  warmup: int = 1) -> tuple[float, float]:
    """Median CPU milliseconds of fn and of its floor, timed in turns (fn, floor, fn, floor ...).

    For work done in this process on one thread: on a shared machine the wall clock also counts the other
    jobs' turns on the cores, which swings a figure by 2-5x from one second to the next; the process's own CPU
    time does not, and taking the two in turns exposes both to the same moment's machine."""
    for _ in range(warmup):
        fn()
        floor_fn()
    values, floors = [], []
    for _ in range(repeat):
        for call, into in ((fn, values), (floor_fn, floors)):
            start = time.process_time()
            call()
            into.append(time.process_time() - start)
    return statistics.median(values) * 1000, statistics.median(floors) * 1000


def cold_ms(argv: Sequence[str], *, repeat: int = 5, cwd: Path | str | None = None,
            env: dict | None = None) -> float:
    """Median wall time in ms of running a fresh process (a cold start), which must exit 0.

    The package's bytecode is compiled first, as `pip install` leaves it: with PYTHONDONTWRITEBYTECODE set (as
    on the shared machine) every cold start would otherwise compile our modules from source, which no installed
    cron job does, while `python -c pass` (the floor) loads the standard library's compiled files."""
    _compile_package()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    full_env.update(env or {})

    def once():
        proc = subprocess.run(list(argv), cwd=cwd, env=full_env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()[-300:]}")

    return median_ms(once, repeat=repeat, warmup=1)


@functools.cache
def _compile_package() -> None:
    compileall.compile_dir(REPO / "scheduler", quiet=1)


def python_floor_ms(*, repeat: int = 5) -> float:
    """The cold start of `python -c pass`: the floor of every command-line figure."""
    return cold_ms([sys.executable, "-c", "pass"], repeat=repeat)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (0 < fraction <= 1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def _round(number):
    if isinstance(number, float):
        return float(f"{number:.4g}") if abs(number) < 1e4 else round(number, 1)
    return number
