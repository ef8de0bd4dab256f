"""Undo of an edit that took a tip out of the queue, in Debian's chromium (a second user trial): the timetable
took more posts a day since the edit, and the tip still goes back to its very slot, not an earlier free one,
as the Changes page promises ("Undo puts back exactly what the change altered: the words, the status, the
slot")."""

from __future__ import annotations

import pytest

from tests.studio.helpers import planned
from tests.studio.walk import SLUG, approve, opened, said, save, undo_with_key
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHARED = "share-how-you-feel-using-i-statements"


def test_undo_of_an_edit_that_flagged_a_tip_puts_it_back_in_its_own_slot(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial2-undo-slot", f"/c/{SLUG}") as visit:
        page = visit.page
        for tip in ("reluctance-doesnt-always-mean-refusal", "check-in-after-positive-moments-or-small", SHARED):
            approve(page, tip)
        slot = planned(project)[f"{SLUG}/{SHARED}"]
        page.locator(f"#tip-{SHARED}").get_by_label("Post text").fill(
            "Share how you feel using “I” statements. If your partner talks about self-harm, call 988 together.")
        save(page, SHARED)
        assert "out of the queue" in said(page), said(page)
        assert f"{SLUG}/{SHARED}" not in planned(project)
        schedule = project / "posts" / "schedule.yaml"  # more posts a day: earlier slots are free now
        schedule.write_text(schedule.read_text(encoding="utf-8").replace("min_gap: 3h", "min_gap: 1m").replace(
            "max_per_day: 1", "max_per_day: 3"), encoding="utf-8")
        page.reload()
        undo_with_key(page, f"the edit of {SHARED} (text)")
        assert planned(project)[f"{SLUG}/{SHARED}"] == slot
        visit.check("undone")
    assert not visit.problems, visit.problems
