"""The reference Bluesky PDS (@atproto/pds, with an in-memory PLC) as a real process for tests.

tests/pds/install.sh installs it (Node 22 and the npm packages, cached outside the clone) and links
tests/pds/node_modules; tests/pds/start.mjs starts it on free loopback ports and prints one JSON
line. `missing()` says why it cannot run here, for the skip message.
"""

from __future__ import annotations

import json
import os
import secrets
import selectors
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

HARNESS = Path(__file__).resolve().parent / "pds"
NODE = HARNESS / "node" / "node_modules" / "node" / "bin" / "node"
INSTALL_HINT = "run `make pds` (bash tests/pds/install.sh: npm, about two minutes the first time)"


def missing() -> str | None:
    """Why the harness cannot start here, or None when it can."""
    if not NODE.exists():
        return f"Node 22 is not installed at {NODE.relative_to(HARNESS.parent.parent)}"
    if not (HARNESS / "node_modules" / "@atproto" / "pds").exists():
        return "@atproto/pds is not installed under tests/pds/node_modules"
    if not list((HARNESS / "node_modules" / "better-sqlite3" / "build" / "Release").glob("*.node")):
        return "better-sqlite3 was not compiled under tests/pds/node_modules"
    return None


@dataclass(frozen=True)
class BlueskyAccount:
    handle: str
    did: str
    password: str        # the account's main password (creates app passwords)
    app_password: str    # what BLUESKY_APP_PASSWORD holds


class PdsServer:
    def __init__(self, process: subprocess.Popen, info: dict, log: Path):
        self.process = process
        self.url: str = info["pds"]
        self.plc: str = info["plc"]
        self.admin_password: str = info["admin_password"]
        self.handle_domain: str = info["handle_domain"]
        self.blob_upload_limit: int = info["blob_upload_limit"]
        self.log = log

    def xrpc(self, method: str, nsid: str, *, token: str | None = None, **kwargs) -> dict:
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = requests.request(method, f"{self.url}/xrpc/{nsid}", headers=headers, timeout=30, **kwargs)
        if not response.ok:
            raise AssertionError(f"{nsid} answered {response.status_code}: {response.text[:500]}")
        return response.json() if response.content else {}

    def create_account(self, name: str | None = None) -> BlueskyAccount:
        """A new account on this PDS (no invite needed) with an app password, as a person would set it up."""
        name = name or f"juno{secrets.token_hex(4)}"
        handle = f"{name}{self.handle_domain}"
        password = secrets.token_urlsafe(16)
        made = self.xrpc("POST", "com.atproto.server.createAccount",
                         json={"handle": handle, "email": f"{name}@example.com", "password": password})
        app = self.xrpc("POST", "com.atproto.server.createAppPassword", token=made["accessJwt"],
                        json={"name": "juno-scheduler"})
        return BlueskyAccount(handle=made["handle"], did=made["did"], password=password,
                              app_password=app["password"])

    def session_limit(self, account: BlueskyAccount) -> dict:
        """Log in once as `account`; the ratelimit-* headers of the answer (when rate limits are on)."""
        response = requests.post(f"{self.url}/xrpc/com.atproto.server.createSession", timeout=30,
                                 json={"identifier": account.handle, "password": account.app_password})
        response.raise_for_status()
        return {k.lower()[len("ratelimit-"):]: int(v) for k, v in response.headers.items()
                if k.lower().startswith("ratelimit-") and v.isdigit()}

    def get_record(self, did: str, collection: str, rkey: str) -> dict | None:
        response = requests.get(f"{self.url}/xrpc/com.atproto.repo.getRecord", timeout=30,
                                params={"repo": did, "collection": collection, "rkey": rkey})
        if response.status_code == 400 and "RecordNotFound" in response.text:
            return None
        response.raise_for_status()
        return response.json()

    def list_records(self, did: str, collection: str = "app.bsky.feed.post", *, every: bool = False) -> list[dict]:
        """The newest 100 records, or with `every` all of them (page by page)."""
        records: list[dict] = []
        cursor = None
        while True:
            params = {"repo": did, "collection": collection, "limit": 100, **({"cursor": cursor} if cursor else {})}
            answer = self.xrpc("GET", "com.atproto.repo.listRecords", params=params)
            records += answer["records"]
            cursor = answer.get("cursor")
            if not every or not cursor or not answer["records"]:
                return records

    def get_blob(self, did: str, cid: str) -> bytes:
        response = requests.get(f"{self.url}/xrpc/com.atproto.sync.getBlob", timeout=30,
                                params={"did": did, "cid": cid})
        response.raise_for_status()
        return response.content

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()  # start.mjs exits when its input closes
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(*, blob_upload_limit: int | None = None, rate_limits: bool = False, appview: tuple[str, str] | None = None,
          timeout: float = 90) -> PdsServer:
    """Start PLC + PDS on free loopback ports; returns once both answer. `appview`: (url, did) of the AppView
    the PDS passes app.bsky.* calls to (tests/fakeappview.py), as bsky.social passes them to api.bsky.app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PDS_", "LOG_"))}
    env["LOG_ENABLED"] = "false"
    if appview is not None:
        env["PDS_BSKY_APP_VIEW_URL"], env["PDS_BSKY_APP_VIEW_DID"] = appview
    if blob_upload_limit is not None:
        env["PDS_BLOB_UPLOAD_LIMIT"] = str(blob_upload_limit)
    if rate_limits:
        env["PDS_RATE_LIMITS_ENABLED"] = "true"
    process, info, log = launch(NODE, HARNESS, env, timeout, "PDS")
    server = PdsServer(process, info, log)
    deadline = time.monotonic() + timeout
    while True:  # the HTTP side is up once describeServer answers
        try:
            requests.get(f"{server.url}/xrpc/com.atproto.server.describeServer", timeout=5).raise_for_status()
            return server
        except requests.RequestException:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.1)


def launch(node: Path, harness: Path, env: dict, timeout: float, name: str) -> tuple[subprocess.Popen, dict, Path]:
    """Run harness/start.mjs under `node`; the process, the JSON line it prints once it runs, and its log."""
    log = Path(tempfile.mkstemp(prefix=f"juno-{name.lower()}-", suffix=".log")[1])
    with log.open("wb") as err:
        process = subprocess.Popen([str(node), str(harness / "start.mjs")], cwd=harness, env=env,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
    line = _first_line(process, timeout)
    if not line:
        process.kill()
        process.wait()
        raise RuntimeError(f"the {name} harness did not start within {timeout:.0f} s; its log: "
                           f"{log.read_text(errors='replace')[-2000:]}")
    return process, json.loads(line), log


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    buffer = b""
    while b"\n" not in buffer and time.monotonic() < deadline and process.poll() is None:
        if selector.select(timeout=0.2):
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
    selector.close()
    return buffer.split(b"\n", 1)[0].decode() if b"\n" in buffer else ""
