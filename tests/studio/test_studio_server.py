"""The studio as a real server: 127.0.0.1 only, a one-time link, a clean Ctrl-C, a clear message for a taken port."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest

from tests.conftest import run_cli
from tests.studio.server import StudioProcess

pytestmark = pytest.mark.slow


def fetch(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(request, timeout=10)
    except urllib.error.HTTPError as exc:
        return exc


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_link_signs_in_once_and_ctrl_c_stops_cleanly(project):
    studio = StudioProcess(project)
    try:
        assert fetch(studio.base + "/").status == 401
        first = fetch(studio.link)
        assert first.status == 303
        cookie = first.headers["Set-Cookie"].split(";", 1)[0]
        assert fetch(studio.base + "/", cookie).status == 200
        assert fetch(studio.link).status == 401  # replayed
        with pytest.raises(OSError):  # nothing listens on the other addresses
            socket.create_connection((_outward_address(), studio.port), timeout=1).close()
    finally:
        code, _out, err = studio.interrupt()
    assert code == 0
    assert "Traceback" not in err and "studio stopped" in err


def _outward_address() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.2"
    return address if address != "127.0.0.1" else "127.0.0.2"


def test_a_taken_port_is_one_line_and_exit_2(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        result = run_cli("--root", str(project), "studio", "--no-open", "--port", str(taken.getsockname()[1]))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "is taken" in result.err and "--port" in result.err
