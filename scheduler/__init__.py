"""juno-scheduler: articles in, helpful tips with quote cards out, on a weekly timetable.

    from scheduler import open_project
"""

__version__ = "0.1.0"


def open_project(root=".", env=None):
    """The project in `root`: the library's front door (see scheduler.project.Project)."""
    from scheduler.project import open_project as _open

    return _open(root, env)


__all__ = ["__version__", "open_project"]
