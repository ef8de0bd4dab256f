"""How far `ready: true` can be trusted, tip by tip, leave-one-practice-out on the scorer's labelled articles.

    .venv/bin/python -m bench.readiness_devset [--devset /work/devset/articles] [--show ready|all] [--practice P]

For each practice, the scorer is trained on the labels of the other practices (bench.train_scorer), every labelled
article of the practice is split with that model, and each tip is matched to the labelled unit it opens with (the
unit sharing most of its headline's words). Ready precision is the share of ready tips whose opening unit is
labelled A (advice that stands alone, by the strict rubric of docs/evaluation.md); ready share is the share of
all tips that are ready. Tips composed by the rules (a list with its lead-in, examples of what to say) are matched
to their opening unit too, so they count like the others. The figures are per practice and in total; --show
prints the tips themselves (ready ones or all) with their label and notes, for reading.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

from bench.train_scorer import DATA, ROOT, load_units, train
from scheduler.articles import read_article
from scheduler.tips import scorer
from scheduler.tips.drafting import split_report
from scheduler.tips.scorer import LABELS, features
from scheduler.tips.sentences import content_words

CACHE = Path("/tmp") / "readiness_devset"
LETTER = {"advice": "A", "context": "C", "setup": "S", "pitch": "P", "heading": "H", "other": "O"}


def _paths(devset: Path) -> dict[str, Path]:
    found = {}
    for line in (DATA / "sources.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            article, _, where = line.split("\t")[:3]
            path = ROOT / where if where.startswith(("tests/", "posts/")) else next(iter(sorted(
                devset.glob(f"{article}.*"))), None)
            if path is not None:
                found[article] = path
    return found


def _lopo_weights(units, practice: str) -> dict:
    """The scorer trained on every practice but this one (cached by the labels it was trained on)."""
    rows = [(features(unit[2]), LABELS.index(unit[3])) for unit in units if unit[1] != practice]
    key = hashlib.sha1(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:16]
    cached = CACHE / f"{practice}-{key}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    weights = train([row for row, _ in rows], [target for _, target in rows])
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps(weights))
    return weights


def _opening_unit(headline: str, labelled: list[tuple[str, str]]) -> tuple[str, str]:
    """The labelled unit (text, label) that shares the most of the headline's words."""
    head = content_words(headline)
    if not head:
        return "", "?"
    best, best_share = ("", "?"), 0.0
    for text, label in labelled:
        share = len(head & content_words(text)) / len(head)
        if share > best_share:
            best, best_share = (text, label), share
    return best if best_share >= 0.6 else ("", "?")


def evaluate(devset: Path, only: str | None = None, ready: float | None = None) -> list[dict]:
    units, _ = load_units(devset)
    paths = _paths(devset)
    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
    practice_of = {}
    for article, practice, candidate, label, _, _ in units:
        by_article[article].append((candidate.text, label))
        practice_of[article] = practice
    shipped = scorer.thresholds() | ({"ready": ready} if ready is not None else {})
    original = scorer._model
    results = []
    try:
        for practice in sorted({unit[1] for unit in units}):
            if only and practice != only:
                continue
            model = {"labels": list(LABELS), "thresholds": shipped, "weights": _lopo_weights(units, practice)}
            scorer._model = lambda model=model: model  # type: ignore[assignment]
            for article in sorted(a for a, p in practice_of.items() if p == practice):
                for tip in split_report(read_article(paths[article], paths[article].parent)).tips:
                    unit, label = _opening_unit(tip.headline, by_article[article])
                    results.append({"practice": practice, "article": article, "id": tip.id,
                                    "headline": tip.headline, "text": tip.text, "ready": tip.ready,
                                    "notes": list(tip.notes), "label": LETTER.get(label, label), "unit": unit})
    finally:
        scorer._model = original  # type: ignore[assignment]
    return results


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def report(results: list[dict]) -> list[str]:
    lines = ["| practice | tips | ready | ready share | ready opened by A | ready precision | not ready A |",
             "|---|---|---|---|---|---|---|"]
    groups: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        groups[result["practice"]].append(result)
        groups["total"].append(result)
    for practice in sorted(groups, key=lambda g: (g == "total", g)):
        tips = groups[practice]
        ready = [tip for tip in tips if tip["ready"]]
        good = sum(tip["label"] == "A" for tip in ready)
        missed = sum(tip["label"] == "A" and not tip["ready"] for tip in tips)
        lines.append(f"| {practice} | {len(tips)} | {len(ready)} | {_share(len(ready), len(tips))} | {good} | "
                     f"{_share(good, len(ready))} | {missed} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=Path("/work/devset/articles"))
    parser.add_argument("--practice")
    parser.add_argument("--ready", type=float, help="the scorer's ready threshold (default: the shipped one)")
    parser.add_argument("--show", choices=("ready", "all", "none"), default="none")
    parser.add_argument("--json", type=Path, help="write every tip with its label here")
    args = parser.parse_args()
    results = evaluate(args.devset, args.practice, args.ready)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    for tip in results:
        if args.show == "all" or (args.show == "ready" and tip["ready"]):
            mark = "R" if tip["ready"] else "-"
            print(f"{mark} {tip['label']} {tip['article']}: {tip['headline']} || {tip['text'][len(tip['headline']):]}"
                  f"{'  [' + '; '.join(tip['notes']) + ']' if tip['notes'] else ''}")
    print("\n".join(report(results)))


if __name__ == "__main__":
    main()
