"""The studio as a real server: 127.0.0.1 only, a one-time link, a clean Ctrl-C, a clear message for a taken port."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from scheduler.articles import MAX_TEXT
from tests.conftest import REPO, run_cli
from tests.studio.server import StudioProcess

pytestmark = pytest.mark.slow


def fetch(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(request, timeout=10)
    except urllib.error.HTTPError as exc:
        return exc


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_link_signs_in_once_and_ctrl_c_stops_cleanly(project):
    studio = StudioProcess(project)
    try:
        assert fetch(studio.base + "/").status == 401
        first = fetch(studio.link)
        assert first.status == 303
        cookie = first.headers["Set-Cookie"].split(";", 1)[0]
        assert fetch(studio.base + "/", cookie).status == 200
        assert fetch(studio.link).status == 401  # replayed
        with pytest.raises(OSError):  # nothing listens on the other addresses
            socket.create_connection((_outward_address(), studio.port), timeout=1).close()
    finally:
        code, _out, err = studio.interrupt()
    assert code == 0
    assert "Traceback" not in err and "studio stopped" in err


def _outward_address() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.2"
    return address if address != "127.0.0.1" else "127.0.0.2"


def test_a_taken_port_is_one_line_and_exit_2(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        result = run_cli("--root", str(project), "studio", "--no-open", "--port", str(taken.getsockname()[1]))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "is taken" in result.err and "--port" in result.err


LONG = MAX_TEXT - 10_000  # what split reads of a Markdown article is a little shorter than its file


def long_article() -> str:
    """Just under split's limit of characters (scheduler.articles.MAX_TEXT; the studio takes uploads to 500,000) of the
    test articles, each copy's headings and sentences made its own so that split reads every one: seconds of
    splitting."""
    parts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests/data/articles").glob("*.md"))]
    copies, copy = [], 0
    while sum(map(len, copies)) < LONG:
        for part in parts:
            part = re.sub(r"(?m)^#+ (.*)$", lambda m, n=copy: f"## {m.group(1)} (part {n})", part)
            copies.append(re.sub(r"\. ([A-Z])", lambda m, n=copy: f". In case {n}, {m.group(1).lower()}", part))
        copy += 1
    return "\n\n".join(copies)[:LONG]


def test_the_studio_answers_while_a_long_article_splits(project):
    """A user trial: adding a long article froze every page until its split ended. The split runs beside the
    server now; this asks for a page while it is under way, and the page comes before the split is done."""
    articles = project / "posts" / "articles"
    before = set(articles.iterdir())
    studio = StudioProcess(project)
    try:
        cookie = fetch(studio.link).headers["Set-Cookie"].split(";", 1)[0]
        home = fetch(studio.base + "/", cookie).read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', home).group(1)
        form = urllib.parse.urlencode({"csrf": csrf, "title": "A long article", "article": long_article()}).encode()
        answers = []
        request = urllib.request.Request(studio.base + "/articles", data=form, headers={"Cookie": cookie})

        def add():
            try:
                answers.append(urllib.request.build_opener(NoRedirect).open(request, timeout=300))
            except urllib.error.HTTPError as answer:  # the 303 back to the new campaign's page
                answers.append(answer)

        adding = threading.Thread(target=add)
        adding.start()
        deadline = time.monotonic() + 120
        while set(articles.iterdir()) == before and adding.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)  # the article is saved, then split
        assert adding.is_alive(), "the split ended before a page was asked for: make the article longer"
        page = fetch(studio.base + "/changes", cookie)
        assert page.status == 200
        assert adding.is_alive() and not (project / "posts" / "a-long-article.yaml").exists(), \
            "the page waited for the split to end"
        adding.join(300)
    finally:
        studio.stop()
    assert answers and answers[0].status == 303, answers
    assert (project / "posts" / "a-long-article.yaml").exists()
