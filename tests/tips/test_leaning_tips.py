"""Tips that still leaned on their article (a tester's reading of the trial article "Supporting a Partner Through
Depression"): a follower sees one tip alone, so a "too" that adds it to what came before is left out (noted as a
rewrite), a "You can …" step whose "their" the title's person names takes the title's condition as a command does,
and a tip whose first clause opens on "it" said before the tip is held back with a note that says so. The small
articles are the team's own, written for these tests."""

from __future__ import annotations

import shutil

import yaml

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.standalone import standalone_notes
from tests.conftest import REPO, run_cli

TRIAL = REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
ADDED = "rewritten: “too” left out (it adds to what came before the tip): check it reads alone"
IT_BEFORE = "points at something said before this tip (“it”): say what it means"


def _split_trial(tmp_path):
    """The trial article split as a user splits it: in a project of its own, through the command line."""
    (tmp_path / "posts" / "articles").mkdir(parents=True)
    shutil.copy(TRIAL, tmp_path / "posts" / "articles" / TRIAL.name)
    shutil.copytree(REPO / "assets", tmp_path / "assets")
    result = run_cli("split", f"posts/articles/{TRIAL.name}", cwd=tmp_path)
    assert result.code == 0, result
    campaign = yaml.safe_load((tmp_path / "posts" / f"{TRIAL.stem}.yaml").read_text(encoding="utf-8"))
    return {tip["text"].split(". ")[0]: tip for tip in campaign["tips"]}


def test_the_trial_article_tips_lean_on_nothing_before_them(tmp_path):
    tips = _split_trial(tmp_path)
    partner = tips["When your partner is going through depression, remember that you are their partner, not their "
                   "therapist"]
    assert partner["headline"] == ("When your partner is going through depression, remember that you are their "
                                   "partner, not their therapist.")
    assert ADDED in partner["notes"] and partner["ready"] is False
    counselor = next(tip for first, tip in tips.items() if "suggest seeing a counselor" in first)
    assert counselor["headline"] == ("When your partner is going through depression, you can gently suggest seeing a "
                                     "counselor or their doctor.")
    assert counselor["text"].startswith("When your partner is going through depression, you can gently suggest")
    come_back = tips["Come back to it calmly, and let them know the offer stands"]
    assert come_back["ready"] is False and come_back["notes"][0] == IT_BEFORE
    steady = next(tip for first, tip in tips.items() if first.startswith("Keep sleeping"))
    assert not any(note.startswith("points at something said before") for note in steady["notes"])  # "It is not
    # selfish" follows its own subject in the tip


ADDING = """# Sleeping Better When Work Is Busy

## Wind down

Keep a regular bedtime, even on weekends. Your body learns when to expect rest.

Also, drink a glass of water with dinner so you do not wake up thirsty at night.

Write down tomorrow's three most important tasks as well.

Remember, too, that a short walk after lunch can lift your energy for the afternoon.

Avoid too much caffeine after lunch, since it can keep you awake for hours.

Ask for help with the dishes, and for help with the bigger chores too.
"""


def test_a_word_that_adds_a_tip_to_what_came_before_is_left_out_with_a_note(tmp_path):
    path = tmp_path / "sleep.md"
    path.write_text(ADDING, encoding="utf-8")
    tips = {tip.headline: tip for tip in split_article(read_article(path, tmp_path))}
    also = tips["Drink a glass of water with dinner so you do not wake up thirsty at night."]
    assert "rewritten: the opening “Also” left out (it links to the sentence before): check it reads alone" in also.notes
    well = tips["Write down tomorrow's three most important tasks."]
    assert "rewritten: “as well” left out (it adds to what came before the tip): check it reads alone" in well.notes
    walk = tips["Remember that a short walk after lunch can lift your energy for the afternoon."]
    assert ADDED in walk.notes and not walk.ready
    kept = [tip for tip in tips.values() if "too much caffeine" in tip.text or "bigger chores too" in tip.text]
    assert len(kept) == 2 and not any(note.startswith("rewritten:") for tip in kept for note in tip.notes)  # "too
    # much" is no adding word, and "… the bigger chores too" adds to its own sentence's first clause


STEPS = """# Supporting a Partner Through Depression

## Small steps

Depression can make the smallest task feel heavy, and partners often feel helpless beside it.

You can offer to drive them to their first appointment and wait outside. A familiar face in the waiting room makes the
first step smaller.

You can take a short walk on your own each evening to clear your head. Fresh air helps you stay steady.
"""


def test_a_you_can_step_takes_the_title_condition_where_it_names_their_person(tmp_path):
    path = tmp_path / "steps.md"
    path.write_text(STEPS, encoding="utf-8")
    headlines = [tip.headline for tip in split_article(read_article(path, tmp_path))]
    assert any(headline.startswith("When your partner is going through depression, you can offer to drive them to "
                                   "their first appointment") for headline in headlines), headlines
    assert "You can take a short walk on your own each evening to clear your head." in headlines  # no one to name


POINTING = """# Handling Money Talks

## Bring it up

Money is one of the most common things couples argue about, and most arguments start with a surprise bill.

Come back to it after dinner, when you both have time to talk it through properly. A calm hour does more than a
rushed minute.
"""


def test_it_at_the_start_of_a_tip_points_at_what_was_said_before(tmp_path):
    path = tmp_path / "money.md"
    path.write_text(POINTING, encoding="utf-8")
    tips = {tip.headline: tip for tip in split_article(read_article(path, tmp_path))}
    come_back = next(tip for headline, tip in tips.items() if headline.startswith("Come back to it"))
    assert not come_back.ready and IT_BEFORE in come_back.notes
    for words in ("Make it a habit to sit down together on the first Sunday of every month.",
                  "Take it seriously if your partner hides purchases or lies about what they spend.",
                  "Say it out loud: “I can handle this.”",
                  "Keep seeing your friends. It is not selfish; it is how you stay steady."):
        # what split (and the studio's Save) says of such words: the "it" stands for what follows it, or for what
        # the tip said before it
        notes = standalone_notes(words.split(". ")[0], words, kind="sentence")
        assert not any(note.startswith("points at something said before") for note in notes), (words, notes)
