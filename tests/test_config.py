"""posts/schedule.yaml and the environment: good files load; every broken one gets one located line."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from scheduler.config import load_settings, parse_database_url
from scheduler.errors import ConfigError, redacted

REPO = Path(__file__).resolve().parent.parent
GOOD = (REPO / "posts" / "schedule.yaml").read_text(encoding="utf-8")


def write_schedule(root: Path, text: str) -> Path:
    path = root / "posts" / "schedule.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_schedule_loads_into_frozen_settings(tmp_path):
    settings = load_settings(REPO, env={})
    schedule = settings.schedule
    assert schedule.account.handle == "junocounseling"
    assert schedule.account.publisher == "outbox"
    assert schedule.timezone == "America/New_York"
    assert schedule.min_gap == timedelta(hours=3)
    assert date(2026, 12, 25) in schedule.blackout
    assert any(time(8, 30) in slot.times for slot in schedule.slots)
    assert settings.database_url == f"sqlite:///{REPO / '.juno' / 'juno.db'}"
    assert "x" not in settings.access
    with pytest.raises(AttributeError):
        settings.schedule.max_per_day = 9  # frozen


def test_unquoted_times_are_read_as_written(tmp_path):
    # YAML 1.1 reads 18:30 as the number 1110; the loader reads back what the user wrote.
    write_schedule(tmp_path, GOOD.replace('times: ["19:30"]', "times: [18:30]"))
    assert time(18, 30) in load_settings(tmp_path, env={}).schedule.slots[1].times


def test_environment_overrides_and_dotenv(tmp_path):
    write_schedule(tmp_path, GOOD)
    (tmp_path / ".env").write_text("X_API_KEY=k-from-dotenv\nX_API_SECRET=s1\nX_ACCESS_TOKEN=t1\n"
                                   "X_ACCESS_TOKEN_SECRET=ts1\n", encoding="utf-8")
    settings = load_settings(tmp_path, env={"X_API_KEY": "key-from-env",
                                            "JUNO_DATABASE_URL": "postgresql://u:pw@db:5432/juno"})
    assert settings.access["x"].credentials.api_key == "key-from-env"
    assert settings.access["x"].credentials.api_secret == "s1"
    assert settings.database_url == "postgresql://u:pw@db:5432/juno"
    assert "key-from-env" not in repr(settings) and "s1" not in repr(settings.access["x"])


def test_redact_url_hides_the_password():
    assert redacted("postgresql://juno:hunter2@db/juno") == "postgresql://juno:***@db/juno"
    assert parse_database_url("sqlite:///x.db", Path("/r")) == "sqlite:////r/x.db"  # against the project


# (name, change to the good file or a whole text, expected line:col or None, words the message must hold)
BROKEN = [
    ("unknown top key", lambda t: t.replace("min_gap: 3h", "min_gapp: 3h"), "13:1", ["unknown key", "did you mean 'min_gap'"]),
    ("unknown account key", lambda t: t.replace("  publisher: outbox ", "  publsher: outbox "), "5:3", ["did you mean 'publisher'"]),
    ("unknown publisher", lambda t: t.replace("publisher: outbox ", "publisher: mastodon "), "5:14", ["unknown publisher", "outbox, x"]),
    ("handle with @", lambda t: t.replace("handle: junocounseling", "handle: \"@junocounseling\""), "4:11", ["without the @"]),
    ("handle too long", lambda t: t.replace("handle: junocounseling", "handle: junocounselingandwellness"), "4:11", ["has 25 characters and an X handle at most 15", "without the @"]),
    ("unknown time zone", lambda t: t.replace("America/New_York", "America/New_Yrok"), "6:11", ["unknown time zone", "America/New_York"]),
    ("time zone localtime", lambda t: t.replace("America/New_York", "localtime"), "6:11", ["the machine's own zone", "America/New_York"]),
    ("time zone Factory", lambda t: t.replace("America/New_York", "Factory"), "6:11", ["not a place"]),
    ("time zone as number", lambda t: t.replace("timezone: America/New_York", "timezone: 5"), "6:11", ["IANA"]),
    ("impossible time", lambda t: t.replace('"08:30"', '"25:00"'), "9:13", ["not a time of day", "HH:MM"]),
    ("minutes out of range", lambda t: t.replace('"19:30"', '"19:75"'), "11:13", ["not a time of day"]),
    ("unknown weekday", lambda t: t.replace("[mon, wed]", "[mon, wnd]"), "8:17", ["not a weekday", "did you mean 'wed'"]),
    ("bad cron", lambda t: t.replace('"0 10 * * sat"', '"0 25 * * sat"'), "12:11", ["cron"]),
    ("cron weekday 8", lambda t: t.replace('"0 10 * * sat"', '"0 10 * * 8"'), "12:11", ["crontab(5)", "from 0 to 7"]),
    ("cron L (not crontab)", lambda t: t.replace('"0 10 * * sat"', '"0 10 L * *"'), "12:11", ["'L' is not a crontab day of the month"]),
    ("cron mon#6", lambda t: t.replace('"0 10 * * sat"', '"0 10 * * mon#6"'), "12:11", ["from #1 to #5"]),
    ("cron step from one value", lambda t: t.replace('"0 10 * * sat"', '"0 10 5/2 * *"'), "12:11", ["over a range"]),
    ("cron with four fields", lambda t: t.replace('"0 10 * * sat"', '"0 10 * *"'), "12:11", ["five fields"]),
    ("impossible blackout date", lambda t: t.replace("2026-12-25", "2026-02-30"), "15:24", ["not a date", "YYYY-MM-DD"]),
    ("duration without unit", lambda t: t.replace("min_gap: 3h", "min_gap: 3"), "13:10", ["no unit", "3h"]),
    ("recycle_after under a week", lambda t: t.replace("recycle_after: null", "recycle_after: 1m"), "18:16",
     ["shorter than recycle_after may be (7d)", "m is minutes", "90d"]),
    ("recycle_after without unit", lambda t: t.replace("recycle_after: null", "recycle_after: 30"), "18:16",
     ["no unit", "e.g. 90d"]),
    ("bad duration", lambda t: t.replace("jitter: 7m", "jitter: seven minutes"), "16:9", ["not a duration"]),
    ("max_per_day zero", lambda t: t.replace("max_per_day: 1", "max_per_day: 0"), "14:14", ["at least 1"]),
    ("max_per_day text", lambda t: t.replace("max_per_day: 1", "max_per_day: two"), "14:14", ["whole number"]),
    ("bad link mode", lambda t: t.replace("mode: in-post", "mode: inpost"), "19:14", ["did you mean 'in-post'"]),
    ("unknown utm key", lambda t: t.replace("link: {mode: in-post}", "link: {mode: in-post, utm: {sorce: x}}"), "19:29", ["did you mean 'source'"]),
    ("bad hashtag", lambda t: t.replace('"#CouplesCounseling"', '"#Couples Counseling"'), "20:12", ["not a hashtag"]),
    ("hashtag unquoted (a YAML comment)", lambda t: t.replace('hashtags: ["#CouplesCounseling"]', "hashtags: #CouplesCounseling"),
     "20:11", ["hashtags: YAML reads #CouplesCounseling as a comment", 'put it in quotes: "#CouplesCounseling"']),
    ("hashtag unquoted in a list", lambda t: t.replace('hashtags: ["#CouplesCounseling"]', "hashtags:\n  - #Grief"),
     "21:5", ["hashtags[0]: YAML reads #Grief as a comment"]),
    ("negative budget", lambda t: t.replace("monthly_usd: 10", "monthly_usd: -5"), "21:23", ["US dollars"]),
    ("tab in indentation", lambda t: t.replace("  handle: junocounseling", "\thandle: junocounseling"), "4:1", ["tab", "spaces"]),
    ("syntax error", lambda t: t.replace("hashtags: [\"#CouplesCounseling\"]", "hashtags: [\"#CouplesCounseling\""), "20:11", ["YAML syntax", "flow sequence"]),
    # user trial 6: a stray quote inside a quoted value is placed on its own line, not on the mapping's first
    ("stray quote in a value", lambda t: t.replace('crisis_footer: "If you are in crisis, call or text 988."',
                                                   'crisis_footer: "If you are in "crisis", call or text 988."'),
     "22:32", ["YAML syntax", "in the block mapping that starts at line 3"]),
    ("duplicate key", lambda t: t + "min_gap: 2h\n", "23:1", ["given twice"]),
    ("slots missing", lambda t: re.sub(r"slots:.*?(?=min_gap)", "", t, flags=re.DOTALL), None, ["'slots' is missing"]),
    ("slot with cron and days", lambda t: t.replace('  - cron: "0 10 * * sat"', '  - cron: "0 10 * * sat"\n    days: [sat]'), "12:5", ["either cron"]),
    ("empty file", lambda t: "", None, ["empty"]),
    ("a list instead of settings", lambda t: "- a\n- b\n", "1:1", ["expected a mapping"]),
    ("crisis footer as list", lambda t: t.replace('crisis_footer: "If you are in crisis, call or text 988."', "crisis_footer: [988]"), "22:16", ["expected text"]),
    ("not utf-8", None, None, ["not UTF-8"]),
    # user trial 3, I: a value is named as the file writes it (YAML 1.1 reads yes/on as true), a tag is refused
    ("max_per_day yes", lambda t: t.replace("max_per_day: 1", "max_per_day: yes"), "14:14",
     ["max_per_day: expected a whole number of at least 1, found 'yes'"]),
    ("min_gap on", lambda t: t.replace("min_gap: 3h", "min_gap: on"), "13:10", ["found 'on'"]),
    ("budget yes", lambda t: t.replace("monthly_usd: 10", "monthly_usd: yes"), "21:23", ["found 'yes'"]),
    ("hashtag yes", lambda t: t.replace('"#CouplesCounseling"', "yes"), "20:12", ["'yes' is not a hashtag"]),
    ("python object tag", lambda t: t.replace("max_per_day: 1", "max_per_day: !!python/object/apply:os.system [ls]"),
     "14:14", ["max_per_day: the YAML tag !!python/object/apply:os.system is not allowed",
               "delete the tag and write the value itself"]),
]


@pytest.mark.parametrize("typo", ["localtme", "Factry", "posixrule"])
def test_a_zone_typo_is_never_told_to_use_localtime_or_factory(tmp_path, typo):
    path = tmp_path / "posts" / "schedule.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD.replace("America/New_York", typo), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path, env={})
    assert "unknown time zone" in str(caught.value)
    assert not any(word in str(caught.value) for word in ("'localtime'", "'Factory'", "'posixrules'"))


@pytest.mark.parametrize("name,change,place,words", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_schedule_gives_one_located_line(tmp_path, name, change, place, words):
    path = tmp_path / "posts" / "schedule.yaml"
    path.parent.mkdir(parents=True)
    if change is None:
        path.write_bytes(GOOD.encode("utf-8").replace(b"Jupiter", b"J\xfcpiter"))
    else:
        path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path, env={})
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("posts/schedule.yaml:"), message
    if place:
        assert message.startswith(f"posts/schedule.yaml:{place}:"), message
    for word in words:
        assert word in message, message


def test_missing_schedule_file_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match=r"posts/schedule.yaml: file not found; start from the bundled one and set "
                                          r"your handle in it: mkdir -p \S+/posts && cp \S+/posts/schedule.yaml \S+/posts/; "
                                          r"or pass --root"):
        load_settings(tmp_path, env={})


@pytest.mark.parametrize("env,words", [
    ({"JUNO_DATABASE_URL": "mysql://root@db/juno"}, ["unknown database", "sqlite:///"]),
    ({"JUNO_DATABASE_URL": "postgresql://juno:topsecret@db:99999/juno"}, ["not a valid PostgreSQL URL"]),
    ({"JUNO_DATABASE_URL": "sqlite://relative.db"}, ["not a SQLite URL"]),
])
def test_broken_environment_is_named(tmp_path, env, words):
    write_schedule(tmp_path, GOOD)
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path, env=env)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "topsecret" not in message


def test_cli_reports_a_broken_schedule_in_one_line_with_exit_2(project, cli):
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(GOOD.replace("America/New_York", "Mars/Olympus"), encoding="utf-8")
    result = cli("--root", str(project), "run-due", "--now", "2026-12-01T09:00")
    assert result.code == 2, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: posts/schedule.yaml:6:11: "), result
    assert "Traceback" not in result.err
    assert not (project / ".juno").exists(), "a configuration error must change nothing"


def test_debug_shows_the_traceback(project, cli):
    (project / "posts" / "schedule.yaml").write_text("timezone: [", encoding="utf-8")
    result = cli("--root", str(project), "--debug", "run-due")
    assert result.code != 0
    assert "Traceback" in result.err


def test_a_secret_from_dotenv_is_masked_in_messages_like_one_from_the_environment(tmp_path):
    from scheduler.config import redact_secrets

    (tmp_path / ".env").write_text("X_ACCESS_TOKEN=tok-from-dotenv-123\n", encoding="utf-8")
    message = "boom near tok-from-dotenv-123 and env-secret-456"
    shown = redact_secrets(message, tmp_path, {"MASTODON_ACCESS_TOKEN": "env-secret-456"})
    assert shown == "boom near *** and ***"
