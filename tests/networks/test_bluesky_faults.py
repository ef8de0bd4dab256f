"""Bluesky through the fault proxy (tests/faultproxy.py) in front of the reference PDS: an answer lost
after createRecord made the post, a 5xx after the work, a 429 with its reset, and a worker killed while
the answer is on its way. Each post is on the server exactly once, and the database agrees."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import test_bluesky_cli
from conftest import run_cli_in_process
from faultproxy import FaultProxy
from test_bluesky_cli import FIRST

from scheduler.networks.base import Outgoing
from scheduler.networks.bluesky.access import BlueskyAccess
from scheduler.networks.bluesky.publisher import BlueskyPublisher
from scheduler.store import open_store

pytestmark = pytest.mark.slow  # a real PDS (Node) process

CREATE = "POST com.atproto.repo.createRecord"
GET = "GET com.atproto.repo.getRecord"


# The Bluesky CLI tests' account and project (queued at 07:00 straight to the PDS; posted here through the proxy).
account, drawn, project = test_bluesky_cli.account, test_bluesky_cli.drawn, test_bluesky_cli.project


@pytest.fixture
def proxy(pds):
    with FaultProxy(pds.url) as running:
        yield running


def publisher_for(proxy, account) -> BlueskyPublisher:
    return BlueskyPublisher(BlueskyAccess(account.app_password, proxy.base_url), account.handle)


def texts(pds, account) -> list[str]:
    return [r["value"]["text"] for r in pds.list_records(account.did)]


def dropped(proxy, route: str) -> int:
    return sum(1 for r in proxy.requests if r["route"] == route and r["dropped"])


def test_the_client_stays_behind_the_proxy_after_logging_in(proxy, pds, account):
    publisher = publisher_for(proxy, account)
    publisher.publish(Outgoing(post_id="c/behind@bluesky", text="Behind the proxy.", card=None, alt_text=""))
    assert proxy.count(CREATE) == 1 and texts(pds, account) == ["Behind the proxy."]
    publisher.close()


@pytest.mark.parametrize("fault", [{"drop": "after"}, {"status": 504, "forward": True}],
                         ids=["answer-dropped", "5xx-after-the-work"])
def test_a_lost_answer_after_the_record_was_made_is_found_by_its_key_not_posted_again(proxy, pds, account, fault):
    proxy.inject(CREATE, **fault)
    publisher = publisher_for(proxy, account)
    post = Outgoing(post_id="c/lost@bluesky", text="The answer was lost.", card=None, alt_text="")
    published = publisher.publish(post)
    assert proxy.count(CREATE) == 1 and proxy.count(GET) == 1  # made once, then looked for by its key
    assert texts(pds, account) == ["The answer was lost."]
    assert published.remote_id == pds.list_records(account.did)[0]["uri"]
    assert publisher.publish(Outgoing(**{**post.__dict__, "uncertain": True})) == published  # a later look finds it
    assert texts(pds, account) == ["The answer was lost."]
    publisher.close()


def test_a_5xx_before_the_work_leaves_nothing_and_says_the_post_may_be_out(proxy, pds, account):
    from scheduler.errors import PublishError

    proxy.inject(CREATE, status=503)
    proxy.inject(GET, status=503)  # and the look that follows fails too: the runner must look again later
    publisher = publisher_for(proxy, account)
    with pytest.raises(PublishError) as raised:
        publisher.publish(Outgoing(post_id="c/down@bluesky", text="Down for a moment.", card=None, alt_text=""))
    assert raised.value.kind == "retry"
    assert texts(pds, account) == []
    publisher.close()


# --- through the CLI, with the database ----------------------------------------------------------------

def env(proxy, account) -> dict:
    return {"BLUESKY_APP_PASSWORD": account.app_password, "BLUESKY_PDS_URL": proxy.base_url}


def run_due(root: Path, proxy, account, now: str) -> dict:
    result = run_cli_in_process("run-due", "--json", "--now", now, cwd=root, env=env(proxy, account))
    assert result.code in (0, 3), result
    return json.loads(result.out)


def bluesky_posts(root: Path):
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        return {p.id: p for p in store.posts() if p.network == "bluesky"}


def test_a_dropped_answer_and_a_failed_look_then_the_next_run_records_the_post_once(project, proxy, pds, account):
    proxy.inject(CREATE, drop="after")
    proxy.inject(GET, status=503, times=2)  # the publisher's look right away fails, and so does the runner's next
    first = run_due(project, proxy, account, "2026-12-01T09:01")
    assert [f["id"] for f in first["deferred"] + first["failed"]] == [f"{FIRST}@bluesky"]
    assert dropped(proxy, CREATE) == 1 and len(texts(pds, account)) == 1  # made; the worker never heard
    assert bluesky_posts(project)[f"{FIRST}@bluesky"].attempt_open  # still uncertain: looked for first

    second = run_due(project, proxy, account, "2026-12-01T09:20")  # after the 2-minute backoff; the look fails
    assert [p["id"] for p in second["posted"]] == [] and len(texts(pds, account)) == 1
    assert bluesky_posts(project)[f"{FIRST}@bluesky"].attempt_open  # a failed look settles nothing

    third = run_due(project, proxy, account, "2026-12-01T09:40")
    assert [p["id"] for p in third["posted"]] == [f"{FIRST}@bluesky"]
    [record] = pds.list_records(account.did)
    post = bluesky_posts(project)[f"{FIRST}@bluesky"]
    assert post.status == "posted" and post.remote_id == record["uri"] and not post.attempt_open
    assert proxy.count(CREATE) == 1  # never sent again


def test_a_429_with_its_reset_holds_the_account_until_then_and_the_post_goes_out_once(project, proxy, pds, account):
    now = datetime(2026, 12, 1, 14, 1, tzinfo=UTC)  # 09:01 in New York
    proxy.set_now(now.timestamp())
    proxy.inject(CREATE, status=429, reset_in=600)
    first = run_due(project, proxy, account, "2026-12-01T09:01")
    [deferred] = [d for d in first["deferred"] if d["network"] == "bluesky"]
    assert deferred["until"].startswith("2026-12-01T09:11")  # the reset the server gave, in local time
    assert texts(pds, account) == []
    early = run_due(project, proxy, account, "2026-12-01T09:10")
    assert [p for p in early["posted"] if p["network"] == "bluesky"] == []
    later = run_due(project, proxy, account, "2026-12-01T09:12")
    assert [p["id"] for p in later["posted"] if p["network"] == "bluesky"] == [f"{FIRST}@bluesky"]
    assert len(texts(pds, account)) == 1 and proxy.count(CREATE) == 2


def test_a_worker_killed_while_the_answer_is_on_its_way_posts_nothing_twice(project, proxy, pds, account):
    proxy.inject(CREATE, delay=30)
    environ = {**{k: v for k, v in os.environ.items() if not k.startswith(("BLUESKY_", "X_", "JUNO_"))},
               **env(proxy, account)}
    worker = subprocess.Popen([sys.executable, "-m", "scheduler", "run-due", "--now", "2026-12-01T09:01"],
                              cwd=project, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proxy.count(CREATE) == 0 and time.monotonic() < deadline and worker.poll() is None:
        time.sleep(0.05)
    assert proxy.count(CREATE) == 1, "the worker never reached createRecord"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert len(texts(pds, account)) == 1  # made, and the worker is gone before it heard
    post = bluesky_posts(project)[f"{FIRST}@bluesky"]
    assert post.status != "posted" and post.attempt_open

    after = run_due(project, proxy, account, "2026-12-01T09:15")  # the dead worker's lease has run out
    assert f"{FIRST}@bluesky" in [p["id"] for p in after["posted"]]
    [record] = pds.list_records(account.did)
    assert bluesky_posts(project)[f"{FIRST}@bluesky"].remote_id == record["uri"]
    assert proxy.count(CREATE) == 1
