"""A practice's own project folder, started as docs/configuration.md says (a user trial, 2026-12-06: a manager who
kept her posts apart from the clone was stopped by "assets/brand.yaml: file not found; copy the bundled
assets/brand.yaml" and never told where the bundled one was, nor to copy posts/schedule.yaml at all)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from PIL import Image

from scheduler.fileio import CLONE, bundled_hint

REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
ARTICLE = """# Small Steps When Sleep Will Not Come

Keep the same wake-up time every day, even after a bad night; a steady morning anchors the rest of the day.

If you have been lying awake for more than twenty minutes, get up and do something quiet in dim light until you
feel sleepy again.
"""


def _shell(line: str, home: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_the_folder_of_your_own_lines_run_as_written_and_the_folder_posts(tmp_path):
    (block,) = re.findall(r"## A folder of your own\n.*?```console\n(.*?)```", DOC, flags=re.DOTALL)
    lines = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
    assert len(lines) == 3
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads" / "my-article.md").write_text(ARTICLE, encoding="utf-8")
    for line in lines:  # from the clone, as the page says
        run = _shell(line, home, REPO)
        assert run.returncode == 0, (line, run.stderr)
    practice = home / "practice"
    campaign = yaml.safe_load((practice / "posts" / "my-article.yaml").read_text(encoding="utf-8"))
    assert len(campaign["tips"]) >= 1
    assert not (REPO / "posts" / "my-article.yaml").exists(), "the clone is left as it was"
    for line in ("juno-scheduler approve my-article", "juno-scheduler cards", "juno-scheduler queue"):
        run = _shell(line, home, practice)
        assert run.returncode == 0, (line, run.stderr)
    assert list((practice / ".juno" / "cards").rglob("*.png"))


def _bare_folder(tmp_path: Path) -> Path:
    root = tmp_path / "practice"
    (root / "posts" / "articles").mkdir(parents=True)
    (root / "posts" / "articles" / "my-article.md").write_text(ARTICLE, encoding="utf-8")
    return root


def test_a_folder_without_the_schedule_or_the_brand_is_told_the_line_that_copies_each(tmp_path):
    root = _bare_folder(tmp_path)
    env = {**os.environ, "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "scheduler", *args], cwd=root, env=env, capture_output=True,
                              text=True, timeout=300, check=False)

    split = run("split", "posts/articles/my-article.md")
    assert split.returncode == 0, split.stderr
    said = next(line for line in split.stdout.splitlines() if line.startswith("no posts/schedule.yaml"))
    copy_schedule = said.split(": ")[-1]
    assert copy_schedule == f"cp {shlex.quote(str(CLONE / 'posts' / 'schedule.yaml'))} {shlex.quote(str(root / 'posts'))}/"

    queue = run("queue")
    assert queue.returncode == 2
    assert queue.stderr.count("\n") == 1 and "Traceback" not in queue.stderr
    assert queue.stderr.startswith("error: posts/schedule.yaml: file not found;")
    assert copy_schedule in queue.stderr
    subprocess.run(copy_schedule, shell=True, check=True)  # the line as given does what it says

    cards = run("cards")
    assert cards.returncode == 2, cards.stderr
    assert cards.stderr.startswith("error: assets/brand.yaml: file not found;")
    copy_assets = cards.stderr.strip().split(": ")[-1]
    assert copy_assets == f"cp -r {shlex.quote(str(CLONE / 'assets'))} {shlex.quote(str(root))}/"
    subprocess.run(copy_assets, shell=True, check=True)
    assert (root / "assets" / "brand.yaml").exists() and (root / "assets" / "fonts").is_dir()
    assert run("approve", "my-article").returncode == 0
    cards = run("cards")
    assert cards.returncode == 0, cards.stderr
    assert list((root / ".juno" / "cards").rglob("*.png"))


def test_in_the_clone_itself_no_copy_line_is_offered(tmp_path):
    """Only a folder that is not the clone is told to copy the clone's files: the clone itself is not told to copy
    its schedule onto itself, and a clone with no bundled file to give offers no line."""
    assert bundled_hint(Path("posts") / "schedule.yaml", CLONE) is None
    assert bundled_hint(Path("posts") / "no-such.yaml", tmp_path) is None
    assert bundled_hint(Path("posts") / "schedule.yaml", tmp_path) is not None


def test_check_notes_a_practice_folder_still_drawing_the_bundled_logo(tmp_path):
    """User trial 6: a folder started as the page says drew Juno's "J" on every card and `check` said "ok"."""
    root = _bare_folder(tmp_path)
    subprocess.run(f"cp -r {shlex.quote(str(CLONE / 'assets'))} {shlex.quote(str(root))}/", shell=True, check=True)
    schedule = (CLONE / "posts" / "schedule.yaml").read_text(encoding="utf-8")
    assert "handle: junocounseling" in schedule  # the bundled practice, as check.BUNDLED_HANDLE says
    (root / "posts" / "schedule.yaml").write_text(schedule.replace("handle: junocounseling", "handle: harborlightft"),
                                                  encoding="utf-8")

    def check() -> list[str]:
        run = subprocess.run([sys.executable, "-m", "scheduler", "check"], cwd=root, capture_output=True, text=True,
                             env={**os.environ, "HOME": str(tmp_path)}, timeout=300, check=False)
        assert run.returncode == 0, run.stderr
        return [line for line in run.stdout.splitlines() if line.split()[1:2] == ["logo"]]

    (said,) = check()
    assert said.split(None, 2)[0] == "note" and "assets/logo.png is the bundled Juno Counseling logo" in said
    Image.new("RGBA", (64, 64), (200, 30, 30, 255)).save(root / "assets" / "logo.png")  # her own logo
    assert check() == []
