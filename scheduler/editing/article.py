"""A campaign's article beside its tips: each block with the sentences each tip came from marked, and why
the others were left out (split's record, .juno/split/<slug>.json); in a block that gave tips, a sensitive
sentence none of them carries is marked as left out, as split's block report names it (scheduler/tips/unsaid.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scheduler.articles import read_article
from scheduler.campaigns.file import Campaign, article_file
from scheduler.errors import ContentError
from scheduler.fileio import read_input
from scheduler.tips.sentences import split_sentences
from scheduler.tips.taking import taken_locators
from scheduler.tips.unsaid import (
    CRISIS_ADVICE,
    carried_text,
    crisis_advice,
    opening,
    unsaid_kind,
    unsaid_phrases,
)

_ARTICLES: dict = {}


def article_blocks(root: Path, campaign: Campaign) -> list[dict[str, Any]]:
    """The article's blocks with the sentences each tip came from marked, and why the others were left out.

    Kept while the article, the campaign and split's record of it are unchanged (the review page's cost)."""
    path = article_file(root, campaign)
    fates = root / ".juno" / "split" / f"{campaign.slug}.json"
    key = (str(path), _mtime(path), _mtime(fates), hash(campaign.tips))
    if key not in _ARTICLES:
        if len(_ARTICLES) > 64:
            _ARTICLES.clear()
        _ARTICLES[key] = _article_blocks(root, campaign, path)
    return _ARTICLES[key]


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _article_blocks(root: Path, campaign: Campaign, path: Path) -> list[dict[str, Any]]:
    try:
        article = read_article(path, root)
    except ContentError as exc:
        return [{"number": 0, "kind": "missing", "why": str(exc), "sentences": [], "entries": [], "tips": [],
                 "unsaid": []}]
    fates = split_fates(root, campaign.slug)
    cited: dict[int, list] = {}
    for tip in campaign.tips:
        if tip.source.get("paragraph"):
            cited.setdefault(tip.source["paragraph"], []).append(tip)
    by_id = {tip.id: tip for tip in campaign.tips}
    for locator, ids in taken_locators(campaign.tips).items():  # taken by hand: "taken by hand from b5"
        block_number = locator.strip().lstrip("b").split(".", 1)[0]
        if block_number.isdigit():
            listed = cited.setdefault(int(block_number), [])
            listed += [by_id[i] for i in ids if by_id[i] not in listed]  # once, though its source names it too
    blocks, heading = [], object()
    for section, block in article.blocks():
        tips = cited.get(block.number, [])
        carried = [carried_text(t) for t in tips]
        fate = fates.get(block.number) or {}
        # a crisis-line paragraph that gave no tip though it advises the reader: its advice marked as split warns of it
        advice = not tips and str(fate.get("left_out") or "").startswith(CRISIS_ADVICE)
        sentences = []
        for number, sentence in enumerate(split_sentences(block.text) if block.text else (), 1):
            by = [t.id for t in tips if t.source.get("sentence") == number or sentence in t.text]
            # a block without tips is left out whole; a sentence a tip came from is not left out
            phrases = unsaid_phrases(sentence, carried) if tips and not by else ()
            unsaid = {"kind": unsaid_kind(sentence), "phrases": phrases, "opening": opening(sentence)} if phrases else None
            if advice and crisis_advice(sentence):
                unsaid = {"kind": "crisis advice", "phrases": (), "opening": opening(sentence)}
            sentences.append({"text": sentence, "tips": by, "unsaid": unsaid})
        items = [item.full for item in block.items]
        item_tips = [[t.id for t in tips if t.id in given or item.lower()[:40] in t.text.lower()]
                     for item, given in zip(items, _item_tips(fate, items), strict=True)]
        blocks.append({
            "number": block.number, "kind": block.kind, "lead_in": block.lead_in, "lead": block.lead,
            "heading": section.heading if section.heading != heading else None,
            "sentences": sentences, "entries": list(zip(items, item_tips)),
            "tips": [t.id for t in tips],
            "why": None if tips else (fate.get("left_out") or "no tip was made from it"),
            "unsaid": [s["unsaid"] for s in sentences if s["unsaid"]],
            "passage": " ".join(filter(None, [block.lead_in, block.lead, block.text, *items])),
        })
        heading = section.heading
    return blocks


def _item_tips(fate: dict, items: list[str]) -> list[set[str]]:
    """The tips split made from each item of a list block, as its record says (a tip rewritten, "they" named or a
    condition added, no longer carries its item's words; a tip typed by hand still does, and is matched by them).
    An item whose words changed since split is not taken from the record."""
    given: list[set[str]] = [set() for _ in items]
    for entry in fate.get("items") or ():
        number = entry.get("item") if isinstance(entry, dict) else None
        if isinstance(number, int) and 1 <= number <= len(items) and entry.get("text") == items[number - 1] \
                and isinstance(entry.get("tips"), list):
            given[number - 1] = {tip for tip in entry["tips"] if isinstance(tip, str)}
    return given


def split_fates(root: Path, slug: str) -> dict[int, dict]:
    """What split recorded about each block (.juno/split/<slug>.json), by block number; {} when absent."""
    path = Path(root) / ".juno" / "split" / f"{slug}.json"
    try:
        data = json.loads(read_input(path, str(path), error=ContentError, what="YAML file").decode("utf-8"))
    except (ContentError, ValueError):
        return {}
    blocks = data.get("blocks", data) if isinstance(data, dict) else data
    fates = {}
    for block in blocks if isinstance(blocks, list) else ():
        if isinstance(block, dict):
            number = block.get("block", block.get("number"))
            if isinstance(number, int):
                fates[number] = block
    return fates
