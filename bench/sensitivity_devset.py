"""Where the `sensitive` flags come from on the development set, against the outside graders' should_flag.

    .venv/bin/python -m bench.sensitivity_devset [--articles /work/devset-sens/articles] [--show false|missed|all]

The graded tips of tests/data/devset/tips.tsv and graded-050d3f0-new-practices.tsv carry should_flag: an outside
grader's judgement of the tip alone. Their text is not kept here: each article is fetched at its commit (the
sources in tests/data/devset/), kept outside the repository as <articles>/<article>.md or .html, split with the
current code and each tip matched to its grade by the digest of headline and text (bench.train_tips.digest). A
graded tip split no longer writes word for word is not counted. Each flagged tip is counted by where its flag comes
from: the lexicon in its own words, the topic reader in its own words, its section heading alone (the tip's own
words raise nothing), or other; each against should_flag (a true flag, a false flag), and the misses apart.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from bench.train_tips import article_at_hand, digest
from scheduler.tips.drafting import split_report
from scheduler.tips.griefcontext import grief_phrases
from scheduler.tips.sensitivity import lexicon_phrases, topic_words
from scheduler.tips.splitter import load_schedule

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
SHEETS = (DEVSET / "tips.tsv", DEVSET / "graded-050d3f0-new-practices.tsv")
SOURCES = ("lexicon", "topic reader", "heading", "title", "other")


def should_flag() -> dict[tuple[str, str], bool]:
    """(article, digest) -> the graders' should_flag, from both sheets (the newer sheet wins a tip graded twice)."""
    found = {}
    for sheet in SHEETS:
        header = None
        for line in sheet.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            if row.get("should_flag") in ("yes", "no"):
                found[(row["article"], row["digest"])] = row["should_flag"] == "yes"
    return found


def flag_source(tip, title: str = "") -> str:
    """Where the tip's `sensitive` flag comes from: its own words (the lexicon first, then the topic reader), its
    heading alone, or its own words read under an article title about grief (scheduler.tips.griefcontext)."""
    own = f"{tip.headline} {tip.text}"
    if lexicon_phrases(own):
        return "lexicon"
    if topic_words(own):
        return "topic reader"
    if tip.section and (lexicon_phrases(tip.section) or topic_words(tip.section)):
        return "heading"
    if grief_phrases(own, title):
        return "title"
    return "other"


def measure(articles: Path, show: str | None = None) -> tuple[Counter, int, int]:
    grades = should_flag()
    wanted = {article for article, _ in grades}
    counts: Counter = Counter()
    matched = 0
    schedule = load_schedule(ROOT)
    with tempfile.TemporaryDirectory() as state:
        for name in sorted(wanted):
            at_hand = article_at_hand(articles, name, schedule, Path(state))
            if at_hand is None:
                counts["article not at hand"] += 1
                continue
            article, fits = at_hand
            seen = set()
            for judged in (True, False):  # the tips a user sees, then those the tip model leaves out
                for tip in split_report(article, fits=fits, judged=judged).tips:
                    key = (name, digest(tip.headline, tip.text))
                    if key not in grades or key in seen:
                        continue
                    seen.add(key)
                    matched += 1
                    flagged, wanted_flag = "sensitive" in tip.review, grades[key]
                    if flagged:
                        source = flag_source(tip, article.title or "")
                        verdict = "true" if wanted_flag else "false"
                        counts[(source, verdict)] += 1
                    elif wanted_flag:
                        counts["missed"] += 1
                        verdict = "missed"
                    else:
                        verdict = "ordinary"
                    if show == "all" or show == verdict:
                        print(f"{verdict:8} {name} [{tip.section}] {tip.headline} | {tip.text[:160]!r}"
                              + (f" <- {flag_source(tip, article.title or '')}" if flagged else ""))
    return counts, matched, len(grades)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=Path("/work/devset-sens/articles"))
    parser.add_argument("--show", choices=("true", "false", "missed", "all"))
    args = parser.parse_args()
    counts, matched, graded = measure(args.articles, args.show)
    print(f"{matched} of {graded} graded tips written word for word today "
          f"({counts['article not at hand']} articles not at hand)")
    print("| flag from | true flags | false flags |\n|---|---|---|")
    for source in SOURCES:
        print(f"| {source} | {counts[(source, 'true')]} | {counts[(source, 'false')]} |")
    total_true = sum(counts[(source, "true")] for source in SOURCES)
    total_false = sum(counts[(source, "false")] for source in SOURCES)
    print(f"| all | {total_true} | {total_false} |\nmissed (should_flag yes, not flagged): {counts['missed']}")


if __name__ == "__main__":
    main()
