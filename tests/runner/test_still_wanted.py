"""A post goes out only as the practice wants it now: the claim re-reads its campaign and its card.

Real processes on the bundled project: `queue`, then an edit that no `queue` run followed, then `run-due`."""

from __future__ import annotations

import json

import pytest
from queue_helpers import write_campaign, write_schedule

pytestmark = pytest.mark.slow

WEDNESDAY = "2026-12-02T09:01"  # t1's slot is Wednesday 09:00, t2's Friday 09:00


@pytest.fixture
def root(project, cli):
    (project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").unlink()
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": "t1", "text": "The first tip, as approved."}, {"id": "t2"}])
    queued = cli("queue", "--now", "2026-12-01T09:00", "--json", cwd=project)
    assert queued.code == 0, queued
    assert [q["id"] for q in json.loads(queued.out)["queued"]] == ["alpha/t1", "alpha/t2"]
    return project


def run_due(cli, root, now=WEDNESDAY):
    result = cli("run-due", "--now", now, "--json", cwd=root)
    assert result.code == 0, result
    return json.loads(result.out)


def outbox(root) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((root / ".juno" / "outbox").glob("*.json"))]


def test_a_tip_edited_after_queue_is_not_posted_in_its_old_words_and_queue_brings_the_new_ones(root, cli):
    write_campaign(root, "alpha", [{"id": "t1", "text": "The first tip, corrected."}, {"id": "t2"}])
    dry = cli("run-due", "--dry-run", "--now", WEDNESDAY, cwd=root)
    assert dry.code == 0 and dry.out.startswith("would withdraw alpha/t1: its tip was edited"), dry
    report = run_due(cli, root)
    assert report["posted"] == []
    assert report["withdrawn"] == [{"id": "alpha/t1", "reason": "its tip was edited in posts/alpha.yaml after it was "
                                    "queued; run `juno-scheduler queue` to queue it in its new words", "network": "x"}]
    assert outbox(root) == []
    requeued = json.loads(cli("queue", "--now", WEDNESDAY, "--json", cwd=root).out)
    assert [q["id"] for q in requeued["queued"]] == ["alpha/t1"]
    when = requeued["queued"][0]["at"]
    posted = run_due(cli, root, now=when[:16])
    assert [p["id"] for p in posted["posted"]] == ["alpha/t1"]
    assert outbox(root)[0]["text"].startswith("The first tip, corrected.")


@pytest.mark.parametrize("change", ["removed", "draft", "skip", "stale", "file deleted"])
def test_a_tip_no_longer_wanted_is_never_posted_even_without_queue(root, cli, change):
    tips = {"removed": [{"id": "t2"}],
            "draft": [{"id": "t1", "status": "draft", "text": "The first tip, as approved."}, {"id": "t2"}],
            "skip": [{"id": "t1", "status": "skip", "text": "The first tip, as approved."}, {"id": "t2"}],
            "stale": [{"id": "t1", "review": ["stale"], "text": "The first tip, as approved."}, {"id": "t2"}]}
    if change == "file deleted":
        (root / "posts" / "alpha.yaml").unlink()
    else:
        write_campaign(root, "alpha", tips[change])
    report = run_due(cli, root)
    assert report["posted"] == [] and [w["id"] for w in report["withdrawn"]] == ["alpha/t1"]
    assert outbox(root) == []
    status = json.loads(cli("status", "--json", "--now", WEDNESDAY, cwd=root).out)
    assert "skipped" in json.dumps(status)


def test_queue_withdraws_the_posts_of_a_deleted_campaign_and_of_removed_tips(root, cli):
    write_campaign(root, "alpha", [{"id": "t2"}])
    report = json.loads(cli("queue", "--now", "2026-12-01T10:00", "--json", cwd=root).out)
    assert report["withdrawn"] == [{"id": "alpha/t1", "reason": "its tip is no longer in its campaign"}]
    (root / "posts" / "alpha.yaml").unlink()
    report = json.loads(cli("queue", "--now", "2026-12-01T10:00", "--json", cwd=root).out)
    assert report["withdrawn"] == [{"id": "alpha/t2", "reason": "its tip is no longer in its campaign"}]
    assert run_due(cli, root, now="2026-12-04T09:01")["posted"] == []
    assert outbox(root) == []


def test_a_card_replaced_by_other_bytes_is_drawn_again_before_it_is_posted(root, cli):
    card = root / ".juno" / "cards" / "alpha" / "t1-x.png"
    drawn = card.read_bytes()
    from PIL import Image

    Image.new("RGB", (1600, 900), (255, 0, 0)).save(card)  # a valid PNG, but not the card
    assert card.read_bytes() != drawn
    report = run_due(cli, root)
    assert [p["id"] for p in report["posted"]] == ["alpha/t1"]
    [entry] = outbox(root)
    assert (root / ".juno" / "outbox" / entry["card"]).read_bytes() == drawn
    assert card.read_bytes() == drawn


def test_run_due_does_not_post_on_a_blackout_date_added_after_queueing(root, cli):
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("blackout: [2026-12-25]", "blackout: [2026-12-02, 2026-12-25]"))
    report = run_due(cli, root)
    assert report["posted"] == []
    [moved] = report["missed"]  # by the edited timetable, or by the decision that no post goes out on a blackout date
    assert moved["id"] == "alpha/t1" and "blackout" in moved["reason"]
    assert not report["missed"][0]["moved_to"].startswith("2026-12-02")
    assert outbox(root) == []


def test_run_due_follows_a_timetable_edited_after_queueing_without_a_queue_run(root, cli):
    assert cli("run-due", "--now", "2026-12-01T10:00", cwd=root).code == 0  # a cron run notes the timetable
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("days: [mon, wed, fri]", "days: [mon, fri]"))
    report = run_due(cli, root)
    assert report["posted"] == []
    assert [(m["id"], m["reason"]) for m in report["missed"]] == [("alpha/t1", "timetable: no longer a slot on the timetable")]
    assert outbox(root) == []


@pytest.mark.parametrize("change", ["removed", "draft"])
def test_a_post_queued_before_fingerprints_is_still_withdrawn_when_its_tip_is_gone_or_unapproved(root, cli, change):
    """A queue made by an older version has no fingerprints: an edit cannot be told, but a removal can."""
    from queue_helpers import settings_for

    from scheduler.store import open_store

    with open_store(settings_for(root).database_url) as store, store.transaction() as cur:
        cur.execute("UPDATE posts SET tip_digest = NULL")
    tips = {"removed": [{"id": "t2"}],
            "draft": [{"id": "t1", "status": "draft", "text": "The first tip, as approved."}, {"id": "t2"}]}
    write_campaign(root, "alpha", tips[change])
    report = run_due(cli, root)
    assert report["posted"] == [] and [w["id"] for w in report["withdrawn"]] == ["alpha/t1"]
    assert outbox(root) == []


def test_plan_and_preview_show_the_words_run_due_will_send_after_the_link_policy_changed(root, cli):
    """link.utm changed in posts/schedule.yaml after queue, with no queue run since: plan shows the new link (run-due
    composes each post again from the files when it claims it), and the post that goes out is the one plan showed."""
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("utm: {source: x, medium: social}", "utm: {medium: organic}"))
    write_campaign(root, "alpha", [{"id": "t1", "text": "The first tip, corrected."}, {"id": "t2"}])  # t1 edited
    plan = json.loads(cli("plan", "--json", "--now", "2026-12-01T09:00", cwd=root).out)["posts"]
    rows = {row["id"]: row for row in plan}
    assert "utm_medium=organic" in rows["alpha/t2"]["text"] and "utm_medium=social" not in rows["alpha/t2"]["text"]
    assert rows["alpha/t2"]["note"] == ""
    assert rows["alpha/t1"]["note"].startswith("not sent as it is: its tip was edited in posts/alpha.yaml after it was"
                                               " queued; run `juno-scheduler queue`")
    shown = cli("plan", "--now", "2026-12-01T09:00", cwd=root)
    assert "note: alpha/t1: not sent as it is: its tip was edited" in shown.out
    out = root / "preview.html"
    assert cli("preview", "--out", str(out), "--now", "2026-12-01T09:00", cwd=root).code == 0
    assert "not sent as it is: its tip was edited" in out.read_text(encoding="utf-8")

    report = run_due(cli, root, now="2026-12-04T09:01")  # t2's Friday slot (t1 is held back on Wednesday's)
    assert [row["id"] for row in report["posted"]] == ["alpha/t2"]
    assert [post["text"] for post in outbox(root)] == [rows["alpha/t2"]["text"]]


def test_the_same_words_saved_decomposed_are_not_an_edit(root, cli):
    # a user trial: "é" saved as "e" + U+0301 (as some editors write it) after queue looked like an edit; the post
    # was held and withdrawn though not a letter had changed. Words are compared in NFC
    write_campaign(root, "alpha", [{"id": "t1", "text": "The first tip, as approved: café."}, {"id": "t2"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    write_campaign(root, "alpha", [{"id": "t1", "text": "The first tip, as approved: cafe\u0301."}, {"id": "t2"}])
    report = run_due(cli, root)
    assert [p["id"] for p in report["posted"]] == ["alpha/t1"] and "withdrawn" not in report, report
    assert outbox(root)[0]["text"].startswith("The first tip, as approved: caf\u00e9.")


def test_a_withdrawn_post_that_waits_for_queue_is_said_by_quiet_run_due_status_and_check(root, cli):
    # an on-call trial: under cron (-q) an edited tip was withdrawn in silence, exit 0, and stayed out until someone
    # happened to run queue; status and check said nothing
    write_campaign(root, "alpha", [{"id": "t1", "text": "The first tip, corrected."}, {"id": "t2"}])
    run = cli("run-due", "-q", "--now", WEDNESDAY, cwd=root)
    assert run.code == 0 and run.out == "", run  # nothing failed: exit 0 (docs/queue.md), the line is cron's mail
    [line] = run.err.strip().splitlines()
    assert line == ("warning: withdrawn alpha/t1: its tip was edited in posts/alpha.yaml after it was queued; run "
                    "`juno-scheduler queue` to queue it in its new words; until then it stays out"), line
    status = cli("status", "--now", WEDNESDAY, cwd=root)
    assert status.code == 0 and line.removeprefix("warning: ") in status.out.splitlines(), status
    rows = json.loads(cli("status", "--json", "--now", WEDNESDAY, cwd=root).out)["awaiting_queue"]
    assert [(row["id"], row["network"]) for row in rows] == [("alpha/t1", "x")]
    check = cli("check", "--now", WEDNESDAY, cwd=root)
    assert f"warn  queue          {line.removeprefix('warning: ')}" in check.out.splitlines(), check
    assert cli("queue", "--now", WEDNESDAY, cwd=root).code == 0  # a person acts: nothing left to say
    assert json.loads(cli("status", "--json", "--now", WEDNESDAY, cwd=root).out)["awaiting_queue"] == []
    assert "withdrawn alpha/t1" not in cli("check", "--now", WEDNESDAY, cwd=root).out


def test_a_tip_a_person_set_to_draft_is_withdrawn_without_a_call_to_act(root, cli):
    write_campaign(root, "alpha", [{"id": "t1", "status": "draft", "text": "The first tip, as approved."}, {"id": "t2"}])
    run = cli("run-due", "-q", "--now", WEDNESDAY, cwd=root)
    assert run.code == 0 and run.out == "" and run.err == "", run  # what the person asked for: nothing to do
    assert json.loads(cli("status", "--json", "--now", WEDNESDAY, cwd=root).out)["awaiting_queue"] == []
