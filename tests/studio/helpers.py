"""A studio on a copy of the bundled project, driven through Starlette's test client."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from starlette.testclient import TestClient

from scheduler.studio import make_studio

SLUG = "what-to-do-when-one-partner-wants-counseling"
TIP = "resistance-isnt-necessarily-indifference"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # Tue 1 Dec 2026, 07:00 in New York
BASE = "http://127.0.0.1:8765"


class Studio:
    def __init__(self, root, now: datetime = NOW):
        self.root = root
        self.app, self.gate = make_studio(root, 8765, lambda: now)
        self.client = TestClient(self.app, base_url=BASE)
        self.csrf = None

    def sign_in(self) -> Studio:
        answer = self.client.get(self.gate.link().removeprefix(BASE), follow_redirects=False)
        assert answer.status_code == 303, answer.text
        self.csrf = self.gate.csrf_of(self.client.cookies.get(self.gate.cookie))
        return self

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict, *, csrf: bool = True, follow: bool = False, **kwargs):
        if csrf:
            data = {"csrf": self.csrf, **data}
        return self.client.post(path, data=data, follow_redirects=follow, **kwargs)

    def version(self, slug: str = SLUG) -> str:
        page = self.get(f"/c/{slug}").text
        return re.search(r'name="version" value="(\w+)"', page).group(1)

    def campaign_text(self, slug: str = SLUG) -> str:
        return (self.root / "posts" / f"{slug}.yaml").read_text(encoding="utf-8")

    def edit(self, tip: str = TIP, **values):
        version = values.pop("version", None) or self.version()
        return self.post(f"/c/{SLUG}/tips/{tip}/edit", {"version": version, **values})

    def status(self, status: str, tip: str = TIP, acknowledge=(), version=None):
        data = {"version": version or self.version(), "status": status}
        if acknowledge:
            data["acknowledge"] = list(acknowledge)
        return self.post(f"/c/{SLUG}/tips/{tip}/status", data)


def as_if_on_the_network(root, post_id: str) -> None:
    """The post run-due wrote into the outbox, recorded as one its network took (a remote id of X's): what a
    practice posting for real sees. The studio reads a post that went only to the outbox as simulated."""
    import sqlite3

    with sqlite3.connect(root / ".juno" / "juno.db") as conn:
        changed = conn.execute("UPDATE posts SET remote_id = '1860000000000000001', "
                               "url = 'https://x.com/junocounseling/status/1860000000000000001' "
                               "WHERE id = ? AND status = 'posted'", (post_id,)).rowcount
    assert changed == 1, f"{post_id} is not posted"


def planned(root, days: int = 90) -> dict[str, str]:
    """`plan --json` through the real command line: each post's id and local time."""
    import json

    from tests.conftest import run_cli

    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", str(days))
    assert result.code == 0, result
    return {row["id"]: row["at"] for row in json.loads(result.out)["posts"]}


def said(page: str) -> list[str]:
    """The banner's message after a change (a success or a refusal)."""
    return [html.unescape(m) for m in re.findall(r'class="said[^"]*" role="\w+" tabindex="0">([^<]*)<', page)]


def refused(page: str) -> bool:
    """The banner is the refusal kind (red, an alert), not the green success one."""
    return 'class="said refused" role="alert"' in page


def errors(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'class="error"[^>]*>([^<]*)<', page)]
