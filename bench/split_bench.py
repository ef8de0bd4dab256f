"""split: the seed article, and a 20,000-word article, each split into a campaign file in a warm process.

The 20,000-word article is made deterministically from the test articles (tests/data/articles/ and the
seed): their plain-text paragraphs and lists, cycled under numbered section headings until the
article holds 20,000 words. The floor is reading the article alone (no tips made, nothing written). Both are
the process's CPU time, split and floor taken in turns (bench.paired_cpu_ms): the machine is shared.
"""

from __future__ import annotations

import inspect
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench import REPO, figure, paired_cpu_ms

if TYPE_CHECKING:
    from scheduler.tips.splitter import SplitResult

SEED = REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
WORDS_20K = 20_000


def long_article(words: int = WORDS_20K) -> str:
    """Paragraphs and lists of the test articles, cycled under numbered headings, `words` words long."""
    from scheduler.articles import read_article

    sources = [SEED] + sorted(path for path in (REPO / "tests" / "data" / "articles").iterdir()
                             if path.suffix in (".txt", ".md", ".html"))
    chunks: list[tuple[str, list[str]]] = []
    for path in sources:
        article = read_article(path)
        for section in article.sections:
            lines = []
            for block in section.blocks:
                if block.kind == "list":
                    if block.lead_in is None and section.heading is None:
                        continue
                    lines.append("\n".join(f"  • {item.full}" for item in block.items))
                else:
                    lines.append(block.text)
            if lines:
                chunks.append((section.heading or article.title, lines))
    out = ["A Long Guide to Talking Things Through", ""]
    count, part = 0, 0
    while count < words:
        heading, lines = chunks[part % len(chunks)]
        cycle = part // len(chunks)
        part += 1
        out += [f"Part {part}: {re.sub(r'[.?!:]+$', '', heading)}", ""]
        for line in lines:
            out += [_variant(line, cycle), ""]
            count += len(line.split())
    return "\n".join(out)


def _variant(text: str, cycle: int) -> str:
    """The text with its longer words marked by the cycle (partner -> partnerb), so no cycle repeats another:
    an article of distinct sentences, not one that near-duplicate removal shrinks to its first pass."""
    if cycle == 0:
        return text
    mark = "".join(chr(ord("a") + int(digit)) for digit in str(cycle))
    return re.sub(r"\b([A-Za-z]{5,})\b", lambda m: m.group(1) + mark, text)


def _project(article_name: str, text: str | None) -> Path:
    root = Path(tempfile.mkdtemp(prefix="juno-split-bench-"))
    (root / "posts" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    target = root / "posts" / "articles" / article_name
    if text is None:
        shutil.copy(SEED, target)
    else:
        target.write_text(text, encoding="utf-8")
    return root


# the caches forget_texts keeps though they take an argument: a font file (and a size), not a text
PER_FONT = frozenset(["scheduler.cards.fonts.codepoints", "scheduler.cards.fonts.load", "scheduler.cards.fonts.ink_extent",
                      "scheduler.cards.glyphs._face"])


def forget_texts() -> None:
    """Empty every cache in the package that remembers an answer per text (the sensitive lexicon's phrases, the topic
    reader's words, a client's details, a word unglued...), as a fresh `split` process starts: without this a
    bench that splits the same article again and again would answer its costliest rules from memory (a seed split
    took 6.6x its reading so, 11x from a fresh process; docs/measuring.md, the eighth round). Caches that need no
    argument (a model file read once per process) are kept: every process pays them once, whatever it splits. So
    are those whose argument is a font file (PER_FONT: its character map, its FreeType faces per size, its ink
    extent), read once per process and font whatever the texts; a word's measured width is per text, and forgotten."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("scheduler."):
            continue
        for key, value in vars(module).items():
            if f"{name}.{key}" in PER_FONT:
                continue
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                try:
                    takes = any(parameter.default is parameter.empty
                                for parameter in inspect.signature(value).parameters.values())
                except (TypeError, ValueError):
                    takes = True
                if takes:
                    value.cache_clear()


def splits(root: Path, article_name: str) -> tuple[Path, Callable[[], SplitResult], Callable[[], SplitResult]]:
    """The project's article, and two ways to split it: afresh (its campaign file removed first) and again."""
    from scheduler.tips.splitter import load_schedule, split_file

    article = root / "posts" / "articles" / article_name
    schedule = load_schedule(root)
    campaign = root / "posts" / f"{article.stem}.yaml"

    def fresh_split() -> SplitResult:
        campaign.unlink(missing_ok=True)
        forget_texts()
        return split_file(article, root, schedule)

    return article, fresh_split, lambda: split_file(article, root, schedule)


def _measure(article_name: str, text: str | None, repeat: int) -> dict:
    from scheduler.articles import read_article

    root = _project(article_name, text)
    try:
        article, fresh_split, split_again = splits(root, article_name)
        result = fresh_split()
        value, floor = paired_cpu_ms(fresh_split, lambda: (forget_texts(), read_article(article, root)), repeat=repeat)
        rerun, _ = paired_cpu_ms(split_again, lambda: None, repeat=3)
        return {"value": value, "floor": floor, "rerun": rerun, "tips": len(result.campaign.tips),
                "words": len(article.read_text(encoding="utf-8").split())}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run() -> dict:
    seed = _measure(SEED.name, None, repeat=9)
    big = _measure("long-guide.txt", long_article(), repeat=5)
    return {
        "split_seed": figure(seed["value"], "ms cpu", floor=seed["floor"], goal="ratio <= 3",
                             floor_is="reading the seed article alone", tips=seed["tips"], words=seed["words"],
                             rerun_ms=seed["rerun"]),
        "split_20k": figure(big["value"], "ms cpu", floor=big["floor"], goal="ratio <= 3",
                            floor_is="reading the 20,000-word article alone", tips=big["tips"], words=big["words"],
                            rerun_ms=big["rerun"]),
    }


if __name__ == "__main__":  # pragma: no cover
    import json

    json.dump(run(), sys.stdout, indent=2)
    print()
