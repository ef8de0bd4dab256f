"""A judgement of a whole tip, as outside graders read it alone on a phone: postable as it comes (A), or not
postable (C), learned from their grades of split's own tips on other practices' articles.

The sentence scorer (scheduler.tips.scorer) reads one candidate sentence; readiness's checks
(scheduler.tips.standalone) name problems in the words split writes. This reads the finished tip: a handful of
numbers (the scorer's advice probability for its headline, its length, a tip of one line, "you", a command in
the headline, a pronoun, a question, an example of what to say, the sensitive flag, and whether the rules call it
ready), and two logistic regressions (a dot product each) give P(A) and P(C). The weights and thresholds are trained by
`python -m bench.train_tips` on graded tips (tests/data/devset/tips.tsv; docs/splitting.md, "The tip model") and
shipped in tipmodel.json. Same tip, same numbers.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from scheduler.tips.advice_lists import is_command
from scheduler.tips.scorer import Candidate, judge, load_model
from scheduler.tips.sentences import Caseless, split_sentences, words
from scheduler.tips.verbs import has_verb, is_imperative

MODEL_FILE = Path(__file__).with_name("tipmodel.json")

# What a tip's note says when the model holds back a tip the rules would call ready, and what the left-out
# report says for a tip the model is sure a grader would not post.
NOT_SURE = "outside graders often edited tips like this one: read it first"
LEFT_OUT = "not postable alone (the tip model reads it as one outside graders would not post{})"


def left_out_reason(notes) -> str:
    """The left-out report's reason for a tip the model is sure is not postable, with the rules' first doubt."""
    return LEFT_OUT.format(f": {notes[0]}" if notes else "")


_YOU = Caseless(r"\b(?:you|your|yours|yourself|you’re|you're|you’ll|you'll|you’ve|you've)\b")
_THEY = Caseless(r"\b(?:they|them|their|theirs|themselves|he|him|his|she|her|it)\b")
# A headline that opens on a word pointing outside it ("It means…", "Others stay…", "Not a toolkit.").
_POINTER = Caseless(r"[“\"‘(]*(?:it|it’s|it's|this|that|these|those|they|they’re|they're|them|others|some|such|"
                    r"another|both|here|there|not|instead|also|but|so|and|or)\b")
# An image or a comparison ("Think of it like…", "is like a…", "imagine"): graders call one alone a metaphor.
_IMAGE = Caseless(r"\b(?:think of (?:it|this|that)|is like|are like|like a|like an|as if|as though|picture|imagine)\b")
# Advice given through a modal or a softener rather than a command ("it helps to", "you should", "try").
_MODAL = Caseless(r"\b(?:should|try|consider|it helps?|can help|may help|might help|helps? to|remember|"
                  r"it’s (?:okay|ok|important|worth)|it's (?:okay|ok|important|worth)|is (?:important|okay) to)\b")

SHORT_WORDS, LONG_WORDS = 12, 30
FRAGMENT_WORDS = 6  # an opening sentence this short with no verb is a label or a fragment; a longer one is often
# an action named by its -ing ("Learning to accept intrusive thoughts without engaging with them…"), graded B

# Chosen leave-one-practice-out on the graded tips (bench/train_tips.py): the rules' own notes, the scorer's
# other readings, a list item or a heading alone told the graders' grades no better than these do.
FEATURES = ("bias", "advice", "words", "one_line", "sensitive", "you", "command", "they", "rules_ready",
            "example", "question", "fragment", "opens_pointer", "image", "modal", "short", "long")


@dataclass(frozen=True)
class TipVerdict:
    postable: float  # P(A): postable as it comes
    unpostable: float  # P(C): not postable


def tip_features(headline: str, text: str, notes, *, ready: bool, kind: str = "sentence",
                 sensitive: bool = False) -> list[float]:
    """The numbers the model reads, in FEATURES' order, from what split wrote (before this model's own say)."""
    values = {
        "bias": 1.0,
        "sensitive": float(sensitive),
        "rules_ready": float(ready),
        "example": float(kind in ("example", "quote")),
        **word_numbers(headline, text),
    }
    return [values[name] for name in FEATURES]


def word_numbers(headline: str, text: str) -> dict[str, float]:
    """The numbers read from the tip's words alone (the rest are split's: the rules' ready, the sensitive flag, an
    example of what to say): what training can compute again from a graded tip's words."""
    count = len(words(text))
    return {
        "advice": judge(Candidate(text=headline, kind="sentence")).advice,
        "words": min(count, 60) / 60,
        "short": float(count <= SHORT_WORDS),  # graders' A is rare below a dozen words and common from thirty:
        "long": float(count >= LONG_WORDS),  # not a straight line in the count
        "one_line": float(text.strip() == headline.strip()),
        "you": float(bool(_YOU.search(text))),
        "command": float(is_imperative(headline)),
        "they": float(bool(_THEY.search(text))),
        "question": float("?" in text),
        **word_signs(headline, text),
    }


def word_signs(headline: str, text: str) -> dict[str, float]:
    """What the tip's own words show, read once per tip: an opening sentence of a few words with no verb and no
    command (a label or a list item's fragment: "Your belongings and resources."), a headline opening on a word that
    points outside it, an image or comparison, advice given through a modal."""
    first = next(iter(split_sentences(text)), text)
    return {
        "fragment": float(len(words(first)) <= FRAGMENT_WORDS and not has_verb(first) and not is_command(first)),
        "opens_pointer": float(_POINTER.match(headline)),
        "image": float(_IMAGE.search(text)),
        "modal": float(_MODAL.search(text)),
    }


@functools.cache
def _model() -> dict:
    return load_model(MODEL_FILE, "features", FEATURES)


def thresholds() -> dict[str, float]:
    """ready: the P(A) a tip the rules call ready needs to stay ready (with ready_alone 1: that any tip needs to
    be ready, whatever the rules' notes); drop: the P(C) at which a tip is left out (chosen leave-one-practice-out
    by bench.train_tips)."""
    return dict(_model()["thresholds"])


def probability(weights, values) -> float:
    total = 0.0
    for weight, value in zip(weights, values):
        total += weight * value  # in FEATURES' order, one running sum: the same digits on every Python
    return 1.0 / (1.0 + math.exp(-total)) if total >= 0 else math.exp(total) / (1.0 + math.exp(total))


def judge_tip(values: list[float]) -> TipVerdict:
    model = _model()
    return TipVerdict(postable=probability(model["weights"]["A"], values),
                      unpostable=probability(model["weights"]["C"], values))
