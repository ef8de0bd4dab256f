"""End to end through the CLI (real processes) against the fake X server: queue, run-due, and what
goes wrong on the way: the 24-hour limit, another account's credentials, 5xx answers, and a
process killed during an upload or between the post and its record.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import RELUCTANCE_TIP, drawn_project, fresh_copy, run_cli, seed_campaign
from fakex import FakeX
from schedules import daily_schedule

pytestmark = pytest.mark.slow

ZONE = ZoneInfo("America/New_York")
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = daily_schedule("""\
account: {handle: junocounseling, publisher: x}
""", """\
link: {mode: none}
hashtags: ["#CouplesCounseling"]
budget: {monthly_usd: 10}
""")
TIPS = seed_campaign(RELUCTANCE_TIP + """\
  - id: invite-rather-than-insist
    headline: "Invite rather than insist."
    text: "Invite rather than insist. A calm, specific request lands better than an ultimatum & a deadline."
    status: approved
    section: "How to Start the Conversation"
  - id: counseling-can-start-with-one
    headline: "Counseling can start with one partner."
    text: "Counseling can start with one partner. Changes in you can shift the whole relationship."
    status: approved
    section: "If Your Partner Still Says No"
""", url="null")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    """A project with three approved tips and their cards drawn (once for the module)."""
    root = drawn_project(tmp_path_factory.mktemp("x-template"), SCHEDULE, CAMPAIGN, TIPS)
    result = run_cli("queue", "--now", "2026-12-01T07:00", cwd=root)
    assert result.code == 0, result
    return root


@pytest.fixture(scope="module")
def planned(drawn) -> list[dict]:
    """What the queue holds: 09:00 and 12:00 on Tuesday 2026-12-01, 09:00 on Wednesday."""
    result = run_cli("plan", "--json", "--now", "2026-12-01T07:00", cwd=drawn)
    assert result.code == 0, result
    return json.loads(result.out)["posts"]


@pytest.fixture
def fx():
    with FakeX() as server:
        yield server


@pytest.fixture
def queued(drawn, tmp_path) -> Path:
    """A fresh copy of the queued project (its database included) for one test."""
    return fresh_copy(drawn, tmp_path)


def run_due(root: Path, fx: FakeX, now: str, *args, username: str = "junocounseling"):
    fx.set_now(epoch(now))  # X answers by its own clock: the same moment as the product's --now
    return run_cli("run-due", "--json", "--now", now, *args, cwd=root, env=fx.env(username))


def epoch(local: str) -> int:
    return int(datetime.fromisoformat(local).replace(tzinfo=ZONE).timestamp())


def sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_each_due_post_goes_out_with_its_card_and_alt_text(queued, planned, fx):
    assert [p["at"][:16] for p in planned] == ["2026-12-01T09:00", "2026-12-01T12:00", "2026-12-02T09:00"]

    for now in ("2026-12-01T09:01", "2026-12-01T12:01", "2026-12-02T09:01"):
        result = run_due(queued, fx, now)
        assert result.code == 0, result
        assert len(json.loads(result.out)["posted"]) == 1

    assert [p["text"] for p in fx.posts] == [p["text"] for p in planned]
    for made, wanted in zip(fx.posts, planned):
        [media] = made["media"]
        assert media["alt_text"] == wanted["alt_text"]
        assert media["sha256"] == sha256(wanted["card"])
    assert fx.count("GET /2/users/me") == 1  # the handle was checked once, then remembered

    again = run_due(queued, fx, "2026-12-02T09:30")
    assert again.code == 0 and json.loads(again.out)["posted"] == []
    assert len(fx.posts) == 3

    month = json.loads(run_cli("status", "--json", "--now", "2026-12-02T10:00", cwd=queued).out)["month"]
    assert month["posts"] == 3
    assert month["spent_usd"] == pytest.approx(3 * (0.015 + 0.005))  # no links; a card with alt text each


def test_the_24_hour_limit_defers_posts_to_the_next_day(queued, planned, fx):
    fx.limit_daily(1, reset_at=epoch("2026-12-02T08:00"))
    assert run_due(queued, fx, "2026-12-01T09:01").code == 0

    result = run_due(queued, fx, "2026-12-01T12:01")
    assert result.code == 0, result
    [deferred] = json.loads(result.out)["deferred"]
    assert deferred["id"] == planned[1]["id"]
    assert deferred["until"].startswith("2026-12-02T08:00")
    assert "24-hour" in deferred["reason"] and "2026-12-02 08:00 EST" in deferred["reason"]
    assert len(fx.posts) == 1

    fx.limit_daily(None)  # X's window rolls over at 08:00 tomorrow; nothing goes out before then
    later_today = run_due(queued, fx, "2026-12-01T13:00")
    assert json.loads(later_today.out)["posted"] == [] and len(fx.posts) == 1

    next_day = json.loads(run_due(queued, fx, "2026-12-02T08:01").out)
    assert [p["id"] for p in next_day["posted"]] == [planned[1]["id"]]
    third = json.loads(run_due(queued, fx, "2026-12-02T09:01").out)
    assert [p["id"] for p in third["posted"]] == [planned[2]["id"]]
    assert [p["text"] for p in fx.posts] == [p["text"] for p in planned]  # nothing lost, nothing twice


def test_credentials_of_another_handle_post_nothing(queued, fx):
    result = run_due(queued, fx, "2026-12-01T09:01", username="someoneelse")
    assert result.code == 3, result
    report = json.loads(result.out)
    assert "@someoneelse" in report["stopped"]["reason"]
    assert fx.posts == [] and fx.count("POST /2/media/upload") == 0

    still = run_due(queued, fx, "2026-12-01T12:01", username="someoneelse")
    assert still.code == 3 and fx.posts == [] and fx.count("GET /2/users/me") == 1


def test_server_errors_defer_a_post_and_never_drop_it(queued, planned, fx):
    fx.inject("POST /2/tweets", status=503, times=None)
    result = run_due(queued, fx, "2026-12-01T09:01")
    assert result.code == 0, result
    assert len(json.loads(result.out)["deferred"]) == 1
    fx.clear_faults()
    for now in ("2026-12-01T09:30", "2026-12-01T10:00"):
        run_due(queued, fx, now)
    assert [p["text"] for p in fx.posts] == [planned[0]["text"]]


def start_run_due(root: Path, fx: FakeX, now: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    env.update(fx.env())
    return subprocess.Popen([sys.executable, "-m", "scheduler", "run-due", "--now", now], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_when(process: subprocess.Popen, fx: FakeX, condition) -> None:
    try:
        assert fx.wait_for(condition, timeout=60), "the fake X never saw the call"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


@pytest.mark.parametrize("stage, route, seen", [
    ("during the upload", "POST /2/media/upload", lambda f: f.count("POST /2/media/upload") >= 1),
    ("between the post and its record", "POST /2/tweets", lambda f: len(f.posts) >= 1),
])
def test_a_process_killed_mid_post_leaves_no_duplicate_and_loses_nothing(queued, planned, fx, stage, route,
                                                                        seen):
    fx.inject(route, delay=60)  # X does the work, then answers too late: the process dies waiting
    fx.set_now(epoch("2026-12-01T09:01"))
    kill_when(start_run_due(queued, fx, "2026-12-01T09:01"), fx, seen)

    again = run_due(queued, fx, "2026-12-01T09:15")  # after the dead worker's lease ran out
    assert again.code == 0, again
    report = json.loads(again.out)
    first = planned[0]
    assert [p["text"] for p in fx.posts] == [first["text"]]
    assert report["posted"][0]["remote_id"] == fx.posts[0]["id"]
    assert fx.posts[0]["media"][0]["alt_text"] == first["alt_text"]
    # a post X already had is recorded when X made it, and said to be recovered; one posted now, at now
    recovered = stage == "between the post and its record"
    went_out = "2026-12-01T09:01" if recovered else "2026-12-01T09:15"
    assert (report["posted"][0]["at"][:16], report["posted"][0].get("recovered", False)) == (went_out, recovered), report
    history = run_cli("history", "--json", cwd=queued)
    assert [row["at"][:16] for row in json.loads(history.out)["posts"] if row["status"] == "posted"] == [went_out], history

    nothing_more = json.loads(run_due(queued, fx, "2026-12-01T09:30").out)
    assert nothing_more["posted"] == [] and len(fx.posts) == 1


def test_status_after_a_worker_killed_mid_post_names_the_claimed_post_and_when_it_is_retried(queued, planned, fx):
    """The user trial's on-call view (finding 10): a run killed with SIGKILL while X held its POST open. status said
    "1 claimed" and a next post already past, and nothing of the lease."""
    fx.inject("POST /2/tweets", delay=60)
    fx.set_now(epoch("2026-12-01T09:01"))
    kill_when(start_run_due(queued, fx, "2026-12-01T09:01"), fx, lambda f: len(f.posts) >= 1)
    first = planned[0]["id"]

    status = run_cli("status", "--now", "2026-12-01T09:05", cwd=queued, env={**fx.env(), "COLUMNS": "200"})
    assert status.code == 0, status
    claimed = next(line for line in status.out.splitlines() if line.startswith("claimed "))
    assert claimed.startswith(f"claimed {first} by a worker that stopped (")
    assert claimed.endswith("): the first run from Tue 2026-12-01 09:11 looks on X whether it went out and posts it "
                            "only if not"), status.out
    assert f"next: {planned[1]['id']} at Tue 2026-12-01 12:00" in status.out  # not the claimed one, 09:00
    row = json.loads(run_cli("status", "--json", "--now", "2026-12-01T09:05", cwd=queued, env=fx.env()).out)["claimed"]
    assert [(r["id"], r["worker"], r["until"][:16], r["look_first"]) for r in row] == [
        (first, "stopped", "2026-12-01T09:11", True)]

    again = run_due(queued, fx, "2026-12-01T09:12")  # as status said: looked at, found, recorded; nothing twice
    assert again.code == 0 and [p["id"] for p in json.loads(again.out)["posted"]] == [first]
    assert len(fx.posts) == 1
    assert "claimed" not in run_cli("status", "--now", "2026-12-01T09:13", cwd=queued, env=fx.env()).out


def test_no_secret_in_output_logs_json_or_database_at_debug(queued, fx):
    env = fx.env()
    secrets = [env[name] for name in ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET")]
    outputs = []
    fx.inject("POST /2/tweets", drop="after")  # an uncertain attempt, resolved by the next run
    for args in (("run-due", "--debug", "--now", "2026-12-01T09:01"),
                 ("run-due", "-vv", "--json", "--now", "2026-12-01T09:30"),
                 ("status", "--json", "--now", "2026-12-01T09:45"),
                 ("history", "--json"), ("check", "--json", "--debug")):
        result = run_cli(*args, cwd=queued, env=env)
        outputs.append(result.out + result.err)
    fx.inject("POST /2/tweets", problem="unauthorized")
    result = run_cli("run-due", "-vv", "--now", "2026-12-01T12:01", cwd=queued, env=env)
    assert result.code == 3 and "X_ACCESS_TOKEN" in result.out + result.err
    outputs.append(result.out + result.err)

    everything = "\n".join(outputs)
    assert "Authorization" in everything  # the HTTP stack did log its headers, masked
    assert len(fx.posts) == 1
    stored = b"".join(p.read_bytes() for p in (queued / ".juno").glob("juno.db*"))
    for secret in secrets:
        assert secret not in everything
        assert secret.encode() not in stored


def test_unset_secrets_are_configuration_the_post_waits_and_goes_once_they_are_set(queued, planned, fx):
    # a user trial: with no X_* variables run-due counted a failed attempt, exit 3, and stopped the account until
    # `resume`, though nothing had been tried; with only X_API_KEY set the stopped state still named all four
    bare = {name: "" for name in fx.env()}
    fx.set_now(epoch("2026-12-01T09:01"))
    result = run_cli("run-due", "--json", "--now", "2026-12-01T09:01", cwd=queued, env=bare)
    assert result.code == 2, result
    [row] = json.loads(result.out)["unconfigured"]
    assert row["network"] == "x" and "X_API_KEY" in row["reason"] and "stopped" not in json.loads(result.out)
    assert "Traceback" not in result.err

    half = {**bare, "X_API_KEY": "only-the-key-1234"}
    told = run_cli("run-due", "--now", "2026-12-01T09:03", cwd=queued, env=half)
    assert told.code == 2, told
    [line] = [line for line in told.out.splitlines() + told.err.splitlines() if line.startswith("error: cannot post to")]
    said = line.split(";")[0]
    assert said.endswith("X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET not set") and "X_API_KEY" not in said
    assert "only-the-key-1234" not in told.out + told.err
    status = json.loads(run_cli("status", "--json", "--now", "2026-12-01T09:04", cwd=queued, env=half).out)
    assert "stopped" not in json.dumps(status).lower()
    [account] = status["accounts"]  # what it cannot post without, from the settings it has now
    assert account["state"] == "unconfigured" and "X_API_SECRET" in account["reason"]
    assert status["counts"]["queued"] == 3 and status["failing"] == []  # no attempt counted
    text = run_cli("status", "--now", "2026-12-01T09:04", cwd=queued, env=bare).out
    assert "@junocounseling via x: cannot post: " in text and "X_API_KEY" in text and "Posting is active" not in text
    check = run_cli("check", cwd=queued, env=half)
    assert check.code == 2 and "X_API_SECRET" in check.out and "only-the-key-1234" not in check.out
    plan = json.loads(run_cli("plan", "--json", "--now", "2026-12-01T09:05", cwd=queued, env=bare).out)["posts"]
    assert plan[0]["id"] == planned[0]["id"] and plan[0]["at"] == planned[0]["at"]  # its slot kept
    assert fx.posts == []
    stored = b"".join(p.read_bytes() for p in (queued / ".juno").glob("juno.db*"))
    assert b"only-the-key-1234" not in stored

    fixed = run_due(queued, fx, "2026-12-01T09:06")  # the secrets set: no `resume`, the post goes, once
    assert fixed.code == 0, fixed
    assert [p["id"] for p in json.loads(fixed.out)["posted"]] == [planned[0]["id"]]
    assert [p["text"] for p in fx.posts] == [planned[0]["text"]]
    history = json.loads(run_cli("history", "--json", cwd=queued, env=bare).out)["posts"]
    assert [(row["id"], row["attempts"]) for row in history] == [(planned[0]["id"], 1)]

    # A token X refused (401) is a stop, recorded until `resume`, whatever the settings say meanwhile.
    fx.inject("POST /2/tweets", problem="unauthorized")
    refused = run_due(queued, fx, "2026-12-01T12:01")
    assert refused.code == 3 and json.loads(refused.out)["stopped"]["network"] == "x"
    status = json.loads(run_cli("status", "--json", "--now", "2026-12-01T12:02", cwd=queued, env=bare).out)
    assert status["accounts"][0]["state"] == "stopped"
    still = run_due(queued, fx, "2026-12-01T12:03")
    assert still.code == 3 and json.loads(still.out)["posted"] == [] and len(fx.posts) == 1
    assert run_cli("resume", cwd=queued, env=bare).code == 0
    assert [p["id"] for p in json.loads(run_due(queued, fx, "2026-12-01T12:05").out)["posted"]] == [planned[1]["id"]]


def daemon_without_secrets(root: Path, fx: FakeX, now: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))} | {name: "" for name in fx.env()}
    return subprocess.Popen([sys.executable, "-m", "scheduler", "daemon", "--now", now], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_daemon_says_once_what_to_set_and_does_not_spin(queued, fx):
    # its posts are still due, so a daemon that took "nothing tried" for work done woke again at once, forever
    daemon = daemon_without_secrets(queued, fx, "2026-12-01T09:01")
    try:
        assert daemon.stdout.readline().startswith("daemon started for @junocounseling")
        line = daemon.stdout.readline()
        assert line.startswith("error: cannot post to @junocounseling: ") and "X_API_KEY" in line, line
        time.sleep(3)  # a minute before it looks again
    finally:
        daemon.send_signal(signal.SIGTERM)
        out, err = daemon.communicate(timeout=30)
    assert daemon.returncode == 0, err
    assert "cannot post to" not in out and err.count("cannot post") <= 1, (out, err)
    assert fx.posts == []


def test_a_stop_an_earlier_version_recorded_for_unset_secrets_lifts_once_they_are_set(queued, planned, fx):
    # before 2026-12-05 a missing secret stopped the account, and the stop kept naming the variables after they
    # were set, until `resume`; such a stop in a database now reads as what the settings say
    from scheduler.store import open_store

    told = ("the X account @junocounseling posts for real but X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, "
            "X_ACCESS_TOKEN_SECRET are not set; set all four in the environment or in .env (see docs/networks.md, "
            "'Posting to X'), or use publisher: outbox")
    with open_store(f"sqlite:///{queued / '.juno' / 'juno.db'}") as store:
        store.set_account_state("junocounseling", "stopped", told, datetime(2026, 12, 1, 13, tzinfo=ZONE))
    bare = {name: "" for name in fx.env()}
    unset = json.loads(run_cli("status", "--json", "--now", "2026-12-01T09:01", cwd=queued, env=bare).out)
    assert unset["accounts"][0]["state"] == "unconfigured"
    fixed = json.loads(run_cli("status", "--json", "--now", "2026-12-01T09:01", cwd=queued, env=fx.env()).out)
    assert (fixed["accounts"][0]["state"], fixed["accounts"][0]["reason"]) == ("active", None)
    ran = run_due(queued, fx, "2026-12-01T09:01")
    assert ran.code == 0 and [p["id"] for p in json.loads(ran.out)["posted"]] == [planned[0]["id"]], ran


UNREACHABLE = "http://127.0.0.1:9"  # nothing listens there: every call is refused


def test_a_network_that_keeps_failing_is_reported_from_the_third_attempt_and_still_retried(queued, planned, fx):
    # a user trial: a firewall (here a closed port) and `run-due -q` from cron printed nothing and exited 0 for days
    env = {**fx.env(), "JUNO_X_API_BASE": UNREACHABLE}
    runs = [run_cli("run-due", "-q", "--now", now, cwd=queued, env=env)
            for now in ("2026-12-01T09:01", "2026-12-01T09:04", "2026-12-01T09:09", "2026-12-01T09:18")]
    assert [r.code for r in runs] == [0, 0, 3, 3], runs
    assert runs[0].out == runs[1].out == ""
    assert not any("urllib3" in r.err or "Retrying" in r.err for r in runs), runs[0].err  # library logs: --debug
    third = runs[2].out.strip()
    assert third.startswith(f"failed {planned[0]['id']}: ") and "could not be reached" in third, third
    assert "X at 127.0.0.1:9 could not be reached" in third  # the host called, not api.x.com
    assert "failed 3 times in a row; next try at Tue 2026-12-01 09:17" in third, third
    assert "failed 4 times in a row" in runs[3].out
    back = run_due(queued, fx, "2026-12-01T09:40")  # the network is back: the post goes out, once
    assert back.code == 0, back
    assert [p["text"] for p in fx.posts] == [planned[0]["text"]]


def test_check_names_the_host_it_called_and_promises_no_retry(queued, fx):
    # a user trial: 'FAIL handle X at api.x.com could not be reached ... (connection refused); will retry' for a
    # call that went to JUNO_X_API_BASE, from a command that retries nothing
    result = run_cli("check", cwd=queued, env={**fx.env(), "JUNO_X_API_BASE": UNREACHABLE})
    assert result.code == 1, result  # an error, not configuration: the settings may be right, the network is out
    [line] = [line for line in result.out.splitlines() if line.startswith("FAIL")]
    assert "X at 127.0.0.1:9 could not be reached" in line and "(connection refused)" in line, line
    assert "api.x.com" not in line and "will retry" not in line, line
    assert "urllib3" not in result.err and "Retrying" not in result.err, result.err
    debug = run_cli("--debug", "check", cwd=queued, env={**fx.env(), "JUNO_X_API_BASE": UNREACHABLE})
    assert "urllib3.connectionpool" in debug.err  # what a person asks for with --debug


def test_run_due_says_each_move_once(queued, planned, fx):
    # a user trial: each missed slot came twice, as a WARNING log line and as the report's `missed …` line
    fx.set_now(epoch("2026-12-01T23:00"))
    result = run_cli("run-due", "--now", "2026-12-01T23:00", cwd=queued, env=fx.env())
    moved = [line for line in (result.out + result.err).splitlines() if "moved" in line or "move " in line]
    assert [line.split(":")[0] for line in moved] == [f"missed {planned[0]['id']}", f"missed {planned[1]['id']}"], \
        (result.out, result.err)


def test_the_daemon_says_at_start_that_an_account_cannot_post(queued, fx):
    # a user trial: with nothing due yet, the daemon said only 'daemon started for …' until the first post fell due
    daemon = daemon_without_secrets(queued, fx, "2026-12-01T07:00")
    try:
        assert daemon.stdout.readline().startswith("daemon started for @junocounseling")
        time.sleep(3)  # what it says at start (a read here would wait forever on a daemon that says nothing)
    finally:
        daemon.send_signal(signal.SIGTERM)
        out = daemon.stdout.read()  # not communicate(): it reads the pipe itself and misses what readline buffered
        err = daemon.stderr.read()
        daemon.wait(timeout=30)
    assert daemon.returncode == 0, err
    told = [line for line in (out + err).splitlines() if "cannot post" in line]
    assert len(told) == 1 and told[0].startswith("error: cannot post to @junocounseling: "), (out, err)
    assert out.splitlines()[0] == told[0] and "X_API_KEY" in told[0]


def test_a_stopped_account_is_one_short_line_a_run_from_cron(queued, fx):
    """A user trial: the same 400-character 401 text three times in one run (a `failed` line, `posting is stopped`
    and an ERROR log line on stderr without -v), then again on every `run-due -q`. Now one line a run: the account,
    since when, the short reason and how to resume; exit 3 while its posts wait."""
    fx.inject("POST /2/tweets", problem="unauthorized")
    for now in ("2026-12-01T09:01", "2026-12-01T09:06", "2026-12-01T12:01"):
        fx.set_now(epoch(now))
        result = run_cli("run-due", "-q", "--now", now, cwd=queued, env=fx.env())
        assert result.code == 3 and result.err == "", result
        [line] = result.out.splitlines()
        assert line.startswith("posting is stopped for @junocounseling since Tue 2026-12-01 09:01: X refused the "
                               "credentials (401: Unauthorized)"), line
        assert line.endswith("then run `check` and `resume`") and len(line) <= 200, line
    verbose = json.loads(run_cli("run-due", "--json", "--now", "2026-12-01T12:02", cwd=queued, env=fx.env()).out)
    assert "X_ACCESS_TOKEN_SECRET" in verbose["stopped"]["reason"]  # the whole remedy: in --json, status and check
    # a user trial: run-due said "then run `resume`" while status said "then run `check`": both say both now
    status = run_cli("status", "--now", "2026-12-01T12:03", cwd=queued, env=fx.env())
    assert "then run `juno-scheduler check` and `juno-scheduler resume`" in status.out, status
    assert len(fx.posts) == 0
