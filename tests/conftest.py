"""Fixtures that provide real resources: a project folder, the CLI (in-process or as a real process), PostgreSQL."""

from __future__ import annotations

import contextlib
import faulthandler
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
# How many tips the bundled campaign holds (split decides: 20, then 19 when "Acknowledging these concerns" kept its
# pointer); tests that queue or draw the whole campaign count with it rather than a number of their own.
BUNDLED_TIPS = sum(line.startswith("  - id: ") for line in
                   (REPO / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").read_text("utf-8").splitlines())
# The processes the tests start import this checkout's package, not the one the virtual environment was installed
# from (an editable install points at one checkout; a second worktree sharing its venv would test the first's code).
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
PG_URL = os.environ.get("JUNO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

# Set by tests/shifted.sh (make test-shifted): a file for the stacks of a test that hangs under libfaketime.
_WATCHDOG = os.environ.get("JUNO_TEST_WATCHDOG")
_WATCHDOG_SECONDS = float(os.environ.get("JUNO_TEST_WATCHDOG_SECONDS", "300"))
_watchdog_file = open(_WATCHDOG, "a", encoding="utf-8") if _WATCHDOG else None  # noqa: SIM115 (open for the session; appended: each xdist worker opens it)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Under make test-shifted, a test still running after the watchdog's time has every thread's stack written to
    the watchdog file and ends the process, from faulthandler's own thread (it needs no lock a hung thread may
    hold); tests/shifted.sh then runs the suite once more. The longest test takes well under a minute."""
    if _watchdog_file is None:
        yield
        return
    faulthandler.dump_traceback_later(_WATCHDOG_SECONDS, exit=True, file=_watchdog_file)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (posts/ and assets/) in a fresh folder."""
    root = tmp_path / "project"
    root.mkdir()
    for part in ("posts", "assets"):
        if (REPO / part).exists():
            shutil.copytree(REPO / part, root / part)
    return root


def approved_project(root: Path, schedule: str, approved: int) -> Path:
    """A copy of the bundled project at `root` with the seed campaign's first `approved` tips approved and
    `schedule` as posts/schedule.yaml (what a manager has after `approve`, before `queue`)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "assets", root / "assets")
    shutil.copytree(REPO / "posts", root / "posts")
    campaign = root / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("status: draft", "status: approved", approved),
                        encoding="utf-8")
    (root / "posts" / "schedule.yaml").write_text(schedule, encoding="utf-8")
    return root


def article_project(tmp_path: Path, name: str, text: str) -> Path:
    """A fresh project as a manager makes one: the bundled timetable and brand, and one article in posts/articles/
    (named `name`, holding `text`), not yet split."""
    root = tmp_path / "project"
    (root / "posts" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts" / "schedule.yaml")
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts" / "articles" / name).write_text(text, encoding="utf-8")
    return root


def split_written(tmp_path: Path, name: str, text: str) -> list:
    """The tips split makes of an article written for a test (`text`, saved as `name`), in-process: what the
    splitter gives, without a project's campaign file."""
    from scheduler.articles import read_article
    from scheduler.tips.drafting import split_article

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_article(read_article(path, tmp_path))


def tip_opening(tips, words: str):
    """The one tip whose text opens with `words`."""
    found = [tip for tip in tips if tip.text.startswith(words)]
    assert len(found) == 1, [tip.text for tip in tips]
    return found[0]


def tips_by_id(root: Path, slug: str) -> dict[str, dict]:
    """The tips of posts/<slug>.yaml by id, each with its notes as a list (none: [])."""
    data = yaml.safe_load((root / "posts" / f"{slug}.yaml").read_text(encoding="utf-8"))
    return {tip["id"]: {**tip, "notes": tip.get("notes") or []} for tip in data["tips"]}


def edit_campaign_by_hand(root: Path, slug: str, edits) -> None:
    """Each (old, new) replaced in posts/<slug>.yaml in place, as a person edits the file: each old words once."""
    path = root / "posts" / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[-2000:]!r}, err={self.err[-2000:]!r})"


_NETWORK_ENV = ("X_", "JUNO_", "MASTODON_", "BLUESKY_")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120,
            input: str | None = None) -> CliResult:
    """Run `python -m scheduler ARGS` as a real process (the same entry point as the console script).
    For what needs a process of its own: signals, kills, exit at interpreter level, concurrency.
    Without `cwd` it runs in an empty folder of its own, never in the repository."""
    if cwd is None:
        import tempfile

        cwd = Path(tempfile.mkdtemp(prefix="juno-cli-"))
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(_NETWORK_ENV)}
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "scheduler", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout, input=input, check=False)
    return CliResult(proc)


def run_cli_in_process(*args: str, cwd: Path, env: dict | None = None, timeout: float = 120,
                       input: str | None = None) -> CliResult:
    """`cli.main(args)` in this process, with the same clean environment, folder and output capture as
    run_cli: several times faster, for the many tests that only read what a command prints."""
    import contextlib
    import io
    import logging

    from rich.console import Console

    from scheduler import cli

    saved_environ = os.environ
    # rich reads COLUMNS from the mapping os.environ was when rich was first imported (a class attribute): in a
    # process that runs many commands, the first command's own mapping, so one test's COLUMNS leaked into the next
    saved_rich = Console._environ
    saved_cwd = os.getcwd()
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    out, err = io.StringIO(), io.StringIO()
    try:
        # The command sees its own environment through a plain mapping in place of os.environ: the process's
        # C environment is never changed while the fake servers' threads run (under make test-shifted,
        # libfaketime reads that environment inside every clock call, and setenv in another thread races it).
        # The product never writes the environment nor starts a process, so the mapping is all it reads.
        own = {k: v for k, v in saved_environ.items() if not k.startswith(_NETWORK_ENV)} | (env or {})
        os.environ = own  # type: ignore[assignment]  # noqa: B003 - deliberately not the C environment
        Console._environ = own
        os.chdir(cwd)
        root.handlers = []  # cli.main sets up logging to (the captured) stderr, as in a fresh process
        stdin = io.StringIO(input or "")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                _swap_stdin(stdin):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Exception:  # noqa: BLE001 - what the interpreter does with an uncaught exception (--debug)
                import traceback

                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ = saved_environ  # noqa: B003 - the real mapping back
        Console._environ = saved_rich
        root.handlers, root.level = saved_handlers, saved_level
    return CliResult(subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue()))


@contextlib.contextmanager
def _swap_stdin(stream):
    saved = sys.stdin
    sys.stdin = stream
    try:
        yield
    finally:
        sys.stdin = saved


@pytest.fixture
def card(tmp_path: Path) -> Path:
    """A card-sized PNG, for the publishers."""
    from PIL import Image

    path = tmp_path / "card.png"
    Image.new("RGB", (1200, 675), (32, 96, 96)).save(path)
    return path


# posts/schedule.yaml's first lines for one account on each of X, Bluesky and Mastodon (the Bluesky handle is
# replaced by the test PDS's account): the month of collecting and the metrics benchmarks start from it.
THREE_ACCOUNTS = """\
accounts:
  - {network: x, handle: junocounseling}
  - {network: bluesky, handle: placeholder.test}
  - {network: mastodon, handle: "@junocounseling@social.example"}
timezone: America/New_York
"""


def seed_campaign(tips: str, url: str = "https://junocounseling.com/blog/one-partner") -> str:
    """posts/<slug>.yaml for the seed article with these `tips:` entries (`url`: YAML, e.g. "null")."""
    return ("article:\n"
            "  title: \"What to Do When One Partner Wants Counseling and the Other Doesn’t\"\n"
            f"  url: {url}\n"
            "  source: \"articles/what-to-do-when-one-partner-wants-counseling.txt\"\n"
            "tips:\n" + tips)


# The seed article's first tip, approved, as `tips:` lists it: the networks' CLI tests post it first.
RELUCTANCE_TIP = """\
  - id: reluctance-doesnt-always-mean-refusal
    headline: "Reluctance doesn’t always mean refusal."
    text: "Reluctance doesn’t always mean refusal. Often, it reflects fear, uncertainty, or past experiences."
    status: approved
    section: "Understanding Hesitation Around Counseling"
"""


def drawn_project(root: Path, schedule: str, campaign: str, tips: str) -> Path:
    """A project in `root` with the bundled article and assets, the given schedule and campaign, and
    its cards drawn through the CLI."""
    shutil.copytree(REPO / "assets", root / "assets")
    (root / "posts" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "articles" / f"{campaign}.txt", root / "posts" / "articles")
    (root / "posts" / "schedule.yaml").write_text(schedule, encoding="utf-8")
    (root / "posts" / f"{campaign}.yaml").write_text(tips, encoding="utf-8")
    result = run_cli("cards", cwd=root)
    assert result.code == 0, result
    return root


def drawn_template(schedule: str, campaign: str, tips: str):
    """A module's `drawn` fixture: its project (drawn_project: the schedule, the campaign's tips and their cards)
    made once for the module; each test takes a fresh copy of it with fresh_copy. In the module:
    `drawn = drawn_template(SCHEDULE, CAMPAIGN, TIPS)`."""
    @pytest.fixture(scope="module")
    def drawn(tmp_path_factory) -> Path:
        return drawn_project(tmp_path_factory.mktemp("drawn"), schedule, campaign, tips)

    return drawn


def fresh_copy(template: Path, tmp_path: Path) -> Path:
    """A copy of a project made once for the module (its database and cards included) at tmp_path/project,
    for one test to change."""
    root = tmp_path / "project"
    shutil.copytree(template, root)
    return root


@pytest.fixture
def cli(tmp_path):
    """Runs a command in-process (cli.main); the working folder defaults to an empty folder, never the repo."""
    def run(*args: str, cwd: Path | None = None, **kwargs) -> CliResult:
        return run_cli_in_process(*args, cwd=cwd or tmp_path, **kwargs)

    return run


@pytest.fixture
def cli_process(tmp_path):
    """Runs a command as a real process, for the few tests that need one."""
    def run(*args: str, cwd: Path | None = None, **kwargs) -> CliResult:
        return run_cli(*args, cwd=cwd or tmp_path, **kwargs)

    return run


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" here
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is unreachable under CI=true: {problem}")
        pytest.skip(f"PostgreSQL unreachable: {problem}")
    return PG_URL


@pytest.fixture
def pg_url(pg_server: str):
    """A database URL whose search_path is a fresh schema, dropped afterwards."""
    import psycopg

    schema = f"juno_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    """The same store tests on both backends: a fresh SQLite file, a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'juno.db'}"
    return request.getfixturevalue("pg_url")


def _pds_harness():
    """tests/pdsserver when the PDS harness is installed: skipped when not, failed under CI=true."""
    from tests import pdsserver

    problem = pdsserver.missing()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Bluesky PDS harness is missing under CI=true: {problem}; .ci/run installs it "
                        "with tests/pds/install.sh")
        pytest.skip(f"Bluesky PDS harness not installed: {problem}; {pdsserver.INSTALL_HINT}")
    return pdsserver


@pytest.fixture(scope="session")
def pds():
    """The reference Bluesky PDS on loopback (tests/pds/): skipped when not installed, fails under CI=true."""
    server = _pds_harness().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def bluesky():
    """(PDS, AppView): the reference PDS passing app.bsky.* calls to a fake AppView (tests/fakeappview.py),
    which serves the counts; skipped like `pds` when the harness is not installed."""
    from tests.fakeappview import DID, FakeAppView

    pdsserver = _pds_harness()
    with FakeAppView() as appview:
        server = pdsserver.start(appview=(appview.base_url, DID))
        appview.pds_url = server.url
        try:
            yield server, appview
        finally:
            server.stop()
