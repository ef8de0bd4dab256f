"""A list's item never goes out without what it belongs to (issue 19, outside readers' "a list item alone"): a bold
label under a lead-in or a heading that names its kind is written out with it, the way a list's lead-in is written
in front of its items, and a list whose lead-in cannot carry its items is left out with the reason, never stitched
into a sentence that reads wrong. The articles here are made up."""

from __future__ import annotations

from scheduler.articles import read_article
from scheduler.tips.advice_lists import JOINED_NOTE
from scheduler.tips.drafting import split_report


def split(tmp_path, content: str, name: str = "article.md"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = split_report(read_article(path))
    return report.tips, report.blocks


def by_headline(tips):
    return {tip.headline: tip for tip in tips}


TEEN_SIGNS = """# When your teen goes quiet

## Signs your teen may be struggling

Not every bad week is a crisis. Here is what to watch for:

**Pulling away from friends.** The group chat goes silent and weekend plans stop happening. Ask about one friend by name.

**Sleep disruption.** Either they lie awake past midnight or they sleep through the afternoon and still wake up tired.

**Relief:** Some weeks feel lighter when exams end, and that lightness is worth naming together.
"""


def test_a_label_under_a_heading_that_names_signs_says_it_is_one_of_them(tmp_path):
    tips, _ = split(tmp_path, TEEN_SIGNS)
    headlines = [tip.headline for tip in tips]
    assert "A sign your teen may be struggling: pulling away from friends." in headlines
    assert "A sign your teen may be struggling: sleep disruption." in headlines
    assert "Pulling away from friends." not in headlines and "Sleep disruption." not in headlines
    joined = by_headline(tips)["A sign your teen may be struggling: pulling away from friends."]
    assert joined.text.startswith("A sign your teen may be struggling: pulling away from friends. The group chat goes")
    assert JOINED_NOTE in joined.notes and not joined.ready  # a rewrite: a person reads it before it goes out


HIDDEN_SIGNS = """# Burnout at home

## Signs that are easy to miss

Burnout rarely announces itself. Watch for these:

**Sleep disruption.** You lie awake going over tomorrow's list, then wake up tired.

**Constant irritability.** Small requests from the people you love start to feel like demands.
"""


def test_a_heading_whose_signs_are_told_in_the_plural_speaks_of_one_sign_in_the_singular(tmp_path):
    headlines = [tip.headline for tip in split(tmp_path, HIDDEN_SIGNS)[0]]
    assert "A sign that is easy to miss: sleep disruption." in headlines
    assert not any("that are easy to miss:" in headline for headline in headlines)  # "A sign that are …"


def test_a_one_word_label_whose_words_stand_alone_is_left_as_it_was(tmp_path):
    tips, _ = split(tmp_path, TEEN_SIGNS)
    assert not any("sign your teen may be struggling: relief" in tip.headline for tip in tips)


COUNSELLING = """# Grief counselling

## What counselling offers

Many people carry grief alone for years. Grief counselling offers:

**Witness and validation.** Having someone fully present with your grief, without trying to fix it, is powerful.

**A safe space.** Sometimes you need to say what feels too big to share with family.

**Working with the relationship.** Grief often brings up unfinished business with the person who died.
"""


def test_a_label_finishes_the_lead_in_that_names_what_it_is(tmp_path):
    tips, _ = split(tmp_path, COUNSELLING)
    headlines = [tip.headline for tip in tips]
    assert "Grief counselling offers witness and validation." in headlines
    assert "Grief counselling offers a safe space." in headlines
    assert "Witness and validation." not in headlines


def test_a_label_the_lead_in_cannot_give_is_never_joined_to_it(tmp_path):
    tips, _ = split(tmp_path, COUNSELLING)
    assert not any("offers working" in tip.text for tip in tips)  # "offers working with the relationship" reads wrong


BOUNDARIES = """# Boundaries at work

## Why boundaries matter

Without boundaries:

- you may feel resentful, drained, or overwhelmed
- others may take advantage without meaning to
- your own needs come last, week after week
"""


def test_a_lead_in_of_circumstance_is_never_read_as_a_plural_subject(tmp_path):
    tips, _ = split(tmp_path, BOUNDARIES)
    assert [tip.headline for tip in tips] == ["Without boundaries: you may feel resentful, drained, or overwhelmed."]
    assert tips[0].text.startswith("Without boundaries: you may feel resentful, drained, or overwhelmed; others may")
    assert not any(" include " in tip.text for tip in tips)


PRACTITIONERS = """# Finding a therapist

## Decide on Your Needs

A psychiatrist is a medical doctor.

- They can prescribe medication
- They can diagnose mental illness
- Their services are often covered by public insurance
"""


def test_items_that_speak_of_they_under_a_heading_alone_are_left_out_with_the_reason(tmp_path):
    tips, blocks = split(tmp_path, PRACTITIONERS)
    assert not any(tip.text.lower().startswith("decide on your needs") for tip in tips)
    items = [item for block in blocks for item in block.get("items", [])]
    assert items and all(item["left_out"] == "a list item alone: its items speak of “they” and no lead-in says who"
                         for item in items)


REST = """# Rest that works

## The Four Kinds of Rest

**Physical rest.** Naps, slow walks, a lie-in after a long week.

**Mental rest.** Ten minutes away from every screen, a window, a cup of tea.

## How Rest Works

**Nervous system reset.** Your heart rate slows and your breathing deepens when you stop.

**Memory consolidation.** Sleep files away what the day taught you.
"""


def test_a_label_under_a_heading_that_names_a_set_is_one_of_the_set(tmp_path):
    # only over words that are no sentence of their own: a whole sentence of advice stays the card (below)
    tips, _ = split(tmp_path, REST)
    headlines = [tip.headline for tip in tips]
    assert "One of the four kinds of rest: physical rest." in headlines
    assert "One of the four kinds of rest: mental rest." in headlines
    assert not any(headline.startswith("One of") and "nervous" in headline for headline in headlines)  # "How …"


SCHOOL = """# Starting secondary school

## What changes at eleven

Growing challenges:

- new friendship groups
- longer homework evenings
- the first phone of their own

## Type of difficulties

**Sleep trouble.** Late nights on the phone push bedtime back an hour.

**Worry about tests.** A first bad mark can feel like the end of the world.
"""


def test_a_plural_that_opens_on_a_participle_still_takes_include(tmp_path):
    tips, _ = split(tmp_path, SCHOOL)
    assert any(tip.text.startswith("Growing challenges include new friendship groups") for tip in tips)


def test_a_heading_whose_noun_is_singular_names_no_set(tmp_path):
    tips, _ = split(tmp_path, SCHOOL)
    assert not any(tip.headline.startswith("One of the type") for tip in tips)


NURSES = """# Burnout in nurses

## Signs

Burnout in nurses might look like:

**Irritability and impatience:** Small requests from colleagues start to feel like impositions.

**Early exhaustion:** Feeling drained before the shift has even started.

**Detachment:** Caring less about patients you once looked forward to seeing.
"""


def test_the_lists_own_tip_and_its_items_tips_never_share_a_headline(tmp_path):
    tips, _ = split(tmp_path, NURSES)
    headlines = [tip.headline for tip in tips]
    assert len(headlines) == len(set(headlines))
    assert "Burnout in nurses might look like irritability and impatience, early exhaustion, and detachment." in headlines
    assert "Burnout in nurses might look like early exhaustion." in headlines


LONG_RUN = """# When a teenager is low

## The quiet signs

Depression in teenagers often looks like:

**Constant irritability at home:** Small requests set off arguments that seem to come from nowhere.

**Falling grades at school:** Homework stops coming home, and marks slide over a single term.

**Withdrawal:** They stop answering their friends' messages.

**Headaches before school:** The pain is real, even when the doctor finds nothing wrong.

**Sleeping through weekends:** Saturday mornings disappear into afternoons.
"""


def test_a_lists_tip_too_long_for_a_card_is_named_by_a_label_no_item_names(tmp_path):
    tips, _ = split(tmp_path, LONG_RUN)
    headlines = [tip.headline for tip in tips]
    assert len(headlines) == len(set(headlines))
    assert "Depression in teenagers often looks like withdrawal." in headlines  # the one label without its own tip
    whole = next(tip for tip in tips if tip.headline == "Depression in teenagers often looks like withdrawal.")
    assert whole.text.startswith("Depression in teenagers often looks like constant irritability at home, falling")


SKILLS = """# Calmer holidays with children

## Teaching Simple Calming Skills

Here are a few skills to practise together before the busy days:

**1. Belly Breathing:** Sit side by side and breathe in slowly while your child counts to four. Let the breath out for six.

**2. Quiet Corner:** Set up one soft corner with a blanket and a book. Invite your child there before a meltdown, not as a punishment.

**3. Worry Jar:** Write each worry on a slip of paper and drop it in a jar. Open the jar together once a week.
"""


def test_a_numbered_label_over_a_sentence_of_advice_keeps_the_advice_as_the_card(tmp_path):
    # outside readers graded "One of the teaching simple calming skills: 1. belly breathing." below the advice
    # sentence it displaced: the set's name is no advice, the number came along, and a gerund heading names no set
    tips, _ = split(tmp_path, SKILLS)
    headlines = [tip.headline for tip in tips]
    assert not any(headline.startswith("One of") for headline in headlines), headlines
    assert not any("1." in headline or "2." in headline for headline in headlines), headlines
    assert any(headline.startswith("Sit side by side") for headline in headlines), headlines
