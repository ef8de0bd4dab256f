"""A section heading is a tip's headline only with the sentences under it as the text: it is never pasted into
the post's text, and a heading written as a title or in capitals is put in sentence case, with a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.drafts import CASE_NOTE, lead_in_case
from scheduler.tips.filters import promo_heading

REPO = Path(__file__).resolve().parents[2]


def tips_of(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return split_article(read_article(path))


def by_headline(tips, headline: str):
    found = [tip for tip in tips if tip.headline == headline]
    assert found, [tip.headline for tip in tips]
    return found[0]


MARKDOWN = """# Fighting fair

## Take A Break Before You Boil Over

When your heart rate climbs past about 100 beats per minute, it gets much harder to listen. Agree on a signal that
means you need twenty minutes, and then come back.

## STAY CONNECTED

Isolation makes stress worse, so call one friend this week even when you would rather hide.

## 3. Name what you need

Say what you need in one clear sentence instead of listing what your partner did wrong.
"""


def test_a_heading_headline_has_the_sentences_under_it_as_text(tmp_path):
    tips = tips_of(tmp_path, "fair.md", MARKDOWN)
    brk = by_headline(tips, "Take a break before you boil over.")
    assert brk.text.startswith("When your heart rate climbs")
    # its capitals lowered from words the article never writes as a name: no name to check
    assert CASE_NOTE not in brk.notes and "headline is the section heading" in brk.notes
    connected = by_headline(tips, "Stay connected.")
    assert connected.text.startswith("Isolation makes stress worse")
    assert CASE_NOTE in connected.notes
    name = by_headline(tips, "Name what you need.")
    assert name.text.startswith("Say what you need in one clear sentence")
    assert CASE_NOTE not in name.notes  # written in sentence case already: nothing was changed


TEXT = """Calming down after a fight

Step 3: Soothe Yourself First
Before you reach for your phone, take ten slow breaths or walk around the block.

Protect your sleep
Here's how:

- Go to bed at the same time every night.
- Keep screens out of the bedroom.
"""


def test_plain_text_headings_and_a_setup_under_a_heading(tmp_path):
    tips = tips_of(tmp_path, "calm.txt", TEXT)
    soothe = by_headline(tips, "Soothe yourself first.")
    assert soothe.text.startswith("Before you reach for your phone")
    assert not any(tip.headline == "Protect your sleep." for tip in tips)  # "Here's how:" is no thought of its own


HTML = """<article><h1>Holidays</h1>
<h2>Plan an exit</h2><p>What if the evening goes badly?</p>
<h2>Keep one tradition</h2><p>Choosing a single ritual to keep gives the day a shape without the pressure of all of
them.</p></article>"""


def test_html_headings_never_stand_alone_or_repeat_in_the_text(tmp_path):
    tips = tips_of(tmp_path, "holidays.html", HTML)
    assert not any(tip.headline == "Plan an exit." for tip in tips)  # a question under it: no thought to carry on
    keep = by_headline(tips, "Keep one tradition.")
    assert keep.text.startswith("Choosing a single ritual")


LEADS = """# Sleep

**Get Enough Sleep.** Most adults need seven to nine hours, and a steady bedtime helps more than a long lie-in.

Small habits help:

- **Keep The Room Cool And Dark**: a cooler room helps your body wind down.
- **Put The Phone Away** an hour before bed.
"""


def test_title_case_lead_ins_are_put_in_sentence_case_with_a_note(tmp_path):
    tips = tips_of(tmp_path, "sleep.md", LEADS)
    sleep = by_headline(tips, "Get enough sleep.")
    assert sleep.text.startswith("Get enough sleep. Most adults need")
    assert CASE_NOTE in sleep.notes
    room = by_headline(tips, "Keep the room cool and dark: a cooler room helps your body wind down.")
    assert CASE_NOTE in room.notes and not room.ready
    assert not any("Keep The Room" in tip.headline + tip.text for tip in tips)


ARTICLES = sorted([REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"]
                  + [path for path in (REPO / "tests" / "data" / "articles").rglob("*")
                     if path.suffix in (".txt", ".md", ".html") and path.name != "SOURCES.md"])


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_no_tip_pastes_its_heading_into_the_text(path):
    for tip in split_article(read_article(path, path.parent)):
        if "headline is the section heading" in tip.notes:
            assert not tip.text.startswith(tip.headline.rstrip(".")), tip
            assert tip.text.strip() != tip.headline.strip(), tip


@pytest.mark.parametrize(("lead", "cased"), [
    ("Talk it Out", "Talk it out"), ("Get Enough Sleep", "Get enough sleep"), ("TAKE A BREAK", "Take a break"),
    ("Try CBT Skills", "Try CBT skills"), ("Use I Statements", "Use I statements"),
    ("Practice Self-Care Every Day", "Practice self-care every day"),
    ("Check-In With Yourself Daily", "Check-in with yourself daily"),
    ("Try the “Name It To Tame It” Trick", "Try the “name it to tame it” trick"),
    ('Use The "Five Senses" Exercise', 'Use the "five senses" exercise'),
    ("Say “Not Right Now” When You Need To", "Say “Not right now” when you need to"),
    ("TAKE A TIME-OUT", "Take a time-out"),
])
def test_lead_ins_written_as_titles_are_put_in_sentence_case(lead, cased):
    assert lead_in_case(lead) == (cased, [CASE_NOTE])


@pytest.mark.parametrize("lead", ["Listen first", "Ask for help", "Exercise", "Name what you need"])
def test_lead_ins_in_sentence_case_are_left_as_written(lead):
    assert lead_in_case(lead) == (lead, [])


@pytest.mark.parametrize("heading", ["Schedule a consultation", "Schedule Your Session",
                                     "Scheduling your first appointment", "Schedule now", "Schedule",
                                     "Book your session"])
def test_a_heading_that_books_a_session_is_a_pitch(heading):
    assert promo_heading(heading, frozenset())


def test_a_heading_about_the_readers_own_schedule_is_not_a_pitch_and_its_section_gives_tips():
    """A user trial: "Grief does not follow a schedule" ("expect waves… plan ahead for hard dates"), the article's
    best section, gave no tip: its block report said "pitch or page furniture (its heading)"."""
    assert not promo_heading("Grief does not follow a schedule", frozenset())
    assert not promo_heading("Keep a regular sleep schedule", frozenset())
    tips = split_article(read_article(REPO / "tests" / "data" / "articles" / "grief-after-losing-a-parent.md"))
    under = [tip.headline for tip in tips if tip.section == "Grief does not follow a schedule"]
    assert "After losing a parent, plan ahead for hard dates." in under and len(under) >= 2, under  # the title's
