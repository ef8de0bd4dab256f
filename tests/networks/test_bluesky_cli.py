"""Bluesky through the real CLI against the reference PDS (tests/pds/), beside X rehearsed in the outbox.

Each tip goes out once on Bluesky with its card and alt text; Bluesky's trouble (a server that is
down, another account's app password) never holds X back; unpublish deletes the record.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from conftest import drawn_project, fresh_copy, run_cli_in_process
from schedules import daily_schedule
from test_networks_cli import (  # the same campaign as the Mastodon CLI tests
    TIPS,
    _reviewed_is_known,
)

pytestmark = pytest.mark.slow  # a real PDS (Node) process

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
SCHEDULE = daily_schedule("""\
accounts:
  - {network: x, handle: junocounseling, publisher: outbox}
  - {network: bluesky, handle: placeholder.test}
""", """\
link: {mode: in-post, utm: {medium: social}}
hashtags: ["#CouplesCounseling"]
crisis_footer: "If you are in crisis, call or text 988."
""")
FIRST = f"{CAMPAIGN}/reluctance-doesnt-always-mean-refusal"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    tips = TIPS if _reviewed_is_known() else TIPS.replace("    reviewed: [sensitive]\n", "")
    return drawn_project(tmp_path_factory.mktemp("bluesky-template"), SCHEDULE, CAMPAIGN, tips)


@pytest.fixture
def account(pds):
    return pds.create_account()


@pytest.fixture
def project(drawn, tmp_path, pds, account) -> Path:
    root = fresh_copy(drawn, tmp_path)
    schedule = root / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("placeholder.test", account.handle), encoding="utf-8")
    result = run_cli_in_process("queue", "--json", "--now", "2026-12-01T07:00", cwd=root, env=env(pds, account))
    assert result.code == 0, result
    return root


def env(pds, account, *, password: str | None = None, url: str | None = None) -> dict:
    return {"BLUESKY_APP_PASSWORD": password or account.app_password, "BLUESKY_PDS_URL": url or pds.url}


def cli(root: Path, environment: dict, *args: str):
    result = run_cli_in_process(*args, cwd=root, env=environment)
    return result, (json.loads(result.out) if "--json" in args and result.out.strip() else None)


def outbox(root: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((root / ".juno" / "outbox").glob("*.json"))]


def test_each_tip_goes_out_once_on_bluesky_with_its_card_and_alt_text(project, pds, account):
    environment = env(pds, account)
    checked, data = cli(project, environment, "check", "bluesky", "--json")
    assert checked.code == 0, checked
    assert account.handle in next(c["detail"] for c in data["checks"] if c["name"] == "bluesky handle")

    for now in ("2026-12-01T09:01", "2026-12-01T12:01", "2026-12-02T09:01"):
        result, report = cli(project, environment, "run-due", "--json", "--now", now)
        assert result.code == 0, result
        assert sorted(p["network"] for p in report["posted"]) == ["bluesky", "x"]
    again, report = cli(project, environment, "run-due", "--json", "--now", "2026-12-02T10:00")
    assert again.code == 0 and report["posted"] == []

    records = pds.list_records(account.did)
    assert len(records) == 3 and len(outbox(project)) == 3
    for record in records:
        value = record["value"]
        [image] = value["embed"]["images"]
        assert image["alt"] and image["aspectRatio"]["width"] > 0  # the card, with its alt text
        assert pds.get_blob(account.did, image["image"]["ref"]["$link"])[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0")
        links = [f["features"][0]["uri"] for f in value["facets"] if "uri" in f["features"][0]]
        assert links and all("utm_source=bluesky" in uri for uri in links)  # the source is the network
        assert {"tag": "CouplesCounseling"}.items() <= next(
            f["features"][0] for f in value["facets"] if "tag" in f["features"][0]).items()
        assert "https://" not in value["text"] and value["langs"] == ["en"]
    sensitive = next(r["value"]["text"] for r in records if "safety" in r["value"]["text"])
    assert "call or text 988" in sensitive  # the crisis footer goes out on Bluesky too
    from scheduler.config import load_settings
    from scheduler.store import open_store

    with open_store(load_settings(project, env={}).database_url) as store:
        keys = {p.attempt_key for p in store.posts() if p.network == "bluesky"}
    assert keys == {r["uri"].rsplit("/", 1)[-1] for r in records}  # each key noted before its post went out
    _, history = cli(project, environment, "history", "--json")
    urls = {r["url"] for r in history["posts"] if r["network"] == "bluesky"}
    assert urls == {f"https://bsky.app/profile/{account.handle}/post/{r['uri'].rsplit('/', 1)[-1]}"
                    for r in records}


def test_a_bluesky_server_that_is_down_holds_back_only_bluesky(project, pds, account):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{probe.getsockname()[1]}"
    result, report = cli(project, env(pds, account, url=down), "run-due", "--json", "--now", "2026-12-01T09:01")
    assert result.code == 0, result
    assert [p["network"] for p in report["posted"]] == ["x"]
    [deferred] = report["deferred"]
    assert deferred["id"] == f"{FIRST}@bluesky" and f"{down} could not be reached" in deferred["reason"]

    result, report = cli(project, env(pds, account), "run-due", "--json", "--now", "2026-12-01T09:30")
    assert [p["id"] for p in report["posted"]] == [f"{FIRST}@bluesky"]
    assert len(pds.list_records(account.did)) == 1


def test_another_accounts_app_password_stops_bluesky_only_and_says_what_to_fix(project, pds, account):
    other = pds.create_account()
    wrong = env(pds, account, password=other.app_password)
    result, report = cli(project, wrong, "run-due", "--json", "--now", "2026-12-01T09:01")
    assert result.code == 3, result
    assert [p["network"] for p in report["posted"]] == ["x"]
    assert report["stopped"]["network"] == "bluesky"
    assert "BLUESKY_APP_PASSWORD" in report["stopped"]["reason"]
    assert other.app_password not in result.out + result.err
    assert pds.list_records(account.did) == [] and pds.list_records(other.did) == []
    checked, _ = cli(project, wrong, "check", "bluesky")
    assert checked.code == 2 and "refused the app password" in checked.out


def test_unpublish_deletes_the_record_and_records_it(project, pds, account):
    environment = env(pds, account)
    cli(project, environment, "run-due", "--json", "--now", "2026-12-01T09:01")
    [record] = pds.list_records(account.did)
    gone, data = cli(project, environment, "unpublish", "reluctance-doesnt-always-mean-refusal@bluesky", "--json")
    assert gone.code == 0, gone
    [row] = data["posts"]
    assert row["network"] == "bluesky" and row["deleted"] is True and row["error"] is None
    assert pds.list_records(account.did) == [] and len(outbox(project)) == 1
    assert record["uri"].rsplit("/", 1)[-1] in row["url"]
