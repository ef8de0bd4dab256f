"""Headings in every form, and the spaces a copied article lost, as the readers see them."""

from __future__ import annotations

import re

import pytest

from scheduler.articles import read_article
from scheduler.articles.lines import mend_spacing


@pytest.mark.parametrize("text, mended", [
    ("Findtips for talking with a health care providerabout your mental health.",
     "Find tips for talking with a health care provider about your mental health."),
    ("In life-threatening situations, call911.", "In life-threatening situations, call 911."),
    ("Try to spend time with family,even if you don’t feel like it.",
     "Try to spend time with family, even if you don’t feel like it."),
    ("One example isPostpartum Support International.", "One example is Postpartum Support International."),
    ("a problem calledpost-traumatic stress disorder(PTSD).", "a problem called post-traumatic stress disorder (PTSD)."),
    ("at every stage of life, fromchildhoodandadolescencethrough adulthood andaging.",
     "at every stage of life, from childhood and adolescence through adulthood and aging."),
    ("Getenough sleepevery night.", "Get enough sleep every night."),  # a short verb opens the sentence
    ("Useyour words.", "Use your words."), ("Eathealthy food.", "Eat healthy food."),
])
def test_spaces_lost_around_links_are_put_back(text, mended):
    assert mend_spacing(text) == mended


@pytest.mark.parametrize("text", [
    "A stressor can be a one-time event.", "Stop overthinking it.", "Telehealth works.", "Perimenopause is a stage.",
    "About 1,000 people replied.", "Try Talkspace or Headspace.", "Visit www.example.com today.",
    "Email hello@example.com.", "Brexanolone and zuranolone are newer medicines.",
    "Getaway weekends help.", "Settle in first.", "Seesaw moods are common.", "We getenough done.",
])
def test_words_that_are_words_stay_as_written(text):
    assert mend_spacing(text) == text


def _sections(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    return [(section.heading, [block.text for block in section.blocks]) for section in article.sections]


def test_inline_h2_inside_markdown_opens_sections_and_keeps_the_text_after_it(tmp_path):
    sections = _sections(tmp_path, "a.md", "# Steps\n\nAn opening line about steps.\n\n"
                                          "<h2>Step 1: Listen first</h2>\nGive your partner room to finish.\n\n"
                                          "<h2>Step 2: Name the pattern</h2>\n\nSay what keeps happening.\n")
    assert sections == [(None, ["An opening line about steps."]),
                        ("Step 1: Listen first", ["Give your partner room to finish."]),
                        ("Step 2: Name the pattern", ["Say what keeps happening."])]


@pytest.mark.parametrize("name, text", [
    ("a.md", "# T\n\nIntro line here.\n\n## 3. Take a break\n\nYour heart rate climbs first.\n"),
    ("a.md", "# T\n\nIntro line here.\n\n**3. Take a break**\n\nYour heart rate climbs first.\n"),
    ("a.md", "# T\n\nIntro line here.\n\n3. Take a break\n\nYour heart rate climbs first.\n"),
    ("a.txt", "T\n\nIntro line here.\n\n3. Take a break\n\nYour heart rate climbs first.\n"),
    ("a.txt", "T\n\nIntro line here.\n\nStep 3: Take a break\nYour heart rate climbs first.\n"),
    ("a.md", "# T\n\nIntro line here.\n\nStep 3: Take a break\n\nYour heart rate climbs first.\n"),
    ("a.html", "<h1>T</h1><p>Intro line here.</p><h3>3. Take a break</h3><p>Your heart rate climbs first.</p>"),
    ("a.html", ("<h1>T</h1><p>Intro line here.</p><p><strong>3. Take a break</strong></p>"
               "<p>Your heart rate climbs first.</p>")),
])
def test_every_form_of_heading_opens_a_section(tmp_path, name, text):
    heading, blocks = _sections(tmp_path, name, text)[-1]
    assert re.sub(r"^(?:Step )?3[.:] ", "", heading) == "Take a break"  # a one-item list "3. …" keeps no number
    assert blocks == ["Your heart rate climbs first."]
