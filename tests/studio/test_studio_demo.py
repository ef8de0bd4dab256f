"""The studio on the demo's folder (user trial 5): the demo walks a simulated week ahead of the real clock, and its
posts read "posted" days before their time. A post recorded as posted at a time still ahead of the studio's
clock reads "simulated, not posted yet", with its time, on every page; once its time has come it reads posted."""

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


def test_the_demo_s_posts_read_simulated_until_their_time_then_posted(demo):
    scratch, report = demo
    start = datetime.fromisoformat(report["start"])
    slug = report["split"]["campaign"].split("/")[-1].removesuffix(".yaml")
    posted = report["posted"]

    before = Studio(scratch, now=start - timedelta(hours=1)).sign_in()  # the real clock, as the demo ends
    queue = text_of(before.get("/queue"))
    assert queue.count("simulated, not posted yet") == len(posted), queue
    history = queue[queue.index("History"):]
    assert " posted " not in history.replace("not posted yet", ""), history
    campaigns = text_of(before.get("/"))
    assert "0 posted" in campaigns and f"{len(posted)} simulated ahead of the clock" in campaigns, campaigns
    review = text_of(before.get(f"/c/{slug}"))
    assert review.count("simulated, not posted yet ·") == len(posted)
    assert "Already out" not in review
    first = datetime.fromisoformat(posted[0]["at"])
    calendar = text_of(before.get(f"/calendar?mode=week&day={first.date().isoformat()}"))
    assert "simulated, not posted yet" in calendar and "· posted" not in calendar
    assert before.get("/queue?state=simulated").status_code == 200

    after = Studio(scratch, now=start + timedelta(days=8)).sign_in()  # the week has come: they are out
    queue = text_of(after.get("/queue"))
    assert "simulated" not in queue.replace("Simulated (on a clock ahead of now)", "")
    assert f"{len(posted)} posted" in text_of(after.get("/"))


def test_the_queue_s_account_box_counts_the_demo_s_posts_as_simulated_not_posted(demo):
    """User trial (second studio): the account box said "4 posted" and "This month: 4 posts" for the demo's
    simulated week while History below said "simulated, not posted yet"."""
    scratch, report = demo
    start = datetime.fromisoformat(report["start"])
    n = len(report["posted"])
    queue = text_of(Studio(scratch, now=start - timedelta(hours=1)).sign_in().get("/queue"))
    box = " ".join(queue[queue.index("The account") if "The account" in queue else queue.index("Accounts"):
                         queue.index("Going out")].split())
    assert " 0 posted," in box and f"{n} simulated (not posted)" in box, box
    assert re.search(r"This month \(from [\d-]+\): 0 posts", box), box
    assert f"{n} posts simulated ahead of the clock" in box, box
    assert not re.search(r": [1-9]\d* posts?,", box), box  # no network counts a simulated post as out

    after = text_of(Studio(scratch, now=datetime.fromisoformat(report["posted"][-1]["at"]) + timedelta(hours=1))
                    .sign_in().get("/queue"))
    assert f"{n} posted" in after and "simulated (not posted)" not in after, after
