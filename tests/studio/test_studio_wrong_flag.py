"""A flag split raised wrongly is taken off in the studio, as deleting it from `review:` would, and Undo puts it back
(user trial 3, finding 2: "after the storm" flagged a couples tip sensitive, and a manager working only in the studio
could not keep the crisis line off it)."""

from __future__ import annotations

import html
import json

import yaml

from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, said
from tests.studio.test_studio_scheduling import flag

FOOTER = "If you are in crisis, call or text 988."


def tip_data(studio) -> dict:
    return next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == TIP)


def queued_text(root) -> str:
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", "90")
    assert result.code == 0, result
    return next(row["text"] for row in json.loads(result.out)["posts"] if row["id"] == f"{SLUG}/{TIP}")


def test_a_wrong_flag_is_taken_off_in_the_studio_and_undo_puts_it_back(project):
    studio = Studio(project).sign_in()
    flag(studio, TIP, "sensitive")
    assert studio.status("approved", acknowledge=["sensitive"]).status_code == 303
    assert FOOTER in queued_text(project)

    page = studio.get(f"/c/{SLUG}").text
    assert '<button type="submit" name="flag" value="sensitive">This sensitive flag is wrong</button>' in page
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/flag", {"version": studio.version(), "flag": "sensitive"},
                         follow=True)
    assert f"Took the sensitive flag off {TIP}. Undo puts it back." in said(answer.text)
    tip = tip_data(studio)
    assert "sensitive" not in (tip.get("review") or []) and "sensitive" not in (tip.get("reviewed") or [])
    assert tip["status"] == "approved" and FOOTER not in queued_text(project), "its post loses the crisis footer"

    page = studio.post(f"/undo?back=/c/{SLUG}", {}, follow=True).text
    assert "Undid" in html.unescape(page)
    tip = tip_data(studio)
    assert tip["review"] == ["sensitive"] and tip["reviewed"] == ["sensitive"]
    assert FOOTER in queued_text(project)
