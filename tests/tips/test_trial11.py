"""What user trial 11 found splitting a practice's article about a therapy method, tried on an article written for
these tests in the same shapes: `--take` makes the best tip it can of a passage whose sentences are all too long for
a card (the point of a "when you understand that X, …" sentence, the main clause after "Developed by …,"), and every
refused `--take` of one command is said in one go with nothing written; a sentence naming who developed a method is
no bio; a bold label keeps its colon in a taken tip, and the first of a run of step labels is treated as the others;
an acronym the article spells out is no odd capitals."""

from __future__ import annotations

import html
import json

import yaml

from scheduler.tips.readiness import review_notes
from scheduler.tips.standalone import mid_sentence_names
from tests.conftest import article_project, run_cli

ARTICLE = """# Meeting your inner weather

Have you noticed that some days you wake up calm and other days tense for no clear reason? That is common.

## What is Weather Mapping?

Created by Dr Helen Okafor in the late 1990s, Weather Mapping Practice (WMP) rests on the idea that moods arrive and leave like fronts rather than staying forever. Each mood carries its own message about your needs—and importantly, each mood is passing information to you, even when it feels unbearable in the moment.

## How WMP works

The work begins with:

**Spotting Fronts**: Becoming aware of when a mood starts to build and what set it off.

**Reading Pressure**: Approaching each mood with curiosity rather than blame, asking what it needs from you today.

**Building Shelter**: Planning small routines for the days when the pressure drops.

## Why WMP helps

When you understand that your irritability isn't a character flaw but a mood telling you that you are running on empty, or that your restlessness comes from a need you have ignored for far too long, you can respond to yourself with far more patience.

Working with WMP, many people find their moods less frightening over time, and they learn to plan for them.
"""


def _project(tmp_path):
    return article_project(tmp_path, "weather.md", ARTICLE)


def _report(root):
    result = run_cli("split", "--json", "posts/articles/weather.md", cwd=root)
    return json.loads(result.out)["blocks"]


def _locator(root, starts):
    return next(b["locator"] for b in _report(root) if b["text"].startswith(starts))


def _campaign(root):
    return yaml.safe_load((root / "posts" / "weather.yaml").read_text(encoding="utf-8"))["tips"]


def _taken(root, locator):
    return next(t for t in _campaign(root) if f"taken by hand from {locator}: check it stands alone" in t["notes"])


def test_a_take_of_a_long_when_you_understand_sentence_is_headed_by_its_point(tmp_path):
    root = _project(tmp_path)
    locator = _locator(root, "When you understand that")
    result = run_cli("split", "posts/articles/weather.md", "--take", locator, cwd=root)
    assert result.code == 0, result
    tip = _taken(root, locator)
    assert tip["headline"] == "Your irritability isn't a character flaw but a mood telling you that you are running on empty.", tip
    assert tip["text"].startswith("When you understand that your irritability"), tip  # the post keeps the whole
    assert any(note.startswith("headline shortened from a sentence too long for a card") for note in tip["notes"])


def test_naming_who_developed_a_method_is_no_bio_and_its_take_is_a_tip(tmp_path):
    root = _project(tmp_path)
    entry = next(b for b in _report(root) if b["text"].startswith("Created by Dr Helen Okafor"))
    assert "bio" not in entry["left_out"], entry
    result = run_cli("split", "posts/articles/weather.md", "--take", entry["locator"], cwd=root)
    assert result.code == 0, result
    tip = _taken(root, entry["locator"])
    assert len(tip["headline"]) <= 120 and "Created by" not in tip["headline"], tip


def test_every_refused_take_is_named_at_once_and_nothing_is_written(tmp_path):
    root = _project(tmp_path)
    run_cli("split", "posts/articles/weather.md", cwd=root)
    before = (root / "posts" / "weather.yaml").read_bytes()
    good = _locator(root, "When you understand that")
    result = run_cli("split", "posts/articles/weather.md", "--take", "b99", "--take", good, "--take", "b2.7", cwd=root)
    assert result.code == 2, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "2 of 3 --take refused, nothing written" in lines[0], lines
    assert "--take b99:" in lines[0] and "--take b2.7:" in lines[0], lines
    assert (root / "posts" / "weather.yaml").read_bytes() == before


def test_a_bold_label_keeps_its_colon_and_the_first_step_is_treated_as_its_siblings(tmp_path):
    root = _project(tmp_path)
    blocks = _report(root)
    steps = [b for b in blocks if b["text"].startswith(("Spotting Fronts", "Reading Pressure", "Building Shelter"))]
    assert [b["text"].split(":")[0] for b in steps] == ["Spotting Fronts", "Reading Pressure", "Building Shelter"]
    assert all(b["tips"] for b in steps) or not any(b["tips"] for b in steps), steps  # one shape, one answer
    spotting = steps[0]["locator"]
    run_cli("split", "posts/articles/weather.md", "--take", spotting, cwd=root)
    tips = _campaign(root)
    assert not any("Spotting Fronts Becoming" in t["headline"] + t["text"] for t in tips), tips


def test_an_acronym_the_article_spells_out_is_no_odd_capitals():
    paragraphs = [line for line in ARTICLE.split("\n\n") if not line.startswith(("#", "**"))]
    names = mid_sentence_names(paragraphs)
    assert "WMP" in names, names
    headline = "Working with WMP, many people find their moods less frightening over time."
    assert not any(note.startswith("odd capitals") for note in review_notes(headline, headline, [], kind="sentence",
                                                                            names=names))
    shouted = "STOP blaming yourself for every DARK mood."  # capitals that shout are still noted
    assert any(note.startswith("odd capitals") for note in review_notes(shouted, shouted, [], kind="sentence",
                                                                         names=names))


def test_the_preview_page_shows_each_tips_notes_and_says_where_it_wrote(tmp_path):
    root = _project(tmp_path)
    run_cli("split", "posts/articles/weather.md", cwd=root)
    tips = _campaign(root)
    noted = [t for t in tips if t["notes"] and t["ready"] is False]
    assert noted, tips
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_cli("--root", str(root), "preview", "--out", "review.html", cwd=elsewhere)
    assert result.code == 0, result
    page = elsewhere / "review.html"  # a relative --out is the current folder's, as every CLI reads it
    assert str(page.resolve()) in result.out, result.out  # and the line says where, in full
    html_text = html.unescape(page.read_text(encoding="utf-8"))
    assert "Not marked ready." in html_text
    for tip in noted:
        assert all(note in html_text for note in tip["notes"]), tip


def test_plain_approve_names_the_tips_it_approved_that_carry_notes(tmp_path):
    root = _project(tmp_path)
    run_cli("split", "posts/articles/weather.md", cwd=root)
    unready = [t["id"] for t in _campaign(root) if t["ready"] is False and not t["review"]]
    assert unready
    result = run_cli("approve", "weather", cwd=root)
    assert result.code == 0, result
    (line,) = [line for line in result.out.splitlines() if line.startswith("note: approved though not marked ready")]
    assert all(tip in line for tip in unready), line
    assert "--ready" in result.out  # the command that approves only the ready ones is named


def test_a_headline_that_only_sets_up_a_contrast_is_noted_with_its_point():
    text = ("Conventional advice often treats bad moods as faults to correct. Weather Mapping reads them as messages "
            "about what you need.")
    headline = "Conventional advice often treats bad moods as faults to correct."
    notes = review_notes(headline, text, [], kind="sentence")
    assert any(note.startswith("headline is a setup that the next sentence answers (“Weather Mapping reads them")
               for note in notes), notes
    point = "Some phrases, even well meant, tend to land badly. “At least it is over” can hurry a person along."
    assert not any(note.startswith("headline is a setup") for note in review_notes(
        point.split(". ")[0] + ".", point, [], kind="sentence")), "a point with its examples is no setup"
