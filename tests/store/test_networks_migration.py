"""A database made by the version before networks (schema 2, X through the outbox) keeps its queue and
history on X when a Mastodon account is added: nothing is posted twice; waiting tips go out on both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scheduler.store import open_store
from scheduler.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
POSTED = f"{CAMPAIGN}/understanding-the-reasons-behind-reluctance-can-help"
WAITING = (f"{CAMPAIGN}/reluctance-doesnt-always-mean-refusal", f"{CAMPAIGN}/common-reasons-a-partner-may-resist-include")


def _project_from_v2(project: Path) -> Path:
    """The bundled project with the database the previous version made: three tips queued, the first posted."""
    shutil.copy(FIXTURES / "schema-v1-campaign.yaml", project / "posts" / f"{CAMPAIGN}.yaml")
    (project / ".juno").mkdir()
    shutil.copy(FIXTURES / "schema-v2.db", project / ".juno" / "juno.db")
    return project


def test_the_old_queue_stays_on_x_and_a_new_network_joins_the_waiting_tips_slots(project, cli):
    root = _project_from_v2(project)
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as before:
        slots = {p.id: p.due_at for p in before.posts()}
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text.replace("account:\n  handle: junocounseling        # without the @\n"
                                     "  publisher: outbox", "accounts:\n  - {network: x, handle: junocounseling, "
                                     "publisher: outbox}\n  - {network: mastodon, handle: \"@juno@social.example\", "
                                     "publisher: outbox}"), encoding="utf-8")
    assert "accounts:" in schedule.read_text(encoding="utf-8")

    queued = cli("queue", "--json", "--now", "2026-12-02T09:00", cwd=root)
    assert queued.code == 0, queued
    added = sorted(row["id"] for row in json.loads(queued.out)["queued"])
    assert added == sorted(f"{key}@mastodon" for key in WAITING)  # the posted tip is not sent to Mastodon late

    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        posts = {p.id: p for p in store.posts()}
    assert {p.network for key, p in posts.items() if "@" not in key} == {"x"}
    assert posts[POSTED].status == "posted" and posts[POSTED].remote_id.startswith("outbox-")
    for key in WAITING:
        assert posts[key].due_at == slots[key]  # X keeps its slot...
        assert posts[f"{key}@mastodon"].due_at == slots[key]  # ...and Mastodon shares it

    for now in ("2026-12-03T19:45", "2026-12-05T10:10"):
        due = cli("run-due", "--json", "--now", now, cwd=root)
        assert due.code == 0, due
        assert sorted(row["network"] for row in json.loads(due.out)["posted"]) == ["mastodon", "x"]
    outbox = sorted(p.name for p in (root / ".juno" / "outbox").glob("*.json"))
    assert len(outbox) == 4  # two tips on two networks; the one the old version posted is not posted again
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        assert store.counts() == {"posted": 5}
        assert store.schema_version() == SCHEMA_VERSION  # migrated through to the current schema


def test_a_recycled_tip_comes_round_again_on_each_network_in_one_slot(project, cli):
    root = _project_from_v2(project)
    (root / ".juno" / "juno.db").unlink()
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    text = text.replace("account:\n  handle: junocounseling        # without the @\n  publisher: outbox",
                        "accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                        "  - {network: mastodon, handle: \"@juno@social.example\", publisher: outbox}")
    schedule.write_text(text.replace("recycle_after: null", "recycle_after: 7d"), encoding="utf-8")
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=root).code == 0
    for now in ("2026-12-02T08:40", "2026-12-03T19:40", "2026-12-05T10:05"):
        assert cli("run-due", "--now", now, cwd=root).code == 0
    assert cli("queue", "--now", "2026-12-11T08:00", cwd=root).code == 0
    # The queue ran dry: the tips posted at least a week before came round again.
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        again = [p for p in store.posts() if p.round == 2]
    tips = (POSTED, WAITING[0])
    assert sorted(p.id for p in again) == sorted([f"{tip}~2{suffix}" for tip in tips for suffix in ("", "@mastodon")])
    slots = {tip: {p.due_at for p in again if p.tip_key == tip} for tip in tips}
    assert all(len(times) == 1 for times in slots.values())  # each tip: one slot, on both networks
    assert len({next(iter(times)) for times in slots.values()}) == 2  # and two tips take two slots
