"""One bold lead-in rule for every reader: the same paragraph or item reads the same from .txt, .md and .html."""

from __future__ import annotations

import html

import pytest

from scheduler.articles import read_article
from scheduler.articles.lines import bold_lead, split_flat_lead

CASES = [  # (bold part, the rest as written after it, expected lead, expected text)
    ("Listen first.", " — then talk about what you heard.", "Listen first.", "then talk about what you heard."),
    ("Listen first.", " Give them time to finish.", "Listen first.", "Give them time to finish."),
    ("Name the pattern", ": say what keeps happening, not who is to blame.", "Name the pattern",
     "say what keeps happening, not who is to blame."),
    ("Slow down", ". Arguments escalate when both people rush.", "Slow down.", "Arguments escalate when both people rush."),
    ("Don’t", " interrupt while your partner is speaking.", None, "Don’t interrupt while your partner is speaking."),
    ("Above all", ", stay curious about what your partner means.", None,
     "Above all, stay curious about what your partner means."),
]


def _write(tmp_path, kind: str, bold: str, rest: str, as_item: bool):
    if kind == "html":
        inner = f"<strong>{html.escape(bold)}</strong>{html.escape(rest)}"
        body = f"<ul><li>{inner}</li><li>Another item that says enough.</li></ul>" if as_item else f"<p>{inner}</p>"
        text = f"<h1>Talking it through</h1>\n<p>An opening paragraph about talking.</p>\n{body}\n"
        name = "article.html"
    else:
        line = f"**{bold}**{rest}"
        body = f"- {line}\n- Another item that says enough.\n" if as_item else line + "\n"
        text = f"# Talking it through\n\nAn opening paragraph about talking.\n\n{body}"
        name = "article.md" if kind == "markdown" else "article.txt"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("as_item", [False, True], ids=["paragraph", "list-item"])
@pytest.mark.parametrize("bold, rest, lead, text", CASES, ids=[c[0] + c[1][:4] for c in CASES])
def test_the_three_readers_read_a_bold_lead_in_alike(tmp_path, bold, rest, lead, text, as_item):
    seen = {}
    for kind in ("text", "markdown", "html"):
        folder = tmp_path / kind
        folder.mkdir()
        article = read_article(_write(folder, kind, bold, rest, as_item))
        block = [b for _, b in article.blocks()][1]
        if as_item:
            assert block.kind == "list", kind
            seen[kind] = (block.items[0].lead, block.items[0].text)
        else:
            seen[kind] = (block.lead, block.text)
    assert seen == {"text": (lead, text), "markdown": (lead, text), "html": (lead, text)}


def test_the_rule_itself():
    assert bold_lead("Listen first.", " — then talk") == ("Listen first.", "then talk")
    assert bold_lead("Term:", " what it means") == ("Term:", "what it means")
    assert bold_lead("", "just text") == (None, "just text")


@pytest.mark.parametrize("text, lead", [
    ("Get regular exercise.Just 30 minutes of walking helps.", "Get regular exercise."),
    ("Eat healthy, regular meals and stay hydrated.A balanced diet helps.", "Eat healthy, regular meals and stay hydrated."),
    ("Make sleep a priority. Stick to a schedule.", None),  # a space: two sentences, not a lost lead-in
    ("Visit www.Example.com today.", None),
    ("Dr.Smith says rest.", None),
])
def test_a_flattened_lead_in_is_found_again(text, lead):
    assert split_flat_lead(text)[0] == lead


def test_a_flattened_lead_in_reads_like_a_bold_one_in_every_reader(tmp_path):
    for kind, name, body in (("text", "a.txt", "- Get regular exercise.Just 30 minutes a day helps.\n- Rest well."),
                             ("markdown", "a.md", "- Get regular exercise.Just 30 minutes a day helps.\n- Rest well."),
                             ("html", "a.html", ("<ul><li>Get regular exercise.Just 30 minutes a day helps.</li>"
                                                "<li>Rest well.</li></ul>"))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        item = next(b for _, b in read_article(path).blocks()).items[0]
        assert (item.lead, item.text) == ("Get regular exercise.", "Just 30 minutes a day helps."), kind
