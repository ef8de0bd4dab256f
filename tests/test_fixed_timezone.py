"""`timezone: EST` is a fixed offset (UTC-05:00 all year): a practice on Eastern time posts an hour off all summer.
`check` warns, naming the place's zone from the zone data (newcomer trial, finding 4); a place's zone is quiet."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, run_cli

SCHEDULE = """\
accounts:
  - {{network: x, handle: junocounseling, publisher: outbox}}
timezone: {zone}
slots:
  - days: [tue]
    times: ["09:00"]
"""


@pytest.mark.parametrize(("zone", "place", "steady"), [("EST", "America/New_York", "America/Panama"),
                                                        ("MST", "America/Denver", "America/Phoenix"),
                                                        ("America/New_York", None, None)])
def test_check_warns_of_a_fixed_offset_zone_and_names_the_place_to_use(tmp_path, zone, place, steady):
    root = tmp_path / "practice"
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "schedule.yaml").write_text(SCHEDULE.format(zone=zone), encoding="utf-8")
    checked = run_cli("check", cwd=root)
    assert checked.code == 0, checked
    warned = [line for line in checked.out.splitlines() if line.startswith("warn  timezone")]
    if place is None:
        assert warned == [], checked.out
        return
    assert len(warned) == 1, checked.out
    assert f"timezone: {zone} is a fixed offset" in warned[0] and "no summer time" in warned[0]
    assert f"e.g. {place} (" in warned[0] and f"or {steady} where the clocks never change" in warned[0]
    queued = run_cli("queue", "--now", "2026-12-07T07:00", cwd=root)  # a warning, not a refusal: it still queues
    assert queued.code == 0, queued
