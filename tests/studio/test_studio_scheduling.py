"""Approving queues at once (the same code as `queue`); moving a post pins it under the timetable's rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import yaml

from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, errors, said

POST = f"{SLUG}/{TIP}"


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def plan(root) -> dict:
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", "60")
    assert result.code == 0, result
    return {row["id"]: row for row in json.loads(result.out)["posts"]}


def flag(studio, tip_id: str, flags: str) -> None:
    path = studio.root / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {tip_id}\n")
    at = text.index("    review: []", start)
    path.write_text(text[:at] + f"    review: [{flags}]" + text[at + len("    review: []"):], encoding="utf-8")


def test_approving_queues_the_tip_at_once_as_the_cli_would(studio):
    assert studio.status("approved").status_code == 303
    rows = plan(studio.root)
    assert list(rows) == [POST]
    assert rows[POST]["at"].startswith("2026-12-02T08:")  # Wednesday's 08:30 slot, jitter ±7 min
    again = run_cli("--root", str(studio.root), "queue", "--json", "--now", NOW.isoformat())
    assert json.loads(again.out)["queued"] == []  # nothing left for the CLI to do
    page = studio.get(f"/c/{SLUG}").text
    assert "queued · Wed 02 Dec 08:" in page


def test_back_to_draft_withdraws_the_post(studio):
    studio.status("approved")
    studio.status("draft")
    assert plan(studio.root) == {}


def test_a_flagged_tip_needs_the_flag_acknowledged_and_keeps_it(studio):
    flag(studio, TIP, "sensitive")
    refused = studio.status("approved")
    assert refused.status_code == 422
    assert any("acknowledge the sensitive flag" in e for e in errors(refused.text))
    assert plan(studio.root) == {}
    assert studio.status("approved", acknowledge=["sensitive"]).status_code == 303
    tip = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == TIP)
    assert tip["review"] == ["sensitive"] and tip["reviewed"] == ["sensitive"] and tip["status"] == "approved"
    assert "    review: [sensitive]\n    reviewed: [sensitive]\n" in studio.campaign_text()
    assert "call or text 988" in plan(studio.root)[POST]["text"]  # a sensitive tip keeps its crisis footer


def test_an_acknowledged_stale_tip_is_queued(studio):
    flag(studio, TIP, "stale")
    assert studio.status("approved", acknowledge=["stale"]).status_code == 303
    assert POST in plan(studio.root)


def test_an_approved_tip_a_flag_holds_says_so_and_one_button_acknowledges_it(studio):
    """A user trial: a re-split marked an approved tip stale; its page offered only Skip and Back to draft, the
    box "I have reviewed it" did nothing, and only `approve ID --ack stale` set it free."""
    assert studio.status("approved").status_code == 303
    flag(studio, TIP, "stale")
    page = " ".join(studio.get(f"/c/{SLUG}").text.split())
    assert "<strong>Held:</strong> approved, but it does not go out until you acknowledge its flag (stale)." in page
    assert ">Acknowledge and keep approved</button>" in page
    refused = studio.status("approved")  # the box not ticked
    assert refused.status_code == 422 and any("acknowledge the stale flag" in e for e in errors(refused.text))
    answer = studio.status("approved", acknowledge=["stale"])
    assert answer.status_code == 303
    message = said(studio.get(answer.headers["location"]).text)[0]
    assert message.startswith(f"Acknowledged stale on {TIP}; it stays approved and goes out "), message
    tip = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == TIP)
    assert tip["status"] == "approved" and tip["reviewed"] == ["stale"]
    assert POST in plan(studio.root)
    page = studio.get(f"/c/{SLUG}").text
    assert "Held:" not in page and "Acknowledge and keep approved" not in page


def move(studio, when: str, post: str = POST):
    return studio.post("/posts/move", {"post": post, "at": when}, follow=True)


def test_moving_a_post_pins_it_and_plan_shows_the_new_time(studio):
    studio.status("approved")
    answer = move(studio, "2026-12-05T15:45")
    assert "now goes out 2026-12-05 at 15:45" in said(answer.text)[0]
    assert plan(studio.root)[POST]["at"] == "2026-12-05T15:45:00-05:00"
    assert "    at: 2026-12-05T15:45\n" in studio.campaign_text()
    assert 'data-day="2026-12-05"' in answer.text and 'value="2026-12-05T15:45"' in answer.text


@pytest.mark.parametrize("when,expected", [
    ("2027-03-14T02:30", "02:30 does not exist on 2027-03-14"),
    ("2026-12-25T10:00", "2026-12-25 is a blackout day"),
    ("2026-11-30T10:00", "has passed"),
    ("", "give a day and a time"),
    ("next tuesday", "is not a day and time"),
    ("2026-12-05T15:45+02:00", "without an offset"),
    ("x" * 5000, "is not a day and time"),
    ("2026-12-05T15:45🙂", "is not a day and time"),
])
def test_a_refused_move_says_why_and_changes_nothing(studio, when, expected):
    studio.status("approved")
    before, planned = studio.campaign_text(), plan(studio.root)
    answer = move(studio, when)
    assert expected in said(answer.text)[0]
    assert studio.campaign_text() == before and plan(studio.root) == planned


def test_max_per_day_and_min_gap_are_kept(studio):
    other = "reluctance-doesnt-always-mean-refusal"
    studio.status("approved")
    studio.status("approved", tip=other)
    day = plan(studio.root)[f"{SLUG}/{other}"]["at"][:10]
    full = move(studio, f"{day}T20:00")
    assert "the most a day takes (max_per_day: 1)" in said(full.text)[0]
    schedule = studio.root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("max_per_day: 1", "max_per_day: 3"))
    at = plan(studio.root)[f"{SLUG}/{other}"]["at"][11:16]
    hour = int(at[:2])
    close = move(studio, f"{day}T{hour + 1:02d}:{at[3:]}")
    assert "less than 3 h from another post (min_gap)" in said(close.text)[0]


def test_the_calendar_marks_blackout_and_dst_days(studio):
    december = studio.get("/calendar?mode=month&day=2026-12-10").text
    assert december.count("blackout-mark") == 4  # 24, 25, 31 December and 1 January (the grid's last row)
    march = studio.get("/calendar?mode=month&day=2027-03-01").text
    assert "clocks go forward" in march
    week = studio.get("/calendar?mode=week&day=2026-11-01").text
    assert "clocks go back" in week


def test_queue_page_retry_skip_pause_resume(studio):
    studio.status("approved")
    assert "Skip" in studio.get("/queue").text
    assert "is skipped" in said(studio.post("/do/skip", {"post": POST}, follow=True).text)[0]
    assert plan(studio.root) == {}
    assert "queued again" in said(studio.post("/do/retry", {"post": POST}, follow=True).text)[0]
    assert POST in plan(studio.root)
    assert "paused" in said(studio.post("/do/pause", {}, follow=True).text)[0]
    status = json.loads(run_cli("--root", str(studio.root), "status", "--json").out)
    assert status["account"]["state"] == "paused"
    studio.post("/do/resume", {})
    status = json.loads(run_cli("--root", str(studio.root), "status", "--json").out)
    assert status["account"]["state"] == "active"


def test_a_tip_on_several_networks_moves_as_one_and_keeps_its_own_calendar_entries(studio):
    schedule = studio.root / "posts" / "schedule.yaml"
    text = schedule.read_text()
    start = text.index("account:")
    end = text.index("timezone:")
    schedule.write_text(text[:start] + "accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                        "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n"
                        + text[end:])
    assert studio.status("approved").status_code == 303
    calendar = studio.get("/calendar?mode=month&day=2026-12-01").text
    assert f'id="post-{SLUG}-{TIP}"' in calendar and f'id="post-{SLUG}-{TIP}-mastodon"' in calendar
    # moved from Mastodon's entry to later the same day: the tip's own time does not count against it
    answer = move(studio, "2026-12-02T12:00", post=f"{POST}@mastodon")
    assert "now goes out 2026-12-02 at 12:00" in said(answer.text)[0], said(answer.text)
    rows = plan(studio.root)
    assert {row["id"]: row["at"] for row in rows.values()} == {
        POST: "2026-12-02T12:00:00-05:00", f"{POST}@mastodon": "2026-12-02T12:00:00-05:00"}


def test_retry_of_a_moved_post_says_when_plan_agrees_and_undo_puts_it_back_where_run_due_takes_it(project):
    """The studio's retry and its undo are the CLI's: the time the banner gives is where plan shows the post and
    run-due takes it; undone, the post is back in its moved slot and the next evening's run leaves it there."""
    def cli(*args: str) -> dict:
        result = run_cli("--root", str(project), *args, "--json")
        assert result.code == 0, result
        return json.loads(result.out)

    def slot(post: str, now: str) -> str:
        return {row["id"]: row["at"] for row in cli("plan", "--days", "60", "--now", now)["posts"]}[post]

    cli("approve", SLUG)
    cli("queue", "--now", "2026-12-06T00:00")
    moved = cli("run-due", "--now", "2026-12-09T12:00")["missed"][0]  # cron was down Monday morning
    studio = Studio(project, now=datetime(2026, 12, 9, 17, 5, tzinfo=UTC)).sign_in()  # Wed 12:05 in New York
    message = said(studio.post("/do/retry", {"post": moved["id"]}, follow=True).text)[0]
    assert message == f"{moved['id']} is queued again; it goes out at the first run from Wed 2026-12-09 12:05."
    assert slot(moved["id"], "2026-12-09T12:05") == "2026-12-09T12:05:00-05:00"

    assert said(studio.post("/undo", {}, follow=True).text)[0].startswith("Undid the retry of ")
    assert slot(moved["id"], "2026-12-09T12:06") == moved["moved_to"]
    evening = cli("run-due", "--now", "2026-12-10T19:40")
    assert moved["id"] not in [row["id"] for row in evening["posted"]], evening
    assert len(evening["posted"]) == 1  # Thursday's own post, on time: max_per_day 1
