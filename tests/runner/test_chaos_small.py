"""A small `make chaos` inside the test suite: real run-due processes against the fake X server,
killed with SIGKILL at random moments, during an upload and between a post and its record, while
the fake answers 429s, 5xx and drops connections. Every post must reach X exactly once, with its
card and alt text, and the database must agree."""

from __future__ import annotations

import pytest

from bench.chaos import TARGETED, run_chaos

PHASES = {"upload": "during an upload", "answer-lost": "post made, answer not received",
          "unrecorded": "post answered, not recorded"}


@pytest.mark.slow
@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_every_post_reaches_x_exactly_once_through_kills_and_faults(database, request, tmp_path):
    pg_url = request.getfixturevalue("pg_server") if database == "postgres" else None
    options = {"pg_url": pg_url} if pg_url else {}
    tally, summary = run_chaos(10, seed=20261126, workers=3, database=database, keep=tmp_path / "chaos",
                               quiet=True, rounds=len(TARGETED) * 2, **options)
    assert not tally.problems, summary
    assert tally.logged == 10 and tally.states == {"posted": 10}, summary
    for kind in TARGETED:  # each planned kill landed where it was aimed
        assert tally.kills[PHASES[kind]] >= 1, summary
    assert tally.kills["random moment"] >= 1 and sum(tally.faults.values()) >= 1, summary


@pytest.mark.slow
def test_with_mastodon_too_every_tip_is_on_both_networks_exactly_once(tmp_path):
    tally, summary = run_chaos(10, seed=20261201, workers=3, database="sqlite", keep=tmp_path / "chaos",
                               quiet=True, rounds=len(TARGETED) * 2, mastodon=True)
    assert not tally.problems, summary
    assert tally.logged == 10 and tally.mastodon == 10, summary
    assert tally.states == {"posted": 10, "posted on mastodon": 10}, summary
    assert any(fault.startswith(("POST /api/", "GET /api/")) for fault in tally.faults), summary
