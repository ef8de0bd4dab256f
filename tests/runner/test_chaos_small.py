"""A small `make chaos` inside the test suite: real run-due processes against the fake X server,
killed with SIGKILL at random moments, during an upload and between a post and its record, while
the fake answers 429s, 5xx and drops connections. Every post must reach X exactly once, with its
card and alt text, and the database must agree. With Mastodon (the fake) and Bluesky (the reference PDS
behind tests/faultproxy.py) too, every tip is on all three exactly once."""

from __future__ import annotations

import pytest
from conftest import _pds_harness

from bench.chaos import BLUESKY_TARGETED, TARGETED, run_chaos

PHASES = {"upload": "during an upload", "answer-lost": "post made, answer not received",
          "unrecorded": "post answered, not recorded", "record-answer-lost": "record made, answer not received",
          "record-faults": "after the PDS's faults"}


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


@pytest.mark.slow
def test_with_mastodon_and_bluesky_every_tip_is_on_all_three_exactly_once(tmp_path):
    _pds_harness()  # the run starts its own PDS; skipped (failed under CI=true) when it is not installed
    targeted = TARGETED + BLUESKY_TARGETED
    tally, summary = run_chaos(8, seed=20261203, workers=3, database="sqlite", keep=tmp_path / "chaos",
                               quiet=True, rounds=len(targeted) * 2, mastodon=True, bluesky=True)
    assert not tally.problems, summary
    assert (tally.logged, tally.mastodon, tally.bluesky) == (8, 8, 8), summary
    assert tally.states == {"posted": 8, "posted on mastodon": 8, "posted on bluesky": 8}, summary
    assert sum(tally.duplicates.values()) == 0 and sum(tally.lost.values()) == 0, summary
    for kind in BLUESKY_TARGETED:  # killed after the PDS made a record; and after its row of faults
        assert tally.kills[PHASES[kind]] >= 1, summary
    for fault in ("answer dropped after the work", "504 after the work", "503", "429 (reset in 300 s)"):
        assert tally.fired[f"POST com.atproto.repo.createRecord {fault}"] >= 1, summary
