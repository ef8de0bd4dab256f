"""A tip pinned to a local time the clocks skip (spring forward) posts an hour later on the clock, and says so."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from queue_helpers import BUNDLED, BUNDLED_TIP, NOW, approve_bundled_tip

from scheduler.campaigns.timetable import skipped_time

NEW_YORK = ZoneInfo("America/New_York")
SAID = "02:30 on 2027-03-14 does not exist in America/New_York (clocks go forward); posts at 03:30"


def test_only_a_time_the_clocks_skip_is_said():
    assert skipped_time(datetime(2027, 3, 14, 2, 30), NEW_YORK) == SAID
    assert skipped_time(datetime(2027, 3, 14, 3, 30), NEW_YORK) is None
    assert skipped_time(datetime(2027, 11, 7, 1, 30), NEW_YORK) is None  # twice (clocks go back): it exists
    assert skipped_time(datetime(2027, 3, 28, 1, 30), ZoneInfo("Europe/London")) == \
        "01:30 on 2027-03-28 does not exist in Europe/London (clocks go forward); posts at 02:30"


def test_plan_says_when_a_pin_the_clocks_skip_posts(cli, project):
    approve_bundled_tip(project, at="2027-03-14T02:30")
    assert cli("queue", *NOW, cwd=project).code == 0
    result = cli("plan", "--days", "120", *NOW, cwd=project)
    assert result.code == 0, result
    assert f"note: {BUNDLED}/{BUNDLED_TIP}: {SAID}" in result.out, result
    [row] = json.loads(cli("plan", "--json", "--days", "120", *NOW, cwd=project).out)["posts"]
    assert row["at"] == "2027-03-14T03:30:00-04:00" and row["note"] == SAID and row["held"] == ""


def test_the_studio_calendar_says_it_beside_the_pinned_post(cli, project):
    import html

    from tests.studio.helpers import Studio

    approve_bundled_tip(project, at="2027-03-14T02:30")
    assert cli("queue", *NOW, cwd=project).code == 0
    page = html.unescape(Studio(project).sign_in().get("/calendar?day=2027-03-14").text)
    assert SAID in page and "pinned" in page


def test_queue_says_it_once_when_it_places_the_pin(cli, project):
    # queue placed the post at 03:30 and said nothing: only check, plan and the studio told the manager
    approve_bundled_tip(project, at="2027-03-14T02:30")
    first = cli("queue", *NOW, cwd=project)
    assert first.code == 0, first
    assert SAID in first.err + first.out, first
    again = cli("queue", *NOW, cwd=project)
    assert again.code == 0 and SAID not in again.err + again.out, again
