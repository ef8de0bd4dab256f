"""Messages an on-call engineer met that led nowhere: a flag before its command, a copy line into a folder that does
not exist, and a terminal that is not UTF-8."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

from tests.conftest import REPO

ASCII_TERMINAL = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def test_a_flag_of_the_command_given_before_it_is_told_to_go_after_it(project, cli_process):
    # was: "unrecognized arguments: --json; did you mean --json?"
    result = cli_process("--root", str(project), "--json", "check")
    assert result.code == 2, result
    assert result.err.strip() == ("error: juno-scheduler check: --json belongs to the command: put it after `check` "
                                  "(`juno-scheduler check --json`); see `juno-scheduler check --help`"), result


def test_the_copy_line_for_a_missing_schedule_works_as_given(tmp_path, cli_process):
    # was: `cp …/posts/schedule.yaml /tmp/posts/`, which fails while /tmp/posts does not exist
    root = tmp_path / "practice"
    root.mkdir()
    result = cli_process("--root", str(root), "status")
    assert result.code == 2, result
    line = result.err.strip()
    assert "mkdir -p " in line, line
    command = line.split("set your handle in it: ", 1)[1].split("; or pass --root", 1)[0]
    subprocess.run(command, shell=True, check=True)
    assert (root / "posts" / "schedule.yaml").read_bytes() == (REPO / "posts" / "schedule.yaml").read_bytes()
    assert shlex.split(command)[0] == "mkdir"
    again = cli_process("--root", str(root), "status")
    assert "posts/schedule.yaml: file not found" not in again.err, again


def _queued(project: Path, cli_process) -> None:
    [campaign] = [p.stem for p in (project / "posts").glob("*.yaml") if p.stem != "schedule"]
    assert cli_process("--root", str(project), "approve", campaign, "--ready").code == 0
    assert cli_process("--root", str(project), "queue", "--now", "2026-12-01T07:00").code == 0


def test_plan_on_a_terminal_that_is_not_utf8_writes_escapes_not_an_error(project, cli_process):
    _queued(project, cli_process)
    shown = cli_process("--root", str(project), "plan", "--now", "2026-12-01T07:00", env=ASCII_TERMINAL)
    assert shown.code == 0, shown
    assert "UnicodeEncodeError" not in shown.err and "\\u2019" in shown.out, shown
    as_json = cli_process("--root", str(project), "plan", "--json", "--now", "2026-12-01T07:00", env=ASCII_TERMINAL)
    assert as_json.code == 0, as_json
    utf8 = cli_process("--root", str(project), "plan", "--json", "--now", "2026-12-01T07:00")
    assert json.loads(as_json.out) == json.loads(utf8.out)  # the same data, its characters as JSON's \u escapes
