"""`juno-scheduler check` as a real process, against the fake X server."""

from __future__ import annotations

import json

import pytest
from fakex import FakeX


@pytest.fixture
def fx():
    with FakeX() as server:
        yield server


def use_x(project):
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("publisher: outbox", "publisher: x"),
                        encoding="utf-8")
    assert "publisher: x" in schedule.read_text(encoding="utf-8")


def secrets_of(env: dict) -> list[str]:
    return [v for k, v in env.items() if k.startswith("X_")]


def test_check_confirms_the_handle_and_masks_the_secrets(cli, project, fx):
    use_x(project)
    env = fx.env("junocounseling")
    result = cli("check", "--json", cwd=project, env=env)
    assert result.code == 0, result
    report = json.loads(result.out)
    by_name = {c["name"]: c for c in report["checks"]}
    assert report["ok"] and by_name["handle"]["ok"]
    assert "@junocounseling" in by_name["handle"]["detail"]
    assert "X_ACCESS_TOKEN=" in by_name["credentials"]["detail"]
    for secret in secrets_of(env):
        assert secret not in result.out + result.err
    assert fx.posts == [] and fx.count("POST /2/media/upload") == 0
    assert not (project / ".juno").exists()  # check writes nothing


def test_check_refuses_credentials_of_another_handle(cli, project, fx):
    use_x(project)
    result = cli("check", cwd=project, env=fx.env("someoneelse"))
    assert result.code == 2, result  # configuration, as missing credentials are (design.md's exit code)
    assert "FAIL" in result.out and "@someoneelse, not @junocounseling" in result.out
    assert fx.posts == []


def test_check_says_what_to_fix_when_x_refuses_the_credentials(cli, project, fx):
    use_x(project)
    env = {**fx.env(), "X_ACCESS_TOKEN_SECRET": "wrong-secret-value"}
    result = cli("check", cwd=project, env=env)
    assert result.code == 2, result
    assert "401" in result.out and "X_ACCESS_TOKEN_SECRET" in result.out
    assert "wrong-secret-value" not in result.out + result.err


def test_check_with_publisher_x_and_no_credentials_is_a_configuration_problem(cli, project):
    use_x(project)
    result = cli("check", "--json", cwd=project)
    assert result.code == 2, result
    failed = [c for c in json.loads(result.out)["checks"] if not c["ok"]]
    assert [c["name"] for c in failed] == ["credentials"]
    assert "X_ACCESS_TOKEN_SECRET" in failed[0]["detail"]


def test_check_with_the_outbox_needs_no_credentials(cli, project):
    result = cli("check", cwd=project)
    assert result.code == 0, result
    assert "publisher outbox: not checked against X" in result.out


@pytest.mark.parametrize("half", [False, True])
def test_check_of_an_outbox_account_never_contacts_x_though_its_variables_are_set(cli, project, half):
    """A user trial: with the X variables set (for another project) check said `FAIL handle X at api.twitter.com
    could not be reached`, exit 1, for an account whose publisher is the outbox."""
    env = {"X_API_KEY": "k" * 25, "X_API_SECRET": "s" * 50, "X_ACCESS_TOKEN": "1-" + "t" * 40,
           "JUNO_X_API_BASE": "http://127.0.0.1:9"}  # nothing listens there: any call would fail
    if not half:
        env["X_ACCESS_TOKEN_SECRET"] = "z" * 45
    result = cli("check", cwd=project, env=env)
    assert result.code == 0, result
    assert "publisher outbox: not checked against X" in result.out
    assert "FAIL" not in result.out and "reached" not in result.out, result.out


def test_check_names_a_broken_brand_file_and_place(cli, project):
    brand = project / "assets" / "brand.yaml"
    brand.write_text(brand.read_text(encoding="utf-8") + "\nbackgrund: '#ffffff'\n", encoding="utf-8")
    result = cli("check", cwd=project)
    assert result.code == 2, result
    assert "assets/brand.yaml:" in result.out and "backgrund" in result.out


def test_check_names_a_campaign_file_that_does_not_read(cli, project):
    """A user trial: a headline with unescaped quotes broke a campaign file; check said ok while its posts could
    not go out. Now check names the file and place, exit 2, and still reports the other checks."""
    ok = cli("check", cwd=project)
    assert ok.code == 0 and "campaigns" in ok.out and "posts/: 1 campaign file" in ok.out, ok
    campaign = next(p for p in (project / "posts").glob("*.yaml") if p.name != "schedule.yaml")
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("headline: ", 'headline: "a "quoted" word" ', 1), encoding="utf-8")
    result = cli("check", cwd=project)
    assert result.code == 2, result
    failed = [line for line in result.out.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and f"posts/{campaign.name}:" in failed[0] and "its posts wait" in failed[0], result.out
    assert "publisher outbox: not checked against X" in result.out  # the other checks still ran


def test_check_of_a_broken_schedule_is_one_line_and_exit_2(cli, project):
    (project / "posts" / "schedule.yaml").write_text("account: {handle: junocounseling}\ntimezone: Mars/Base\n"
                                                     "slots: [{cron: '0 9 * * mon'}]\n", encoding="utf-8")
    result = cli("check", cwd=project)
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("error: posts/schedule.yaml:2:") and result.err.count("\n") == 1


def test_half_set_credentials_name_the_missing_variables(cli, project, fx):
    use_x(project)
    env = fx.env()
    del env["X_API_SECRET"]
    result = cli("check", cwd=project, env=env)
    assert result.code == 2, result
    assert "X_API_SECRET" in result.out and "set all four" in result.out
    for secret in secrets_of(env):
        assert secret not in result.out + result.err
