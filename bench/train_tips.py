"""Train the tip model (scheduler/tips/tipmodel.py) on outside graders' grades and report it leave-one-practice-out.

    .venv/bin/python -m bench.train_tips [--graded /work/devset/new] [--write]
    .venv/bin/python -m bench.train_tips --committed            # from tests/data/devset/tips.tsv alone

With --graded (the default): reads the graders' sheets (<graded>/sheets/<reader>-<commit>.tsv: article, n, headline,
text, ready, flagged, grade, keys, should_flag), the articles they graded (<graded>/articles/<article>.md, other
practices' words, never committed; the practice is the article id's part before "--") and key tips
(<graded>/keys/<article>.txt, numbered lines); their sources are kept in tests/data/devset/graded-sources.tsv. Every
article is split again by this code without the tip model's say (split_report(judged=False)), and each tip is matched
word for word (headline and text) to a graded tip; the numbers the model reads are taken from the tip as split wrote
it. A graded tip split no longer writes (a later rule leaves it out or words it otherwise) stays in tips.tsv with the
numbers split read when it wrote it; one graded only by earlier readers (rows of another commit) keeps its grade
without its key tips (those are numbered in the earlier readers' key lists, which the sheets' readers replaced); a
tip graded by both keeps the sheets' grade. --write keeps them all, with the grades and
a digest of each tip's words (never the words), in tests/data/devset/tips.tsv, and ships the model trained on all of
them in scheduler/tips/tipmodel.json. --committed reads tests/data/devset/tips.tsv instead (no article needed).

For each practice, two logistic regressions (A vs not A, C vs not C) trained on the other practices score its
tips. On those scores, pooled: `ready` is the lowest P(A) at which the tips the rules call ready, of a shape that may
be ready (13 to 29 words, not from a list, not flagged, opening their section: tipmodel.held_shape), reach 90 %
graded A, or else the P(A) whose ready tips' precision is surest (Wilson's lower bound), a quarter of such A tips
staying ready either way; --nested chooses it again for each practice from the other practices alone; `drop`
(what split keeps) the lowest P(C) at which the tips left out are at most 1 % of the A tips and lose at most 0.5 %
of the key tips the rules' tips carry. --curve prints both choices threshold by threshold, with what split would keep
at each P(C): the share of A and of C among the tips kept, the key tips found and the tips per article. Pure Python,
deterministic: the same grades give the same tipmodel.json byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.sentences import slugify
from scheduler.tips.splitter import load_schedule, post_fits
from scheduler.tips.tipmodel import (
    FEATURES,
    MODEL_FILE,
    Places,
    held_shape,
    probability,
    stays_ready,
    word_numbers,
)

ROOT = Path(__file__).resolve().parent.parent
TIPS_FILE = ROOT / "tests" / "data" / "devset" / "tips.tsv"
L2 = 3.0
READY_PRECISION = 0.90
READY_KEEP = 0.25  # of the A tips the rules call ready, at least this share stays ready (fewer: noise decides)
# What split keeps (issue 19: at least 60 % A, at most 10 % C, 70 % of the key tips found): the tip model cannot
# tell most C tips from B ones, and the key tips found are near their floor, so split leaves out the tips likeliest C
# down to the P(C) at which the tips it leaves out hold at most these shares of the A tips and of the key tips found
# (at 2 % each the bundled article would lose a tip its test names: docs/splitting.md, "What split keeps").
DROP_LOSS = {"A": 0.01, "found": 0.005}


@dataclass(frozen=True)
class Graded:
    article: str
    practice: str
    digest: str
    grade: str  # A | B | C
    should_flag: str
    keys: tuple[int, ...]
    graded: str  # the commit whose tips the readers graded
    values: tuple[float, ...]

    @property
    def rules_ready(self) -> bool:
        return self.values[FEATURES.index("rules_ready")] == 1.0


def digest(headline: str, text: str) -> str:
    return hashlib.sha1(f"{headline}\n{text}".encode()).hexdigest()[:12]


def article_at_hand(folder: Path, name: str, schedule, state: Path):
    """The rebuilt article `name` in the folder (any extension), read, with what fits in its posts (a slug from its
    file name, the schedule's networks); None when it is not at hand."""
    path = next(iter(sorted(folder.glob(f"{name}.*"))), None)
    if path is None:
        return None
    article = read_article(path, path.parent)
    return article, post_fits(schedule, url=article.url, slug=slugify(path.stem, max_words=30, max_length=100),
                              state_dir=state)


def _key_numbers(cell: str) -> tuple[int, ...]:
    return tuple(sorted({int(k) for k in re.split(r"[,;\s]+", cell or "") if k.isdigit()}))


def collect(graded: Path) -> tuple[list[Graded], dict[str, int], dict[str, int]]:
    """Every graded tip that this code still writes word for word, with its numbers; the key tips per article;
    counts of what could not be matched."""
    grades: dict[tuple[str, str, str], dict] = {}
    rank = {"A": 0, "B": 1, "C": 2}
    for sheet in sorted((graded / "sheets").glob("*.tsv")):
        with open(sheet, encoding="utf-8") as handle:
            sheet_rows = list(csv.DictReader(handle, delimiter="\t"))
        for row in sheet_rows:
            if row.get("grade") not in rank:
                continue
            key = (row["article"], row["headline"], row["text"])
            if key not in grades or rank[row["grade"]] > rank[grades[key]["grade"]]:
                grades[key] = {**row, "commit": sheet.stem.rsplit("-", 1)[-1]}  # graded twice: the stricter grade
    keys = {}
    for article in sorted({key[0] for key in grades}):
        path = graded / "keys" / f"{article}.txt"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        keys[article] = sum(bool(re.match(r"\s*\d+[.)]", line)) for line in lines)
    counts = defaultdict(int)
    found: list[Graded] = []
    schedule = load_schedule(ROOT)
    with tempfile.TemporaryDirectory() as state:
        for article_name in sorted(keys):
            at_hand = article_at_hand(graded / "articles", article_name, schedule, Path(state))
            if at_hand is None:
                counts["article not at hand"] += 1
                continue
            article, fits = at_hand
            split = split_report(article, fits=fits, judged=False)
            matched = set()
            for tip, values in zip(split.tips, split.readings):
                row = grades.get((article_name, tip.headline, tip.text.replace("\n", " / ")))
                if row is None:
                    counts["tips not graded (changed since the grading)"] += 1
                    continue
                matched.add((article_name, row["headline"], row["text"]))
                counts["matched"] += 1
                found.append(Graded(article_name, article_name.split("--")[0],
                                    digest(tip.headline, tip.text), row["grade"], row.get("should_flag", ""),
                                    _key_numbers(row.get("keys", "")) if row["grade"] in "AB" else (),
                                    row["commit"], tuple(round(v, 6) for v in values)))
            counts["graded tips no longer written"] += sum(1 for key in grades if key[0] == article_name
                                                            and key not in matched)
    return found, keys, dict(counts)


def with_earlier(rows: list[Graded], earlier: list[Graded], words: dict[tuple[str, str], tuple] | None = None,
                 places: dict[str, Places] | None = None) -> list[Graded]:
    """The graded tips split writes today, and every tip graded before that it no longer writes (tips.tsv's rows,
    with the numbers split read when it wrote them): a tip graded in these sheets keeps its key tips; one graded
    only by earlier readers of an article these sheets grade again keeps its grade without them (their numbers are
    in the earlier readers' key lists); a tip of an article these sheets do not grade is kept as it is (sheets of
    new articles add to tips.tsv).
    A number the model reads that tips.tsv does not hold yet is computed from the tip's words (`words`, by article
    and digest: the sheets' and any rebuilt outside the repository: headline, text and, where known, the block and
    sentence it opened on) and, for its place, from its article (`places`); one that cannot be stays unknown (NaN)
    and the tip is kept in tips.tsv but not trained on (`complete`)."""
    graded_now = {(row.article, row.digest) for row in rows}
    commits, regraded = {row.graded for row in rows}, {row.article for row in rows}
    kept = [row if row.graded in commits or row.article not in regraded else replace(row, keys=())
            for row in earlier if (row.article, row.digest) not in graded_now]
    return rows + [_completed(row, (words or {}).get((row.article, row.digest)), (places or {}).get(row.article))
                   for row in kept]


def complete(rows: list[Graded]) -> list[Graded]:
    """The tips whose every number is known: the ones the model is trained and judged on."""
    return [row for row in rows if not any(math.isnan(value) for value in row.values)]


def _completed(row: Graded, tip: tuple | None, places: Places | None) -> Graded:
    if tip is None or not any(math.isnan(value) for value in row.values):
        return row
    computed = word_numbers(*tip[:2])
    if places is not None and len(tip) == 4:  # where split wrote it: the block and sentence it opened on
        computed.update(places.numbers(int(tip[2]), int(tip[3]), tip[1]))
    values = tuple(round(computed[name], 6) if math.isnan(value) and name in computed else value
                   for name, value in zip(FEATURES, row.values))
    return replace(row, values=values)


def _places(graded: Path) -> dict[str, Places]:
    """Each article at hand, indexed for the place numbers of tips split no longer writes."""
    return {path.stem: Places(read_article(path, path.parent))
            for path in sorted((graded / "articles").glob("*.md"))}


def sheet_words(graded: Path) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Every graded tip's headline, text and the grader's reason, by article and digest (for reading and for
    computing numbers again; never kept)."""
    found = {}
    for sheet in sorted((graded / "sheets").glob("*.tsv")):
        with open(sheet, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                for text in {row["text"].replace(" / ", "\n"), row["text"]}:  # " / " in the sheet: a line break
                    found[(row["article"], digest(row["headline"], text))] = (row["headline"], text,
                                                                             row.get("reason", ""))
    return found


def write_tips(rows: list[Graded], keys: dict[str, int]) -> None:
    lines = [("# Outside graders' grades of split's tips on other practices' articles (bench/train_tips.py): "
              "article, practice, digest of headline + text, grade, should_flag, key tips carried, and the numbers "
              "the tip model reads (scheduler/tips/tipmodel.py FEATURES); no text"),
             *(f"# keys\t{article}\t{count}" for article, count in sorted(keys.items())),
             "\t".join(("article", "practice", "digest", "grade", "should_flag", "keys", "graded") + FEATURES)]
    for row in rows:
        lines.append("\t".join((row.article, row.practice, row.digest, row.grade, row.should_flag,
                                ",".join(map(str, row.keys)), row.graded)) + "\t"
                     + "\t".join(f"{v:.6f}" for v in row.values))
    TIPS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_tips(path: Path = TIPS_FILE) -> tuple[list[Graded], dict[str, int]]:
    """The rows of tips.tsv with their numbers in FEATURES' order (NaN for one the file does not hold yet)."""
    rows, keys, names = [], {}, list(FEATURES)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# keys\t"):
            _, article, count = line.split("\t")
            keys[article] = int(count)
        elif line.startswith("article\t"):
            names = line.split("\t")[7:]
        elif line and not line.startswith("#"):
            cells = line.split("\t")
            stored = dict(zip(names, (float(v) for v in cells[7:])))
            rows.append(Graded(cells[0], cells[1], cells[2], cells[3], cells[4], _key_numbers(cells[5]), cells[6],
                               tuple(stored.get(name, math.nan) for name in FEATURES)))
    return rows, keys


def train(xs: list[tuple[float, ...]], ys: list[int]) -> list[float]:
    """L2-regularised logistic regression by Newton's method (the bias not regularised), weights to 4 places."""
    d = len(FEATURES)
    rows = [[(i, v) for i, v in enumerate(x) if v] for x in xs]
    w = [0.0] * d
    for _ in range(30):
        gradient = [L2 * w[j] if j else 0.0 for j in range(d)]
        hessian = [[(L2 if i == j and i else 0.0) + (1e-6 if i == j else 0.0) for j in range(d)] for i in range(d)]
        for x, row, y in zip(xs, rows, ys):
            p = probability(w, x)
            s = p * (1 - p)
            for i, vi in row:
                gradient[i] += (p - y) * vi
                line = hessian[i]
                for j, vj in row:
                    line[j] += s * vi * vj
        step = _solve(hessian, gradient)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return [round(v, 4) for v in w]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: (abs(a[r][col]), -r))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col]:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit(rows: list[Graded]) -> dict[str, list[float]]:
    xs = [row.values for row in rows]
    return {"A": train(xs, [row.grade == "A" for row in rows]), "C": train(xs, [row.grade == "C" for row in rows])}


def lopo(rows: list[Graded]) -> list[tuple[Graded, float, float]]:
    """(tip, P(A), P(C)) for every tip, scored by the models trained on every other practice."""
    scored = []
    for practice in sorted({row.practice for row in rows}):
        weights = fit([row for row in rows if row.practice != practice])
        scored += [(row, probability(weights["A"], row.values), probability(weights["C"], row.values))
                   for row in rows if row.practice == practice]
    return scored


def dropped(row: Graded, pc: float, drop: float) -> bool:
    """Whether the model leaves the tip out: sure it is not postable, and no example of what to say (those are
    never left out by a model; split's rules decide them)."""
    return pc >= drop and not row.values[FEATURES.index("example")]


def _found(scored, keys: dict[str, int], drop: float) -> int:
    carried = {(row.article, k) for row, _, pc in scored if row.grade in "AB" and not dropped(row, pc, drop)
               for k in row.keys if k <= keys.get(row.article, 0)}
    return len(carried)


def _ready_at(scored, alone: bool) -> tuple[float, float, int]:
    """(threshold, precision, ready tips) among the tips whose shape may be ready (tipmodel.held_shape): the lowest
    P(A) at which the ready tips reach 90 % A; where none does, the one whose precision is surest (the highest lower
    bound, `precision_floor`: a precise few against a less precise many). Of thresholds that make the same tips
    ready, the highest (no tip less likely than those seen is made ready). Either way at least a quarter of the A
    tips of such a shape stay ready. `alone`: the model decides without the rules' say."""
    ruled = [(pa, row.grade == "A") for row, pa, _ in scored if (alone or row.rules_ready)
             and not held_shape(row.values)]
    floor = sum(ok for _, ok in ruled) * READY_KEEP
    found, bounds, before = None, [], None
    for step in range(99, -1, -1):
        candidate = step / 100
        chosen = [ok for pa, ok in ruled if pa >= candidate]
        if not chosen or sum(chosen) < floor:
            continue
        if len(chosen) == before:
            continue  # the same tips as at the higher threshold just taken
        before = len(chosen)
        precision = sum(chosen) / len(chosen)
        if precision >= READY_PRECISION:
            found = (candidate, precision, len(chosen))
        bounds.append((precision_floor(sum(chosen), len(chosen)), candidate, precision, len(chosen)))
    if found or not bounds:
        return found or (1.0, 0.0, 0)
    return max(bounds, key=lambda item: (item[0], item[1]))[1:]


def precision_floor(right: int, chosen: int, z: float = 1.645) -> float:
    """The precision that `right` of `chosen` ready tips shows with 95 % confidence (Wilson's lower bound, one
    side): 14 of 20 (70 %) is surer than 6 of 8 (75 %) or 23 of 38 (61 %)."""
    share, spread = right / chosen, z * z / chosen
    return (share + spread / 2 - z * math.sqrt(share * (1 - share) / chosen + spread / chosen / 4)) / (1 + spread)


def choose_thresholds(scored, keys: dict[str, int]) -> dict[str, float]:
    with_rules, alone = _ready_at(scored, False), _ready_at(scored, True)
    # the model alone decides only when it reaches the precision asked: a tip whose notes ask for a look is not
    # made ready for a few points of precision (on 616 tips, 64 % of 22 alone against 52 % of 29 with the rules)
    use_alone = alone[1] >= READY_PRECISION and alone[2] > with_rules[2]
    ready = alone if use_alone else with_rules
    graded_a = sum(row.grade == "A" for row, _, _ in scored)
    everything = _found(scored, keys, 2.0)
    drop = 1.01
    for step in range(99, 29, -1):
        candidate = step / 100
        lost_a = sum(1 for row, _, pc in scored if row.grade == "A" and dropped(row, pc, candidate))
        if (lost_a > graded_a * DROP_LOSS["A"]
                or everything - _found(scored, keys, candidate) > everything * DROP_LOSS["found"]):
            break
        drop = candidate
    return {"ready": ready[0], "ready_alone": float(use_alone), "drop": drop}


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def figures(scored, keys: dict[str, int], limits: dict[str, float] | None) -> list[str]:
    """One table row per practice and the total: with limits None, the rules alone (before the model)."""
    lines = [("| practice | articles | tips | kept | A / B / C of kept | ready | ready A (precision) | "
              "A, B left out | C left out | key tips found |"), "|---|---|---|---|---|---|---|---|---|---|"]
    groups = defaultdict(list)
    for item in scored:
        groups[item[0].practice].append(item)
        groups["total"].append(item)
    for practice in sorted(groups, key=lambda g: (g == "total", g)):
        items = groups[practice]
        drop = limits["drop"] if limits else 2.0
        kept = [(row, pa) for row, pa, pc in items if not dropped(row, pc, drop)]
        ready = [row for row, pa in kept if (row.rules_ready if limits is None else (
            limits["ready_alone"] or row.rules_ready) and stays_ready(row.values, pa, limits))]
        shares = " / ".join(_share(sum(row.grade == g for row, _ in kept), len(kept)) for g in "ABC")
        articles = sorted({row.article for row, _, _ in items})
        ab_lost = sum(1 for row, _, pc in items if dropped(row, pc, drop) and row.grade in "AB")
        c_lost = sum(1 for row, _, pc in items if dropped(row, pc, drop) and row.grade == "C")
        ready_a = sum(row.grade == "A" for row in ready)
        lines.append(f"| {practice} | {len(articles)} | {len(items)} | {len(kept)} | {shares} | {len(ready)} | "
                     f"{ready_a} ({_share(ready_a, len(ready))}) | {ab_lost} | {c_lost} | "
                     f"{_found(items, keys, drop)} of {sum(keys.get(a, 0) for a in articles)} |")
    return lines


def curves(scored, keys: dict[str, int], limits: dict[str, float]) -> list[str]:
    """The choices behind the thresholds, leave-one-practice-out: per P(A), the tips the rules call ready that the
    model passes, how many are A and how sure that precision is; per P(C), what the model would leave out."""
    lines = ["| P(A) ≥ | ready tips | of them A | precision | surest precision (95 %) |", "|---|---|---|---|---|"]
    for step in sorted({*range(30, 81, 2), round(100 * limits["ready"])}):
        ready = [row.grade == "A" for row, pa, _ in scored
                 if row.rules_ready and stays_ready(row.values, pa, {"ready": step / 100})]
        if ready:
            chosen = " (chosen)" if step / 100 == limits["ready"] else ""
            lines.append(f"| {step / 100:.2f}{chosen} | {len(ready)} | {sum(ready)} | "
                         f"{_share(sum(ready), len(ready))} | {100 * precision_floor(sum(ready), len(ready)):.0f} % |")
    lines += ["", ("| P(C) ≥ | C left out | B left out | A left out | kept: A | kept: C | key tips found | "
                   "tips per article |"), "|---|---|---|---|---|---|---|---|"]
    articles = len({row.article for row, _, _ in scored}) or 1
    for step in sorted({*range(40, 96, 2), round(100 * limits["drop"])}):
        out = [row.grade for row, _, pc in scored if dropped(row, pc, step / 100)]
        kept = [row.grade for row, _, pc in scored if not dropped(row, pc, step / 100)]
        chosen = " (chosen)" if step / 100 == limits["drop"] else ""
        lines.append(f"| {step / 100:.2f}{chosen} | {out.count('C')} | {out.count('B')} | {out.count('A')} | "
                     f"{_share(kept.count('A'), len(kept))} | {_share(kept.count('C'), len(kept))} | "
                     f"{_found(scored, keys, step / 100)} | {len(kept) / articles:.1f} |")
    return lines


def model_file(rows: list[Graded], keys: dict[str, int]) -> dict:
    rows = complete(rows)
    scored = lopo(rows)
    limits = choose_thresholds(scored, keys)
    means = [round(sum(row.values[j] for row in rows) / len(rows), 4) for j in range(len(FEATURES))]
    return {"features": list(FEATURES), "thresholds": limits, "weights": fit(rows), "means": means,
            "trained_on": {"tips": len(rows), "articles": len({row.article for row in rows}),
                           "practices": sorted({row.practice for row in rows})},
            "before": figures(scored, keys, None), "lopo": figures(scored, keys, limits)}


def nested(rows: list[Graded], keys: dict[str, int]) -> tuple[list[Graded], dict[str, float]]:
    """The tips made ready when nothing of a practice is seen before its tips are judged: for each practice, the
    thresholds chosen leave-one-practice-out on the other practices alone, the model trained on them, its tips scored
    (the choice of `ready` itself is held out, which `lopo`'s pooled choice is not). Returns the ready tips and each
    practice's `ready`."""
    ready, chosen = [], {}
    for practice in sorted({row.practice for row in rows}):
        others = [row for row in rows if row.practice != practice]
        limits = choose_thresholds(lopo(others), keys)
        weights = fit(others)
        chosen[practice] = limits["ready"]
        ready += [row for row in rows if row.practice == practice
                  and (limits["ready_alone"] or row.rules_ready)
                  and stays_ready(row.values, probability(weights["A"], row.values), limits)]
    return ready, chosen


def nested_line(ready: list[Graded]) -> str:
    right = sum(row.grade == "A" for row in ready)
    bound = f", surely above {100 * precision_floor(right, len(ready)):.0f} % (one-sided 95 %)" if ready else ""
    return f"ready tips, every choice held out: {len(ready)}, {right} A ({_share(right, len(ready))}){bound}"


def _show(rows: list[Graded], limits: dict[str, float], graded: Path) -> None:
    """Each tip, leave-one-practice-out, with the words from the graders' sheets (for reading, never kept)."""
    words = sheet_words(graded)
    for row, pa, pc in sorted(lopo(rows), key=lambda item: -item[2]):
        ready = (limits["ready_alone"] or row.rules_ready) and stays_ready(row.values, pa, limits)
        what = "DROP" if dropped(row, pc, limits["drop"]) else "READY" if ready else "-"
        headline, text, reason = words.get((row.article, row.digest), ("?", "", ""))
        print(f"{row.grade} A={pa:.2f} C={pc:.2f} rules={'R' if row.rules_ready else '-'} {what:5} "
              f"{row.article[:28]:28} {headline} || {text[:160]} || {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graded", type=Path, default=Path("/work/devset/new"))
    parser.add_argument("--committed", action="store_true", help="read tests/data/devset/tips.tsv instead")
    parser.add_argument("--write", action="store_true", help="write tips.tsv (with --graded) and tipmodel.json")
    parser.add_argument("--words", type=Path, help="JSON of tips no sheet holds: {\"article|digest\": [headline, "
                        "text, paragraph, sentence]} (paragraph and sentence: the tip's source as split wrote it), "
                        "to compute numbers tips.tsv does not hold yet")
    parser.add_argument("--show", action="store_true", help="print every tip's grade, P(A), P(C) and headline")
    parser.add_argument("--curve", action="store_true", help="print ready and left-out tips per threshold")
    parser.add_argument("--nested", action="store_true", help="also choose `ready` without the practice judged "
                        "(each practice's thresholds from the others alone; about 30 s)")
    args = parser.parse_args()
    if args.committed:
        rows, keys = read_tips()
    else:
        rows, keys, counts = collect(args.graded)
        words = {key: tip[:2] for key, tip in sheet_words(args.graded).items()}
        if args.words:  # tips no sheet holds (earlier readers'), rebuilt outside the repository
            rebuilt = json.loads(args.words.read_text(encoding="utf-8"))
            words.update({tuple(key.split("|", 1)): tuple(tip) for key, tip in rebuilt.items()})
        earlier, earlier_keys = read_tips()
        keys = {**earlier_keys, **keys}  # an article not at hand keeps its count of key tips
        rows = with_earlier(rows, earlier, words, _places(args.graded))
        print(f"{len(rows)} graded tips ({counts['matched']} written today, the rest kept from {TIPS_FILE.name}); "
              f"{ {k: v for k, v in counts.items() if k != 'matched'} }")
    trained = complete(rows)
    if len(trained) < len(rows):
        print(f"{len(rows) - len(trained)} graded tips lack numbers the model reads (their article or their place "
              f"in it is not at hand: give it with --graded and --words): kept in {TIPS_FILE.name}, not trained on")
    model = model_file(rows, keys)
    print(f"thresholds (leave-one-practice-out): {model['thresholds']}")
    if args.show:
        _show(trained, model["thresholds"], args.graded)
    if args.curve:
        print("\n".join(curves(lopo(trained), keys, model["thresholds"])))
    if args.nested:
        ready, chosen = nested(trained, keys)
        print(nested_line(ready) + f"; ready per practice: {chosen}")
    print("before (the rules alone):\n" + "\n".join(model["before"]))
    print("with the tip model, leave-one-practice-out:\n" + "\n".join(model["lopo"]))
    if args.write:
        if not args.committed:
            write_tips(rows, keys)
        MODEL_FILE.write_text(json.dumps(model, sort_keys=True, indent=0, ensure_ascii=False) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)} ({MODEL_FILE.stat().st_size} bytes)"
              + ("" if args.committed else f" and {TIPS_FILE.relative_to(ROOT)}"))


if __name__ == "__main__":
    main()
