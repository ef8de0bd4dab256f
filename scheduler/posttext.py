"""The words exactly as they will be posted, and how long each account's network counts them.

One place composes a post (tip text, crisis footer, link with UTM parameters, hashtags) so that
split, approve, the studio, queue, plan, preview and the publishers all agree on the text, and one
place asks each configured account's network whether it fits (scheduler.networks: X's weighted 280,
Bluesky's 300 graphemes, the Mastodon instance's own limit).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scheduler import networks
from scheduler.accounts import Account
from scheduler.networks.base import TextLength


def link_with_utm(url: str | None, utm: dict) -> str | None:
    """`url` with utm_<key>=value for each of `utm`. Tracking the address already carries (utm_source=newsletter
    from the newsletter's link, say) is another channel's: with `utm` every utm_ parameter of the address is
    replaced, so a click from X counts as X's; its other parameters stay. Without `utm` (utm: off) the address
    is left as it is."""
    if not url:
        return None
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if utm:
        query = {key: value for key, value in query.items() if not key.lower().startswith("utm_")}
        query.update((f"utm_{key}", value) for key, value in utm.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def tracking_replaced(schedule, url: str | None, campaign: str) -> str | None:
    """The warning for an article address that carries tracking of its own (utm_...) which the posts replace
    (preview, queue and the studio say it); None when there is none or the posts keep the address as it is."""
    if not url or schedule is None or schedule.link.mode != "in-post":
        return None
    carried = [(key, value) for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
               if key.lower().startswith("utm_")]
    utm = schedule.link.utm_for("<network>", campaign)
    if not carried or not utm:
        return None
    ours = "&".join(f"utm_{key}={value}" for key, value in utm.items())
    return (f"posts/{campaign}.yaml: the article's address carries {'&'.join(f'{k}={v}' for k, v in carried)}, "
            f"another channel's tracking: each network's post replaces it with its own ({ours}); give the address "
            "without it (article.url) to keep this warning away")


# a sensitive tip (suicide, self-harm, abuse) comes round in plain words, never "In case you missed it:"
SENSITIVE_LEAD_INS = ("Shared again:", "Shared once more:", "Shared again, as before:")


def lead_in(schedule, round_: int, *, sensitive: bool = False) -> str | None:
    """The words a recycled post opens with on its `round_`th time out (None the first time): recycle.lead_ins,
    one per time after the first, so no time out reads as another did (X refuses the same words twice); a
    sensitive tip's are plain (SENSITIVE_LEAD_INS), whatever recycle.lead_ins says."""
    if schedule is None or round_ <= 1:
        return None
    if sensitive:
        return SENSITIVE_LEAD_INS[min(round_ - 2, len(SENSITIVE_LEAD_INS) - 1)]
    lead_ins = schedule.recycle.lead_ins
    return lead_ins[min(round_ - 2, len(lead_ins) - 1)] if lead_ins else None


def led_in(text: str, lead: str | None) -> str:
    """`text` opening with the lead-in (as it is without one)."""
    return f"{lead.strip()} {text}" if lead else text


def compose(text: str, *, link: str | None = None, hashtags=(), footer: str | None = None,
            lead: str | None = None) -> str:
    """Tip text (after a recycled post's lead-in), then the crisis footer, then the link and the hashtags on the
    last line."""
    body = unicodedata.normalize("NFC", text.strip())
    lower = body.lower()
    blocks = [unicodedata.normalize("NFC", led_in(body, lead))]
    if footer and not footer_said(body, footer):
        blocks.append(footer.strip())
    tail = [link] if link else []
    tail += [tag for tag in hashtags if tag.lower() not in lower]
    if tail:
        blocks.append(" ".join(tail))
    return "\n\n".join(blocks)


_NUMBER = re.compile(r"\d(?:[\d\-. ]*\d)?")


def _numbers(text: str) -> set[str]:
    return {re.sub(r"\D", "", number) for number in _NUMBER.findall(text)}


def footer_said(text: str, footer: str) -> bool:
    """The tip's text already gives what the crisis footer gives: every number the footer names ("988", "741741",
    "1-800-273-8255"), or, for a footer with no number, its words. Such a post is not given the footer again: a
    tip that says "call or text 988, the Suicide and Crisis Lifeline, any time" followed by "If you are in crisis,
    call or text 988." reads as a form letter (a user trial, 2026-12-06)."""
    numbers = _numbers(footer)
    if numbers:
        return numbers <= _numbers(text)
    folded = " ".join(footer.lower().split())
    return bool(folded) and folded in " ".join(text.lower().split())


def compose_for(schedule, *, text: str, url: str | None, campaign: str, sensitive: bool,
                network: str | None = None, hashtags=None, round_: int = 1) -> str:
    """compose() with the schedule's link, hashtag and crisis-footer policy. The link carries UTM parameters
    (by default utm_source=<network>&utm_medium=social&utm_campaign=<campaign>; see LinkPolicy.utm_for).
    `hashtags`: the campaign's own (its file's `hashtags:`), in place of the schedule's; None: the schedule's.
    `round_`: the time out; a recycled post (2 and on) opens with its lead-in."""
    link = None
    if schedule is not None and schedule.link.mode == "in-post":
        link = link_with_utm(url, schedule.link.utm_for(network or schedule.account.network, campaign))
    return compose(
        text,
        link=link,
        hashtags=hashtags if hashtags is not None else (schedule.hashtags if schedule is not None else ()),
        footer=schedule.crisis_footer if (schedule is not None and sensitive) else None,
        lead=lead_in(schedule, round_, sensitive=sensitive),
    )


def carried(schedule, *, text: str, url: str | None, sensitive: bool, hashtags=None) -> tuple[str, ...]:
    """What compose_for adds to `text`, by name: "link", "crisis footer", "hashtags" (those it does not hold)."""
    if schedule is None:
        return ()
    lower = unicodedata.normalize("NFC", text.strip()).lower()
    tags = hashtags if hashtags is not None else schedule.hashtags
    found = (("link", schedule.link.mode == "in-post" and bool(url)),
             ("crisis footer", sensitive and bool(schedule.crisis_footer)
              and not footer_said(text, schedule.crisis_footer)),
             ("hashtags", any(tag.lower() not in lower for tag in tags)))
    return tuple(name for name, there in found if there)


def accounts_of(schedule):
    """The accounts a tip is checked for: the schedule's, or (before there is one) the first network's."""
    if schedule is not None:
        return schedule.all_accounts
    first = networks.first()
    return (Account(handle="", publisher=first, network=first),)


@dataclass(frozen=True)
class Composed:
    """A tip's post on each account's network, and how long each network counts it."""

    texts: dict[str, str]             # network -> the text exactly as posted there
    lengths: dict[str, TextLength]    # network -> its length there, and the limit
    carries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # network -> what it adds: carried()

    @property
    def main(self) -> str:
        """The first account's network (the single account, or X in a list of several)."""
        return next(iter(self.texts))

    @property
    def text(self) -> str:
        return self.texts[self.main]

    @property
    def weighted_length(self) -> int:
        return self.lengths[self.main].length

    @property
    def limit(self) -> int:
        return self.lengths[self.main].limit

    @property
    def fits(self) -> bool:
        """It can go out: it fits at least one account (queue posts it there and says where it does not)."""
        return any(length.fits for length in self.lengths.values())

    @property
    def fits_everywhere(self) -> bool:
        return all(length.fits for length in self.lengths.values())

    def over_limit(self, network: str) -> str:
        """Its length over `network`'s limit, naming only what the post carries besides the text, as queue, check,
        approve and the studio say it: "352 characters as X counts them (with link and hashtags), over 280"."""
        length, extras = self.lengths[network], self.carries.get(network, ())
        with_ = f" (with {' and '.join(', '.join(extras).rsplit(', ', 1))})" if extras else ""
        return f"{length.length} {length.how}{with_}, over {length.limit}"

    @property
    def tightest(self) -> tuple[str, TextLength]:
        """The network where the post comes nearest its limit (or passes it furthest)."""
        return max(self.lengths.items(), key=lambda item: item[1].length - item[1].limit)


def compose_tip(schedule, campaign, tip, text: str | None = None, state_dir: Path | None = None) -> Composed:
    """A campaign tip's posts (or the posts `text` would make in place of its text) on every account, with
    lengths. A network with its own text (`texts:`) posts that text whatever `text` is."""
    accounts = sorted(accounts_of(schedule), key=lambda a: a != (schedule.account if schedule else a))
    texts, lengths, carries = {}, {}, {}
    own = dict(tip.texts)
    for account in accounts:
        body = own.get(account.network, tip.text if text is None else text)
        texts[account.network] = compose_for(schedule, text=body, url=campaign.url, campaign=campaign.slug,
                                             sensitive=tip.sensitive, network=account.network,
                                             hashtags=campaign.hashtags)
        lengths[account.network] = length_on(account.network, texts[account.network], state_dir)
        carries[account.network] = carried(schedule, text=body, url=campaign.url, sensitive=tip.sensitive,
                                           hashtags=campaign.hashtags)
    return Composed(texts, lengths, carries)


def length_on(network: str, text: str, state_dir: Path | None = None) -> TextLength:
    """How long `text` is on `network`, and the most it may be there."""
    return networks.get(network).length(text, state_dir)
