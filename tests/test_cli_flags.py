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
    assert result.err.strip() == ("error: juno-scheduler plan: unrecognized arguments: --dayz 3; did you mean --days? "
                                  "see `juno-scheduler plan --help`")
    far = cli("--root", str(project), "plan", "--bogus")
    assert far.code == 2 and "did you mean" not in far.err and "`juno-scheduler plan --help`" in far.err, far


def test_a_mistyped_command_names_the_nearest_command_in_one_line(project, cli):
    # user trial 8: `aprove` printed argparse's "invalid choice: 'aprove' (choose from 'split', 'approve', …)", all
    # 22 names and no "did you mean", where a mistyped key, time zone or tip id says the one it was near
    result = cli("--root", str(project), "aprove", "what-to-do-when-one-partner-wants-counseling")
    assert result.code == 2, result
    assert result.err == ("error: juno-scheduler: no command 'aprove'; did you mean 'approve'? "
                          "see `juno-scheduler --help`\n"), result.err
    far = cli("--root", str(project), "xyzzy")
    assert far.code == 2, far
    assert far.err == "error: juno-scheduler: no command 'xyzzy'; see `juno-scheduler --help`\n", far.err
    size = cli("--root", str(project), "cards", "--size", "squar")
    assert size.code == 2 and "; did you mean 'square'?" in size.err and size.err.count("\n") == 1, size


def test_a_root_that_is_a_file_is_called_a_file(tmp_path, cli):
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    result = cli("--root", str(afile), "status")
    assert result.code == 2, result
    assert result.err.strip() == f"error: --root {afile}: a file, not a folder; give the project folder (the one " \
                                 "holding posts/)"
    gone = cli("--root", str(tmp_path / "nowhere"), "status")
    assert gone.code == 2 and ": no such folder;" in gone.err, gone


def test_queue_quiet_keeps_the_warning_of_a_pin_already_past_and_says_the_tracking_once(project, cli):
    """The user trial's finding 8: `queue -q` hid "its pinned time … has passed" (README: -q keeps warnings)."""
    from tests.hostile.cases import approve_first, set_first_pin

    approve_first(project, 1)
    assert cli("--root", str(project), "queue", "--now", "2026-12-06T00:00").code == 0
    set_first_pin(project, '"2026-12-20 09:00"')
    result = cli("--root", str(project), "queue", "-q", "--now", "2027-03-10T12:00")
    assert result.code == 0, result
    assert "its pinned time 2026-12-20T09:00:00 has passed, so the post keeps its slot" in result.err, result
    assert "INFO" not in result.err and result.out == ""


def test_approve_quiet_prints_nothing_but_errors(project, cli):
    """The user trial's finding 14: `approve -q` printed its four lines, the `next:` advice included."""
    from tests.hostile.cases import CAMPAIGN

    result = cli("--root", str(project), "approve", CAMPAIGN, "-q", "--now", "2026-12-01T07:00")
    assert result.code == 0, result
    assert (result.out, result.err) == ("", "")
    assert "status: approved" in (project / "posts" / f"{CAMPAIGN}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("given,said", [
    ("2026-02-30T08:00", "2026-02-30 is not a date: February has 28 days in 2026"),
    ("2028-02-30", "2028-02-30 is not a date: February has 29 days in 2028"),
    ("2026-04-31T08:00", "2026-04-31 is not a date: April has 30 days in 2026"),
    ("2026-13-01T08:00", "2026-13-01 is not a date: a year has 12 months"),
])
def test_now_on_a_date_that_does_not_exist_says_so(project, cli, given, said):
    """User trial 3: `--now 2026-02-30T08:00` was "not an ISO 8601 time", though the format was right."""
    result = cli("--root", str(project), "queue", "--now", given)
    assert result.code == 2, result
    assert result.err.strip() == f"error: --now: {said}", result.err
    wrong = cli("--root", str(project), "queue", "--now", "2026-02-2x")
    assert wrong.code == 2 and "is not an ISO 8601 time" in wrong.err, wrong


def test_a_misspelled_article_path_offers_the_nearest_article(project, cli):
    """User trial 3: a mistyped article path had no "did you mean", unlike every other lookup."""
    (project / "posts" / "articles" / "helping-your-teen-through-anxiety.md").write_text(
        "# Helping your teen\n\nTalk with your teen when the pressure is low, in the car or on a walk.\n",
        encoding="utf-8")
    result = cli("--root", str(project), "split", "posts/articles/helping-your-teen-anxiety.md")
    assert result.code == 2, result
    assert result.err.strip() == ("error: posts/articles/helping-your-teen-anxiety.md: file not found; did you mean "
                                  "posts/articles/helping-your-teen-through-anxiety.md?"), result.err
    far = cli("--root", str(project), "split", "posts/articles/zzz.md")
    assert far.code == 2 and "did you mean" not in far.err and "give the article's path" in far.err, far
