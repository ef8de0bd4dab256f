"""A list's lead-in that names nothing ("Some that families tell us meant the most:") is never a tip's headline
(issue 19, trial 6: graded C, and with no note it was the one tip plain `approve` approved): the sentence before it
that says what the items are is, or the tip is held back with a note that names the problem. Articles written for
these tests, in the voices of three practices, and the trial's."""

from __future__ import annotations

import json
from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from tests.conftest import article_project, run_cli

REPO = Path(__file__).resolve().parents[2]
TRIAL = REPO / "tests" / "data" / "trial" / "supporting-a-family-member-after-a-loss.md"

# A couples practice's post
REPAIR = """# Repair After an Argument

## Small gestures count

After a fight, many couples wait for the perfect apology and end up saying nothing. Small gestures of repair matter more than grand apologies. Some that partners find easiest to offer:

- a hand on the shoulder while passing in the kitchen
- a shared joke from earlier in the relationship
- an offer to make tea for both of you

## Timing

Wait until both of your heart rates have come down before you try to talk it through.
"""

# An anxiety clinic's post
CALM = """# Calming a Racing Heart Before a Presentation

## Small rituals

Nerves before speaking are normal, and they often fade once you begin. Short, physical rituals work better than trying to think your way calm. A few that clients swear by:

- Pressing your feet into the floor for ten slow breaths
- Holding something cold, like a water bottle, in both hands
- Humming quietly for a minute in the hallway

## After the talk

Write down one thing that went well before you pick apart what did not.
"""

# A marriage counselor's post
WORDS = """# Words That Help After a Fight

## Repair attempts

Some we hear couples use again and again:

- a hand on the shoulder
- a shared joke from years ago
- an offer of tea

## Timing

Wait until both of your heart rates have come down before you try to talk it through.
"""


def _tips(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_article(read_article(path, tmp_path))


def _list_tip(tips, item: str):
    found = [tip for tip in tips if item in tip.text]
    assert len(found) == 1, [tip.text for tip in tips]
    return found[0]


def test_the_trials_offers_are_headed_by_the_sentence_that_names_them():
    tips = split_article(read_article(TRIAL, TRIAL.parent))
    tip = _list_tip(tips, "dropping off a meal")
    assert tip.headline == "Specific offers are easier to accept."
    assert tip.text.startswith("Specific offers are easier to accept. Some that families tell us meant the most: "
                               "dropping off a meal on a set night each week")
    assert not any(tip.headline.startswith("Some that") for tip in tips)


def test_in_a_managers_project_the_post_keeps_an_offer_under_the_sentence(tmp_path):
    """With the project's link, hashtags and crisis footer a post holds the sentence and one offer: never the
    sentence alone, which would say offers are easier to accept and name none."""
    root = article_project(tmp_path, TRIAL.name, TRIAL.read_text(encoding="utf-8"))
    result = run_cli("--root", str(root), "split", f"posts/articles/{TRIAL.name}", "--json")
    assert result.code == 0, result
    tip = next(tip for tip in json.loads(result.out)["tips"] if tip["headline"].startswith("Specific offers"))
    assert tip["text"].startswith("Specific offers are easier to accept. Some that families tell us meant the most: "
                                  "dropping off a meal on a set night each week")
    assert not tip["ready"]


def test_a_lead_in_of_some_that_takes_the_sentence_before_it(tmp_path):
    tip = _list_tip(_tips(tmp_path, "repair.md", REPAIR), "a hand on the shoulder")
    assert tip.headline == "Small gestures of repair matter more than grand apologies."
    assert tip.text.startswith("Small gestures of repair matter more than grand apologies. Some that partners find "
                               "easiest to offer: a hand on the shoulder")


def test_with_no_sentence_to_name_the_items_the_tip_is_held_and_says_why(tmp_path):
    for name, article, item, lead in (("calm.md", CALM, "pressing your feet", "A few that clients swear by"),
                                      ("words.md", WORDS, "a hand on the shoulder",
                                       "Some we hear couples use again and again")):
        tip = _list_tip(_tips(tmp_path, name, article), item)
        assert not tip.ready
        assert tip.notes[0] == (f"the list’s lead-in (“{lead}”) does not say what its items are: write a headline "
                                "that names them"), tip.notes
