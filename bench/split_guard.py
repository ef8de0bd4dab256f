"""The splitter's whole output on every article it is measured on, as one JSON file: to compare before and after a
change that must not change a tip (`python -m bench.split_guard OUT.json`, then `cmp` or `diff` two outputs).

Per article: every tip (all its fields), the block report, with the post lengths of posts/schedule.yaml and with
the bare length; and the scorer's features and verdict for every candidate. Articles: the seed, every test
article, and the split bench's 5,000- and 20,000-word articles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench import REPO
from bench.split_bench import SEED, long_article
from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.scorer import candidates, features, judge
from scheduler.tips.splitter import load_schedule, post_fits


def articles() -> list[tuple[str, Path]]:
    data = REPO / "tests" / "data" / "articles"
    found = [SEED] + sorted(path for path in data.rglob("*") if path.suffix in (".txt", ".md", ".html")
                            and path.name != "SOURCES.md")
    return [(path.relative_to(REPO).as_posix(), path) for path in found]


def _tip(tip) -> dict:
    return {"id": tip.id, "headline": tip.headline, "text": tip.text, "status": str(tip.status),
            "section": tip.section, "source": tip.source, "review": list(tip.review),
            "review_words": {flag: list(found) for flag, found in tip.review_words.items()},
            "notes": list(tip.notes), "ready": tip.ready}


def dump(article) -> dict:
    fits = post_fits(load_schedule(REPO), url="https://example.org/a", slug="guard")
    out = {}
    for name, kwargs in (("schedule", {"fits": fits}), ("bare", {})):
        split = split_report(article, **kwargs)
        out[name] = {"tips": [_tip(tip) for tip in split.tips], "blocks": split.blocks}
    out["scorer"] = [[candidate.text, features(candidate), judge(candidate).probabilities]
                     for candidate in candidates(article)]
    return out


def main(target: str) -> None:
    result = {}
    for shown, path in articles():
        result[shown] = dump(read_article(path, path.parent))
    with_root = Path(target).parent
    for words in (5_000, 20_000):
        path = with_root / f"guard-long-{words}.txt"
        path.write_text(long_article(words), encoding="utf-8")
        result[f"long-{words}"] = dump(read_article(path, path.parent))
        path.unlink()
    Path(target).write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{target}: {len(result)} articles, {sum(len(a['schedule']['tips']) for a in result.values())} tips")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1])
