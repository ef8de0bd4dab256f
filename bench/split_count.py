"""split's instructions, counted: one warm split of the seed or of the 20,000-word article under valgrind's callgrind,
beside reading the same article. Unlike the bench's CPU times, the counts repeat to a few parts in a thousand on a
busy machine, so a change of 1-2 % can be seen (docs/measuring.md, issue 22's split rounds).

`python -m bench.split_count seed|20k [N]` runs three processes under callgrind with PYTHONHASHSEED=0, each making the
bench's project and splitting and reading the article once (warm): one then splits it N more times, one reads it N more
times, one does neither; a split's count is (splits - neither) / N, reading's likewise. The seed takes about a minute
at N=5; the 20,000-word article several minutes at N=1. Needs valgrind (`apt-get install valgrind`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.split_bench import SEED, _project, forget_texts, long_article, splits


def _inner(which: str, what: str, times: int) -> None:
    from scheduler.articles import read_article

    name = SEED.name if which == "seed" else "long-guide.txt"
    root = _project(name, None if which == "seed" else long_article())
    try:
        article, fresh_split, _ = splits(root, name)
        fresh_split()
        read_article(article, root)
        for _ in range(times if what != "neither" else 0):
            if what == "split":
                fresh_split()
            else:
                forget_texts()
                read_article(article, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _count(which: str, what: str, times: int) -> int:
    with tempfile.TemporaryDirectory(prefix="juno-split-count-") as scratch:
        out = Path(scratch) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-m",
                               "bench.split_count", "--inner", which, what, str(times)],
                              env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        print(f"error: callgrind printed no count for {which} {what}; is valgrind installed? its output ends: "
              f"{done.stderr[-300:]}", file=sys.stderr)
        sys.exit(2)
    return int(found.group(1))


def main(which: str, times: int) -> None:
    neither = _count(which, "neither", times)
    split = (_count(which, "split", times) - neither) / times
    read = (_count(which, "read", times) - neither) / times
    print(f"{which}: one split {split / 1e6:,.1f}M instructions, reading it {read / 1e6:,.1f}M: {split / read:.2f}x")


if __name__ == "__main__":  # pragma: no cover
    given = sys.argv[1:] or [""]
    if given[0] == "--inner":
        _inner(given[1], given[2], int(given[3]))
    elif given[0] in ("seed", "20k"):
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else (5 if sys.argv[1] == "seed" else 1))
    else:
        print(f"error: python -m bench.split_count: {given[0]!r} is not an article; say seed or 20k", file=sys.stderr)
        sys.exit(2)
