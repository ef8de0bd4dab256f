"""Two runs that recycle at the same moment queue each repeat once, with no error (real databases: a SQLite file
and PostgreSQL, each run with its own connection, as two processes have).

The user trial's case: the queue ran dry, a tip posted long enough ago was due to come round again, and two cron
runs recycled it at once: each read that nothing was waiting, each chose the tip, and the second failed inserting
`t1~2` again ("duplicate id", exit 1). Here the first run is held while it reads its tips' campaigns, until the
second has recycled (before), or now until the second has looked and found nothing waiting, so that the second then
waits for the first (recycling reads and queues under the database's lock on slots, so the second finds the
repeats waiting and has nothing to do). The two are ordered by events, never by a timed wait: a test that waited
"a few seconds" would hang where the clock is not the wall's (libfaketime) and pass by luck on a slow machine."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime

from queue_helpers import post_everything, settings_for, write_campaign, write_schedule

from scheduler.campaigns.recycling import recycle
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
    first_holds, second_looked = threading.Event(), threading.Event()
    found: dict[str, list] = {}

    def first_run() -> None:
        def still_wanted(post) -> bool:  # the first run reads its campaigns slowly: the second looks meanwhile
            first_holds.set()
            second_looked.wait()
            return True

        try:
            with open_store(settings.database_url) as store:
                found["first"] = recycle(settings, store, LATER, still_wanted)
        finally:
            first_holds.set()

    # the second run's store is open before the first starts: opening migrates under the database's lock, which
    # the first holds while it recycles
    with open_store(settings.database_url) as store:
        reading = store.posts

        def posts(*args, **kwargs):
            try:
                return reading(*args, **kwargs)
            finally:
                second_looked.set()  # it has read the queue (nothing waiting yet): now the first may go on

        store.posts = posts  # type: ignore[method-assign]
        first = threading.Thread(target=first_run)
        first.start()
        try:
            first_holds.wait()  # the first is choosing its repeats, under the lock on slots
            found["second"] = recycle(settings, store, LATER, lambda post: True)
        finally:
            second_looked.set()
            first.join()

    assert sorted(p.id for p in found["first"]) == ["alpha/t1~2", "alpha/t2~2"]
    assert found["second"] == []  # it looked before the first queued, and found the repeats waiting under the lock
    with open_store(settings.database_url) as store:
        rounds = Counter(post.tip_key for post in store.posts() if post.round == 2)
    assert rounds == {"alpha/t1": 1, "alpha/t2": 1}
