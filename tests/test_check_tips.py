"""`check` reads the approved tips as `queue` will: what it would refuse or leave out, and a pin the clocks skip."""

from __future__ import annotations

import json
import re

from queue_helpers import BUNDLED, BUNDLED_TIP, NOW, approve_bundled_tip

from tests.conftest import tips_by_id


def failing(result) -> list[str]:
    return [line for line in result.out.splitlines() if line.startswith("FAIL")]


def test_an_approved_tip_too_long_for_its_network_is_one_line_naming_file_tip_and_remedy(cli, project):
    assert cli("check", *NOW, cwd=project).code == 0
    approve_bundled_tip(project, text=f'"{"Reluctance is not refusal. " * 12}"')
    result = cli("check", *NOW, cwd=project)
    assert result.code == 2, result
    [line] = failing(result)
    assert f"posts/{BUNDLED}.yaml:" in line and f"tip '{BUNDLED_TIP}' would be" in line, line
    assert "over 280 on x" in line and "shorten it or give it texts: {x: ...}" in line, line


def test_a_tip_too_long_for_x_only_is_a_warning_as_queue_says_it_not_a_failure(cli, project):
    """queue puts it on the other networks with a warning (exit 0): check agrees, a `warn` line and exit 0, also for
    `check x` (trial 3, finding 5: FAIL and exit 2, though posting went on as the manager meant)."""
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace(
        "account:\n  handle: junocounseling        # without the @\n  publisher: outbox ",
        "accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
        "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}\n  #"), encoding="utf-8")
    approve_bundled_tip(project, text=f'"{"Reluctance is not refusal. " * 10}"')  # over X's 280, within Bluesky's 300
    for args in ((), ("x",)):
        result = cli("check", *args, *NOW, cwd=project)
        assert result.code == 0 and not failing(result), result
        [line] = [line for line in result.out.splitlines() if line.startswith("warn")] or [result.out]
        assert f"tip '{BUNDLED_TIP}' would be" in line and "over 280 on x; queue puts it on bluesky only" in line, line
    queued = cli("queue", *NOW, cwd=project)
    assert queued.code == 0 and "queued on bluesky only" in queued.out + queued.err, queued


def test_alt_text_longer_than_a_network_takes_is_refused_with_its_place_by_check_and_queue(cli, project):
    """X refuses alt text over 1,000 characters, for good, after the card is uploaded (trial 3, finding 3: check,
    queue and run-due --dry-run said nothing)."""
    approve_bundled_tip(project, alt_text=f'"{"A long description. " * 60}"')
    for command in ("check", "queue"):
        result = cli(command, *NOW, cwd=project)
        assert result.code == 2, result
        said = result.out + result.err
        assert re.search(rf"posts/{BUNDLED}\.yaml:\d+:\d+: tips\[\d+\]\.alt_text: the alt text has 1,199 characters; "
                         r"X takes at most 1,000: shorten it", said), said


def test_an_approved_tip_pinned_on_a_blackout_day_is_one_line_and_exit_2(cli, project):
    approve_bundled_tip(project, at="2026-12-25T09:00")
    result = cli("check", *NOW, cwd=project)
    assert result.code == 2, result
    [line] = failing(result)
    assert f"posts/{BUNDLED}.yaml:" in line and f"tip '{BUNDLED_TIP}'" in line, line
    assert "2026-12-25 is a blackout date in posts/schedule.yaml; pin another day" in line, line


def test_a_pin_on_a_blackout_day_already_past_is_no_finding(cli, project):
    approve_bundled_tip(project, at="2026-12-25T09:00")
    assert cli("check", "--now", "2026-12-26T08:00", cwd=project).code == 0


def test_a_pin_the_clocks_skip_is_said_with_the_time_it_posts_at(cli, project):
    approve_bundled_tip(project, at="2027-03-14T02:30")
    said = "02:30 on 2027-03-14 does not exist in America/New_York (clocks go forward); posts at 03:30"
    result = cli("check", *NOW, cwd=project)
    assert result.code == 0, result
    [line] = [line for line in result.out.splitlines() if said in line]
    assert line.startswith("note") and f"posts/{BUNDLED}.yaml:" in line and f"tip '{BUNDLED_TIP}'" in line, line
    checks = json.loads(cli("check", "--json", *NOW, cwd=project).out)["checks"]
    assert next(c for c in checks if said in c["detail"])["note"] is True


def test_plan_names_a_queued_tip_pinned_to_a_blackout_day_as_check_does(cli, project):
    """A user trial: after pinning a queued tip to a blackout day, plan said `held: edited` (its tip was edited ...
    run queue), and queue then refused with the blackout error. Plan names the blackout pin, as check does."""
    approve_bundled_tip(project)
    assert cli("queue", *NOW, cwd=project).code == 0
    approve_bundled_tip(project, at="2026-12-25T09:00")
    rows = json.loads(cli("plan", "--json", *NOW, "--days", "60", cwd=project).out)["posts"]
    [row] = [row for row in rows if row["id"].endswith(BUNDLED_TIP)]
    assert row["held"] == "held: blackout pin", row
    assert "2026-12-25 is a blackout date in posts/schedule.yaml; pin another day" in row["note"], row
    assert "edited" not in row["note"], row
    text = cli("plan", *NOW, "--days", "60", cwd=project, env={"COLUMNS": "200"})
    assert "held: blackout pin" in text.out and "2026-12-25 is a blackout date" in text.out, text.out


def unready_named(result) -> list[str]:
    """The approved tips check's note names as not marked ready (none: no note)."""
    [line] = [line for line in result.out.splitlines() if "not marked ready" in line] or [""]
    return re.findall(rf"{BUNDLED}/[\w-]+", line)


def test_check_names_an_approved_unready_tip_only_until_it_is_queued_or_posted(cli, project):
    """A user trial: approved on purpose and queued, the tips split did not mark ready were named again at every
    `check`, even once posted. check says what queue would: those not in the queue yet, a tip approved later too."""
    unready = [tip_id for tip_id, tip in tips_by_id(project, BUNDLED).items()
               if tip["status"] == "draft" and tip.get("ready") is False and not tip.get("review")][:3]
    first, later = [f"{BUNDLED}/{tip_id}" for tip_id in unready[:2]], f"{BUNDLED}/{unready[2]}"
    assert cli("approve", *first, cwd=project).code == 0
    database = project / ".juno" / "juno.db"
    check = cli("check", *NOW, cwd=project)
    assert check.code == 0 and unready_named(check) == first, check
    assert not database.exists(), "check makes no database"

    queued = cli("queue", *NOW, "--json", cwd=project)
    assert queued.code == 0, queued
    check = cli("check", *NOW, cwd=project)
    assert check.code == 0 and unready_named(check) == [], check.out

    last = max(row["at"] for row in json.loads(queued.out)["queued"])
    assert cli("run-due", "--now", last, cwd=project).code == 0
    assert cli("approve", later, cwd=project).code == 0
    check = cli("check", "--now", last, cwd=project)
    assert check.code == 0 and unready_named(check) == [later], "the posted ones are not named, the new one is"


def test_check_names_every_approved_unready_tip_when_the_queue_cannot_be_read(cli, project):
    """A database check cannot read (damaged, or PostgreSQL down) fails its own line (run-due could not run) and
    stops nothing else: the note names them all."""
    [tip_id] = [tip_id for tip_id, tip in tips_by_id(project, BUNDLED).items()
                if tip["status"] == "draft" and tip.get("ready") is False and not tip.get("review")][:1]
    assert cli("approve", f"{BUNDLED}/{tip_id}", cwd=project).code == 0
    (project / ".juno").mkdir(exist_ok=True)
    (project / ".juno" / "juno.db").write_text("not a database\n", encoding="utf-8")
    for env in ({}, {"JUNO_DATABASE_URL": "postgresql://juno@127.0.0.1:9/juno?connect_timeout=2"}):
        check = cli("check", *NOW, cwd=project, env=env)
        assert check.code == 1 and unready_named(check) == [f"{BUNDLED}/{tip_id}"], check
        [failed] = [line for line in check.out.splitlines() if line.startswith("FAIL")]
        assert failed.startswith("FAIL  database       cannot use the database "), check


def test_plan_shows_an_edited_tips_new_length_not_the_length_it_was_queued_with(cli, project):
    """User trial 10: after the text was edited to 420 characters, plan said `held: edited 130/280`, the length it
    was queued with. Plan shows the words and length queue would give it now, and that they are over the limit."""
    approve_bundled_tip(project)
    assert cli("queue", *NOW, cwd=project).code == 0
    [queued] = [row for row in json.loads(cli("plan", "--json", *NOW, "--days", "60", cwd=project).out)["posts"]
                if row["id"].endswith(BUNDLED_TIP)]
    long_text = "Reluctance is not refusal. " * 15
    approve_bundled_tip(project, text=f'"{long_text.strip()}"')
    [row] = [row for row in json.loads(cli("plan", "--json", *NOW, "--days", "60", cwd=project).out)["posts"]
             if row["id"].endswith(BUNDLED_TIP)]
    assert row["held"] == "held: edited", row
    assert row["weighted_length"] > len(long_text.strip()) > queued["weighted_length"], (row, queued)
    assert long_text.strip() in row["text"], row
    assert f"it is {row['weighted_length']} " in row["note"] and "over 280" in row["note"], row
    text = cli("plan", *NOW, "--days", "60", cwd=project, env={"COLUMNS": "200"})
    assert f"{row['weighted_length']}/280" in text.out and f"{queued['weighted_length']}/280" not in text.out, text.out
