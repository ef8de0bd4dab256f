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
