"""What became of every block of an article: the tips it fed, or why it was left out.

The split stage records a reason wherever a rule leaves something out (a pitch, a bio, a setup, a
fragment, a duplicate, a text too long for a post...) and the tips each block fed; `block_report`
turns that into one entry per block (and per list item), each with a stable locator (`b12`, `b12.3`)
and its text, so a reviewer can find a left-out passage and make it a tip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.articles import Article

Locator = tuple[int, int | None]  # (block number, list item number or None)

NO_ADVICE = "no sentence stands alone as advice"
CRISIS_LINE = "crisis line"  # edges' reason for a crisis-line paragraph ("call or text 988"), left out by design
# A reason that would read as text lost unless it says why (a user trial thought the crisis paragraph was lost).
CRISIS_LINE_WHY = ("left out by design: a post flagged sensitive carries the crisis line as its footer, crisis_footer "
                   "in posts/schedule.yaml")
_WHY = {CRISIS_LINE: f"crisis line ({CRISIS_LINE_WHY})"}


def _said(reasons) -> str:
    return "; ".join(_WHY.get(reason, reason) for reason in reasons)


@dataclass
class Ledger:
    reasons: dict[Locator, list[str]] = field(default_factory=dict)
    fed: dict[Locator, list[str]] = field(default_factory=dict)
    unsaid: dict[Locator, list[str]] = field(default_factory=dict)  # left out of a passage that fed tips (tips.unsaid)

    def leave(self, locator: Locator, reason: str) -> None:
        found = self.reasons.setdefault(locator, [])
        if reason not in found:
            found.append(reason)

    def unsay(self, locator: Locator, reason: str) -> None:
        found = self.unsaid.setdefault(locator, [])
        if reason not in found:
            found.append(reason)

    def feed(self, locator: Locator, tip_id: str) -> None:
        found = self.fed.setdefault(locator, [])
        if tip_id not in found:
            found.append(tip_id)


def _unsaid(ledger: Ledger, locator: Locator) -> str | None:
    """What a passage that fed tips left out all the same (a sensitive sentence in no tip), or None."""
    return "; ".join(ledger.unsaid[locator]) if ledger.unsaid.get(locator) else None


def locator_name(locator: Locator) -> str:
    block, item = locator
    return f"b{block}" if item is None else f"b{block}.{item}"


def block_report(article: Article, ledger: Ledger) -> list[dict]:
    """One entry per block in reading order: locator, section, kind, text, tips fed or the reason left out."""
    entries = []
    for section, block in article.blocks():
        own = (block.number, None)
        entry: dict = {"block": block.number, "locator": locator_name(own), "section": section.heading,
                       "kind": block.kind}
        if block.kind == "list":
            entry["text"] = "\n".join(([block.lead_in] if block.lead_in else []) + [f"• {item.full}" for item in block.items])
            items = []
            for number, item in enumerate(block.items, 1):
                where = (block.number, number)
                tips = ledger.fed.get(where, [])
                reasons = ledger.reasons.get(where) or ledger.reasons.get(own) or [NO_ADVICE]
                items.append({"item": number, "locator": locator_name(where), "text": item.full, "tips": list(tips),
                              "left_out": _unsaid(ledger, where) if tips else _said(reasons)})
            tips = list(dict.fromkeys(t for item in items for t in item["tips"]))
            tips += [t for t in ledger.fed.get(own, []) if t not in tips]
            entry["items"] = items
            if not tips and not ledger.reasons.get(own):
                item_reasons = [item["left_out"] for item in items if item["left_out"] != NO_ADVICE]
                if item_reasons:
                    ledger.reasons[own] = list(dict.fromkeys(item_reasons))
        else:
            entry["text"] = block.text if not block.lead else labelled_text(block.lead, block.text)
            tips = list(ledger.fed.get(own, []))
        entry["tips"] = tips
        # a passage that gave no tip has its reasons, unless a warning outranks them (a crisis line's advice: tips.unsaid)
        entry["left_out"] = _unsaid(ledger, own) if tips or ledger.unsaid.get(own) else _said(
            ledger.reasons.get(own) or [NO_ADVICE])
        entries.append(entry)
    return entries


def labelled_text(lead: str, text: str) -> str:
    """A paragraph's bold label and its words as one passage: "Noticing Parts: Becoming aware of …" (user trial 11:
    the label's colon was lost, and a take of it read "Noticing Parts Becoming aware …")."""
    lead = lead.strip()
    return f"{lead} {text}" if lead[-1:] in ".!?:;…" else f"{lead}: {text}"


def dropped_lists(entries: list[dict]) -> list[str]:
    """Locators of lists that fed no tip and carry no reason: what the rules must never do."""
    return [entry["locator"] for entry in entries
            if entry["kind"] == "list" and not entry["tips"] and entry["left_out"] == NO_ADVICE]
