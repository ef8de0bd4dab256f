"""The real Bluesky AppView for tests: @atproto/dev-env's TestNetwork (PLC, PDS and AppView on loopback) as
a process, over the PostgreSQL server of the tests and a Redis of its own.

tests/appview/install.sh installs it (Node 22 and the npm packages, cached outside the clone); start()
starts redis-server on a free port and tests/appview/start.mjs, and returns an AppViewNetwork whose `pds` is a
tests.pdsserver.PdsServer (create_account, xrpc ...) and which makes other accounts like, repost, reply to and
quote a post (`interact`), the AppView indexing it all. `missing()` says why it cannot run here.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import string
import subprocess
from pathlib import Path

from tests.pdsserver import PdsServer, launch

HARNESS = Path(__file__).resolve().parent / "appview"
NODE = HARNESS / "node" / "node_modules" / "node" / "bin" / "node"
INSTALL_HINT = "run bash tests/appview/install.sh (npm, about eight minutes the first time)"
PG_URL = os.environ.get("JUNO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def missing() -> str | None:
    """Why the harness cannot start here, or None when it can."""
    if not NODE.exists():
        return f"Node 22 is not installed at {NODE.relative_to(HARNESS.parent.parent)}"
    if not (HARNESS / "node_modules" / "@atproto" / "dev-env").exists():
        return "@atproto/dev-env is not installed under tests/appview/node_modules"
    if shutil.which("redis-server") is None:
        return "redis-server is not on the PATH (the AppView needs Redis)"
    return None


class AppViewNetwork:
    def __init__(self, process: subprocess.Popen, info: dict, log: Path, redis: subprocess.Popen, schema: str):
        self.process, self.redis, self.schema = process, redis, schema
        self.bsky_url: str = info["bsky"]
        self.pds = PdsServer(process, {"pds": info["pds"], "plc": info["plc"], "admin_password": "admin-pass",
                                       "handle_domain": ".test", "blob_upload_limit": 5_000_000}, log)

    def command(self, **command) -> None:
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        answer = json.loads(line) if line else {"ok": False, "error": "the harness ended"}
        if not answer["ok"]:
            raise AssertionError(f"the AppView harness: {answer['error'][:2000]}")

    def interact(self, uri: str, cid: str, *, likes: int = 0, reposts: int = 0, replies: int = 0,
                 quotes: int = 0) -> None:
        """Other accounts like, repost, reply to and quote the post; returns once the AppView has indexed it."""
        self.command(op="interact", uri=uri, cid=cid, likes=likes, reposts=reposts, replies=replies, quotes=quotes)

    def stop(self) -> None:
        self.pds.stop()
        self.redis.terminate()
        self.redis.wait(timeout=30)
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for (name,) in conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s",
                                        (f"%{self.schema}",)).fetchall():
                conn.execute(f'DROP SCHEMA "{name}" CASCADE')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(timeout: float = 180) -> AppViewNetwork:
    """Start Redis and the dev-env network on free loopback ports; returns once the PDS and AppView answer."""
    port = _free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    schema = "juno_" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))  # [A-Za-z_] only
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PDS_", "LOG_", "DB_", "REDIS_"))}
    env.update(LOG_ENABLED="false", DB_POSTGRES_URL=PG_URL, DB_POSTGRES_SCHEMA=schema, REDIS_HOST=f"127.0.0.1:{port}")
    try:
        process, info, log = launch(NODE, HARNESS, env, timeout, "AppView")
    except RuntimeError:
        redis.terminate()
        raise
    return AppViewNetwork(process, info, log, redis, schema)
