"""juno-scheduler: articles in, helpful tips with quote cards out, on a weekly timetable."""

__version__ = "0.1.0"
