"""Rules remember their answers while one article is split, and nothing of it afterwards."""

from __future__ import annotations

import gc

import pytest

from scheduler.articles import read_article
from scheduler.tips import edges, sentences
from scheduler.tips.drafting import split_report
from scheduler.tips.sentences import one_split, per_split


def test_an_answer_is_remembered_only_while_a_split_is_under_way():
    asked: list[str] = []

    @per_split
    def shout(text: str, *, twice: bool = False) -> str:
        asked.append(text)
        return text.upper() * (2 if twice else 1)

    assert shout("a") == shout("a") == "A" and asked == ["a", "a"]  # outside a split: asked each time
    with one_split():
        assert shout("b") == shout("b") == "B" and shout("b", twice=True) == "BB"
        assert shout("b", twice=False) == "B"  # a keyword at its default: the question already answered
        with one_split():  # a split inside a split (or another thread's) keeps what was found
            assert shout("b") == "B"
        assert shout("b") == "B"
    assert asked == ["a", "a", "b", "b"]
    assert shout("b") == "B" and asked[-1] == "b"  # forgotten once the split is done


def test_splitting_an_article_keeps_nothing_of_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Keep It Short\n\nWrite it down before you talk. I am a counselor in Ohio.\n", encoding="utf-8")
    split_report(read_article(article))
    assert sentences._splitting == [0]
    assert all(not answers for answers in sentences._answers) and edges.edge_reason("x") is None


def test_the_collector_rests_while_an_article_is_split_and_wakes_after():
    """A split makes next to no cyclic garbage (33 objects on the 20,000-word bench article) but enough objects to
    run the cyclic collector dozens of times: it is paused until the last split under way ends."""
    assert gc.isenabled()
    with one_split():
        assert not gc.isenabled()
        with one_split():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer split is still under way
    assert gc.isenabled()
    with pytest.raises(ValueError), one_split():
        raise ValueError("a split that fails")
    assert gc.isenabled()


def test_a_collector_turned_off_before_a_split_stays_off():
    gc.disable()
    try:
        with one_split():
            assert not gc.isenabled()
        assert not gc.isenabled()  # not ours to turn on
    finally:
        gc.enable()
