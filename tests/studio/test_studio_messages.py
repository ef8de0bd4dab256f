"""Each signed-in browser sees the messages of its own changes, once, and never another browser's (issue 19's
third user trial: the one message was the studio's, so a laptop's "Approved ..." could open on the phone's next page
and the laptop never saw it)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.studio.helpers import SLUG, TIP, refused, said
from tests.studio.server import StudioProcess
from tests.studio.test_studio_housekeeping import next_link


def signed_in(studio: StudioProcess, link: str) -> httpx.Client:
    """A browser of its own (its own cookie jar) signed in with `link`."""
    client = httpx.Client(base_url=studio.base, follow_redirects=False, timeout=30)
    assert client.get(link).status_code == 303
    return client


def form_of(client: httpx.Client, path: str) -> dict[str, str]:
    """The CSRF token and the campaign's version, as the page's forms carry them."""
    page = client.get(path).text
    return {"csrf": re.search(r'name="csrf" value="([^"]+)"', page).group(1),
            "version": re.search(r'name="version" value="(\w+)"', page).group(1)}


@pytest.mark.slow
def test_a_message_goes_to_the_browser_that_acted_once_and_to_no_other(project):
    studio = StudioProcess(project)
    try:
        laptop = signed_in(studio, studio.link)
        assert httpx.get(studio.base + "/").status_code == 401  # a browser without the cookie: a new link printed
        phone = signed_in(studio, next_link(studio))

        approved = laptop.post(f"/c/{SLUG}/tips/{TIP}/status",
                               data={**form_of(laptop, f"/c/{SLUG}"), "status": "approved"})
        assert approved.status_code == 303
        # the phone loads a page between the laptop's change and the laptop's next page
        for path in ("/queue", f"/c/{SLUG}", "/"):
            assert said(phone.get(path).text) == [], path
        back = laptop.get(approved.headers["location"]).text
        assert [line[:len(f"Approved {TIP}")] for line in said(back)] == [f"Approved {TIP}"]
        assert said(laptop.get(f"/c/{SLUG}").text) == []  # once

        # a refusal too: the phone's, on the phone only
        nothing = phone.post("/undo", data={"csrf": form_of(phone, f"/c/{SLUG}")["csrf"], "change": "none"})
        assert nothing.status_code == 303
        assert said(laptop.get("/").text) == []
        page = phone.get(nothing.headers["location"]).text
        assert refused(page) and len(said(page)) == 1 and said(page)[0].startswith("Nothing")
        assert said(phone.get("/").text) == []
        laptop.close()
        phone.close()
    finally:
        studio.stop()
