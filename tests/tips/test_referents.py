"""A tip that opens on "They", "These", "It" or "The key" names what it means when that is certain, says so in a
note and is not ready; when it is not certain the sentence is left out with the pointer named (issue 19)."""

from __future__ import annotations

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.referents import resolved, unlinked

ARTICLE = """# Helping teens who stop going to school

## Why school feels impossible

Young people know they should be able to go to school every single morning, and most of them have tried again and again, with an alarm, a promise and a lift to the gate. They need a calm adult who listens first and pushes only a little, one morning at a time.

## Setting boundaries

It takes practice, so be patient with yourself when the first attempts feel clumsy and awkward.

## Box breathing

Breathe in for four counts and breathe out for four counts, slowly and gently. Repeat it six times.

The key is the hold. Holding your breath briefly tells your brain that you are safe right now.

## Coping with grief

It comes in waves, and some days are much heavier than others without any warning at all.

## Talking with your partner

Your partner may resist the idea of counselling at first. They feel exposed when a stranger hears about the marriage.
"""


def _split_of(folder, text):
    path = folder / "article.md"
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path, folder))


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    return _split_of(tmp_path_factory.mktemp("referents"), ARTICLE)


def tip_with(split, words):
    return next((tip for tip in split.tips if tip.headline.startswith(words)), None)


@pytest.mark.parametrize("headline, note", [
    ("Young people need a calm adult who listens first", "rewritten: “They” -> “young people” from the sentence before"),
    ("Setting boundaries takes practice, so be patient", "rewritten: “It” -> “Setting boundaries” from the section heading"),
    ("The key to box breathing is the hold.", "rewritten: “The key” -> “the key to box breathing” from the section heading"),
])
def test_a_follower_reads_what_the_pointer_meant_and_the_manager_is_told_to_check(split, headline, note):
    tip = tip_with(split, headline)
    assert tip is not None, [t.headline for t in split.tips]
    assert tip.text.startswith(headline)
    assert any(n.startswith(note) and n.endswith("check it is what the article meant") for n in tip.notes)
    assert tip.ready is False  # the referent is the rules' reading: a person checks it


def test_a_pointer_the_tip_before_carries_stays_as_written(tmp_path):
    path = tmp_path / "short.md"
    path.write_text("# Teens\n\n## School\n\nYoung people know they should go to school. They see their peers managing "
                    "just fine.\n", encoding="utf-8")
    tips = split_report(read_article(path, tmp_path)).tips
    assert [tip.text for tip in tips] == [("Young people know they should go to school. They see their peers managing "
                                          "just fine.")]


def test_no_tip_opens_on_a_pointer_whose_referent_is_not_certain(split):
    for tip in split.tips:
        assert not tip.headline.startswith(("It comes in waves", "They feel exposed", "Grief comes", "Coping with grief comes",
                                            "Your partner feel")), tip.headline


def test_a_pointer_left_out_is_named_in_the_report(split):
    reasons = [entry["left_out"] or "" for entry in split.blocks]
    assert any("“It” names no one thing before it" in reason for reason in reasons), reasons


@pytest.mark.parametrize("sentence, where", [
    ("It comes in waves.", {"before": None, "heading": "Coping with grief", "first_in_section": True}),  # grief or coping?
    ("They feel relief in the moment.", {"before": "Your teen is anxious about a test, so you let them skip it."}),
    ("They can help in the moment.", {"before": "I am not dismissing these tools."}),  # "these tools": which?
    ("These may include exhaustion.", {"before": "Beside the emotions, you may notice physical signs."}),  # two plurals
    ("They also need rest.", {"before": "Parents give a lot."}),  # "also" still leans
    ("They can raise your blood pressure.", {"before": "The hormones released under stress make you alert."}),
    ("It takes practice.", {"before": None, "heading": "Setting boundaries"}),  # not the section's first sentence
    ("They forgot an assignment.", {"before": None, "heading": "Start small", "title": "A guide for parents",
                                    "first_in_section": True, "article_person": "your teen"}),
])
def test_a_pointer_with_more_than_one_reading_is_left_as_it_is(sentence, where):
    assert resolved(sentence, **where) is None


def test_the_title_names_the_people_a_section_opens_on():
    named = resolved("They may not know how to ask for help.", before=None, heading="Start small",
                     title="Helping teens who struggle", first_in_section=True)
    assert named is not None and named.text == "Teens may not know how to ask for help."
    assert "from the article’s title" in named.note


@pytest.mark.parametrize("sentence, before, named", [
    ("It stays on high alert.", "But sometimes, the nervous system doesn't fully reset.", "The nervous system stays on high alert."),
    ("It comes in waves.", "Grief is not linear.", "Grief comes in waves."),
    ("It can help you manage stress.", "Self-care means taking the time to do things that help.", None),  # the time?
    ("It can feel overwhelming.", "The situation changes quickly.", None),  # "the situation" leans as "it" did
    ("It can feel overwhelming.", "Your teen is struggling.", None),  # a person is no "it"
    ("It is important to rest.", "Sleep matters.", None),  # the "it" of what follows
    ("It helps to write it down.", "Worry grows at night.", None),
])
def test_an_it_names_the_subject_of_the_sentence_before_when_nothing_else_is_named(sentence, before, named):
    found = resolved(sentence, before=before)
    assert (found.text if found else None) == named


LINKED = """# Stress

## Stress over time

Not all stress is bad. In fact, it can help you survive in a dangerous situation.

But stress that lasts a long time can harm your health.

## Resting

A short walk after lunch can settle a racing mind. Some days are harder.

But it was enough to get through the week.

So many people skip rest when they are busy.

And then the week starts again.
"""


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    return _split_of(tmp_path_factory.mktemp("linked"), LINKED)


def test_a_sentence_opening_on_but_stands_alone_without_it_and_says_so(linked):
    tip = tip_with(linked, "Stress that lasts a long time")
    assert tip is not None, [t.headline for t in linked.tips]
    assert tip.headline == "Stress that lasts a long time can harm your health."
    assert "rewritten: the opening “But” left out (it links to the sentence before): check it reads alone" in tip.notes
    assert tip.ready is False  # the rules' reading: a person checks the sentence reads alone


@pytest.mark.parametrize("sentence", [
    "But it was enough to get through the week.",  # "it" still leans
    "So many people skip rest when they are busy.",  # "so many": a degree, no link
    "And then the week starts again.",  # "then", "again" still lean
    "But not always.",  # too short to say anything
    "And those habits add up over the years.",  # "those habits": which?
])
def test_a_linking_word_is_left_in_when_the_rest_still_leans(sentence, linked):
    assert unlinked(sentence) is None
    assert not any("left out (it links" in note and sentence.split(" ", 1)[1][:12].lower() in tip.text.lower()
                   for tip in linked.tips for note in tip.notes)
