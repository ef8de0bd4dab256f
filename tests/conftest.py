"""Fixtures that provide real resources: a project folder, the CLI as a real process, PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("JUNO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (posts/ and assets/) in a fresh folder."""
    root = tmp_path / "project"
    root.mkdir()
    for part in ("posts", "assets"):
        if (REPO / part).exists():
            shutil.copytree(REPO / part, root / part)
    return root


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[-2000:]!r}, err={self.err[-2000:]!r})"


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120,
            input: str | None = None) -> CliResult:
    """Run `python -m scheduler ARGS` as a real process (the same entry point as the console script)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_", "MASTODON_", "BLUESKY_"))}
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "scheduler", *args], cwd=cwd or REPO, env=full_env,
                          capture_output=True, text=True, timeout=timeout, input=input)
    return CliResult(proc)


@pytest.fixture
def card(tmp_path: Path) -> Path:
    """A card-sized PNG, for the publishers."""
    from PIL import Image

    path = tmp_path / "card.png"
    Image.new("RGB", (1200, 675), (32, 96, 96)).save(path)
    return path


@pytest.fixture
def cli():
    return run_cli


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" here
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is unreachable under CI=true: {problem}")
        pytest.skip(f"PostgreSQL unreachable: {problem}")
    return PG_URL


@pytest.fixture
def pg_url(pg_server: str):
    """A database URL whose search_path is a fresh schema, dropped afterwards."""
    import psycopg

    schema = f"juno_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    """The same store tests on both backends: a fresh SQLite file, a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'juno.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def pds():
    """The reference Bluesky PDS on loopback (tests/pds/): skipped when not installed, fails under CI=true."""
    from tests import pdsserver

    problem = pdsserver.missing()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Bluesky PDS harness is missing under CI=true: {problem}; .ci/run installs it "
                        "with tests/pds/install.sh")
        pytest.skip(f"Bluesky PDS harness not installed: {problem}; {pdsserver.INSTALL_HINT}")
    server = pdsserver.start()
    yield server
    server.stop()
