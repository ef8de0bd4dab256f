"""What a run of `run-due` did (or, in a dry run, would do): typed rows, their JSON and their lines."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from scheduler import networks
from scheduler.results import Unreadable, keep_a_date, local_time, seen, state_said
from scheduler.runner.wanted import QUEUE, awaiting_line

RECOVERED = " (recovered: an earlier attempt had gone out; recorded at the time the network gives, not posted again)"


@dataclass(frozen=True)
class Posted:
    id: str
    remote_id: str | None
    url: str | None
    at: str               # local ISO time with its offset
    network: str = field(default_factory=networks.first)
    recovered: bool = False  # an earlier, uncertain attempt had gone out: found and recorded, not posted again


@dataclass(frozen=True)
class Deferred:
    id: str
    until: str
    reason: str
    network: str = field(default_factory=networks.first)


@dataclass(frozen=True)
class Failed:
    id: str
    error: str
    network: str = field(default_factory=networks.first)


@dataclass(frozen=True)
class Waiting:
    id: str
    reason: str           # why it cannot go out yet (its campaign file does not read); it keeps its slot
    network: str = field(default_factory=networks.first)


@dataclass(frozen=True)
class Missed:
    id: str
    moved_to: str | None  # None in a dry run that could not find a free slot
    network: str = field(default_factory=networks.first)
    reason: str = ""      # "blackout": moved off a blackout date; "timetable: …": its slot left the edited timetable;
                          # "": its slot was missed by more than catch_up


@dataclass(frozen=True)
class Withdrawn:
    id: str
    reason: str           # why its campaign no longer wants it as it was queued
    network: str = field(default_factory=networks.first)

    @property
    def waits_for_queue(self) -> bool:
        """Its tip is still approved (edited, say): it stays out until a person runs `queue`, so even -q says so."""
        return QUEUE in self.reason


@dataclass(frozen=True)
class InFlight:
    id: str               # a post another run holds (claimed, its lease not over): being sent, or about to be
    network: str = field(default_factory=networks.first)


@dataclass(frozen=True)
class Stopped:
    account: str
    reason: str | None
    network: str = field(default_factory=networks.first)
    since: str | None = None  # local ISO time: when posting stopped (None for an account lacking a setting)

    @property
    def short(self) -> str:
        """The reason without its remedy (what follows its first "; "): `status` and `check` give it whole."""
        return (self.reason or "stopped").split("; ", 1)[0]

    @property
    def shown(self) -> str:
        return networks.shown(self.network, self.account)

    @property
    def resume(self) -> str:
        return ("`juno-scheduler resume`" if self.network == networks.first()
                else f"`juno-scheduler resume {self.network}`")


@dataclass
class RunReport:
    posted: list[Posted] = field(default_factory=list)
    deferred: list[Deferred] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    missed: list[Missed] = field(default_factory=list)
    stopped: Stopped | None = None   # the first account stopped (as before several networks)
    stopped_accounts: list[Stopped] = field(default_factory=list)  # every stopped account
    withdrawn: list[Withdrawn] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)  # held by a campaign file that does not read: not failed
    dry_run: bool = False
    next_post_at: str | None = None  # told when nothing happened, so a dry run always says something
    paused_due: int = 0              # posts due while the account is paused (they wait for `resume`)
    unreadable: list[Unreadable] = field(default_factory=list)  # campaign files that do not read: their posts
                                                                # wait, the others' go out; each named once
    unconfigured: list[Stopped] = field(default_factory=list)  # accounts with no settings to post with (a secret
                                                               # not set): their posts wait, nothing stopped
    in_flight: list[InFlight] = field(default_factory=list)  # a dry run's: the posts other runs are sending now

    def stop(self, stopped: Stopped) -> None:
        if self.stopped is None:
            self.stopped = stopped
        self.stopped_accounts.append(stopped)

    @property
    def empty(self) -> bool:
        return not (self.posted or self.deferred or self.failed or self.missed or self.withdrawn or self.waiting
                    or self.stopped or self.unconfigured)

    @property
    def exit_code(self) -> int:
        """3 when some posts failed or the account is stopped (so cron mail reports them); else 2 when a campaign
        file does not read or an account has no settings to post with (its posts wait for a person to fix it; the
        others went out); else 0."""
        if self.stopped or self.failed:
            return 3
        return 2 if self.unreadable or self.unconfigured else 0

    def as_dict(self) -> dict:
        """The `run-due --json` shape: {"posted", "deferred", "failed", "missed"} and, when set, the rest."""
        data: dict = {"posted": [{k: v for k, v in asdict(row).items() if k != "recovered" or v} for row in self.posted],
                      "deferred": [asdict(row) for row in self.deferred],
                      "failed": [asdict(row) for row in self.failed],
                      "missed": [{k: v for k, v in asdict(row).items() if k != "reason" or v} for row in self.missed]}
        if self.withdrawn:
            data["withdrawn"] = [asdict(row) for row in self.withdrawn]
        if self.waiting:
            data["waiting"] = [asdict(row) for row in self.waiting]
        if self.unreadable:
            data["unreadable"] = [row.as_dict() for row in self.unreadable]
        if self.unconfigured:
            data["unconfigured"] = [asdict(row) for row in self.unconfigured]
        if self.stopped is not None:
            data["stopped"] = asdict(self.stopped)
            data["stopped_accounts"] = [asdict(row) for row in self.stopped_accounts]
        if self.dry_run:
            data["in_flight"] = [asdict(row) for row in self.in_flight]
            data["dry_run"] = True
            data["next_post_at"] = self.next_post_at
        return data

    def lines(self, quiet: bool = False) -> list[str]:
        """For people: one line per post; nothing when nothing happened (a dry run always says something).
        quiet (`-q`, cron's): only what went wrong (failed posts, stopped accounts) and each post moved off its slot."""
        if quiet:
            return [self._missed_line(row) for row in self.missed] + self._error_lines()
        lines = [f"{self._verb(row)} {row.id} at {local_time(row.at)}" + (RECOVERED if row.recovered else "")
                 + (f" {row.url}" if row.url else "") for row in self.posted]
        defer = "would defer" if self.dry_run else "deferred"
        lines += [f"{defer} {row.id} until {local_time(row.until)}: {row.reason}" for row in self.deferred]
        lines += [self._missed_line(row) for row in self.missed]
        withdraw = "would withdraw" if self.dry_run else "withdrawn"
        lines += [f"{withdraw} {row.id}: {row.reason}" for row in self.withdrawn]
        lines += self._error_lines()
        lines += [f"being sent by another run: {row.id} (a run now leaves it alone)" for row in self.in_flight]
        if self.paused_due:
            lines.append(f"{self.paused_due} due post(s) wait: posting is paused until `juno-scheduler resume`")
        if self.dry_run and self.empty and not self.paused_due:
            nothing = "nothing else is due" if self.in_flight else "nothing is due"
            lines.append(f"{nothing}; next post at {local_time(self.next_post_at)}" if self.next_post_at
                         else f"{nothing} and nothing else is queued" if self.in_flight
                         else "nothing is due and nothing is queued")
        return lines

    def for_a_person(self) -> list[str]:
        """What a person must do that the run cannot (cron's -q still says it, on stderr): each post withdrawn that
        stays out until `queue`. Not in a dry run (nothing was withdrawn)."""
        if self.dry_run:
            return []
        return [awaiting_line(row.id, row.reason) for row in self.withdrawn if row.waits_for_queue]

    def _error_lines(self) -> list[str]:
        stops = self.stopped_accounts or ([self.stopped] if self.stopped else [])
        told = {(stopped.network, stopped.reason) for stopped in stops}  # the stop's line says it, once
        lines = [f"failed {row.id}: {row.error}" for row in self.failed if (row.network, row.error) not in told]
        lines += [f"waits {row.id}: {row.reason}" for row in self.waiting]
        lines += self.unreadable_lines()
        lines += [f"error: cannot post to {row.shown}: {row.reason}; its posts wait, nothing was tried (the next run after "
                  "the fix posts them)" for row in self.unconfigured]
        for stopped in stops:
            since = f" since {local_time(stopped.since)}" if stopped.since else ""
            # as status and check say it (networks.policy.THEN_CHECK_AND_RESUME), short: one line of a cron mail
            lines.append(f"posting is stopped for {stopped.shown}{since}: {stopped.short}; fix it, then run `check` "
                         f"and {stopped.resume.replace('juno-scheduler ', '')}")
        return lines

    def unreadable_lines(self) -> list[str]:
        """The campaign files that did not read, one line each: on stderr, where every command names them
        (docs/queue.md)."""
        return [f"campaign not read: {row.error}; its posts wait until it reads (the other campaigns' go out)"
                for row in self.unreadable]

    def _verb(self, row: Posted) -> str:
        """"posted", or for a post only written to the outbox what status, preview, history and the studio call it
        (results.seen_status: "simulated, not posted"); "would post" in a dry run."""
        if self.dry_run:
            return "would post"
        return state_said(seen("posted", row.at, row.remote_id, datetime.fromisoformat(row.at)))

    def _missed_line(self, row: Missed) -> str:
        move = "would move" if self.dry_run else "moved"
        where = f"to {local_time(row.moved_to)}" if row.moved_to else "to the next free slot"
        if row.reason == "blackout":
            return f"{move} {row.id} off a blackout date {where}"
        if row.reason.startswith("timetable: "):
            return f"{move} {row.id} {where}: the timetable changed ({row.reason.removeprefix('timetable: ')})"
        keep = f"; {keep_a_date(row.id)}"
        return (f"missed {row.id}: {move} {where}" if row.moved_to else f"missed {row.id}: would move {where}") + keep
