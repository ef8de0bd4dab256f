"""Train the splitter's sentence scorer (scheduler/tips/scorer.py) and report it leave-one-practice-out.

    .venv/bin/python -m bench.train_scorer [--devset /work/devset/articles] [--write]

Reads the labels in tests/data/scorer/labels.tsv (article, unit number, sha1 of the unit's text, label) and finds
each article's text: the committable ones in this repository (tests/data/articles/, the bundled seed), the
development-set articles (other practices' words, never committed) in --devset as <article>.<ext>, fetched from
the sources in tests/data/scorer/sources.tsv at their commits. A unit whose text no longer has the labelled digest
is skipped and counted. Then, for each practice, a model trained on the other practices scores its sentences
(leave-one-practice-out); the thresholds are chosen on those scores, among the units the hand rules let open a
tip and readiness's own checks (scheduler.tips.standalone) let be ready: `ready` is the lowest advice probability
at which the pooled precision of "advice that stands alone" reaches 90 %, `drop` the lowest confidence in a
not-advice label at which at most 3 % of the advice is dropped. With --write the model trained on every label
and the thresholds go to scheduler/tips/scorer.json. Run by hand (it needs the development set); deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from scheduler.articles import read_article
from scheduler.tips.drafts import Scope, headline_score, unusable_reason
from scheduler.tips.filters import is_question, practice_names
from scheduler.tips.flags import vignette_names
from scheduler.tips.ledger import Ledger
from scheduler.tips.scorer import LABELS, MODEL_FILE, candidates, features
from scheduler.tips.standalone import standalone_notes

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "scorer"
LETTERS = {"A": "advice", "C": "context", "S": "setup", "P": "pitch", "H": "heading", "O": "other"}
L2 = float(os.environ.get("SCORER_L2", "1.0"))
MIN_COUNT = 2
READY_PRECISION = 0.90
DROP_LOSS = 0.03
DROP_FLOOR = 0.95  # the shipped model reads its own training articles more sharply than LOPO shows: drop only when very sure


def load_units(devset: Path) -> tuple[list[tuple[str, str, object, str]], Counter]:
    """(article, practice, candidate, label) for every labelled unit whose text is at hand and unchanged."""
    sources = {}
    for line in (DATA / "sources.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            article, practice, where = line.split("\t")[:3]
            sources[article] = (practice, where)
    labels = defaultdict(dict)
    for line in (DATA / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            article, unit, digest, letter = line.split("\t")
            labels[article][int(unit)] = (digest, LETTERS[letter])
    units, missing = [], Counter()
    for article, by_unit in sorted(labels.items()):
        practice, where = sources[article]
        path = ROOT / where if where.startswith(("tests/", "posts/")) else next(iter(sorted(
            devset.glob(f"{article}.*"))), None)
        if path is None or not path.exists():
            missing["article not at hand"] += len(by_unit)
            continue
        read = read_article(path, path.parent)
        found = list(candidates(read))
        scope = Scope(names=practice_names(read), people=vignette_names(b.text for _, b in read.blocks()),
                      ledger=Ledger())
        for unit, (digest, label) in sorted(by_unit.items()):
            if unit >= len(found) or hashlib.sha1(found[unit].text.encode()).hexdigest()[:12] != digest:
                missing["text changed"] += 1
                continue
            units.append((article, practice, found[unit], label, _rules_pass(found[unit], scope),
                          where.startswith(("tests/", "posts/"))))
    return units, missing


def _rules_pass(candidate, scope) -> bool:
    """Whether the splitter's hand rules alone would let this unit open a tip, and a tip of its words alone pass
    readiness's own checks (scheduler.tips.standalone): the units on which the model has the last say."""
    text = candidate.text
    return (candidate.kind != "heading" and unusable_reason(text, scope) is None and not is_question(text)
            and headline_score(text, candidate.index, candidate.total) is not None
            and not standalone_notes(text, text, kind=candidate.kind))


def train(rows: list[list[str]], targets: list[int]) -> dict[str, list[float]]:
    counts = Counter(feature for row in rows for feature in set(row))
    vocabulary = sorted(feature for feature, count in counts.items() if count >= MIN_COUNT or feature == "bias")
    index = {feature: position for position, feature in enumerate(vocabulary)}
    n, d, k = len(rows), len(vocabulary), len(LABELS)
    cells = Counter((i, index[feature]) for i, row in enumerate(rows) for feature in row if feature in index)
    x = sparse.csr_matrix((list(cells.values()), ([i for i, _ in cells], [j for _, j in cells])), shape=(n, d))
    y = np.zeros((n, k))
    y[np.arange(n), targets] = 1.0

    def loss(flat):
        w = flat.reshape(d, k)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.sum(y * np.log(p + 1e-12)) + L2 / 2 * np.sum(w * w)
        grad = x.T @ (p - y) + L2 * w
        return value, grad.ravel()

    result = minimize(loss, np.zeros(d * k), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = result.x.reshape(d, k)
    return {feature: [round(float(v), 3) for v in w[index[feature]]] for feature in vocabulary
            if np.abs(w[index[feature]]).max() >= 0.05 or feature == "bias"}


def predict(weights: dict[str, list[float]], row: list[str]) -> list[float]:
    sums = [0.0] * len(LABELS)
    for feature in row:
        for position, value in enumerate(weights.get(feature, ())):
            sums[position] += value
    top = max(sums)
    exps = [math.exp(v - top) for v in sums]
    return [v / sum(exps) for v in exps]


def choose_thresholds(scored) -> dict[str, float]:
    """Both thresholds are chosen on the units the hand rules let through: the model only has a say on those."""
    passing = [(label, p) for _, label, p, rules in scored if rules]
    advice = [(p[0], label == "advice") for label, p in passing]
    total_advice = sum(ok for _, ok in advice) or 1
    ready, best = 1.0, (-1.0, 0.0)
    for candidate in [x / 100 for x in range(99, 29, -1)]:
        chosen = [ok for p, ok in advice if p >= candidate]
        if sum(chosen) < total_advice * 0.2:
            continue  # too few to say anything: at least a fifth of the advice is marked ready
        precision = sum(chosen) / len(chosen)
        if precision >= READY_PRECISION:
            ready = candidate  # the goal reached: the lowest threshold that keeps it
        elif best[0] < READY_PRECISION and precision > best[0]:
            best = (precision, candidate)  # not reached (yet): the most precise threshold
    if ready == 1.0 and best[0] >= 0:
        ready = best[1]
    drop = 1.0
    for candidate in [x / 100 for x in range(99, 39, -1)]:
        lost = sum(1 for label, p in passing if label == "advice" and _not_advice(p) >= candidate)
        if lost / total_advice <= DROP_LOSS:
            drop = candidate
        else:
            break
    return {"ready": ready, "drop": max(drop, DROP_FLOOR)}


def _not_advice(p: list[float]) -> float:
    best = max(range(len(LABELS)), key=lambda i: (p[i], -i))
    return 0.0 if best == 0 else p[best]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def report(scored, thresholds) -> list[str]:
    lines = [(f"| practice | units | advice | accuracy (6 labels) | pass the rules | of which advice (ready "
              f"precision without the model) | ready (advice p ≥ {thresholds['ready']:.2f}) | ready precision | "
              f"advice dropped (sure ≥ {thresholds['drop']:.2f}) | not-advice dropped |"),
             "|---|---|---|---|---|---|---|---|---|---|"]
    groups = defaultdict(list)
    for practice, label, p, rules in scored:
        groups[practice].append((label, p, rules))
        groups["total"].append((label, p, rules))
    for practice in sorted(groups, key=lambda g: (g == "total", g)):
        rows = groups[practice]
        correct = sum(LABELS[max(range(len(LABELS)), key=lambda i: (p[i], -i))] == label for label, p, _ in rows)
        advice = sum(label == "advice" for label, _, _ in rows)
        passing = [(label, p) for label, p, rules in rows if rules]
        passing_advice = sum(label == "advice" for label, _ in passing)
        ready = [label == "advice" for label, p in passing if p[0] >= thresholds["ready"]]
        dropped = [label for label, p in passing if _not_advice(p) >= thresholds["drop"]]
        lines.append(f"| {practice} | {len(rows)} | {advice} | {_share(correct, len(rows))} | {len(passing)} | "
                     f"{passing_advice} ({_share(passing_advice, len(passing))}) | {len(ready)} | "
                     f"{_share(sum(ready), len(ready))} | {dropped.count('advice')} of {passing_advice} | "
                     f"{len(dropped) - dropped.count('advice')} of {len(passing) - passing_advice} |")
    return lines


def committable_figures(weights, units, rows, thresholds) -> dict[str, int]:
    """The shipped model on the labelled units whose articles are in this repository (tests/tips/test_scorer.py
    checks that the model file still gives exactly these)."""
    figures = Counter()
    for unit, row in zip(units, rows):
        if not unit[5]:
            continue
        p = predict(weights, row)
        best = LABELS[max(range(len(LABELS)), key=lambda i: (p[i], -i))]
        figures["units"] += 1
        figures["correct"] += best == unit[3]
        figures["advice"] += unit[3] == "advice"
        if unit[4] and p[0] >= thresholds["ready"]:
            figures["ready"] += 1
            figures["ready_advice"] += unit[3] == "advice"
    return dict(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=Path("/work/devset/articles"))
    parser.add_argument("--write", action="store_true", help="write scheduler/tips/scorer.json")
    args = parser.parse_args()
    units, missing = load_units(args.devset)
    print(f"{len(units)} labelled units ({dict(Counter(unit[3] for unit in units))}); skipped: {dict(missing)}")
    rows = [features(unit[2]) for unit in units]
    targets = [LABELS.index(unit[3]) for unit in units]
    practices = sorted({unit[1] for unit in units})
    scored = []
    for practice in practices:
        train_at = [i for i, unit in enumerate(units) if unit[1] != practice]
        weights = train([rows[i] for i in train_at], [targets[i] for i in train_at])
        scored += [(practice, unit[3], predict(weights, rows[i]), unit[4]) for i, unit in enumerate(units)
                   if unit[1] == practice]
    (Path("/tmp") / "scorer_lopo.json").write_text(json.dumps(scored))
    thresholds = choose_thresholds(scored)
    lines = report(scored, thresholds)
    print("\n".join(lines))
    if args.write:
        weights = train(rows, targets)
        model = {"labels": list(LABELS), "thresholds": thresholds,
                 "trained_on": {"units": len(units), "practices": practices},
                 "figures": {"committable": committable_figures(weights, units, rows, thresholds)},
                 "lopo": lines, "weights": weights}
        MODEL_FILE.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {len(weights)} features, {MODEL_FILE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
