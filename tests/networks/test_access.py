"""Credentials hold back one network only: a network configured without its variables, or with half of X's
four, cannot post, and says what to set; its posts wait untried (no stop, so the first run after they are
set posts them); the other accounts post, and status and check still work and say so."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import REPO, run_cli_in_process
from schedules import MASTODON_OUTBOX, accounts_lines, schedule_text

from scheduler.config import load_settings
from scheduler.errors import ConfigError

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
NOW = "2026-12-07T08:00:00-05:00"
SCHEDULE = schedule_text(accounts_lines("{network: x, handle: junocounseling}", MASTODON_OUTBOX),
                         jitter="0m", link="{mode: none}")
TIPS = """\
article: {title: Counseling, source: articles/what-to-do-when-one-partner-wants-counseling.txt}
tips:
  - id: invite-rather-than-insist
    headline: "Invite rather than insist."
    text: "Invite rather than insist. A calm, specific request lands better than an ultimatum."
    status: approved
    section: How to Start the Conversation
"""


@pytest.fixture
def both(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts").mkdir()
    (root / "posts" / "schedule.yaml").write_text(SCHEDULE, encoding="utf-8")
    (root / "posts" / f"{CAMPAIGN}.yaml").write_text(TIPS, encoding="utf-8")
    return root


@pytest.mark.parametrize("env, says", [
    ({"X_API_KEY": "only-one-of-four"}, ["X_API_SECRET", "set all four"]),  # half of X's four
    ({}, ["X_API_KEY", "X_ACCESS_TOKEN_SECRET", "publisher: outbox"]),         # none at all
    ({"JUNO_X_API_BASE": "127.0.0.1:8999"}, ["JUNO_X_API_BASE", "http://host:port"]),  # an address that is not one
])
def test_a_network_without_working_settings_waits_alone_untried(both, env, says):
    def cli(*args: str, code: int = 0):
        result = run_cli_in_process(*args, cwd=both, env=env)
        assert result.code == code, result
        return result

    cli("queue", "--now", NOW)
    dry = json.loads(cli("run-due", "--dry-run", "--json", "--now", "2026-12-07T09:00:00-05:00", code=2).out)
    ran = json.loads(cli("run-due", "--json", "--now", "2026-12-07T09:00:00-05:00", code=2).out)
    assert dry["unconfigured"] == ran["unconfigured"]  # the dry run says what the run then does
    assert [p["network"] for p in ran["posted"]] == ["mastodon"]  # the outbox rehearsal of Mastodon went out
    assert ran["failed"] == [] and "stopped" not in ran  # configuration, not a network's refusal
    [unset] = ran["unconfigured"]
    assert unset["network"] == "x"
    for word in says:
        assert word in unset["reason"]
    assert "only-one-of-four" not in json.dumps(ran)

    status = json.loads(cli("status", "--json", "--now", "2026-12-07T09:05:00-05:00").out)
    x_account = next(a for a in status["accounts"] if a["network"] == "x")
    assert x_account["state"] == "unconfigured" and says[0] in x_account["reason"]  # not stopped: no `resume`
    assert x_account["counts"]["queued"] == 1 and status["failing"] == []  # no attempt counted
    assert status["month"]["networks"]["mastodon"]["posts"] == 1
    x_plan = [row for row in json.loads(cli("plan", "--json", "--now", "2026-12-07T09:05:00-05:00").out)["posts"]
              if row["network"] == "x"]
    assert x_plan, "the X post still waits in the queue"
    check = cli("check", code=2)
    assert says[0] in check.out and "only-one-of-four" not in check.out


def test_a_bluesky_server_without_its_app_password_cannot_post(both):
    schedule = both / "posts" / "schedule.yaml"
    schedule.write_text(SCHEDULE.replace("{network: x, handle: junocounseling}",
                                         "{network: bluesky, handle: junocounseling.bsky.social}"), encoding="utf-8")
    env = {"BLUESKY_PDS_URL": "https://bsky.social"}  # the server, not the password
    assert run_cli_in_process("queue", "--now", NOW, cwd=both, env=env).code == 0
    ran = run_cli_in_process("run-due", "--json", "--now", "2026-12-07T09:00:00-05:00", cwd=both, env=env)
    assert ran.code == 2, ran
    [unset] = json.loads(ran.out)["unconfigured"]
    assert unset["network"] == "bluesky" and "BLUESKY_APP_PASSWORD" in unset["reason"]
    status = json.loads(run_cli_in_process("status", "--json", "--now", NOW, cwd=both, env=env).out)
    assert next(a for a in status["accounts"] if a["network"] == "bluesky")["state"] == "unconfigured"


def test_a_broken_database_url_still_stops_every_command(both):
    with pytest.raises(ConfigError, match="unknown database"):  # not a network's: nothing can run without it
        load_settings(both, env={"JUNO_DATABASE_URL": "mysql://root@db/juno"})
