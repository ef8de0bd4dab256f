"""What a hostile tester tried (issue 21, item 10): each answers one clear 4xx page with a way back, never a 500."""

from __future__ import annotations

import http.client
import json
import socket

import pytest
from starlette.testclient import TestClient

from scheduler.studio import make_studio
from tests.conftest import run_cli
from tests.studio.helpers import BASE, NOW, SLUG, TIP, Studio, refused, said
from tests.studio.server import StudioProcess

POST = f"{SLUG}/{TIP}"


@pytest.fixture
def studio(project):
    """A studio whose test client answers a server error as a 500, as a browser would see it."""
    made = Studio(project)
    made.client = TestClient(made.app, base_url=BASE, raise_server_exceptions=False)
    return made.sign_in()


@pytest.mark.parametrize("path", ["/calendar?day=9999-12-31", "/calendar?day=0001-01-01",
                                  "/calendar?mode=week&day=9999-12-31", "/calendar?mode=week&day=0001-01-01",
                                  "/c/" + "a" * 300, f"/cards/{'a' * 300}/{TIP}.png", "/c/..%2Fschedule"])
def test_a_bad_address_is_one_clear_page_with_a_way_back(studio, path):
    answer = studio.get(path)
    assert answer.status_code in (400, 404), answer.text[:300]
    assert 'role="alert"' in answer.text and "<a href=\"/" in answer.text


def test_a_headline_of_thousands_of_combining_marks_is_refused_in_the_preview(studio):
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"headline": "a" + "\u0301" * 4000})
    assert answer.status_code == 200
    data = answer.json()
    assert data["card"] is None and "over 120" in data["error"] and data["headline_length"] == 4001


@pytest.mark.parametrize("when, expected", [("9999-12-31T10:00", "give a day in the years 2000 to 2200"),
                                            ("0001-01-01T10:00", "give a day in the years 2000 to 2200"),
                                            ("2026-12-05", "has no time; give the day and the time")])
def test_a_move_to_a_far_year_or_to_a_day_alone_is_refused(studio, when, expected):
    studio.status("approved")
    before = studio.campaign_text()
    answer = studio.post("/posts/move", {"post": POST, "at": when}, follow=True)
    assert answer.status_code == 200 and refused(answer.text)
    assert expected in said(answer.text)[0]
    assert studio.campaign_text() == before


def test_an_upload_over_the_limit_is_refused_as_it_streams(studio):
    def body():  # no Content-Length: the guard counts the bytes as they come
        for _ in range(80):
            yield b"x" * 65536
    answer = studio.client.post("/articles", content=body(), headers={
        "content-type": "multipart/form-data; boundary=zz", "x-csrf-token": studio.csrf})
    assert answer.status_code == 413 and "2 MB" in answer.text
    declared = studio.client.post("/articles", content=b"x", headers={
        "content-type": "multipart/form-data; boundary=zz", "content-length": "900000000", "x-csrf-token": studio.csrf})
    assert declared.status_code == 413
    assert not list((studio.root / "posts" / "articles").glob("x*"))


def test_two_studios_on_two_ports_keep_their_own_sign_in(project):
    jar = {}  # one browser: it sends every 127.0.0.1 cookie to every port (cookies do not keep ports apart)
    studios = []
    for port in (8765, 8766):
        app, gate = make_studio(project, port, lambda: NOW)
        client = TestClient(app, base_url=f"http://127.0.0.1:{port}")
        signed = client.get(gate.link().removeprefix(f"http://127.0.0.1:{port}"), follow_redirects=False)
        name, value = signed.headers["set-cookie"].split(";", 1)[0].split("=", 1)
        jar[name] = value
        studios.append(client)
    assert set(jar) == {"juno_studio_8765", "juno_studio_8766"}
    header = "; ".join(f"{k}={v}" for k, v in jar.items())
    for client in studios:
        client.cookies.clear()
        assert client.get("/", headers={"cookie": header}).status_code == 200


def test_a_broken_campaign_file_leaves_the_campaigns_page_working(studio):
    (studio.root / "posts" / "broken.yaml").write_text("tips: [unclosed\n", encoding="utf-8")
    page = studio.get("/")
    assert page.status_code == 200
    assert "posts/broken.yaml" in page.text and "cannot be read" in page.text
    assert f'href="/c/{SLUG}"' in page.text  # the good one still shows


@pytest.mark.parametrize("title, slug", [("Отдых — это навык", "article-2026-12-01"),
                                         ("\U0001F49E\U0001F331", "revolving-hearts-seedling"),
                                         ("Rest, and the café", "rest-and-the-cafe")])
def test_a_non_latin_or_emoji_title_gets_a_meaningful_slug(studio, title, slug):
    answer = studio.post("/articles", {"title": title, "article": "Rest is a skill you can practise daily.\n\n" * 3},
                         follow=True)
    assert answer.status_code == 200, said(answer.text)
    assert (studio.root / "posts" / f"{slug}.yaml").exists()


def test_a_port_out_of_range_is_one_line_and_exit_2(project):
    result = run_cli("--root", str(project), "studio", "--no-open", "--port", "70000")
    assert result.code == 2, result
    assert result.err.count("\n") == 1 and "--port 70000" in result.err and "65535" in result.err


@pytest.mark.slow
def test_restarting_on_the_same_port_works_at_once(project):
    first = StudioProcess(project)
    port = first.port
    browser = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # a browser keeps its connection open
    try:
        browser.request("GET", "/favicon.ico")
        assert browser.getresponse().read()
    finally:
        first.stop()  # so the studio closes it first: the port waits in TIME_WAIT
        browser.close()
    second = StudioProcess(project, "--port", str(port))  # TIME_WAIT on the port does not refuse it
    try:
        assert second.port == port
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        second.stop()


def test_the_audit_log_read_defensively_by_the_cli_undo_source(studio):
    log = studio.root / ".juno" / "audit.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b'{"id": 1}\nnull\n"text"\n{"id": "a", "what": "edit", "before": 3}\n')
    assert studio.get("/changes").status_code == 200
    answer = studio.post("/undo", {}, follow=True)
    assert answer.status_code == 200 and "Nothing to undo" in said(answer.text)[0]
    assert json.loads(log.read_text().splitlines()[0]) == {"id": 1}  # nothing rewritten
