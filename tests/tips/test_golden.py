"""Every test article's tips as a reviewed file: a change to the splitter shows its effect on each article as a diff.

Regenerate after a deliberate change, then read the diff before committing it:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/tips/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "tips"
# tests/data/trial: articles users wrote in trials (SOURCES.md there), kept out of tests/data/articles so that the
# sensitive flag's reader, trained on that folder's sentences as ordinary (bench.train_sensitivity), is not changed
ARTICLES = sorted([REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt",
                   *sorted(path for path in (REPO / "tests" / "data" / "trial").glob("*.md") if path.name != "SOURCES.md")]
                  + [path for path in (REPO / "tests" / "data" / "articles").rglob("*")
                     if path.suffix in (".txt", ".md", ".html") and path.name != "SOURCES.md"])


def golden_name(path: Path) -> str:
    data = REPO / "tests" / "data" / "articles"
    relative = path.relative_to(data) if path.is_relative_to(data) else Path(path.name)
    return "--".join(relative.with_suffix("").parts) + ".yaml"


def tips_as_yaml(path: Path) -> str:
    tips = split_article(read_article(path, path.parent))
    data = [{"headline": tip.headline, "text": tip.text, "ready": tip.ready,
             **({"review": list(tip.review)} if tip.review else {}),
             **({"notes": list(tip.notes)} if tip.notes else {})} for tip in tips]
    return yaml.safe_dump({"article": path.relative_to(REPO).as_posix(), "tips": data}, allow_unicode=True,
                          sort_keys=False, width=120)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: golden_name(path).removesuffix(".yaml"))
def test_tips_are_the_reviewed_ones(path):
    golden = GOLDEN / golden_name(path)
    made = tips_as_yaml(path)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(made, encoding="utf-8")
    assert golden.exists(), f"no golden file for {path.name}: run UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert made == golden.read_text(encoding="utf-8"), (
        f"{path.name}'s tips changed: read `git diff {golden.relative_to(REPO)}` after "
        "UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/tips/test_golden.py, and commit it if it is better")


def test_every_golden_file_has_its_article():
    assert sorted(p.name for p in GOLDEN.glob("*.yaml")) == sorted(golden_name(p) for p in ARTICLES)
