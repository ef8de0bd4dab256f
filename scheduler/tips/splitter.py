"""The split stage: article file -> tips -> posts/<slug>.yaml, merged with what a person already reviewed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from scheduler import networks
from scheduler.articles import read_article
from scheduler.campaigns.file import (
    SCHEDULE_NAME,
    Campaign,
    TipStatus,
    campaign_path,
    dump_campaign,
    flags_said,
    load_campaign,
    merge_tips,
    url_problem,
)
from scheduler.cards.alttext import card_alt_text
from scheduler.cards.brand import load_brand
from scheduler.cards.render import campaign_alt_text
from scheduler.config import SCHEDULE_FILE, Schedule, parse_schedule
from scheduler.errors import ContentError, OutputError, closest
from scheduler.fileio import (
    bundled_hint,
    changing,
    check_target,
    read_input,
    write_atomic,
)
from scheduler.posttext import accounts_of, compose_for, compose_tip
from scheduler.results import counted
from scheduler.tips.cardfit import for_project
from scheduler.tips.drafting import person_of, split_report
from scheduler.tips.flags import read_alone
from scheduler.tips.judging import reread
from scheduler.tips.ledger import CRISIS_LINE
from scheduler.tips.sentences import content_words, slugify
from scheduler.tips.taking import (
    TWIN,
    Beside,
    lead_in_of,
    list_of_phrases,
    opening_of,
    passage,
    still_there,
    taken_locators,
    taken_source,
    twin_of,
)
from scheduler.tips.taking import take as take_passage
from scheduler.tips.unsaid import (
    CRISIS_ADVICE,
    READER_ONLY,
    carried_text,
    flagged_in_place_of_the_note,
    still_unsaid,
)
from scheduler.tips.unsaid import opening as _opening
from scheduler.yamlio import (
    display_path,
    hashtag_problem,
    load_document,
    normal_hashtag,
    unique_hashtags,
)


@dataclass(frozen=True)
class SplitResult:
    campaign: Campaign
    new: tuple[str, ...]
    kept: tuple[str, ...]
    stale: tuple[str, ...]
    written: bool  # False when the file already said exactly this
    schedule: Schedule | None  # the Schedule the lengths were measured with, None without posts/schedule.yaml
    blocks: tuple = ()  # every block of the article with the tips it fed or why it was left out (tips.ledger)
    blocks_path: Path | None = None  # .juno/split/<slug>.json, the same list for the studio


def load_schedule(root: Path):
    """posts/schedule.yaml's Schedule, or None when the project has none (lengths then count the bare text)."""
    path = Path(root) / SCHEDULE_FILE
    if not path.exists():
        return None
    return parse_schedule(load_document(path, root=Path(root)))


def find_article(root: Path, name: str) -> Path:
    given = Path(name)
    for candidate in (given, Path(root) / given, Path(root) / "posts" / "articles" / given):
        if candidate.exists() and not candidate.is_dir():  # a pipe or device is refused by read_input, by name
            return candidate
    if given.is_dir():
        raise ContentError(f"{name}: is a folder; give the article file (.txt, .md or .html)")
    folder = Path(root) / "posts" / "articles"
    near = closest(given.name, sorted(path.name for path in folder.iterdir() if path.is_file())) \
        if folder.is_dir() else None
    if near:
        raise ContentError(f"{name}: file not found; did you mean posts/articles/{near}?")
    raise ContentError(f"{name}: file not found; give the article's path, e.g. posts/articles/<slug>.txt")


def split_file(article_file: Path | str, root: Path | str, schedule=None, take: Sequence[str] = (), *,
               url: str | None = None, hashtags: Sequence[str] | None = None) -> SplitResult:
    """Split the article into posts/<slug>.yaml; a second run on the same article changes nothing.

    `take` names passages the rules left out (`b12`, `b12.3`) to add as tips anyway (scheduler.tips.taking).
    `url` and `hashtags`: the article's address and the campaign's own hashtags, given by a person (the tips
    are fitted to posts that carry them)."""
    root = Path(root).resolve()
    problem = url_problem(url) if url is not None else None
    if problem:
        raise ContentError(f"the article's address: {problem}")
    given_tags = None
    if hashtags is not None:
        bad = [tag for tag in hashtags if normal_hashtag(tag) is None]
        if bad:
            raise ContentError(f"hashtags: {hashtag_problem(bad[0])}")
        given_tags = unique_hashtags(normal_hashtag(tag) or tag for tag in hashtags)
    path = find_article(root, str(article_file))
    target = path.resolve()
    if not target.is_relative_to(root):  # the campaign would name a file outside (refused when it is read)
        # a link is named with the file it leads to (a user trial: `cp` of the link onto itself fails)
        shown = f"{path} (a link to {target})" if path.absolute() != target else str(path)
        advice = (f"replace the link with a copy of its file, e.g. `rm {path} && cp {target} {path}`, and split that"
                  if path.is_symlink() else f"copy it in, e.g. `cp {target} posts/articles/`, and split the copy")
        raise ContentError(f"{shown}: the article is outside the project, and a campaign's article must stay in it "
                           f"(the studio shows it, split reads it again); {advice}; nothing was written")
    article = read_article(path, root)
    slug = slugify(path.stem, max_words=30, max_length=100)
    target = campaign_path(root, slug)
    if target.name == SCHEDULE_NAME:
        raise ContentError(f"{display_path(path, root)}: an article named {path.stem!r} would become "
                           f"posts/{SCHEDULE_NAME}, the timetable; rename the article, e.g. {path.stem}-article{path.suffix}")
    with changing(root, f"posts/{slug}.yaml"):  # the merge reads the campaign as the last writer left it
        existing = load_campaign(target, root) if target.exists() else None
        if existing is not None and existing.source != article.source and existing.title != article.title:
            raise ContentError(f"{display_path(path, root)}: posts/{slug}.yaml holds the tips of another article with "
                               f"the same file name ({existing.source}, {existing.title!r}); rename this file, e.g. "
                               f"{path.stem}-2{path.suffix}, to split it into a campaign of its own; nothing was written")
        url = url or article.url or (existing.url if existing else None)
        hashtags = given_tags if given_tags is not None else (existing.hashtags if existing else None)  # a person's: kept

        cards = for_project(root, schedule)
        split = split_report(article, fits=post_fits(schedule, url=url, slug=slug, state_dir=root / ".juno",
                                                     hashtags=hashtags), cards=cards)
        fresh = split.tips
        if not fresh:
            raise ContentError(f"{display_path(path, root)}: no tip could be made from this article; check that it "
                               "holds paragraphs of advice (see docs/splitting.md, 'Splitting articles')")
        before = flagged_in_place_of_the_note(existing.tips, fresh) if existing else ()
        taken = still_there(before, split.blocks)  # a person's tips from passages that read the same: kept as they are
        merged = merge_tips(tuple(replace(tip, source={}) if tip.id in taken else tip for tip in before), fresh,
                            reread(article, cards))
        tips = [taken.get(tip.id, tip) for tip in merged.tips]
        new = list(merged.new)
        if take:
            fits = post_fits(schedule, url=url, slug=slug, state_dir=root / ".juno", hashtags=hashtags)
            already = taken_locators(tips)
            person = person_of(article)
            refused: list[tuple[str, str]] = []  # every refusal said in one go, so one re-run works (user trial 11)
            for locator in take:
                if locator.strip() in already:
                    continue  # taken before: running the same command twice changes nothing
                try:
                    text, section = passage(split.blocks, locator, display_path(path, root))
                    tip = _take_one(text, section, locator, fits, tips, split, fresh, article, person)
                    twin = twin_of(tip, fed_by(_campaign_ids(split.blocks, fresh, merged.tips), tips, locator.strip()))
                    if twin is not None:
                        raise ContentError(TWIN.format(locator=locator.strip(), id=twin.id))
                except ContentError as refusal:
                    refused.append((locator.strip(), str(refusal)))
                    continue
                tips.insert(_in_article_order(tips, tip), tip)
                new.append(tip.id)
                already[locator.strip()] = [tip.id]
            if refused:
                raise ContentError(refused[0][1] if len(refused) == 1 else (
                    f"{len(refused)} of {len(take)} --take refused, nothing written: " + "; ".join(
                        said if said.startswith("--take") else f"--take {locator}: {said}"
                        for locator, said in refused)))
        campaign = Campaign(slug=slug, path=target, title=article.title, url=url, source=article.source,
                            tips=tuple(tips), hashtags=hashtags)
        text = dump_campaign(campaign)
        written = not target.exists() or read_input(target, display_path(target, root), error=ContentError,
                                                    what="YAML file") != text.encode("utf-8")
        blocks_target = blocks_file(root, slug)
        check_target(blocks_target, display_path(blocks_target, root))  # before the campaign changes
        if written:
            write_atomic(target, text, shown=display_path(target, root))
        blocks = _said_by_campaign(_with_taken(_campaign_ids(split.blocks, fresh, merged.tips), campaign.tips),
                                   campaign.tips)
        blocks_path = write_blocks(root, slug, campaign, blocks)
        return SplitResult(campaign=campaign, new=tuple(new), kept=merged.kept + tuple(taken), stale=merged.stale, written=written,
                           schedule=schedule, blocks=tuple(blocks), blocks_path=blocks_path)


def _take_one(text, section, locator, fits, tips, split, fresh, article, person):
    """One `--take`'s tip (scheduler.tips.taking.take) beside the campaign's tips; a ContentError when refused."""
    return take_passage(text, locator.strip(), fits, {t.id for t in tips}, section=section,
                        source=taken_source(locator, text), title=article.title or "",
                        carried=[carried_text(t) for t in fed_by(split.blocks, fresh, locator.strip())],
                        beside=Beside(openings=frozenset(opening_of(t) for t in tips), person=person),
                        lead_in=lead_in_of(split.blocks, locator), phrases=list_of_phrases(split.blocks, locator))


def _in_article_order(tips, tip) -> int:
    """Where a taken tip goes in the campaign: after the tips of its passage and those before it, as split's own are
    (the queue follows the campaign's order; a user trial found her take at the end of the file)."""
    at = (tip.source.get("paragraph") or 0, tip.source.get("sentence") or 0)
    places = [index for index, other in enumerate(tips)
              if other.source.get("paragraph") and (other.source["paragraph"], other.source.get("sentence") or 0) <= at]
    return places[-1] + 1 if places else len(tips)


def fed_by(blocks: list[dict], tips, locator: str) -> list:
    """The tips split made of the passage at `locator` (a block, or a list item), as the block report says."""
    ids = [tip_id for entry in blocks for part in [entry, *entry.get("items", ())] if part["locator"] == locator
           for tip_id in part["tips"]]
    return [tip for tip in tips if tip.id in ids]


def _with_taken(blocks: list[dict], tips) -> list[dict]:
    """The block report with the passages a person took as tips marked as feeding them."""
    taken = taken_locators(tips)
    if not taken:
        return blocks
    by_id = {tip.id: tip for tip in tips}

    def left_out(part: dict, ids: list[str]) -> str | None:
        """Still named when a sensitive sentence is in none of its tips, the taken ones too (user trial 4: after
        `--take b12` every later split fell silent of the warning signs the take had cut)."""
        return still_unsaid(part["text"].replace("\n• ", " ").removeprefix("• "),
                            [by_id[i] for i in ids if i in by_id], part["locator"])

    out = []
    for entry in blocks:
        entry = dict(entry)
        if "items" in entry:
            items = []
            for item in entry["items"]:
                ids = taken.get(item["locator"], [])
                whole = item["tips"] + ids
                items.append(dict(item, tips=whole, left_out=left_out(item, whole)) if ids else item)
            entry["items"] = items
        ids = taken.get(entry["locator"], []) + [i for item in entry.get("items", []) for i in taken.get(
            item["locator"], [])]
        if ids:
            whole = list(dict.fromkeys(entry["tips"] + ids))
            entry.update(tips=whole, left_out=left_out(entry, whole) if "items" not in entry else None)
        out.append(entry)
    return out


CUT = "list cut to fit a post"
SAID = 2 / 3  # of an item's content words in a tip's text: the item is said, as a person reworded it


def _said_by_campaign(blocks: list[dict], tips) -> list[dict]:
    """The block report with each list item split cut to fit a post marked as feeding its list's tip in the
    campaign when that tip, as a person edited it, says the item (most of its words): user trial 8 reworded a list
    tip to carry one more item, and split again still named the item as cut."""
    by_id = {tip.id: tip for tip in tips}
    words_of: dict[str, frozenset[str]] = {}

    def said_by(tip) -> frozenset[str]:  # a tip's words, read once however many of its list's items are asked about
        if tip.id not in words_of:
            words_of[tip.id] = content_words(tip.text)
        return words_of[tip.id]

    out = []
    for entry in blocks:
        if not any(item["left_out"] == CUT and not item["tips"] for item in entry.get("items", ())):
            out.append(entry)
            continue
        own = [by_id[tip_id] for tip_id in entry["tips"] if tip_id in by_id]
        items = []
        for item in entry["items"]:
            wanted = content_words(item["text"])
            saying = [tip.id for tip in own if _says(said_by(tip), wanted)]
            cut = item["left_out"] == CUT and not item["tips"]
            items.append(dict(item, tips=saying[:1], left_out=None) if cut and saying else item)
        out.append(dict(entry, items=items))
    return out


def _says(said: frozenset[str], wanted: frozenset[str]) -> bool:
    """Whether a tip's content words (`said`) hold most of an item's (`wanted`)."""
    return bool(wanted) and len(wanted & said) >= SAID * len(wanted)


def _campaign_ids(blocks: list[dict], fresh, merged) -> list[dict]:
    """The block report with each fresh tip's id replaced by the id it has in the campaign (a kept tip keeps its
    reviewed id), so a reviewer finds it in posts/<slug>.yaml."""
    by_digest = {tip.source.get("digest"): tip.id for tip in merged if tip.source.get("digest")}
    rename = {tip.id: by_digest.get(tip.source.get("digest"), tip.id) for tip in fresh}

    def renamed(ids):
        return [rename.get(tip_id, tip_id) for tip_id in ids]

    out = []
    for entry in blocks:
        entry = dict(entry, tips=renamed(entry["tips"]))
        if "items" in entry:
            entry["items"] = [dict(item, tips=renamed(item["tips"])) for item in entry["items"]]
        out.append(entry)
    return out


def blocks_file(root: Path, slug: str) -> Path:
    return Path(root) / ".juno" / "split" / f"{slug}.json"


def write_blocks(root: Path, slug: str, campaign: Campaign, blocks: list[dict]) -> Path:
    """.juno/split/<slug>.json: the article's blocks and what became of each, for the studio (same as split --json)."""
    path = blocks_file(root, slug)
    data = {"article": {"title": campaign.title, "source": campaign.source, "slug": slug},
            "blocks": blocks}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    shown = display_path(path, root)
    check_target(path, shown)
    if not path.exists() or read_input(path, shown, error=OutputError) != text.encode("utf-8"):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text, shown=shown)
    return path


def post_fits(schedule, *, url: str | None, slug: str, state_dir: Path | None = None, hashtags=None):
    """fits(text, sensitive): whether the posted text (with footer, link and hashtags) fits every
    configured account, each by its own network's rule (before there is a schedule, the first network's).
    `hashtags`: the campaign's own, in place of the schedule's (None: the schedule's)."""
    checks = []
    for account in accounts_of(schedule):
        def compose(text: str, sensitive: bool, network=account.network) -> str:
            return compose_for(schedule, text=text, url=url, campaign=slug, sensitive=sensitive, network=network,
                               hashtags=hashtags)

        checks.append(networks.get(account.network).fitter(compose, state_dir))
    return lambda text, sensitive: all(fits(text, sensitive) for fits in checks)


def alt_texts(campaign: Campaign, schedule, root: Path) -> dict[str, str]:
    """Each tip's alt text as queue will store it for the project's first network: the card's own words (kicker
    included) and that network's account (each network's post names its own)."""
    if schedule is None:  # no account yet, so no handle and no brand to speak of
        return {tip.id: tip.alt_text or card_alt_text(tip.headline, None) for tip in campaign.tips}
    brand = load_brand(root, schedule.card_handle)
    signed = networks.signature(schedule, schedule.account.network)
    return {tip.id: campaign_alt_text(brand, campaign, tip, signed) for tip in campaign.tips}


def report(result: SplitResult, root: Path | str) -> dict:
    """What `split --json` prints."""
    campaign, schedule = result.campaign, result.schedule
    alt = alt_texts(campaign, schedule, Path(root))
    return {
        "article": {"title": campaign.title, "url": campaign.url, "source": campaign.source, "slug": campaign.slug,
                    "campaign": display_path(campaign.path, Path(root))},
        "tips": [{
            "id": tip.id,
            "headline": tip.headline,
            "text": tip.text,
            "alt_text": alt[tip.id],
            "section": tip.section,
            "weighted_length": compose_tip(schedule, campaign, tip).weighted_length,
            "review": list(tip.review),
            "review_words": {flag: list(found) for flag, found in tip.review_words.items()},
            "review_why": tip.flag_reasons(),
            "notes": list(tip.notes),
            "ready": tip.ready,
            "source": dict(tip.source),
            "status": tip.status,
        } for tip in campaign.tips],
        "blocks": list(result.blocks),
        "blocks_file": display_path(result.blocks_path, Path(root)) if result.blocks_path else None,
    }


def _crisis_lines(left: list[dict], schedule) -> list[str]:
    """The article's crisis-line paragraphs split left out, named with why (a user trial thought the text lost)."""
    crisis = [entry for entry in left if CRISIS_LINE in (entry["left_out"] or "")]
    if not crisis:
        return []
    footer = schedule.crisis_footer if schedule is not None else None
    carried = (f"every post flagged sensitive ends with the crisis footer instead (“{footer}”, crisis_footer in "
               "posts/schedule.yaml)" if footer else
               "no post carries one: set crisis_footer in posts/schedule.yaml and posts flagged sensitive end with it")
    said = ", ".join(f"{entry['locator']} (“{_opening(entry['text'])}”)" for entry in crisis[:CRISIS_LINES_SHOWN])
    if len(crisis) > CRISIS_LINES_SHOWN:  # one line a person reads: a 6 MB article repeating it gave 200 KB here
        said += f" and {len(crisis) - CRISIS_LINES_SHOWN} more (the blocks file names each)"
    return [f"left out by design: the crisis-line {'paragraph' if len(crisis) == 1 else 'paragraphs'} {said}; {carried}"]


ITEMS_SHOWN = 3  # the left-out list items split's summary names; the rest are counted


def left_out_items(blocks) -> list[dict]:
    """The list items left out of lists that gave other tips: a block that gave no tip is counted as a block, but
    an item left out among its siblings' tips is in no count (a user trial: advice missing, and nothing said)."""
    return [item for block in blocks if block["tips"] for item in block.get("items", ()) if not item["tips"]]


def _item_lines(items: list[dict], source: str) -> list[str]:
    if not items:
        return []
    lines = [f"  {item['locator']} “{_opening(item['text'])}”: {item['left_out']}" for item in items[:ITEMS_SHOWN]]
    if len(items) > ITEMS_SHOWN:
        lines.append(f"  and {len(items) - ITEMS_SHOWN} more (the blocks file names each)")
    return lines + [f"  to make a tip of one anyway: juno-scheduler split posts/{source} --take {items[0]['locator']}"]


def unsaid_passages(blocks) -> list[dict]:
    """The blocks and list items that gave tips and left a sensitive sentence out all the same (scheduler.tips.unsaid)."""
    passages = [entry for entry in blocks if entry["tips"] and entry["left_out"]]
    return passages + [item for block in blocks for item in block.get("items", ()) if item["tips"] and item["left_out"]]


def crisis_advice_passages(blocks) -> list[dict]:
    """The crisis-line paragraphs that gave no tip though they give advice beyond the number (tips.unsaid)."""
    return [entry for entry in blocks if not entry["tips"] and (entry["left_out"] or "").startswith(CRISIS_ADVICE)]


def _unsaid_lines(blocks) -> list[str]:
    """Never too many to name each: a sentence of suicide or self-harm that no tip carries is not counted away. Those
    only the topic reader flags come after, under a heading of their own: its guess is not the lexicon's word. First
    the crisis-line paragraphs whose advice is in no tip: as loud as a sensitive sentence left out (user trial 4)."""
    passages = unsaid_passages(blocks)
    guessed = [entry for entry in passages if entry["left_out"].startswith(READER_ONLY)]
    sure = [entry for entry in passages if entry not in guessed]
    lines = []
    advice = crisis_advice_passages(blocks)
    if advice:
        lines.append(f"{counted(len(advice), 'crisis-line paragraph')} also {'gives' if len(advice) == 1 else 'give'} "
                     "advice to the reader that no tip carries (the crisis footer gives the number only): read "
                     f"{'it' if len(advice) == 1 else 'each'} and take it as a tip:")
        lines += [f"  {entry['locator']}: {entry['left_out'].removeprefix(CRISIS_ADVICE + ': ')}" for entry in advice]
    if sure:
        lines += [f"{counted(len(sure), 'passage')} that gave tips left a sensitive sentence out of them:"]
        lines += [f"  {entry['locator']}: {entry['left_out']}" for entry in sure]
    if guessed:
        lines.append(f"{counted(len(guessed), 'passage')} that gave tips left out a sentence only the topic reader "
                     "takes as perhaps sensitive (a guess from its words, not the lexicon's: read each):")
        lines += [f"  {entry['locator']}: {entry['left_out'].removeprefix(READER_ONLY + ': ')}" for entry in guessed]
    return lines


CRISIS_LINES_SHOWN = 3  # the crisis-line paragraphs split's summary names; the rest are counted


ALL_FLAGGED_SHOWN = 12  # split's summary names every flagged tip up to this many; beyond, the first five


def summary(result: SplitResult, root: Path | str) -> str:
    campaign = result.campaign
    shown = display_path(campaign.path, Path(root))
    older = [tip for tip in campaign.tips if tip.id not in result.new and tip.id not in result.stale]
    by_hand = sum(1 for tip in older if not tip.source)  # counted apart, so the parts add up to the whole
    counts = (f"{counted(len(campaign.tips), 'tip')} ({len(result.new)} new, {len(older) - by_hand} kept, "
              f"{len(result.stale)} stale" + (f", {by_hand} by hand" if by_hand else "") + ")")
    # a flag a person acknowledged is not news; the tips a person reads alone (they speak of suicide, wanting to die
    # or self-harm, or sit under such a heading), then those flagged by their own words, so that none of them is
    # left under "and N more" behind the tips a sensitive heading flagged
    flagged = sorted((tip for tip in campaign.tips if tip.awaiting_person),
                     key=lambda tip: (read_alone(tip) is None, tip.flagged_by_heading_alone))
    lines = [f"{shown}: {counts}{'' if result.written else '; unchanged'}"]
    if flagged:
        shown_flagged = flagged if len(flagged) <= ALL_FLAGGED_SHOWN else flagged[:5]
        lines.append(f"{len(flagged)} flagged for review:")
        lines += [f"  {tip.id}: {flags_said(tip, tip.unacknowledged)}" for tip in shown_flagged]
        if len(flagged) > len(shown_flagged):  # not JSON: a manager reads approve's list or the studio's
            lines.append(f"  and {len(flagged) - len(shown_flagged)} more: `juno-scheduler approve {campaign.slug}` "
                         "lists every tip a flag holds with why (and approves the drafts no flag holds), and so does "
                         "`juno-scheduler studio`")
        if any(read_alone(tip) is None for tip in flagged):  # never offered for a tip that speaks of suicide
            lines.append(f"a flag that is wrong: delete it from the tip's review: list in {shown} (split again keeps it "
                         "deleted); `juno-scheduler approve TIP --ack FLAG` keeps it (sensitive: with the crisis footer)")
    left = [entry for entry in result.blocks if not entry["tips"]]
    items = left_out_items(result.blocks)
    if (left or items) and result.blocks_path is not None:
        said = [f"{len(left)} of {len(result.blocks)} blocks gave no tip"] if left else []
        lists = "its list" if len(items) == 1 else "their lists"
        said += [f"{counted(len(items), 'list item')} gave no tip though {lists} gave others"] if items else []
        lines.append(f"{', and '.join(said)}; what became of each block: "
                     f"{display_path(result.blocks_path, Path(root))} (or split --json)")
        lines += _item_lines(items, campaign.source)
        lines += _crisis_lines(left, result.schedule)
    lines += _unsaid_lines(result.blocks)
    if not campaign.url:
        lines.append(f"the article gives no address: set article.url in {shown} so posts can link to it")
    if result.schedule is None:
        copy = bundled_hint(SCHEDULE_FILE, Path(root))
        lines.append("no posts/schedule.yaml: lengths count the tip text alone, without link or hashtags"
                     + (f"; to post, start from the bundled one and set your handle in it: {copy}" if copy else ""))
    elif campaign.hashtags is None and result.schedule.hashtags:  # said once, not found later on every post
        lines.append(f"every post carries the practice's hashtags {' '.join(result.schedule.hashtags)} "
                     f"(posts/schedule.yaml); give this campaign its own with hashtags: in {shown} or in the studio")
    if any(tip.status == TipStatus.DRAFT for tip in campaign.tips):
        lines.append(f"next: review {shown}, then `juno-scheduler approve {campaign.slug}` (or status: approved on each "
                     "tip to post), `juno-scheduler cards` and `juno-scheduler queue`")
    else:  # split again on an article whose tips a person has all reviewed: nothing waits for review
        lines.append(f"next: no draft waits for review in {shown}; `juno-scheduler cards` then `juno-scheduler queue` "
                     "take the approved tips")
    return "\n".join(lines)
