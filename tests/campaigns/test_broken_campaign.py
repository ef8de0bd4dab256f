"""One campaign file that does not read stops none of the others: every command that reads campaigns names it
once, on one line (file:line:col, what is wrong, what to do); queue and run-due do the rest and exit 2."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta

import pytest

SLUG = "what-to-do-when-one-partner-wants-counseling"
NOW = "2026-12-01T09:00"
LINE = re.compile(r"^(error|warning): posts/second\.yaml:(\d+):\d+: tips\[0\]\.status: unknown status 'maybe'.*; "
                  r"(its tips are left out until it reads|the other files' tips were queued, none of this file's; run "
                  r"`juno-scheduler queue` again once it is fixed)$")


def two_campaigns(project, cli, *, queued: bool) -> None:
    """The bundled campaign and a copy of it, posts/second.yaml, both approved (and queued); then second.yaml is
    broken by a typo, as a person editing it might."""
    shutil.copy(project / "posts" / f"{SLUG}.yaml", project / "posts" / "second.yaml")
    assert cli("approve", SLUG, "second", "--now", NOW, cwd=project).code == 0
    if queued:
        assert cli("queue", "--now", NOW, cwd=project).code == 0
    second = project / "posts" / "second.yaml"
    second.write_text(second.read_text().replace("status: approved", "status: maybe", 1))


def said_once(err: str, kind: str) -> None:
    lines = [line for line in err.splitlines() if "posts/second.yaml" in line]
    assert len(lines) == 1 and LINE.match(lines[0]) and LINE.match(lines[0]).group(1) == kind, err


def test_queue_queues_the_healthy_campaigns_names_the_broken_file_and_exits_2(project, cli):
    two_campaigns(project, cli, queued=False)
    result = cli("queue", "--now", NOW, cwd=project)
    assert result.code == 2, result
    said_once(result.err, "error")
    assert "the other files' tips were queued, none of this file's; run `juno-scheduler queue` again" in result.err
    assert f"queued {SLUG}/" in result.out and "second/" not in result.out
    again = cli("queue", "--now", NOW, "--json", cwd=project)
    report = json.loads(again.out)
    assert again.code == 2 and report["queued"] == [] and report["unchanged"] > 0
    assert [row["file"] for row in report["unreadable"]] == ["posts/second.yaml"]


def test_queue_of_the_only_campaign_broken_says_the_error_alone(project, cli):
    """A user trial: after the right `error: …: unknown status 'aproved'; did you mean 'approved'?` queue said
    `nothing to queue: no approved tips (set status: approved …)`, which the file may well have."""
    campaign = project / "posts" / f"{SLUG}.yaml"
    campaign.write_text(campaign.read_text().replace("status: draft", "status: aproved", 1))
    result = cli("queue", "--now", NOW, cwd=project)
    assert result.code == 2, result
    assert "did you mean 'approved'?" in result.err and result.err.count("\n") == 1, result.err
    assert "nothing to queue" not in result.out + result.err, result


def test_queue_names_the_tip_whose_headline_is_too_long_and_says_nothing_was_queued(project, cli):
    """A user check: a 130-character headline in an approved tip read "…; its tips are left out until it reads",
    which told a manager neither which tip nor whether anything had gone into the queue."""
    campaign = project / "posts" / f"{SLUG}.yaml"
    text = campaign.read_text(encoding="utf-8").replace("status: draft", "status: approved")
    old = "Reluctance doesn’t always mean refusal."
    long = old[:-1] + ", and a partner who says no today may say yes another day, once the fear behind it is heard."
    assert len(long) == 130
    campaign.write_text(text.replace(f'"{old}"', f'"{long}"', 1), encoding="utf-8")
    result = cli("queue", "--now", NOW, cwd=project)
    assert (result.code, result.out) == (2, ""), result
    line = (f"error: posts/{SLUG}.yaml:19:15: tips[1].headline: the headline has 130 characters, a card holds at "
            "most 120: shorten it (tip reluctance-doesnt-always-mean-refusal); nothing was queued; run "
            "`juno-scheduler queue` again once it is fixed\n")
    assert result.err == line
    assert json.loads(cli("queue", "--now", NOW, "--json", cwd=project).out)["queued"] == []


def test_queue_leaves_the_posts_of_a_broken_campaign_queued(project, cli):
    """Its posts are not orphans: the file is there, a person is fixing it."""
    two_campaigns(project, cli, queued=True)
    result = cli("queue", "--now", NOW, "--json", cwd=project)
    assert result.code == 2 and json.loads(result.out)["withdrawn"] == [], result
    plan = json.loads(cli("plan", "--json", "--now", NOW, "--days", "3660", cwd=project).out)["posts"]
    assert any(row["id"].startswith("second/") for row in plan) and any(row["id"].startswith(f"{SLUG}/") for row in plan)


@pytest.mark.parametrize("command", [("plan",), ("preview",), ("status",), ("cards",),
                                     ("approve", SLUG)])
def test_the_commands_that_show_name_the_broken_file_once_and_work_for_the_others(project, cli, command):
    two_campaigns(project, cli, queued=True)
    timed = () if command == ("cards",) else ("--now", NOW, *(("--days", "3660") if command == ("plan",) else ()))
    result = cli(*command, *timed, cwd=project)
    said_once(result.err, "error" if command == ("cards",) else "warning")
    assert result.code == (2 if command == ("cards",) else 0), result
    shown = cli(*command, *timed, "--json", cwd=project)
    data = json.loads(shown.out)
    if command != ("approve", SLUG):
        assert [row["file"] for row in data["unreadable"]] == ["posts/second.yaml"], shown.out
    if command == ("plan",):
        assert any(row["id"].startswith(f"{SLUG}/") for row in data["posts"])
        notes = [line for line in result.out.splitlines() if line.startswith("note: ")]
        assert len(notes) <= 1, result.out  # the held posts of the broken campaign: one line for them all


def test_run_due_posts_the_healthy_campaigns_names_the_broken_file_and_exits_2(project, cli):
    two_campaigns(project, cli, queued=True)
    posts = json.loads(cli("plan", "--json", "--now", NOW, "--days", "3660", cwd=project).out)["posts"]
    held = next(row for row in posts if row["id"].startswith("second/"))
    text = cli("run-due", "--now", held["at"], cwd=project)
    assert text.code == 2, text  # its post waits, reported; no post failed at a network
    assert "posts/second.yaml:" not in text.out, text  # named on stderr, as every command names it (docs/queue.md)
    lines = [line for line in text.err.splitlines() if "posts/second.yaml:" in line]
    assert len(lines) == 1 and lines[0].startswith("campaign not read: posts/second.yaml:"), text.err
    assert f"waits {held['id']}: its campaign file posts/second.yaml does not read" in text.out
    assert "failed " not in text.out  # it has not failed at a network: it waits for the file

    healthy = next(row for row in posts if row["id"].startswith(f"{SLUG}/"))
    dry = cli("run-due", "--dry-run", "--now", healthy["at"], cwd=project)
    assert dry.code == 2 and f"would post {healthy['id']}" in dry.out, dry
    ran = cli("run-due", "--now", healthy["at"], "--json", cwd=project)
    assert ran.code == 2, ran
    report = json.loads(ran.out)
    assert [row["id"] for row in report["posted"]] == [healthy["id"]]
    assert [row["file"] for row in report["unreadable"]] == ["posts/second.yaml"]


def test_posts_held_by_a_broken_file_keep_catch_up_min_gap_and_max_per_day_once_it_reads(project, cli):
    """A user trial: second.yaml broke before its posts' slots and was fixed days later; the posts it held went
    out four at once, then one more the same day (max_per_day 1, min_gap 3h). Held posts are like posts missed by
    an outage: those past catch_up move to the next free slots, and no day gets more than max_per_day."""
    two_campaigns(project, cli, queued=True)
    good = (project / "posts" / "second.yaml").read_text()
    posts = json.loads(cli("plan", "--json", "--now", NOW, "--days", "3660", cwd=project).out)["posts"]
    held = [row for row in posts if row["id"].startswith("second/")][:5]
    last = datetime.fromisoformat(held[-1]["at"]) + timedelta(minutes=1)  # the fifth held post's slot, days later
    waited = cli("run-due", "--now", last.isoformat(), "--json", cwd=project)
    assert waited.code == 2 and json.loads(waited.out)["posted"] == [], waited

    (project / "posts" / "second.yaml").write_text(good.replace("status: maybe", "status: approved", 1))
    fixed = last + timedelta(minutes=5)
    ran = json.loads(cli("run-due", "--now", fixed.isoformat(), "--json", cwd=project).out)
    later = json.loads(cli("run-due", "--now", fixed.replace(hour=23).isoformat(), "--json", cwd=project).out)
    out = ran["posted"] + later["posted"]
    assert len(out) <= 1, out  # max_per_day: 1
    moved = {row["id"] for row in ran["missed"]}
    assert {row["id"] for row in held[:4]} <= moved, ran  # their slots passed by more than catch_up (2h): moved
    assert all(datetime.fromisoformat(row["moved_to"]) > fixed for row in ran["missed"])
    assert {row["id"] for row in json.loads(waited.out)["waiting"]} >= {row["id"] for row in held}  # not "failed"


def test_plan_and_the_dry_run_say_what_will_happen_to_a_held_post(project, cli):
    """A user trial: the table showed held posts as `queued` while the note under it said they would not be sent,
    and `run-due --dry-run` called a post waiting on a broken file `failed`."""
    two_campaigns(project, cli, queued=True)
    healthy = project / "posts" / f"{SLUG}.yaml"
    healthy.write_text(healthy.read_text().replace("status: approved", "status: draft", 1))
    plan = cli("plan", "--now", NOW, "--days", "3660", cwd=project, env={"COLUMNS": "120"})
    rows = [line for line in plan.out.splitlines() if re.match(r"^\s*\w{3} \d\d-\d\d \d\d:\d\d ", line)]
    assert rows and all("waits: file" in line for line in rows if "second" in line.split()[3]), plan.out
    drafted = [line for line in rows if "held: draft" in line]
    assert len(drafted) == 1 and SLUG[:20] in drafted[0], plan.out
    assert sum("queued" in line for line in rows) == len(rows) - 1 - sum("waits: file" in line for line in rows)
    data = json.loads(cli("plan", "--json", "--now", NOW, "--days", "3660", cwd=project).out)["posts"]
    assert {row["held"] for row in data if row["id"].startswith("second/")} == {"waits: file"}

    first = next(row for row in data if row["id"].startswith("second/"))
    dry = cli("run-due", "--dry-run", "--now", first["at"], cwd=project)
    assert f"waits {first['id']}: its campaign file posts/second.yaml does not read" in dry.out, dry
    assert "failed" not in dry.out and dry.code == 2, dry


def test_a_post_held_by_a_broken_file_goes_at_the_next_run_once_the_file_reads(project, cli):
    """A user trial at 3 a.m.: a run found the campaign file mid-edit and held its post; the file was fixed, and
    plan and status showed the post queued at its slot while run-due said `nothing is due; next post at` two
    minutes on, and posted nothing, silently. Once the file reads, the next run posts it, as plan says."""
    two_campaigns(project, cli, queued=True)
    second = project / "posts" / "second.yaml"
    broken = second.read_text()
    posts = json.loads(cli("plan", "--json", "--now", NOW, "--days", "3660", cwd=project).out)["posts"]
    held = next(row for row in posts if row["id"].startswith("second/"))
    at = datetime.fromisoformat(held["at"])
    waited = cli("run-due", "--now", at.isoformat(), "--json", cwd=project)
    assert [row["id"] for row in json.loads(waited.out)["waiting"]] == [held["id"]], waited

    second.write_text(broken.replace("status: maybe", "status: approved", 1))
    minute = (at + timedelta(minutes=1)).isoformat()
    shown = json.loads(cli("plan", "--json", "--now", minute, cwd=project).out)["posts"]
    assert next(row for row in shown if row["id"] == held["id"])["at"] == held["at"]
    dry = cli("run-due", "--dry-run", "--now", minute, cwd=project)
    assert f"would post {held['id']}" in dry.out, dry
    ran = cli("run-due", "--now", minute, "--json", cwd=project)
    assert [row["id"] for row in json.loads(ran.out)["posted"]] == [held["id"]], ran
