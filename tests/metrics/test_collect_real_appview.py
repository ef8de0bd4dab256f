"""Bluesky's counts from the real AppView: @atproto/dev-env runs a PDS and the Bluesky AppView together on
loopback (tests/appview/, over PostgreSQL and a Redis of its own). The tip goes out through the CLI to that
PDS; other accounts like, repost, reply to and quote it; collect reads what the AppView counted.

Skipped when the harness is not installed (bash tests/appview/install.sh): the fake AppView
(tests/fakeappview.py) serves the other Bluesky metrics tests, which need only the PDS."""

from __future__ import annotations

import json

import pytest
from conftest import drawn_project, run_cli_in_process
from test_collect import CAMPAIGN, TIPS, snapshots
from test_collect_bluesky import SCHEDULE

pytestmark = pytest.mark.slow  # @atproto/dev-env: PLC, PDS, AppView, bsync and ozone in one Node process

A = f"{CAMPAIGN}/reluctance-doesnt-always-mean-refusal"


@pytest.fixture(scope="module")
def network():
    from tests import appviewserver

    problem = appviewserver.missing()
    if problem:
        pytest.skip(f"the AppView harness is not installed: {problem}; {appviewserver.INSTALL_HINT}")
    started = appviewserver.start()
    yield started
    started.stop()


def test_collect_reads_what_the_real_appview_counted(network, tmp_path):
    account = network.pds.create_account()
    root = drawn_project(tmp_path / "project", SCHEDULE.replace("placeholder.test", account.handle), CAMPAIGN, TIPS)
    env = {"BLUESKY_APP_PASSWORD": account.app_password, "BLUESKY_PDS_URL": network.pds.url}
    for command, now in (("queue", "2026-12-01T07:00"), ("run-due", "2026-12-01T09:01")):
        result = run_cli_in_process(command, "--now", now, cwd=root, env=env)
        assert result.code == 0, result
    uri = next(r["uri"] for r in network.pds.list_records(account.did) if "Reluctance" in r["value"]["text"])
    record = network.pds.get_record(account.did, "app.bsky.feed.post", uri.rsplit("/", 1)[1])
    network.interact(uri, record["cid"], likes=3, reposts=2, replies=1, quotes=1)

    result = run_cli_in_process("collect", "--json", "--now", "2026-12-01T10:30", cwd=root, env=env)
    assert result.code == 0, result
    assert [(r["network"], r["taken"], r["calls"]) for r in json.loads(result.out)["networks"]] == [("bluesky", 1, 1)]
    counts = snapshots(root)[(f"{A}@bluesky", "1h")]
    assert (counts["likes"], counts["reposts"], counts["replies"], counts["quotes"]) == (3, 2, 1, 1)
    assert counts["impressions"] is None and counts["late"] is False
