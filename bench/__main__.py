"""`python -m bench [MODULE...]`: run every bench/*_bench.py, print one table, write .juno/bench.json.

Each module runs in its own process (a crash or a leak in one cannot skew the next) one after the
other (two cores: nothing runs beside a measurement). A figure a module did not deliver shows as
"not built" or as the module's error: nothing is invented. Exit 0 when every expected figure was
measured and met its goal, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path

from bench import REPO

BENCH_DIR = Path(__file__).resolve().parent
OUT = REPO / ".juno" / "bench.json"
LOG_DIR = REPO / ".juno" / "bench-logs"
PG_URL = os.environ.get("JUNO_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
MODULE_TIMEOUT = 600

# The figures the issue asks for, the module expected to deliver each, and its goal.
EXPECTED = {
    "card_x": ("cards_bench", "ratio <= 1.3"),
    "card_square": ("cards_bench", "ratio <= 1.3"),
    "card_portrait": ("cards_bench", "ratio <= 1.3"),
    "split_seed": ("split_bench", "ratio <= 3"),
    "split_20k": ("split_bench", "ratio <= 3"),
    "run_due_noop": ("store_bench", "ratio <= 3"),
    "claim_1m_vs_1k": ("store_bench", "ratio <= 2"),
    "pg_drain_100k": ("store_bench", "value >= 5000"),
    "pg_rate_1m_vs_10k": ("store_bench", "ratio <= 1.5"),
    "pg_duplicates_lost": ("store_bench", "value == 0"),
    "daemon_dispatch_p50": ("daemon_bench", None),
    "daemon_dispatch_p99": ("daemon_bench", "value < 1000"),
    "studio_page_p95": ("studio_bench", "value <= 50"),
    "studio_card_p95": ("studio_bench", "value <= 150"),
    "studio_card_p95_four": ("studio_bench", "ratio <= 1.5"),
    "studio_edit_p95": ("studio_bench", None),
    "studio_rss_edits": ("studio_bench", "ratio <= 1.1"),
    "alias_bomb_refused": ("hostile_bench", "value <= 2000"),
    "dev_zero_refused": ("hostile_bench", "value <= 2000"),
    "fifo_refused": ("hostile_bench", "value <= 2000"),
    "besttimes_suggested_under_20": ("besttimes_bench", "value == 0"),
    "besttimes_right_300_posts": ("besttimes_bench", None),
    "besttimes_wrong_when_equal": ("besttimes_bench", "value <= 5"),
    "collect_1000x3": ("metrics_bench", None),
    "collect_read_twice_in_a_day": ("metrics_bench", "value == 0"),
    "stats_10k": ("analytics_bench", None),
    "studio_analytics_10k": ("analytics_bench", None),
}
ORDER = ["split_bench", "cards_bench", "store_bench", "daemon_bench", "studio_bench", "hostile_bench", "besttimes_bench",
         "metrics_bench", "analytics_bench"]
_GOAL = re.compile(r"^\s*(\w+)\s*(<=|<|==|>=|>)\s*(-?[\d.]+)\s*$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="run only these (e.g. split cards); default: all")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the JSON (default {OUT})")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.out)

    modules = select(args.modules)
    started = time.perf_counter()
    results = {name: run_module(name) for name in modules}
    total = time.perf_counter() - started
    rows = merge(results, modules, full=not args.modules)
    report = {"machine": machine(), "taken": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "seconds": round(total, 1),
              "modules": {name: {k: v for k, v in r.items() if k != "figures"} for name, r in results.items()},
              "figures": {name: row for name, row in rows.items() if row.get("value") is not None}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    show(report, rows, results, total, out=args.out, markdown=args.markdown)
    return 0 if all(row["result"] in ("pass", "—") for row in rows.values()) else 1


def select(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in BENCH_DIR.glob("*_bench.py"))
    known = ORDER + [name for name in found if name not in ORDER]
    if not names:
        return known
    chosen = []
    for name in names:
        module = name if name.endswith("_bench") else f"{name}_bench"
        if module not in known:
            raise SystemExit(f"error: no benchmark {name!r}; known: {', '.join(n[:-6] for n in known)}")
        chosen.append(module)
    return chosen


# --- one module, in its own process ----------------------------------------------------------------

def run_module(name: str) -> dict:
    if not (BENCH_DIR / f"{name}.py").exists():
        print(f"  {name}: not built", flush=True)
        return {"status": "not built", "seconds": 0.0, "figures": {}}
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    result_file = LOG_DIR / f"{name}.json"
    result_file.unlink(missing_ok=True)
    log = LOG_DIR / f"{name}.log"
    print(f"  {name}: running ...", flush=True)
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as sink:
        try:
            proc = subprocess.run([sys.executable, "-m", "bench", "--child", name, "--out", str(result_file)],
                                  cwd=REPO, stdout=sink, stderr=subprocess.STDOUT, timeout=MODULE_TIMEOUT, check=False)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = None
    seconds = round(time.perf_counter() - started, 1)
    if code is None:
        outcome = {"status": f"timed out after {MODULE_TIMEOUT} s", "figures": {}}
    elif result_file.exists():
        outcome = json.loads(result_file.read_text(encoding="utf-8"))
    else:
        outcome = {"status": f"failed: exit {code} (see {log.relative_to(REPO)})", "figures": {}}
    outcome["seconds"] = seconds
    outcome["log"] = str(log.relative_to(REPO))
    print(f"  {name}: {outcome['status']} in {seconds} s", flush=True)
    return outcome


def child(name: str, out: Path) -> int:
    """Import bench.NAME, call run(), write {"status", "figures"} as JSON."""
    try:
        module = importlib.import_module(f"bench.{name}")
        figures = normalise(module.run())
        outcome = {"status": "ok", "figures": figures}
    except BaseException as exc:  # noqa: BLE001 - every failure is reported in the table, not raised
        traceback.print_exc()
        message = " ".join(str(exc).split())[:200]
        outcome = {"status": f"failed: {type(exc).__name__}: {message}", "figures": {}}
    out.write_text(json.dumps(outcome, indent=2, default=str), encoding="utf-8")
    return 0


def normalise(figures) -> dict:
    if isinstance(figures, dict) and isinstance(figures.get("figures"), dict):
        figures = figures["figures"]
    if not isinstance(figures, dict):
        raise TypeError(f"run() returned {type(figures).__name__}, not a dict of figures")
    result = {}
    for name, item in figures.items():
        if isinstance(item, (int, float)):
            item = {"value": item, "unit": ""}
        if not isinstance(item, dict) or not isinstance(item.get("value"), (int, float, type(None))):
            raise TypeError(f"figure {name!r} is not a dict with a numeric 'value'")
        item = dict(item)
        if item.get("ratio") is None and item.get("floor") and item.get("value") is not None:
            item["ratio"] = round(item["value"] / item["floor"], 3)
        result[str(name)] = item
    return result


# --- the table -----------------------------------------------------------------------------------

def merge(results: dict, modules: list[str], *, full: bool) -> dict:
    rows: dict[str, dict] = {}
    for module in modules:
        for name, item in results[module]["figures"].items():
            rows[name] = {**item, "module": module}
    for name, (module, _) in EXPECTED.items():
        if name in rows or not (full or module in modules):
            continue
        status = results.get(module, {}).get("status", "not built")
        rows[name] = {"value": None, "module": module, "missing": "not built" if status in ("ok", "not built")
                      else status}
    for module in modules:
        status = results[module]["status"]
        if status not in ("ok", "not built") and not any(r["module"] == module for r in rows.values()):
            rows[f"{module} (module)"] = {"value": None, "module": module, "missing": status}
    for name, row in rows.items():
        goal = EXPECTED.get(name, (None, None))[1] or row.get("goal")
        row["goal"] = goal
        row["result"] = judge(row, goal)
    ordered = [n for n in EXPECTED if n in rows] + sorted(n for n in rows if n not in EXPECTED)
    return {name: rows[name] for name in ordered}


def judge(row: dict, goal: str | None) -> str:
    if row.get("value") is None:
        return row.get("missing", "not built")
    if not goal:
        return "—"
    match = _GOAL.match(goal)
    if not match:
        return f"bad goal {goal!r}"
    field, op, limit = match.group(1), match.group(2), float(match.group(3))
    actual = row.get(field)
    if not isinstance(actual, (int, float)):
        return f"no {field}"
    ok = {"<=": actual <= limit, "<": actual < limit, "==": actual == limit,
          ">=": actual >= limit, ">": actual > limit}[op]
    return "pass" if ok else "FAIL"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f"{pages / 2**30:.0f} GiB"
    except (ValueError, OSError):
        memory = "? GiB"
    return (f"{cpu}, {os.cpu_count()} cores, {memory}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {postgres_version()}")


def postgres_version() -> str:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0].split()[0]
    except Exception:  # noqa: BLE001 - the machine line only says whether it was there
        return "PostgreSQL unreachable"


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def extras(row: dict) -> str:
    skip = {"value", "unit", "floor", "ratio", "goal", "result", "module", "missing", "floor_is"}
    parts = [f"{key} {cell(val)}" for key, val in row.items() if key not in skip and val is not None]
    if row.get("floor_is"):
        parts.insert(0, f"floor: {row['floor_is']}")
    return "; ".join(parts)


def show(report: dict, rows: dict, results: dict, total: float, *, out: Path, markdown: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(150, Console().width))
    table = Table(title=f"juno-scheduler benchmarks — {report['taken']}", title_justify="left")
    for header, justify in (("name", "left"), ("value", "right"), ("unit", "left"), ("floor", "right"),
                            ("ratio", "right"), ("goal", "left"), ("result", "left"), ("notes", "left")):
        table.add_column(header, justify=justify, overflow="fold")
    for name, row in rows.items():
        style = {"pass": "green", "FAIL": "bold red", "—": ""}.get(row["result"], "yellow")
        table.add_row(name, cell(row.get("value")), row.get("unit", ""), cell(row.get("floor")),
                      cell(row.get("ratio")), row.get("goal") or "", row["result"], extras(row),
                      style=style or None)
    console.print(table)
    console.print(f"machine: {report['machine']}")
    took = ", ".join(f"{name} {r['seconds']} s ({r['status']})" for name, r in results.items())
    console.print(f"took: {took}; total {total:.1f} s")
    console.print(f"wrote {out}")
    if markdown:
        print()
        print("| name | value | unit | floor | ratio | goal | result | notes |")
        print("|---|---:|---|---:|---:|---|---|---|")
        for name, row in rows.items():
            print(f"| {name} | {cell(row.get('value'))} | {row.get('unit', '')} | {cell(row.get('floor'))} | "
                  f"{cell(row.get('ratio'))} | {row.get('goal') or ''} | {row['result']} | {extras(row)} |")
        print(f"\nMachine: {report['machine']}. Total {total:.0f} s.")


if __name__ == "__main__":
    sys.exit(main())
