"""The command line: parse, call one library function, print, return an exit code.

Errors become messages here and only here: an expected error (JunoError) prints one line,
`error: ...`, and exits with its code; a bug prints a traceback only with --debug.
Exit codes: 0 done or nothing to do, 1 an error, 2 bad usage or configuration, 3 some posts failed.

A command imports what only it needs (the terminal tables, the studio, the demo, the Project itself) when
it runs: every run starts here, and run-due from cron must stay light (scheduler.runner.cron).
"""

from __future__ import annotations

import argparse
import errno as errnos
import io
import json
import logging
import os
import re
import sys
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

# Below the Project, the CLI takes only what parsing and the cron fast path need before the Project (and its
# settings) loads: the networks' names (--network), the heartbeat, quick_run_due and nothing_due (run-due with
# nothing due), and the run report (an empty run-due --json). docs/layers.md; pyproject.toml's front-door
# contract lists them.
from scheduler.errors import JunoError, Shown, UsageError, did_you_mean, unexpected
from scheduler.heartbeat import beat
from scheduler.runner.cron import nothing_due, quick_run_due
from scheduler.version import __version__

if TYPE_CHECKING:
    from scheduler.project import Project

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_FAILED_POSTS = 0, 1, 2, 3


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _no_such_date(given: str) -> str | None:
    """The message for a time written right whose date does not exist ("2026-02-30T08:00"); None otherwise."""
    found = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", given.strip())
    if not found:
        return None
    year, month, day = map(int, found.groups())
    day_one = found.group(0).rstrip("T ")
    if not 1 <= month <= 12:
        return f"--now: {day_one} is not a date: a year has 12 months"
    days = ((date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - date(year, month, 1)).days
    if not 1 <= day <= days:
        return f"--now: {day_one} is not a date: {_MONTHS[month - 1]} has {days} days in {year}"
    return None


class Context:
    """What every command gets: the project (the library's front door), the clock and output options."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.root = Path(getattr(args, "root", None) or ".").resolve()
        self.json = bool(getattr(args, "json", False))
        self.debug = bool(getattr(args, "debug", False))

    @cached_property
    def project(self) -> Project:
        """Opened on first use: run-due's cron fast path never needs it."""
        # lazy: the cron fast path never loads the Project
        from scheduler.project import open_project

        return open_project(self.root)

    @property
    def simulated(self) -> bool:
        """The command acts at a time given with --now, not the clock's (a rehearsal)."""
        return bool(getattr(self.args, "now", None))

    def now(self) -> datetime:
        """--now if given (a naive time is the practice's local time), else the machine's clock."""
        given = getattr(self.args, "now", None)
        if not given:
            return datetime.now(UTC)
        try:
            parsed = datetime.fromisoformat(given)
        except ValueError:
            raise UsageError(_no_such_date(given) or f"--now: {given!r} is not an ISO 8601 time; write e.g. "
                             "2026-12-01T09:00 or 2026-12-01T14:00+00:00") from None
        if not 2000 <= parsed.year <= 2200:
            raise UsageError(f"--now: {given!r}: give a time from the year 2000 to 2200")
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.project.settings.schedule.zone)
        return parsed.astimezone(UTC)

    def emit(self, data, text: str | None = None) -> None:
        """Print the result: JSON with --json, else the text (nothing when there is nothing to say)."""
        if self.json:
            print(json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2, default=str))  # \u escapes: JSON's
        elif text:
            print(text)


    def unreadable(self, rows, *, failing: bool, outcome: str | None = None) -> None:
        """Each campaign file that does not read, once, on one line (file:line:col, what is wrong, what to do),
        on stderr: an `error:` when the command exits 2 for it, else a `warning:` (the others were read); `outcome`:
        what the command did with its tips, when it says more than that they are left out."""
        for row in rows:
            print(f"{'error' if failing else 'warning'}: {row.line(outcome) if outcome else row.line()}", file=sys.stderr)


# --- commands ---------------------------------------------------------------------------------
# Each handler: parse nothing more, call one method of the Project, print, return the exit code.

def cmd_split(ctx: Context) -> int:
    report = ctx.project.split(ctx.args.article, take=ctx.args.take or ())
    data = report.as_dict()
    data.pop("summary")
    ctx.emit(data, None if getattr(ctx.args, "quiet", False) else report.summary)  # -q: only errors
    return EXIT_OK


def cmd_approve(ctx: Context) -> int:
    results = ctx.project.approve(ctx.args.names, [f for a in ctx.args.ack for f in a.split(",") if f], now=ctx.now(),
                                  ready_only=ctx.args.ready)
    lines = [line for r in results for line in r.lines()]
    if any(r.approved or r.acknowledged for r in results):  # the studio queues at once; here a person may approve several first
        lines.append("next: `juno-scheduler queue` gives the approved tips their slots (run-due posts only queued ones)")
    if getattr(ctx.args, "quiet", False):  # -q: only what needs a person (a tip too long for a network)
        lines = [line for line in lines if line.startswith("warning: ")]
    ctx.emit({"campaigns": [r.as_dict() for r in results]}, "\n".join(lines))
    errors = [line for r in results for line in r.errors()]
    for line in errors:
        print(line, file=sys.stderr)
    ctx.unreadable(ctx.project.unreadable_campaigns(), failing=False)
    return EXIT_ERROR if errors else EXIT_OK


def cmd_cards(ctx: Context) -> int:
    quiet = bool(getattr(ctx.args, "quiet", False))
    show_progress = sys.stderr.isatty() and not ctx.json and not quiet
    report = ctx.project.draw_cards(ctx.args.campaigns, ctx.args.size, progress=show_progress,
                                    sheet=ctx.args.sheet)
    data = report.as_dict()
    if data["sheet"] is None:
        data.pop("sheet")
    for key in ("unreadable", "refused", "notes"):
        if not data[key]:
            data.pop(key)
    ctx.unreadable(report.unreadable, failing=True)
    for row in report.refused:
        print(f"error: {row.error}", file=sys.stderr)
    if not report.cards and not report.refused:
        ctx.emit(data, "no cards drawn: no campaign reads (see above)" if report.unreadable else
                 "no campaigns in posts/; run `juno-scheduler split ARTICLE` first")
        return EXIT_USAGE if report.unreadable else EXIT_OK
    ctx.emit(data, None if quiet else "\n".join(report.lines()))  # -q: only errors, each on stderr above
    return EXIT_USAGE if report.unreadable or report.refused else EXIT_OK


def cmd_queue(ctx: Context) -> int:
    report = ctx.project.queue(ctx.now(), ctx.args.campaigns)
    if ctx.json:
        ctx.emit(report.as_dict())
    else:
        # lazy: rich only for tables a person reads
        from scheduler.terminal import show_queue

        show_queue(report.as_dict(), quiet=bool(getattr(ctx.args, "quiet", False)))
    ctx.unreadable(report.unreadable, failing=True, outcome=report.left_out())
    return EXIT_USAGE if report.unreadable else EXIT_OK


def cmd_plan(ctx: Context) -> int:
    planned, campaigns = ctx.project.plan_titled(ctx.now(), ctx.args.days)
    rows = [row.as_dict() for row in planned]
    unreadable = ctx.project.unreadable_campaigns()
    if ctx.json:
        ctx.emit({"posts": rows, **({"unreadable": [u.as_dict() for u in unreadable]} if unreadable else {})})
    else:
        # lazy: rich only for tables a person reads
        from scheduler.terminal import show_plan

        show_plan(rows, ctx.args.days, campaigns, full=bool(getattr(ctx.args, "verbose", 0)))
    ctx.unreadable(unreadable, failing=False)
    return EXIT_OK


def cmd_preview(ctx: Context) -> int:
    report = ctx.project.preview(ctx.now(), ctx.args.out, ctx.args.days)
    ctx.emit(report.as_dict(), report.said(ctx.args.days))
    ctx.unreadable(report.unreadable, failing=False)
    return EXIT_OK


def cmd_run_due(ctx: Context) -> int:
    now = ctx.now()
    if not ctx.args.dry_run and nothing_due(ctx.root, now):  # the cron case: say nothing, load nothing more
        beat(ctx.root, "run-due", now, simulated=ctx.simulated)  # the studio shows that posting really runs
        if ctx.json:  # (the Project is not even opened: runner/cron.py)
            # lazy: only an empty run-due --json needs it
            from scheduler.runner.report import RunReport

            ctx.emit(RunReport().as_dict())
        return EXIT_OK
    report = ctx.project.run_due(now, dry_run=ctx.args.dry_run, simulated=ctx.simulated)
    quiet = bool(getattr(ctx.args, "quiet", False))
    unread = report.unreadable_lines()  # on stderr, as every command names a campaign file that does not read
    lines = [line for line in report.lines(quiet=quiet) if line not in unread]
    ctx.emit(report.as_dict(), "\n".join(lines))
    if unread and not ctx.json:
        print("\n".join(unread), file=sys.stderr)
    if quiet and not ctx.json:  # the full lines say it on stdout; cron's -q mails this one (exit stays 0: nothing failed)
        for line in report.for_a_person():
            print(f"warning: {line}", file=sys.stderr)
    return report.exit_code


def cmd_daemon(ctx: Context) -> int:
    return ctx.project.daemon(ctx.now() if ctx.args.now else None, quiet=bool(getattr(ctx.args, "quiet", False)))


def cmd_status(ctx: Context) -> int:
    if ctx.json:
        report = ctx.project.status(ctx.now())
        unreadable = ctx.project.unreadable_campaigns()
        ctx.emit({**report.as_dict(), **({"unreadable": [u.as_dict() for u in unreadable]} if unreadable else {})})
    else:
        said = ctx.project.status_as_said(ctx.now())  # an outbox post as the studio says it
        unreadable = ctx.project.unreadable_campaigns()
        # lazy: rich only for tables a person reads
        from scheduler.terminal import show_status

        show_status(*said)
    ctx.unreadable(unreadable, failing=False)
    return EXIT_OK


def cmd_collect(ctx: Context) -> int:
    report = ctx.project.collect(ctx.now())
    ctx.emit(report.as_dict(), "\n".join(report.lines()))
    return report.exit_code


def cmd_stats(ctx: Context) -> int:
    report = ctx.project.stats()
    ctx.emit(report.as_dict(), "\n".join(report.detail if ctx.args.posts else report.summary))
    return EXIT_OK


def cmd_history(ctx: Context) -> int:
    history = ctx.project.history(ctx.args.limit)
    if ctx.json:
        ctx.emit({"posts": [row.as_dict() for row in history]})
    else:
        # lazy: rich only for tables a person reads
        from scheduler.results import seen_status
        from scheduler.terminal import show_history

        now = ctx.now()  # a post only written to the outbox reads as the studio says it: simulated, not posted
        show_history([{**row.as_dict(), "status": seen_status(row, now)} for row in history])
    return EXIT_OK


def cmd_retry(ctx: Context) -> int:
    change = ctx.project.retry(ctx.args.id, ctx.now())
    when = datetime.fromisoformat(change.at) if change.at else None
    ctx.emit(change.as_dict(), "\n".join(f"{p.id} is queued again; it goes out at the first run from "
                                         f"{when:%a %Y-%m-%d %H:%M}" if when else f"{p.id} is queued again"
                                         for p in change.posts))
    return EXIT_OK


def cmd_skip(ctx: Context) -> int:
    change = ctx.project.skip(ctx.args.id, ctx.now())
    ctx.emit(change.as_dict(), "\n".join(f"{p.id} is skipped; it will not be posted" for p in change.posts))
    return EXIT_OK


def cmd_archive(ctx: Context) -> int:
    if ctx.args.restore:
        result = ctx.project.unarchive(ctx.args.campaign, ctx.now())
    else:
        result = ctx.project.archive(ctx.args.campaign, ctx.now())
    ctx.emit(result.as_dict(), "\n".join(result.lines()))
    return EXIT_OK


def cmd_unpublish(ctx: Context) -> int:
    rows = ctx.project.unpublish(ctx.args.id, ctx.now())
    lines = [f"{r.id}: deleted from {r.network}" + (" (it was already gone)" if r.already_gone else "")
             if r.deleted else f"{r.id}: not deleted from {r.network}: {r.error}" for r in rows]
    ctx.emit({"posts": [r.as_dict() for r in rows]}, "\n".join(lines))
    return EXIT_OK if all(r.deleted for r in rows) else EXIT_ERROR


def cmd_pause(ctx: Context) -> int:
    accounts = ctx.project.pause(ctx.now(), ctx.args.network)
    resume = "juno-scheduler resume" + (f" {ctx.args.network}" if ctx.args.network else "")
    ctx.emit({**accounts[0].as_dict(), "accounts": [a.as_dict() for a in accounts]},
             "\n".join(f"{a.shown} is paused: nothing is posted until `{resume}`" for a in accounts))
    return EXIT_OK


def cmd_resume(ctx: Context) -> int:
    accounts = ctx.project.resume(ctx.now(), ctx.args.network)
    ctx.emit({**accounts[0].as_dict(), "accounts": [a.as_dict() for a in accounts]},
             "\n".join(f"{a.shown} is posting again; slots missed meanwhile move to the next free ones"
                       for a in accounts))
    return EXIT_OK


def cmd_rename_handle(ctx: Context) -> int:
    network = ctx.args.network
    if not ctx.args.yes:
        plan = ctx.project.rename_handle(network, ctx.now(), apply=False)
        if not sys.stdin.isatty():
            raise UsageError(f"rename-handle {network}: {plan.lines()[0]}; nothing was moved: add --yes to move them")
        answer = input(f"{plan.lines()[0]}. Move them? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing was moved")
            return EXIT_OK
    result = ctx.project.rename_handle(network, ctx.now())
    ctx.emit(result.as_dict(), "\n".join(result.lines()))
    return EXIT_OK


def cmd_check(ctx: Context) -> int:
    report = ctx.project.check(ctx.args.network, now=ctx.now())
    ctx.emit(report.as_dict(), "\n".join(report.lines()))
    return report.exit_code


def cmd_studio(ctx: Context) -> int:
    # lazy: the web stack (starlette, uvicorn, Jinja) for this command only
    from scheduler.studio import serve

    clock = None
    if getattr(ctx.args, "now", None):
        fixed = ctx.now()
        clock = lambda: fixed
    return serve(ctx.root, ctx.args.port, open_browser=not ctx.args.no_open, clock=clock)


def cmd_demo(ctx: Context) -> int:
    # lazy: the demo loads every stage, for this command only
    from scheduler.demo import run_demo

    report = run_demo(ctx.root, scratch=ctx.args.scratch, days=ctx.args.days, echo=None if ctx.json else print)
    ctx.emit(report)
    return EXIT_OK


# --- parsing ----------------------------------------------------------------------------------

def _count(largest: int):
    """An argparse type: a whole number from 1 to `largest` (a huge one overflowed the calendar)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not 1 <= value <= largest:
            raise argparse.ArgumentTypeError(f"{value} is not from 1 to {largest}")
        return value

    parse.__name__ = "number"
    return parse


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaint on one line (`error: ...`) like every other error, and the way to --help."""

    def error(self, message: str):
        joint = " " if message.endswith("?") else "; "  # "did you mean 'approve'? see ...", not "?; see"
        self.exit(EXIT_USAGE, f"error: {self.prog}: {message}{joint}see `{self.prog} --help`\n")

    def _check_value(self, action: argparse.Action, value) -> None:
        """A mistyped command (`aprove`) or choice says the one it was near, as a mistyped key or time zone does."""
        if action.choices is None or value in action.choices:
            return
        hint = did_you_mean(value, action.choices)
        if isinstance(action, argparse._SubParsersAction):
            raise argparse.ArgumentError(None, f"no command {value!r}{hint}")
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            raise argparse.ArgumentError(action, f"{exc.message}{hint}") from None


def build_parser() -> argparse.ArgumentParser:
    # lazy: the networks' registry (their rules and dataclasses) only once a command line is parsed, never on
    # the cron fast path (quick_run_due)
    from scheduler import networks

    common = _Parser(add_help=False)
    common.add_argument("--root", metavar="DIR", default=argparse.SUPPRESS,
                        help="the project folder (default: the current folder)")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks and debug logging")
    common.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help="say more")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="only errors")
    reporting = _Parser(add_help=False)
    reporting.add_argument("--json", action="store_true", help="print the result as JSON")
    timed = _Parser(add_help=False)
    timed.add_argument("--now", metavar="ISO", help="act as if it were this time (local time unless it has an offset)")

    parser = _Parser(
        prog="juno-scheduler",
        description="Turn articles into tips with quote cards and post them on a weekly timetable.",
    )
    parser.add_argument("--version", action="version", version=f"juno-scheduler {__version__}")
    parser.add_argument("--root", metavar="DIR", default=".", help="the project folder (default: .)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="say more (-vv for debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def add(name, handler, help_text, parents=()):
        cmd = sub.add_parser(name, help=help_text, description=help_text, parents=[common, *parents])
        cmd.set_defaults(handler=handler)
        return cmd

    p = add("split", cmd_split, "split an article into tips: writes or merges posts/<slug>.yaml", [reporting])
    p.add_argument("article", help="the article file (.txt, .md or .html)")
    p.add_argument("--take", action="append", metavar="LOCATOR",
                   help="also make a tip of a passage the rules left out (b12, or b12.3 for a list item; "
                        "split --json lists them); repeatable")

    p = add("approve", cmd_approve, "approve tips: a campaign's unflagged drafts, or tips by id", [reporting, timed])
    p.add_argument("names", nargs="+", metavar="NAME", help="a campaign slug, campaign/tip, or a tip id")
    p.add_argument("--ack", action="append", default=[], metavar="FLAG[,FLAG]",
                   help="acknowledge these review flags on the named tips (sensitive, privacy, stale; repeat: a sensitive or deleted tip may come round once more)")
    p.add_argument("--ready", action="store_true",
                   help="of each campaign named, approve only the drafts split marked ready: true")

    p = add("cards", cmd_cards, "render a quote card for every tip", [reporting])
    p.add_argument("campaigns", nargs="*", metavar="CAMPAIGN", help="campaign slugs or files (default: all)")
    p.add_argument("--size", choices=("x", "square", "portrait", "all"), default="x", help="card size (default: x)")
    p.add_argument("--sheet", metavar="FILE", help="also write a contact sheet of the cards to FILE (.png)")

    p = add("queue", cmd_queue, "give approved tips slots on the timetable", [reporting, timed])
    p.add_argument("campaigns", nargs="*", metavar="CAMPAIGN", help="campaign slugs or files (default: all)")

    p = add("plan", cmd_plan, "show what goes out when", [reporting, timed])
    p.add_argument("--days", type=_count(3660), default=28, help="how many days ahead (default: 28)")

    p = add("preview", cmd_preview, "write a self-contained review page", [reporting, timed])
    p.add_argument("--out", metavar="FILE.html", help="where (default: .juno/preview.html in the project folder)")
    p.add_argument("--days", type=_count(3660), default=35, help="how many days ahead (default: 35)")

    p = add("run-due", cmd_run_due, "post what is due, then exit (the cron entry point)", [reporting, timed])
    p.add_argument("--dry-run", action="store_true", help="say what would be posted; post nothing, change nothing")

    add("daemon", cmd_daemon, "run until stopped, waking when the next post is due", [timed])
    add("status", cmd_status, "the queue, the account and this month's spend", [reporting, timed])
    add("collect", cmd_collect, "read posted posts' counts at fixed ages (1h, 24h, 72h, 7d, 28d); never posts",
        [reporting, timed])
    p = add("stats", cmd_stats, "the best and worst posts and best times per network; --posts: each post's counts "
            "and score at each age", [reporting])
    p.add_argument("--posts", action="store_true", help="after the summary, each post's counts and score at each age")
    p = add("history", cmd_history, "what was posted, failed or skipped", [reporting])
    p.add_argument("--limit", type=_count(100_000), default=50, help="how many (default: 50)")
    p = add("retry", cmd_retry, "put a failed or dead post back in the queue", [reporting, timed])
    p.add_argument("id", help="the post id (see status)")
    p = add("skip", cmd_skip, "never post this one", [reporting, timed])
    p.add_argument("id", help="the post id (see status)")
    p = add("archive", cmd_archive, "put a campaign away in posts/archived/, withdrawing its posts still to go out",
            [reporting, timed])
    p.add_argument("campaign", metavar="CAMPAIGN", help="the campaign's slug (posts/<slug>.yaml)")
    p.add_argument("--restore", action="store_true", help="bring it back to posts/ and queue its approved tips again")
    p = add("unpublish", cmd_unpublish, "delete a published post from its network(s) and record it",
            [reporting, timed])
    p.add_argument("id", metavar="ID", help="a post id; a bare tip id means every network, ID@mastodon one")
    for name, handler, text in (("pause", cmd_pause, "stop posting until resume"),
                                ("resume", cmd_resume, "start posting again")):
        p = add(name, handler, text, [reporting, timed])  # when it stopped or resumed is recorded (status shows it)
        p.add_argument("network", nargs="?", choices=networks.keys(), help="only this network's account (default: all)")
    p = add("rename-handle", cmd_rename_handle, "after renaming an account: move its posts not yet out from the "
            "database's old handle to the one posts/schedule.yaml names now", [reporting, timed])
    p.add_argument("network", choices=networks.keys(), help="the network whose handle changed")
    p.add_argument("--yes", action="store_true", help="move them without asking")
    p = add("check", cmd_check, "check configuration, fonts, campaign files, credentials and the handle; posts nothing",
            [reporting, timed])
    p.add_argument("network", nargs="?", choices=networks.keys(), help="only this network's account (default: all)")

    p = add("studio", cmd_studio, "review, edit, approve and schedule in a browser (127.0.0.1 only)", [timed])
    p.add_argument("--port", type=int, default=8765, help="the port on 127.0.0.1 (default: 8765; 0 picks a free one)")
    p.add_argument("--no-open", action="store_true", help="print the one-time link but do not open a browser")

    p = add("demo", cmd_demo, "run the whole pipeline on the bundled article in a scratch folder", [reporting])
    p.add_argument("--scratch", metavar="DIR", default=".juno/demo", help="the scratch folder (default: .juno/demo)")
    p.add_argument("--days", type=_count(366), default=7, help="how many days the simulated clock walks (default: 7)")
    parser.set_defaults(commands=sub.choices)  # unknown flags are answered with the command's own help
    return parser


def configure_logging(verbose: int, quiet: bool, debug: bool) -> None:
    level = logging.DEBUG if (debug or verbose >= 2) else logging.INFO if verbose == 1 else \
        logging.ERROR if quiet else logging.WARNING
    # a log record is the log's business (-v, --debug: level and logger named); without them the few warnings
    # that reach a person read as the command's own lines do: `warning: …`, one line, never a log line
    asked = verbose >= 1 or debug
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if not asked:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(_OwnWords())
    if level > logging.DEBUG:  # a library's own log (urllib3's 'Retrying (…)' while a network is out) is for
        for handler in logging.getLogger().handlers:  # --debug: what matters reaches the user in our words
            handler.addFilter(_ours)
    for reader in _READER_LOGS:  # the HTML reader's libraries talk of their own internals ("discarding data:
        # None"): what matters reaches the user as our one `error:` line; --debug (or -vv) shows theirs too
        logging.getLogger(reader).setLevel(level if level <= logging.DEBUG else logging.CRITICAL)


class _OwnWords(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {' '.join(record.getMessage().split())}"


def _ours(record: logging.LogRecord) -> bool:
    return record.name == "scheduler" or record.name.startswith("scheduler.")


_READER_LOGS = ("trafilatura", "htmldate", "courlan", "justext", "readability", "lxml")


def _unknown_flags(args: argparse.Namespace, unknown: list[str]) -> str:
    # lazy: only for a mistake, so run-due's cron fast path never loads difflib (as yamlio.closest)
    import difflib

    command = f"juno-scheduler {args.command}"
    options = args.commands[args.command]._option_string_actions
    placed = [word.split("=", 1)[0] for word in unknown if word.split("=", 1)[0] in options]
    if placed:  # `juno-scheduler --json check`: a flag of the command, given before it (it has only its own there)
        return (f"{command}: {' '.join(placed)} belongs to the command: put it after `{args.command}` "
                f"(`{command} {placed[0]}`); see `{command} --help`")
    flags = {flag[2:]: flag for flag in options if flag.startswith("--")}
    near = next((flags[found[0]] for word in unknown if word.startswith("--") and (found := difflib.get_close_matches(
        word[2:].split("=", 1)[0], list(flags), n=1, cutoff=0.7))), None)
    return (f"{command}: unrecognized arguments: {' '.join(unknown)}" + (f"; did you mean {near}? " if near else "; ")
            + f"see `{command} --help`")


def main(argv: list[str] | None = None) -> int:
    quick = quick_run_due(sys.argv[1:] if argv is None else list(argv), os.environ)
    if quick is not None:  # cron's plain run-due with nothing due: answered before parsing (runner/cron.py)
        return quick
    _replace_what_cannot_be_written()
    # no control or bidi character from a file, a network's answer or a message reaches the terminal raw
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Shown(sys.stdout), Shown(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _replace_what_cannot_be_written() -> None:
    """On a terminal that is not UTF-8 (LC_ALL=C, PYTHONUTF8=0: ASCII), a character it cannot take is written as its
    escape (\\u2019), not a UnicodeEncodeError that loses the whole output (on-call report: `plan`, exit 1)."""
    for stream in (sys.stdout, sys.stderr):
        if not _utf8(stream) and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _utf8(stream) -> bool:
    return (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "") == "utf8"


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
    except SystemExit as exc:  # argparse already printed its usage line
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if unknown:  # `plan --dayz 3`: name the command, the nearest flag it has, and its own --help
        print(f"error: {_unknown_flags(args, unknown)}", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "quiet", False) and getattr(args, "verbose", 0):
        print("error: -q (only errors) and -v (say more) ask for opposite things; give one of them", file=sys.stderr)
        return EXIT_USAGE
    # -q: only errors; for queue, warnings too (a pin already past, README: "held, blocked, warnings")
    configure_logging(getattr(args, "verbose", 0) or 0, getattr(args, "quiet", False) and args.command != "queue",
                      getattr(args, "debug", False))
    if not getattr(args, "debug", False) and not _working_folder_exists() and not Path(getattr(args, "root", ".")).is_absolute():
        print(f"error: {FOLDER_GONE}", file=sys.stderr)
        return EXIT_USAGE
    ctx = Context(args)
    try:
        if args.command != "demo" and not ctx.root.is_dir():
            what = "a file, not a folder" if ctx.root.exists() else "no such folder"
            raise UsageError(f"--root {getattr(args, 'root', '.')}: {what}; give the project folder "
                             "(the one holding posts/)")
        return args.handler(ctx)
    except JunoError as exc:
        if ctx.debug:
            raise
        print("\n".join(f"error: {line}" for line in str(exc).splitlines()), file=sys.stderr)  # a line a problem
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the machine said no (permissions, a full disk, a path that is no folder)
        if ctx.debug:
            raise
        if isinstance(exc, FileNotFoundError) and exc.filename is None and not _working_folder_exists():
            print(f"error: {FOLDER_GONE}", file=sys.stderr)  # a relative path (an article, --scratch) met it
            return EXIT_USAGE
        message, code = os_problem(exc)
        print(f"error: {_redacted(message, ctx.root)}", file=sys.stderr)
        return code
    except Exception as exc:  # a bug: say so plainly, show the traceback only with --debug
        if ctx.debug:
            raise
        # lazy: the cron fast path never loads the Project
        from scheduler.project import database_failure

        project = ctx.__dict__.get("project")  # opened already, if a database was reached
        failure = database_failure(exc, project.database_url if project is not None else "")
        if failure is not None:
            print(f"error: {_redacted(failure, ctx.root)}", file=sys.stderr)
            return EXIT_ERROR
        if isinstance(exc, RuntimeError) and "symlink loop" in str(exc).lower():  # pathlib's resolve()
            print(f"error: {_redacted(str(exc), ctx.root)}: a symbolic link points round in a loop; fix or remove it",
                  file=sys.stderr)
            return EXIT_USAGE
        logger.debug("unexpected error", exc_info=True)
        print(f"error: {unexpected(exc, _redacted(str(exc), ctx.root))}", file=sys.stderr)
        return EXIT_ERROR


FOLDER_GONE = ("the current folder no longer exists (it was deleted or moved); cd into the project folder "
               "(the one holding posts/) or pass --root DIR")


def _working_folder_exists() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return False
    return True


_OS_REMEDIES = {
    "EACCES": "permission denied: let this user write there (or read it)",
    "EPERM": "not permitted: let this user write there (or read it)",
    "EROFS": "the file system is read-only: use a writable folder",
    "ENOSPC": "the disk is full: free some space and run the command again",
    "EDQUOT": "the disk quota is used up: free some space and run the command again",
    "EFBIG": "the file grew past the limit this process may write: raise the limit (ulimit -f) or free space",
    "ENOTDIR": "a part of the path is a file, not a folder: fix the path",
    "EISDIR": "that is a folder: name a file",
    "ELOOP": "a symbolic link points round in a loop: fix or remove the link",
    "ENAMETOOLONG": "the name is too long: use a shorter one",
}
_OS_AN_ERROR = {"ENOSPC", "EDQUOT", "EFBIG", "EIO"}  # exit 1: the machine failed; the rest is set-up, exit 2


def os_problem(exc: OSError) -> tuple[str, int]:
    """One line for an OSError at the edge: the file, what went wrong, what to do; and the exit code."""
    name = errnos.errorcode.get(exc.errno or 0, "")
    where = exc.filename if exc.filename is not None else ""
    remedy = _OS_REMEDIES.get(name, f"{exc.strerror or type(exc).__name__}; check the file and the disk")
    message = f"{where}: {remedy}" if where else remedy
    return message, (EXIT_ERROR if name in _OS_AN_ERROR or name not in _OS_REMEDIES else EXIT_USAGE)


def _redacted(text: str, root: Path) -> str:
    """The message without any configured secret, whether it came from the environment or .env."""
    # lazy: the cron fast path never loads the Project
    from scheduler.project import redact_secrets

    return redact_secrets(text, root, os.environ)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
