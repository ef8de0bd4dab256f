"""The README's command lines, read from the README itself and run, so the README cannot drift from the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from scheduler.cli import build_parser

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in sorted((REPO / "docs").glob("*.md"))}
PAGES = {"README.md": README, **DOCS}  # everything a user reads: the README first, then docs/

# Commands that never end by themselves or act outside the project: parsed, not run.
PARSED_ONLY = {"daemon", "studio"}


def console_lines(text: str = README) -> list[str]:
    lines = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        lines += [line[2:].strip() for line in block.splitlines() if line.startswith("$ ")]
    return lines


def scheduler_lines() -> list[list[str]]:
    return [shlex.split(line)[1:] for line in console_lines() if line.startswith("juno-scheduler ")]


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```console\n(.*?)```", README, flags=re.DOTALL).group(1)
    assert first_block.split("\n")[:2] == ["$ make demo", "$ make test"]
    assert README.index("make demo") < 800, "the first screen shows how to run the demo"


def test_every_make_target_in_the_readme_and_the_docs_exists():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.MULTILINE))
    for name, text in PAGES.items():
        used = {line.split()[1] for line in console_lines(text) if line.startswith("make ")}
        used |= set(re.findall(r"`make (\w[\w-]*)`", text))
        assert used <= targets, (name, used - targets)


def test_install_line_names_real_extras():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for extras in re.findall(r"pip install -e '\.\[([\w,]+)\]'", README):
        for extra in extras.split(","):
            assert re.search(rf"^{extra} = \[", pyproject, flags=re.MULTILINE), extra


def test_every_command_in_the_readme_table_exists_and_every_command_is_documented():
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)
    section = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    documented = {name for row in re.findall(r"^\| (.+?) \| [^|]+\|$", section, flags=re.MULTILINE)
                  for name in re.findall(r"`([a-z][a-z-]*)", row)}
    assert commands <= documented, commands - documented
    assert documented - {"command"} <= commands, documented - commands


def test_cron_and_systemd_lines_parse():
    parser = build_parser()
    cron = re.search(r"^\*/5 .*/bin/juno-scheduler (.+)$", README, flags=re.MULTILINE).group(1)
    parser.parse_args(shlex.split(cron))
    unit = (REPO / "deploy" / "juno-scheduler.service").read_text(encoding="utf-8")
    exec_start = re.search(r"^ExecStart=\S*juno-scheduler (.+)$", unit, flags=re.MULTILINE).group(1)
    parser.parse_args(shlex.split(exec_start))


def test_readme_command_lines_run_in_order_on_a_fresh_project(project, cli):
    lines = scheduler_lines()
    assert len(lines) >= 6
    parser = build_parser()
    for args in lines:
        parser.parse_args(args)
        if args[0] in PARSED_ONLY:
            continue
        result = cli(*args, cwd=project)
        assert result.code == 0, (args, result)
        assert "Traceback" not in result.err, (args, result)


def test_the_library_example_is_ten_lines_and_runs_as_written(project):
    """The README's Python block, run exactly as written in a fresh copy of the project."""
    import subprocess
    import sys

    (block,) = re.findall(r"## The library\n.*?```python\n(.*?)```", README, flags=re.DOTALL)
    assert len(block.rstrip("\n").splitlines()) == 10
    run = subprocess.run([sys.executable, "-c", block], cwd=project, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(project)}, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith("QueuedPost(id='what-to-do-when-one-partner-wants-counseling/")
    assert run.stdout.splitlines()[-1].startswith("nothing is due; next post at ")
    assert (project / ".juno" / "juno.db").exists()


def test_the_readme_is_short_enough_to_read_to_the_end_and_points_to_every_docs_page():
    assert len(README.splitlines()) <= 200, "reference belongs in docs/ (see the README's 'Where to read more')"
    linked = set(re.findall(r"\]\((docs/[\w-]+\.md)\)", README))
    assert DOCS and set(DOCS) <= linked, sorted(set(DOCS) - linked)


def test_every_command_line_in_the_docs_parses_and_every_console_line_of_theirs_runs(project, cli):
    """Console blocks in docs/ run (in a fresh project, page by page); every `juno-scheduler ...` written inline
    in README or docs/ is one the parser takes."""
    parser = build_parser()
    for name, text in DOCS.items():
        for line in console_lines(text):
            if not line.startswith("juno-scheduler "):
                continue
            args = shlex.split(line)[1:]
            parser.parse_args(args)
            if args[0] not in PARSED_ONLY:
                result = cli(*args, cwd=project)
                assert result.code == 0 and "Traceback" not in result.err, (name, args, result)
    inline = [(name, code) for name, text in PAGES.items()
              for code in re.findall(r"`juno-scheduler ([^`]+)`", text)]
    assert inline
    for name, code in inline:
        words = [word for word in shlex.split(code.replace("…", "")) if word != "..."]
        words = [{"<slug>": "a-campaign", "<tip-id>": "a-tip"}.get(word, word) for word in words]
        try:
            parser.parse_args(words)
        except SystemExit:
            raise AssertionError(f"{name}: `juno-scheduler {code}` does not parse") from None


def test_every_file_and_folder_the_readme_and_docs_name_exists():
    """Paths in backquotes under scheduler/, tests/, bench/, deploy/, assets/ and docs/ name what is in the repo."""
    for name, text in PAGES.items():
        for path in re.findall(r"`((?:scheduler|tests|bench|deploy|assets|docs)/[\w./-]*)`", text):
            if "<" in path or "*" in path:
                continue
            assert (REPO / path).exists() or path.startswith("tests/artifacts"), f"{name}: `{path}` does not exist"


def test_every_link_between_the_pages_leads_somewhere():
    for name, text in PAGES.items():
        here = (REPO / name).parent
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            page = (here / file).resolve() if file else (REPO / name)
            assert page.exists(), f"{name}: link to {target} leads nowhere"
            if anchor:
                slugs = {_slug(line.lstrip("#")) for line in page.read_text(encoding="utf-8").splitlines()
                         if line.startswith("#")}
                assert anchor in slugs, f"{name}: no heading for #{anchor} in {file or name}"


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def test_every_image_the_readme_and_the_docs_show_exists_with_alt_text_and_is_small():
    for name, text in PAGES.items():
        folder = (REPO / name).parent
        for alt, target in IMAGE.findall(text):
            path = folder / target
            assert path.is_file(), (name, target)
            assert len(alt.split()) >= 5, (name, target, "alt text says what the picture shows")
            assert path.stat().st_size <= 300_000, (name, target, path.stat().st_size)


def test_the_readme_shows_every_studio_screenshot_make_screenshots_takes():
    # lazy: it reaches the browser helpers
    from tests.studio.screenshots import names

    shown = {target for _, target in IMAGE.findall(README)}
    assert {f"docs/{name}" for name in names()} <= shown, shown
    made = {path.name for path in (REPO / "docs").glob("studio-*.png")}
    assert made == set(names()), made ^ set(names())  # no picture left over from an older script
