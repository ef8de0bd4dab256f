"""Issue 12, an outside check: five practice-blog articles written before reading the rules
(tests/data/articles/practice-fresh/), in the shapes real US counseling practices publish. The rules every
tip must keep are asserted for them in test_real_articles.py; here, what a skilled social media manager
would pull from each and the failures found on first reading, as classes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.config import parse_schedule
from scheduler.tips.drafting import split_report
from scheduler.tips.splitter import post_fits
from scheduler.yamlio import load_document

REPO = Path(__file__).resolve().parents[2]
FRESH = REPO / "tests" / "data" / "articles" / "practice-fresh"


@pytest.fixture(scope="module")
def splits():
    schedule = parse_schedule(load_document(REPO / "posts" / "schedule.yaml"))
    fits = post_fits(schedule, url="https://example.com/blog/a-post", slug="c")
    return {path.stem: split_report(read_article(path, REPO), fits=fits) for path in sorted(FRESH.iterdir())}


def headlines(split) -> set[str]:
    return {tip.headline for tip in split.tips}


def left_out(split, start: str) -> str | None:
    return next(entry["left_out"] for entry in split.blocks if entry["text"].startswith(start))


def test_a_byline_naming_the_practice_does_not_cut_the_article_as_its_pitch(splits):
    couples = splits["couples-conflict-tips"]  # "Posted on ... by Harbor Light Counseling" opens the article
    assert {"Start soft.", "Take a break when you're flooded.", "Stick to one topic.",
            "Repair early and often."} <= headlines(couples)
    assert left_out(couples, "Posted on") == "meta (byline, date, link or credit)"
    assert "pitch" in left_out(couples, "Struggling to break the cycle")


def test_every_numbered_tip_of_a_numbered_article_is_found(splits):
    couples = splits["couples-conflict-tips"]
    numbered = next(entry for entry in couples.blocks if entry["kind"] == "list")
    assert all(item["tips"] for item in numbered["items"]), numbered["items"]  # "Never use contempt." too
    assert "Never use contempt." in headlines(couples)
