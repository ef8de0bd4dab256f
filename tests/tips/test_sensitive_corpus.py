"""Sensitive tips are never missed (issue 19): death, dying, self-harm, suicide, abuse or a crisis, in any words.

Every phrasing in tests/data/sensitivity/corpus.tsv was written for this test, in the words people use rather than
the clinical ones: those labelled `flag` must raise the `sensitive` flag (so the post gets the crisis footer), the
ordinary ones must not. The topic reader (scheduler/tips/topicmodel.py) learns from them too.
Our choice for idioms: "dying to try", "to die for", "my phone died", "kill time", "a killer workout" are everyday
words, not a death, and raise nothing; a tip that speaks of a person's death or dying in any form does.
"""

from __future__ import annotations

import csv
import json

import pytest

from bench.train_sensitivity import (
    CORPUS,
    HELDOUT,
    HELDOUT_EVERYDAY,
    HELDOUT_FOOTER,
    HELDOUT_SPEECH,
    article_rows,
    model_file,
    read,
)
from scheduler.tips.flags import sensitive_words
from scheduler.tips.sensitivity import lexicon_phrases
from scheduler.tips.topicmodel import MODEL_FILE, SHOWN, SPEECH_VERBS, topic_words

STILL = tuple(CORPUS.with_name(f"still-round{n}.tsv") for n in (13, 14, 15, 16, 17, 18, 19, 20, 21, 22))


def _still_files(kind: str) -> frozenset[str]:
    """The phrasings of rounds 13 to 22 still missed or flagged, kept in files of their own (still-round13.tsv ...)."""
    found: set[str] = set()
    for path in STILL:
        with open(path, encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)
            found.update(row["text"] for row in rows if row["kind"] == kind)
    return frozenset(found)


# Phrasings neither the lexicon nor the topic reader flags yet, or flags though they are ordinary (docs/splitting.md,
# "What makes a tip sensitive", says why): each is a failure expected and named, so a change that mends one is told
# to move it out of here.
STILL_MISSED: frozenset[str] = frozenset([
    # round 12 (words4, 2026-12-05): the 36 phrasings named here before (a passive wish not to wake up, "can't
    # keep yourself safe", things given away, pills kept "just in case", a rope, violence at home without "abuse", a
    # cancer diagnosis, no heartbeat on the scan, a heart that stopped, an assault, a disaster told by what it did, a
    # death only pointed at) are caught by the lexicon's rows for their kinds (docs/splitting.md, "What makes a tip
    # sensitive", round 12); a new limit goes here, named, until a change mends it
    # the held-out batch of round 12 (written after its rows were landed, never trained on): the same kinds in words the
    # rows do not know; 19 of its 28 missed, measured blind (main flagged 6 of 28, round 12 flags 9); since round 15 the
    # lexicon's rows for the new authors' kinds also catch four of them (letters left for each sister, marks covered,
    # cornered in an underpass or a stockroom), read with this list in view, so no longer blind
    "Some mornings he's disappointed to find he woke up at all.",
    "She says going to sleep and not waking would be a mercy.",
    "He's been keeping a bag of pills under the mattress.",
    "Ask if they've been putting aside tablets from each prescription.",
    "He hurls whatever is near at her when he's been drinking.",
    "The sonographer went quiet, then went to fetch the doctor.",
    "Paramedics worked on her for half an hour before her heart started again.",
    "When the roof came off in the storm, they hid in the bathtub.",
    "Mum's chair stays empty every Sunday lunch.",
    "Twelve years on, she still keeps his toothbrush by the sink.",
    "The car rolled three times on the icy road.",
    # round 13 (words5): the reader, retrained with the new batches, no longer reached "Writing a will at nineteen…"
    # of batch 8; since round 15 the lexicon's row for a will made suddenly or young catches it
    # round 14 (words6): the reader retrained with batches 14-author5..8 sets its threshold at 1.43 (1.39 before) and
    # scores these just under it (round 13 caught them); "She watched her brother go under…" and "He was only ten when
    # the officers told him…" are caught since, "He's been handing out his video games…" since round 15, and "Pulling
    # out hair until there are bare patches…" by round 16's reader
]) | _still_files("missed")
STILL_FLAGGED = frozenset([
    # the held-out batch's everyday senses of the lexicon's words ("mourning the end of the summer holidays", "isn't
    # dead, just thirsty", "won't die without you", "a crisis of motivation", "sleep like the dead", ", not a crisis")
    # are idioms of the lexicon's EVERYDAY table since round 12 and no longer here
    # known false flags, kept for recall (round 10): the reader counts the words a loss is told in ("after", "since",
    # "someone", "home", "year") wherever they pull toward the topic in its training rows, and without them it lost
    # sensitive tips ("I won't be a problem for much longer", "After the service, people go home…"); a miss costs
    # more than a footer too many (docs/splitting.md, "What makes a tip sensitive", round 10); "After a busy week, spend
    # one morning at home…" is no longer flagged since round 16's retraining, "Since the baby came home, take turns so
    # someone always sleeps through." and "Since you work from home, …" since round 17's (the reader no longer weighs
    # "since", "after" or "someone" alone)
    # round 13 (words5): the threshold is chosen out of batch (1.39) and no longer raised above every ordinary
    # phrasing learned from; this one alone held it at 2.71 and cost a quarter of a new author's phrasings caught
    "As a child, I was afraid of the dark; as a parent, I keep a night light on.",
    # round 11's four held-out home and evening tips the reader flagged ("Since you work from home, …") were no
    # longer flagged after round 13's retraining; round 14's flagged one again, round 17's none
]) | _still_files("flagged")


# The reader's file is read once per process. Round 14 held it under 150 KB by leaving out every term weighing under
# 0.045, and out of batch that cost 12 phrasings to flag that a term under 0.045 had caught; since round 15 the limit
# is what the terms weighing 0.02 or more need with room for further batches (docs/splitting.md, round 15): 400 KB
# loads in a few milliseconds, and reading a sentence costs a dict lookup per term whatever the file's size.
MODEL_LIMIT = 400_000


def _cases(label: str, known: frozenset[str]) -> list:
    return [pytest.param(text, marks=pytest.mark.xfail(strict=True, reason="a known limit")) if text in known
            else text for path in (CORPUS, HELDOUT, HELDOUT_SPEECH, HELDOUT_FOOTER, HELDOUT_EVERYDAY)
            for _, found, text in read(path) if found == label]


@pytest.mark.parametrize("text", _cases("flag", STILL_MISSED))
def test_every_phrasing_of_death_self_harm_abuse_or_crisis_is_flagged(text):
    assert sensitive_words(text), text


@pytest.mark.parametrize("text", _cases("ordinary", STILL_FLAGGED))
def test_ordinary_tips_get_no_crisis_footer(text):
    assert not sensitive_words(text), (text, sensitive_words(text))


def test_the_topic_reader_names_the_words_that_made_it_flag():
    """A phrasing the lexicon has no pattern for is flagged by the reader, with its strongest words as the reason."""
    text = "Holding your baby only once, in the hospital, is a memory no parent should carry alone."
    assert not lexicon_phrases(text)
    assert sensitive_words(text) == topic_words(text)
    assert topic_words(text) and len(topic_words(text)) <= 3
    assert all(word in text.lower() for word in topic_words(text))


def test_a_verb_of_speech_is_never_the_whole_reason():
    """A reader's flag that leans on "told", "says" or "asked" names the sentence's other words first, and a verb of
    speech only when they are not enough: the manager sees what the sentence is about ("secret", not "told"; round
    19)."""
    for text in ("The priest told me it was our special secret. I was eleven.",
                 "He told me he'd failed his driving test and asked me not to tell his dad yet."):
        assert not lexicon_phrases(text)
        named = topic_words(text)
        assert named and any(word not in SPEECH_VERBS for word in " ".join(named).split()), named
        assert len(named) <= SHOWN


def test_the_corpus_gives_the_shipped_topic_reader():
    """Trained again from the labelled phrasings and the test articles, the training script gives exactly the shipped
    weights, threshold and out-of-batch figures (python -m bench.train_sensitivity --write)."""
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model_file(read(CORPUS) + article_rows()) == shipped
    assert MODEL_FILE.stat().st_size < MODEL_LIMIT
