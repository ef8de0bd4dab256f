"""Issue 12, an outside check: five practice-blog articles written before reading the rules
(tests/data/articles/practice-fresh/), in the shapes real US counseling practices publish. The rules every
tip must keep are asserted for them in test_real_articles.py; here, what a skilled social media manager
would pull from each and the failures found on first reading, as classes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.config import parse_schedule
from scheduler.tips.drafting import split_report
from scheduler.tips.splitter import post_fits
from scheduler.yamlio import load_document

REPO = Path(__file__).resolve().parents[2]
FRESH = REPO / "tests" / "data" / "articles" / "practice-fresh"


@pytest.fixture(scope="module")
def splits():
    schedule = parse_schedule(load_document(REPO / "posts" / "schedule.yaml"))
    fits = post_fits(schedule, url="https://example.com/blog/a-post", slug="c")
    return {path.stem: split_report(read_article(path, REPO), fits=fits) for path in sorted(FRESH.iterdir())}


def headlines(split) -> set[str]:
    return {tip.headline for tip in split.tips}


def left_out(split, start: str) -> str | None:
    return next(entry["left_out"] for entry in split.blocks if entry["text"].startswith(start))


def test_a_byline_naming_the_practice_does_not_cut_the_article_as_its_pitch(splits):
    couples = splits["couples-conflict-tips"]  # "Posted on ... by Harbor Light Counseling" opens the article
    assert {"Start soft.", "Take a break when you're flooded.", "Stick to one topic.",
            "Repair early and often."} <= headlines(couples)
    assert left_out(couples, "Posted on") == "meta (byline, date, link or credit)"
    assert "pitch" in left_out(couples, "Struggling to break the cycle")


def test_every_numbered_tip_of_a_numbered_article_is_found(splits):
    couples = splits["couples-conflict-tips"]
    numbered = next(entry for entry in couples.blocks if entry["kind"] == "list")
    assert all(item["tips"] for item in numbered["items"]), numbered["items"]  # "Never use contempt." too
    assert "Never use contempt." in headlines(couples)


def test_a_mended_word_is_never_a_real_word_split_in_two(splits):
    boundaries = splits["setting-boundaries"]  # "Expect pushback." is not "Expect push back."
    assert "Expect pushback." in headlines(boundaries)
    assert not any("push back" in tip.text or "take away" in tip.text for tip in boundaries.tips)


def test_a_list_of_terms_becomes_one_tip_that_carries_its_heading_and_every_term(splits):
    burnout = splits["burnout-wordpress"]  # "<strong>Cynicism.</strong> You feel detached...": the term is the point
    signs = [tip for tip in burnout.tips if tip.text.startswith("Five warning signs of burnout include")]
    assert len(signs) == 1
    for term in ("exhaustion that sleep doesn’t fix", "cynicism", "dropping performance", "physical symptoms",
                 "pulling away"):
        assert term in signs[0].text
    assert not any(tip.headline.startswith("You feel detached") for tip in burnout.tips)  # no term, no context
    numbered = next(entry for entry in burnout.blocks if entry["kind"] == "list")
    assert all(item["tips"] == [signs[0].id] for item in numbered["items"])


def test_a_list_of_phrases_under_a_topic_heading_is_one_tip_even_when_its_items_are_long(splits):
    anxiety = splits["anxiety-in-kids"]  # lead-in "In kids, it often shows up as:" points back; the heading does not
    signs = [tip for tip in anxiety.tips if tip.text.startswith("Signs your child may be struggling with anxiety include")]
    assert len(signs) == 1 and "clinginess or refusing to go to school" in signs[0].text
    assert len(signs[0].headline) <= 120 and "headline names only some of the list's items" in signs[0].notes


def test_the_openings_answer_to_its_own_questions_is_a_setup(splits):
    assert left_out(splits["burnout-wordpress"], "Do you wake up already exhausted?") == "setup"
    assert not {"You're not alone.", "You might be dealing with burnout."} & (
        headlines(splits["anxiety-in-kids"]) | headlines(splits["burnout-wordpress"]))


def test_a_short_attributed_quotation_is_a_quote_card_that_names_who_said_it(splits):
    grief = {tip.headline: tip for tip in splits["grief-holidays"].tips}  # a plain-text line, not a heading
    quote = grief["“Grief is just love with no place to go.”"]
    assert quote.text.endswith("— Jamie Anderson") and "a quotation: check who said it" in quote.notes
    assert not any(tip.section and tip.section.startswith("“") for tip in splits["grief-holidays"].tips)
    burnout = {tip.headline: tip for tip in splits["burnout-wordpress"].tips}  # a <blockquote> in WordPress HTML
    assert burnout["“Almost everything will work again if you unplug it for a few minutes, including you.”"
                   ].text.endswith("— Anne Lamott")


def test_a_common_misspelling_in_the_source_is_a_review_note_and_the_words_stay_the_articles(splits):
    couples = {tip.headline: tip for tip in splits["couples-conflict-tips"].tips}
    repair = couples["Repair early and often."]
    assert "alot" in repair.text and "source sentence has a typo? (alot)" in repair.notes
    anxiety = {tip.headline: tip for tip in splits["anxiety-in-kids"].tips}
    assert "source sentence has a typo? (Its a, at there desk)" in anxiety[
        "When your child is anxious, teach belly breathing."].notes  # the title's situation opens it
    clean = [tip for split in splits.values() for tip in split.tips
             if not any(word in tip.text for word in ("alot", "Its a", "there desk"))]
    assert clean and not any(note.startswith("source sentence has a typo?") for tip in clean for note in tip.notes)
