"""bench.split_repeats: the calls it counts and the different questions among them, and the package left as it was."""

from __future__ import annotations

from bench.split_repeats import count
from scheduler.tips import sentences


def test_a_question_asked_again_is_counted_and_the_function_is_put_back():
    before = sentences.end_with_period

    def split():
        sentences.end_with_period("Rest")
        sentences.end_with_period("Rest")
        sentences.end_with_period("Sleep")

    rows, split_ms = count(split)
    found = {name: (calls, different) for _, calls, different, name in rows}
    assert found["scheduler.tips.sentences.end_with_period"] == (3, 2)
    assert sentences.end_with_period is before
    assert split_ms > 0
