"""Feedback in sight: refusals in red beside their field, the headline's count, and whether posting really runs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import yaml

from scheduler import open_project
from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, errors, refused, said


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def test_the_header_says_posting_is_not_running_until_run_due_has_run(project):
    studio = Studio(project).sign_in()
    page = studio.get("/").text
    assert "posting is not running: run-due has never run here" in page
    assert "outbox: posts are written to .juno/outbox/" in page
    open_project(project).run_due(NOW - timedelta(minutes=5))  # as cron's run-due at that time, on the clock
    assert "posting runs: run-due at Tue 1 Dec 06:55" in studio.get("/").text
    late = Studio(project, now=NOW + timedelta(hours=3)).sign_in()  # catch_up is 2 h in the bundled project
    page = late.get("/queue").text
    assert 'class="posting stale"' in page and "posting has not run since Tue 01 Dec 06:55" in page


def test_a_run_due_on_a_simulated_clock_is_not_shown_as_when_posting_last_ran(project):
    """The fourth user trial: after `run-due --now 2026-12-07T08:30` the header said "posting runs: run-due at
    Mon 08:31" on a Sunday: a time from a simulated clock shown as fact."""
    studio = Studio(project).sign_in()
    assert run_cli("--root", str(project), "run-due", "--now", "2026-12-07T08:30").code == 0
    page = studio.get("/").text
    assert "Mon 08:30" not in page and "run-due has never run here" not in page
    assert ("posting is not running: run-due has run here only with --now; add it to cron or start the daemon (the "
            "latest run-due ran on a simulated clock: --now Mon 2026-12-07 08:30)") in page
    open_project(project).run_due(NOW - timedelta(minutes=5))  # a real run: what the header says again
    assert run_cli("--root", str(project), "run-due", "--now", "2026-12-07T08:30-05:00").code == 0  # cron's fast path
    page = studio.get("/").text
    assert ("posting runs: run-due at Tue 1 Dec 06:55 (the latest run-due ran on a simulated clock: --now Mon 2026-12-07 "
            "08:30)") in page


def test_a_refused_save_is_red_beside_its_field_and_the_page_opens_at_the_tip(studio):
    answer = studio.edit(headline="x" * 130, text="Fine words.")
    assert answer.status_code == 422
    assert any("120" in e for e in errors(answer.text))
    # in a person's words, beside the field: not the place in the file ("tips[0].headline: ...", a user trial)
    assert all(not e.startswith("tips[") for e in errors(answer.text)), errors(answer.text)
    assert any(e.startswith("the headline has 130 characters") for e in errors(answer.text)), errors(answer.text)
    assert re.search(rf'id="headline-{TIP}"[^>]*aria-describedby="hcount-{TIP} err-{TIP}-headline"', answer.text)
    assert f'action="/c/{SLUG}/tips/{TIP}/edit#tip-{TIP}"' in answer.text  # the answer opens at the tip
    moved = studio.post("/posts/move", {"post": f"{SLUG}/{TIP}", "at": "2026-12-05"}, follow=True)
    assert refused(moved.text) and not said(moved.text)[0].startswith("Saved")


def test_the_headline_has_its_own_count_and_the_post_says_what_it_includes(studio):
    page = studio.get(f"/c/{SLUG}").text
    headline = re.search(rf'id="hcount-{TIP}" [^>]*>(\d+) / 120<', page)
    shown = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == TIP)["headline"]
    assert headline and int(headline.group(1)) == len(shown)
    assert "as X counts the post (hashtags included)" in page  # the bundled campaign has no address
    preview = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"headline": "y" * 130}).json()
    assert preview["headline_length"] == 130 and preview["card"] is None


def test_the_queue_reads_as_headlines_at_local_times_and_week_view_opens_on_this_week(studio):
    studio.status("approved")
    page = studio.get("/queue").text
    headline = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == TIP)["headline"]
    assert re.search(r"<strong>Wed 02 Dec 08:\d\d</strong>", page) and "America/New_York" in page
    assert f'<a href="/c/{SLUG}#tip-{TIP}">{headline}</a>' in page.replace("&#39;", "'").replace("&rsquo;", "’")
    month = studio.get("/calendar?mode=month&day=2026-12-10").text  # today is Tue 1 Dec
    assert 'href="/calendar?mode=week&amp;day=2026-12-01">Week view' in month
    january = studio.get("/calendar?mode=month&day=2027-01-10").text
    assert 'href="/calendar?mode=week&amp;day=2027-01-01">Week view' in january
