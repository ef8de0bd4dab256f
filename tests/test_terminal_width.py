"""plan and history stay readable in an 80-column terminal: no line wider, every post's id and status shown."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_plan_and_history_fit_80_columns(project, cli):
    assert cli("approve", "what-to-do-when-one-partner-wants-counseling", cwd=project).code == 0
    assert cli("queue", "--now", "2026-12-01T08:00", cwd=project).code == 0
    assert cli("run-due", "--now", "2026-12-02T08:40", cwd=project).code == 0
    plan = cli("plan", "--now", "2026-12-02T09:00", "--days", "14", cwd=project, env={"COLUMNS": "80"})
    history = cli("history", cwd=project, env={"COLUMNS": "80"})
    for result in (plan, history):
        assert result.code == 0, result
        assert max(len(line) for line in result.out.splitlines()) <= 80, result.out
    assert plan.out.count("queued") >= 4 and "/280" in plan.out
    assert "resistance-isnt-necessarily-indifference" in plan.out
    assert "posted" in history.out and "understanding-the-reasons-behind" in history.out
