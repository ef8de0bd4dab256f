"""Hostile inputs, each fed to a real `juno-scheduler` process under a memory limit, and what it must give.

Every case makes its own project folder (a copy of the bundled one), spoils one thing, runs one command
and states the outcome: the exit code and a phrase of the one `error:` line (never a traceback, never
"unexpected"). `python tests/hostile/cases.py` prints the table of what each input gives now.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
TIPS = (REPO / "posts" / f"{CAMPAIGN}.yaml").read_text(encoding="utf-8").count("\n  - id: ")  # as split made it
MEMORY_LIMIT = 1536 * 1024 * 1024  # address space: an alias bomb or /dev/zero would pass this in seconds
TIMEOUT_S = 120  # a hang guard for a loaded machine, not a speed test (make bench measures the time)

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@dataclass
class Case:
    name: str                      # the hostile input, as the table shows it
    command: tuple[str, ...]       # what is run on it
    spoil: Callable[[Path], dict | None]  # spoils the project; may return environment variables
    code: int                      # the exit code it must give
    says: str = ""                 # a phrase the output must contain ("" for none)
    check: Callable[[Path, Result], None] | None = None  # anything else that must hold afterwards
    stream: str = "err"
    marks: tuple = field(default_factory=tuple)


@dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file-size limit is an EFBIG error, not a kill


def run_limited(args, cwd: Path, env: dict | None = None) -> Result:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "JUNO_"))}
    full_env.update(env or {})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "scheduler", *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=TIMEOUT_S, preexec_fn=_limit, stdin=subprocess.DEVNULL, check=False)
    return Result(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started)


def fresh_project(base: Path) -> Path:
    root = base / "project"
    root.mkdir(parents=True)
    for part in ("posts", "assets"):
        shutil.copytree(REPO / part, root / part)
    return root


# --- spoilers ------------------------------------------------------------------------------------

def campaign_file(root: Path) -> Path:
    return root / "posts" / f"{CAMPAIGN}.yaml"


def approve_first(root: Path, count: int = 3) -> None:
    path = campaign_file(root)
    text = path.read_text(encoding="utf-8")
    for _ in range(count):
        text = text.replace("status: draft", "status: approved", 1)
    path.write_text(text, encoding="utf-8")


def set_first_pin(root: Path, value: str) -> None:
    approve_first(root, 1)
    path = campaign_file(root)
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("review:"))
    lines.insert(index + 1, f"    at: {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def replace_in_schedule(old: str, new: str):
    def spoil(root: Path):
        path = root / "posts" / "schedule.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    return spoil


def bomb_campaign(root: Path):
    campaign_file(root).write_text(BOMB, encoding="utf-8")


def bomb_schedule(root: Path):
    (root / "posts" / "schedule.yaml").write_text(BOMB, encoding="utf-8")


def bomb_schedule_after_a_clean_run(root: Path):
    (root / ".juno").mkdir()
    subprocess.run([sys.executable, "-m", "scheduler", "run-due"], cwd=root, check=True, capture_output=True)
    bomb_schedule(root)


def campaign_to_dev_zero(root: Path):
    campaign_file(root).unlink()
    campaign_file(root).symlink_to("/dev/zero")


def fifo_campaign(root: Path):
    os.mkfifo(root / "posts" / "waiting.yaml")


def fifo_schedule(root: Path):
    path = root / "posts" / "schedule.yaml"
    path.unlink()
    os.mkfifo(path)


def fifo_article(root: Path):
    os.mkfifo(root / "posts" / "articles" / "pipe.txt")


def huge_article(root: Path):
    with open(root / "posts" / "articles" / "huge.html", "wb") as handle:
        handle.truncate(40 * 1024 * 1024)  # sparse: 40 MB without the disk


def unbroken_article(root: Path):
    (root / "posts" / "articles" / "unbroken.txt").write_text("x" * 290_000 + "\n", encoding="utf-8")


def six_mb_article(root: Path):
    paragraph = "Take a short walk after lunch; it clears the head for the afternoon and helps you sleep.\n\n"
    (root / "posts" / "articles" / "long.txt").write_text("Walks\n\n" + paragraph * 70_000, encoding="utf-8")


def symlink_loop(root: Path):
    (root / "posts" / "loop.yaml").symlink_to("loop.yaml")


def corrupt_marker(root: Path):
    subprocess.run([sys.executable, "-m", "scheduler", "run-due"], cwd=root, check=True, capture_output=True)
    (root / ".juno" / "schedule.checked").write_bytes(b"\xff\xfe\x00garbage\x80")


def binary_env(root: Path):
    (root / ".env").write_bytes(b"X_API_KEY=\xff\xfe\x00\x81secret\n")


def huge_logo(root: Path):
    from PIL import Image

    Image.new("1", (20000, 20000)).save(root / "assets" / "logo.png", optimize=True)  # a few KB on disk


def make_readonly(folder: Path) -> None:
    """No one may write in `folder`: not this user (mode 555), nor root (the immutable attribute)."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)


def readonly_state(root: Path):
    state = root / ".juno"
    state.mkdir()
    make_readonly(state)


def memory_database(root: Path):
    return {"JUNO_DATABASE_URL": "sqlite:///:memory:"}


def zero_byte_database(root: Path):
    (root / ".juno").mkdir()
    (root / ".juno" / "juno.db").write_bytes(b"")


def dotdot_slug(root: Path):
    shutil.copy(campaign_file(root), root / "posts" / "...yaml")


def article_named_schedule(root: Path):
    shutil.copy(root / "posts" / "articles" / f"{CAMPAIGN}.txt", root / "posts" / "articles" / "schedule.txt")


def outbox_unwritable(root: Path):
    approve_first(root, 1)
    subprocess.run([sys.executable, "-m", "scheduler", "queue", "--now", "2026-12-01T07:00"], cwd=root, check=True,
                   capture_output=True)
    outbox = root / ".juno" / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    make_readonly(outbox)


def full_disk_at(relative: str):
    """`relative` (moved aside, copied back) on a 2 MB tmpfs filled to the last byte: the disk is full (256 KB no longer held
    the database with its fourteen migrations)."""
    def spoil(root: Path):
        if os.geteuid() != 0 or not shutil.which("mount"):
            import pytest

            pytest.skip("a full disk is simulated with a tmpfs mount, which needs root")
        target = root / relative
        aside = root / (relative.replace("/", "_") + ".aside")
        if target.exists():
            target.rename(aside)
        target.mkdir(parents=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(target)], check=True)
        if aside.exists():
            shutil.copytree(aside, target, dirs_exist_ok=True)
        filler = open(target / ".filler", "wb", buffering=0)  # noqa: SIM115 - held open for the life of a child process or the run
        try:
            while filler.write(b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            try:
                filler.close()
            except OSError:
                pass
    return spoil


def queued_then_full_disk(root: Path):
    """A post queued for Wed 2026-12-02 08:30, then .juno/ (the database with it) on a full disk."""
    approve_first(root, 1)
    subprocess.run([sys.executable, "-m", "scheduler", "queue", "--now", "2026-12-01T07:00"], cwd=root, check=True,
                   capture_output=True)
    full_disk_at(".juno")(root)


def read_only_database_after_a_run(root: Path):
    """A run-due has noted the timetable valid (cron's fast path is taken), then the database is made read-only."""
    approve_first(root, 1)
    subprocess.run([sys.executable, "-m", "scheduler", "queue", "--now", "2026-12-01T07:00"], cwd=root, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "scheduler", "run-due", "--now", "2026-12-01T07:00"], cwd=root, check=True,
                   capture_output=True)
    database = root / ".juno" / "juno.db"
    database.chmod(0o444)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(database)], check=True)


def read_only_database(root: Path):
    subprocess.run([sys.executable, "-m", "scheduler", "status"], cwd=root, check=True, capture_output=True)
    database = root / ".juno" / "juno.db"
    database.chmod(0o444)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(database)], check=True)


def scratch_file(root: Path):
    (root / "notes.txt").write_text("mine\n", encoding="utf-8")


def nothing(root: Path):
    return None


def pytest_fail(message: str) -> None:
    raise AssertionError(message)


def first_tip_id(root: Path) -> str:
    line = next(line for line in campaign_file(root).read_text(encoding="utf-8").splitlines()
                if line.startswith("  - id: "))
    return line.removeprefix("  - id: ").strip()


OUTPUT_TARGETS = {  # a file the tool writes -> where it lies in a fresh project
    "audit": lambda root: root / ".juno" / "audit.jsonl",
    "split": lambda root: root / ".juno" / "split" / f"{CAMPAIGN}.json",
    "card": lambda root: root / ".juno" / "cards" / CAMPAIGN / f"{first_tip_id(root)}-x.png",
    "outbox": lambda root: root / ".juno" / "outbox" / f"{CAMPAIGN}--{first_tip_id(root)}.json",
}


def odd_output(target: str, kind: str):
    """A FIFO, a folder or a link to a device where the tool writes `target` (the outbox: with one post due)."""
    def spoil(root: Path):
        if target == "outbox":
            approve_first(root, 1)
            subprocess.run([sys.executable, "-m", "scheduler", "queue", "--now", "2026-12-01T07:00"], cwd=root,
                           check=True, capture_output=True)
        path = OUTPUT_TARGETS[target](root)
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        else:
            path.symlink_to(kind)
    return spoil


def card_made_a_folder(root: Path):
    """One post queued with its card, then a folder where the card was."""
    approve_first(root, 1)
    subprocess.run([sys.executable, "-m", "scheduler", "queue", "--now", "2026-12-01T07:00"], cwd=root, check=True,
                   capture_output=True)
    card = OUTPUT_TARGETS["card"](root)
    card.unlink()
    card.mkdir()


def mastodon_account(limits: str):
    """Two accounts, one on Mastodon, and .juno/mastodon-instance.json holding `limits`."""
    def spoil(root: Path):
        replace_in_schedule("account:\n  handle: junocounseling        # without the @\n"
                            "  publisher: outbox             # outbox (writes to .juno/outbox/, no account needed) | x\n",
                            "accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                            "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n"
                            )(root)
        approve_first(root, TIPS)
        (root / ".juno").mkdir(exist_ok=True)
        (root / ".juno" / "mastodon-instance.json").write_text(limits, encoding="utf-8")
    return spoil
def run_step(root: Path, *args: str, env: dict | None = None) -> None:
    """One step of a case's setup, as the user would take it; it must succeed."""
    result = run_limited(args, root, env)
    assert result.code == 0, (args, result)


TWO_ACCOUNTS = """accounts:
  - {network: x, handle: junocounseling, publisher: outbox}
  - {network: bluesky, handle: shared.bsky.social, publisher: outbox}
"""


def second_practice_sharing_bluesky(root: Path):
    """A first practice (X and Bluesky) queues and posts; this one shares its Bluesky handle and its database."""
    first = root.parent / "first"
    shutil.copytree(root, first)
    env = {"JUNO_DATABASE_URL": f"sqlite:///{root.parent / 'shared.db'}"}
    replace_in_schedule("account:\n  handle: junocounseling        # without the @\n"
                        "  publisher: outbox             # outbox (writes to .juno/outbox/, no account needed) | x\n",
                        TWO_ACCOUNTS)(first)
    approve_first(first, 3)
    run_step(first, "queue", "--now", "2026-11-30T07:00", env=env)
    run_step(first, "run-due", "--now", "2026-11-30T08:35", env=env)
    mine = TWO_ACCOUNTS.replace("handle: junocounseling", "handle: otherpractice")
    replace_in_schedule("account:\n  handle: junocounseling        # without the @\n"
                        "  publisher: outbox             # outbox (writes to .juno/outbox/, no account needed) | x\n",
                        mine)(root)
    campaign_file(root).unlink()
    return env


# --- checks afterwards -----------------------------------------------------------------------------

def unchanged(relative: str):
    def check(root: Path, result: Result) -> None:
        current = (root / relative).read_bytes()
        original = (REPO / relative).read_bytes() if (REPO / relative).exists() else None
        assert current == original, f"{relative} was changed"
    return check


def nothing_split(slug: str):
    def check(root: Path, result: Result) -> None:
        assert not (root / "posts" / f"{slug}.yaml").exists() and not (root / ".juno" / "split" / f"{slug}.json").exists()
    return check


def quotes_nothing_of(path: str):
    def check(root: Path, result: Result) -> None:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            if len(line.strip()) >= 8:
                assert line.strip()[:12] not in result.err, "the message repeats the file's contents"
    return check


def all_queued_on_mastodon(root: Path, result: Result) -> None:
    assert "mastodon" not in result.err and result.out.count("@mastodon") >= TIPS, result


def quotes_nothing_of_env(root: Path, result: Result) -> None:
    assert "secret" not in result.err and "python-dotenv" not in result.err, result


def marker_rebuilt(root: Path, result: Result) -> None:
    assert (root / ".juno" / "schedule.checked").read_bytes().isascii()


def no_cards_in_state(root: Path, result: Result) -> None:
    assert not list((root / ".juno").glob("*.png")), "cards were written into .juno/ itself"


def database_beside_project(root: Path, result: Result) -> None:
    assert (root / "rel.db").is_file() and not (root.parent / "rel.db").exists()


def notes_kept(root: Path, result: Result) -> None:
    assert (root / "notes.txt").read_text(encoding="utf-8") == "mine\n"


FIRST_TIP = "understanding-the-reasons-behind-reluctance-can-help"
FIRST_SENTENCE = "Understanding the reasons behind reluctance can help you approach the conversation with clarity and care."


def flag_first(root: Path, review: str, reviewed: str | None = None, url: str | None = None) -> None:
    """The first tip approved by hand with these review flags (and acknowledgements)."""
    approve_first(root, 1)
    path = campaign_file(root)
    text = path.read_text(encoding="utf-8").replace("    review: []", f"    review: {review}", 1)
    if reviewed is not None:
        text = text.replace(f"    review: {review}", f"    review: {review}\n    reviewed: {reviewed}", 1)
    if url is not None:
        text = text.replace("  url: null", f"  url: {url}", 1)
    path.write_text(text, encoding="utf-8")


def privacy_approved_by_hand(root: Path):
    flag_first(root, "[privacy]")


def acknowledgement_withdrawn_after_queue(root: Path):
    flag_first(root, "[privacy]", "[privacy]")
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    path = campaign_file(root)
    path.write_text(path.read_text(encoding="utf-8").replace("    reviewed: [privacy]\n", "", 1), encoding="utf-8")


def post_policy_changed_after_queue(root: Path):
    flag_first(root, "[sensitive]", "[sensitive]", url="https://junocounseling.com/blog/one-partner")
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    for old, new in (('crisis_footer: "If you are in crisis, call or text 988."',
                      'crisis_footer: "In crisis? Call or text 988, any hour."'),
                     ('hashtags: ["#CouplesCounseling"]', 'hashtags: ["#Couples"]'),
                     ("link: {mode: in-post}", "link: {mode: none}")):
        replace_in_schedule(old, new)(root)


def outbox_texts(root: Path) -> list[str]:
    import json

    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((root / ".juno" / "outbox").glob("*.json"))]


def posted_as_the_files_say_now(root: Path, result: Result) -> None:
    [text] = outbox_texts(root)
    assert "In crisis? Call or text 988, any hour." in text and "If you are in crisis" not in text, text
    assert "#Couples" in text and "#CouplesCounseling" not in text and "https://" not in text, text


def nothing_posted(root: Path, result: Result) -> None:
    assert not (root / ".juno" / "outbox").exists() or outbox_texts(root) == []


def campaign_renamed_after_a_post(root: Path):
    approve_first(root, 3)
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    run_step(root, "run-due", "--now", "2026-11-30T08:40")
    campaign_file(root).rename(root / "posts" / "one-partner.yaml")


def each_text_posted_once(root: Path, result: Result) -> None:
    import json

    report = json.loads(result.out)
    assert [row["id"] for row in report["already_published"]] == [f"one-partner/{FIRST_TIP}"], report
    assert len(report["queued"]) == 2, report
    for now in ("2026-12-02T08:45", "2026-12-03T19:45", "2026-12-05T10:15"):
        run_step(root, "run-due", "--now", now)
    texts = outbox_texts(root)
    assert len(texts) == 3 and len(set(texts)) == 3, texts


def source_deleted_after_stale_acknowledged(root: Path):
    article = root / "posts" / "articles" / f"{CAMPAIGN}.txt"
    approve_first(root, 1)
    article.write_text(article.read_text(encoding="utf-8").replace("with clarity and care", "with patience and care"),
                       encoding="utf-8")
    run_step(root, "split", f"posts/articles/{CAMPAIGN}.txt")
    path = campaign_file(root)
    text = path.read_text(encoding="utf-8")
    assert "    review: [stale]\n" in text
    path.write_text(text.replace("    review: [stale]\n", "    review: [stale]\n    reviewed: [stale]\n", 1), encoding="utf-8")
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    article.write_text("".join(line for line in lines if "Understanding the reasons" not in line), encoding="utf-8")


def stale_again_and_held(root: Path, result: Result) -> None:
    import json

    queued = run_limited(("queue", "--json", "--now", "2026-11-30T07:05"), root)
    report = json.loads(queued.out)
    assert report["held"] == [f"{CAMPAIGN}/{FIRST_TIP}"], report
    assert [row["id"] for row in report["withdrawn"]] == [f"{CAMPAIGN}/{FIRST_TIP}"], report
    run_step(root, "run-due", "--now", "2026-11-30T08:40")
    nothing_posted(root, result)


def other_article_same_name(root: Path):
    (root / "other").mkdir()
    (root / "other" / f"{CAMPAIGN}.txt").write_text(
        "Sleep and Worry\n\nWhen worry keeps you awake, write the worry down before bed. A short list on paper "
        "lets the mind put the problem aside until morning.\n\nKeep the same waking time every day. A steady "
        "morning anchors the body's clock better than any late lie-in.\n", encoding="utf-8")


def first_practice_untouched(root: Path, result: Result) -> None:
    first = root.parent / "first"
    env = {"JUNO_DATABASE_URL": f"sqlite:///{root.parent / 'shared.db'}"}
    status = run_limited(("status", "--json", "--now", "2026-11-30T09:00"), first, env)
    assert status.code == 0 and '"queued": 4,' in status.out and '"skipped": 0,' in status.out, status
    assert not (root / ".juno" / "outbox").exists()


ONE_ACCOUNT = ("account:\n  handle: junocounseling        # without the @\n"
               "  publisher: outbox             # outbox (writes to .juno/outbox/, no account needed) | x\n")
X_AND_MASTODON = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                  "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n")
THREE_SLOTS = ("2026-11-30T08:40", "2026-12-02T08:45", "2026-12-03T19:45")  # Mon, Wed and Thu's slots


def posts_json(root: Path, *args: str) -> dict:
    import json

    result = run_limited(args, root)
    assert result.code == 0, (args, result)
    return json.loads(result.out)


def mastodon_paused_three_days_then_resumed(root: Path):
    """X and Mastodon (both rehearsed in the outbox); Mastodon paused while X posts three tips, then resumed."""
    replace_in_schedule(ONE_ACCOUNT, X_AND_MASTODON)(root)
    approve_first(root, 6)
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    run_step(root, "pause", "mastodon")
    for now in THREE_SLOTS:
        run_step(root, "run-due", "--now", now)
    run_step(root, "resume", "mastodon")


def old_tips_moved_not_posted(root: Path, result: Result) -> None:
    import json

    report = json.loads(result.out)
    assert sorted(p["network"] for p in report["posted"]) == ["mastodon", "x"], report  # Saturday's tip, on time
    assert len(report["missed"]) == 3 and {m["network"] for m in report["missed"]} == {"mastodon"}, report
    days = [m["moved_to"][:10] for m in report["missed"]]
    assert len(set(days)) == 3 and min(days) > "2026-12-05", days  # max_per_day 1: one a day, after the queue
    status = posts_json(root, "status", "--json", "--now", "2026-12-05T10:20")
    mastodon = next(a for a in status["accounts"] if a["network"] == "mastodon")
    assert mastodon["counts"]["posted"] == 1 and mastodon["counts"]["missed"] == 3, mastodon


def mastodon_dropped_from_accounts(root: Path):
    replace_in_schedule(ONE_ACCOUNT, X_AND_MASTODON)(root)
    approve_first(root, 3)
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    replace_in_schedule(X_AND_MASTODON, ONE_ACCOUNT)(root)


def queue_kept_for_both(root: Path, result: Result) -> None:
    replace_in_schedule(ONE_ACCOUNT, X_AND_MASTODON)(root)
    status = posts_json(root, "status", "--json", "--now", "2026-11-30T07:05")
    assert status["counts"]["queued"] == 6 and not (root / ".juno" / "outbox").exists(), status


def mastodon_added_after_three_posts(root: Path):
    approve_first(root, 6)
    run_step(root, "queue", "--now", "2026-11-30T07:00")
    for now in THREE_SLOTS:
        run_step(root, "run-due", "--now", now)
    replace_in_schedule(ONE_ACCOUNT, X_AND_MASTODON)(root)


def only_tips_still_to_go(root: Path, result: Result) -> None:
    import json

    report = json.loads(result.out)
    assert len(report["out_elsewhere"]) == 3 and len(report["queued"]) == 3, report
    assert all(row["id"].endswith("@mastodon") for row in report["out_elsewhere"] + report["queued"]), report
    after = posts_json(root, "run-due", "--json", "--now", "2026-12-05T10:15")
    assert sorted(p["network"] for p in after["posted"]) == ["mastodon", "x"] and after["missed"] == [], after


def shown_unchanged(*shown: str) -> Callable[[Path, Result], None]:
    """A command that only reads a read-only database: one warning line, its own output, the file as it was."""
    def check(root: Path, result: Result) -> None:
        warnings = [line for line in result.err.splitlines() if line.strip()]
        assert len(warnings) == 1 and warnings[0].startswith("warning: "), result
        assert all(part in result.out for part in shown), result
        assert not (root / ".juno" / "juno.db-journal").exists(), result
        readonly_cleanup(root, result)
    return check


def readonly_cleanup(root: Path, result: Result | None = None) -> None:
    for mounted in (root / ".juno", root / "posts"):
        if os.path.ismount(mounted):
            subprocess.run(["umount", str(mounted)], check=False, capture_output=True)
    for folder in (root / ".juno", root / ".juno" / "outbox", root / ".juno" / "juno.db"):
        if folder.exists():
            if os.geteuid() == 0:
                subprocess.run(["chattr", "-i", str(folder)], check=False, capture_output=True)
            folder.chmod(0o755)


CASES = [
    Case("campaign YAML alias bomb", ("queue",), bomb_campaign, 2, "YAML alias *a is not allowed"),
    Case("campaign YAML alias bomb", ("cards",), bomb_campaign, 2, "YAML alias *a is not allowed"),
    Case("schedule.yaml alias bomb", ("status",), bomb_schedule, 2, "posts/schedule.yaml:2:8: the YAML alias"),
    Case("schedule.yaml alias bomb after a clean cron run", ("run-due", "-q"), bomb_schedule_after_a_clean_run, 2,
         "YAML alias *a is not allowed"),
    Case("campaign symlinked to /dev/zero", ("queue",), campaign_to_dev_zero, 2, "is a device, not a regular file"),
    Case("a FIFO named posts/waiting.yaml", ("queue",), fifo_campaign, 2, "a named pipe (FIFO), not a regular file"),
    Case("posts/schedule.yaml is a FIFO", ("run-due",), fifo_schedule, 2, "a named pipe (FIFO)"),
    Case("article is a FIFO", ("split", "posts/articles/pipe.txt"), fifo_article, 2, "a named pipe (FIFO)"),
    Case("an HTML article with no text (trafilatura logs)", ("split", "posts/articles/empty.html"),
         lambda r: (r / "posts" / "articles" / "empty.html").write_text(
             "<html><body><script>x</script></body></html>", encoding="utf-8") and None, 2,
         "posts/articles/empty.html: no article text found"),
    Case("40 MB article", ("split", "posts/articles/huge.html"), huge_article, 2, "40.0 MB, over the 32 MB limit for an article file"),
    Case("a 290 KB article of one unbroken line (no sentence)", ("split", "posts/articles/unbroken.txt"),
         unbroken_article, 2, "posts/articles/unbroken.txt: no tip could be made from this article"),
    # a user trial: a 6 MB article took a minute with no word, and was taken for a hang
    Case("a 6 MB article", ("split", "posts/articles/long.txt"), six_mb_article, 2,
         "posts/articles/long.txt: 6,300,007 characters of text, over split's limit of 300,000 for one article",
         nothing_split("long")),
    Case("symlink loop in posts/", ("queue",), symlink_loop, 2, "loop"),
    Case("corrupt .juno/schedule.checked", ("run-due",), corrupt_marker, 0, "", marker_rebuilt),
    Case("binary .env", ("status",), binary_env, 2, ".env:1: not UTF-8 text"),
    Case("a line of .env that is not NAME=value", ("status",),
         lambda r: (r / ".env").write_text("X_API_KEY=abc\n\nmy secret password here\n", encoding="utf-8") and None, 2,
         ".env:3: not a setting; write NAME=value", quotes_nothing_of_env),
    Case("a font path outside assets/", ("cards",),
         lambda r: (r / "assets" / "brand.yaml").write_text((r / "assets" / "brand.yaml").read_text(
             encoding="utf-8").replace("headline: fonts/Vollkorn-Medium.ttf",
                                       "headline: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), encoding="utf-8")
         and None, 2, "is outside assets/; copy the file into assets/", no_cards_in_state),
    Case("20000x20000 logo", ("cards",), huge_logo, 2, "more pixels than an image may have"),
    Case("read-only .juno/", ("cards",), readonly_state, 2, "let this user write there", readonly_cleanup),
    Case("full disk under .juno/", ("cards",), full_disk_at(".juno"), 1, "the disk is full", readonly_cleanup),
    Case("full disk under posts/", ("split", f"posts/articles/{CAMPAIGN}.txt"),
         lambda r: (campaign_file(r).unlink(), full_disk_at("posts")(r)) and None, 1,  # noqa: SIM223 - both run
         "the disk is full", readonly_cleanup),
    Case("full disk holding the SQLite database, a post due", ("run-due", "-q", "--now", "2026-12-02T08:45"),
         queued_then_full_disk, 1, "juno.db is full: free some space and run the command again", readonly_cleanup),
    Case("read-only database file, nothing due (cron's line)", ("run-due", "-q", "--now", "2026-12-01T07:05"),
         read_only_database_after_a_run, 1, "let this user read and write the database", readonly_cleanup),
    Case("read-only database file, nothing due, a dry run", ("run-due", "--dry-run", "--now", "2026-12-01T07:05"),
         read_only_database_after_a_run, 1, "let this user read and write the database", readonly_cleanup),
    Case("read-only database file", ("queue",), read_only_database, 1, "let this user read and write the database",
         readonly_cleanup),
    # a user trial: the on-call engineer could not even look at the queue; what only reads it still shows it
    Case("read-only database file, status", ("status", "--now", "2026-12-01T07:05"), read_only_database_after_a_run,
         0, "shown as it is: nothing can be posted or queued until then", shown_unchanged("posts: 1 queued")),
    Case("read-only database file, plan", ("plan", "--now", "2026-12-01T07:05"), read_only_database_after_a_run, 0,
         "let this user read and write the database", shown_unchanged("Wed 12-02 08:34   understanding-the-reasons")),
    Case("read-only database file, history", ("history",), read_only_database_after_a_run, 0,
         "let this user read and write the database", shown_unchanged()),
    Case("read-only database file, stats", ("stats",), read_only_database_after_a_run, 0,  # user trial 3, H
         "let this user read and write the database", shown_unchanged("no counts to show")),
    Case("--now in year 9999", ("plan", "--now", "9999-12-31T23:59"), nothing, 2, "from the year 2000 to 2200"),
    Case("--days 99999999", ("plan", "--days", "99999999"), nothing, 2, "is not from 1 to 3660"),
    Case("--days -5", ("plan", "--days", "-5"), nothing, 2, "is not from 1 to 3660"),
    Case("at: in year 9999", ("queue",), lambda r: set_first_pin(r, "9999-12-31T09:00"), 2,
         "give a year from 2000 to 2200"),
    Case("date-only at:", ("queue",), lambda r: set_first_pin(r, "2026-12-09"), 2, "a date without a time"),
    Case("jitter: 30d", ("status",), replace_in_schedule("jitter: 7m", "jitter: 30d"), 2,
         "longer than jitter may be (1h)"),
    Case("jitter: 99999999999d", ("status",), replace_in_schedule("jitter: 7m", "jitter: 99999999999d"), 2,
         "longer than jitter may be"),
    Case("budget.monthly_usd: .nan", ("status",), replace_in_schedule("monthly_usd: 10", "monthly_usd: .nan"), 2,
         "budget.monthly_usd: expected an amount"),
    Case("budget.monthly_usd: .inf", ("status",), replace_in_schedule("monthly_usd: 10", "monthly_usd: .inf"), 2,
         "budget.monthly_usd: expected an amount"),
    Case("JUNO_DATABASE_URL=sqlite:///:memory:", ("status",), memory_database, 2, "keeps nothing on disk"),
    Case("relative sqlite:///rel.db with --root", ("--root", "project", "status"),
         lambda r: {"JUNO_DATABASE_URL": "sqlite:///rel.db"}, 0, "", database_beside_project),
    Case("0-byte database", ("status",), zero_byte_database, 1, "is empty (0 bytes), not a database"),
    Case("campaign file posts/...yaml (slug '..')", ("cards",), dotdot_slug, 2, "cannot name a campaign",
         no_cards_in_state),
    Case("preview --out posts/schedule.yaml", ("preview", "--out", "posts/schedule.yaml"), nothing, 2,
         "written to a file ending in .html", unchanged("posts/schedule.yaml")),
    Case("preview --out README.html not written by the tool", ("preview", "--out", "assets/README.html"),
         lambda r: (r / "assets" / "README.html").write_text("<p>mine</p>\n") and None, 2,
         "is not a preview page juno-scheduler wrote"),
    Case("preview --out into a folder that does not exist", ("preview", "--out", "no-such-folder/page.html"), nothing,
         2, "--out no-such-folder/page.html: cannot write a preview page there: no-such-folder is not a folder",
         lambda root, result: not (root / "no-such-folder").exists() or pytest_fail("a folder was made")),
    Case("cards --sheet assets/logo.png", ("cards", "--sheet", "assets/logo.png"), nothing, 2,
         "is not a contact sheet juno-scheduler wrote", unchanged("assets/logo.png")),
    Case("demo --scratch FILE", ("demo", "--scratch", "notes.txt"), scratch_file, 2, "that is a file, not a folder",
         notes_kept),
    Case("article named schedule.txt", ("split", "posts/articles/schedule.txt"), article_named_schedule, 2,
         "posts/articles/schedule.txt: an article named 'schedule' would become posts/schedule.yaml",
         unchanged("posts/schedule.yaml")),
    Case("missing --root", ("--root", "no-such-folder", "status"), nothing, 2, "--root no-such-folder: no such folder"),
    Case("cards /etc/passwd (any file that is not a campaign)", ("cards", "/etc/passwd"), nothing, 2,
         "/etc/passwd:1:1: expected a mapping with article: and tips:", quotes_nothing_of("/etc/passwd")),
    *[Case(f"{shown} at {where}", command, odd_output(target, kind), 2, says, check)
      for target, where, command, check in [
          ("audit", ".juno/audit.jsonl", ("approve", CAMPAIGN, "--now", "2026-12-01T07:00"),
           unchanged(f"posts/{CAMPAIGN}.yaml")),
          ("split", ".juno/split/<slug>.json", ("split", f"posts/articles/{CAMPAIGN}.txt"),
           unchanged(f"posts/{CAMPAIGN}.yaml")),
          ("card", "a card's path", ("cards",), None),
          ("outbox", "an outbox entry", ("run-due", "--now", "2026-12-02T08:40"), None)]
      for kind, shown, says in [("fifo", "a FIFO", "is a named pipe (FIFO), not a regular file; remove it"),
                                ("folder", "a folder", "is a folder; move it away"),
                                ("/dev/zero", "a link to /dev/zero", "is a device, not a regular file"),
                                ("/dev/full", "a link to /dev/full", "is a device, not a regular file")]],
    Case("corrupt .juno/mastodon-instance.json (max_characters: 10)", ("queue", "--now", "2026-12-01T07:00"),
         mastodon_account('{"max_characters": 10}'), 0, "", all_queued_on_mastodon, stream="out"),
    Case("corrupt .juno/mastodon-instance.json (not JSON)", ("queue", "--now", "2026-12-01T07:00"),
         mastodon_account('{"max_characters": "lots'), 0, "", all_queued_on_mastodon, stream="out"),
    Case("a second practice sharing one of the first's two accounts (its Bluesky handle) and its database",
         ("run-due", "--now", "2026-12-02T08:40"), second_practice_sharing_bluesky, 2,
         "also holds the posts of @junocounseling on x, which posts/schedule.yaml does not name (it names "
         "shared.bsky.social on bluesky and @otherpractice on x)", first_practice_untouched),
    Case("a tip flagged privacy, approved by hand without reviewed:", ("queue", "--json", "--now", "2026-11-30T07:00"),
         privacy_approved_by_hand, 0, f'"held": [\n    "{CAMPAIGN}/{FIRST_TIP}"', nothing_posted, stream="out"),
    Case("the privacy acknowledgement (reviewed:) removed after queue", ("run-due", "--json", "--now", "2026-11-30T08:40"),
         acknowledgement_withdrawn_after_queue, 0, "flagged privacy in posts/", nothing_posted, stream="out"),
    Case("crisis_footer, hashtags and link.mode changed after queue", ("run-due", "--now", "2026-11-30T08:40"),
         post_policy_changed_after_queue, 0, "posted ", posted_as_the_files_say_now, stream="out"),
    Case("campaign file renamed after one of its tips was posted", ("queue", "--json", "--now", "2026-11-30T09:00"),
         campaign_renamed_after_a_post, 0, '"already_published"', each_text_posted_once, stream="out"),
    Case("a tip's source paragraph deleted after its stale flag was acknowledged",
         ("split", f"posts/articles/{CAMPAIGN}.txt"), source_deleted_after_stale_acknowledged, 0, "stale",
         stale_again_and_held, stream="out"),
    Case("split other/NAME.txt: another article with the bundled article's file name",
         ("split", f"other/{CAMPAIGN}.txt"), other_article_same_name, 2,
         f"posts/{CAMPAIGN}.yaml holds the tips of another article with the same file name",
         unchanged(f"posts/{CAMPAIGN}.yaml")),
    Case("a folder where a queued post's card was", ("run-due", "-q", "--now", "2026-12-02T08:40"), card_made_a_folder,
         3, "-x.png: is a folder; move it away", lambda root, result: (
             "failed what-to-do-when-one-partner-wants-counseling/" in result.err + result.out
             and ".tmp" not in result.err) or pytest_fail(result.err)),
    Case("a network paused for three days while the other posts, then resumed", ("run-due", "--json", "--now",
         "2026-12-05T10:15"), mastodon_paused_three_days_then_resumed, 0, '"missed"', old_tips_moved_not_posted,
         stream="out"),
    Case("a network dropped from accounts: after queue", ("status",), mastodon_dropped_from_accounts, 2,
         "(to stop posting on one, keep it and run juno-scheduler pause NETWORK)", queue_kept_for_both),
    Case("a network added to accounts: after three tips went out on the other", ("queue", "--json", "--now",
         "2026-12-04T07:00"), mastodon_added_after_three_posts, 0, '"out_elsewhere"', only_tips_still_to_go,
         stream="out"),
    Case("outbox folder unwritable, run-due -q", ("run-due", "-q", "--now", "2026-12-02T08:40"), outbox_unwritable, 3,
         "cannot write the outbox", readonly_cleanup),
]


def case_id(case: Case) -> str:
    return f"{case.name} | {' '.join(case.command)}"


def run_case(case: Case, base: Path) -> tuple[Path, Result]:
    root = fresh_project(base)
    env = case.spoil(root) or {}
    cwd = root.parent if case.command[:1] == ("--root",) else root
    return root, run_limited(case.command, cwd, env)


def first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0] if lines else ""


if __name__ == "__main__":  # the table for the report: what each input gives now
    import tempfile

    print("| input | command | exit | first line of the output | s |")
    print("|---|---|---|---|---|")
    for case in CASES:
        with tempfile.TemporaryDirectory() as scratch:
            root, result = run_case(case, Path(scratch))
            said = first_line(result.err) or first_line(result.out) or "(nothing)"
            said = said.replace(str(root), "…").replace("|", "\\|")
            print(f"| {case.name} | `{' '.join(case.command)}` | {result.code} | {said[:160]} | {result.seconds:.1f} |")
            readonly_cleanup(root, result)
