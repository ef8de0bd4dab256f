"""What a change to split does to the outside graders' tips (issue 19): which graded tips are no longer written
(with their grades), which changed, and which key tips no A or B tip carries any more.

    .venv/bin/python -m bench.graded_diff --dump before.json        # on the commit before the change
    .venv/bin/python -m bench.graded_diff --dump after.json         # on the change
    .venv/bin/python -m bench.graded_diff before.json after.json    # tip by tip, then the totals

Reads <graded>/articles, <graded>/sheets and splits as split does (with the tip model's say). A tip that is gone
is paired with a new tip of the same article when they share at least 30 % of their words ("changed"); the
pairing is a guess to read, not a grade. The words stay on this machine: the dumps hold other practices' text.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.sentences import slugify
from scheduler.tips.splitter import load_schedule, post_fits

ROOT = Path(__file__).resolve().parent.parent
RANK = {"A": 0, "B": 1, "C": 2}
PAIRED = 0.3


def dump(graded: Path) -> dict:
    out = {}
    schedule = load_schedule(ROOT)
    with tempfile.TemporaryDirectory() as state:
        for path in sorted((graded / "articles").glob("*.md")):
            article = read_article(path, path.parent)
            fits = post_fits(schedule, url=article.url, slug=slugify(path.stem, max_words=30, max_length=100),
                             state_dir=Path(state))
            split = split_report(article, fits=fits)
            out[path.stem] = [[tip.headline, tip.text.replace("\n", " / ")] for tip in split.tips]
    return out


def _grades(graded: Path) -> dict[tuple[str, str, str], dict]:
    grades: dict[tuple[str, str, str], dict] = {}
    for sheet in sorted((graded / "sheets").glob("*.tsv")):
        with open(sheet, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                key = (row["article"], row["headline"], row["text"])
                if row.get("grade") in RANK and (key not in grades or RANK[row["grade"]] > RANK[grades[key]["grade"]]):
                    grades[key] = row
    return grades


def _keys(row: dict | None) -> set[int]:
    if not row or row["grade"] not in "AB":
        return set()
    return {int(k) for k in re.split(r"[,;\s]+", row.get("keys") or "") if k.isdigit()}


def _overlap(one: str, other: str) -> float:
    a, b = set(re.findall(r"[a-z’']+", one.lower())), set(re.findall(r"[a-z’']+", other.lower()))
    return len(a & b) / max(1, len(a | b))


def compare(before: dict, after: dict, graded: Path) -> None:
    grades = _grades(graded)
    totals: Counter = Counter()
    for article in sorted(before):
        old = [tuple(tip) for tip in before[article]]
        new = [tuple(tip) for tip in after.get(article, [])]
        gone = [tip for tip in old if tip not in set(new)]
        added = [tip for tip in new if tip not in set(old)]
        pairs: dict[tuple, tuple] = {}
        for share, tip, other in sorted(((_overlap(tip[1], other[1]), tip, other) for tip in gone for other in added),
                                        reverse=True):
            if share >= PAIRED and tip not in pairs and other not in pairs.values():
                pairs[tip] = other  # the closest pairs first, each tip in one pair
        for tip in gone:
            row = grades.get((article, *tip))
            kind = "changed" if tip in pairs else "gone"
            totals[(kind, row["grade"] if row else "not graded")] += 1
            print(f"{kind} [{row['grade'] if row else '?'}] {article} keys={sorted(_keys(row))}\n  before: {tip[0]} || "
                  f"{tip[1][:220]}\n  grader: {(row or {}).get('reason', '')[:160]}")
            if tip in pairs:
                print(f"  after:  {pairs[tip][0]} || {pairs[tip][1][:260]}")
        for tip in added:
            if tip not in pairs.values():
                totals[("new", "-")] += 1
                print(f"new {article}\n  after:  {tip[0]} || {tip[1][:260]}")
        carried = set().union(*(_keys(grades.get((article, *tip))) for tip in old if tip in set(new)))
        for tip in old:
            for key in sorted(_keys(grades.get((article, *tip))) - carried):
                how = "by a changed tip" if tip in pairs else "LOST"
                totals[("key tips no longer carried by an unchanged A/B tip", how)] += 1
                print(f"key tip {key} of {article}: no unchanged A/B tip carries it ({how})")
    print("\n" + "\n".join(f"{kind} {grade}: {count}" for (kind, grade), count in sorted(totals.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="before.json after.json")
    parser.add_argument("--graded", type=Path, default=Path("/work/devset/new"))
    parser.add_argument("--dump", type=Path, help="write this commit's tips of the graded articles here")
    args = parser.parse_args()
    if args.dump:
        args.dump.write_text(json.dumps(dump(args.graded), ensure_ascii=False, indent=0), encoding="utf-8")
    elif len(args.files) == 2:
        compare(*(json.loads(path.read_text(encoding="utf-8")) for path in args.files), args.graded)
    else:
        parser.error("give --dump FILE, or two dumps to compare")


if __name__ == "__main__":
    main()
