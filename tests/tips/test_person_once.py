"""A condition from the title names its person once (issue 19's third user trial): "When your teen is going through
anxiety, encourage your teen to face small fears gradually." read as clumsy; the tip now says "…, encourage them to
face small fears gradually.", with a note saying so. Where "them" would not be certain English (the person is the
subject of a clause, or "a friend" may be another friend), the tip goes out without the title's condition. The
articles are the team's own, written for these tests."""

from __future__ import annotations

import json
import re

import pytest

from scheduler.articles import read_article
from scheduler.tips.drafting import split_article
from scheduler.tips.situations import referred_once
from tests.conftest import REPO, run_cli

TEEN = """# Helping Your Teen Through Exam Stress

Exams bring out worry in most families, and a little of it is normal.

## At home

Encourage your teen to take short breaks between study blocks.

Respect your teen's need for quiet in the evening.

Watch whether your teen skips meals before a test.

Sit with your teen for a few minutes after a hard day.
"""

PARTNER = """# How to Support a Partner With Depression

Depression changes how a person sees the day, and the people beside them feel it too.

## Small steps

Ask your partner what would make this week a little easier.

Remind your partner that asking for help is a strength.

Make sure your partner keeps the appointments they have already made.
"""

LOVED_ONE = """# Supporting a Loved One with Depression

Depression makes ordinary days heavy, and the people close by feel it too.

## Being there

Tell your loved one you are there. You do not need the right words.

Check on the loved one each week. A short message is enough.
"""

CHILD = """# How to Help Your Anxious Child: A Guide for Parents

Most children worry sometimes; the question is how much it gets in the way.

## What helps

Give your child a calm place to rest. A quiet corner with a blanket works.

Praise your child's courage. Small brave steps count as much as big ones.

Remind your child that the feeling passes. Say it calmly and often.
"""

FRIEND = """# Supporting a grieving friend

A friend's loss can leave you unsure what to say.

## What to do

Offer your friend one specific kind of help. A meal on Thursday is easier to accept than an open offer.

Bring a friend along to the memorial. Going together makes it easier.
"""

ARTICLES = {"teen": TEEN, "partner": PARTNER, "loved one": LOVED_ONE, "child": CHILD, "friend": FRIEND}


def split_tips(tmp_path, text: str):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return {tip.headline: tip for tip in split_article(read_article(path, tmp_path))}


def named_twice(words: str, person: str) -> bool:
    """A condition naming the person, then the instruction after it naming them again."""
    match = re.match(rf"^(?:When|If) (?:your|a|an|the) (?:\w+ )?{person}\b[^,]*, (?P<rest>.*)", words)
    return bool(match and re.search(rf"\b(?:your|the|a|an) (?:\w+ )?{person}\b", match.group("rest")))


@pytest.mark.parametrize("person", ARTICLES)
def test_no_tip_names_the_title_s_person_twice(tmp_path, person):
    tips = split_tips(tmp_path, ARTICLES[person])
    assert tips
    for tip in tips.values():
        assert not named_twice(tip.headline, person), tip.headline
        assert not named_twice(tip.text, person), tip.text


def test_an_object_becomes_them_and_a_possessive_their_with_a_note(tmp_path):
    tips = split_tips(tmp_path, TEEN)
    breaks = tips["When your teen is going through exam stress, encourage them to take short breaks between study "
                  "blocks."]
    assert breaks.text == breaks.headline
    assert "condition added from the title: “When your teen is going through exam stress”" in breaks.notes
    assert "condition added from the title; “your teen” after it is “them”" in breaks.notes
    assert breaks.id == "encourage-your-teen-to-take-short-breaks"  # the id is the tip's own words, as before
    assert ("When your teen is going through exam stress, sit with them for a few minutes after a hard day."
            in tips), sorted(tips)
    quiet = tips["When your teen is going through exam stress, respect their need for quiet in the evening."]
    assert "condition added from the title; “your teen” after it is “their”" in quiet.notes
    child = split_tips(tmp_path, CHILD)
    assert "When your child is anxious, give them a calm place to rest." in child, sorted(child)
    assert "When your child is anxious, praise their courage." in child, sorted(child)
    partner = split_tips(tmp_path, PARTNER)
    assert "When your partner has depression, ask them what would make this week a little easier." in partner


def test_where_them_is_not_certain_the_tip_goes_without_the_condition(tmp_path):
    tips = split_tips(tmp_path, TEEN)
    assert "Watch whether your teen skips meals before a test." in tips, sorted(tips)  # a subject: "they skip"?
    partner = split_tips(tmp_path, PARTNER)
    assert "Make sure your partner keeps the appointments they have already made." in partner, sorted(partner)
    assert not any(tip.notes and "” after it is “" in " ".join(tip.notes) for headline, tip in partner.items()
                   if headline.startswith("Make sure"))


@pytest.mark.parametrize("instruction, expected", [
    ("Encourage your teen to face small fears.", ("Encourage them to face small fears.", ("your teen", "them"))),
    ("Don't rush your teen.", ("Don't rush them.", ("your teen", "them"))),
    ("Talk with your teen about it.", ("Talk with them about it.", ("your teen", "them"))),
    ("Respect your teen’s privacy.", ("Respect their privacy.", ("your teen", "their"))),
    ("Keep a regular sleep schedule.", ("Keep a regular sleep schedule.", None)),
    ("Notice when your teen goes quiet.", None),  # the subject of a clause: "they go quiet" would change the verb
    ("Talk to your teen years later.", None),  # no person there at all
    ("Remember your teen is doing their best.", None),  # a clause without "that": "remember them is" is not English
    ("Don't assume your teen is fine.", None),
    ("Help your teen, who is tired, rest.", None),  # "them, who …" is not English either
    ("Let your teen decide.", ("Let them decide.", ("your teen", "them"))),
    ("Tell your teen you love them.", ("Tell them you love them.", ("your teen", "them"))),
])
def test_referred_once(instruction, expected):
    assert referred_once("when your teen is going through anxiety", instruction) == expected


def test_the_trial_article_says_its_teen_once(tmp_path):
    """The third user trial's own article, through the real command line."""
    for part in ("posts", "assets"):
        (tmp_path / part).mkdir()
    (tmp_path / "posts" / "schedule.yaml").write_bytes((REPO / "posts" / "schedule.yaml").read_bytes())
    for item in (REPO / "assets").rglob("*"):
        if item.is_file():
            (tmp_path / "assets" / item.relative_to(REPO / "assets")).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "assets" / item.relative_to(REPO / "assets")).write_bytes(item.read_bytes())
    article = tmp_path / "posts" / "articles" / "helping-your-teen-through-anxiety.md"
    article.parent.mkdir()
    article.write_bytes((REPO / "tests" / "data" / "trial" / article.name).read_bytes())
    result = run_cli("--root", str(tmp_path), "split", str(article), "--json")
    assert result.code == 0, result
    texts = [tip["text"] for tip in json.loads(result.out)["tips"]]
    assert ("When your teen is going through anxiety, encourage them to face small fears gradually instead of "
            "avoiding them.") in texts
    assert not any(named_twice(text, "teen") for text in texts), texts
