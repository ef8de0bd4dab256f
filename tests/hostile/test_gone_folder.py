"""A command run from a folder that was deleted under the shell: one line saying what to do, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.cases import fresh_project

GONE = "error: the current folder no longer exists (it was deleted or moved); cd into the project folder " \
       "(the one holding posts/) or pass --root DIR"


def run_in_deleted_folder(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m scheduler ARGS` started in a folder that is removed before the command runs, as after
    `rm -rf` of the folder a shell still stands in."""
    gone = tmp_path / "gone"
    gone.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    return subprocess.run(["sh", "-c", script, "sh", str(gone), sys.executable, "-m", "scheduler", *args],
                          env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args", [("status",), ("run-due",), ("plan", "--root", "project"), ("demo",)],
                         ids=" ".join)
def test_a_deleted_working_folder_is_one_line_saying_cd_or_root(tmp_path, args):
    proc = run_in_deleted_folder(tmp_path, *args)
    assert proc.returncode == 2, proc
    assert proc.stderr.strip() == GONE, proc


def test_root_given_in_full_still_works_from_a_deleted_folder(tmp_path):
    root = fresh_project(tmp_path)
    proc = run_in_deleted_folder(tmp_path, "status", "--root", str(root))
    assert proc.returncode == 0 and "error" not in proc.stderr, proc


def test_debug_shows_the_traceback(tmp_path):
    proc = run_in_deleted_folder(tmp_path, "status", "--debug")
    assert proc.returncode == 1 and "Traceback" in proc.stderr and "FileNotFoundError" in proc.stderr, proc
