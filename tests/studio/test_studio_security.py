"""Who may talk to the studio: the one-time link, the cookie, the Host, the CSRF token, the CSP."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from scheduler.studio.security import MAX_SESSIONS
from tests.studio.helpers import BASE, SLUG, TIP, Studio


@pytest.fixture
def studio(project):
    return Studio(project)


def test_without_the_cookie_every_page_is_401_with_one_line_of_html_saying_how_to_get_a_link(studio):
    for path in ("/", f"/c/{SLUG}", "/calendar", "/queue", "/analytics", f"/cards/{SLUG}/{TIP}.png",
                 "/static/studio.js"):
        answer = studio.get(path)
        assert answer.status_code == 401, path
        assert answer.text.count("\n") == 1 and "juno-scheduler studio" in answer.text
        assert answer.text.startswith('<!doctype html><html lang="en">')  # a page a screen reader reads (axe)
        assert "<title>Not signed in" in answer.text and "<main><h1>Not signed in</h1>" in answer.text
    other = browser(studio)  # a signed-in browser's token does not let one without the cookie in
    assert studio.client.post("/undo", data={"csrf": other.csrf}).status_code == 401


def test_the_link_gives_an_httponly_samesite_strict_cookie_and_works_once(studio):
    path = studio.gate.link().removeprefix(BASE)
    first = studio.get(path, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    cookie = first.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert studio.get("/").status_code == 200

    replay = TestClient(studio.app, base_url=BASE).get(path, follow_redirects=False)
    assert replay.status_code == 401 and "used already" in replay.text
    assert studio.gate.login_token is None


def browser(studio: Studio) -> Studio:
    """Another browser on the same studio, signed in with the next link printed."""
    other = Studio.__new__(Studio)
    other.root, other.app, other.gate = studio.root, studio.app, studio.gate
    other.client = TestClient(studio.app, base_url=BASE)
    studio.gate.announce = lambda link: None
    if studio.gate.login_token is None:
        assert other.get("/").status_code == 401  # the studio prints a new link where it runs
    return other.sign_in()


def test_several_browsers_stay_signed_in_each_with_its_own_csrf_token(studio):
    """A user trial: browser B's sign-in signed browser A out; a laptop and a phone at once is the normal case."""
    studio.sign_in()
    phone = browser(studio)
    assert studio.get("/").status_code == 200 and phone.get("/").status_code == 200
    assert studio.csrf != phone.csrf
    undo = {"change": "none"}
    assert studio.client.post("/undo", data={"csrf": phone.csrf, **undo}).status_code == 403  # not its own
    assert studio.post("/undo", undo).status_code != 403 and phone.post("/undo", undo).status_code != 403
    assert studio.get("/").status_code == 200


def test_sessions_are_bounded_the_oldest_ended_first_and_a_restart_ends_all(studio):
    studio.sign_in()
    later = [browser(studio) for _ in range(MAX_SESSIONS - 1)]
    assert studio.get("/").status_code == 200
    browser(studio)  # one more than MAX_SESSIONS: the oldest, the first browser, is signed out
    assert studio.get("/").status_code == 401
    assert all(other.get("/").status_code == 200 for other in later)
    restarted = Studio(studio.root)  # the studio run again: no session of the last run lets anyone in
    restarted.client.cookies.set(restarted.gate.cookie, later[-1].client.cookies.get(studio.gate.cookie))
    assert restarted.get("/").status_code == 401


def test_a_wrong_token_opens_nothing_and_does_not_burn_the_real_one(studio):
    assert studio.get("/login?token=guess", follow_redirects=False).status_code == 401
    assert studio.get("/login", follow_redirects=False).status_code == 401
    studio.sign_in()
    assert studio.get("/").status_code == 200


def test_a_cookie_from_a_guess_is_refused(studio):
    studio.sign_in()
    studio.client.cookies.clear()
    studio.client.cookies.set(studio.gate.cookie, "not-the-session")
    assert studio.get("/").status_code == 401


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "attacker.test"])
def test_a_request_for_another_host_is_refused_even_with_the_cookie(studio, host):
    link = studio.gate.link().removeprefix(BASE)
    login = studio.client.get(link, headers={"host": host})
    assert login.status_code == 400 and studio.gate.login_token is not None  # a rebinding page cannot use it up
    studio.sign_in()
    answer = studio.get("/", headers={"host": host})
    assert answer.status_code == 400 and "127.0.0.1:8765" in answer.text


def test_localhost_with_the_port_is_the_same_studio(studio):
    studio.sign_in()
    assert studio.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_a_post_without_the_csrf_token_changes_nothing(studio):
    studio.sign_in()
    before = studio.campaign_text()
    version = studio.version()
    for data in ({"version": version, "status": "approved"},
                 {"version": version, "status": "approved", "csrf": "wrong"}):
        answer = studio.post(f"/c/{SLUG}/tips/{TIP}/status", data, csrf=False)
        assert answer.status_code == 403 and "CSRF" in answer.text
    assert studio.campaign_text() == before
    assert not (studio.root / ".juno" / "audit.jsonl").exists()


def test_the_csrf_header_is_accepted_like_the_form_field(studio):
    studio.sign_in()
    answer = studio.client.post("/undo", headers={"x-csrf-token": studio.csrf}, follow_redirects=False)
    assert answer.status_code == 303


def test_a_post_from_another_origin_is_refused(studio):
    studio.sign_in()
    answer = studio.client.post("/undo", data={"csrf": studio.csrf}, headers={"origin": "http://evil.example"})
    assert answer.status_code == 403


def test_every_answer_carries_a_strict_csp_and_no_framing(studio):
    for answer in (studio.get("/"), studio.get("/favicon.ico")):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert answer.headers["x-content-type-options"] == "nosniff"
    studio.sign_in()
    page = studio.get(f"/c/{SLUG}").text
    assert "<script>" not in page and " style=" not in page and "onclick" not in page  # nothing inline to allow


def test_the_favicon_is_served_so_the_browser_logs_no_404(studio):
    answer = studio.get("/favicon.ico")
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/x-icon"
    assert answer.content[:4] == b"\x00\x00\x01\x00"
