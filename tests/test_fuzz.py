"""Fuzzing the readers of user files: arbitrary bytes and mutations of valid files.

Every input ends in a valid result or in a JunoError subclass whose message is one line naming
the file; never in a traceback. Bounded (max_examples, no deadline) so `make test` stays quick.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.articles import read_article
from scheduler.campaigns.file import load_campaign
from scheduler.cards.brand import load_brand
from scheduler.config import load_settings
from scheduler.errors import JunoError

REPO = Path(__file__).resolve().parent.parent
SCHEDULE = (REPO / "posts" / "schedule.yaml").read_bytes()
BRAND = (REPO / "assets" / "brand.yaml").read_bytes()
ARTICLE = (REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt").read_bytes()
MARKDOWN = """\
---
title: "What to do when one partner wants counseling"
canonical_url: https://junocounseling.com/blog/x
---
# What to do when one partner wants counseling

It’s a common and painful place to be: one partner wants support, the other isn’t ready.

## Common Reasons a Partner May Resist

Common reasons include:

- **Fear of blame.** Being “ganged up on”
- Discomfort with vulnerability
  1. nested *item*

> Reluctance doesn’t always mean refusal.

<div>Call <b>561-555-0100</b> &amp; ask.</div>

| a | b |
|---|---|
| 1 | 2 |
""".encode()
HTML = """\
<!doctype html><html><head><title>What to do when one partner wants counseling</title>
<link rel="canonical" href="https://junocounseling.com/blog/x"></head><body><nav>Home | Blog</nav>
<article><h1>What to do when one partner wants counseling</h1>
<p>It&rsquo;s a common and painful place to be: one partner wants support, the other isn’t ready.</p>
<h2>Common Reasons a Partner May Resist</h2><p>Common reasons include:</p>
<ul><li><strong>Fear of blame.</strong> Being &ldquo;ganged up on&rdquo;</li><li>Discomfort<ul><li>nested</li></ul></li></ul>
<blockquote>Reluctance doesn’t always mean refusal.</blockquote><script>alert(1)</script>
</article><footer>&copy; Juno Counseling</footer></body></html>
""".encode()
CAMPAIGN = """\
article: {title: "What to do when one partner wants counseling", url: "https://junocounseling.com/blog/x",
          source: articles/what-to-do-when-one-partner-wants-counseling.txt}
tips:
  - id: resistance-isnt-necessarily-indifference
    headline: "Resistance isn\u2019t indifference."
    text: "Resistance isn\u2019t indifference. Many people avoid counseling because they fear making things worse."
    status: approved
    section: What Resistance Is (and Isn\u2019t)
    source: {paragraph: 7, sentence: 1, digest: 0a1b2c3d}
    review: [sensitive]
    at: 2026-12-01T09:00
  - id: start-with-yourself
    headline: Start with yourself.
    text: "You can begin alone."
    alt_text: "A card that reads: Start with yourself."
    status: draft
    source: null
    review: []
""".encode()

FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Tokens that reach corners of YAML and of the validators: types, anchors, tags, odd dates and times.
TOKENS = [b"null", b"~", b"[]", b"{}", b"-1", b"0", b"1e999", b".nan", b"true", b"2026-02-30", b"25:61",
          b"'", b'"', b":", b"- ", b"? ", b"&a ", b"*a", b"!!binary", b"!!python/object:os.system",
          b"<<: *a", b"\t", b"\n", b"  ", b"#", b"%YAML 1.1\n", b"---\n", b"...\n", b"|\n", b">-\n",
          b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xe2\x80\xa8", b"\\u0000", b"@junocounseling",
          b"Mars/Olympus", b"cron: \"* * * * * *\"", b"days: [funday]", b"99999999999999999999"]


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """The valid file with a few edits: bytes and tokens inserted, ranges deleted, lines moved."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["insert_token", "insert_bytes", "delete", "replace_byte",
                                     "duplicate_line", "drop_line", "truncate"]))
        if edit == "insert_token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif edit == "insert_bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif edit == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif edit == "replace_byte" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif edit in ("duplicate_line", "drop_line"):
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            if edit == "duplicate_line":
                lines.insert(index, lines[index])
            else:
                del lines[index]
            data = bytearray(b"\n".join(lines))
        elif edit == "truncate":
            del data[at:]
    return bytes(data)


def inputs(original: bytes):
    return st.one_of(st.binary(max_size=400), mutated(original))


def assert_clean(load, path: Path) -> None:
    """`load()` returns, or raises a JunoError whose message is one line naming the file."""
    try:
        load()
    except JunoError as exc:
        message = str(exc)
        assert message and "\n" not in message and "\r" not in message, repr(message)
        assert path.name in message or "environment" in message, message
        assert "Traceback" not in message


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="juno-fuzz-") as folder:
        shutil.copytree(REPO / "assets", Path(folder) / "brand" / "assets")
        yield Path(folder)


def test_the_valid_files_are_valid(scratch):
    root = scratch / "valid"
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "schedule.yaml").write_bytes(SCHEDULE)
    (root / "posts" / "tips.yaml").write_bytes(CAMPAIGN)
    assert load_settings(root, env={}).schedule.account.handle == "junocounseling"
    for name, data in (("a.txt", ARTICLE), ("a.md", MARKDOWN), ("a.html", HTML)):
        (root / "posts" / name).write_bytes(data)
        article = read_article(root / "posts" / name, root)
        assert "partner wants counseling" in article.title.lower(), (name, article.title)
        assert sum(len(section.blocks) for section in article.sections) >= 3, name
    assert load_brand(scratch / "brand", "junocounseling").headline_font.name == "Vollkorn-Medium.ttf"
    assert [tip.id for tip in load_campaign(root / "posts" / "tips.yaml", root).tips] == [
        "resistance-isnt-necessarily-indifference", "start-with-yourself"]


@FUZZ
@given(data=inputs(SCHEDULE))
def test_schedule_loader_never_crashes(scratch, data):
    root = scratch / "schedule"
    path = root / "posts" / "schedule.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert_clean(lambda: load_settings(root, env={}), path)


@FUZZ
@given(data=inputs(CAMPAIGN))
def test_campaign_loader_never_crashes(scratch, data):
    root = scratch / "campaign"
    path = root / "posts" / "fuzzed.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert_clean(lambda: load_campaign(path, root), path)


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), mutated(ARTICLE[:3000]), mutated(MARKDOWN), mutated(HTML)),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_article_readers_never_crash(scratch, data, suffix):
    root = scratch / "articles"
    path = root / "posts" / "articles" / f"fuzzed{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert_clean(lambda: read_article(path, root), path)


@FUZZ
@given(data=inputs(BRAND))
def test_brand_loader_never_crashes(scratch, data):
    root = scratch / "brand"
    path = root / "assets" / "brand.yaml"
    path.write_bytes(data)
    try:
        assert_clean(lambda: load_brand(root, "junocounseling"), path)
    finally:
        path.write_bytes(BRAND)


LOGO = (REPO / "assets" / "logo.png").read_bytes()
FONT = (REPO / "assets" / "fonts" / "Lato-Regular.ttf").read_bytes()


@settings(FUZZ, max_examples=100)
@given(data=st.one_of(st.binary(max_size=200), mutated(LOGO), mutated(FONT[:4096]), mutated(FONT)),
       target=st.sampled_from(["logo.png", "fonts/Lato-Regular.ttf"]))
def test_brand_images_and_fonts_never_crash(scratch, data, target):
    root = scratch / "brand"
    path = root / "assets" / target
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        assert_clean(lambda: load_brand(root, "junocounseling"), path)
    finally:
        path.write_bytes(original)


PASSWORD = "hunter2-not-for-logs"


@FUZZ
@given(database=st.one_of(st.text(max_size=60), st.builds(lambda junk: f"postgresql://juno:{PASSWORD}@{junk}",
                                                            st.text(max_size=30))),
       base=st.one_of(st.none(), st.text(max_size=40)))
def test_environment_never_crashes_nor_shows_a_password(scratch, database, base):
    root = scratch / "environment"
    (root / "posts").mkdir(parents=True, exist_ok=True)
    (root / "posts" / "schedule.yaml").write_bytes(SCHEDULE)
    env = {"JUNO_DATABASE_URL": database, **({"JUNO_X_API_BASE": base} if base is not None else {})}
    try:
        load_settings(root, env=env)
    except JunoError as exc:
        message = str(exc)
        assert message.startswith(("JUNO_DATABASE_URL", "JUNO_X_API_BASE")), message
        assert "\n" not in message and "\r" not in message, repr(message)
        assert PASSWORD not in message, message
