"""The Queue and the Calendar filtered by campaign, network and state, and searched; the week view opens on
this week (issue 21, item 5)."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

import pytest
import yaml

from scheduler import audit
from tests.conftest import BUNDLED_TIPS, run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, planned, refused, said
from tests.studio.test_studio_scheduling import flag as _flag

OTHER = "patience-matters"
TWO_NETWORKS = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n")


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def flag_tip(root, tip_id: str, flags: str) -> None:
    _flag(type("S", (), {"root": root})(), tip_id, flags)


def on_two_networks(root) -> None:
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text[:text.index("account:")] + TWO_NETWORKS + text[text.index("timezone:"):], encoding="utf-8")


def going_out(page: str) -> list[str]:
    """The Going out list's posts, by each row's tick box."""
    if 'id="plan-h"' not in page:
        return []
    section = page.split('id="plan-h"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="tick" name="post" value="([^"]+)"', section)


def waiting(page: str) -> list[str]:
    if 'id="drafts-h"' not in page:
        return []
    section = page.split('id="drafts-h"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="/c/[^#]+#tip-([^"]+)"', section)


def test_the_queue_filters_by_network_state_and_words(studio):
    on_two_networks(studio.root)
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    everything = studio.get("/queue").text
    assert sorted(going_out(everything)) == sorted([f"{SLUG}/{TIP}", f"{SLUG}/{TIP}@mastodon", f"{SLUG}/{OTHER}",
                                                    f"{SLUG}/{OTHER}@mastodon"])
    assert waiting(everything) == []  # the drafts have a view of their own, a link away
    assert f'{BUNDLED_TIPS - 2} drafts wait for approval: <a href="/queue?state=draft">' in everything
    assert '1 draft matching the filters waits for approval: <a href="/queue?state=draft&amp;q=open-ended">see and ' \
           'approve it</a>' in studio.get("/queue?q=open-ended").text
    # both accounts rehearse in the outbox: named so, for nothing goes to Mastodon (a user trial read "X posted")
    assert '<option value="mastodon">Mastodon (outbox)</option>' in everything

    mastodon = studio.get("/queue?network=mastodon").text
    assert sorted(going_out(mastodon)) == sorted([f"{SLUG}/{TIP}@mastodon", f"{SLUG}/{OTHER}@mastodon"])
    assert '<option value="mastodon" selected>Mastodon (outbox)</option>' in mastodon
    assert "Clear filters" in mastodon

    searched = studio.get("/queue?q=PATIENCE").text  # words of the headline, any case
    assert sorted(going_out(searched)) == [f"{SLUG}/{OTHER}", f"{SLUG}/{OTHER}@mastodon"]
    assert waiting(searched) == []

    drafts = studio.get("/queue?state=draft").text
    assert going_out(drafts) == [] and len(waiting(drafts)) == BUNDLED_TIPS - 2
    assert f"Showing {BUNDLED_TIPS - 2} of {BUNDLED_TIPS - 2} drafts." in drafts


def test_the_state_filter_names_states_in_the_words_the_rows_use(studio):
    # the filter offered "Failed" and "Missed" while every row, `status` and run-due say "retrying", "failed for
    # good" and "moved": a manager looking for the moved posts found no such word in the menu
    page = studio.get("/queue").text
    assert '<option value="missed">Moved</option>' in page
    assert '<option value="failed">Retrying or failed for good</option>' in page
    assert "Missed" not in page and ">Failed<" not in page


def test_a_filter_that_matches_nothing_says_so_and_offers_the_way_back(studio):
    page = studio.get("/queue?q=no+such+words+anywhere")
    assert page.status_code == 200
    assert "Showing 0 of" in page.text and "Nothing matches these filters" in page.text
    assert 'href="/queue">clear them</a>' in page.text
    assert 'value="no such words anywhere"' in page.text  # the search stays in its box


def test_a_filter_naming_nothing_is_a_bad_request_with_a_way_back(studio):
    for query in ("campaign=no-such-campaign", "network=myspace", "state=lost", "state=draft&network=x%00"):
        page = studio.get(f"/queue?{query}")
        assert page.status_code == 400, query
        assert "there is no such" in page.text and 'href="/queue"' in page.text
    calendar = studio.get("/calendar?state=draft")  # a draft is never on the calendar
    assert calendar.status_code == 400 and "pick one of: failed, missed, posted, queued" in calendar.text


def test_the_calendar_keeps_its_filters_from_page_to_page(studio):
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    page = studio.get("/calendar?mode=month&day=2026-12-01&q=patience").text
    assert f'id="post-{SLUG}-{OTHER}"' in page and f'id="post-{SLUG}-{TIP}"' not in page
    assert "1 post matches the filters in this month." in page
    assert "day=2027-01-01&amp;q=patience" in page  # Later keeps the search
    assert 'name="mode" value="month"' in page and 'name="day" value="2026-12-01"' in page
    none = studio.get("/calendar?mode=week&day=2026-12-01&campaign=" + SLUG + "&state=posted").text
    assert "0 posts match the filters in this week." in none and "clear the filters" in none


def test_the_week_view_opens_on_this_week(studio):
    """Tuesday 1 December: Week view from this month's page shows Monday 30 November to Sunday 6 December."""
    month = studio.get("/calendar").text
    week_link = re.search(r'href="(/calendar\?mode=week[^"]*)"', month).group(1).replace("&amp;", "&")
    assert week_link == "/calendar?mode=week&day=2026-12-01"
    week = studio.get(week_link).text
    assert "Week of 30 November 2026" in week
    assert 'data-day="2026-11-30"' in week and 'data-day="2026-12-06"' in week


def test_a_move_or_a_skip_made_from_a_filtered_page_comes_back_to_it(studio):
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    calendar = studio.get("/calendar?mode=month&day=2026-12-01&q=patience").text
    form = re.search(r'<form method="post" action="(/posts/move\?back=[^"]+)"', calendar).group(1).replace("&amp;", "&")
    answer = studio.post(form, {"post": f"{SLUG}/{OTHER}", "at": "2026-12-12T11:00", "mode": "month",
                                "filters": "q=patience"})
    assert answer.status_code == 303 and answer.headers["location"] == "/calendar?mode=month&day=2026-12-12&q=patience"
    queue = studio.get("/queue?q=patience").text
    skip = re.search(r'action="(/do/skip\?back=[^"]+)"', queue).group(1).replace("&amp;", "&")
    answer = studio.post(skip, {"post": f"{SLUG}/{OTHER}"})
    assert answer.status_code == 303 and answer.headers["location"] == "/queue?q=patience"


# --- several at once ----------------------------------------------------------------------------------

THIRD = "keep-the-invitation-open-ended"


def plan(root) -> dict:
    return planned(root)


def selected(studio, action: str, back: str = "/queue", **fields):
    return studio.post(f"/queue/selected?back={back}", {"action": action, **fields}, follow=True)


def test_skipping_several_posts_is_one_change_that_one_undo_puts_back_in_their_slots(studio):
    for tip in (TIP, OTHER, THIRD):
        studio.status("approved", tip=tip)
    slots = plan(studio.root)
    assert len(slots) == 3
    page = selected(studio, "skip", post=[f"{SLUG}/{TIP}", f"{SLUG}/{OTHER}"])
    assert said(page.text) == ["Skipped 2 posts; Undo puts them all back in their slots."], said(page.text)
    assert list(plan(studio.root)) == [f"{SLUG}/{THIRD}"]
    assert "Undo the skip on the queue of 2 posts at once" in page.text
    entries = [e for e in audit.entries(studio.root) if e["what"] == "skip-post"]
    assert len(entries) == 2 and entries[0]["batch"] == entries[1]["batch"]

    change = re.search(r'name="change" value="([^"]+)"', page.text).group(1)
    undone = studio.post("/undo?back=/queue", {"change": change}, follow=True)
    assert said(undone.text) == ["Undid the skip on the queue of 2 posts at once."]
    assert plan(studio.root) == slots  # each in its own slot, to the minute
    changes = studio.get("/changes").text  # Redo is on the Changes page: one row per bulk action, one button
    assert changes.lower().count("undo of the skip on the queue of 2 posts at once") == 2  # the row and its button
    assert changes.count("2 changes, one Undo") == 2  # the undo and the skip it undid, one row each
    rows = re.findall(r"<li class=\"[^\"]*\">.*?</li>\n", changes, re.DOTALL)
    assert len(rows) == 2 + 3, rows  # the undo, the skip, the three approvals
    assert changes.count('name="change"') == 5
    for tip in (TIP, OTHER):
        assert f'<a href="/c/{SLUG}#tip-{tip}">{SLUG}/{tip}</a>' in changes
    redo = [e["id"] for e in audit.entries(studio.root) if e["what"] == "undo"][-1]
    assert f'value="{redo}"' in changes
    redone = studio.post("/undo?back=/changes", {"change": redo}, follow=True)
    assert said(redone.text) == ["Redid the skip on the queue of 2 posts at once."]
    assert list(plan(studio.root)) == [f"{SLUG}/{THIRD}"]


def test_redo_of_an_undone_skip_is_refused_once_a_later_move_touched_the_same_posts(studio):
    """The user trial: skip 3, Undo, move the same 3 a day later, Redo the undo: refused, nothing written."""
    for tip in (TIP, OTHER, THIRD):
        studio.status("approved", tip=tip)
    posts = list(plan(studio.root))
    selected(studio, "skip", post=posts)
    undone = studio.post("/undo?back=/queue", {}, follow=True)
    assert said(undone.text) == ["Undid the skip on the queue of 3 posts at once."]
    moved = selected(studio, "move", post=posts, days="1")
    assert not refused(moved.text), said(moved.text)
    slots, text = plan(studio.root), studio.campaign_text()
    log = (studio.root / ".juno" / "audit.jsonl").read_bytes()
    redo = [e["id"] for e in audit.entries(studio.root) if e["what"] == "undo"][-1]
    answer = studio.post("/undo?back=/changes", {"change": redo}, follow=True)
    assert refused(answer.text)
    assert "changed after that" in said(answer.text)[0] and "a later change touched it" in said(answer.text)[0]
    assert plan(studio.root) == slots  # every post still waits, in its moved slot
    assert studio.campaign_text() == text
    assert (studio.root / ".juno" / "audit.jsonl").read_bytes() == log
    again = studio.post("/undo?back=/queue", {}, follow=True)  # the move itself is still undone as one
    assert not refused(again.text), said(again.text)
    assert len(plan(studio.root)) == 3


def test_skipping_several_refuses_them_all_when_one_is_gone(studio):
    studio.status("approved")
    page = selected(studio, "skip", post=[f"{SLUG}/{TIP}", f"{SLUG}/{OTHER}"])
    assert refused(page.text) and "nothing was skipped" in said(page.text)[0]
    assert list(plan(studio.root)) == [f"{SLUG}/{TIP}"]


def test_approving_several_drafts_queues_them_and_one_undo_takes_them_all_back(studio):
    flag_tip(studio.root, THIRD, "sensitive")
    page = selected(studio, "approve", back="/queue%3Fstate%3Ddraft", tip=[f"{SLUG}/{TIP}", f"{SLUG}/{OTHER}",
                                                                       f"{SLUG}/{THIRD}"])
    message = said(page.text)[0]
    assert message.startswith("Approved 2 tips at once: the first goes out ")
    assert f"Not approved (1): {THIRD}: acknowledge the sensitive flag" in message
    assert refused(page.text)  # something still needs the manager: the red kind
    assert str(page.url).endswith("/queue?state=draft")
    assert sorted(plan(studio.root)) == sorted([f"{SLUG}/{TIP}", f"{SLUG}/{OTHER}"])
    assert "Undo the approval of 2 tips at once" in page.text

    undone = studio.post("/undo?back=/queue", {}, follow=True)
    assert said(undone.text) == ["Undid the approval of 2 tips at once."]
    assert plan(studio.root) == {}
    statuses = {t["id"]: t["status"] for t in yaml.safe_load(studio.campaign_text())["tips"]}
    assert statuses[TIP] == statuses[OTHER] == statuses[THIRD] == "draft"


def test_moving_several_shifts_each_by_the_days_chosen_and_undo_returns_each_to_its_slot(studio):
    for tip in (TIP, OTHER):
        studio.status("approved", tip=tip)
    slots = plan(studio.root)
    page = selected(studio, "move", post=list(slots), days="7")
    assert said(page.text) == ["Moved 2 posts a week later, each at its own time; Undo puts them all back."]
    moved = plan(studio.root)
    for post, at in slots.items():
        was = datetime.fromisoformat(at)
        assert datetime.fromisoformat(moved[post]) == (was + timedelta(days=7)).replace(second=0)
    studio.post("/undo?back=/queue", {}, follow=True)
    assert plan(studio.root) == slots


def test_the_month_line_reads_without_a_stray_space_before_its_dots(studio):
    on_two_networks(studio.root)
    networks = " x: 0 posts, $0.00; mastodon: 0 posts, $0.00.</p>"
    assert month_line(studio).endswith(f"0 posts, $0.00 spent of $10.00.{networks}")
    schedule = studio.root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("budget: {monthly_usd: 10}\n", ""), encoding="utf-8")
    assert month_line(studio).endswith(f"0 posts, $0.00 spent.{networks}")


def month_line(studio) -> str:
    line = re.search(r"<p>This month .*?</p>", studio.get("/queue").text, re.DOTALL)
    assert line is not None
    return line.group(0)


def test_moving_one_tip_on_two_networks_counts_its_posts(studio):
    on_two_networks(studio.root)
    studio.status("approved")
    slots = plan(studio.root)
    assert sorted(slots) == [f"{SLUG}/{TIP}", f"{SLUG}/{TIP}@mastodon"]
    page = selected(studio, "move", post=list(slots), days="1")
    assert said(page.text) == ["Moved 1 tip (2 posts) a day later, each at its own time; Undo puts them all back."]
    moved = plan(studio.root)
    assert all(datetime.fromisoformat(moved[post]) == (datetime.fromisoformat(at) + timedelta(days=1)).replace(second=0)
               for post, at in slots.items())


def test_moving_several_is_all_or_nothing(studio):
    """With 9 Dec a blackout day, the post of Wed 2 Dec cannot go a week later: the others, moved first (the
    farthest first), go back to their exact slots."""
    schedule = studio.root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("blackout: [", "blackout: [2026-12-09, "),
                        encoding="utf-8")
    for tip in (TIP, OTHER, THIRD, "patience-matters", "pressure-tends-to-backfire", "keep-the-invitation-open-ended"):
        studio.status("approved", tip=tip)
    slots = plan(studio.root)
    page = selected(studio, "move", post=list(slots), days="7")
    message = said(page.text)[0]
    assert refused(page.text) and message.startswith("Nothing moved: ")
    assert "blackout day" in message and "are back in their slots" in message
    assert plan(studio.root) == slots


def test_several_at_once_needs_a_tick_a_known_action_and_the_page_token(studio):
    studio.status("approved")
    assert said(selected(studio, "skip").text) == ["Nothing done: tick the posts to skip first."]
    page = selected(studio, "delete", post=[f"{SLUG}/{TIP}"])
    assert refused(page.text) and "is not something the queue can do" in said(page.text)[0]
    page = selected(studio, "move", post=[f"{SLUG}/{TIP}"], days="365")
    assert refused(page.text) and "choose how far to move them" in said(page.text)[0]
    forged = studio.post("/queue/selected", {"action": "skip", "post": f"{SLUG}/{TIP}"}, csrf=False)
    assert forged.status_code == 403
    assert list(plan(studio.root)) == [f"{SLUG}/{TIP}"]


def test_a_bulk_move_and_its_undo_and_redo_log_no_warning_and_move_nothing_on_the_way(studio, caplog):
    """The undo of a move took the pin off, queued the campaign (whose reslot moved each post, now unpinned off the
    timetable, to the next free slot with a WARNING), then put it back: the posts now go back before the queue."""
    for tip in (TIP, OTHER, THIRD):
        studio.status("approved", tip=tip)
    slots = plan(studio.root)
    caplog.set_level(logging.INFO)
    moved = selected(studio, "move", post=list(slots), days="1")
    assert not refused(moved.text), said(moved.text)
    later = plan(studio.root)
    assert all(later[key] != slots[key] for key in slots)
    undone = studio.post("/undo?back=/queue", {}, follow=True)
    assert said(undone.text) == ["Undid the move of 3 posts at once."]
    assert plan(studio.root) == slots
    redo = [e["id"] for e in audit.entries(studio.root) if e["what"] == "undo"][-1]
    redone = studio.post("/undo?back=/changes", {"change": redo}, follow=True)
    assert not refused(redone.text), said(redone.text)
    assert plan(studio.root) == later
    noisy = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert noisy == []
    assert not any("moved to" in r.getMessage() for r in caplog.records)


def test_a_missed_post_moved_to_a_later_slot_is_listed_once(studio):
    """A user trial: after a gap in cron, each missed post (moved to the next free slot) was listed twice on the
    Queue page, under Going out and again under History with Retry, and 'Showing 8 of 35' counted it twice."""
    studio.status("approved")
    post = f"{SLUG}/{TIP}"
    slot = datetime.fromisoformat(plan(studio.root)[post])
    assert run_cli("--root", str(studio.root), "run-due", "--now", (slot + timedelta(days=3)).isoformat()).code == 0
    page = studio.get("/queue?state=missed").text
    assert going_out(page) == [post], going_out(page)
    history = page.split('id="history-h"', 1)[1].split("</section>", 1)[0]
    assert post not in history
    assert "Showing 1 of " in page


def test_the_queue_says_what_it_leaves_after_five_weeks_and_searches_every_post(studio):
    """A user trial: with the whole campaign queued the list stopped at five weeks without a word, and a search
    for a later tip said "Showing 0 of 18 posts", as if the post were lost."""
    for command in ("approve", "queue"):
        assert run_cli("--root", str(studio.root), command, *([SLUG] if command == "approve" else []),
                       "--now", NOW.isoformat()).code == 0
    ahead = planned(studio.root, days=400)
    later = sorted((at, post) for post, at in ahead.items() if datetime.fromisoformat(at) > NOW + timedelta(days=35))
    assert later and len(ahead) == BUNDLED_TIPS

    page = studio.get("/queue").text
    assert f"{len(ahead)} queued" in page
    assert sorted(going_out(page)) == sorted(set(ahead) - {post for _, post in later})
    first_later = datetime.fromisoformat(later[0][0]).date().isoformat()
    more, them = ("more posts", "them") if len(later) != 1 else ("more post", "it")
    assert (f'{len(later)} {more} after Tue 05 Jan: <a href="/calendar?day={first_later}">see {them} on the '
            'Calendar</a> or <a href="/queue?all=1">show all</a>.') in page
    assert sorted(going_out(studio.get("/queue?all=1").text)) == sorted(ahead)

    last = later[-1][1]
    searched = studio.get(f"/queue?q={last.split('/')[1]}").text
    assert going_out(searched) == [last]
    assert f"Showing 1 of {len(ahead)} posts." in searched and "more post" not in searched
    assert sorted(going_out(studio.get(f"/queue?campaign={SLUG}").text)) == sorted(ahead)
