"""A command says each problem once, in its own words (user trial: `WARNING scheduler.campaigns.queueing: …` printed
above queue's own `moved …` line); log records in log form only when asked for (-v, --debug)."""

from __future__ import annotations

import json
import re

CAMPAIGN = "posts/what-to-do-when-one-partner-wants-counseling.yaml"
NOW = "2026-12-07T08:00"


def test_a_post_moved_off_a_new_blackout_date_is_said_once_and_never_as_a_log_line(cli, project):
    path = project / CAMPAIGN
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: approved", 3),
                    encoding="utf-8")
    assert cli("queue", "--now", NOW, cwd=project).code == 0
    first = json.loads(cli("plan", "--json", "--now", NOW, cwd=project).out)["posts"][0]
    schedule = project / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    day = first["at"][:10]
    schedule.write_text(re.sub(r"^blackout: \[", f"blackout: [{day}, ", text, count=1, flags=re.MULTILINE)
                        if re.search(r"^blackout: \[", text, flags=re.MULTILINE) else text + f"blackout: [{day}]\n",
                        encoding="utf-8")
    result = cli("queue", "--now", NOW, cwd=project)
    said = (result.out + result.err).splitlines()
    assert result.code == 0, result
    assert [line for line in said if first["id"] in line and "moved" in line] == [
        next(line for line in said if line.startswith(f"moved {first['id']}"))], said
    assert not any(line.startswith(("WARNING", "INFO", "ERROR")) for line in said), said


def test_pause_resume_and_skip_take_now_as_every_command_whose_result_has_a_time_does(cli, project):
    # a user trial: `resume --now X` said "argument network: invalid choice: 'X'"
    paused = cli("pause", "--now", NOW, cwd=project)
    assert paused.code == 0 and "is paused" in paused.out, paused
    resumed = cli("resume", "--now", "2026-12-07T08:10", cwd=project)
    assert resumed.code == 0 and "is posting again" in resumed.out, resumed
    status = json.loads(cli("status", "--json", "--now", "2026-12-07T08:20", cwd=project).out)
    assert status["account"]["state"] == "active", status
