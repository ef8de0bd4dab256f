"""`check` opens the database as run-due does and tries the folders run-due writes in: an on-call report found it
"all ok" (exit 0) with the database read-only, damaged or on a wrong port, or .juno/outbox/ unwritable, while
run-due failed every run and told them to "fix it, then run `check`"."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest


@contextmanager
def immutable(path: Path):
    """No one may write `path`: not this user (mode), nor root (the immutable attribute)."""
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def _lines(result, status: str) -> list[str]:
    return [line for line in result.out.splitlines() if line.startswith(status)]


def _queued(project: Path, cli_process) -> Path:
    """The bundled project with its database made (as `queue` makes it)."""
    assert cli_process("--root", str(project), "status").code == 0
    database = project / ".juno" / "juno.db"
    assert database.is_file()
    return database


def test_a_project_in_order_passes_and_check_makes_no_database(project, cli_process):
    result = cli_process("--root", str(project), "check")
    assert result.code == 0, result
    assert "ok    database       sqlite:///" in result.out and "not made yet; `queue` makes it" in result.out, result
    assert "ok    folders        .juno/, .juno/cards/, .juno/outbox/: writable" in result.out, result
    assert not (project / ".juno" / "juno.db").exists()
    _queued(project, cli_process)
    again = cli_process("--root", str(project), "check")
    assert again.code == 0 and "opens for writing, as run-due opens it" in again.out, again


def test_a_read_only_database_fails_check_as_it_fails_run_due(project, cli_process):
    database = _queued(project, cli_process)
    with immutable(database):
        check = cli_process("--root", str(project), "check")
        run = cli_process("--root", str(project), "run-due")
    assert run.code != 0, run
    assert check.code == 1, check
    [failed] = _lines(check, "FAIL")
    assert failed.startswith("FAIL  database       cannot use the database sqlite:///") and \
        "let this user read and write the database file" in failed, check


def test_a_damaged_database_fails_check(project, cli_process):
    database = _queued(project, cli_process)
    database.write_bytes(b"not a database\n" * 300)
    check = cli_process("--root", str(project), "check")
    assert check.code == 1, check
    [failed] = _lines(check, "FAIL")
    assert "the file is damaged or is not a database" in failed, check


def test_postgresql_on_a_wrong_port_fails_check(project, cli_process):
    check = cli_process("--root", str(project), "check",
                        env={"JUNO_DATABASE_URL": "postgresql://postgres@127.0.0.1:9/test?connect_timeout=2"})
    assert check.code == 1, check
    [failed] = _lines(check, "FAIL")
    assert "port 9 failed" in failed and "that the server runs" in failed, check


@pytest.mark.parametrize("address, words", [
    ("postgresql://postgres@127.0.0.1:5432/juno_no_such_database", 'database "juno_no_such_database" does not exist'),
    ("postgresql://juno_no_such_role@127.0.0.1:5432/test", 'role "juno_no_such_role" does not exist'),
    ("postgresql://postgres@127.0.0.1:5432/test?sslmode=bogus", 'invalid sslmode value: "bogus"'),
])
def test_a_database_or_role_or_option_the_server_refuses_is_a_configuration_mistake(project, cli_process, pg_server,
                                                                                     address, words):
    for command in ("check", "status"):
        result = cli_process("--root", str(project), command, env={"JUNO_DATABASE_URL": address})
        assert result.code == 2, result
        assert words in result.out + result.err and "fix JUNO_DATABASE_URL" in result.out + result.err, result


def test_check_on_a_fresh_postgresql_schema_opens_it_and_leaves_it_empty(project, cli_process, pg_url):
    check = cli_process("--root", str(project), "check", env={"JUNO_DATABASE_URL": pg_url})
    assert check.code == 0 and "opens for writing, as run-due opens it" in check.out, check
    with psycopg.connect(pg_url) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = current_schema()").fetchone()[0]
    assert tables == 0


@pytest.mark.parametrize("folder", [".juno", ".juno/outbox"])
def test_an_unwritable_folder_run_due_writes_in_fails_check(project, cli_process, folder):
    _queued(project, cli_process)
    (project / folder).mkdir(parents=True, exist_ok=True)
    with immutable(project / folder):
        check = cli_process("--root", str(project), "check")
    assert check.code == 2, check
    failed = [line for line in _lines(check, "FAIL") if line.startswith("FAIL  folders")]
    assert len(failed) == 1 and failed[0].startswith(f"FAIL  folders        {folder}/ cannot be written ("), check
    assert failed[0].endswith("): run-due writes there; let this user write there"), check


def test_an_outbox_that_is_a_file_fails_check(project, cli_process):
    (project / ".juno").mkdir()
    (project / ".juno" / "outbox").write_text("", encoding="utf-8")
    check = cli_process("--root", str(project), "check")
    assert check.code == 2, check
    assert "FAIL  folders        .juno/outbox is not a folder, and run-due writes in .juno/outbox/; move it away" \
        in check.out, check
