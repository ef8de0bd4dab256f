"""approve: a campaign's unflagged drafts, or tips by id; flags acknowledged, never removed; every change audited."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import yaml

from scheduler import audit, open_project

NOW = "2026-12-01T09:00"
SLUG = "what-to-do-when-one-partner-wants-counseling"
TRAUMA = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles" / "real" / "02-nimh-coping-with-traumatic-events.md"


def tips_of(project):
    return {t["id"]: t for t in yaml.safe_load((project / "posts" / f"{SLUG}.yaml").read_text())["tips"]}


def flag_one(project, tip_id: str, flag: str = "sensitive") -> None:
    path = project / "posts" / f"{SLUG}.yaml"
    data = yaml.safe_load(path.read_text())
    for tip in data["tips"]:
        tip["status"] = "draft"
        if tip["id"] == tip_id:
            tip["review"] = [flag]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def test_approving_a_campaign_approves_unflagged_drafts_and_names_the_flagged_ones(project, cli):
    first = next(iter(tips_of(project)))
    flag_one(project, first)
    result = cli("approve", SLUG, "--now", NOW, "--json", cwd=project)
    assert result.code == 0, result
    (report,) = json.loads(result.out)["campaigns"]
    assert report["held"] == {first: ["sensitive"]}
    assert first not in report["approved"] and len(report["approved"]) == len(tips_of(project)) - 1
    tips = tips_of(project)
    assert tips[first]["status"] == "draft" and tips[first]["review"] == ["sensitive"]
    assert all(t["status"] == "approved" for tid, t in tips.items() if tid != first)


def test_a_flagged_tip_needs_its_flag_acknowledged_and_keeps_it(project, cli):
    first = next(iter(tips_of(project)))
    flag_one(project, first)
    refused = cli("approve", first, "--now", NOW, cwd=project)
    assert refused.code == 1 and refused.out == f"{SLUG}: 0 approved, 1 refused\n", refused
    assert refused.err == (f"error: {first} is flagged sensitive; review it, then: juno-scheduler approve {first} "
                           "--ack sensitive (it goes out with the crisis footer); or, if the flag is wrong, delete "
                           f"sensitive from its review: list (posts/{SLUG}.yaml:18:3) and approve it\n"
                           )  # a flag a person wrote by hand has no words to name; the place is its review: list
    assert tips_of(project)[first]["status"] == "draft"
    done = cli("approve", first, "--ack", "sensitive", "--now", NOW, cwd=project)
    assert done.code == 0, done
    tip = tips_of(project)[first]
    assert (tip["status"], tip["review"], tip["reviewed"]) == ("approved", ["sensitive"], ["sensitive"])


def test_approving_a_skipped_tip_by_name_says_it_takes_it_back(project, cli):
    """User trial 6: `approve` of a tip she had set to `status: skip` answered only with its sensitive flag, and
    once acknowledged approved it in silence: naming a skipped tip takes it back, and the manager is told so."""
    first, second = list(tips_of(project))[:2]
    flag_one(project, first)
    path = project / "posts" / f"{SLUG}.yaml"
    data = yaml.safe_load(path.read_text())
    for tip in data["tips"]:
        if tip["id"] in (first, second):
            tip["status"] = "skip"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    refused = cli("approve", first, "--now", NOW, cwd=project)
    assert refused.code == 1
    assert refused.err.startswith(f"error: {first} is skipped (status: skip), so approving it takes it back; it is "
                                  "flagged sensitive; review it, then: "), refused
    assert tips_of(project)[first]["status"] == "skip"
    done = cli("approve", first, second, "--ack", "sensitive", "--now", NOW, cwd=project)
    assert done.code == 0, done
    assert f"note: {first} was skipped (status: skip): approving it took it back" in done.out.splitlines()
    plain = cli("approve", second, "--now", NOW, cwd=project)  # already approved by the line above: nothing to say
    assert "was skipped" not in plain.out
    assert tips_of(project)[first]["status"] == tips_of(project)[second]["status"] == "approved"


def test_mistakes_are_one_line_and_change_nothing(project, cli):
    before = (project / "posts" / f"{SLUG}.yaml").read_bytes()
    for args, says in ((("no-such-tip",), "no campaign or tip 'no-such-tip'"),
                       ((SLUG, "--ack", "sensitive"), "--ack applies to tips you name one by one"),
                       ((SLUG + "/nope",), "no tip"),
                       (("x", "--ack", "sensitiv"), "not a review flag")):
        result = cli("approve", *args, "--now", NOW, cwd=project)
        assert result.code == 2 and result.err.count("\n") == 1 and says in result.err, (args, result)
    assert (project / "posts" / f"{SLUG}.yaml").read_bytes() == before


def test_a_refused_approve_writes_nothing_at_all(project, cli):
    """A user trial: `approve T1 T2 --ack sensitive`, T1 flagged privacy too, exited 1 but had recorded the
    acknowledgements (and approved T2): a command that refuses writes nothing."""
    tips = iter(tips_of(project))
    both, sensitive, plain = next(tips), next(tips), next(tips)
    path = project / "posts" / f"{SLUG}.yaml"
    data = yaml.safe_load(path.read_text())
    for tip in data["tips"]:
        tip["status"] = "draft"
        tip["review"] = {both: ["sensitive", "privacy"], sensitive: ["sensitive"]}.get(tip["id"], [])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    before = path.read_bytes()

    result = cli("approve", both, sensitive, plain, "--ack", "sensitive", "--now", NOW, cwd=project)
    assert result.code == 1, result
    assert result.out == f"{SLUG}: 0 approved, 1 refused, 2 not approved as the command was refused: nothing was written\n"
    assert result.err.startswith(f"error: {both} is flagged sensitive and privacy; review it, then: "
                                 f"juno-scheduler approve {both} --ack sensitive,privacy (it goes out with the crisis "
                                 "footer); or, if a flag is wrong, delete sensitive or privacy from its review: list "
                                 f"(posts/{SLUG}.yaml:"), result
    assert path.read_bytes() == before and audit.entries(project) == []
    done = cli("approve", both, sensitive, plain, "--ack", "sensitive,privacy", "--now", NOW, cwd=project)
    assert done.code == 0 and done.out.startswith(f"{SLUG}: 3 approved\n"), done


def test_a_name_that_is_not_there_gets_the_closest_one(project, cli):
    """A user trial: a tip id typed with one letter wrong got "no campaign or tip", and the list of campaigns."""
    for name, says in (("patience-mater", ("no campaign or tip 'patience-mater'; did you mean 'patience-matters' "
                                          f"(a tip of {SLUG})?")),
                       (f"{SLUG}/patience-mater", f"no tip 'patience-mater' in {SLUG}; did you mean 'patience-matters'?"),
                       (SLUG[:-2], f"no campaign or tip {SLUG[:-2]!r}; did you mean {SLUG!r}?"),
                       (f"{SLUG[:-2]}/patience-matters", f"no campaign {SLUG[:-2]!r}; did you mean {SLUG!r}?"),
                       ("zzz", f"no campaign or tip 'zzz'; campaigns: {SLUG}")):
        result = cli("approve", name, "--now", NOW, cwd=project)
        assert (result.code, result.err) == (2, f"error: {says}\n"), result
    assert cli("approve", SLUG, "--now", NOW, cwd=project).code == 0
    assert cli("queue", "--now", NOW, cwd=project).code == 0
    skipped = cli("skip", "patience-mater", cwd=project)
    assert (skipped.code, skipped.err) == (2, "error: no post 'patience-mater'; did you mean 'patience-matters'?\n")
    archived = cli("archive", SLUG[:-2], "--now", NOW, cwd=project)
    assert archived.code == 2 and archived.err == (f"error: posts/{SLUG[:-2]}.yaml: no such campaign to archive; "
                                                   f"did you mean {SLUG!r}?\n"), archived


def test_every_approval_is_a_line_in_the_audit_log_that_the_studio_can_undo(project, cli):
    first = next(iter(tips_of(project)))
    flag_one(project, first)
    assert cli("approve", first, "--ack", "sensitive", "--now", NOW, cwd=project).code == 0
    (entry,) = [e for e in audit.entries(project) if e["tip"] == first]
    assert (entry["by"], entry["what"], entry["campaign"]) == ("cli", "approve", SLUG)
    assert entry["before"]["status"] == "draft" and entry["after"]["status"] == "approved"
    assert entry["after"]["reviewed"] == ["sensitive"]
    undone = open_project(project).undo(now=datetime(2026, 12, 1, 15, tzinfo=UTC))
    assert undone is not None and undone.id == entry["id"]
    tip = tips_of(project)[first]
    assert tip["status"] == "draft" and tip.get("reviewed", []) == [] and tip["review"] == ["sensitive"]


def test_approve_ready_takes_only_the_tips_split_marked_ready(project, cli):
    """The manager approves what split judged postable in one step; the rest stay drafts, counted."""
    tips = tips_of(project)
    ready = {tid for tid, t in tips.items() if t.get("ready") is True}
    waiting = set(tips) - ready
    assert ready and waiting, "the bundled campaign has tips of both kinds"
    result = cli("approve", SLUG, "--ready", "--now", NOW, "--json", cwd=project)
    assert result.code == 0, result
    (report,) = json.loads(result.out)["campaigns"]
    assert set(report["approved"]) == ready and set(report["not_ready"]) == waiting
    after = tips_of(project)
    assert {tid for tid, t in after.items() if t["status"] == "approved"} == ready
    assert all(after[tid]["status"] == "draft" and after[tid]["notes"] for tid in waiting)
    text = cli("approve", SLUG, "--ready", "--now", NOW, cwd=project)
    assert f"{len(ready)} already approved" not in text.out and "not ready (read their notes)" in text.out


def test_project_approves_the_ready_tips_for_the_studio(project):
    from scheduler import open_project

    tips = tips_of(project)
    (result,) = open_project(project).approve([SLUG], now=datetime(2026, 12, 1, 9, tzinfo=UTC), ready_only=True)
    assert set(result.approved) == {tid for tid, t in tips.items() if t.get("ready") is True}


def test_approve_says_what_to_do_next_and_only_when_something_was_approved(project, cli):
    """A user trial: `approve` printed "20 approved" and nothing else, and the tips then sat unqueued (the studio
    queues at once; the command line leaves it to `queue`). It names the next step, and run-due's part."""
    first = cli("approve", SLUG, "--now", NOW, cwd=project)
    assert first.code == 0 and first.out.splitlines()[-1].startswith("next: `juno-scheduler queue` gives the approved")
    again = cli("approve", SLUG, "--now", NOW, cwd=project)  # nothing new approved: no next step to take
    assert again.code == 0 and "next:" not in again.out
    queued = cli("queue", "--now", NOW, cwd=project)
    assert queued.code == 0 and cli("plan", "--json", "--now", NOW, "--days", "90", cwd=project).out.count('"id"') > 0


def test_on_a_trauma_article_approve_says_what_holds_each_tip_and_one_command_approves_them(project, cli):
    """A user trial: approving a flagged tip said "0 approved" and exited 0, and never said why it was held."""
    shutil.copy(TRAUMA, project / "posts" / "articles" / TRAUMA.name)
    assert cli("split", f"posts/articles/{TRAUMA.name}", cwd=project).code == 0
    one, two, plain = ("a-traumatic-event-is-a-shocking-scary", "physical-symptoms-may-include-having-headaches",
                       next(iter(tips_of(project))))
    before = (project / "posts" / f"{TRAUMA.stem}.yaml").read_bytes()

    alone = cli("approve", one, "--now", NOW, cwd=project)
    assert alone.code == 1 and alone.out == f"{TRAUMA.stem}: 0 approved, 1 refused\n", alone
    assert alone.err == (f"error: {one} is flagged sensitive (“traumatic event” in the text and under the heading "
                         f"“How do people respond to traumatic events?”); review it, then: juno-scheduler approve {one} "
                         "--ack sensitive (it goes out with the crisis footer); or, if the flag is wrong, delete "
                         f"sensitive from its review: list (posts/{TRAUMA.stem}.yaml:15:13) and approve it\n")
    assert (project / "posts" / f"{TRAUMA.stem}.yaml").read_bytes() == before

    plain_before = (project / "posts" / f"{SLUG}.yaml").read_bytes()
    mixed = cli("approve", plain, one, two, "--now", NOW, "--json", cwd=project)  # refused: all or nothing
    assert mixed.code == 1, mixed
    reports = {r["campaign"]: r for r in json.loads(mixed.out)["campaigns"]}
    assert reports[SLUG]["approved"] == [] and reports[SLUG]["withheld"] == [plain]
    assert (project / "posts" / f"{SLUG}.yaml").read_bytes() == plain_before
    assert reports[TRAUMA.stem]["approved"] == [] and reports[TRAUMA.stem]["refused"] == [one, two]
    assert reports[TRAUMA.stem]["why"][two] == "sensitive (under the heading “How do people respond to traumatic events?”)"
    errors = mixed.err.splitlines()
    assert [line.split()[1] for line in errors[:2]] == [one, two]
    assert errors[2] == f"once you have read all 2: juno-scheduler approve {one} {two} --ack sensitive"
    done = cli(*errors[2].split(": ", 1)[1].split()[1:], "--now", NOW, cwd=project)  # typed as it is said
    assert done.code == 0 and done.out.startswith(f"{TRAUMA.stem}: 2 approved\n"), done

    swept = cli("approve", TRAUMA.stem, "--now", NOW, cwd=project)  # a campaign: its flagged drafts wait
    assert swept.code == 0 and not swept.err, swept
    lines = swept.out.splitlines()
    assert lines[0] == f"{TRAUMA.stem}: 0 approved"
    suicide = "people-who-experience-traumatic-events-may-experience"  # read alone, first, with its own command
    assert lines[1].startswith(f"{suicide} waits: it speaks of suicide: read it alone; check the crisis footer; ")
    assert lines[2].startswith("it-is-natural-to-feel-afraid-during waits: it is flagged sensitive (“traumatic situation”")
    assert lines[-1].startswith("once you have read the other 15: juno-scheduler approve it-is-natural-to-feel-afraid-during ")
    assert suicide not in lines[-1]


def test_approving_a_campaign_says_how_many_of_those_approved_were_not_marked_ready(project, cli):
    """A user trial: `approve CAMPAIGN` printed "4 approved" although all four were `ready: false` with notes."""
    tips = tips_of(project)
    unready = {tid for tid, t in tips.items() if t.get("ready") is not True}
    assert unready and len(unready) < len(tips), "the bundled campaign has tips of both kinds"
    result = cli("approve", SLUG, "--now", NOW, cwd=project)
    assert result.code == 0, result
    assert result.out.splitlines()[0] == (
        f"{SLUG}: {len(tips)} approved ({len(unready)} not marked ready: read them and their notes in "
        f"`juno-scheduler studio` or posts/{SLUG}.yaml before `juno-scheduler queue`; "
        f"`juno-scheduler approve {SLUG} --ready` approves only the ready ones)"), result.out
    flag_one(project, next(iter(tips)))  # every tip a draft again, one flagged
    (report,) = json.loads(cli("approve", SLUG, "--now", NOW, "--json", cwd=project).out)["campaigns"]
    assert set(report["unready"]) == unready - set(report["held"]) and set(report["unready"]) <= set(report["approved"])
    flag_one(project, "no-such-tip")  # every tip a draft again
    named = cli("approve", min(unready), "--now", NOW, cwd=project)  # named one by one: a person chose it
    assert named.code == 0 and named.out.splitlines()[0] == f"{SLUG}: 1 approved", named.out


def flag_approved(project, tip_id: str, flag: str) -> None:
    """`status: approved` in the file on a flagged tip, as split's last line tells a manager to type."""
    path = project / "posts" / f"{SLUG}.yaml"
    data = yaml.safe_load(path.read_text())
    for tip in data["tips"]:
        if tip["id"] == tip_id:
            tip["status"], tip["review"] = "approved", [flag]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def test_queue_names_the_command_that_frees_a_held_tip_and_approve_says_it_acknowledged_it(project, cli):
    """A user trial: `queue` said "list the flag under reviewed: (approve --ack FLAG)" with no tip in the command,
    and `approve X --ack sensitive` on the approved tip printed "0 approved, 1 already approved" although it had
    recorded the acknowledgement."""
    first = next(iter(tips_of(project)))
    flag_approved(project, first, "sensitive")
    queued = cli("queue", "--now", NOW, cwd=project)
    assert queued.code == 0, queued
    (held,) = [line for line in queued.out.splitlines() if line.startswith("held ")]
    assert held == (f"held {SLUG}/{first}: approved but flagged sensitive and not acknowledged; read it, then: "
                    f"juno-scheduler approve {SLUG}/{first} --ack sensitive"), held
    command = held.split("then: juno-scheduler ", 1)[1].split()
    done = cli(*command, "--now", NOW, cwd=project)  # the command exactly as queue gave it
    assert done.code == 0, done
    assert done.out.splitlines() == [f"{SLUG}: 1 acknowledged (sensitive)",
                                     ("next: `juno-scheduler queue` gives the approved tips their slots "
                                      "(run-due posts only queued ones)")], done.out
    tip = tips_of(project)[first]
    assert (tip["status"], tip["review"], tip["reviewed"]) == ("approved", ["sensitive"], ["sensitive"])
    again = cli(*command, "--now", NOW, cwd=project)  # nothing new to acknowledge
    assert again.code == 0 and again.out == f"{SLUG}: 0 approved, 1 already approved\n", again.out
    requeued = cli("queue", "--now", NOW, cwd=project)
    assert requeued.code == 0 and "held " not in requeued.out, requeued.out


GRIEF = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles" / "grief-after-losing-a-parent.md"


def test_tips_under_a_heading_of_suicide_are_read_alone_and_never_in_the_command_for_the_rest(project, cli):
    """A user trial: approve's one ready-made command for twelve grief tips held the two under the heading "When
    grief turns into thoughts of suicide"; a tired manager pastes it. Those come first, each with its own command."""
    shutil.copy(GRIEF, project / "posts" / "articles" / GRIEF.name)
    assert cli("split", f"posts/articles/{GRIEF.name}", cwd=project).code == 0
    suicide = ["tell-one-person-today", "notice-the-warning-signs-in-others"]

    swept = cli("approve", GRIEF.stem, "--now", NOW, cwd=project)
    assert swept.code == 0, swept
    lines = swept.out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == suicide
    for tip, line in zip(suicide, lines[1:3], strict=True):
        # "When grief turns into thoughts of suicide, tell one person today.": the tip now carries its heading's words
        assert line.startswith(f"{tip} waits: it speaks of suicide: read it alone; check the crisis footer; it is "
                               "flagged sensitive")
        assert line.endswith(f"then: juno-scheduler approve {tip} --ack sensitive")
    (batch,) = [line for line in lines if line.startswith("once you have read")]
    waiting = [line for line in lines if " waits: " in line]
    assert batch.startswith(f"once you have read the other {len(waiting) - 2}: juno-scheduler approve ")
    assert not any(tip in batch.split() for tip in suicide)
    assert "grief-is-not-only-sadness" in batch.split()

    named = cli("approve", "grief-is-not-only-sadness", suicide[1], "keep-a-simple-routine", suicide[0], "--now", NOW,
                cwd=project)  # refused: the suicide tips first, and not in the command for the other two
    assert named.code == 1, named
    errors = named.err.splitlines()
    assert [line.split()[1] for line in errors[:2]] == suicide
    assert errors[-1] == ("once you have read the other 2: juno-scheduler approve grief-is-not-only-sadness "
                          "keep-a-simple-routine --ack sensitive")
    report = json.loads(cli("approve", GRIEF.stem, "--now", NOW, "--json", cwd=project).out)["campaigns"][0]
    assert report["alone"] == dict.fromkeys(suicide, "speaks of suicide")


def test_a_tip_that_sits_under_a_heading_of_suicide_without_its_words_is_read_alone_too(project, cli):
    """A statement under such a heading keeps its own words (no condition is put in front of a statement:
    docs/splitting.md, Rewrites, "Conditions"); the heading alone still sends it to be read alone."""
    article = project / "posts" / "articles" / "listening-when-it-is-serious.md"
    article.write_text("# Listening when it is serious\n\n## When someone talks about suicide\n\n"
                       "Most people who say it out loud want to be heard more than they want advice.\n",
                       encoding="utf-8")
    assert cli("split", f"posts/articles/{article.name}", cwd=project).code == 0
    report = json.loads(cli("approve", article.stem, "--now", NOW, "--json", cwd=project).out)["campaigns"][0]
    assert list(report["alone"].values()) == ["sits under a heading that speaks of suicide"], report
