"""The fourth user trial: tips acknowledged after the rest were queued went into the earliest free slots, so a
sensitive tip opened the campaign and the "ask directly" post went out two weeks before the "warning signs" one.
The queue follows the article's order among the tips not yet posted: pins, posts out or being posted stay."""

from __future__ import annotations

import json

import pytest
from queue_helpers import write_campaign, write_schedule

NOW = "2026-12-01T09:00"  # a Tuesday; slots Mon/Wed/Fri 09:00 and Sat 12:00, one post a day


def tips(acknowledged: bool) -> list[dict]:
    flagged = {"review": ["sensitive"], "reviewed": ["sensitive"] if acknowledged else []}
    return [{"id": "t1", "section": "A"}, {"id": "t2", "section": "B", **flagged},
            {"id": "t3", "section": "C"}, {"id": "t4", "section": "D", **flagged},
            {"id": "t5", "section": "E"}, {"id": "t6", "section": "F", "at": "2026-12-03T15:00:00"}]


def order(cli, root, env) -> list[tuple[str, str]]:
    shown = cli("plan", "--json", "--now", NOW, "--days", "30", cwd=root, env=env)
    assert shown.code == 0, shown
    return [(row["id"], row["at"][:16]) for row in json.loads(shown.out)["posts"]]


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_tips_acknowledged_late_take_their_place_in_the_article(project, cli, database, request):
    env = {"JUNO_DATABASE_URL": request.getfixturevalue("pg_url")} if database == "postgres" else None
    write_schedule(project)
    write_campaign(project, "alpha", tips(acknowledged=False))
    first = cli("queue", "--json", "--now", NOW, cwd=project, env=env)
    assert first.code == 0, first
    assert json.loads(first.out)["held"] == ["alpha/t2", "alpha/t4"]
    assert order(cli, project, env) == [("alpha/t1", "2026-12-02T09:00"), ("alpha/t6", "2026-12-03T15:00"),
                                        ("alpha/t3", "2026-12-04T09:00"), ("alpha/t5", "2026-12-05T12:00")]
    out = cli("run-due", "--now", "2026-12-02T09:01", cwd=project, env=env)
    assert out.code == 0 and out.out.startswith("simulated, not posted alpha/t1"), out

    write_campaign(project, "alpha", tips(acknowledged=True))  # the manager acknowledges t2 and t4
    second = cli("queue", "--now", "2026-12-02T10:00", cwd=project, env=env)
    assert second.code == 0, second
    assert order(cli, project, env) == [
        ("alpha/t6", "2026-12-03T15:00"),  # pinned by hand: kept
        ("alpha/t2", "2026-12-04T09:00"),  # the article's order among the tips not yet out
        ("alpha/t3", "2026-12-05T12:00"),
        ("alpha/t4", "2026-12-07T09:00"),
        ("alpha/t5", "2026-12-09T09:00"),
    ]
    assert second.out.splitlines() == [
        "queued alpha/t2 for Fri 2026-12-04 09:00", "queued alpha/t4 for Mon 2026-12-07 09:00",
        ("moved alpha/t3 from Fri 2026-12-04 09:00 to Sat 2026-12-05 12:00: in the article's order: "
        "a tip before it was queued after it"),
        ("moved alpha/t5 from Sat 2026-12-05 12:00 to Wed 2026-12-09 09:00: in the article's order: "
        "a tip before it was queued after it"),
        "1 already queued, 1 already posted, unchanged"], second.out
    again = cli("queue", "--json", "--now", "2026-12-02T10:00", cwd=project, env=env)
    report = json.loads(again.out)
    assert (report["queued"], report["moved"], report["unchanged_as"]) == ([], [], {"queued": 5, "posted": 1})
