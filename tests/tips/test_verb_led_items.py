"""A list item that opens with a base-form verb the verb lists lack ("Charge phones…", "Dim the lights…") is a
command like its siblings, not a phrase left out; a word the article writes capitalised mid-sentence more than once
(a town, a name) is no odd capital (user trial 3, findings 1 and 2)."""

from __future__ import annotations

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.standalone import TITLE_CASE
from scheduler.tips.verbs import SIBLINGS_COMMANDS

HABITS = """# Sleep habits for busy families

Every family in Worcester has felt it: the late nights, the early alarms, the rush out the door. Good sleep helps
everyone in the house handle stress better.

## Small habits that help

A few routines at home can make a real difference in how rested everyone feels:

- Keep a regular bedtime, even on weekends.
- Charge phones outside the bedroom at night.
- Make time for a short walk after dinner.
- Dim the lights an hour before bed.

These habits are simple, but they add up over weeks. Our Worcester office sees many families who feel better after
small changes.
"""


def _split(tmp_path, content: str):
    path = tmp_path / "habits.md"
    path.write_text(content, encoding="utf-8")
    return split_report(read_article(path))


def test_an_item_opening_on_an_unlisted_verb_and_its_object_is_a_tip_like_its_siblings(tmp_path):
    report = _split(tmp_path, HABITS)
    tips = {tip.headline: tip for tip in report.tips}
    for headline, verb in (("Charge phones outside the bedroom at night.", "Charge"),
                           ("Dim the lights an hour before bed.", "Dim")):
        assert headline in tips, list(tips)
        notes = tips[headline].notes
        assert SIBLINGS_COMMANDS.format(verb) in notes
        assert not any(note.startswith("says nothing to the reader") for note in notes), notes
    left = [item for block in report.blocks for item in block.get("items", []) if item.get("left_out")]
    assert not left, left
    assert not any("include" in tip.headline for tip in report.tips)  # no "… include charge phones …" sentence


def test_the_same_item_among_phrases_is_not_read_as_a_command(tmp_path):
    phrases = HABITS.replace("- Keep a regular bedtime, even on weekends.", "- A regular bedtime").replace(
        "- Make time for a short walk after dinner.", "- A short walk after dinner")
    report = _split(tmp_path, phrases)
    assert "Charge phones outside the bedroom at night." not in [tip.headline for tip in report.tips]


def test_symptom_phrases_stay_phrases(tmp_path):
    symptoms = HABITS.replace("- Charge phones outside the bedroom at night.",
                              "- Intense reactions to reminders of the loss").replace(
        "- Dim the lights an hour before bed.", "- Exhaustion that seems out of proportion")
    report = _split(tmp_path, symptoms)
    headlines = [tip.headline for tip in report.tips]
    assert not any(h.startswith(("Intense reactions", "Exhaustion")) for h in headlines), headlines


def test_a_town_the_article_names_twice_is_no_odd_capital(tmp_path):
    tips = {tip.headline: tip for tip in _split(tmp_path, HABITS).tips}
    first = tips["Every family in Worcester has felt it."]
    assert TITLE_CASE not in first.notes, first.notes


def test_a_capital_written_once_is_still_odd(tmp_path):
    once = HABITS.replace("Our Worcester office", "Our office")
    tips = {tip.headline: tip for tip in _split(tmp_path, once).tips}
    assert TITLE_CASE in tips["Every family in Worcester has felt it."].notes
