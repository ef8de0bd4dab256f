"""The schema and its migrations: one numbered list, applied in order, recorded in juno_meta.

The same SQL runs on SQLite and PostgreSQL; times are whole seconds since the epoch (UTC),
so comparisons and indexes behave the same on both.
"""

from __future__ import annotations

SCHEMA_VERSION = 15

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE posts (
            id              TEXT PRIMARY KEY,
            tip_key         TEXT NOT NULL,
            round           INTEGER NOT NULL DEFAULT 1,
            campaign        TEXT NOT NULL,
            section         TEXT,
            position        INTEGER NOT NULL DEFAULT 0,
            text            TEXT NOT NULL,
            card            TEXT,
            alt_text        TEXT,
            weighted_length INTEGER NOT NULL,
            due_at          BIGINT NOT NULL,
            pinned          INTEGER NOT NULL DEFAULT 0,
            status          TEXT NOT NULL,
            ready_at        BIGINT NOT NULL,
            retry_at        BIGINT,
            claimed_by      TEXT,
            claimed_until   BIGINT,
            attempts        INTEGER NOT NULL DEFAULT 0,
            attempt_open    INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT,
            remote_id       TEXT,
            url             TEXT,
            posted_at       BIGINT,
            cost_usd        DOUBLE PRECISION,
            skip_reason     TEXT,
            recyclable      INTEGER NOT NULL DEFAULT 1,
            created_at      BIGINT NOT NULL,
            updated_at      BIGINT NOT NULL
        )""",
        # Claiming reads only this index: due work in order, however long the history grows.
        """CREATE INDEX posts_ready ON posts (ready_at, id)
           WHERE status IN ('queued', 'failed', 'missed', 'claimed')""",
        "CREATE INDEX posts_due ON posts (due_at)",
        "CREATE INDEX posts_tip ON posts (tip_key, round)",
        "CREATE INDEX posts_posted ON posts (posted_at) WHERE posted_at IS NOT NULL",
        """CREATE TABLE accounts (
            handle      TEXT PRIMARY KEY,
            state       TEXT NOT NULL DEFAULT 'active',
            reason      TEXT,
            not_before  BIGINT,
            updated_at  BIGINT NOT NULL
        )""",
        # Which handle a set of X credentials belongs to (the fingerprint is a hash, never a secret).
        """CREATE TABLE verified_handles (
            fingerprint TEXT PRIMARY KEY,
            handle      TEXT NOT NULL,
            verified_at BIGINT NOT NULL
        )""",
    ],
    [
        # The accounts this database posts for (network, handle). A project opening a database that
        # belongs to other accounts is refused: two practices never see or post each other's posts.
        # A database made before this table existed belongs to the first project that opens it.
        """CREATE TABLE juno_accounts (
            network     TEXT NOT NULL,
            handle      TEXT NOT NULL,
            first_seen  BIGINT NOT NULL,
            PRIMARY KEY (network, handle)
        )""",
    ],
    [
        # One post per tip and network: every post made before this belongs to X (or its outbox),
        # keeps its id and state, and is never posted again. `sensitive` gives Mastodon its content warning.
        "ALTER TABLE posts ADD COLUMN network TEXT NOT NULL DEFAULT 'x'",
        "ALTER TABLE posts ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX posts_network ON posts (network, status)",
    ],
    [
        # The key a post is created under where the network takes one from us (Bluesky's record key),
        # written before the call and kept across attempts: a repeat is refused, a lookup finds it.
        "ALTER TABLE posts ADD COLUMN attempt_key TEXT",
    ],
    [
        # What a post was made from, so a worker can confirm it is still wanted just before posting:
        # tip_digest fingerprints the tip's words, alt text, pin and flags at queue time (a tip edited since
        # is not posted in its old form); card_digest is a SHA-256 of the card's bytes as drawn (a card
        # replaced by other bytes is drawn again, never uploaded). NULL for posts queued before: those are
        # not checked at claim time until a `queue` run fills both in.
        "ALTER TABLE posts ADD COLUMN tip_digest TEXT",
        "ALTER TABLE posts ADD COLUMN card_digest TEXT",
    ],
    [
        # Claims limited to the accounts' networks read due work per network in order from this index and stop
        # at the first free row: a claim costs the same however long the queue, with or without fresh
        # statistics (posts_network and posts_ready together made PostgreSQL sort every due row per claim).
        """CREATE INDEX posts_claim ON posts (network, ready_at, id)
           WHERE status IN ('queued', 'failed', 'missed', 'claimed')""",
        # posts_ready keeps answering "is anything due, and when next" for every network, but no longer
        # offers the claim's order: a claim for some networks cannot walk it past another network's rows.
        "DROP INDEX posts_ready",
        """CREATE INDEX posts_ready ON posts (ready_at)
           WHERE status IN ('queued', 'failed', 'missed', 'claimed')""",
    ],
    [
        # What each post did, as a history: one row per (post, network, age) at the fixed ages after posting
        # (1h, 24h, 72h, 7d, 28d), taken once; `late` when taken well after it was due. Counts only: no
        # follower's name, handle or words. A count the network does not give is NULL, never 0.
        """CREATE TABLE metric_snapshots (
            post_id     TEXT NOT NULL,
            network     TEXT NOT NULL,
            age         TEXT NOT NULL,
            due_at      BIGINT NOT NULL,
            taken_at    BIGINT NOT NULL,
            late        INTEGER NOT NULL DEFAULT 0,
            impressions BIGINT,
            likes       BIGINT,
            reposts     BIGINT,
            replies     BIGINT,
            quotes      BIGINT,
            bookmarks   BIGINT,
            link_clicks BIGINT,
            PRIMARY KEY (post_id, network, age)
        )""",
        "CREATE INDEX metric_snapshots_taken ON metric_snapshots (taken_at)",
        # Every post a network billed us for reading (X: each post its timeline returned), snapshot or not:
        # the month's reading spend, and "never read the same post twice in a day".
        """CREATE TABLE metric_reads (
            network     TEXT NOT NULL,
            remote_id   TEXT NOT NULL,
            read_at     BIGINT NOT NULL,
            cost_usd    DOUBLE PRECISION NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX metric_reads_post ON metric_reads (network, remote_id, read_at)",
        "CREATE INDEX metric_reads_at ON metric_reads (read_at)",
    ],
    [
        # The account (handle, lower case, without @) a post goes out as: every query is limited to the
        # project's own accounts. NULL for posts made before; filled in when their project opens the database.
        "ALTER TABLE posts ADD COLUMN handle TEXT",
        "CREATE INDEX posts_account ON posts (network, handle)",
    ],
    [
        # Why a recycled post was chosen ("in the top quarter of this account's posts on x at 72 h, 14 posts
        # behind it"): kept with the post so queue, status and plan say it. NULL for a tip's first time out.
        "ALTER TABLE posts ADD COLUMN why TEXT",
    ],
    [
        # When the worker holding a claimed post began to send it off its slot (a late post): set under the
        # store's lock on slots after checking min_gap and max_per_day against the posts out and the ones other
        # workers are sending, so two overlapping runs never both send late posts too close together. Cleared
        # when the post is recorded, given back or claimed again.
        "ALTER TABLE posts ADD COLUMN sending_at BIGINT",
    ],
    [
        # Why a post was last moved off its slot, in words a person acts on ("moved from Mon 12-07 09:00 to Thu 12-10
        # 09:00: it was 3 h late, past the 2h catch-up window"): status and history say it for a moved post.
        "ALTER TABLE posts ADD COLUMN moved TEXT",
    ],
    [
        # The posts workers hold now (claimed, lease not over): a run reads them after every claim (min_gap with
        # the posts other runs are sending) and --dry-run lists them. No index led with the status, so on
        # PostgreSQL each read scanned the whole table: draining a queue of 1,000,000 went 2.7x slower per post
        # than one of 10,000. A handful of rows are claimed at any time: this index holds only those.
        "CREATE INDEX posts_held ON posts (claimed_until) WHERE status = 'claimed'",
    ],
    [
        # A network whose counts could not be read (its credentials refused, say), since when and why: kept until
        # a read of it works, so status says so after the run that failed (not only that run's exit code).
        """CREATE TABLE metric_failures (
            network     TEXT PRIMARY KEY,
            since       BIGINT NOT NULL,
            last_at     BIGINT NOT NULL,
            error       TEXT NOT NULL
        )""",
    ],
    [
        # A handle the practice renamed (`rename-handle`): its posts still waiting went to `renamed_to`; the
        # posted ones keep the handle they went out as, and stay this project's (history, gaps, counts).
        """CREATE TABLE juno_renamed (
            network     TEXT NOT NULL,
            handle      TEXT NOT NULL,
            renamed_to  TEXT NOT NULL,
            renamed_at  BIGINT NOT NULL,
            PRIMARY KEY (network, handle)
        )""",
    ],
    [
        # Why a post was last moved, as a word the code reads (`moved` is for people): "blackout" (off a blackout
        # date), "missed" (past the catch-up window) or "crowded" (late, and min_gap or max_per_day stood in the
        # way). Status and history offer "pin it with at:" only where a pin helps: not off a blackout date. NULL
        # for posts moved before, which are said as they were. Cleared with `moved` when the post is queued again.
        "ALTER TABLE posts ADD COLUMN moved_for TEXT",
    ],
]

assert len(MIGRATIONS) == SCHEMA_VERSION

META_TABLE = "CREATE TABLE IF NOT EXISTS juno_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
