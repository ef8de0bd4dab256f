"""How split deals with sentences that lean on a pointer ("These", "They", "It", "The key"), counted (issue 19).

    .venv/bin/python -m bench.pointers tests/data/articles posts/articles /work/devset [--show]

For every article (a file, or every .md/.html/.txt under a folder): its tips; the tips whose notes say they lean on
something outside them (readiness's "leans on what came before", "a pronoun with no one to refer to", "points at
something the tip has not said", "points at something said before this tip"); the paragraph sentences that open on a
pointer or a pronoun with no noun before it, and whether each is a tip's headline, goes on a tip as context after the sentence
it leans on, or is in no tip; the tips whose pointer split named (scheduler.tips.referents: "rewritten: “They” ->
…"), and the paragraphs left out with the pointer named. --show prints each named tip and each sentence in no tip
beside the sentence before it, for reading.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report
from scheduler.tips.filters import (
    is_question,
    opens_with_reference,
    tidy,
    unresolved_pronoun,
)
from scheduler.tips.sentences import content_words, with_quotations_whole
from scheduler.tips.standalone import LEANS, NO_ANTECEDENT, POINTS_OUTSIDE, THE_UNSAID

LEANING = tuple(note.split("(")[0].split("“")[0] for note in (LEANS, NO_ANTECEDENT, THE_UNSAID, POINTS_OUTSIDE))
NAMED = "rewritten: “"
UNNAMED = "names no one thing before it"
SAME = 0.8  # a sentence is in a tip's words when the tip has this share of its content words


def articles(paths: list[str]) -> list[Path]:
    found = []
    for name in paths:
        path = Path(name)
        found += sorted(p for p in path.rglob("*") if p.suffix in (".md", ".html", ".txt") and p.name != "SOURCES.md") \
            if path.is_dir() else [path]
    return found


def count(paths: list[str], show: bool = False) -> dict:
    totals = dict.fromkeys(("articles", "tips", "tips leaning", "pointer sentences", "as headline", "as context",
                            "in no tip", "named", "left out naming the pointer"), 0)
    for path in articles(paths):
        split = split_report(read_article(path, path.parent))
        totals["articles"] += 1
        totals["tips"] += len(split.tips)
        for tip in split.tips:
            totals["tips leaning"] += any(note.startswith(LEANING) for note in tip.notes)
            for note in tip.notes:
                if note.startswith(NAMED):
                    totals["named"] += 1
                    if show:
                        print(f"NAMED  {path.name}: {tip.text}\n       {note} (ready: {tip.ready})")
        heads = [content_words(tip.headline) for tip in split.tips]
        texts = [content_words(tip.text) for tip in split.tips]
        for entry in split.blocks:
            totals["left out naming the pointer"] += UNNAMED in (entry["left_out"] or "")
            if entry["kind"] != "paragraph":
                continue
            said = [tidy(sentence) for sentence in with_quotations_whole(entry["text"])]
            for index, sentence in enumerate(said):
                if is_question(sentence) or not (opens_with_reference(sentence) or unresolved_pronoun(sentence)):
                    continue
                totals["pointer sentences"] += 1
                own = content_words(sentence)
                if any(own and len(own & head) >= SAME * len(own) for head in heads):
                    totals["as headline"] += 1
                elif any(own and len(own & text) >= SAME * len(own) for text in texts):
                    totals["as context"] += 1
                else:
                    totals["in no tip"] += 1
                    if show:
                        before = said[index - 1] if index else "(the paragraph's first)"
                        print(f"NO TIP {path.name}: {sentence}\n       after: {before}\n       {entry['left_out']}")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", action="store_true")
    options = parser.parse_args()
    print(json.dumps(count(options.paths, options.show)))


if __name__ == "__main__":
    main()
