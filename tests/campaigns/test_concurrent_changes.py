"""Several writers changing one campaign file at once, as real processes: the CLI's `approve` (four at once), and
the studio's Skip while `approve` runs. Every change a writer reports as made is in the file and in the audit log,
and a skipped tip never comes back into the queue. A writer that cannot get the campaigns' lock in time says so in
one line and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from scheduler import open_project
from tests.conftest import REPO
from tests.studio.helpers import NOW, SLUG, Studio, planned

CAMPAIGN = f"posts/{SLUG}.yaml"
ROUNDS = 8
AT_ONCE = 4


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    return {**env, **extra}


def _approve(root, *names: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "scheduler", "--root", str(root), "approve", "--json", "--now",
                             NOW.isoformat(), *names], env=_env(**env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _said_approved(proc: subprocess.Popen) -> tuple[int, list[str], str]:
    out, err = proc.communicate(timeout=120)
    if proc.returncode != 0:
        return proc.returncode, [], err
    return 0, [f"{c['campaign']}/{tip}" for c in json.loads(out)["campaigns"] for tip in c["approved"]], err


def _statuses(root) -> dict[str, str]:
    tips = yaml.safe_load((root / CAMPAIGN).read_text(encoding="utf-8"))["tips"]
    return {tip["id"]: tip["status"] for tip in tips}


def _audited(root) -> list[dict]:
    path = root / ".juno" / "audit.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _unflagged(root) -> list[str]:
    tips = yaml.safe_load((root / CAMPAIGN).read_text(encoding="utf-8"))["tips"]
    return [tip["id"] for tip in tips if not tip.get("review")]


@pytest.mark.slow
def test_four_approves_at_once_each_keep_their_approval(project):
    tips = _unflagged(project)
    original = (project / CAMPAIGN).read_bytes()
    lost = {}
    for round_ in range(ROUNDS):
        (project / CAMPAIGN).write_bytes(original)
        chosen = [tips[(round_ * AT_ONCE + i) % len(tips)] for i in range(AT_ONCE)]
        procs = [_approve(project, f"{SLUG}/{tip}") for tip in chosen]
        results = [_said_approved(proc) for proc in procs]
        assert all(code == 0 for code, _, _ in results), results
        said = {key.split("/", 1)[1] for _, keys, _ in results for key in keys}
        assert said == set(chosen)  # each said "1 approved"
        status = _statuses(project)
        if any(status[tip] != "approved" for tip in chosen):
            lost[round_] = [tip for tip in chosen if status[tip] != "approved"]
    assert lost == {}, (f"{len(lost)} of {ROUNDS} rounds lost approvals reported as made "
                        f"({sum(map(len, lost.values()))} of {ROUNDS * AT_ONCE}): {lost}")
    logged = [(e["tip"], e["after"]["status"]) for e in _audited(project) if e["what"] == "approve"]
    assert len(logged) == ROUNDS * AT_ONCE


@pytest.mark.slow
def test_a_skip_in_the_studio_while_approve_runs_stays_skipped_and_never_queues(project):
    """Each round: tips approved and queued; while `approve` approves another tip of the same campaign, the studio
    skips them one by one. Every skip the studio made and the approval are in the file, the audit log's last word
    on each tip is the file's, and `queue` puts no skipped tip back."""
    tips = _unflagged(project)
    original = (project / CAMPAIGN).read_bytes()
    library = open_project(project)
    studio = Studio(project).sign_in()
    lost = {}
    for round_ in range(ROUNDS):
        (project / CAMPAIGN).write_bytes(original)
        cli_tip, queued = tips[round_ % len(tips)], [tip for tip in tips if tip != tips[round_ % len(tips)]][:12]
        library.approve([f"{SLUG}/{tip}" for tip in queued], now=NOW)
        library.queue(NOW)
        proc = _approve(project, f"{SLUG}/{cli_tip}")
        skipped = []
        while proc.poll() is None and len(skipped) < len(queued):  # the studio skips while the command runs
            _click_until_done(studio, "skip", queued[len(skipped)])
            skipped.append(queued[len(skipped)])
        code, said, err = _said_approved(proc)
        assert code == 0 and said == [f"{SLUG}/{cli_tip}"], err
        status = _statuses(project)
        wrong = {tip: status[tip] for tip in skipped if status[tip] != "skip"}
        if status[cli_tip] != "approved":
            wrong[cli_tip] = status[cli_tip]
        queue = subprocess.run([sys.executable, "-m", "scheduler", "--root", str(project), "queue", "--now",
                                NOW.isoformat()], env=_env(), capture_output=True, text=True, check=False)
        assert queue.returncode == 0, queue.stderr
        back = [key for key in planned(project, days=400) if key.split("@")[0].split("/", 1)[1] in skipped]
        if wrong or back:
            lost[round_] = {"file": wrong, "queued again": back}
        audited = _audited(project)
        for tip in [cli_tip, *skipped]:  # the audit log's last word on each tip is the file's
            last = [e for e in audited if e.get("tip") == tip and e.get("after")]
            if last[-1]["after"]["status"] != status[tip]:
                lost.setdefault(round_, {}).setdefault("audit", []).append(tip)
    assert lost == {}, f"{len(lost)} of {ROUNDS} rounds lost a change reported as made: {lost}"


def _click_until_done(studio: Studio, status: str, tip: str) -> None:
    """The status button, clicked again on a fresh page when the file changed since the page was made (the
    conflict page, 409, as a person would), until the studio says it is done."""
    while True:
        answer = studio.status(status, tip=tip)
        if answer.status_code == 303:
            return
        assert answer.status_code == 409, answer.text


HOLDER = """
import sys
from scheduler.fileio import changing
with changing(sys.argv[1], sys.argv[2]):
    print("held", flush=True)
    sys.stdin.read()
"""


def _hold(root, shown: str) -> subprocess.Popen:
    """Another process holding the campaigns' lock until its stdin closes (or it is killed)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(root), shown], env=_env(PYTHONPATH=str(REPO)),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_writer_that_cannot_get_the_lock_says_so_and_changes_nothing(project):
    tip = _unflagged(project)[0]
    before = (project / CAMPAIGN).read_bytes()
    holder = _hold(project, CAMPAIGN)
    try:
        code, said, err = _said_approved(_approve(project, f"{SLUG}/{tip}", JUNO_LOCK_WAIT="0.2"))
    finally:
        holder.communicate("")
    assert code == 1 and said == []
    assert err.splitlines() == [f"error: another juno-scheduler command is changing {CAMPAIGN}; try again"]
    assert (project / CAMPAIGN).read_bytes() == before
    assert _audited(project) == []
    code, said, _ = _said_approved(_approve(project, f"{SLUG}/{tip}"))  # the lock let go: it goes through
    assert code == 0 and said == [f"{SLUG}/{tip}"]


def test_a_killed_writer_lets_go_of_the_lock(project):
    tip = _unflagged(project)[0]
    holder = _hold(project, CAMPAIGN)
    holder.kill()
    holder.wait()
    code, said, err = _said_approved(_approve(project, f"{SLUG}/{tip}", JUNO_LOCK_WAIT="5"))
    assert code == 0 and said == [f"{SLUG}/{tip}"], err
    assert _statuses(project)[tip] == "approved"


def test_the_studio_says_when_another_command_holds_the_campaign(project, monkeypatch):
    tip = _unflagged(project)[0]
    studio = Studio(project).sign_in()
    version = studio.version()
    before = (project / CAMPAIGN).read_bytes()
    monkeypatch.setenv("JUNO_LOCK_WAIT", "0.2")
    holder = _hold(project, CAMPAIGN)
    try:
        answer = studio.status("skip", tip=tip, version=version)
    finally:
        holder.communicate("")
    assert answer.status_code == 422
    assert f"another juno-scheduler command is changing {CAMPAIGN}; try again" in answer.text
    assert (project / CAMPAIGN).read_bytes() == before
    answer = studio.status("skip", tip=tip, version=version)  # the same page's Skip, once the command is done
    assert answer.status_code == 303 and _statuses(project)[tip] == "skip"
