"""How many characters of a section name the kicker's two lines hold, by its letters and the card's size: the range
docs/cards.md gives. Not a timing; run alone: `python -m bench.kicker_limits`.

For each distinct section heading of the articles under tests/data and posts/articles, its words are repeated until
they take more than the kicker's two lines, and render.kicker_limit counts the characters of that text's beginning
the two lines hold on each card size with the bundled brand (the same count a `cards` note gives for a name too
long). Prints, per size and for the tightest size of each heading (the one a note names), the least, the tenth and
ninetieth percentiles, the median and the most, and the limits of the headings that are too long themselves.
"""

from __future__ import annotations

import statistics
import sys

from bench import REPO


def headings() -> list[str]:
    """The distinct section headings of the test and bundled articles, normalised as a kicker shows them."""
    from scheduler.articles import read_article
    from scheduler.cards import typesetting

    paths = sorted(path for base in ("tests/data", "posts/articles") for path in (REPO / base).rglob("*")
                   if path.suffix in (".txt", ".md", ".html"))
    found = [typesetting.normalise(section.heading) for path in paths for section in read_article(path).sections
             if section.heading]
    return sorted(set(found))


def limits() -> tuple[dict[str, list[int]], list[tuple[int, int]]]:
    """Per size, each heading's letters' limit (plus "tightest", the least of the sizes'); and (length, limit) of each
    heading too long itself."""
    from scheduler.cards.brand import load_brand
    from scheduler.cards.render import SIZES, kicker_limit

    brand = load_brand(REPO, "junocounseling")
    per_size: dict[str, list[int]] = {size: [] for size in (*SIZES, "tightest")}
    too_long = []
    for heading in headings():
        text = heading
        while any(kicker_limit(text, brand, size) == len(text) for size in SIZES):
            text = f"{text} {heading}"
        found = [kicker_limit(text, brand, size) for size in SIZES]
        for size, limit in zip(SIZES, found):
            per_size[size].append(limit)
        per_size["tightest"].append(min(found))
        own = min(kicker_limit(heading, brand, size) for size in SIZES)
        if own < len(heading):
            too_long.append((len(heading), own))
    return per_size, too_long


def main() -> None:
    per_size, too_long = limits()
    for size, found in per_size.items():
        deciles = statistics.quantiles(found, n=10)
        print(f"{size:9} {len(found)} headings: least {min(found)}, 10% {deciles[0]:.0f}, median "
              f"{statistics.median(found):.0f}, 90% {deciles[-1]:.0f}, most {max(found)}")
    print("too long themselves (characters, limit):", sorted(too_long))


if __name__ == "__main__":
    sys.exit(main())
