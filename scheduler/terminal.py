"""Terminal tables (rich) for queue, plan, status and history: what a person reads."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from scheduler.errors import shown as escaped
from scheduler.errors import unescaped
from scheduler.results import (
    SIMULATED,
    AccountStatus,
    StatusReport,
    counted,
    local_time,
    some_of,
    state_said,
    state_word,
)


def _console():
    """Rich draws its own styles, so it writes under the CLI's escaping stream; every cell is `_cell`."""
    return Console(file=unescaped(sys.stdout), highlight=False, soft_wrap=False)


def _cell(text: str) -> Text:
    """Words from a file or a network as a table shows them: control characters escaped, [brackets] as written
    (not rich markup)."""
    return Text(escaped(text))


def _table(title: str | None):
    """A table that keeps to the terminal's width: a header rule, no side borders (more room in 80 columns)."""
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)


def _when(iso: str | None) -> str:
    return local_time(iso) if iso else ""


def show_queue(report: dict, quiet: bool = False) -> None:
    """What queue did, a line each; `quiet` (-q): only what needs a person (blocked, held, warnings)."""
    lines = [f"queued {row['id']} for {_when(row['at'])}" for row in report["queued"]]
    lines += [f"updated {row['id']} ({', '.join(row['changed'])})" + (f", goes out {_when(row['at'])}" if row.get("at") else "")
              for row in report["updated"]]
    lines += [f"withdrew {row['id']} ({row.get('reason', 'no longer approved')})" for row in report["withdrawn"]]
    lines += [f"moved {row['id']} from {_when(row['from'])} to {_when(row['to'])}: {row['reason']}"
              for row in report.get("moved", [])]
    lines += [f"blocked {row['id']}: pinned for {_when(row['at'])}, {row['reason']}; change its at: or the timetable"
              for row in report.get("blocked", [])]
    lines += [f"recycled {row['id']} for {_when(row['at'])}{_recycled(row)}" for row in report["recycled"]]
    lines += [f"not recycled {row['tip']}: it is {row['reason']}, so it comes round again only after: "
              f"juno-scheduler approve {row['tip']} --ack repeat" for row in report.get("held_back", [])]
    lines += [f"not queued {row['id']}: already published as {row['as']} (the same article and words, under "
              "another campaign name); nothing to do" for row in report.get("already_published", [])]
    late = Counter(row["network"] for row in report.get("out_elsewhere", []))
    lines += [f"not queued on {network}: {counted(count, 'tip')} already out on the other networks "
              "(a network added later takes only the tips still to go out, none late)" for network, count in late.items()]
    flags = report.get("held_flags", {})
    lines += [f"held {key}: approved but flagged {', '.join(flags.get(key, ['stale']))} and not acknowledged; read it, "
              f"then: juno-scheduler approve {key} --ack {','.join(flags.get(key, ['stale']))}"
              for key in report.get("held", [])]
    if report["unchanged"]:
        already = report.get("unchanged_as") or {"queued": report["unchanged"]}
        lines.append(", ".join(f"{count} already {what}" for what, count in already.items()) + ", unchanged")
    lines += [f"warning: {row['message']}" for row in report.get("too_long", [])]
    lines += [f"warning: {notice}" for notice in report.get("notices", [])]
    unready = report.get("unready", [])
    if unready:  # a note, once: they were approved, perhaps on purpose (check names every one still approved)
        lines.append(f"note: {counted(len(unready), 'tip')} queued now {'was' if len(unready) == 1 else 'were'} not "
                     f"marked ready: {some_of(unready, '`--json` lists every one')}; read them and their notes in `juno-scheduler studio` "
                     "before they go out (approved on purpose: nothing to do)")
    if quiet:
        problems = [line for line in lines if line.startswith(("blocked ", "held ", "warning: "))]
        if problems:
            print("\n".join(problems))
        return
    if lines:
        print("\n".join(lines))
    elif not report.get("unreadable"):  # else its error says why: the tips of a file that did not read are unknown
        print("nothing to queue: no approved tips (set status: approved in posts/<slug>.yaml)")


def _recycled(row: dict) -> str:
    """After a recycled post's id and time: why it was chosen, and how it opens (its lead-in and first words)."""
    why = f": {row['why']}" if row.get("why") else ""
    words = " ".join(str(row.get("text") or "").split())
    shown = f"{words[:OPENING].rstrip()}…" if len(words) > OPENING else words
    return f"{why}; it reads \"{shown}\"" if words else why


OPENING = 60  # characters of a recycled post shown by queue and status


def show_plan(rows: list[dict], days: int, campaigns: list[str], *, full: bool = False) -> None:
    """The plan as a table, a post's opening words per row; `full` (plan -v): then each post whole, as it goes out
    (user trial 7: "If you grew up with a critica…" was all a manager could check of a tip in the plan).
    `campaigns`: those with posts queued, all named in the title (docs/queue.md), those beyond the days too."""
    if not rows:
        if campaigns:  # queued, but after these days: queue has been run, more days will show them
            print(f"nothing planned in the next {counted(days, 'day')}; {_named(campaigns)} "
                  f"{'has' if len(campaigns) == 1 else 'have'} posts queued after that: a longer `--days` shows them")
        else:
            print(f"nothing planned in the next {counted(days, 'day')}; run `juno-scheduler queue`")
        return
    # the network has a column of its own, so a tip's posts on several networks can be told apart however
    # narrow the terminal cuts the id (which then drops its @network suffix)
    console = _console()
    names, campaign = _short_names([row["id"] for row in rows])
    if campaign is None or any(other != campaign for other in campaigns):  # ids keep their campaign, as it is not one
        names = [row["id"] for row in rows]
    table = _table(_plan_title(days, sorted({*campaigns, *([campaign] if campaign else [])}), console.width))
    table.add_column("when", style="bold", no_wrap=True, min_width=15)
    on = _networks_room(rows)
    if on:
        table.add_column("on", no_wrap=True)
    # what run-due will do: "held: edited", not queued; a state in status's word ("retrying", not "failed")
    states = [row.get("held") or state_word(row["status"]) for row in rows]
    status = max(6, *(len(state) for state in states))
    table.add_column("post", overflow="ellipsis", no_wrap=True,  # one line each: id, then the words
                     max_width=max(20, console.width - 15 - on - status - 7 - 12))
    table.add_column("status", no_wrap=True, min_width=status)
    table.add_column("length", no_wrap=True, justify="right", min_width=7)
    for row, name, state in zip(rows, names, states):
        first_line = row["text"].splitlines()[0] if row["text"] else ""
        card = "" if row["card"] else " (no card)"
        table.add_row(_short_when(row["at"]), *([row["network"]] if on else []),
                      _cell(f"{name.removesuffix('@' + row['network'])}{card}\n{first_line}"), state,
                      f"{row['weighted_length']}/{row['limit']}")
    console.print(table)
    if full:
        for row in rows:
            print(f"\n{_short_when(row['at'])}  {row['id']}  ({row['weighted_length']}/{row['limit']} on {row['network']})")
            print("\n".join(f"  {line}" if line else "" for line in (row["text"] or "").splitlines()))
    elif any(_cut(row["text"], console.width - 15 - on - status - 7 - 12) for row in rows):
        print("(`juno-scheduler plan -v` shows each post whole)")
    notes: dict[str, list[str]] = {}  # what run-due would hold back, and why (the words shown are those it would send)
    for row in rows:
        if row.get("note"):
            notes.setdefault(row["note"], []).append(row["id"])
    for note, ids in notes.items():  # one line for the posts one reason holds (a campaign file that does not read)
        more = f" and {counted(len(ids) - 1, 'more post')}" if len(ids) > 1 else ""
        print(f"note: {ids[0]}{more}: {note}")


def _cut(text: str | None, width: int) -> bool:
    """The table shows less of the post than it says: more than its first line, or a first line wider than `width`."""
    lines = (text or "").splitlines()
    return len(lines) > 1 or (bool(lines) and len(lines[0]) > max(20, width))


def show_status(status: StatusReport, simulated: int = 0) -> None:
    """`status` for a person; `simulated`: posts recorded as posted but only into the outbox (results.seen_report
    took them out of the posted counts)."""
    lines = []
    report = status.as_dict()
    several = len(report.get("accounts") or ()) > 1
    accounts = report.get("accounts") or [{**report["account"], "publisher": report["publisher"]}]
    shown_as: list[AccountStatus] = list(status.accounts) or [status.account]
    for account, shown in zip(accounts, shown_as):
        lines.append(f"{shown.written} via {account['publisher']}: {shown.said}")
        if account["not_before"]:
            lines.append(f"  no post before {_when(account['not_before'])} (rate limit)")
        if several:
            counts = ", ".join(f"{n} {state_said(name)}" for name, n in account["counts"].items() if n)
            lines.append(f"  posts: {counts or 'none queued'}")
        if account.get("overdue"):
            when = ("once it is resumed" if shown.resume_with
                    else "at the next run" if account["state"] == "active" else "once what it lacks is set")
            lines.append(f"  {account['overdue']} past their slot by more than the catch-up window: {when} they move "
                         "to the next free slots (not posted late in a burst)")
    counts = ", ".join([f"{n} {state_word(name)}" for name, n in report["counts"].items() if n]
                       + ([f"{simulated} {state_said(SIMULATED)}"] if simulated else []))
    lines.append(f"posts{' on every network' if several else ''}: {counts or 'none queued'}")
    lines += [claimed.line() for claimed in status.claimed]
    if report["next"]:
        lines.append(f"next: {report['next']['id']} at {_when(report['next']['at'])}")
    lines += [f"recycled {row['id']} at {_when(row['at'])}{_recycled(row)}" for row in report.get("recycled") or ()]
    lines += [f"{row['id']}: {row['why']}" for row in report.get("moved") or ()]
    lines += [row["why"] for row in report.get("awaiting_queue") or ()]
    lines += [f"gone {row['id']}: {row['why']}" for row in report.get("gone") or ()]
    month = report["month"]
    budget = f" of ${month['budget_usd']:.2f}" if month["budget_usd"] is not None else ""
    lines.append(f"this month (since {month['start']}): {month['posts']} posted, ${month['spent_usd']:.2f}{budget} spent")
    if several:
        lines.append("  " + "; ".join(f"{network}: {row['posts']} posted, ${row['spent_usd']:.2f}"
                                      for network, row in (month.get("networks") or {}).items()))
    metrics = report.get("metrics") or {}
    if metrics.get("last_collected"):
        reading = metrics.get("reading") or {}
        read = sum(row["posts_read"] for row in reading.values())
        spent = sum(row["spent_usd"] for row in reading.values())
        lines.append(f"metrics last collected {_when(metrics['last_collected'])}; this month {counted(read, 'post')} read, "
                     f"${spent:.2f} (in the spend above)")
    elif metrics.get("none"):
        lines.append(f"metrics: none: {metrics['none']}")
    else:
        lines.append("metrics: never collected (`juno-scheduler collect`)")
    for row in metrics.get("failing") or ():
        lines.append(f"metrics: {row['network']} not read since {_when(row['since'])} (last tried "
                     f"{_when(row['last'])}): {row['error']}")
    for row in report["failing"]:
        if row["status"] == "failed":  # run-due deferred it: it goes out by itself at its next try
            lines.append(f"retrying {row['id']} at {_when(row['retry_at'])} after {counted(row['attempts'], 'attempt')}: "
                         f"{row['error']}")
        else:
            lines.append(f"failed for good {row['id']} after {counted(row['attempts'], 'attempt')}: {row['error']}; fix it, "
                         "then `juno-scheduler retry ID`")
    lines.append(f"database: {report['database']}")
    print("\n".join(lines))


def show_history(rows: list[dict]) -> None:
    """`history` for a person: each row's status as results.seen_status says it (the CLI gives it). Its time is when
    the outcome happened (posted, moved, skipped: history lists outcomes, design.md), not the slot, so the heading
    says "happened" (user trial 6 read "when" as the slot); a moved post's line below names both slots."""
    if not rows:
        print("nothing posted, failed or skipped yet")
        return
    names, campaign = _short_names([row["id"] for row in rows])
    table = _table(f"Posts of {campaign}" if campaign else None)
    table.add_column("happened", no_wrap=True, min_width=15)
    console = _console()
    status_width = max(6, *(len(state_said(row["status"])) for row in rows))
    room = max(20, console.width - 15 - 7 - max(10, status_width))
    # ids cut before their @network (user trial 8: a tip's three rows read the same at 80 columns): the network
    # gets a column of its own, as in plan; ids that fit are shown whole, as before
    on = _networks_room(rows) if max(len(name) for name in names) > room else 0
    if on:  # its name in full, and one more for the rule between the columns
        table.add_column("on", no_wrap=True, min_width=on - 2)
        room -= on + 1
    table.add_column("post / where or why", overflow="ellipsis", no_wrap=True, max_width=max(20, room))
    table.add_column("status", no_wrap=True, min_width=status_width)
    for row, name in zip(rows, names):
        post = name.removesuffix("@" + row["network"]) if on else name
        table.add_row(_short_when(row["at"]), *([row["network"]] if on else []),
                      _cell(f"{post}\n{row['url'] or row['error'] or ''}".rstrip()), state_said(row["status"]))
    console.print(table)
    for row, name in zip(rows, names):  # whole, below: what became of it and what to do, never cut to the column
        if row.get("why"):
            print(f"{name}: {row['why']}")



def _networks_room(rows: list[dict]) -> int:
    """The room a column naming each row's network takes (its widest name and the gap before it); 0 when every row
    is on one network, so there is nothing to tell apart."""
    if len({row["network"] for row in rows}) < 2:
        return 0
    return max(len(row["network"]) for row in rows) + 2


def _short_when(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%a %m-%d %H:%M") if iso else ""


def _plan_title(days: int, campaigns: list[str], width: int) -> str:
    """"The next 7 days of alpha", "… of alpha and beta", "… of alpha, beta and gamma"; "… of 5 campaigns" where the
    names would not fit on one line of the terminal."""
    title = f"The next {counted(days, 'day')}"
    if not campaigns:
        return title
    named = f"{title} of {_named(campaigns)}"
    return named if len(named) <= width else f"{title} of {counted(len(campaigns), 'campaign')}"


def _named(campaigns: list[str]) -> str:
    """"alpha", "alpha and beta", "alpha, beta and gamma"."""
    return " and ".join([", ".join(campaigns[:-1]), campaigns[-1]] if len(campaigns) > 1 else campaigns)


def _short_names(ids: list[str]) -> tuple[list[str], str | None]:
    """Post ids without their campaign when every row shares one (named once, in the title)."""
    campaigns = {post_id.split("/", 1)[0] for post_id in ids if "/" in post_id}
    if len(campaigns) == 1 and all("/" in post_id for post_id in ids):
        return [post_id.split("/", 1)[1] for post_id in ids], campaigns.pop()
    return ids, None
