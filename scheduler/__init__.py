"""juno-scheduler: articles in, helpful tips with quote cards out, on a weekly timetable.

    from scheduler import open_project
    project = open_project("path/to/practice")

`Project` (scheduler.project) is the front door: every command of the CLI and the studio is one of its
methods, and each returns a typed result (scheduler.results). What is named in `__all__` is public.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from scheduler.version import __version__

if TYPE_CHECKING:
    from scheduler.project import Project


def open_project(root: Path | str = ".", env: Mapping[str, str] | None = None, *, rehearse: bool = False) -> Project:
    """The project in `root`: the library's front door (see scheduler.project.open_project)."""
    # lazy: importing any part of the package (run-due's cron fast path, --help) loads no stage
    from scheduler.project import open_project as _open

    return _open(root, env, rehearse=rehearse)


def __getattr__(name: str):
    if name == "Project":
        # lazy: as in open_project above
        from scheduler.project import Project

        return Project
    raise AttributeError(f"module 'scheduler' has no attribute {name!r}")


__all__ = ["Project", "__version__", "open_project"]
