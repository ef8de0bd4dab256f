"""The fourth user trial: on the review page, list item b6.4 of her article ("Resist the urge to argue…") was
shown plain with "Make this item a tip", though it gave resist-the-urge-to-argue-with-how (the page's own "Tips:"
line listed it): split had rewritten the tip ("they" named, a condition added), so it no longer carried the
item's words, and the page matched items by words alone. The page now reads which item gave which tip from
split's record, as `split --json` says it."""

from __future__ import annotations

import html
import re
import shutil

from tests.conftest import REPO, run_cli
from tests.studio.helpers import Studio

ARTICLE = REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
SLUG = "supporting-a-partner-through-depression"


def test_a_list_item_whose_tip_was_rewritten_is_marked_as_its_source(tmp_path):
    root = tmp_path / "project"
    (root / "posts" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts")
    shutil.copytree(REPO / "assets", root / "assets")
    shutil.copy(ARTICLE, root / "posts" / "articles")
    split = run_cli("split", f"posts/articles/{ARTICLE.name}", cwd=root)
    assert split.code == 0, split
    page = Studio(root).sign_in().get(f"/c/{SLUG}").text

    marked = {html.unescape(text): tips for tips, text in re.findall(r'<mark title="source of ([^"]+)">([^<]+)</mark>',
                                                                     page)}
    resist = "Resist the urge to argue with how they feel. You do not have to agree that things are hopeless to " \
             "accept that they feel that way."
    assert marked[resist] == "resist-the-urge-to-argue-with-how"
    offered = [html.unescape(text) for text in re.findall(
        r'name="paragraph" value="6">\s*<input type="hidden" name="text" value="([^"]+)">', page)]
    ask = ("Ask what would help instead of guessing: \"Would it help if I took the kids tonight, or would you rather "
           "have company?\"")
    # a step that frames a quoted question is a step, not a question (the newcomer trial): now a tip of its own,
    # marked as its source like the rest, and no longer offered as a left-out item
    assert ask in marked and ask not in offered, (marked, offered)
