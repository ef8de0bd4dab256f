"""Text with no sentence boundary is split in time proportional to its length.

A user trial: one unbroken line of `x`, 50 k characters, took 9 s to be refused, 200 k 51 s, 500 k was still
running after two minutes, and a 300 KB one in the studio held up every other page. Time is shown by a
size-quadrupling ratio of the split's own processor time, never by a wall clock: text four times as long
costs about four times as much; the steps the trial met cost sixteen.
"""

from __future__ import annotations

import time

import pytest

from scheduler import open_project
from scheduler.errors import ContentError

pytestmark = pytest.mark.slow

SHAPES = {  # each at a size where a step that costs the square of the length shows, four times over within the
    # 300,000 characters split takes (scheduler.articles.MAX_TEXT: longer is refused before it is read)
    "one unbroken line of x": (lambda n: "x" * n, 70_000),
    "function words run together": (lambda n: "ofthe" * (n // 5), 70_000),
    "made-up words and no full stop": (lambda n: "qwxyz " * (n // 6), 70_000),
}


def _split_seconds(root, text: str) -> float:
    article = root / "posts" / "articles" / "unbroken.txt"
    article.write_text(text + "\n", encoding="utf-8")
    project = open_project(root)
    started = time.process_time()
    with pytest.raises(ContentError, match="unbroken.txt: no tip could be made from this article"):
        project.split(article)
    return time.process_time() - started


@pytest.mark.parametrize("shape", SHAPES)
def test_text_with_no_sentence_is_refused_in_time_proportional_to_its_length(project, shape):
    make, size = SHAPES[shape]
    _split_seconds(project, make(1000))  # the first split reads the models and compiles the patterns
    short = _split_seconds(project, make(size))
    long = _split_seconds(project, make(4 * size))
    assert long / short < 8, f"{4 * size:,} characters took {long / short:.1f} times as long as {size:,}"
    assert not (project / "posts" / "unbroken.yaml").exists()
