"""A person's review of a campaign: approve tips, acknowledging their flags, without editing YAML by hand.

`approve` takes campaign slugs (every draft tip no flag holds back), `campaign/tip` ids, or bare tip ids
that name one tip. A flagged tip is approved only when the person acknowledges each of its flags
(`--ack sensitive`); the acknowledgement is written beside the flag as `reviewed: [...]` and the flag
stays, so a sensitive tip keeps its crisis footer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import yaml

from scheduler import audit
from scheduler.campaigns.file import (
    REVIEW_FLAGS,
    Campaign,
    Tip,
    TipStatus,
    flags_said,
    not_marked_ready,
    read_campaigns,
    tip_place,
    with_tips,
    write_campaign,
)
from scheduler.errors import ContentError, UsageError, closest, did_you_mean
from scheduler.fileio import changing
from scheduler.results import Approved, Unreadable

REPEAT = "repeat"  # `--ack repeat`: a person's OK for one more time out of a sensitive tip (recycling)


def approve(root: Path, names: Sequence[str], ack: Sequence[str] = (), *, now: datetime,
            read_alone: Callable[[Tip], str | None], read_first: Callable[[Tip], str | None] = lambda tip: None,
            not_a_tip: Callable[[Tip], str | None] = lambda tip: None, by: str = "cli", ready_only: bool = False, batch: str | None = None) -> list[Approved]:
    """Approve what `names` name; every tip changed is a line in .juno/audit.jsonl (the studio's undo reads it),
    all with `batch` (audit.new_batch) when given: one undo then takes back the whole command.

    `read_alone`: why a held tip is read alone, never in one command with others (None: it is not); the splitting
    stage's policy (scheduler.tips.flags.read_alone), which this stage, below it, cannot import.
    `read_first`: why an approved tip's passage should be read before it goes out (None: no reason), said with the
    result; the splitting stage's note (scheduler.tips.unsaid.read_first).
    `not_a_tip`: why a draft is no tip (the page's date, the practice's call to action; None: it is one), which a
    campaign's sweep leaves in draft and names; the splitting stage's rule (scheduler.tips.taking.not_a_tip).
    `ready_only`: of a whole campaign, only the drafts split marked `ready: true` (the rest wait for a person)."""
    unknown = [flag for flag in ack if flag not in (*REVIEW_FLAGS, REPEAT)]
    if unknown:
        raise UsageError(f"--ack {','.join(unknown)}: not a review flag; use any of: {', '.join(REVIEW_FLAGS)} "
                         f"(or {REPEAT}: a sensitive or deleted tip may come round once more)")
    if not names:
        raise UsageError("name what to approve: a campaign (every unflagged draft tip), campaign/tip or a tip id")
    with changing(root, _shown(root, names)):  # read, decide and write as one step: another writer waits, then sees it
        files = read_campaigns(root)  # a broken file stops none of the others
        campaigns = {c.slug: c for c in files.read}
        chosen: dict[str, set[str] | None] = {}  # slug -> tip ids, or None for "every draft"
        for name in names:
            slug, tip_id = _resolve(campaigns, name, files.unreadable)
            if tip_id is None:
                if ack:
                    raise UsageError(f"--ack applies to tips you name one by one, not to the whole campaign {slug!r}")
                chosen[slug] = None
            elif chosen.get(slug, set()) is not None:
                chosen.setdefault(slug, set()).add(tip_id)  # type: ignore[union-attr]
        planned = [_approve_in(campaigns[slug], tip_ids, tuple(ack), read_alone, read_first, ready_only=ready_only,
                                root=root, now=now, not_a_tip=not_a_tip)
                   for slug, tip_ids in chosen.items()]
        if any(result.refused for result, _ in planned):  # all or nothing: a refused command writes no campaign
            return [result.withheld_all() for result, _ in planned]
        if any(updated != campaigns[result.campaign] for result, updated in planned):
            audit.check_writable(root)  # before any campaign changes: a change must not go unlogged
        for result, updated in planned:
            _write(root, campaigns[result.campaign], updated, result.approved, now, by, batch)
        return [result for result, _ in planned]


def _shown(root: Path, names: Sequence[str]) -> str:
    """The campaign file `names` change, as messages name it ("posts/": several, or a bare tip id's)."""
    slugs = {name.split("/", 1)[0] if "/" in name or (Path(root) / "posts" / f"{name}.yaml").is_file() else None
             for name in names}
    return f"posts/{slugs.pop()}.yaml" if len(slugs) == 1 and None not in slugs else "posts/"


def _resolve(campaigns: dict[str, Campaign], name: str, unreadable: Sequence[Unreadable] = ()) -> tuple[str, str | None]:
    """The campaign slug and tip id (None: the whole campaign) `name` means; a name that is not there is a
    UsageError with the closest one (did you mean), or what there is."""
    broken = {row.slug: row for row in unreadable}
    if name.split("/", 1)[0] in broken:
        raise ContentError(f"{broken[name.split('/', 1)[0]].error}; then approve again")
    if name in campaigns:
        return name, None
    unread = "".join(f" ({row.file} does not read: fix it if that is where it is)" for row in unreadable)
    if "/" in name:
        slug, tip_id = name.split("/", 1)
        if slug not in campaigns:
            hint = did_you_mean(slug, campaigns) or f"; campaigns: {_listed(campaigns)}{unread}"
            raise UsageError(f"no campaign {slug!r}{hint}")
        if campaigns[slug].tip(tip_id) is not None:
            return slug, tip_id
        hint = did_you_mean(tip_id, [tip.id for tip in campaigns[slug].tips]) or f"; see posts/{slug}.yaml for tip ids"
        raise UsageError(f"no tip {tip_id!r} in {slug}{hint}")
    owners = [slug for slug, c in campaigns.items() if c.tip(name) is not None]
    if len(owners) == 1:
        return owners[0], name
    if owners:
        raise UsageError(f"{name!r} is a tip of several campaigns ({', '.join(sorted(owners))}); "
                         f"write campaign/{name}")
    tips = {tip.id: slug for slug, c in campaigns.items() for tip in c.tips}
    match = closest(name, [*campaigns, *tips])
    if match is None:
        hint = f"; campaigns: {_listed(campaigns)}{unread}"
    else:
        hint = f"; did you mean {match!r}{'' if match in campaigns else f' (a tip of {tips[match]})'}?"
    raise UsageError(f"no campaign or tip {name!r}{hint}")


def _listed(campaigns) -> str:
    return ", ".join(sorted(campaigns)) or "none yet (run `juno-scheduler split ARTICLE`)"


def _approve_in(campaign: Campaign, tip_ids: set[str] | None, ack: tuple[str, ...],
                read_alone: Callable[[Tip], str | None], read_first: Callable[[Tip], str | None], *,
                ready_only: bool = False, root: Path | None = None, now: datetime | None = None,
                not_a_tip: Callable[[Tip], str | None] = lambda tip: None) -> tuple[Approved, Campaign]:
    """What approving would do to `campaign`, and the campaign as it would then be; nothing is written."""
    approved, already, held, why, alone, unflag = [], [], {}, {}, {}, {}
    not_ready, refused, unready, skipped = [], [], [], []
    to_read: dict[str, str] = {}
    no_tips: dict[str, str] = {}
    acknowledged: dict[str, list[str]] = {}
    tips: list[Tip] = []
    for tip in campaign.tips:
        named = tip_ids is not None and tip.id in tip_ids
        if not named and not (tip_ids is None and tip.status == TipStatus.DRAFT):
            tips.append(tip)
            continue
        if ready_only and not named and tip.ready is not True:
            not_ready.append(tip.id)
            tips.append(tip)
            continue
        if not named and (why_not := not_a_tip(tip)) is not None:  # a user trial: "Call us today …" went with the rest
            no_tips[tip.id] = why_not
            tips.append(tip)
            continue
        as_it_was = tip
        if named and tip.status == TipStatus.SKIP:  # approving a skipped tip by name takes it back: said, not silent
            skipped.append(tip.id)
        if named:
            newly = [f for f in REVIEW_FLAGS if f in ack and f in tip.review and f not in tip.reviewed]
            tip = replace(tip, reviewed=tuple(f for f in REVIEW_FLAGS if f in tip.reviewed or f in newly))
            if REPEAT in ack:  # (a tip neither sensitive nor deleted on a network comes round without it)
                # one OK, one repeat: recycling takes it only while it is newer than the tip's latest time out
                tip = replace(tip, repeat_ok=(now or datetime.now(UTC)).astimezone(UTC))
                newly = [*newly, REPEAT]
        if tip.unacknowledged:  # a refused command writes nothing: the command to type acknowledges every flag
            held[tip.id] = list(as_it_was.unacknowledged)
            why[tip.id] = flags_said(as_it_was, as_it_was.unacknowledged)
            if (said := read_alone(tip)) is not None:
                alone[tip.id] = said
            elif root is not None and any(flag != "stale" for flag in held[tip.id]):
                unflag[tip.id] = tip_place(campaign, root, tip.id, "review")
            if named:
                refused.append(tip.id)
        elif tip.status == TipStatus.APPROVED and newly:
            acknowledged[tip.id] = newly
        elif tip.status == TipStatus.APPROVED:
            already.append(tip.id)
        else:
            tip = replace(tip, status=TipStatus.APPROVED)
            approved.append(tip.id)
            if not named and not_marked_ready(tip):
                unready.append(tip.id)
            if (note := read_first(tip)) is not None:
                to_read[tip.id] = note
        tips.append(tip)
    result = Approved(campaign=campaign.slug, approved=approved, already=already, held=held, not_ready=not_ready,
                      refused=refused, why=why, unready=unready, acknowledged=acknowledged, alone=alone, unflag=unflag,
                      read_first=to_read, skipped=skipped, not_tips=no_tips)
    return result, with_tips(campaign, tips)


def _write(root: Path, campaign: Campaign, updated: Campaign, approved: list[str], now: datetime, by: str,
           batch: str | None) -> None:
    """`updated` in place of `campaign`, each tip changed a line in the audit log."""
    if updated != campaign:
        before = _tip_mappings(campaign.path)
        write_campaign(updated)
        after = _tip_mappings(campaign.path)
        for tip in updated.tips:
            if before.get(tip.id) != after.get(tip.id):
                audit.record(root, what="approve" if tip.id in approved else "acknowledge", campaign=campaign.slug,
                             tip=tip.id, before=before.get(tip.id), after=after.get(tip.id), now=now, by=by,
                             extra={"batch": batch} if batch else None)


def _tip_mappings(path: Path) -> dict[str, dict]:
    """Each tip of a campaign file as the audit log keeps it, with its position (the file was just validated)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    tips = data.get("tips") or []
    found = {}
    for position, item in enumerate(tips):
        plain = audit.snapshot(item)
        if plain is not None:
            found[str(item.get("id"))] = {**plain, "position": position}
    return found
