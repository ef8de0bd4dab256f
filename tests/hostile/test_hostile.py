"""Every loader and command fed hostile input, as real processes under a memory limit (see cases.py)."""

from __future__ import annotations

import pytest

from hostile.cases import CASES, case_id, readonly_cleanup, run_case

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_input_gives_one_clear_line_and_changes_nothing(case, tmp_path):
    root, result = run_case(case, tmp_path)
    try:
        assert result.code == case.code, result
        assert "Traceback" not in result.err and "unexpected" not in result.err, result
        if case.code in (1, 2):  # 3 is a run-due report of failed posts: its lines say what failed
            lines = [line for line in result.err.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("error: "), result
        if case.says:
            assert case.says in result.err + result.out, result
        if case.check is not None:
            case.check(root, result)
    finally:
        readonly_cleanup(root, result)


def test_ctrl_c_during_cards_stops_the_batch_and_leaves_the_cards_as_they_were(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from hostile.cases import fresh_project

    root = fresh_project(tmp_path)
    cards = root / ".juno" / "cards"
    proc = subprocess.Popen([sys.executable, "-m", "scheduler", "cards", "--size", "all"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120  # cards are staged beside their place while the batch is drawn
    while not list(cards.rglob(".*.staged")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert err.strip().splitlines()[-1] == "error: interrupted" and "Traceback" not in err
    assert list(cards.rglob("*.png")) == []  # all or nothing: an interrupted batch replaces no card
    assert not list(cards.rglob(".*.staged")) and not list(cards.rglob("*.tmp")), "a half-drawn batch was left behind"
