"""No address answers a browser's GET with 405 (a change's address reloaded, bookmarked or reached by Back), and a
refused change's words are kept at an address of their own (a third user trial, finding D)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from tests.studio.helpers import SLUG, TIP, Studio, errors

POSTED = {  # every address that takes only a POST: where a GET of it goes
    "/articles": "/", f"/c/{SLUG}/tips/new": f"/c/{SLUG}", f"/c/{SLUG}/links": f"/c/{SLUG}",
    f"/c/{SLUG}/tips/{TIP}/edit": f"/c/{SLUG}", f"/c/{SLUG}/tips/{TIP}/status": f"/c/{SLUG}",
    f"/c/{SLUG}/tips/{TIP}/reorder": f"/c/{SLUG}", "/posts/move": "/calendar", "/do/retry": "/queue",
    "/queue/selected": "/queue", f"/archived/{SLUG}/restore": "/", "/undo": "/",
}


@pytest.mark.parametrize("path", sorted(POSTED))
def test_a_get_of_a_change_address_goes_to_its_page(project, path):
    studio = Studio(project).sign_in()
    answer = studio.get(path, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == POSTED[path], (answer.status_code,
                                                                                       answer.headers)
    assert studio.get(path).status_code == 200


def kept_address(page: str) -> str:
    return re.search(r'data-address="([^"]+)"', page).group(1)


def test_a_refused_save_is_kept_at_its_own_address_across_undo(project):
    studio = Studio(project).sign_in()
    typed = "Ask what worries your partner, and listen to the whole answer."
    refused = studio.edit(headline="", text=typed)
    assert refused.status_code == 422
    address = kept_address(refused.text)
    assert address.startswith(f"/c/{SLUG}?kept="), address
    undo = re.search(r'action="/undo\?back=([^"]+)"', refused.text).group(1)
    assert unquote(undo) == address  # Undo comes back here, not to the Save's address

    again = studio.get(address)
    assert again.status_code == 200 and typed in again.text and errors(again.text) == errors(refused.text)
    undone = studio.post(f"/undo?back={address}", {}, follow=True)  # nothing to undo: the refusal changed nothing
    assert undone.status_code == 200 and "Nothing to undo." in undone.text and typed in undone.text

    forgotten = studio.get(f"/c/{SLUG}?kept=nosuchtoken")
    assert forgotten.status_code == 200 and "no longer kept" in forgotten.text
