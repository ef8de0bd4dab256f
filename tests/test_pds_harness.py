"""The Bluesky test harness itself: the reference PDS listens on loopback only and goes away with its parent."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests

pytestmark = pytest.mark.slow  # a real PDS (Node) process


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a listening TCP socket on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_pds_serves_accounts_and_listens_on_loopback_only(pds):
    account = pds.create_account()
    session = pds.xrpc("POST", "com.atproto.server.createSession",
                       json={"identifier": account.handle, "password": account.app_password})
    assert session["did"] == account.did and session["handle"] == account.handle
    for url in (pds.url, pds.plc):
        assert listening_addresses(urlparse(url).port) == {"0100007F"}  # 127.0.0.1, nothing else


def test_harness_exits_when_its_input_closes(pds):
    from tests import pdsserver

    server = pdsserver.start()
    server.process.stdin.close()
    assert server.process.wait(timeout=15) == 0
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{server.url}/xrpc/com.atproto.server.describeServer", timeout=3)
