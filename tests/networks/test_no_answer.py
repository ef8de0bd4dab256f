"""A network server that accepts the connection and never answers (user trial: run-due took 98 s and said "the
connection dropped"): every call waits networks.policy.ANSWER_WITHIN_S at most, once, and says so."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest
from conftest import RELUCTANCE_TIP, drawn_project, run_cli, seed_campaign
from schedules import daily_schedule

from scheduler.networks.policy import ANSWER_WITHIN_S

pytestmark = pytest.mark.slow

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
TIPS = seed_campaign(RELUCTANCE_TIP, url="null")
POLICY = 'link: {mode: none}\nhashtags: ["#CouplesCounseling"]\nbudget: {monthly_usd: 10}\n'


class SilentServer:
    """A real TCP server on 127.0.0.1 that accepts every connection, reads nothing and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.accepted: list[socket.socket] = []
        self.base_url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


X = ("account: {handle: junocounseling, publisher: x}\n", {"X_API_KEY": "key", "X_API_SECRET": "secret",
                                                          "X_ACCESS_TOKEN": "token", "X_ACCESS_TOKEN_SECRET": "ts"},
     "JUNO_X_API_BASE")
MASTODON = ('accounts:\n  - {network: mastodon, handle: "@junocounseling@social.example"}\n',
            {"MASTODON_ACCESS_TOKEN": "token"}, "MASTODON_API_BASE")


@pytest.mark.parametrize(("accounts", "secrets", "base"), [X, MASTODON], ids=["x", "mastodon"])
def test_a_server_that_never_answers_defers_the_post_saying_no_answer_within_the_policy(tmp_path, silent, accounts,
                                                                                      secrets, base):
    root = drawn_project(tmp_path / "project", daily_schedule(accounts, POLICY), CAMPAIGN, TIPS)
    assert run_cli("queue", "--now", "2026-12-01T07:00", cwd=root).code == 0
    result = run_cli("run-due", "--json", "--now", "2026-12-01T09:01", cwd=root,
                     env={**secrets, base: silent.base_url})
    report = json.loads(result.out)
    assert report["posted"] == [], result
    said = [row.get("reason") or row.get("error") for row in report["deferred"] + report["failed"]]
    assert said and all(f"no answer within {ANSWER_WITHIN_S:g} s" in words for words in said), result
    assert "connection dropped" not in result.out + result.err
    assert len(silent.accepted) == 1, "an unanswered call is asked once a run, not again and again"
