"""`--help` and the README agree: every flag of every command is in its row of the README's command table,
and every flag a row shows exists; every section of the README or docs/ an error message points to exists."""

from __future__ import annotations

import re
from pathlib import Path

from scheduler.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
EVERY_COMMAND = {"--root", "--debug", "--verbose", "--quiet", "--json", "--now", "--help"}  # the paragraph above


def commands() -> dict:
    return build_parser()._subparsers._group_actions[0].choices


def rows() -> dict[str, str]:
    section = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    found: dict[str, str] = {}
    for row in re.findall(r"^\| (.+?) \| [^|]+\|$", section, flags=re.MULTILINE):
        for name in re.findall(r"`([a-z][a-z-]*)", row):
            found[name] = found.get(name, "") + row
    return found


def test_every_flag_of_every_command_is_in_its_readme_row_and_no_row_names_a_flag_that_does_not_exist():
    table = rows()
    for name, parser in commands().items():
        flags = {option for action in parser._actions for option in action.option_strings
                 if option.startswith("--")} - EVERY_COMMAND
        shown = set(re.findall(r"--[a-z][a-z-]*", table.get(name, "")))
        assert flags <= shown, f"{name}: {sorted(flags - shown)} not in the README's row for it"
    for name, row in table.items():
        if name in commands():
            parser = commands()[name]
            known = {o for action in parser._actions for o in action.option_strings}
            mentioned = set(re.findall(r"--[a-z][a-z-]*", row))
            mentioned_here = {flag for flag in mentioned if re.search(rf"`{name}[^`]*{flag}", row)}
            assert mentioned_here <= known, f"{name}: the README shows {sorted(mentioned_here - known)}"


def test_the_flags_every_command_takes_are_described_above_the_table():
    paragraph = README.split("## Commands", 1)[1].split("| command |", 1)[0]
    for flag in ("--root", "--json", "--now", "-v", "-q", "--debug"):
        assert f"`{flag}" in paragraph, flag


def test_every_section_a_message_points_to_exists_on_the_page_it_names():
    """Messages and the bundled files say where to read more: `see docs/cards.md, 'Cards'` (or the README)."""
    cited: set[tuple[str, str]] = set()
    quoted = r"(README|docs/[\w-]+)(?:\.md)?, ['\"]([^'\"]+)['\"]"
    sources = [*(REPO / "scheduler").rglob("*.py"), *(REPO / "assets").glob("*.yaml"), REPO / "posts" / "schedule.yaml"]
    for path in sources:
        cited |= set(re.findall(quoted, path.read_text(encoding="utf-8")))
    assert cited
    for page, section in sorted(cited):
        text = (REPO / f"{page}.md").read_text(encoding="utf-8")
        headings = {line.lstrip("#").strip().strip("`") for line in text.splitlines() if line.startswith("#")}
        assert section in headings, f"{page}.md has no section {section!r}"


def test_the_readme_names_exactly_the_commands_that_take_now():
    """A user trial: `stats --now` was refused though the README said every time-dependent command takes --now;
    the README now names them, and this holds the list to the parser."""
    section = README.split("## Commands", 1)[1].split("| command |", 1)[0]
    listed = section.split("takes `--now ISO`", 1)[1].split(".", 1)[0]
    named = set(re.findall(r"`([a-z][a-z-]*)`", listed))
    timed = {name for name, parser in commands().items()
             if any("--now" in action.option_strings for action in parser._actions)}
    assert named == timed
    assert "stats" not in timed and "`stats` and `history` take none" in section
