"""The topic reader's bound (issue 22, split's speed): a sentence whose words cannot bring its score to the threshold
is not read further, and that never changes what the reader says of any sentence, flagged or not.

The bound is proved from the model's weights (topicmodel.reach_of: each word's own positive weight and the largest
positive weight of a pair it opens); here it is held against the score on every labelled phrasing and every
sentence of the seed and the test articles, and against a model whose one pair alone flags a sentence."""

from __future__ import annotations

import pytest

from bench.train_sensitivity import CORPUS, HELDOUT, HELDOUT_SPEECH, article_rows, read
from scheduler.tips.sentences import fold, one_split, split_sentences, words
from scheduler.tips.topicmodel import (
    TopicModel,
    load_model,
    reach_of,
    score,
    terms,
    topic_words,
)


def _texts() -> list[str]:
    rows = read(CORPUS) + read(HELDOUT) + read(HELDOUT_SPEECH) + article_rows()
    return sorted({sentence for _, _, text in rows for sentence in split_sentences(text)})


def test_the_bound_is_never_under_the_score():
    model = load_model()
    prose = {sentence for _, _, text in article_rows() for sentence in split_sentences(text)}
    skipped = 0
    for text in _texts():
        bound = model.bias + sum(model.reach.get(fold(word), 0.0) for word in words(text))
        assert bound >= score(model, terms(text)) - 1e-12, text
        skipped += text in prose and bound < model.threshold
    assert skipped > len(prose) // 2  # what it is for: most sentences of an article are never scored


def test_the_reader_says_the_same_with_and_without_the_bound(monkeypatch):
    texts = _texts()
    with one_split():
        bounded = [topic_words(text) for text in texts]
    topic_words.cache_clear()
    unbounded_model = load_model()
    monkeypatch.setattr("scheduler.tips.topicmodel.load_model", lambda: TopicModel(
        unbounded_model.bias, unbounded_model.threshold, unbounded_model.weights))
    with one_split():
        unbounded = [topic_words(text) for text in texts]
    topic_words.cache_clear()
    assert bounded == unbounded
    assert any(bounded)


@pytest.mark.parametrize("pair", [0.5, 3.0])
def test_a_pair_that_alone_reaches_the_threshold_is_read(pair):
    weights = {"quiet": 0.1, "quiet hous": pair, "hous": -0.2}
    model = TopicModel(-1.0, 1.0, weights, reach=reach_of(weights))
    assert model.reach == {"quiet": 0.1 + pair}
    text = "A quiet house at night."
    bound = model.bias + sum(model.reach.get(fold(word), 0.0) for word in words(text))
    assert (bound >= model.threshold) == (pair >= 1.9)
    assert bound >= score(model, terms(text))
