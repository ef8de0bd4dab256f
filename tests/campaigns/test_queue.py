"""Queueing approved tips: order, sections, idempotence, edits after queueing, recycling; plan and CLI."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from queue_helpers import SCHEDULE, settings_for, write_campaign, write_schedule

from scheduler.campaigns.planning import plan_posts
from scheduler.campaigns.queueing import queue_campaigns
from scheduler.errors import ContentError
from scheduler.store import open_store

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, tzinfo=NY).astimezone(UTC)  # a Tuesday morning


@pytest.fixture
def root(project):
    write_schedule(project)
    return project


def queue(root, now=NOW, names=()):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return queue_campaigns(settings, store, now, names)


def plan(root, now=NOW, days=60):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return plan_posts(settings, store, now, days)


def when(row) -> str:
    return datetime.fromisoformat(row["at"]).strftime("%a %m-%d %H:%M")


def test_campaign_order_but_never_one_section_twice_in_a_row(root):
    write_campaign(root, "alpha", [
        {"id": "a1", "section": "Why"}, {"id": "a2", "section": "Why"}, {"id": "a3", "section": "How"},
        {"id": "a4", "section": "How"}, {"id": "draft-one", "section": "How", "status": "draft"},
        {"id": "a5", "section": "Why"},
    ])
    report = queue(root)
    assert len(report["queued"]) == 5
    rows = plan(root)
    assert [(r["id"], when(r)) for r in rows] == [
        ("alpha/a1", "Wed 12-02 09:00"),
        ("alpha/a3", "Fri 12-04 09:00"),  # a2 would follow a1's section
        ("alpha/a2", "Sat 12-05 12:00"),
        ("alpha/a4", "Mon 12-07 09:00"),
        ("alpha/a5", "Wed 12-09 09:00"),
    ]
    assert all(r["status"] == "queued" for r in rows)


def test_a_pinned_tip_keeps_its_minute_and_counts_towards_its_day(root):
    write_campaign(root, "alpha", [{"id": "a1", "section": "A"}, {"id": "a2", "section": "B"},
                                   {"id": "pinned", "section": "C", "at": "2026-12-04T18:30"}])
    queue(root)
    assert [(r["id"], when(r)) for r in plan(root)] == [
        ("alpha/a1", "Wed 12-02 09:00"),
        ("alpha/pinned", "Fri 12-04 18:30"),  # max_per_day: 1, so Friday's 09:00 slot stays empty
        ("alpha/a2", "Sat 12-05 12:00"),
    ]


def test_a_pin_set_to_a_time_already_past_on_a_queued_post_keeps_its_slot_and_says_so(root, caplog):
    """A user trial: `at: 2026-12-01T12:00` written on a queued tip days later; queue said "updated (due_at,
    pinned)" and plan listed the post in the past, pinned, where nothing would ever send or move it."""
    write_campaign(root, "alpha", [{"id": "a1", "section": "A"}, {"id": "a2", "section": "B"}])
    queue(root)
    before = {r["id"]: when(r) for r in plan(root)}
    write_campaign(root, "alpha", [{"id": "a1", "section": "A", "at": "2026-11-30T12:00"}, {"id": "a2", "section": "B"}])
    caplog.set_level("WARNING")
    report = queue(root)
    assert report["updated"] == []
    assert {r["id"]: when(r) for r in plan(root)} == before
    said = [r.getMessage() for r in caplog.records if "has passed" in r.getMessage()]
    assert len(said) == 1 and "alpha/a1" in said[0] and "keeps its slot" in said[0] and "at:" in said[0], said


def test_queue_twice_changes_nothing(root):
    write_campaign(root, "alpha", [{"id": f"t{n}", "section": f"S{n % 2}"} for n in range(6)])
    queue(root)
    before = plan(root)
    again = queue(root, now=NOW + timedelta(hours=1))
    assert (again["queued"], again["updated"], again["unchanged"]) == ([], [], 6)
    assert plan(root) == before


def test_a_tip_edited_after_queueing_is_updated_until_it_is_posted(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        store.claim("w", datetime(2026, 12, 2, 14, 0, tzinfo=UTC), timedelta(minutes=5))
        store.record_posted("alpha/t1", "1", "u", 0.0, datetime(2026, 12, 2, 14, 0, tzinfo=UTC))
    write_campaign(root, "alpha", [{"id": "t1", "text": "Rewritten first tip."},
                                   {"id": "t2", "text": "Rewritten second tip."}])
    report = queue(root)
    assert report["updated"] == [{"id": "alpha/t2", "changed": ["text", "weighted_length"],
                                  "at": "2026-12-04T09:00:00-05:00"}]
    with open_store(settings.database_url) as store:
        assert store.get("alpha/t2").text.startswith("Rewritten second tip.")
        assert store.get("alpha/t1").text.startswith("Tip t1 says")  # what went out stays on record


def test_a_tip_no_longer_approved_is_withdrawn_and_comes_back_when_approved(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    write_campaign(root, "alpha", [{"id": "t1", "status": "skip"}, {"id": "t2"}])
    assert queue(root)["withdrawn"] == [{"id": "alpha/t1", "reason": "no longer approved"}]
    assert [r["id"] for r in plan(root)] == ["alpha/t2"]
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    assert [q["id"] for q in queue(root)["queued"]] == ["alpha/t1"]
    assert sorted(r["id"] for r in plan(root)) == ["alpha/t1", "alpha/t2"]


def test_an_approved_tip_gone_stale_waits_for_a_person(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    write_campaign(root, "alpha", [{"id": "t1", "review": ["stale"]}, {"id": "t2"}])
    report = queue(root)
    assert report["held"] == ["alpha/t1"]
    assert report["withdrawn"] == [{"id": "alpha/t1", "reason": "no longer approved"}]
    assert [r["id"] for r in plan(root)] == ["alpha/t2"]
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])  # a person looked and cleared the flag
    assert [q["id"] for q in queue(root)["queued"]] == ["alpha/t1"]


def test_a_post_skipped_by_a_person_stays_skipped(root, cli):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    result = cli("skip", "t1", "--json", cwd=root)
    assert result.code == 0, result
    assert json.loads(result.out) == {"id": "alpha/t1", "status": "skipped",
                                      "posts": [{"id": "alpha/t1", "network": "x", "status": "skipped"}]}
    assert queue(root)["queued"] == []
    assert [r["id"] for r in plan(root)] == ["alpha/t2"]


def test_the_post_text_has_link_footer_and_hashtags(root):
    write_campaign(root, "alpha", [{"id": "t1", "review": ["sensitive"], "reviewed": ["sensitive"]}, {"id": "t2"}],
                   url="https://junocounseling.com/blog/alpha")
    queue(root)
    texts = {r["id"]: r["text"] for r in plan(root)}
    assert texts["alpha/t1"] == ("Tip t1 says something kind and useful.\n\n"
                                 "If you are in crisis, call or text 988.\n\n"
                                 "https://junocounseling.com/blog/alpha?utm_source=x&utm_medium=social"
                                 "&utm_campaign=alpha #CouplesCounseling")
    assert "988" not in texts["alpha/t2"]


def test_a_tip_that_already_gives_the_crisis_number_is_not_given_the_footer_again(root):
    """A user trial: "... call or text 988, the Suicide and Crisis Lifeline, any time." then "If you are in crisis,
    call or text 988." on the same post read as a form letter; a tip that gives the footer's number keeps its own
    words, one that names another number (or none) still gets the footer."""
    gives = "Stay with them, and call or text 988, the Suicide and Crisis Lifeline, any time of day or night."
    other = "If someone is in immediate danger, call 911 at once."
    write_campaign(root, "alpha", [{"id": "t1", "text": gives, "review": ["sensitive"], "reviewed": ["sensitive"]},
                                   {"id": "t2", "text": other, "review": ["sensitive"], "reviewed": ["sensitive"]}],
                   url="https://junocounseling.com/blog/alpha")
    queue(root)
    texts = {r["id"]: r["text"] for r in plan(root)}
    assert texts["alpha/t1"].startswith(gives + "\n\nhttps://junocounseling.com/blog/alpha?")
    assert texts["alpha/t1"].count("988") == 1
    assert texts["alpha/t2"].split("\n\n")[:2] == [other, "If you are in crisis, call or text 988."]


def test_a_post_over_280_is_refused_naming_the_tip_and_nothing_is_queued(root, cli):
    write_campaign(root, "alpha", [{"id": "fine"}, {"id": "too-long", "text": "word " * 60}])
    result = cli("queue", "--now", "2026-12-01T09:00", cwd=root)
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "posts/alpha.yaml" in result.err and "'too-long'" in result.err and "over 280" in result.err
    assert result.err.rstrip().endswith("; nothing was queued")
    with pytest.raises(ContentError):
        queue(root)
    assert plan(root) == []


def test_a_tip_too_long_says_what_its_post_carries_and_where_to_set_status_skip(root, cli):
    """A user trial: 'fix this tip, or skip it', but `skip ID` refused (the tip was never queued); what worked was
    `status: skip` in the file. And '352 characters (with link, footer and hashtags)' for a tip with none of them."""
    path = write_campaign(root, "alpha", [{"id": "fine"}, {"id": "too-long", "text": "word " * 60}], url=None)
    path.write_text(path.read_text(encoding="utf-8") + "hashtags: []\n", encoding="utf-8")
    result = cli("queue", "--now", "2026-12-01T09:00", cwd=root)
    assert result.code == 2, result
    line = result.err.strip()
    assert "would be 299 characters as X counts them, over 280 on x;" in line, line
    checked = cli("check", "--now", "2026-12-01T09:00", cwd=root)
    said = re.search(r"; (shorten it or give it texts: \{x: \.\.\.\})", line)
    assert said and said.group(1) in checked.out + checked.err, (line, checked)  # one wording in queue and check
    where = re.search(r"or keep it out: set `status: skip` at posts/alpha\.yaml:(\d+):\d+; nothing was queued$", line)
    assert where, line
    lines = path.read_text(encoding="utf-8").splitlines()
    number = int(where.group(1)) - 1
    assert lines[number].strip() == "status: approved" and lines[number - 3].strip() == "- id: too-long", lines
    lines[number] = lines[number].replace("approved", "skip")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = cli("queue", "--now", "2026-12-01T09:00", "--json", cwd=root)
    assert again.code == 0 and [row["id"] for row in json.loads(again.out)["queued"]] == ["alpha/fine"], again


def test_skip_of_an_approved_tip_not_queued_names_where_status_skip_goes(root, cli):
    """`skip too-long` refused with 'alpha/too-long is skipped; only a post still to go out can be skipped' for a tip
    queued once, withdrawn (set to draft) and approved again too long: it was not skipped, and skip could not help."""
    path = write_campaign(root, "alpha", [{"id": "fine"}, {"id": "too-long"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved", "status: draft"), encoding="utf-8")
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0  # both withdrawn
    write_campaign(root, "alpha", [{"id": "fine"}, {"id": "too-long", "text": "word " * 60}, {"id": "never"}])
    for given in ("too-long", "alpha/never"):
        refused = cli("skip", given, cwd=root)
        assert refused.code == 2, refused
        assert "is skipped" not in refused.err and "only a post" not in refused.err, refused.err
        assert re.fullmatch(r"error: tip alpha/\S+ is not in the queue \(`skip` takes queued posts\); to keep it out, "
                            r"set `status: skip` at posts/alpha\.yaml:\d+:\d+\n", refused.err), refused.err
    write_campaign(root, "alpha", [{"id": "too-long"}])  # a tip gone from its file: its withdrawn post is named as such
    assert cli("skip", "fine", cwd=root).err == ("error: alpha/fine was withdrawn by its campaign file; only a post still "
                                                 "to go out can be skipped\n")


def test_queue_names_every_problem_of_one_run_and_queues_nothing(root, cli):
    """A user trial: a broken campaign file was named only once the tip too long was skipped (queue stopped at the
    first problem). Now one run names each, a line each, and queues nothing (all or nothing, docs/queue.md)."""
    write_campaign(root, "alpha", [{"id": "fine"}, {"id": "too-long", "text": "word " * 60},
                                   {"id": "pinned", "at": "2026-12-25T09:00"}])
    broken = write_campaign(root, "beta", [{"id": "other"}])
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: approved", "status: maybe"), encoding="utf-8")
    result = cli("queue", "--now", "2026-12-01T09:00", cwd=root)
    lines = result.err.splitlines()
    assert result.code == 2 and len(lines) == 4, result
    assert re.match(r"error: posts/beta\.yaml:\d+:\d+: tips\[0\]\.status: unknown status 'maybe'", lines[0]), lines
    assert re.match(r"error: posts/alpha\.yaml:\d+:\d+: tips\[2\]\.at: 2026-12-25 is a blackout date", lines[1]), lines
    assert re.match(r"error: posts/alpha\.yaml:\d+:\d+: tips\[1\]\.text: tip 'too-long' would be", lines[2]), lines
    assert lines[3] == "error: nothing was queued: fix these 3 problems", lines
    assert plan(root) == []


def test_status_and_plan_say_moved_and_retrying_for_the_same_states(root, cli):
    """A user trial: `status` said '1 missed' for a post moved to a new slot (read as lost at 3 a.m.), and `plan`
    showed a post run-due retries as 'failed' where status said 'retrying'."""
    write_campaign(root, "alpha", [{"id": "t1", "section": "A"}, {"id": "t2", "section": "B"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    later = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)
    with open_store(settings_for(root).database_url) as store:
        moved = store.claim("w", later, timedelta(minutes=5))
        assert moved is not None and store.move(moved, "w", later + timedelta(days=2), later)
        failing = store.claim("w", later, timedelta(minutes=5))
        assert failing is not None and store.record_retry(failing.id, "w", "X answered 503", later + timedelta(days=1),
                                                          uncertain=False, now=later)
    now = ("--now", later.isoformat())
    status = cli("status", *now, cwd=root)
    assert status.code == 0 and "posts: 1 retrying, 1 moved" in status.out, status.out
    assert "missed" not in status.out, status.out
    shown = cli("plan", "--days", "7", *now, cwd=root, env={"COLUMNS": "160"})
    rows = {f"alpha/{words[3]}": words[-2] for words in map(str.split, shown.out.splitlines())
            if len(words) > 5 and re.fullmatch(r"\d+/280", words[-1])}
    assert rows == {failing.id: "retrying", moved.id: "moved"}, shown.out
    assert {row["status"] for row in json.loads(cli("plan", "--json", *now, cwd=root).out)["posts"]} == {"failed", "missed"}


def test_recycling_brings_old_posts_round_again_when_the_queue_runs_dry(project):
    write_schedule(project, recycle="90d")
    write_campaign(project, "alpha", [{"id": "t1", "section": "A"}, {"id": "t2", "section": "B"}])
    queue(project)
    settings = settings_for(project)
    posted_at = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    with open_store(settings.database_url) as store:
        for post_id in ("alpha/t1", "alpha/t2"):
            store.claim("w", posted_at + timedelta(days=10), timedelta(minutes=5))
            store.record_posted(post_id, post_id, "u", 0.0, posted_at)
    assert queue(project, now=posted_at + timedelta(days=89))["recycled"] == []
    later = posted_at + timedelta(days=91)
    recycled = queue(project, now=later)["recycled"]
    assert [r["id"] for r in recycled] == ["alpha/t1~2", "alpha/t2~2"]
    assert queue(project, now=later)["recycled"] == []  # the queue is not dry any more
    assert [r["id"] for r in plan(project, now=later)] == ["alpha/t1~2", "alpha/t2~2"]


def test_queue_and_plan_on_the_command_line(root, cli):
    write_campaign(root, "alpha", [{"id": "t1", "section": "A"}, {"id": "t2", "section": "B"}])
    first = cli("queue", "--json", "--now", "2026-12-01T09:00", cwd=root)
    assert first.code == 0, first
    assert [q["id"] for q in json.loads(first.out)["queued"]] == ["alpha/t1", "alpha/t2"]
    second = cli("queue", "--now", "2026-12-01T09:00", cwd=root)
    assert second.code == 0 and "2 already queued, unchanged" in second.out
    shown = cli("plan", "--json", "--now", "2026-12-01T09:00", "--days", "7", cwd=root)
    assert shown.code == 0, shown
    rows = json.loads(shown.out)["posts"]
    assert [set(r) for r in rows] == [{"id", "at", "status", "text", "card", "alt_text", "weighted_length",
                                   "network", "limit", "how", "note", "held"}] * 2
    assert [(r["note"], r["held"]) for r in rows] == [("", "")] * 2  # both go out as queued
    assert rows[0]["at"] == "2026-12-02T09:00:00-05:00"
    assert rows[0]["weighted_length"] <= 280
    table = cli("plan", "--now", "2026-12-01T09:00", cwd=root)
    assert table.code == 0 and "of alpha" in table.out and " t1 " in table.out and "Wed 12-02 09:00" in table.out


def test_cards_when_the_cards_stage_exists(root):
    write_campaign(root, "alpha", [{"id": "t1"}])
    queue(root)
    row = plan(root)[0]
    try:
        import scheduler.cards.render  # noqa: F401
    except ImportError:
        assert (row["card"], row["alt_text"]) == (None, None)
    else:
        assert row["card"].endswith(".png") and Path(row["card"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "T1." in row["alt_text"]


def test_a_networks_own_text_too_long_is_the_one_the_warning_says_to_shorten(project):
    write_schedule(project, text=SCHEDULE.replace("PUBLISHER", "outbox").replace("RECYCLE", "null").replace(
        "account: {handle: junocounseling, publisher: outbox}",
        "accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
        "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}"))
    path = write_campaign(project, "alpha", [{"id": "own"}, {"id": "other"}])
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - id: own") + 3
    lines.insert(at, f"    texts: {{bluesky: {json.dumps('Listen first, then answer. ' * 14)}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = queue(project)
    messages = {row["id"]: row["message"] for row in report["too_long"]}
    assert "shorten its own text for bluesky (texts: bluesky:)" in messages["alpha/own@bluesky"]
    assert "give it" not in messages["alpha/own@bluesky"]
    assert [row["id"] for row in report["too_long"]] == ["alpha/own@bluesky"]


def test_queue_quiet_prints_only_what_needs_a_person(project, cli):
    """A user trial: `queue -q` printed every "queued ..." line, though the README says -q shows only errors."""
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": f"t{i}", "section": f"S{i}"} for i in range(6)]
                   + [{"id": "flagged", "section": "S9", "review": ["sensitive"]}])
    now = "2026-12-01T12:00:00+00:00"
    quiet = cli("--root", str(project), "queue", "-q", "--now", now)
    assert quiet.code == 0, quiet
    assert quiet.out.splitlines() == [line for line in quiet.out.splitlines() if line.startswith("held alpha/flagged")]
    assert len(quiet.out.splitlines()) == 1
    again = cli("--root", str(project), "queue", "--now", now)  # unchanged now: says so without -q
    assert "6 already queued, unchanged" in again.out and "held alpha/flagged" in again.out
    assert cli("--root", str(project), "queue", "-q", "--now", now).out.splitlines() == quiet.out.splitlines()


def test_queue_again_says_how_many_are_queued_and_how_many_already_out(project, cli):
    """A user trial: `6 already queued` when 5 were queued and 1 had gone out."""
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": f"t{i}", "section": f"S{i}"} for i in range(6)])
    now = "2026-12-01T12:00:00+00:00"
    first = json.loads(cli("--root", str(project), "queue", "--now", now, "--json").out)["queued"]
    ran = cli("--root", str(project), "run-due", "--now", first[0]["at"], cwd=project)
    assert ran.code == 0 and ran.out.startswith(f"simulated, not posted {first[0]['id']}"), ran
    again = cli("--root", str(project), "queue", "--now", first[0]["at"])
    assert again.code == 0 and again.out.splitlines() == ["5 already queued, 1 already posted, unchanged"], again
    report = json.loads(cli("--root", str(project), "queue", "--now", first[0]["at"], "--json").out)
    assert report["unchanged"] == 6 and report["unchanged_as"] == {"queued": 5, "posted": 1}


def test_approve_warns_of_each_tip_too_long_and_queue_names_each_on_its_own_line(project, cli):
    """A user trial: four 'would be N characters' errors joined into one line by ';' at `queue`, and nothing at
    `approve`. Queue stays all or nothing (docs/queue.md) and its last line says so."""
    write_schedule(project)
    long = "This tip goes on and on about one small thing. " * 6
    write_campaign(project, "alpha", [{"id": "t0", "status": "draft"}, {"id": "t1", "text": long, "status": "draft"},
                                      {"id": "t2", "text": long + "More.", "status": "draft"}])
    approved = cli("--root", str(project), "approve", "alpha")
    assert approved.code == 0, approved
    warned = [line for line in approved.out.splitlines() if line.startswith("warning: ")]
    assert [line.split(":")[1].strip() for line in warned] == ["alpha/t1", "alpha/t2"], approved.out
    assert all(re.search(r": on x it would be \d{3} characters as X counts them .*, over 280; shorten it", line)
               for line in warned), approved.out

    queued = cli("--root", str(project), "queue", "--now", "2026-12-01T12:00:00+00:00")
    lines = queued.err.splitlines()
    assert queued.code == 2 and len(lines) == 3, queued
    assert [re.match(r"error: posts/alpha\.yaml:\d+:\d+: tips\[(\d)\]\.text: tip 't\1' would be", line) is not None
            for line in lines[:2]] == [True, True], queued.err
    assert lines[2] == "error: nothing was queued: fix these 2 tips, or set their status: skip"
    assert ";" not in lines[0].split("would be", 1)[1].split("; shorten", 1)[0]  # one tip, one line
    assert json.loads(cli("--root", str(project), "plan", "--json", "--now", "2026-12-01T12:00").out)["posts"] == []


def test_an_updated_post_says_when_it_goes_out_moved_or_not(root, cli):
    """User trial: `queue`'s "updated" line did not say when the post now goes out. It says the time in the
    practice's zone, as the queued lines do: the new one for a post pinned elsewhere, the same one for an edit."""
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    write_campaign(root, "alpha", [{"id": "t1", "text": "Tip t1 in new words, kinder still."},
                                   {"id": "t2", "at": "2026-12-09T09:00"}])
    result = cli("queue", "--now", "2026-12-01T09:00", cwd=root)
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert "updated alpha/t1 (text, weighted_length), goes out Wed 2026-12-02 09:00" in lines, result.out
    assert "updated alpha/t2 (due_at, pinned), goes out Wed 2026-12-09 09:00" in lines, result.out
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2", "at": "2026-12-09T09:00"}])
    report = json.loads(cli("queue", "--now", "2026-12-01T09:00", "--json", cwd=root).out)
    assert report["updated"] == [{"id": "alpha/t1", "changed": ["text", "weighted_length"],  # a field added
                                  "at": "2026-12-02T09:00:00-05:00"}]


def test_plan_names_every_campaign_queued_in_its_title(root, cli):
    """User trial: with two campaigns queued, plan's title named one (the only one in the days shown). It names
    them all, and the posts keep their campaign in their ids; too many to fit the terminal's line: "of N campaigns"."""
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    write_campaign(root, "beta", [{"id": "t1"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    soon = cli("plan", "--days", "2", "--now", "2026-12-01T09:00", cwd=root)
    assert soon.code == 0 and soon.out.splitlines()[0].strip() == "The next 2 days of alpha and beta", soon
    assert "alpha/t1" in soon.out and "beta/" not in soon.out, soon  # beta's post goes out later
    month = cli("plan", "--days", "30", "--now", "2026-12-01T09:00", cwd=root)
    assert month.out.splitlines()[0].strip() == "The next 30 days of alpha and beta", month
    for slug in ("when-your-partner-says-no-to-counseling", "how-to-talk-about-couples-therapy-without-a-fight"):
        write_campaign(root, slug, [{"id": "t1"}])
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    many = cli("plan", "--days", "30", "--now", "2026-12-01T09:00", cwd=root)  # 80 columns
    assert many.out.splitlines()[0].strip() == "The next 30 days of 4 campaigns", many
    assert "alpha/t1" in many.out and "beta/t1" in many.out, many  # each row names its own campaign
