"""`demo` runs the whole pipeline, as a real process, on the bundled article."""

from __future__ import annotations

import json
import shlex
import shutil

import yaml

from tests.conftest import REPO


def test_demo_runs_the_whole_pipeline_and_posts_the_first_week(tmp_path, cli):
    scratch = tmp_path / "demo"
    result = cli("demo", "--scratch", str(scratch), "--json", cwd=REPO,
                 env={"X_API_KEY": "must-not-be-used", "JUNO_DATABASE_URL": "mysql://nowhere"})
    assert result.code == 0, result
    report = json.loads(result.out)

    assert report["split"]["tips"] >= 12
    assert report["cards"]["cards"] == report["split"]["tips"]
    assert report["queued"] == report["review"]["approved"]
    posted = report["posted"]
    assert 1 <= len(posted) <= 4, "a week of the bundled timetable is four posts at most"
    assert len({item["id"] for item in posted}) == len(posted)
    # the manager is told `ready` means a tip can go as it is: the demo's reviewer approves only those (a user
    # trial: it posted tips split had not called ready, with notes saying why not)
    campaign = yaml.safe_load((scratch / "posts" / f"{report['split']['campaign'].split('/')[-1]}").read_text())
    ready = {tip["id"] for tip in campaign["tips"] if tip.get("ready") is True}
    approved = {tip["id"] for tip in campaign["tips"] if tip["status"] == "approved"}
    assert approved == ready and report["review"]["approved"] == len(ready)
    assert {item["id"].split("/", 1)[1] for item in posted} <= ready
    assert report["review"]["waiting"] == report["split"]["tips"] - len(ready)

    outbox = sorted((scratch / ".juno" / "outbox").glob("*.json"))
    assert len(outbox) == len(posted)
    for entry in outbox:
        record = json.loads(entry.read_text(encoding="utf-8"))
        assert record["handle"] == "junocounseling"
        assert record["card"] and (entry.parent / record["card"]).stat().st_size > 10_000
        assert record["alt_text"].endswith("(quote card, @junocounseling)")
        assert len(record["text"]) > 20

    page = (scratch / ".juno" / "preview.html").read_text(encoding="utf-8")
    assert "<html" in page.lower() and "junocounseling" in page
    assert not (REPO / "posts" / ".juno").exists(), "the demo leaves the project's own files alone"


def test_demo_prints_a_summary_table(tmp_path, cli):
    result = cli("demo", "--scratch", str(tmp_path / "demo"), cwd=REPO)
    assert result.code == 0, result
    assert "posted during the simulated week" in result.out
    assert "the card says" in result.out
    review = next(line for line in result.out.splitlines() if line.startswith("2. review"))
    assert "split marked ready (`approve --ready`)" in review and "wait in draft for a person" in review, review
    for label in ("cards:", "outbox:", "preview:"):
        assert label in result.out
    last = result.out.rstrip().splitlines()[-1]
    assert last.startswith("review it in the studio:  ") and last.endswith(" studio"), last
    # a line to copy: its program runs from the folder make demo ran in (a user trial: `juno-scheduler` was
    # printed while .venv/bin was not on the PATH, and the shell said "command not found")
    program = shlex.split(last.split(":  ", 1)[1])[0]
    assert shutil.which(program) or (REPO / program).is_file(), last


def test_demo_refuses_a_folder_that_is_not_its_own(tmp_path, cli):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    result = cli("demo", "--scratch", str(precious), cwd=REPO)
    assert result.code == 2, result
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_demo_outside_a_project_says_where_to_run_it_and_makes_nothing(tmp_path, cli):
    # `juno-scheduler demo` in an empty folder said "No such file or directory; check the file and the disk",
    # exit 1, and left a half-made .juno/demo behind
    result = cli("demo", cwd=tmp_path)
    assert result.code == 2, result
    assert "no posts/ or assets/ here" in result.err and "--root" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_demo_with_a_scratch_folder_it_cannot_make_names_the_flag(tmp_path, cli):
    # `demo --scratch /proc/x` said "/proc/x: No such file or directory; check the file and the disk", exit 1:
    # the path is the user's argument, so it is bad usage (exit 2) and the line names --scratch
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("demo", "--scratch", str(blocker / "demo"), cwd=REPO)
    assert result.code == 2, result
    assert result.err.startswith("error: --scratch ") and "name a folder you can write to" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert blocker.read_text(encoding="utf-8") == "not a folder"
