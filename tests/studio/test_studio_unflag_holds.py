"""A flag a person took off holds for the words she judged (user trial 10: she deleted `sensitive` from a tip about
the beliefs trauma leaves, in the campaign file and with "This sensitive flag is wrong"; a small edit in the studio
then said "Its new words speak of 'trauma'", flagged it again and sent the approved tip back to draft). An edit
flags a tip again only for sensitive words its words before did not have, and says which."""

from __future__ import annotations

import json

import yaml

from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, said

FOOTER = "If you are in crisis, call or text 988."
BELIEFS = ("After trauma, old beliefs can shift: “I’m not safe,” “I can’t trust anyone,” “It was my fault.” "
           "Naming the belief is a first step.")


def tip_data(root) -> dict:
    text = (root / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    return next(t for t in yaml.safe_load(text)["tips"] if t["id"] == TIP)


def queued(root) -> str | None:
    """The tip's post as plan shows it (None: not in the queue)."""
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW.isoformat(), "--days", "90")
    assert result.code == 0, result
    return next((row["text"] for row in json.loads(result.out)["posts"] if row["id"] == f"{SLUG}/{TIP}"), None)


def beliefs_tip(root, review: str) -> None:
    """The tip rewritten in the campaign file as split writes a tip of the trial's kind, with `review` as given."""
    path = root / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {TIP}\n")
    end = text.index("  - id: ", start + 1)
    item = (f"  - id: {TIP}\n    headline: \"Trauma can shift our beliefs.\"\n    text: {json.dumps(BELIEFS)}\n"
            f"    status: draft\n    section: \"What Resistance Is (and Isn’t)\"\n"
            f"    source: {{paragraph: 7, sentence: 1, digest: c50136164be1}}\n    review: [{review}]\n")
    if review:
        item += "    review_words: {sensitive: [trauma, “i’m not safe”]}\n"
    path.write_text(text[:start] + item + text[end:], encoding="utf-8")


def test_a_flag_deleted_in_the_file_stays_off_through_a_small_edit_and_the_tip_stays_queued(project):
    beliefs_tip(project, "sensitive")
    studio = Studio(project).sign_in()
    beliefs_tip(project, "")  # she deletes it from review:, as approve told her
    assert studio.status("approved").status_code == 303
    assert FOOTER not in (queued(project) or "")

    edited = BELIEFS.replace("a first step", "a good first step")
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {"version": studio.version(), "text": edited}, follow=True)
    message = " ".join(said(answer.text))
    assert "flagged sensitive" not in message and "back to draft" not in message, message
    tip = tip_data(project)
    assert not tip.get("review") and tip["status"] == "approved", tip
    post = queued(project)
    assert post is not None and "a good first step" in post and FOOTER not in post, post

    # words she has not judged flag it again, and Save names only those, and says review is open again
    worse = edited + " Abuse in childhood can leave the same marks."
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {"version": studio.version(), "text": worse}, follow=True)
    message = " ".join(said(answer.text))
    assert "flagged sensitive" in message and "“abuse" in message and "“trauma”" not in message, message
    assert "re-opens review" in message and "back to draft and out of the queue" in message, message
    tip = tip_data(project)
    assert tip["review"] == ["sensitive"] and tip["status"] == "draft", tip
    assert all("trauma" not in word for word in tip["review_words"]["sensitive"]), tip
    assert queued(project) is None


def test_a_flag_taken_off_in_the_studio_stays_off_through_a_small_edit(project):
    beliefs_tip(project, "sensitive")
    studio = Studio(project).sign_in()
    assert studio.status("approved", acknowledge=["sensitive"]).status_code == 303
    assert FOOTER in queued(project)
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/flag", {"version": studio.version(), "flag": "sensitive"}, follow=True)
    assert "Took the sensitive flag off" in " ".join(said(answer.text))

    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/edit",
                         {"version": studio.version(), "headline": "Trauma can shift what we believe."}, follow=True)
    message = " ".join(said(answer.text))
    assert "flagged sensitive" not in message and "trauma" not in message.lower(), message
    tip = tip_data(project)
    assert not tip.get("review") and tip["status"] == "approved", tip
    post = queued(project)
    assert post is not None and FOOTER not in post, post
