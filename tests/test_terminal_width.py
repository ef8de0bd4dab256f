"""plan and history stay readable in an 80-column terminal: no line wider, every post's id and status shown."""

from __future__ import annotations

import json

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
    day = cli("plan", "--now", "2026-12-03T09:00", "--days", "1", cwd=project, env={"COLUMNS": "80"}).out
    assert "The next 1 day of" in day and "1 days" not in day, day
    # queued, but after the day shown: not "run queue" (it has been run), but where the posts are
    assert cli("plan", "--now", "2026-12-02T09:00", "--days", "1", cwd=project).out == (
        "nothing planned in the next 1 day; what-to-do-when-one-partner-wants-counseling has posts queued after "
        "that: a longer `--days` shows them\n")


THREE_NETWORKS = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                  "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}\n"
                  "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n")


def queued_on_three_networks(project, cli) -> None:
    """The bundled campaign approved and queued on X, Bluesky and Mastodon (each through the outbox)."""
    schedule = project / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text[:text.index("account:")] + THREE_NETWORKS + text[text.index("timezone:"):],
                        encoding="utf-8")
    assert cli("approve", "what-to-do-when-one-partner-wants-counseling", cwd=project).code == 0
    assert cli("queue", "--now", "2026-12-01T08:00", cwd=project).code == 0


def test_plan_names_each_posts_network_in_80_columns(project, cli):
    """A user trial: at 80 columns a tip's three posts were three rows whose ids were cut before @bluesky and
    @mastodon, so they could not be told apart; the network now has a column of its own."""
    queued_on_three_networks(project, cli)
    plan = cli("plan", "--now", "2026-12-01T08:00", "--days", "7", cwd=project, env={"COLUMNS": "80"})
    assert plan.code == 0, plan
    lines = plan.out.splitlines()
    assert max(len(line) for line in lines) <= 80, plan.out
    rows = [line for line in lines if "queued" in line]
    assert len(rows) >= 6
    by_time: dict[str, list[str]] = {}
    for line in rows:
        when, network = line[:16].strip(), line[16:].split()[0]
        by_time.setdefault(when, []).append(network)
    assert all(sorted(networks) == ["bluesky", "mastodon", "x"] for networks in by_time.values()), plan.out


def test_plan_says_how_to_see_each_post_whole_and_v_shows_it_as_it_goes_out(project, cli):
    """User trial 7: "If you grew up with a critica…" was all `plan` showed of a post at 80 columns, too little to
    check a tip by; `plan -v` prints each post whole, in the words run-due would send."""
    assert cli("approve", "what-to-do-when-one-partner-wants-counseling", cwd=project).code == 0
    assert cli("queue", "--now", "2026-12-01T08:00", cwd=project).code == 0
    short = cli("plan", "--now", "2026-12-01T08:00", "--days", "2", cwd=project, env={"COLUMNS": "80"})
    assert short.code == 0 and "(`juno-scheduler plan -v` shows each post whole)" in short.out.splitlines()
    full = cli("plan", "-v", "--now", "2026-12-01T08:00", "--days", "2", cwd=project, env={"COLUMNS": "80"})
    assert full.code == 0, full
    posts = {row["id"]: row["text"] for row in json.loads(
        cli("plan", "--json", "--now", "2026-12-01T08:00", "--days", "2", cwd=project).out)["posts"]}
    assert posts
    for post_id, text in posts.items():
        at = full.out.index(f"  {post_id}  (")
        shown = full.out[at:].split("\n", 1)[1]
        assert shown.startswith("\n".join(f"  {line}" if line else "" for line in text.splitlines())), post_id


def test_history_tells_a_tips_posts_on_three_networks_apart_in_80_columns(project, cli):
    """User trial 8: at 80 columns `history` cut each id before its @bluesky or @mastodon, so a tip's three rows
    read the same; the network then has a column of its own, as in plan. A wider terminal shows the ids whole,
    as before."""
    queued_on_three_networks(project, cli)
    assert cli("run-due", "--now", "2026-12-02T08:40", cwd=project).code == 0
    narrow = cli("history", cwd=project, env={"COLUMNS": "80"})
    assert narrow.code == 0, narrow
    lines = narrow.out.splitlines()
    assert max(len(line) for line in lines) <= 80, narrow.out
    rows = [line.strip() for line in lines if line.strip()[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
    assert len(rows) == 3, narrow.out
    assert len(set(rows)) == 3, narrow.out
    assert sorted(row[16:].split()[0] for row in rows) == ["bluesky", "mastodon", "x"], narrow.out
    wide = cli("history", cwd=project, env={"COLUMNS": "160"})
    assert wide.code == 0, wide
    tip = rows[0][16:].split()[1].rstrip("…")
    ids = [line.split()[3] for line in wide.out.splitlines() if tip in line]
    assert sorted(ids) == sorted(f"{ids[0].split('@')[0]}{suffix}" for suffix in ("", "@bluesky", "@mastodon")), wide.out
    assert "  on  " not in wide.out, wide.out


def test_plan_with_nothing_queued_says_to_run_queue(project, cli):
    # nothing queued at all (no approved tip queued yet): queue is the next step, not a longer --days
    assert cli("plan", "--now", "2026-12-02T09:00", cwd=project).out == (
        "nothing planned in the next 28 days; run `juno-scheduler queue`\n")
