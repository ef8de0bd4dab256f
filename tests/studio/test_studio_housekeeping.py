"""Housekeeping (issue 21, item 8): getting back in after a browser restart, restarting on the same port,
the same article uploaded twice, archiving a campaign, editing a tip that is already out."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta

import pytest

from scheduler import audit
from tests.conftest import BUNDLED_TIPS, run_cli
from tests.studio.helpers import (
    NOW,
    SLUG,
    TIP,
    Studio,
    as_if_on_the_network,
    planned,
    refused,
    said,
)
from tests.studio.server import StudioProcess
from tests.studio.test_studio_server import fetch


def next_link(studio: StudioProcess, seconds: float = 10) -> str:
    """The next sign-in link the studio prints."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = studio.proc.stdout.readline()
        match = re.search(r"open: (http://127\.0\.0\.1:\d+/login\?token=\S+)", line)
        if match:
            return match.group(1)
    raise AssertionError("the studio printed no new link")


@pytest.mark.slow
def test_the_session_outlives_a_browser_restart_and_a_new_browser_gets_a_link_in_the_terminal(project):
    """A user trial: the second browser's sign-in signed the first out (401); a laptop and a phone at once is the
    normal case, so both stay signed in."""
    studio = StudioProcess(project)
    try:
        early = fetch(studio.base + "/")  # the printed link not opened yet: no new one, and no claim of one
        assert early.status == 401 and "it has not been used yet" in early.read().decode()
        first = fetch(studio.link)
        cookie_header = first.headers["Set-Cookie"]
        assert re.search(r"Max-Age=\d{6,}", cookie_header), cookie_header  # kept when the browser restarts
        cookie = cookie_header.split(";", 1)[0]
        assert fetch(studio.base + "/queue", cookie).status == 200

        stranger = fetch(studio.base + "/queue")  # another browser, or one that lost its cookie
        assert stranger.status == 401
        said = stranger.read().decode()
        assert said.count("\n") == 1 and "a new sign-in link was printed just now" in said
        link = next_link(studio)
        assert link != studio.link
        waiting = fetch(studio.base + "/")  # one link at a time: nothing new is printed, and it says so ...
        assert waiting.status == 401
        assert "it has not been used yet" in waiting.read().decode()
        again = fetch(link)
        assert again.status == 303
        assert fetch(studio.base + "/", again.headers["Set-Cookie"].split(";", 1)[0]).status == 200
        assert fetch(link).status == 401  # ... and each works once
        assert fetch(studio.base + "/queue", cookie).status == 200  # the first browser is still signed in
    finally:
        studio.stop()


@pytest.mark.slow
def test_a_studio_restarted_on_the_same_port_answers_at_once(project):
    """The first studio closes its connections itself (Connection: close), leaving them in TIME_WAIT on its port:
    without SO_REUSEADDR the second would be refused for about a minute."""
    first = StudioProcess(project)
    port = first.port
    try:
        for _ in range(5):
            answer = fetch(first.base + "/")
            assert answer.status == 401
    finally:
        code, _out, _err = first.interrupt()
    assert code == 0
    second = StudioProcess(project, "--port", str(port))
    try:
        assert second.port == port
        assert fetch(second.link).status == 303
    finally:
        second.stop()


# --- archiving a campaign -------------------------------------------------------------------------------

OTHER = "patience-matters"


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def plan(root) -> dict:
    return planned(root)


def test_the_archive_confirmation_counts_every_post_it_withdraws_however_far_ahead(studio):
    """A user trial: with all 20 tips queued to the end of January, the page said "withdraw 7 posts" (the Queue
    page's five weeks), then withdrew 20. The confirmation counts and lists what archiving will withdraw."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", "400")
    waiting = json.loads(result.out)["posts"]
    assert len(waiting) == BUNDLED_TIPS and datetime.fromisoformat(waiting[-1]["at"]) > NOW + timedelta(days=35)  # past five weeks
    confirm = studio.get(f"/c/{SLUG}/archive").text
    assert (f"its {BUNDLED_TIPS} posts still to go out are withdrawn" in confirm
            and f"Archive it and withdraw {BUNDLED_TIPS} posts" in confirm)
    assert confirm.count("<li>", confirm.index('<details class="withdrawn">')) >= 20
    done = studio.post(f"/c/{SLUG}/archive", {}, follow=True)
    assert said(done.text)[0].endswith(f"; {BUNDLED_TIPS} posts withdrawn. Undo brings it all back.")


def test_archiving_asks_first_withdraws_the_queued_posts_and_undo_puts_each_back_in_its_slot(studio):
    for tip in (TIP, OTHER):
        studio.status("approved", tip=tip)
    slots = plan(studio.root)
    home = studio.get("/").text
    assert f'href="/c/{SLUG}/archive"' in home
    confirm = studio.get(f"/c/{SLUG}/archive").text  # nothing changes before the confirmation
    assert "its 2 posts still to go out are withdrawn" in confirm and "Archive it and withdraw 2 posts" in confirm
    assert "Patience matters." in confirm and plan(studio.root) == slots
    # the button comes first; the posts it withdraws are one line, their list folded under it
    assert confirm.index("Archive it and withdraw 2 posts") < confirm.index('<details class="withdrawn">') < \
        confirm.index("Patience matters.")
    assert re.search(r'<details class="withdrawn"><summary>2 posts still to go out are withdrawn, the first \w{3} ', confirm)

    done = studio.post(f"/c/{SLUG}/archive", {}, follow=True)
    assert said(done.text) == [(f"Archived {SLUG} in posts/archived/{SLUG}.yaml; 2 posts withdrawn. "
                                "Undo brings it all back.")]
    assert plan(studio.root) == {}
    assert not (studio.root / "posts" / f"{SLUG}.yaml").exists()
    assert (studio.root / "posts" / "archived" / f"{SLUG}.yaml").is_file()
    assert 'id="archived-h"' in done.text and f"/archived/{SLUG}/restore" in done.text
    assert f'href="/c/{SLUG}"' not in done.text
    assert "No campaign in use: 1 is archived (below, with Restore)." in done.text and "No campaigns yet" not in done.text
    assert run_cli("--root", str(studio.root), "queue", "--now", NOW.isoformat()).code == 0
    assert plan(studio.root) == {}  # queue no longer sees it

    undone = studio.post("/undo?back=/", {}, follow=True)
    assert said(undone.text) == [f"Undid the archiving of {SLUG}."]
    assert (studio.root / "posts" / f"{SLUG}.yaml").is_file()
    assert plan(studio.root) == slots  # each post in its own slot


def test_restore_brings_an_archived_campaign_back_and_queues_its_approved_tips(studio):
    studio.status("approved")
    studio.post(f"/c/{SLUG}/archive", {})
    back = studio.post(f"/archived/{SLUG}/restore", {}, follow=True)
    assert said(back.text) == [f"{SLUG} is back; 1 post queued again."]
    assert list(plan(studio.root)) == [f"{SLUG}/{TIP}"]
    missing = studio.post("/archived/no-such/restore", {}, follow=True)
    assert refused(missing.text) and "no archived campaign 'no-such'" in said(missing.text)[0]
    assert studio.get("/c/no-such-campaign/archive").status_code == 400


def test_archive_from_the_command_line(project):
    now = NOW.isoformat()
    assert run_cli("--root", str(project), "approve", f"{SLUG}/{TIP}", "--now", now).code == 0
    assert run_cli("--root", str(project), "queue", "--now", now).code == 0
    result = run_cli("--root", str(project), "archive", SLUG, "--json", "--now", now)
    assert result.code == 0, result
    assert json.loads(result.out) == {"campaign": SLUG, "file": f"posts/archived/{SLUG}.yaml",
                                      "withdrawn": [f"{SLUG}/{TIP}"], "queued": []}
    again = run_cli("--root", str(project), "archive", SLUG, "--now", now)
    assert again.code == 2 and again.err.startswith("error: posts/") and "no such campaign" in again.err
    restored = run_cli("--root", str(project), "archive", SLUG, "--restore", "--now", now)
    assert restored.code == 0 and f"{SLUG}/{TIP} is queued again" in restored.out
    assert list(plan(project)) == [f"{SLUG}/{TIP}"]


def test_an_archiving_taken_back_with_restore_is_no_longer_offered_for_undo(studio):
    now = NOW.isoformat()
    studio.status("approved")
    assert run_cli("--root", str(studio.root), "archive", SLUG, "--now", now).code == 0
    archived = audit.entries(studio.root)[-1]
    assert archived["what"] == "archive"
    assert run_cli("--root", str(studio.root), "archive", SLUG, "--restore", "--now", now).code == 0
    restore = audit.entries(studio.root)[-1]
    assert restore["undoes"] == archived["id"] and restore["by"] == "cli"
    assert audit.last_undoable(studio.root)["what"] != "archive"  # the header's Undo skips it
    changes = studio.get("/changes").text
    assert f'value="{archived["id"]}"' not in changes  # no Undo of an archiving whose campaign is back
    slots, text = plan(studio.root), studio.campaign_text()
    log = (studio.root / ".juno" / "audit.jsonl").read_bytes()
    redo = studio.post("/undo?back=/changes", {"change": restore["id"]}, follow=True)  # archive it again: by hand
    assert refused(redo.text)
    assert plan(studio.root) == slots and studio.campaign_text() == text
    assert (studio.root / ".juno" / "audit.jsonl").read_bytes() == log


# --- editing a tip that is already out ----------------------------------------------------------------

def test_a_posted_tip_shows_when_it_went_out_not_its_slot(studio):
    """A user trial: the tip said "posted · Sat 05 Dec 09:56" (its slot) while History, run-due and the outbox
    said 10:00, when cron's run-due actually sent it."""
    studio.status("approved")
    slot = datetime.fromisoformat(planned(studio.root)[f"{SLUG}/{TIP}"])
    sent = slot + timedelta(minutes=4)
    assert run_cli("--root", str(studio.root), "run-due", "--now", sent.isoformat()).code == 0
    as_if_on_the_network(studio.root, f"{SLUG}/{TIP}")
    studio = Studio(studio.root, now=sent + timedelta(minutes=1)).sign_in()  # the page after it went out
    page = studio.get(f"/c/{SLUG}").text
    assert f"posted · {sent:%a %d %b %H:%M}" in page, re.findall(r"posted · [^<]*", page)
    assert f"Already out</strong> ({sent:%a %d %b %H:%M})" in page


def test_editing_a_posted_tip_says_it_is_out_and_what_saving_does(studio):
    studio.status("approved")
    slot = planned(studio.root)[f"{SLUG}/{TIP}"]
    later = datetime.fromisoformat(slot) + timedelta(minutes=5)
    ran = run_cli("--root", str(studio.root), "run-due", "--now", later.isoformat())
    assert ran.code == 0, ran
    as_if_on_the_network(studio.root, f"{SLUG}/{TIP}")
    studio = Studio(studio.root, now=later + timedelta(minutes=1)).sign_in()  # the page after it went out
    page = studio.get(f"/c/{SLUG}").text
    note = page.split(f'id="outnote-{TIP}"', 1)[1].split("</p>", 1)[0]
    assert "Already out" in note and "keeps its old words" in note and f"unpublish {SLUG}/{TIP}" in note
    assert f'aria-describedby="outnote-{TIP}"' in page
    assert 'id="outnote-patience-matters"' not in page  # only the tip that is out
    saved = studio.edit(text="Newer words for a tip already out.")
    assert saved.status_code == 303
    shown = said(studio.get(saved.headers["location"]).text)
    assert shown == [(f"Saved text of {TIP}. It was already out: that post keeps its old words, and this tip is "
                     "not posted again.")]
    assert planned(studio.root) == {}  # nothing queued again


# --- the same article added twice -----------------------------------------------------------------------

HABITS = ("Rest is a skill you can practise every day, even on a busy one.\n\n"
          "Small pauses between tasks help you notice how you feel before you react.\n\n"
          "Tell your partner one thing you appreciated today, and say why it mattered to you.")


def test_the_same_article_added_again_is_recognised_and_can_update_its_campaign(studio):
    added = studio.post("/articles", {"title": "Two small habits", "article": HABITS}, follow=True)
    assert said(added.text) == ["Article added and split into tips."]
    slug = "two-small-habits"
    campaign = studio.root / "posts" / f"{slug}.yaml"
    tips_before = campaign.read_text(encoding="utf-8")

    again = studio.post("/articles", {"title": "Two small habits", "article": HABITS.replace("\n\n", "\n\n\n")})
    assert again.status_code == 422
    assert "already here, word for word, as posts/articles/two-small-habits.txt" in again.text
    assert f'href="/c/{slug}">open {slug}</a>' in again.text and 'name="update"' not in again.text

    changed = HABITS.replace("every day, even on a busy one", "each morning, before the day gets loud")
    offer = studio.post("/articles", {"title": "Two small habits", "article": changed})
    assert offer.status_code == 422 and "with other words: update that campaign with this text" in offer.text
    assert f'<input type="hidden" name="update" value="{slug}">' in offer.text
    assert f"Update {slug} with this text" in offer.text
    assert campaign.read_text(encoding="utf-8") == tips_before  # nothing changed before the person says so

    updated = studio.post("/articles", {"title": "Two small habits", "article": changed, "update": slug}, follow=True)
    assert said(updated.text)[0].startswith(f"{slug} is updated with the new text")
    assert "each morning" in (studio.root / "posts" / "articles" / f"{slug}.txt").read_text(encoding="utf-8")
    assert "stale" in campaign.read_text(encoding="utf-8")  # the tip whose passage changed waits for a person
    assert not (studio.root / "posts" / f"{slug}-2.yaml").exists()

    undone = studio.post("/undo?back=/", {}, follow=True)
    assert said(undone.text) == [f"Undid the update of the article of {slug}."]
    assert campaign.read_text(encoding="utf-8") == tips_before
    assert "every day, even on a busy one" in (studio.root / "posts" / "articles" / f"{slug}.txt").read_text()


def test_the_campaigns_page_counts_drafts_as_waiting_for_a_person_and_links_to_them(project):
    """Tips in draft wait for a review: 'Nothing waits for a person' only once none does."""
    campaign = project / "posts" / f"{SLUG}.yaml"
    text = campaign.read_text(encoding="utf-8")
    drafts = text.count("status: draft")
    assert drafts > 2
    studio = Studio(project).sign_in()
    home = studio.get("/").text
    assert "Nothing waits for a person" not in home
    assert (f'<a href="/queue?state=draft&amp;campaign={SLUG}">{drafts} drafts wait for review</a>') in home
    listed = studio.get(f"/queue?state=draft&campaign={SLUG}").text
    assert f"Showing {drafts} of {drafts} drafts." in listed

    campaign.write_text(text.replace("status: draft", "status: skip").replace("status: skip", "status: draft", 1),
                        encoding="utf-8")
    home = studio.get("/").text
    assert f'<a href="/queue?state=draft&amp;campaign={SLUG}">1 draft waits for review</a>' in home
    assert "Showing 1 of 1 draft." in studio.get(f"/queue?state=draft&campaign={SLUG}").text

    campaign.write_text(text.replace("status: draft", "status: skip"), encoding="utf-8")
    assert "Nothing waits for a person." in studio.get("/").text
