"""Two runs that recycle at the same moment queue each repeat once, with no error (real databases: a SQLite file
and PostgreSQL, each run with its own connection, as two processes have).

The user trial's case: the queue ran dry, a tip posted long enough ago was due to come round again, and two cron
runs recycled it at once: each read that nothing was waiting, each chose the tip, and the second failed inserting
`t1~2` again ("duplicate id", exit 1). Here the first run is held while it reads its tips' campaigns, until the
second has recycled (before) or for a few seconds while the second waits for it (now: recycling reads and queues
under the database's lock on slots, so the second finds the repeats waiting and has nothing to do)."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime

from queue_helpers import post_everything, settings_for, write_campaign, write_schedule

from scheduler.campaigns.queueing import recycle
from scheduler.store import open_store

LATER = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)  # a season after the tips went out (recycle_after 90d)


def test_two_runs_recycling_at_once_queue_each_repeat_once(project, cli, database_url):
    env = {"JUNO_DATABASE_URL": database_url}
    (project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").unlink()
    write_schedule(project, recycle="90d")
    write_campaign(project, "alpha", [{"id": "t1"}, {"id": "t2"}])
    assert cli("queue", "--now", "2026-12-01T08:00", cwd=project, env=env).code == 0
    post_everything(project, database_url=database_url)
    settings = settings_for(project, database_url)
    second_done = threading.Event()
    found: dict[str, list] = {}

    def first_run() -> None:
        def still_wanted(post) -> bool:  # the first run reads its campaigns slowly: the second runs meanwhile
            second_done.wait(3)
            return True

        with open_store(settings.database_url) as store:
            found["first"] = recycle(settings, store, LATER, still_wanted)

    first = threading.Thread(target=first_run)
    first.start()
    try:
        with open_store(settings.database_url) as store:
            found["second"] = recycle(settings, store, LATER, lambda post: True)
    finally:
        second_done.set()
        first.join()

    assert sorted(p.id for p in found["first"] + found["second"]) == ["alpha/t1~2", "alpha/t2~2"]
    with open_store(settings.database_url) as store:
        rounds = Counter(post.tip_key for post in store.posts() if post.round == 2)
    assert rounds == {"alpha/t1": 1, "alpha/t2": 1}
