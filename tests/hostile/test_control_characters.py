"""Control and bidi characters (user trial): refused where a file is read, escaped wherever the tool prints."""

from __future__ import annotations

import pytest

CAMPAIGN = "posts/what-to-do-when-one-partner-wants-counseling.yaml"
TEXT = 'text: "Reluctance doesn’t always mean refusal.'


def _with_text(project, escaped_words: str) -> str:
    path = project / CAMPAIGN
    before = path.read_text(encoding="utf-8")
    assert TEXT in before
    path.write_text(
        before.replace(
            TEXT, f'text: "Reluctance{escaped_words} doesn’t always mean refusal.', 1
        ),
        encoding="utf-8",
    )
    return before


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\\e[31m", "U+001B"),
        ("\\0", "U+0000"),
        ("\\a", "U+0007"),
        ("\\x9b", "U+009B"),
        ("\\u202e", "U+202E"),
        ("\\u2066", "U+2066"),
        ("\\r", "U+000D"),
        ("\\x7f", "U+007F"),
    ],
)
def test_a_control_or_bidi_character_in_a_tip_is_refused_at_read_time_naming_the_place(
    cli, project, written, named
):
    _with_text(project, written)
    for command in ("check", "queue"):
        result = cli(command, "--now", "2026-12-07T08:00", cwd=project)
        assert result.code == 2, result
        line = next(
            line for line in (result.out + result.err).splitlines() if named in line
        )
        assert f"{CAMPAIGN}:" in line and ".text: the control character " in line, line
    assert not (project / ".juno" / "outbox").exists()
    assert (
        cli("plan", "--json", "--now", "2026-12-07T08:00", cwd=project).out.count(
            '"id"'
        )
        == 0
    )


def test_newline_and_tab_stay_allowed_in_a_tips_text(cli, project):
    _with_text(project, "\\n\\tand")
    assert cli("check", cwd=project).code == 0


def test_a_headline_or_a_schedule_value_with_escape_is_refused_too(cli, project):
    path = project / CAMPAIGN
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'headline: "', 'headline: "\\e]0;owned\\a', 1
        ),
        encoding="utf-8",
    )
    result = cli("check", cwd=project)
    assert (
        result.code == 2 and "headline: the control character U+001B" in result.out
    ), result
    assert "\x1b" not in result.out + result.err
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(
        schedule.read_text(encoding="utf-8") + 'crisis_footer: "Call\\e[2J 988."\n'
        if "crisis_footer" not in schedule.read_text(encoding="utf-8")
        else schedule.read_text(encoding="utf-8").replace(
            'crisis_footer: "', 'crisis_footer: "\\e[2J', 1
        ),
        encoding="utf-8",
    )
    result = cli("plan", cwd=project)
    assert (
        result.code == 2 and "crisis_footer: the control character U+001B" in result.err
    ), result


def test_nothing_the_tool_prints_holds_a_raw_control_character(cli, project):
    """Such characters already in the queue (queued before this check, or from a network's answer) are shown
    escaped on the terminal, and JSON stays JSON that reads back the same words."""
    from scheduler.errors import shown

    assert (
        shown("a\x1b[31mb\x00c\u202ed\ne\tf") == "a\\u001b[31mb\\u0000c\\u202ed\ne\tf"
    )
    # a message carrying a raw ESC, as a network's error or a file name could: printed escaped
    result = cli("status", "--root", "no-such-\x1b[2J-folder", cwd=project)
    assert (
        "\x1b" not in result.out + result.err
        and "\\u001b[2J" in result.out + result.err
    ), result
    as_json = cli("status", "--json", "--root", "no-such-\u202e-folder", cwd=project)
    assert "\u202e" not in as_json.out + as_json.err, as_json


def test_a_tip_in_square_brackets_is_shown_as_written_not_as_rich_markup(cli, project):
    _with_text(project, " [/] [bold]really[/bold]")
    path = project / CAMPAIGN
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "status: draft", "status: approved", 2
        ),
        encoding="utf-8",
    )
    assert cli("queue", "--now", "2026-12-07T08:00", cwd=project).code == 0
    result = cli("plan", "-v", "--now", "2026-12-07T08:00", cwd=project)
    assert result.code == 0 and "Reluctance [/] [bold]really" in result.out, result
