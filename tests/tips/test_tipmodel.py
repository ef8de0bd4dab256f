"""The tip model (scheduler/tips/tipmodel.py): its model file, reproduced from the committed grades, its
determinism, and what split does with it (a note on a tip it holds back, a reason on a tip it leaves out)."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bench.train_tips import FEATURES as TRAINED_ON
from bench.train_tips import (
    Graded,
    choose_thresholds,
    complete,
    digest,
    model_file,
    precision_floor,
    read_tips,
    with_earlier,
)
from scheduler.articles import read_article
from scheduler.tips.drafting import split_article, split_report
from scheduler.tips.readiness import names_a_problem, notes_after_edit
from scheduler.tips.tipmodel import (
    FEATURES,
    HELD,
    LEANING,
    MODEL_FILE,
    NOT_OPENING,
    NOT_SURE,
    PLACE,
    PRIVATE,
    SIGNS,
    Places,
    judge_tip,
    stays_ready,
    thresholds,
    tip_features,
    why_not_ready,
    word_signs,
)

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "articles"
BUNDLED = REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
GOLDEN = REPO / "tests" / "golden" / "tips"


def test_the_model_file_names_its_features_and_thresholds_and_is_small():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert all(len(data["weights"][kind]) == len(FEATURES) for kind in ("A", "C"))
    assert 0.0 <= thresholds()["ready"] < 1.0 and 0.3 <= thresholds()["drop"] <= 1.01
    assert MODEL_FILE.stat().st_size < 20_000


def test_the_committed_grades_give_the_shipped_model_and_its_recorded_figures():
    """Trained again from tests/data/devset/tips.tsv (grades and the numbers the model reads, no text), the
    training script gives exactly the shipped weights, thresholds and leave-one-practice-out figures."""
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    rows, keys = read_tips()
    assert len(rows) >= 200 and len({row.practice for row in rows}) >= 5
    assert model_file(rows, keys) == shipped


def test_the_same_tip_gets_the_same_numbers():
    values = tip_features("Take a ten-minute walk when you feel your anger rising.",
                          "Take a ten-minute walk when you feel your anger rising. Movement lowers the heat.",
                          [], ready=True)
    assert len(values) == len(FEATURES)
    assert judge_tip(values) == judge_tip(list(values))
    pitch = tip_features("Book a free consultation with our therapists today.",
                         "Book a free consultation with our therapists today.", [], ready=False)
    assert judge_tip(pitch).postable < judge_tip(values).postable
    assert judge_tip(pitch).unpostable > judge_tip(values).unpostable


def test_an_edit_clears_the_models_note():
    notes = notes_after_edit([NOT_SURE], "Take a walk when you feel angry.", "Take a walk when you feel angry.",
                             {"text"})
    assert NOT_SURE not in notes


@pytest.mark.parametrize(("headline", "text", "signs"), [
    # a label or a list item's fragment: a few words, no verb, no command
    ("Your weekends and quiet evenings.", "Your weekends and quiet evenings.", {"fragment"}),
    # an action named by its -ing, long enough to say something: no fragment
    ("Learning to rest without guilt when the week has been long and loud.",
     "Learning to rest without guilt when the week has been long and loud.", set()),
    ("Others need a whole season.", "Others need a whole season. A few need longer.", {"opens_pointer"}),
    ("Think of it like a muscle.", "Think of it like a muscle. The more you use it, the stronger it gets.", {"image"}),
    ("Write the worry down.", "Write the worry down. It helps to see it on paper.", {"modal"}),
    ("Sleep is a skill you can practice.", "Sleep is a skill you can practice.", set()),
])
def test_the_words_signs_the_model_reads(headline, text, signs):
    """Setup, example, metaphor and fragment signs (graders' "list item alone", "metaphor alone", "leans on
    context") are read from the tip's own words, once per tip."""
    found = word_signs(headline, text)
    assert {name for name, value in found.items() if value} == signs
    assert set(found) <= set(FEATURES)


def test_a_one_line_fragment_is_left_out_and_the_same_words_with_advice_are_not():
    alone = judge_tip(tip_features("Your weekends and quiet evenings.", "Your weekends and quiet evenings.", [],
                                   ready=False))
    carried = judge_tip(tip_features("Protect your weekends and quiet evenings.",
                                     "Protect your weekends and quiet evenings. Keep one evening a week free of "
                                     "plans, and say no to the rest without explaining.", [], ready=False))
    assert alone.unpostable >= thresholds()["drop"] > carried.unpostable


def test_graded_tips_split_no_longer_writes_stay_and_a_tip_graded_again_keeps_the_new_grade():
    values = tuple(0.0 for _ in TRAINED_ON)
    kept = [Graded("p--a", "p", "d1", "B", "no", (3,), "older", values),  # graded again below
            Graded("p--a", "p", "d2", "C", "no", (), "older", values),  # no longer written: kept
            Graded("p--a", "p", "d3", "A", "no", (2,), "older", values),  # kept, its key in the older list
            Graded("p--a", "p", "d4", "B", "no", (5,), "newer", values),  # graded now, no longer written: kept
            Graded("q--b", "q", "e1", "A", "no", (4,), "older", values)]  # an article not graded again: as it is
    now = [Graded("p--a", "p", "d1", "C", "no", (), "newer", values)]
    assert [(row.digest, row.grade, row.keys, row.graded) for row in with_earlier(now, kept)] == [
        ("d1", "C", (), "newer"), ("d2", "C", (), "older"), ("d3", "A", (), "older"), ("d4", "B", (5,), "newer"),
        ("e1", "A", (4,), "older")]


def test_the_model_reads_a_short_and_a_long_tip_apart_from_its_word_count():
    short = "Write the worry down before bed."
    long = ("Write the worry down before bed, then close the notebook and leave it in another room, so the thought "
            "has somewhere to wait until morning and you have a plan for it when you wake up tomorrow.")
    numbers = [dict(zip(FEATURES, tip_features(text, text, [], ready=False))) for text in (short, long)]
    assert [(n["short"], n["long"]) for n in numbers] == [(1.0, 0.0), (0.0, 1.0)]


def test_what_split_keeps_stops_before_one_per_cent_of_the_a_tips_or_half_a_per_cent_of_the_key_tips_go():
    """`drop` is the lowest P(C) at which the tips left out are at most 1 % of the A tips and carry at most 0.5 %
    of the key tips found (B tips carrying none may go: they are what split writes too many of)."""
    def tip(digest, grade, keys=()):
        return Graded("p--a", "p", digest, grade, "no", keys, "newer", tuple(0.0 for _ in TRAINED_ON))
    scored = [(tip("c1", "C"), 0.1, 0.95), (tip("c2", "C"), 0.1, 0.90), (tip("a1", "A"), 0.8, 0.85),
              (tip("b0", "B"), 0.3, 0.82), (tip("c3", "C"), 0.1, 0.80), (tip("b1", "B", (1,)), 0.3, 0.70)]
    assert choose_thresholds(scored, {"p--a": 1})["drop"] == 0.86  # a1 is the only A tip
    many_a = [(tip(f"a{n}", "A"), 0.8, 0.1) for n in range(2, 102)]
    assert choose_thresholds(scored + many_a, {"p--a": 1})["drop"] == 0.71  # a1 of 101 may go; b1 alone carries 1
    many_keys = [(tip(f"k{n}", "B", (n,)), 0.3, 0.1) for n in range(2, 202)]
    other = [(tip("b2", "B", (300,)), 0.3, 0.60)]
    assert choose_thresholds(scored + many_a + many_keys + other, {"p--a": 300})["drop"] == 0.61  # 1 of 201 keys


def test_a_number_tips_tsv_does_not_hold_yet_is_computed_from_the_tips_words(tmp_path):
    """A feature added to the model: tips split still writes get it from split; a graded tip it no longer writes
    gets it from its words (the sheets', or rebuilt with --words); without them it stays unknown, kept in tips.tsv
    but not trained on."""
    headline = text = "Your weekends and quiet evenings."
    older = [name for name in TRAINED_ON if name != "fragment"]
    known = dict(zip(TRAINED_ON, tip_features(headline, text, [], ready=False)))
    tips = tmp_path / "tips.tsv"
    tips.write_text("# keys\tp--a\t3\n" + "\t".join(["article", "practice", "digest", "grade", "should_flag", "keys",
                                                     "graded", *older]) + "\n"
                    + "\t".join(["p--a", "p", digest(headline, text), "C", "no", "", "older",
                                 *(f"{known[name]:.6f}" for name in older)]) + "\n", encoding="utf-8")
    rows, keys = read_tips(tips)
    assert keys == {"p--a": 3}
    (unknown,) = with_earlier([], rows)
    assert complete([unknown]) == []
    (kept,) = with_earlier([], rows, {("p--a", digest(headline, text)): (headline, text)})
    assert dict(zip(TRAINED_ON, kept.values))["fragment"] == 1.0


ARTICLE = """# Sleep when the week is loud

## Wind down

Keep the hour before bed quiet. This gives your mind room to settle. What helps most?

Dim the lights at nine.

Try these instead:

- Read a paper book.
- Stretch for five minutes.
- Write tomorrow's list.
"""


def _places(tmp_path):
    path = tmp_path / "sleep.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return Places(read_article(path, tmp_path))


def test_the_model_reads_where_a_tip_stands_in_its_article(tmp_path):
    """Graders' "leans on context" and "list item alone" are about a tip's place: whether it opens its section or
    follows a sentence of its paragraph, sits in a list and how long it is, what the sentence before ends on, and
    how much of its paragraph it keeps."""
    places = _places(tmp_path)
    opening = places.numbers(1, 1, "Keep the hour before bed quiet. This gives your mind room to settle.")
    assert (opening["opens_section"], opening["mid_paragraph"], opening["in_list"]) == (1.0, 0.0, 0.0)
    assert 0.5 < opening["share_kept"] < 1.0
    leaning = places.numbers(1, 2, "This gives your mind room to settle.")
    assert (leaning["opens_section"], leaning["mid_paragraph"]) == (0.0, 1.0)
    answer = places.numbers(2, 1, "Dim the lights at nine.")
    assert (answer["after_question"], answer["opens_section"], answer["share_kept"]) == (1.0, 0.0, 1.0)
    item = places.numbers(4, 2, "Stretch for five minutes.")
    assert (item["in_list"], item["list_size"], item["after_colon"]) == (1.0, 0.3, 0.0)
    assert places.numbers(99, 1, "Anything.") == dict.fromkeys(PLACE, 0.0)  # no such block: nothing known


def test_a_tip_split_no_longer_writes_gets_its_place_from_where_it_was_written(tmp_path):
    headline = text = "This gives your mind room to settle."
    values = tuple(math.nan if name in PLACE else 0.0 for name in TRAINED_ON)
    row = Graded("p--a", "p", digest(headline, text), "C", "no", (), "older", values)
    (kept,) = with_earlier([], [row], {("p--a", row.digest): (headline, text, 1, 2)}, {"p--a": _places(tmp_path)})
    assert dict(zip(TRAINED_ON, kept.values))["mid_paragraph"] == 1.0 and complete([kept]) == [kept]


def test_split_reads_each_tips_place_as_training_computes_it(tmp_path):
    """What split reads of a tip's place is what training computes for a graded tip from its source."""
    path = tmp_path / "sleep.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_article(path, tmp_path)
    split = split_report(article, judged=False)
    places = Places(article)
    assert split.tips
    for tip, reading in zip(split.tips, split.readings):
        read = dict(zip(FEATURES, reading))
        assert {name: read[name] for name in PLACE} == places.numbers(
            tip.source["paragraph"], tip.source["sentence"], tip.text)


def test_ready_is_the_surest_precision_when_no_threshold_reaches_ninety_per_cent():
    """`ready` is the lowest P(A) whose ready tips are 90 % A; where none is, the one whose precision is surest
    (a precise few over a less precise many, but not two tips that happen to be A); of thresholds that make the
    same tips ready, the highest (no tip less likely than those seen is made ready)."""
    def tip(grade):
        return Graded("p--a", "p", grade, grade, "no", (), "newer", tuple(
            1.0 if name in ("rules_ready", "opens_section") else 0.0 for name in TRAINED_ON))
    scored = ([(tip("A"), 0.9, 0.1)] * 2 + [(tip("B"), 0.8, 0.1)]  # 2 of 3 at 0.81 and above
              + [(tip("A"), 0.7, 0.1)] * 12 + [(tip("B"), 0.7, 0.1)] * 3  # 14 of 18 (78 %) from 0.70 down to 0.61
              + [(tip("A"), 0.6, 0.1)] * 6 + [(tip("C"), 0.6, 0.1)] * 9)  # 20 of 33 (61 %) at 0.60 and below
    assert choose_thresholds(scored, {})["ready"] == 0.70  # the highest of 0.61-0.70, which make the same tips ready
    assert precision_floor(14, 18) > max(precision_floor(2, 2), precision_floor(20, 33))
    sure = [(tip("A"), 0.7, 0.1)] * 9 + [(tip("B"), 0.7, 0.1)] + [(tip("C"), 0.5, 0.1)] * 9
    assert choose_thresholds(sure, {})["ready"] == 0.70  # 9 of 10: the lowest tips that reach 90 %
    leaning = [(replace(row, values=tuple(0.0 if name == "opens_section" else value
                                          for name, value in zip(TRAINED_ON, row.values))), pa, pc)
               for row, pa, pc in [(tip("C"), 0.95, 0.1)] * 5]
    assert choose_thresholds(sure + leaning, {})["ready"] == 0.70  # tips that cannot be ready choose nothing


SHAPED = "Take a ten-minute walk when you feel your anger rising, and come back to the talk once you are calm."
OPENING = {**dict.fromkeys(PLACE, 0.0), "opens_section": 1.0, "share_kept": 1.0}


@pytest.mark.parametrize(("change", "held"), [
    ({"text": SHAPED + " Movement lowers the heat and buys you the minutes you need."}, HELD["long"]),
    ({"place": {**OPENING, "in_list": 1.0}}, HELD["in_list"]),
    ({"sensitive": True}, HELD["sensitive"]),
    ({"text": "Take a walk when you feel your anger rising."}, HELD["short"]),
    ({"place": {**OPENING, "opens_section": 0.0, "mid_paragraph": 1.0}}, LEANING["mid_paragraph"]),
    ({"place": {**OPENING, "opens_section": 0.0, "after_question": 1.0}}, LEANING["after_question"]),
    ({"place": {**OPENING, "opens_section": 0.0}}, NOT_OPENING),
])
def test_a_tip_is_ready_only_in_a_shape_graders_posted_as_it_came_and_its_note_names_the_shape(change, held):
    """Of the tips the rules call ready, outside graders edited most of those of 30 words or more, drawn from a
    list, of 12 words or fewer, flagged, or not opening their section: whatever its P(A), such a tip is held back
    with a note that names the shape (never a bare "read it first")."""
    args = {"text": SHAPED, "place": OPENING, "sensitive": False, **change}
    values = tip_features(SHAPED, args["text"], [], ready=True, sensitive=args["sensitive"], place=args["place"])
    assert stays_ready(tip_features(SHAPED, SHAPED, [], ready=True, place=OPENING), 0.9, {"ready": 0.5})
    assert not stays_ready(values, 0.9, {"ready": 0.5})
    assert why_not_ready(values, 0.9, {"ready": 0.5}) == held


def test_a_tip_held_back_by_its_p_a_names_the_sign_that_lowers_it_most():
    """Under `ready`, the note names what the model holds against the tip most (a fragment, a question), read
    against the average graded tip, not the model's bare doubt."""
    fragment = tip_features("Your weekends and quiet evenings.", "Your weekends and quiet evenings. They are the "
                            "hours that give the rest of the week its shape and its calm.", [], ready=True,
                            place=OPENING)
    question = tip_features("What does rest look like for you?", "What does rest look like for you? For many people "
                            "it is a quiet hour with no plans and no screens at all.", [], ready=True, place=OPENING)
    for values, sign in ((fragment, "fragment"), (question, "question")):
        assert judge_tip(values).postable < thresholds()["ready"]
        assert why_not_ready(values, judge_tip(values).postable, thresholds()) == SIGNS[sign]


def _tip(path, headline):
    return next(tip for tip in split_article(read_article(path, path.parent)) if tip.headline == headline)


@pytest.mark.parametrize(("article", "headline", "note"), [
    ("grief-and-marriage.md", "A different style is not a lack of love.", HELD["sensitive"]),
    ("apology-fragment.html", "Skip the word “but.”", HELD["short"]),
    ("after-the-argument.txt", "After the argument is over, try not to keep score of who apologized last.", NOT_OPENING),
])
def test_team_articles_tips_the_rules_call_ready_wait_for_a_person_when_their_shape_says_so(article, headline, note):
    """Each was ready by the rules (and before these shapes, by the model too): now held, its note names why."""
    path = ARTICLES / article
    rules = next(tip for tip in split_report(read_article(path, ARTICLES), judged=False).tips
                 if tip.headline == headline)
    tip = _tip(path, headline)
    assert rules.ready and tip.ready is False and tip.notes[0] == note


def test_the_bundled_articles_statement_from_mid_paragraph_says_so():
    """"Share how you feel using “I” statements." stands alone and is ready (tests/tips/test_standing_steps.py); a
    statement mid-paragraph still says where it stands."""
    tip = _tip(BUNDLED, "Curiosity often works better than persuasion.")
    assert tip.ready is False and LEANING["mid_paragraph"] in tip.notes


PRIVATE_ARTICLE = ("# Sleep when the week is loud\n\n## Sleep problems that stay\n\nIf poor sleep lasts more than a few "
                   "weeks, talk with your doctor or call the sleep line at 555-201-3344 for an appointment.\n")


def test_a_tip_flagged_for_privacy_is_not_ready_and_says_why(tmp_path):
    """approve --ready never takes a flagged tip in one step, so split does not call it ready: its note says to
    read it."""
    path = tmp_path / "sleep.md"
    path.write_text(PRIVATE_ARTICLE, encoding="utf-8")
    article = read_article(path, tmp_path)
    (rules,) = split_report(article, judged=False).tips
    (tip,) = split_article(article)
    assert rules.ready and "privacy" in tip.review
    assert tip.ready is False and tip.notes == (PRIVATE, "headline is the section heading")


def test_every_tip_not_ready_on_the_test_articles_has_a_note_that_names_its_problem():
    """Issue 19, item 2: the tips not ready say why they need a look, on the seed, the test articles and a user's
    own article (tests/data/trial). A note that only says what split did (shortened, compressed, the heading as
    headline) or a bare doubt (the tip model's, the scorer's "the model is unsure…") names no problem."""
    unnamed = []
    for golden in sorted(GOLDEN.glob("*.yaml")):
        for tip in yaml.safe_load(golden.read_text(encoding="utf-8"))["tips"]:
            notes = [note for note in tip.get("notes", []) if names_a_problem(note)]
            if not tip["ready"] and not notes:
                unnamed.append((golden.stem, tip["headline"]))
    assert unnamed == []
