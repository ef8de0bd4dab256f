"""No lost work and an undo that undoes: per-field saves, and every change (studio or CLI) reverted exactly.

The manager's afternoon, from issue 21: edit one tip, then save another; skip on the Queue page, then Undo;
move a post, then Undo puts it back in its very slot; a junk line in the audit log never stops undo.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timedelta

import pytest
import yaml

from scheduler import audit
from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, refused, said

POST = f"{SLUG}/{TIP}"


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def tips(studio) -> dict:
    return {t["id"]: t for t in yaml.safe_load(studio.campaign_text())["tips"]}


def plan(root) -> dict:
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", "60")
    assert result.code == 0, result
    return {row["id"]: row["at"] for row in json.loads(result.out)["posts"]}


def save(studio, tip: str, page_tips: dict, **typed):
    """Save one tip's form as the page sends it: what is typed, and each field as the page showed it."""
    shown = page_tips[tip]
    data = {"version": "stale-on-purpose", "headline": shown["headline"], "text": shown["text"],
            "alt_text": shown.get("alt_text") or "", "was_headline": shown["headline"], "was_text": shown["text"],
            "was_alt_text": shown.get("alt_text") or "", **typed}
    return studio.post(f"/c/{SLUG}/tips/{tip}/edit", data)


def undo(studio, back: str = "/queue"):
    """The header's Undo button, as the page offers it (it names the change it will undo)."""
    page = studio.get(back).text
    change = re.search(r'name="change" value="([^"]+)"', page)
    data = {"change": change.group(1)} if change else {}
    return page, studio.post(f"/undo?back={back}", data, follow=True)


def test_saving_one_tip_never_puts_back_another_tips_words(studio):
    page = tips(studio)  # one page, opened once
    other = next(t for t in page if t != TIP)
    assert save(studio, TIP, page, text="My own words for the first tip.").status_code == 303
    # the second tip's form still carries the old version and the first tip's page values: no matter
    answer = save(studio, other, page, headline="A new headline for the second tip.")
    assert answer.status_code == 303, answer.text[:500]
    now = tips(studio)
    assert now[TIP]["text"] == "My own words for the first tip."
    assert now[other]["headline"] == "A new headline for the second tip."
    assert now[other]["text"] == page[other]["text"]  # untouched fields are not written back


def test_an_edit_to_another_field_on_disk_is_kept_and_the_same_field_is_a_conflict(studio):
    page = tips(studio)
    path = studio.root / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    line = f'    headline: "{page[TIP]["headline"]}"\n'
    assert line in text
    path.write_text(text.replace(line, '    headline: "Changed in vim."\n', 1), encoding="utf-8")
    assert save(studio, TIP, page, text="Typed in the studio.").status_code == 303
    assert tips(studio)[TIP]["headline"] == "Changed in vim." and tips(studio)[TIP]["text"] == "Typed in the studio."
    clash = save(studio, TIP, page, headline="Typed in the studio too.")
    assert clash.status_code == 409 and "Changed in vim." in clash.text
    assert tips(studio)[TIP]["headline"] == "Changed in vim."


def test_skip_on_the_queue_then_undo_unskips_it_not_an_older_move(studio):
    studio.status("approved")
    other = next(t for t in tips(studio) if t != TIP)
    studio.status("approved", tip=other)
    moved = studio.post("/posts/move", {"post": f"{SLUG}/{other}", "at": "2026-12-09T14:00"}, follow=True)
    assert "now goes out 2026-12-09 at 14:00" in said(moved.text)[0]
    slot = plan(studio.root)[POST]
    studio.post("/do/skip", {"post": POST})
    assert POST not in plan(studio.root)
    page, answer = undo(studio)
    assert "Undo the skip on the queue of " + TIP in page  # the button says what it will undo
    assert said(answer.text)[0] == f"Undid the skip on the queue of {TIP}."
    after = plan(studio.root)
    assert after[POST] == slot  # back in its own slot
    assert after[f"{SLUG}/{other}"] == "2026-12-09T14:00:00-05:00"  # the older move stands


def test_undoing_a_move_returns_the_post_to_its_exact_slot_and_redo_moves_it_again(studio):
    studio.status("approved")
    slot = plan(studio.root)[POST]
    studio.post("/posts/move", {"post": POST, "at": "2026-12-05T15:45"})
    assert plan(studio.root)[POST] == "2026-12-05T15:45:00-05:00"
    page, answer = undo(studio, "/calendar")
    assert f"Undo the move of {TIP} to 2026-12-05 15:45" in page
    assert "Undid the move" in said(answer.text)[0]
    assert plan(studio.root)[POST] == slot
    assert "at:" not in studio.campaign_text().split(f"id: {TIP}\n")[1].split("  - id:")[0]
    redo_id = audit.entries(studio.root)[-1]["id"]
    redone = studio.post("/undo?back=/changes", {"change": redo_id}, follow=True)
    assert "Redid" in said(redone.text)[0]
    assert plan(studio.root)[POST] == "2026-12-05T15:45:00-05:00"


def test_a_refused_redo_of_an_undone_move_of_a_posted_tip_writes_nothing(studio):
    studio.status("approved")
    slot = plan(studio.root)[POST]
    studio.post("/posts/move", {"post": POST, "at": "2026-12-05T15:45"})
    undo(studio, "/calendar")
    later = (datetime.fromisoformat(slot) + timedelta(minutes=5)).isoformat()
    assert run_cli("--root", str(studio.root), "run-due", "--now", later).code == 0  # it went out in its slot
    text, log = studio.campaign_text(), (studio.root / ".juno" / "audit.jsonl").read_bytes()
    redo_id = audit.entries(studio.root)[-1]["id"]
    answer = studio.post("/undo?back=/changes", {"change": redo_id}, follow=True)
    assert refused(answer.text) and said(answer.text)[0].startswith("Nothing undone: ")
    assert "posted" in said(answer.text)[0]
    assert studio.campaign_text() == text  # no `at:` written back
    assert (studio.root / ".juno" / "audit.jsonl").read_bytes() == log  # no redo line


def test_a_cli_skip_is_undone_from_the_studio(studio):
    studio.status("approved")
    slot = plan(studio.root)[POST]
    assert run_cli("--root", str(studio.root), "skip", POST).code == 0
    _, answer = undo(studio)
    assert "Undid the skip on the queue" in said(answer.text)[0]
    assert plan(studio.root)[POST] == slot


def test_a_cli_approval_of_a_whole_campaign_is_one_change_that_one_undo_takes_back(studio):
    drafts = [t for t, tip in tips(studio).items() if tip["status"] == "draft" and not tip.get("review")]
    assert len(drafts) > 1
    approved = run_cli("--root", str(studio.root), "approve", SLUG, "--now", NOW.isoformat())
    assert approved.code == 0, approved
    lines = [e for e in audit.entries(studio.root) if e["what"] == "approve"]
    assert len(lines) == len(drafts) and len({e["batch"] for e in lines}) == 1
    page, answer = undo(studio)
    assert f"Undo the approval of {len(drafts)} tips at once" in page
    assert said(answer.text) == [f"Undid the approval of {len(drafts)} tips at once."]
    assert all(tips(studio)[t]["status"] == "draft" for t in drafts)


def test_the_changes_page_lists_changes_with_undo_per_item(studio):
    studio.status("approved")
    other = next(t for t in tips(studio) if t != TIP)
    page = tips(studio)
    save(studio, other, page, headline="Second tip, new headline.")
    studio.post("/do/skip", {"post": POST})
    listing = studio.get("/changes").text
    assert ">Tue 01 Dec 07:00</time>" in listing  # the practice's time, as everywhere else
    assert listing.index("skip on the queue") < listing.index("edit of " + other) < listing.index("approval of " + TIP)
    # trial 6 read "by studio the tip": who made it, and a link that says what it does
    words = " ".join(re.sub(r"<[^>]+>", " ", listing).split())
    assert "by studio" not in words and "made in the studio Open the tip " + TIP in words, words
    edit = next(e for e in audit.entries(studio.root) if e["what"] == "edit")
    answer = studio.post("/undo?back=/changes", {"change": edit["id"]}, follow=True)  # an older one, by itself
    assert "Undid the edit of " + other in said(answer.text)[0]
    assert tips(studio)[other]["headline"] == page[other]["headline"]
    assert POST not in plan(studio.root)  # the newer skip still stands
    again = studio.post("/undo?back=/changes", {"change": edit["id"]}, follow=True)
    assert refused(again.text) and "undone already" in said(again.text)[0]


def test_junk_in_the_audit_log_never_stops_undo(studio):
    page = tips(studio)
    save(studio, TIP, page, text="Words to undo.")
    with audit.audit_path(studio.root).open("ab") as log:
        log.write(b'not json\n[1, 2]\n{"id": 5}\n{"what": "edit"}\n\xff\xfe\n{"id": "x", "what": "edit", "tip": 7}\n')
    assert studio.get("/changes").status_code == 200
    assert studio.get(f"/c/{SLUG}").status_code == 200
    _, answer = undo(studio, f"/c/{SLUG}")
    assert "Undid the edit" in said(answer.text)[0]
    assert tips(studio)[TIP]["text"] == page[TIP]["text"]


def test_undo_after_adding_an_article_removes_it_and_earlier_changes_stay_undoable(studio):
    page = tips(studio)
    save(studio, TIP, page, text="An earlier edit.")
    added = studio.post("/articles", {"title": "Small Steps Toward Rest",
                                      "article": "Rest is a skill you can practise.\n\n" * 3}, follow=True)
    assert added.status_code == 200
    slug = "small-steps-toward-rest"
    assert (studio.root / "posts" / f"{slug}.yaml").exists()
    _, answer = undo(studio, "/")
    assert said(answer.text)[0] == f"Undid the new article {slug}."
    assert not (studio.root / "posts" / f"{slug}.yaml").exists()
    assert not list((studio.root / "posts" / "articles").glob(f"{slug}.*"))
    _, answer = undo(studio, "/")
    assert "Undid the edit" in said(answer.text)[0]
    assert tips(studio)[TIP]["text"] == page[TIP]["text"]


def test_approving_says_when_and_where_the_tip_goes_out(studio):
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/status", {"version": studio.version(), "status": "approved"},
                         follow=True)
    message = said(answer.text)[0]
    assert re.match(rf"Approved {TIP}: it goes out Wed 02 Dec 08:\d\d \(America/New_York\) on X \(all rehearsed in "
                    r"the outbox", message), message


def test_approving_names_each_network_once_and_says_once_that_they_are_rehearsed(project):
    # a user trial with three outbox accounts read "on the outbox (…), the outbox (…) and the outbox (…)"
    from tests.studio.test_studio_outgoing import on_three_networks

    on_three_networks(project)
    studio = Studio(project).sign_in()
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/status", {"version": studio.version(), "status": "approved"},
                         follow=True)
    message = said(answer.text)[0]
    assert ("on Bluesky, Mastodon and X (all rehearsed in the outbox: a file in .juno/outbox; nothing is sent)."
            in message), message
    assert message.count("outbox") == 2


def test_undo_of_a_batch_is_all_or_nothing_and_says_which_change_stands_in_the_way(studio):
    """The user trial: a CLI approval of 19 tips, one of them edited since; Undo on the Changes page reverted 13
    tips and withdrew their posts, then said "Nothing undone". Now every change is checked first: nothing moves."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    batch = [e for e in audit.entries(root) if e["what"] == "approve"]
    assert len(batch) == 19
    edited = batch[6]["tip"]  # reverted 14th, newest first: 13 went back before the refusal
    page = tips(studio)
    assert save(studio, edited, page, text="Words typed after the approval.").status_code == 303
    text, slots = studio.campaign_text(), plan(root)
    log = audit.audit_path(root).read_bytes()
    answer = studio.post("/undo?back=/changes", {"change": batch[-1]["id"]}, follow=True)
    message = said(answer.text)[0]
    assert refused(answer.text) and message.startswith("Nothing undone: 1 of the 19 changes made at once"), message
    assert repr(edited) in message and "none of them was" in message
    assert studio.campaign_text() == text and plan(root) == slots  # no tip back to draft, no post withdrawn
    assert audit.audit_path(root).read_bytes() == log
    assert "Undo of 13" not in studio.get("/changes").text
    # the later edit undone first, the whole approval then goes back at once, and a redo brings all of it again
    edit = audit.entries(root)[-1]
    assert "Undid the edit" in said(studio.post("/undo?back=/changes", {"change": edit["id"]}, follow=True).text)[0]
    undone = studio.post("/undo?back=/changes", {"change": batch[-1]["id"]}, follow=True)
    assert said(undone.text) == ["Undid the approval of 19 tips at once."]
    assert all(tips(studio)[e["tip"]]["status"] == "draft" for e in batch) and not plan(root)
    redo = audit.entries(root)[-1]
    redone = studio.post("/undo?back=/changes", {"change": redo["id"]}, follow=True)
    assert said(redone.text) == ["Redid the approval of 19 tips at once."], said(redone.text)
    assert all(tips(studio)[e["tip"]]["status"] == "approved" for e in batch) and len(plan(root)) == 19


def buttons(page: str) -> list[str]:
    """The change ids the Changes page offers an Undo or Redo button for, newest first."""
    rows = page.split('<ol class="rows changes">', 1)[1].split("</ol>", 1)[0]  # not the header's Undo
    return re.findall(r'name="change" value="([^"]+)"', rows)


def test_after_undo_and_redo_of_a_batch_only_the_newest_row_offers_a_button(studio):
    """The user trial: approve 10 tips at once, Undo, Redo, then Undo on the original approval's row. Both the
    original and the redo offered an Undo; after one was used the other stayed, and pressing it was refused with a
    message naming all ten tips. A change and its undos and redos are one chain: only its newest row has a button."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    approval = [e for e in audit.entries(root) if e["what"] == "approve"][-1]
    assert said(studio.post("/undo?back=/changes", {"change": approval["id"]}, follow=True).text) == [
        "Undid the approval of 19 tips at once."]
    undo_row = audit.entries(root)[-1]
    assert said(studio.post("/undo?back=/changes", {"change": undo_row["id"]}, follow=True).text) == [
        "Redid the approval of 19 tips at once."]
    redo_row = audit.entries(root)[-1]
    assert redo_row["what"] == "redo"
    page = studio.get("/changes").text
    assert buttons(page) == [redo_row["id"]], "the original approval's row no longer offers its own Undo"
    # the old row, sent anyway (a page left open): refused in one plain line, nothing written
    text, slots, log = studio.campaign_text(), plan(root), audit.audit_path(root).read_bytes()
    answer = studio.post("/undo?back=/changes", {"change": approval["id"]}, follow=True)
    message = said(answer.text)[0]
    assert refused(answer.text) and "use the newest row" in message and message.count(SLUG) <= 1, message
    assert (studio.campaign_text(), plan(root), audit.audit_path(root).read_bytes()) == (text, slots, log)
    # the redo's Undo takes the approval back, and then only that undo offers a button (its Redo), which works
    assert said(studio.post("/undo?back=/changes", {"change": redo_row["id"]}, follow=True).text) == [
        "Undid the approval of 19 tips at once."]
    assert all(t["status"] == "draft" for t in tips(studio).values()) and not plan(root)
    again = audit.entries(root)[-1]
    assert buttons(studio.get("/changes").text) == [again["id"]]
    assert not refused(studio.post("/undo?back=/changes", {"change": again["id"]}, follow=True).text)
    assert len(plan(root)) == 19


def test_a_batch_undo_that_fails_half_way_puts_back_what_it_had_undone_and_says_so(studio):
    """The checks pass, the first of 19 reverts is written (its tip back to draft, its post withdrawn), then the
    database refuses the second's write (a trigger on its post stands in for a full disk or a broken database):
    the manager sees one message, and the campaign file, the queue and the log are as they were before the undo."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    batch = [e for e in audit.entries(root) if e["what"] == "approve"]
    first, second = batch[-1]["tip"], batch[-2]["tip"]  # reverted newest first
    database = sqlite3.connect(root / ".juno" / "juno.db")
    database.execute(f"CREATE TRIGGER refuse_one BEFORE UPDATE ON posts WHEN OLD.tip_key = '{SLUG}/{second}' "
                     "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    database.commit()
    text, slots, log = studio.campaign_text(), plan(root), audit.audit_path(root).read_bytes()
    assert f"{SLUG}/{first}" in slots and f"{SLUG}/{second}" in slots

    answer = studio.post("/undo?back=/changes", {"change": batch[-1]["id"]}, follow=True)
    assert answer.status_code == 200 and refused(answer.text)
    message = said(answer.text)[0]
    assert message.startswith("Nothing undone: none of the 19 changes made at once was undone: "), message
    assert f"the approval of {second} stopped part way (database or disk is full)" in message, message
    assert "every change of this undo is put back" in message, message
    assert studio.campaign_text() == text  # the first tip approved again, the second never went to draft
    assert plan(root) == slots  # the first tip's post back in its own slot, the second's untouched
    assert audit.audit_path(root).read_bytes() == log  # no undo line left for a change that is not undone

    database.execute("DROP TRIGGER refuse_one")
    database.commit()
    database.close()
    undone = studio.post("/undo?back=/changes", {"change": batch[-1]["id"]}, follow=True)
    assert said(undone.text) == ["Undid the approval of 19 tips at once."]
    assert all(tips(studio)[e["tip"]]["status"] == "draft" for e in batch) and not plan(root)


def test_a_batch_undo_that_cannot_put_everything_back_says_what_it_left(studio):
    """The same half-way failure, and the database then refuses to put the first tip's post back as well: the
    message names those posts instead of claiming nothing changed; the files and the log are still put back."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    batch = [e for e in audit.entries(root) if e["what"] == "approve"]
    first, second = batch[-1]["tip"], batch[-2]["tip"]
    with sqlite3.connect(root / ".juno" / "juno.db") as database:
        database.execute(f"CREATE TRIGGER refuse_second BEFORE UPDATE ON posts WHEN OLD.tip_key = '{SLUG}/{second}' "
                         "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
        database.execute(f"CREATE TRIGGER refuse_first_back BEFORE UPDATE ON posts WHEN OLD.tip_key = "
                         f"'{SLUG}/{first}' AND NEW.status = 'queued' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    database.close()
    text, log = studio.campaign_text(), audit.audit_path(root).read_bytes()

    answer = studio.post("/undo?back=/changes", {"change": batch[-1]["id"]}, follow=True)
    message = said(answer.text)[0]
    assert answer.status_code == 200 and refused(answer.text)
    assert f"the approval of {second} stopped part way (database or disk is full)" in message, message
    assert message.endswith(f"; and the posts of {SLUG}/{first} could not be put back (disk I/O error): check "
                            "them on the Queue page"), message
    assert "every change of this undo is put back" not in message
    assert studio.campaign_text() == text and audit.audit_path(root).read_bytes() == log
    assert f"{SLUG}/{first}" not in plan(root) and f"{SLUG}/{second}" in plan(root)


def test_an_undo_of_one_change_that_fails_half_way_puts_everything_back_and_says_so(studio):
    """One approval, queued, then undone while the database refuses to withdraw its post (a trigger stands in
    for a full disk): the campaign file was already written back to draft when the database failed. The manager
    sees one message, not a crash page, and the file, the queue and the log are as they were before the undo;
    once the database answers again, the same Undo works."""
    root = studio.root
    studio.status("approved")
    assert run_cli("--root", str(root), "queue", "--now", NOW.isoformat()).code == 0
    slot = plan(root)[POST]
    with sqlite3.connect(root / ".juno" / "juno.db") as database:
        database.execute(f"CREATE TRIGGER refuse_withdraw BEFORE UPDATE ON posts WHEN OLD.tip_key = '{POST}' "
                         "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    database.close()
    text, log = studio.campaign_text(), audit.audit_path(root).read_bytes()
    change = audit.entries(root)[-1]

    answer = studio.post("/undo?back=/changes", {"change": change["id"]}, follow=True)
    assert answer.status_code == 200 and refused(answer.text)
    message = said(answer.text)[0]
    assert message == (f"Nothing undone: the undo of the approval of {TIP} stopped (database or disk is full); "
                       "what it had done is put back, so nothing changed; try Undo again"), message
    assert studio.campaign_text() == text and audit.audit_path(root).read_bytes() == log
    assert tips(studio)[TIP]["status"] == "approved" and plan(root)[POST] == slot

    with sqlite3.connect(root / ".juno" / "juno.db") as database:
        database.execute("DROP TRIGGER refuse_withdraw")
    database.close()
    assert "Undid the approval" in said(studio.post("/undo?back=/changes", {"change": change["id"]},
                                                    follow=True).text)[0]
    assert tips(studio)[TIP]["status"] == "draft" and POST not in plan(root)


def test_the_header_never_offers_an_undo_that_would_be_refused_and_changes_says_why_once(studio):
    """The user trial: after Changes refused an undo ("undo it by hand"), the header's Undo still offered it. A third
    trial: saying why on every page filled a phone's first screen, though she never asked to undo anything; the
    Changes page says it, once."""
    root = studio.root
    assert run_cli("--root", str(root), "approve", SLUG, "--now", NOW.isoformat()).code == 0
    page = studio.get("/queue").text
    assert "Undo <span class=\"undo-what\">the approval of 19 tips at once" in page
    path = root / "posts" / f"{SLUG}.yaml"  # one approved tip edited in an editor: no line in the log
    line = f'    headline: "{tips(studio)[TIP]["headline"]}"\n'
    path.write_text(path.read_text(encoding="utf-8").replace(line, '    headline: "Changed in vim."\n', 1),
                    encoding="utf-8")
    batch = audit.entries(root)[-1]["id"]
    refusal = said(studio.post("/undo?back=/changes", {"change": batch}, follow=True).text)[0]
    assert refusal.startswith("Nothing undone: 1 of the 19 changes made at once") and repr(TIP) in refusal
    for where in ("/queue", "/changes", f"/c/{SLUG}"):
        page = studio.get(where).text
        header = page.split("</header>")[0]
        assert re.search(r'<button type="submit" disabled>Undo</button>', header), header[-800:]
        assert 'name="change"' not in header and "data-undo=" not in header  # neither the button nor `u` sends it
        assert "Cannot undo" not in header and repr(TIP).replace("'", "&#39;") not in header  # nor fills the top
        why = page.count("1 of the 19 changes made at once can no longer be undone")
        assert why == (1 if where == "/changes" else 0), (where, why)
    changes = studio.get("/changes").text
    assert repr(TIP).replace("'", "&#39;") in changes  # it says which tip stands in the way
    assert changes.count("Cannot be undone now") == 1
    assert f'name="change" value="{batch}"' not in changes  # in place of an Undo button that would be refused


FLAGGED_TEXT = "Share how you feel using “I” statements. If your partner talks about self-harm, call 988 together."


def test_undo_of_an_edit_that_flagged_a_tip_says_where_it_goes_when_its_old_slot_is_taken(studio):
    """A user trial: the edit took the tip out of the queue, the timetable took more posts a day since, and tips
    after it in the article took its old slot. Since the fourth user trial (docs/queue.md) a tip queued again takes
    its place in the article's order among the tips only queued: the undo gives it back its own slot, the tips
    after it give way, and none is lost."""
    shared = "share-how-you-feel-using-i-statements"
    for tip in ("reluctance-doesnt-always-mean-refusal", "check-in-after-positive-moments-or-small", shared):
        studio.status("approved", tip=tip)
    old = plan(studio.root)[f"{SLUG}/{shared}"]
    studio.edit(shared, text=FLAGGED_TEXT)
    edit = re.search(r'name="change" value="([^"]+)"', studio.get(f"/c/{SLUG}").text).group(1)
    schedule = studio.root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("min_gap: 3h", "min_gap: 1m").replace(
        "max_per_day: 1", "max_per_day: 3"), encoding="utf-8")
    drafts = [t for t, tip in tips(studio).items() if tip["status"] == "draft" and t != shared and not tip["review"]]
    for tip in drafts[:9]:  # enough to fill every slot up to the old one and the old one's day
        studio.status("approved", tip=tip)
    assert old[:10] in {at[:10] for at in plan(studio.root).values()}
    answer = studio.post(f"/undo?back=/c/{SLUG}", {"change": edit}, follow=True)
    now_at = plan(studio.root)[f"{SLUG}/{shared}"]
    assert said(answer.text) == [f"Undid the edit of {shared} (text)."]
    assert now_at[:16] == old[:16]  # back in its own slot, to the minute
    queued = plan(studio.root)
    assert {f"{SLUG}/{tip}" for tip in ("reluctance-doesnt-always-mean-refusal",
                                        "check-in-after-positive-moments-or-small", shared, *drafts[:9])} <= set(queued)
    assert len(set(queued.values())) == len(queued)  # the tips that gave way took slots of their own
