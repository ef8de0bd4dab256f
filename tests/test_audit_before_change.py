"""A change .juno/audit.jsonl must record is refused, with nothing changed, when the log cannot take its line.

An on-call trial: with the log unwritable, `skip`, `pause`, `resume` and `retry` said `error: … permission denied`
and exited 2, yet `status` showed each change made. Real processes, a real SQLite file; the log made unwritable
as a folder in its place (root writes any file a mode forbids)."""

from __future__ import annotations

import json
import shutil

import pytest
from queue_helpers import write_campaign, write_schedule

pytestmark = pytest.mark.slow

NOW = "2026-12-01T08:00"


@pytest.fixture
def root(project, cli):
    (project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").unlink()
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": "t1"}, {"id": "t2"}])
    assert cli("queue", "--now", NOW, cwd=project).code == 0
    assert cli("skip", "alpha/t2", "--now", NOW, cwd=project).code == 0  # for retry below
    return project


def status(cli, root) -> dict:
    result = cli("status", "--json", "--now", NOW, cwd=root)
    assert result.code == 0, result
    return json.loads(result.out)


@pytest.mark.parametrize("command", [("skip", "alpha/t1"), ("retry", "alpha/t2"), ("pause",), ("resume",)])
def test_a_change_the_log_cannot_record_is_not_made(root, cli, command):
    if command == ("resume",):
        assert cli("pause", "--now", NOW, cwd=root).code == 0
    before = status(cli, root)
    log = root / ".juno" / "audit.jsonl"
    log.unlink()
    log.mkdir()  # no line can be appended to it
    try:
        result = cli(*command, "--now", NOW, cwd=root)
        after = status(cli, root)
    finally:
        shutil.rmtree(log)
    assert result.code == 2, result
    [line] = result.err.strip().splitlines()
    assert line.startswith("error: ") and ".juno/audit.jsonl" in line, line
    assert result.out == ""
    assert after == before
    again = cli(*command, "--now", NOW, cwd=root)  # writable again: the change goes through and is recorded
    assert again.code == 0, again
    assert status(cli, root) != before
