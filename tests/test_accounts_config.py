"""schedule.yaml's accounts: one per network, each handle in its network's form; the single account:
still means X; Mastodon's instance address and token come from the environment only."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.config import load_settings
from scheduler.errors import ConfigError

REST = """\
timezone: America/New_York
slots:
  - days: [mon]
    times: ["09:00"]
"""
ACCOUNTS = """\
accounts:
  - {network: x, handle: junocounseling}
  - {network: bluesky, handle: junocounseling.bsky.social}
  - {network: mastodon, handle: "@junocounseling@mastodon.social", publisher: outbox}
"""


def settings_for(root: Path, accounts: str, env=None):
    (root / "posts").mkdir(parents=True, exist_ok=True)
    (root / "posts" / "schedule.yaml").write_text(accounts + REST, encoding="utf-8")
    return load_settings(root, env=env or {})


def refusal(root: Path, accounts: str, env=None) -> str:
    with pytest.raises(ConfigError) as caught:
        settings_for(root, accounts, env)
    return str(caught.value)


def test_one_account_per_network_each_posting_for_real_unless_it_says_outbox(tmp_path):
    schedule = settings_for(tmp_path, ACCOUNTS).schedule
    assert [(a.network, a.handle, a.publisher) for a in schedule.accounts] == [
        ("x", "junocounseling", "x"), ("bluesky", "junocounseling.bsky.social", "bluesky"),
        ("mastodon", "@junocounseling@mastodon.social", "outbox")]
    assert schedule.account.network == "x"  # the top-level budget stays X's
    assert schedule.card_handle is None  # one card goes to every network: no one network's handle on it
    assert schedule.account_keys == (("x", "junocounseling"), ("bluesky", "junocounseling.bsky.social"),
                                     ("mastodon", "@junocounseling@mastodon.social"))


def test_the_single_account_still_means_x(tmp_path):
    schedule = settings_for(tmp_path, "account: {handle: junocounseling, publisher: outbox}\n").schedule
    assert [(a.network, a.publisher) for a in schedule.accounts] == [("x", "outbox")]


def test_a_second_account_on_one_network_is_refused_where_it_stands(tmp_path):
    message = refusal(tmp_path, ACCOUNTS + "  - {network: x, handle: otherpractice}\n")
    assert message.startswith("posts/schedule.yaml:5:")
    assert "a second x account; at most one per network (the first is accounts[0])" in message


@pytest.mark.parametrize("network,handle,says", [
    ("x", "@junocounseling", "without the @"),
    ("x", "junocounseling.bsky.social", "is not an X handle"),
    ("bluesky", "@junocounseling.bsky.social", "without the @"),
    ("bluesky", "junocounseling", "full domain handle, e.g. junocounseling.bsky.social"),
    ("mastodon", "junocounseling", '"@junocounseling@mastodon.social"'),
    ("mastodon", "@junocounseling", '"@junocounseling@mastodon.social"'),
    ("mastodon", "junocounseling@mastodon.social", None),
])
def test_a_handle_in_another_networks_form_is_refused_with_its_own_form(tmp_path, network, handle, says):
    entry = f'accounts:\n  - {{network: {network}, handle: "{handle}"}}\n'
    if says is None:  # @ left off a Mastodon handle: read as written, with the @ the instance needs
        with pytest.raises(ConfigError, match="not a Mastodon handle"):
            settings_for(tmp_path, entry)
        return
    message = refusal(tmp_path, entry)
    assert message.startswith("posts/schedule.yaml:2:") and "accounts[0].handle" in message and says in message


def test_account_and_accounts_together_or_an_unknown_network_are_refused(tmp_path):
    both = refusal(tmp_path, "account: {handle: junocounseling}\n" + ACCOUNTS)
    assert "either account: (X alone) or accounts:" in both
    unknown = refusal(tmp_path, "accounts:\n  - {network: mastodn, handle: \"@a@b.social\"}\n")
    assert "unknown network 'mastodn'" in unknown and "mastodon" in unknown
    wrong = refusal(tmp_path, "accounts:\n  - {network: mastodon, handle: \"@a@b.social\", publisher: x}\n")
    assert "publisher 'x' cannot post to mastodon" in wrong


def test_an_instance_address_that_is_not_a_url_is_refused_and_the_token_never_shown(tmp_path):
    from scheduler.networks.base import AccessProblem

    env = {"MASTODON_ACCESS_TOKEN": "tok-secret-123456", "MASTODON_API_BASE": "mastodon.social"}
    problem = settings_for(tmp_path, ACCOUNTS, env).access["mastodon"]  # it stops Mastodon alone (see test_access)
    assert isinstance(problem, AccessProblem)
    message = problem.message
    assert "MASTODON_API_BASE='mastodon.social' is not an address" in message and "https://mastodon.social" in message
    assert "tok-secret-123456" not in message


def test_the_mastodon_token_can_come_from_dotenv(tmp_path):
    (tmp_path / ".env").write_text("MASTODON_ACCESS_TOKEN=tok-from-dotenv-1234\n"
                                   "MASTODON_API_BASE=https://mastodon.social/\n", encoding="utf-8")
    settings = settings_for(tmp_path, ACCOUNTS)
    assert settings.access["mastodon"].api_base == "https://mastodon.social"
    assert "tok-from-dotenv-1234" not in repr(settings)


def test_through_the_cli_a_bad_mastodon_handle_is_one_line_and_exit_2(tmp_path, cli):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "schedule.yaml").write_text(
        'accounts:\n  - {network: mastodon, handle: "junocounseling"}\n' + REST, encoding="utf-8")
    result = cli("status", cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    assert result.err.strip().splitlines() == [
        ("error: posts/schedule.yaml:2:33: accounts[0].handle: 'junocounseling' is not a Mastodon handle: "
        "write it with its instance, \"@junocounseling@mastodon.social\"")]


def test_an_x_handle_over_15_characters_is_one_line_naming_file_field_and_what_to_do(tmp_path, cli):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "schedule.yaml").write_text(
        "account:\n  handle: junocounselingcenter\n  publisher: outbox\n" + REST, encoding="utf-8")
    result = cli("plan", cwd=tmp_path)
    assert result.code == 2 and result.out == "", result
    assert result.err.strip().splitlines() == [
        ("error: posts/schedule.yaml:2:11: account.handle: 'junocounselingcenter' has 20 characters and an X handle "
         "at most 15: write the X account's handle as its profile shows it (x.com/<handle>), without the @")]


@pytest.mark.parametrize("network,handle", [
    ("mastodon", "@juno_counseling_center_jupiter@mastodon.social"),  # 31: X's 15 is not Mastodon's
    ("mastodon", "@junocounseling@social.juno-counseling-center-of-jupiter-florida.example"),
    ("bluesky", "junocounselingcenterofjupiterflorida.bsky.social"),
    ("bluesky", f"{'a' * 63}.example"),  # a domain's label is at most 63 characters
])
def test_mastodon_and_bluesky_handles_are_held_to_their_own_forms_not_xs_length(tmp_path, network, handle):
    schedule = settings_for(tmp_path, f'accounts:\n  - {{network: {network}, handle: "{handle}"}}\n').schedule
    assert schedule.account.handle == handle


def test_a_bluesky_handle_is_held_to_a_domain_names_limits(tmp_path):
    message = refusal(tmp_path, f'accounts:\n  - {{network: bluesky, handle: "{"a" * 64}.example"}}\n')
    assert message.startswith("posts/schedule.yaml:2:") and "is not a Bluesky handle" in message, message


def test_check_looks_at_every_account_and_says_what_each_still_needs(tmp_path, cli):
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "assets", tmp_path / "assets")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "schedule.yaml").write_text(ACCOUNTS + REST, encoding="utf-8")
    result = cli("check", "--json", cwd=tmp_path)
    checks = {c["name"]: c for c in __import__("json").loads(result.out)["checks"]}
    assert result.code == 2, result  # X and Bluesky post for real and have no credentials yet
    assert not checks["credentials"]["ok"] and "X_API_KEY" in checks["credentials"]["detail"]
    assert not checks["bluesky credentials"]["ok"] and "BLUESKY_APP_PASSWORD" in checks["bluesky credentials"]["detail"]
    assert checks["mastodon credentials"]["ok"]  # publisher: outbox needs none
    only = cli("check", "mastodon", "--json", cwd=tmp_path)
    assert only.code == 0 and "bluesky credentials" not in only.out
