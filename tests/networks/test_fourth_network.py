"""Adding a network is one module and one registry line: a fourth network defined here, in the test,
goes through split -> approve -> queue -> run-due -> status through the real CLI, and nothing else in
the package is touched.

The network, "shelf", posts by writing each post into a folder named by SHELF_FOLDER (its one setting,
read from the environment like every network's), takes 200 characters, handles of lowercase letters,
and shows the portrait card best.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from conftest import run_cli_in_process
from PIL import Image
from schedules import accounts_lines, schedule_text

from scheduler import networks
from scheduler.errors import ConfigError, PublishError
from scheduler.networks.base import (
    CONFIG_PROBLEM,
    HandleCache,
    Network,
    NetworkKey,
    Outgoing,
    Published,
    Publisher,
    TextLength,
    read_card,
)

CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
NOW = "2026-12-07T08:00:00-05:00"  # a Monday morning, before the first slot
SCHEDULE = schedule_text(accounts_lines("{network: shelf, handle: juno}"), max_per_day=1, jitter="0m",
                         link="{mode: none}")


class ShelfPublisher(Publisher):
    name = "shelf"

    def __init__(self, folder: Path, handle: str):
        self.folder, self.handle = folder, handle

    def publish(self, post: Outgoing) -> Published:
        entry = self.folder / f"{post.post_id.replace('/', '--')}.json"
        if entry.exists():
            raise PublishError(f"{entry} is there already", kind="permanent")
        card = read_card(post.card) if post.card is not None else b""
        if card:
            (self.folder / f"{entry.stem}.png").write_bytes(card)
        entry.write_text(json.dumps({"handle": self.handle, "text": post.text, "alt": post.alt_text}), "utf-8")
        return Published(remote_id=entry.stem, url=entry.as_uri())


class Shelf(Network):
    key = NetworkKey("shelf")
    name = "Shelf"
    example_handle = "juno"
    env_names = ("SHELF_FOLDER",)
    card_size = "portrait"

    def handle_problem(self, handle: str) -> str | None:
        return None if handle.isalpha() and handle.islower() else f"{handle!r}: lowercase letters only"

    def read_access(self, environ: Mapping[str, str]) -> Path | None:
        folder = environ.get("SHELF_FOLDER")
        return Path(folder) if folder else None

    def length(self, text: str, state_dir: Path | None = None) -> TextLength:
        return TextLength(len(text), 200, "characters")

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        folder = settings.access.get(self.key)
        if folder is None:
            raise ConfigError("environment: SHELF_FOLDER is not set; set it to the shelf's folder")
        return ShelfPublisher(folder, account.handle)

    def check(self, report, settings, account) -> None:
        folder = settings.access.get(self.key)
        report.add("shelf folder", folder is not None and folder.is_dir(), str(folder), CONFIG_PROBLEM)


@pytest.fixture
def shelf():
    networks.register(Shelf())  # the one registry line
    try:
        yield
    finally:
        networks.unregister("shelf")


def test_a_network_defined_in_a_test_posts_through_the_whole_pipeline(shelf, project, tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    env = {"SHELF_FOLDER": str(folder)}
    (project / "posts" / "schedule.yaml").write_text(SCHEDULE, encoding="utf-8")
    (project / "posts" / f"{CAMPAIGN}.yaml").unlink()  # split it afresh, by the shelf's rules

    def cli(*args: str):
        result = run_cli_in_process(*args, cwd=project, env=env)
        assert result.code == 0, result
        return result

    cli("check")
    split = json.loads(cli("split", f"posts/articles/{CAMPAIGN}.txt", "--json").out)
    assert split["tips"] and all(len(tip["text"]) <= 200 for tip in split["tips"])  # the shelf's own rule
    cli("approve", CAMPAIGN, "--now", NOW)
    cli("queue", "--now", NOW)
    plan = json.loads(cli("plan", "--json", "--now", NOW).out)["posts"]
    first = plan[0]
    assert first["network"] == "shelf" and first["limit"] == 200 and first["weighted_length"] <= 200
    assert first["id"].endswith("@shelf")  # a tip keeps its bare id for the first network (X) alone
    assert Image.open(first["card"]).size == (1080, 1350)  # the card the shelf shows best

    ran = json.loads(cli("run-due", "--json", "--now", first["at"]).out)
    assert [p["id"] for p in ran["posted"]] == [first["id"]] and not ran["failed"]
    entries = sorted(folder.glob("*.json"))
    assert len(entries) == 1
    posted = json.loads(entries[0].read_text("utf-8"))
    assert posted["handle"] == "juno" and posted["text"] == first["text"] and posted["alt"]
    assert Image.open(entries[0].with_suffix(".png")).size == (1080, 1350)

    cli("run-due", "--json", "--now", first["at"])  # again: nothing is posted twice
    assert len(list(folder.glob("*.json"))) == 1

    status = json.loads(cli("status", "--json", "--now", first["at"]).out)
    assert status["accounts"][0]["network"] == "shelf"
    assert status["month"]["posts"] == 1 and status["month"]["networks"] == {"shelf": {"posts": 1, "spent_usd": 0.0}}
    assert "juno on shelf" in cli("check").out


def test_its_rules_are_asked_like_any_others(shelf, project):
    (project / "posts" / "schedule.yaml").write_text(SCHEDULE.replace("handle: juno", "handle: Juno"), "utf-8")
    result = run_cli_in_process("status", cwd=project)
    assert result.code == 2
    assert result.err.startswith("error: posts/schedule.yaml:2:") and "lowercase letters only" in result.err
