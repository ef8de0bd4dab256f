"""The flags every command takes: what the user asked for is what happens, or one line says why not."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("argv", [("-q", "-v", "status"), ("status", "-q", "-v"), ("-q", "status", "-vv")])
def test_quiet_and_verbose_together_are_refused_in_one_line(project, cli, argv):
    # `-q -v status` ran with -v winning: INFO lines a -q user had asked not to see, exit 0
    result = cli("--root", str(project), *argv)
    assert result.code == 2, result
    assert result.err.strip() == ("error: -q (only errors) and -v (say more) ask for opposite things; "
                                  "give one of them"), result.err
    assert result.out == ""


def test_quiet_alone_prints_no_log_lines(project, cli):
    result = cli("--root", str(project), "-q", "status")
    assert result.code == 0, result
    assert "INFO" not in result.err and "INFO" not in result.out
