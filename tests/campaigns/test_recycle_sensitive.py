"""A sensitive tip never comes round on its own (a manager's trial: a suicide-related tip went out again as
"In case you missed it: ..."): each repeat needs a person's OK given since it last went out
(`approve campaign/tip --ack repeat`), and it opens with plain words. Real SQLite files, every time passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from queue_helpers import post_everything, settings_for, write_campaign, write_schedule

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.posttext import SENSITIVE_LEAD_INS
from scheduler.store import open_store

NOW = datetime(2026, 12, 1, 14, tzinfo=UTC)  # Tuesday 09:00 in New York
TIPS = [{"id": "t1", "section": "T1"},
        {"id": "t2", "section": "T2", "text": "If you have thoughts of self-harm, reach out today.",
         "review": ["sensitive"], "reviewed": ["sensitive"]}]


def queue(root, now):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return queue_campaigns(settings, store, now)


def started(project, extra: str = "recycle: {most_times: 3}\n"):
    write_schedule(project, recycle="30d", extra=extra)
    write_campaign(project, "alpha", TIPS)
    queue(project, NOW)
    return post_everything(project)


def test_a_sensitive_tip_waits_for_an_ok_for_each_repeat_and_opens_plainly(project, cli):
    last = started(project)
    later = last + timedelta(days=31)
    assert [row["id"] for row in queue(project, later)["recycled"]] == ["alpha/t1~2"]  # not the sensitive one
    ok = cli("approve", "alpha/t2", "--ack", "repeat", "--now", later.isoformat(), cwd=project)
    assert ok.code == 0, ok
    assert "repeat_ok: " in (project / "posts" / "alpha.yaml").read_text(encoding="utf-8")
    post_everything(project)  # t1's repeat goes out: the queue is dry again
    [row] = queue(project, later + timedelta(hours=1))["recycled"]
    assert row["id"] == "alpha/t2~2"
    assert row["text"].startswith(f"{SENSITIVE_LEAD_INS[0]} If you have thoughts of self-harm")
    assert "In case you missed it" not in row["text"]
    assert "approve --ack repeat" in row["why"]
    second = post_everything(project)
    # the OK was for that repeat: the third time needs another, given after the second went out
    assert [row["id"] for row in queue(project, second + timedelta(days=31))["recycled"]] == ["alpha/t1~3"]
    assert cli("approve", "alpha/t2", "--ack", "repeat", "--now", (second + timedelta(days=31)).isoformat(),
               cwd=project).code == 0
    post_everything(project)
    [row] = queue(project, second + timedelta(days=32))["recycled"]
    assert row["id"] == "alpha/t2~3" and row["text"].startswith(SENSITIVE_LEAD_INS[1])


def test_run_due_does_not_bring_a_sensitive_tip_round_either(project, cli):
    last = started(project)
    assert cli("run-due", "--now", (last + timedelta(days=31)).isoformat(), cwd=project).code == 0
    with open_store(settings_for(project).database_url) as store:
        assert sorted(p.id for p in store.posts() if p.round == 2) == ["alpha/t1~2"]


def test_an_ok_given_before_it_went_out_is_no_ok_for_a_repeat(project, cli):
    write_schedule(project, recycle="30d")
    write_campaign(project, "alpha", TIPS)
    assert cli("approve", "alpha/t2", "--ack", "repeat", "--now", NOW.isoformat(), cwd=project).code == 0
    queue(project, NOW)
    last = post_everything(project)
    assert [row["id"] for row in queue(project, last + timedelta(days=31))["recycled"]] == ["alpha/t1~2"]


def test_a_repeat_ok_is_given_tip_by_tip_never_to_a_whole_campaign(project, cli):
    started(project)
    said = cli("approve", "alpha", "--ack", "repeat", cwd=project)
    assert said.code == 2 and "tips you name one by one" in said.err
    assert "repeat_ok" not in (project / "posts" / "alpha.yaml").read_text(encoding="utf-8")


def test_check_measures_a_sensitive_tip_with_the_plain_words_it_comes_round_with(project, cli):
    """A trial: `check` said a sensitive tip would not come round, measuring it after "In case you missed it:",
    while queue recycles it after "Shared again:" (shorter): check and queue now ask the same rule."""
    opening = "If you have thoughts of self-harm, reach out today. "
    plain = opening + "You are not alone in this. " * 4 + "Rest and sleep."  # 260 with its crisis footer
    cheery = opening.replace("self-harm", "anger") + "You are not alone in this. " * 6 + "Rest."  # 259
    write_schedule(project, recycle="30d")
    write_campaign(project, "alpha", [{"id": "t1", "section": "T1"}, {"id": "t2", "section": "T2", "text": plain,
                                                                     "review": ["sensitive"], "reviewed": ["sensitive"]},
                                      {"id": "t3", "section": "T3", "text": cheery}])
    checked = cli("check", "--now", NOW.isoformat(), cwd=project)
    assert checked.code == 0, checked.out
    assert "tip 't2' will not come round" not in checked.out, checked.out
    assert "tip 't3' will not come round a 2nd time on x: opening 'In case you missed it:'" in checked.out
    queue(project, NOW)
    last = post_everything(project)
    assert cli("approve", "alpha/t2", "--ack", "repeat", "--now", (last + timedelta(days=31)).isoformat(),
               cwd=project).code == 0
    recycled = [row["id"] for row in queue(project, last + timedelta(days=31))["recycled"]]
    assert "alpha/t2~2" in recycled and "alpha/t3~2" not in recycled  # as check said
