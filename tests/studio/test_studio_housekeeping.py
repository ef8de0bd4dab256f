"""Housekeeping (issue 21, item 8): getting back in after a browser restart, restarting on the same port,
the same article uploaded twice, archiving a campaign, editing a tip that is already out."""

from __future__ import annotations

import re
import time

import pytest

from tests.studio.server import StudioProcess
from tests.studio.test_studio_server import fetch


def next_link(studio: StudioProcess, seconds: float = 10) -> str:
    """The next sign-in link the studio prints."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = studio.proc.stdout.readline()
        match = re.search(r"open: (http://127\.0\.0\.1:\d+/login\?token=\S+)", line)
        if match:
            return match.group(1)
    raise AssertionError("the studio printed no new link")


@pytest.mark.slow
def test_the_session_outlives_a_browser_restart_and_a_new_browser_gets_a_link_in_the_terminal(project):
    studio = StudioProcess(project)
    try:
        first = fetch(studio.link)
        cookie_header = first.headers["Set-Cookie"]
        assert re.search(r"Max-Age=\d{6,}", cookie_header), cookie_header  # kept when the browser restarts
        cookie = cookie_header.split(";", 1)[0]
        assert fetch(studio.base + "/queue", cookie).status == 200

        stranger = fetch(studio.base + "/queue")  # another browser, or one that lost its cookie
        assert stranger.status == 401
        said = stranger.read().decode()
        assert said.count("\n") == 1 and "a new sign-in link was printed just now" in said
        link = next_link(studio)
        assert link != studio.link
        assert fetch(studio.base + "/").status == 401  # one link at a time: nothing new is printed ...
        again = fetch(link)
        assert again.status == 303
        assert fetch(studio.base + "/", again.headers["Set-Cookie"].split(";", 1)[0]).status == 200
        assert fetch(link).status == 401  # ... and each works once
    finally:
        studio.stop()


@pytest.mark.slow
def test_a_studio_restarted_on_the_same_port_answers_at_once(project):
    """The first studio closes its connections itself (Connection: close), leaving them in TIME_WAIT on its port:
    without SO_REUSEADDR the second would be refused for about a minute."""
    first = StudioProcess(project)
    port = first.port
    try:
        for _ in range(5):
            answer = fetch(first.base + "/")
            assert answer.status == 401
    finally:
        code, _out, _err = first.interrupt()
    assert code == 0
    second = StudioProcess(project, "--port", str(port))
    try:
        assert second.port == port
        assert fetch(second.link).status == 303
    finally:
        second.stop()
