"""A password in an address (the database's, a network's) is never shown: not by status, check or run-due, not in
--json, not in a driver's error that quotes the address or a piece of it (on-call report: `status` printed
`...?password=Sup3rSecretQ` whole, a # in a password came back in urllib's words, an @ in libpq's)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.errors import redacted

SECRET = "Sup3rSecretQ"
PIECES = ("Sup3r", "SecretQ")  # what a driver quotes of a password it cut at a # or an @


def _assert_hidden(result) -> None:
    for text in (result.out, result.err):
        for piece in (SECRET, *PIECES):
            assert piece not in text, result


@pytest.mark.parametrize("address, shown", [
    ("postgresql://juno:hunter22@db/juno", "postgresql://juno:***@db/juno"),
    ("postgresql://postgres@127.0.0.1:5432/test?password=Sup3rSecretQ&sslmode=disable",
     "postgresql://postgres@127.0.0.1:5432/test?password=***&sslmode=disable"),
    ("postgresql://postgres:Sup3r#SecretQ@127.0.0.1:5432/test", "postgresql://postgres:***@127.0.0.1:5432/test"),
    ("postgresql://postgres:Sup3r@SecretQ@127.0.0.1:5432/test", "postgresql://postgres:***@127.0.0.1:5432/test"),
    ("host=127.0.0.1 password=Sup3rSecretQ dbname=test", "host=127.0.0.1 password=*** dbname=test"),
    ("host=db password='Sup3r Secret\\'Q' dbname=test", "host=db password=*** dbname=test"),
    ("https://user:Sup3rSecretQ@pds.example:2583", "https://user:***@pds.example:2583"),
    ("sqlite:////home/a:b@c/juno.db", "sqlite:////home/a:b@c/juno.db"),  # a path, no password
    ("postgresql://postgres@db/juno", "postgresql://postgres@db/juno"),
])
def test_an_address_is_shown_without_its_password(address, shown):
    assert redacted(address) == shown


def test_a_drivers_message_loses_the_pieces_of_the_password_it_quotes():
    assert redacted("Port could not be cast to integer value as 'Sup3r'",
                    "postgresql://postgres:Sup3r#SecretQ@127.0.0.1:5432/test") == \
        "Port could not be cast to integer value as '***'"
    assert redacted("failed to resolve host 'SecretQ@127.0.0.1'",
                    "postgresql://postgres:Sup3r@SecretQ@127.0.0.1:5432/test") == "failed to resolve host '***@127.0.0.1'"
    assert redacted("bad Sup3r#SecretQ", "postgresql://u:Sup3r%23SecretQ@h/db") == "bad ***"  # decoded by libpq


BROKEN_DATABASES = [
    # (address, exit code, words of the one line)
    ("postgresql://postgres:Sup3r#SecretQ@127.0.0.1:5432/test", 2, "percent-encoded (@ as %40, # as %23)"),
    ("postgresql://postgres:Sup3r@SecretQ@127.0.0.1:5432/test", 2, "percent-encoded (@ as %40, # as %23)"),
    ("host=127.0.0.1 password=Sup3rSecretQ dbname=test", 2, "unknown database"),
    ("postgresql://postgres:Sup3rSecretQ@127.0.0.1:9/test", 1, "Connection refused"),
]


@pytest.mark.parametrize("address, code, words", BROKEN_DATABASES)
@pytest.mark.parametrize("command", [("status",), ("status", "--json"), ("check",), ("run-due",)])
def test_a_database_address_that_fails_keeps_its_password(project, cli_process, address, code, words, command):
    result = cli_process("--root", str(project), *command, env={"JUNO_DATABASE_URL": address})
    assert result.code == code, result
    assert words in result.out + result.err, result  # check says it on its database line
    _assert_hidden(result)


def test_a_working_database_with_a_password_in_its_query_is_shown_masked(project, cli_process, pg_url):
    address = f"{pg_url}&password={SECRET}"
    text = cli_process("--root", str(project), "status", env={"JUNO_DATABASE_URL": address})
    assert text.code == 0, text
    assert re.search(r"^database: postgresql://\S+password=\*\*\*$", text.out, re.MULTILINE), text
    as_json = cli_process("--root", str(project), "status", "--json", env={"JUNO_DATABASE_URL": address})
    assert as_json.code == 0 and "password=***" in as_json.out, as_json
    for result in (text, as_json, cli_process("--root", str(project), "check", env={"JUNO_DATABASE_URL": address})):
        _assert_hidden(result)


def _networks_project(project: Path) -> Path:
    path = project / "posts" / "schedule.yaml"
    text = re.sub(r"account:\n  handle: junocounseling.*\n  publisher: .*\n",
                  "accounts:\n  - {network: bluesky, handle: junocounseling.bsky.social}\n"
                  "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\"}\n",
                  path.read_text(encoding="utf-8"))
    assert "accounts:" in text
    path.write_text(text, encoding="utf-8")
    return project


@pytest.mark.parametrize("name, address", [
    ("BLUESKY_PDS_URL", "https://u:Sup3rSecretQ@127.0.0.1:9"),
    ("BLUESKY_PDS_URL", "https://u:Sup3r#SecretQ@127.0.0.1:9"),
    ("BLUESKY_PDS_URL", "https://127.0.0.1:9/?password=Sup3rSecretQ"),
    ("BLUESKY_PDS_URL", "https://:Sup3rSecretQ@127.0.0.1:9"),
    ("MASTODON_API_BASE", "https://u:Sup3rSecretQ@127.0.0.1:9"),
    ("MASTODON_API_BASE", "https://127.0.0.1:9/?password=Sup3rSecretQ"),
])
def test_a_network_address_with_credentials_is_refused_without_showing_them(project, cli_process, name, address):
    root = _networks_project(project)
    env = {"BLUESKY_APP_PASSWORD": "abcd-efgh-ijkl", "MASTODON_ACCESS_TOKEN": "token-123456789",
           "MASTODON_API_BASE": "https://127.0.0.1:9", name: address}
    check = cli_process("--root", str(root), "check", env=env)
    assert check.code == 2, check
    assert f"FAIL  {name.split('_')[0].lower()} credentials" in check.out and f"{name}='https://" in check.out, check
    for result in (check, cli_process("--root", str(root), "status", env=env),
                   cli_process("--root", str(root), "status", "--json", env=env)):
        _assert_hidden(result)
