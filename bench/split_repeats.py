"""split's repeated work, counted: which of the package's functions one warm split asks the same question again.

`python -m bench.split_repeats seed|20k [N]` splits the bench's article (bench.split_bench) once to warm the
process, profiles one fresh split (cProfile) for each function's time per call, then splits it afresh again with
every plain function of the package (a module's own `def`, not a method, not one already remembered per split or
by functools) counting its calls and the different arguments it was called with. It prints the N functions whose
repeats cost most: calls, different arguments, and repeats times the profiled time per call (an upper bound on
what remembering its answers could save, in profiled ms, beside the profiled split). Calls whose arguments cannot
be hashed are told apart by their repr. The counting slows the split; the counts, not its time, are the figure.
A few functions remember their answers in a dict of their own while a split is under way (sentences.fold, words,
lowered_text, whole_words): they are counted, and their repeats are those look-ups.
"""

from __future__ import annotations

import cProfile
import functools
import pstats
import shutil
import sys
import types
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from bench.split_bench import SEED, _project, long_article, splits


def _key(args: tuple, kwargs: dict) -> Any:
    try:
        key = (args, tuple(sorted(kwargs.items())))
        hash(key)
        return key
    except TypeError:
        return repr((args, sorted(kwargs.items())))


def _plain_functions() -> dict[str, types.FunctionType]:
    """The package's own module-level functions, by qualified name (those remembered elsewhere left out)."""
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("scheduler."):
            continue
        for attr, value in vars(module).items():
            if isinstance(value, types.FunctionType) and value.__module__ == name and not hasattr(value, "__wrapped__"):
                found[f"{name}.{attr}"] = value
    return found


def count(fresh_split: Callable[[], object]) -> tuple[list[tuple[float, int, int, str]], float]:
    """(repeats' profiled ms, calls, different arguments, name) per function called, most costly first; and the
    profiled split's ms. The functions are as they were when it returns."""
    profile = cProfile.Profile()
    profile.enable()
    fresh_split()
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    per_call = {(file, line): (total / calls if calls else 0.0) for (file, line, _), (_, calls, _, total, _)
                in stats.items()}
    code = getattr(fresh_split, "__code__", None)
    split_ms = max((total for (file, line, _), (_, _, _, total, _) in stats.items()
                    if code is not None and (file, line) == (code.co_filename, code.co_firstlineno)), default=0.0) * 1000
    functions = _plain_functions()
    calls: Counter[str] = Counter()
    asked: defaultdict[str, set] = defaultdict(set)

    def counted(name: str, function: types.FunctionType) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            calls[name] += 1
            asked[name].add(_key(args, kwargs))
            return function(*args, **kwargs)
        return wrapper

    wrappers = {id(function): (function, counted(name, function)) for name, function in functions.items()}
    patched = []
    for module in [module for name, module in sys.modules.items() if name.startswith("scheduler.")]:
        for attr, value in list(vars(module).items()):
            found = wrappers.get(id(value))
            if found is not None and found[0] is value:
                setattr(module, attr, found[1])
                patched.append((module, attr, value))
    try:
        fresh_split()
    finally:
        for module, attr, value in patched:
            setattr(module, attr, value)
    rows = []
    for name, function in functions.items():
        if calls[name]:
            code = function.__code__
            repeats = calls[name] - len(asked[name])
            rows.append((repeats * per_call.get((code.co_filename, code.co_firstlineno), 0.0) * 1000, calls[name],
                         len(asked[name]), name))
    return sorted(rows, reverse=True), split_ms


def main(argv: list[str]) -> None:
    which = argv[0] if argv else "seed"
    shown = int(argv[1]) if len(argv) > 1 else 20
    name = SEED.name if which == "seed" else "long-guide.txt"
    root = _project(name, None if which == "seed" else long_article())
    try:
        _, fresh_split, _ = splits(root, name)
        fresh_split()
        rows, split_ms = count(fresh_split)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{which}: one profiled split {split_ms:,.1f} ms; repeats' profiled ms, calls, different arguments")
    for cost, made, different, function in rows[:shown]:
        print(f"{cost:9.1f} {made:8,} {different:8,}  {function}")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
