"""A post seen by few cannot top Best on luck: eight tips posted on X (the fake X API) and read by `collect`,
one of them 2 engagements from 3 impressions, through the real CLI and SQLite."""

from __future__ import annotations

import pytest
from conftest import drawn_project, seed_campaign
from fakemastodon import FakeMastodon
from fakex import FakeX
from two_networks import CAMPAIGN, cli, remote_ids, two_networks

SLOTS = [f"2026-12-0{day}T{time}" for day in range(1, 5) for time in ("09:01", "12:01")]
TIPS = seed_campaign("".join(
    f"  - id: tip-{i}\n    headline: \"Small step {i}.\"\n"
    f"    text: \"Small step {i}. One honest talk about what you both want is a start, number {i}.\"\n"
    f"    status: approved\n    section: \"Section {i}\"\n" for i in range(8)))
# (engagements, impressions) at 72 h, in posting order: the first seen by 3 people, 2 of whom liked it
COUNTS = [(2, 3), (40, 2000), (20, 1500), (54, 1800), (18, 1200), (100, 2500), (15, 1000), (66, 2200)]


@pytest.fixture
def servers():
    with FakeX() as fx, FakeMastodon() as fm:
        yield fx, fm


def test_two_likes_from_three_impressions_do_not_top_best_and_say_so(tmp_path, servers):
    root = drawn_project(tmp_path / "project", two_networks(), CAMPAIGN, TIPS)
    assert cli(root, servers, "2026-12-01T07:00", "queue")[0].code == 0
    for now in SLOTS:
        result, report = cli(root, servers, now, "run-due")
        assert result.code == 0 and len(report["posted"]) == 2, result
    ids = remote_ids(root)
    order = sorted((post_id for post_id in ids if "@" not in post_id), key=lambda post_id: int(ids[post_id]))
    for post_id, (likes, impressions) in zip(order, COUNTS, strict=True):
        servers[0].set_metrics(ids[post_id], impressions=impressions, likes=likes)
    assert cli(root, servers, "2026-12-07T13:00", "collect")[0].code == 0

    result, data = cli(root, servers, None, "stats")
    few = next(row for row in data["posts"] if row["id"] == order[0])["ages"]["72h"]["score"]
    assert few["rate"] == pytest.approx(2 / 3) and few["estimate"] < 0.04 and few["few_impressions"] == 3
    summary, _ = cli(root, servers, None, "stats", json_out=False)
    best = summary.out.split("best on x at 72 h:\n")[1].splitlines()
    assert best[0].startswith(f"  {order[5]} (first post): 3.9% [")  # 100 from 2,500, not 2 from 3
    said = next(line for line in summary.out.splitlines() if line.startswith(f"  {order[0]} "))
    assert said.endswith("like the account's usual; only 3 impressions: mostly the account's average"), said
