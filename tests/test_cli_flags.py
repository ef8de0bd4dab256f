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


def test_a_mistyped_flag_names_the_command_the_nearest_flag_and_its_own_help(project, cli):
    # `plan --dayz 3` said "juno-scheduler: unrecognized arguments: --dayz 3; see `juno-scheduler --help`", whose
    # page does not list plan's flags
    result = cli("--root", str(project), "plan", "--dayz", "3")
    assert result.code == 2, result
    assert result.err.strip() == ("error: juno-scheduler plan: unrecognized arguments: --dayz 3; did you mean --days?; "
                                  "see `juno-scheduler plan --help`")
    far = cli("--root", str(project), "plan", "--bogus")
    assert far.code == 2 and "did you mean" not in far.err and "`juno-scheduler plan --help`" in far.err, far


def test_a_root_that_is_a_file_is_called_a_file(tmp_path, cli):
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    result = cli("--root", str(afile), "status")
    assert result.code == 2, result
    assert result.err.strip() == f"error: --root {afile}: a file, not a folder; give the project folder (the one " \
                                 "holding posts/)"
    gone = cli("--root", str(tmp_path / "nowhere"), "status")
    assert gone.code == 2 and ": no such folder;" in gone.err, gone
