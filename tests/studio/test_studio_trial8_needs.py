"""What the Campaigns page says needs a person is what approve and split's summary count (user trial 8: after
`approve TIP --ack sensitive` the page still said "Needs a person: 1 sensitive", of the campaign's other sensitive
tip, one the manager had skipped; a skipped tip never goes out, so its flag asks nothing of anyone)."""

from __future__ import annotations

import html
import re

from tests.conftest import run_cli_in_process
from tests.studio.helpers import SLUG, Studio

FIRST = "understanding-the-reasons-behind-reluctance-can-help"
SECOND = "reluctance-doesnt-always-mean-refusal"


def needs_line(studio: Studio) -> str:
    page = studio.get("/").text
    found = re.search(r'<p class="(?:needs|ok)">(.*?)</p>', page, re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def test_an_acknowledged_flag_and_a_skipped_tips_flag_need_no_person(project):
    text = (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    for tip, status in ((FIRST, "draft"), (SECOND, "skip")):
        start = text.index(f"  - id: {tip}\n")
        end = text.index("  - id: ", start + 1)
        item = text[start:end].replace("review: []", "review: [sensitive]").replace("status: draft", f"status: {status}")
        text = text[:start] + item + text[end:]
    (project / "posts" / f"{SLUG}.yaml").write_text(text, encoding="utf-8")
    studio = Studio(project).sign_in()
    assert "1 sensitive" in needs_line(studio)  # the draft's flag, not the skipped tip's

    result = run_cli_in_process("approve", f"{SLUG}/{FIRST}", "--ack", "sensitive", cwd=project)
    assert result.code == 0, result
    assert "reviewed: [sensitive]" in (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    assert "sensitive" not in needs_line(studio)
