"""A reader of the topic beside the lexicon: does a sentence speak of death, dying, suicide, self-harm, abuse, a
crisis or a traumatic event, in words no pattern of scheduler.tips.sensitivity names?

A logistic regression over the sentence's words and word pairs (lower case, crude stem: `fold`), trained by
`python -m bench.train_sensitivity` on the labelled phrasings of tests/data/sensitivity/corpus.tsv and shipped in
topicmodel.json (a weight per term, a bias, a threshold). A word common in ordinary sentences with no pull toward
the topic ("house", "day", "night") has a weight of zero or below; one the sensitive phrasings are told in far more
often may count for it, but never a stopword alone, nor since round 18 the few time words and "someone" whose weight
alone flagged ordinary tips (FUNCTION_WORDS: "after", "since", "someone", "never", "until", "night", "now", "while");
they count only in a pair ("after the", no; "after losing", yes); since round 21 so do "see" and "leave"
(EVERYDAY_VERBS), in a pair with any word. Reading a sentence costs a dict lookup per word and per pair. A tip is sensitive when the lexicon or this reader says so (docs/splitting.md, "What makes a tip sensitive").
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from scheduler.tips.sentences import STOPWORDS, fold, per_split, split_sentences, words

MODEL_FILE = Path(__file__).with_name("topicmodel.json")
SHOWN = 3  # at most this many words are named as the reason for the flag
_ROUNDING = 1e-9  # the bound and the score add the same weights in other orders
# Words the reader never weighs alone, only in a pair with a word that is not one of them: the stopwords, and the time
# words and "someone" whose weight alone flagged ordinary tips out of batch ("Someone in your class keeps borrowing…",
# "Hurt feelings after a sharp comment…", "He never says he's upset…", "…sleep in until noon…"). Round 17 kept out
# every word of time and sequence and every indefinite pronoun (some sixty), and lost phrasings to flag with them; since
# round 18 only the eight whose weight alone some false flag needed, leaving one batch out with only the stopwords kept
# out (docs/splitting.md, round 18: 2,995 caught / 44 false out of batch with round 17's list, 3,026 / 40 with these).
FUNCTION_WORDS = STOPWORDS | frozenset(["after", "since", "someone", "never", "until", "night", "now", "while"])
# Everyday verbs the reader weighs only in a pair, as it does the function words, but paired with any word ("to leave",
# "won't leave", "see the marks"): a user trial's tips were flagged with "see" ("…it shapes how we see ourselves") and
# "leave" ("…you can leave the room, or end the call") as the reason; the corpus's phrasings to flag say them of
# marks, people kept from friends and partners left ("nobody would see the scars", "won't let me leave"), and the
# pairs keep that (round 21, docs/splitting.md).
EVERYDAY_VERBS = frozenset(["see", "sees", "seeing", "saw", "seen", "leave", "leaves", "leaving"])
# Verbs of speech: the corpus's phrasings to flag are often told as what someone said ("she told me…", "he keeps
# saying…"), so the reader weighs them for the topic, and a tip of ordinary advice ("Ask your partner what they need,
# then say it back") could be flagged with "say" as its whole reason. They still count (round 19: kept out, the reader
# lost 72 phrasings in-sample), but the reason names them last: only when the sentence's other words are not enough.
SPEECH_VERBS = frozenset(["say", "says", "said", "saying", "tell", "tells", "told", "telling", "ask", "asks", "asked",
                          "asking", "talk", "talks", "talked", "talking", "call", "calls", "called", "calling", "share",
                          "shares", "shared", "sharing", "speak", "speaks", "spoke", "speaking"])


@dataclass(frozen=True)
class TopicModel:
    bias: float
    threshold: float  # the least score (log-odds) that flags a sentence
    weights: dict[str, float]
    # the most each folded word can add to a sentence's score (`reach_of`); empty: not known, every sentence is scored
    reach: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


def terms(text: str) -> dict[str, str]:
    """The sentence's terms, each with its words as written, in order: its folded words but the function words
    (FUNCTION_WORDS), and its pairs of neighbouring words but those of two function words (words like "can", "if",
    "she", "after", "someone" say nothing of the topic alone, and a long sentence would add up their small weights)."""
    written = [word.lower().replace("’", "'") for word in words(text)]
    folded = [fold(word) for word in written]
    plain = [word in FUNCTION_WORDS for word in written]
    found = {term: word for term, word, stop in zip(folded, written, plain) if not stop and word not in EVERYDAY_VERBS}
    for i in range(len(folded) - 1):
        if not (plain[i] and plain[i + 1]):
            found.setdefault(f"{folded[i]} {folded[i + 1]}", f"{written[i]} {written[i + 1]}")
    return found


def score(model: TopicModel, found: dict[str, str]) -> float:
    return model.bias + sum(map(model.weights.get, found, repeat(0.0)))  # in C: the same sum, in the same order


def reach_of(weights: dict[str, float]) -> dict[str, float]:
    """For each folded word, the most a place holding it can add to a score: its own positive weight and the
    largest positive weight of a pair it opens. A sentence's terms are its words and the pairs they open, each term
    counted once, so its score is at most the bias plus the reach of the words at all its places; a sentence
    whose bound stays under the threshold is not flagged, and is not read further (most sentences)."""
    alone = {term: weight for term, weight in weights.items() if weight > 0 and " " not in term}
    opening: dict[str, float] = {}
    for term, weight in weights.items():
        if weight > 0 and " " in term:
            first = term.split(" ", 1)[0]
            opening[first] = max(opening.get(first, 0.0), weight)
    return {word: alone.get(word, 0.0) + opening.get(word, 0.0) for word in alone.keys() | opening.keys()}


@functools.cache
def load_model(path: Path = MODEL_FILE) -> TopicModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return TopicModel(bias=data["bias"], threshold=data["threshold"], weights=data["weights"],
                      reach=reach_of(data["weights"]))


@functools.lru_cache(maxsize=4096)
def topic_words(text: str) -> tuple[str, ...]:
    """The words, as written, that make the reader take some sentence of the text as sensitive: the fewest of its
    strongest words without which it would not (at most SHOWN, strongest first); nothing when no sentence is.
    The bound (`_may_reach`) is asked of each sentence, not of the whole text first: a tip's text, its headline and
    the two joined are new texts, but their sentences are mostly the same few, read once a split (a text's words
    folded afresh for its own bound cost more than the sentences' remembered answers: on the tip texts of the
    20,000-word bench article, 17 ms where it was 20). A sentence's words are among its text's, so a text whose
    bound is under the threshold has no sentence over it: the answers are the same."""
    return next((found for sentence in split_sentences(text) if (found := _sentence_topic_words(sentence)) is not None),
                ())


def _may_reach(model: TopicModel, text: str) -> bool:
    """Whether the text's words can bring a score to the threshold (`reach_of`); True when the bound is not known."""
    return not model.reach or model.bias + sum(map(model.reach.get, map(fold, words(text)), repeat(0.0))) >= (
        model.threshold - _ROUNDING)


@per_split  # a sentence is read once per split, however many drafts and tips hold it
def _sentence_topic_words(sentence: str) -> tuple[str, ...] | None:
    """The sentence's words that make the reader flag it, as topic_words says them; None when it does not flag it."""
    model = load_model()
    if not _may_reach(model, sentence):
        return None  # no term it holds can bring it to the threshold: the score, at most this, is under it
    found = terms(sentence)
    if score(model, found) < model.threshold:
        return None
    # a verb of speech ("told", "told me") comes after the sentence's other words: named only when they are not enough
    strongest = sorted(((model.weights.get(term, 0.0), as_written) for term, as_written in found.items()),
                       key=lambda pair: (pair[0] > 0 and _speaks(pair[1]), -pair[0]))
    # the words that matter: a sentence flagged by many small weights names the few it stands on ("holding"), not
    # every word that leans its way ("holding", "thought", "line": a user trial could not tell what was sensitive)
    over, named = score(model, found) - model.threshold, []
    for weight, as_written in strongest[:SHOWN]:
        if weight <= 0:
            break
        named.append(as_written)
        over -= weight
        if over < 0:
            break
    return tuple(dict.fromkeys(named))


def _speaks(as_written: str) -> bool:
    """Whether a term is a verb of speech, alone or beside a function word ("told", "told me")."""
    said = as_written.split()
    return any(word in SPEECH_VERBS for word in said) and all(word in FUNCTION_WORDS or word in SPEECH_VERBS
                                                               for word in said)
