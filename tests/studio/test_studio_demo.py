"""The studio on the demo's folder (user trial 5): the demo walks a simulated week ahead of the real clock, and its
posts read "posted" days before their time, and again once the clock passed them (studio trial 3), though they only
went to the outbox. A post that went only to the outbox reads "simulated, not posted", with its time, on every page
(Queue, History, Calendar, Campaigns, the tip's badge), before its time and after."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta

import pytest

from tests.conftest import REPO, run_cli
from tests.studio.helpers import Studio


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("demo") / "demo"
    result = run_cli("demo", "--scratch", str(scratch), "--json", cwd=REPO)
    assert result.code == 0, result
    report = json.loads(result.out)
    assert report["posted"], "the demo's week posts something"
    return scratch, report


def text_of(page) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.text))


@pytest.mark.parametrize("when", ["an hour before its week", "eight days after it began"])
def test_the_demo_s_posts_read_simulated_before_their_time_and_after(demo, when):
    scratch, report = demo
    start = datetime.fromisoformat(report["start"])
    slug = report["split"]["campaign"].split("/")[-1].removesuffix(".yaml")
    posted = report["posted"]
    now = start - timedelta(hours=1) if when.startswith("an hour") else start + timedelta(days=8)

    studio = Studio(scratch, now=now).sign_in()
    queue = text_of(studio.get("/queue"))
    assert queue.count("simulated, not posted") == len(posted), queue
    history = queue[queue.index("History"):]
    assert " posted " not in history.replace("not posted", ""), history
    campaigns = text_of(studio.get("/"))
    assert "0 posted" in campaigns and f"{len(posted)} simulated (rehearsed in the outbox" in campaigns, campaigns
    review = text_of(studio.get(f"/c/{slug}"))
    assert review.count("simulated, not posted ·") == len(posted)
    assert "Already out" not in review
    first = datetime.fromisoformat(posted[0]["at"])
    calendar = text_of(studio.get(f"/calendar?mode=week&day={first.date().isoformat()}"))
    assert "simulated, not posted" in calendar and "· posted" not in calendar
    simulated = text_of(studio.get("/queue?state=simulated"))
    assert simulated.count("simulated, not posted") == len(posted)


def test_the_queue_s_account_box_counts_the_demo_s_posts_as_simulated_not_posted(demo):
    """User trial (second studio): the account box said "4 posted" and "This month: 4 posts" for the demo's
    simulated week while History below said "simulated, not posted yet"; and once the clock passed them, it
    counted them posted again (studio trial 3)."""
    scratch, report = demo
    start = datetime.fromisoformat(report["start"])
    n = len(report["posted"])
    for now in (start - timedelta(hours=1), datetime.fromisoformat(report["posted"][-1]["at"]) + timedelta(hours=1)):
        queue = text_of(Studio(scratch, now=now).sign_in().get("/queue"))
        box = " ".join(queue[queue.index("The account") if "The account" in queue else queue.index("Accounts"):
                             queue.index("Going out")].split())
        assert " 0 posted," in box and f"{n} simulated (not posted)" in box, box
        assert re.search(r"This month \(from [\d-]+\): 0 posts", box), box
        assert f"{n} posts simulated (rehearsed in the outbox" in box, box
        assert not re.search(r": [1-9]\d* posts?,", box), box  # no network counts a simulated post as out
