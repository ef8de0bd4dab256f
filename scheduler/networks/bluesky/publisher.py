"""Posting to Bluesky with the atproto client: an app password, a card with its alt text, exactly once.

One session per publisher: com.atproto.server.createSession (atproto's Client.login without the
profile look-up a bare PDS cannot serve) on the first call that needs it, so only when something is
due; the client refreshes it, and the daemon keeps the publisher, so the session lives as long as the
process. Tokens stay in memory: never in the database, a log or a message.

One post: uploadBlob the card (re-encoded under the server's size limit if it is larger), then
com.atproto.repo.createRecord of an app.bsky.feed.post with app.bsky.embed.images (image, alt,
aspectRatio), facets for links and hashtags, the post's language, and a record key that is a TID
derived from the post's id: a second create of the same post is refused by the server, and after an
uncertain attempt getRecord by that key says whether it went out.
"""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime
from pathlib import Path

from scheduler.errors import ConfigError, PublishError
from scheduler.networks.base import (
    Outgoing,
    Published,
    Publisher,
    network_time,
    read_card,
)
from scheduler.networks.bluesky.access import BlueskyAccess, handle_problem
from scheduler.networks.bluesky.errors import SESSION_ERRORS, classify, error_name
from scheduler.networks.bluesky.text import (
    MAX_BYTES,
    MAX_GRAPHEMES,
    bluesky_text,
    graphemes,
    rich_text,
    tid_for,
)
from scheduler.networks.logs import keep_out_of_logs
from scheduler.networks.policy import ANSWER_WITHIN_S

logger = logging.getLogger(__name__)

POST = "app.bsky.feed.post"
LEXICON_IMAGE_LIMIT = 2_000_000   # app.bsky.embed.images#image maxSize today
OLDER_IMAGE_LIMIT = 1_000_000     # what older servers' lexicons allow
JPEG_QUALITIES = (90, 80, 70, 60)
DEFAULT_TIMEOUT = ANSWER_WITHIN_S


def post_url(handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{handle}/post/{rkey}"


class BlueskyPublisher(Publisher):
    name = "bluesky"

    def __init__(self, access: BlueskyAccess, handle: str, *, language: str = "en", zone=None,
                 timeout: float = DEFAULT_TIMEOUT, clock=lambda: datetime.now(UTC)):
        problem = handle_problem(handle)
        if problem:
            raise ConfigError(f"posts/schedule.yaml: the Bluesky account: {problem}")
        if not access.app_password:
            raise ConfigError("environment: BLUESKY_APP_PASSWORD is not set; create an app password at bsky.app "
                              "(Settings > Privacy and security > App passwords) and put it in the environment "
                              "or .env, or use publisher: outbox")
        self.access = access
        self.handle = handle.lower()
        self.language = language
        self.zone = zone
        self.timeout = timeout
        self.clock = clock  # the record's createdAt: the moment it is posted
        self._client = None
        self._did: str | None = None
        self._image_limit: int | None = None

    # --- the session ------------------------------------------------------------------------

    def session(self):
        """The logged-in client (createSession once; the client refreshes the tokens itself)."""
        if self._client is None:
            # lazy: atproto (seconds to import) only once a session opens: a run with nothing for Bluesky builds
            # the publisher without it
            import httpx
            from atproto import Client
            from atproto_client.request import Request

            keep_out_of_logs(self.access.app_password)
            client = Client(base_url=self.access.pds_url, request=Request(timeout=httpx.Timeout(self.timeout)))
            try:
                client.login(self.handle, self.access.app_password, fetch_bsky_profile=False)
            except Exception as exc:  # noqa: BLE001 - classified below, anything else re-raised
                raise self._failure(exc, f"logging in as {self.handle}") from None
            session = client._session
            keep_out_of_logs(session.access_jwt, session.refresh_jwt)
            self._did = session.did
            if session.handle.lower() != self.handle:
                raise PublishError(f"the Bluesky app password belongs to {session.handle}, not {self.handle}; "
                                   f"nothing was posted. Use {self.handle}'s app password in "
                                   "BLUESKY_APP_PASSWORD or change the handle in posts/schedule.yaml", kind="stop")
            self._client = client
            logger.info("Bluesky: logged in as %s on %s", self.handle, self.access.pds_url)
        return self._client

    def _call(self, call):
        """call(client) in the session; a session the server no longer takes (InvalidToken, ExpiredToken:
        revoked, or a daemon outliving its refresh token) is replaced by one new login, then tried once more."""
        try:
            return call(self.session())
        except Exception as exc:
            if error_name(exc)[0] not in SESSION_ERRORS:
                raise
            logger.info("Bluesky: the server no longer takes the session (%s); logging in again", error_name(exc)[0])
            self.close()
            return call(self.session())

    def check(self) -> str:
        """For `check`: that the app password logs in to the configured handle (PublishError if not)."""
        self.session()
        return f"the app password logs in to {self.handle} ({self._did}) on {self.access.pds_url}"

    # --- posting ----------------------------------------------------------------------------

    def publish(self, post: Outgoing) -> Published:
        self.session()
        rkey = self.attempt_key(post)
        if post.uncertain:
            existing = self._look(rkey)
            if existing is not None:
                logger.info("post %s was already on Bluesky as %s; recorded, not posted again", post.post_id, rkey)
                return existing
        record = self.record(post)
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        try:
            answer = self._call(lambda c: c.com.atproto.repo.create_record(models.ComAtprotoRepoCreateRecord.Data(
                repo=self._did, collection=POST, rkey=rkey, record=record)))
        except Exception as exc:  # noqa: BLE001 - classified below, anything else re-raised
            failure = self._failure(exc, "posting", posting=True)
            if failure.uncertain or post.uncertain:
                # The server refuses a second record under the same key (an error answer): look.
                existing = self._look(rkey, failure)
                if existing is not None:
                    logger.info("post %s: Bluesky has it under %s; recorded, not posted again", post.post_id, rkey)
                    return existing
            raise failure from None
        logger.info("posted %s to Bluesky as %s: %s", post.post_id, self.handle, answer.uri)
        return Published(remote_id=answer.uri, url=post_url(self.handle, rkey))

    def record(self, post: Outgoing) -> dict:
        """The app.bsky.feed.post record for this post (uploads the card on the way)."""
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        shown = bluesky_text(post.text)
        length = graphemes(shown)
        if length > MAX_GRAPHEMES:
            raise PublishError(f"the post has {length} characters on Bluesky (graphemes, links shortened); "
                               f"Bluesky takes at most {MAX_GRAPHEMES}: shorten the tip's text", kind="permanent")
        text, facets = rich_text(post.text)
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise PublishError(f"the post has {len(text.encode('utf-8'))} bytes on Bluesky; Bluesky takes at most "
                               f"{MAX_BYTES}: shorten the tip's text", kind="permanent")
        embed = None
        if post.card is not None:
            blob, width, height = self.upload_card(Path(post.card))
            embed = models.AppBskyEmbedImages.Main(images=[models.AppBskyEmbedImages.Image(
                image=blob, alt=post.alt_text or "",
                aspect_ratio=models.AppBskyEmbedDefs.AspectRatio(width=width, height=height))])
        language = post.language or self.language
        return models.AppBskyFeedPost.Record(
            text=text, facets=facets or None, embed=embed, langs=[language] if language else None,
            created_at=self.clock().astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"))

    def image_limit(self) -> int:
        """The largest image this server takes in a post: its upload limit, at most the lexicon's 2 MB."""
        if self._image_limit is None:
            limit = LEXICON_IMAGE_LIMIT
            try:
                described = self._call(lambda c: c.com.atproto.server.describe_server())
                server_limit = getattr(described, "blob_upload_limit", None) or (
                    described.model_extra or {}).get("blobUploadLimit")
                if server_limit:
                    limit = min(limit, int(server_limit))
            except Exception:
                logger.debug("Bluesky: describeServer did not give a blob limit", exc_info=True)
            self._image_limit = limit
        return self._image_limit

    def upload_card(self, card: Path):
        """uploadBlob the card, re-encoded under the server's limit; (blob ref, width, height)."""
        data = read_card(card)
        limit = self.image_limit()
        while True:
            fitted, width, height = fit_image(data, limit, card)
            try:
                answer = self._call(lambda c, fitted=fitted: c.upload_blob(fitted))
                return answer.blob, width, height
            except Exception as exc:  # noqa: BLE001 - classified below, anything else re-raised
                failure = self._failure(exc, "uploading the card")
                if "too large" in str(failure) and limit > OLDER_IMAGE_LIMIT and len(fitted) > OLDER_IMAGE_LIMIT:
                    logger.info("Bluesky refused a %d-byte card; re-encoding it under %d bytes", len(fitted),
                                OLDER_IMAGE_LIMIT)
                    limit = self._image_limit = OLDER_IMAGE_LIMIT
                    continue
                raise failure from None

    # --- reading -----------------------------------------------------------------------------

    def post_views(self, uris: list[str]) -> list:
        """app.bsky.feed.getPosts for up to 25 of this account's post URIs, in the one session: the PDS passes
        the call to the account's AppView, which holds the counts. Posts the AppView does not have are left out."""
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        self.session()
        try:
            answer = self._call(lambda c: c.app.bsky.feed.get_posts(models.AppBskyFeedGetPosts.Params(uris=uris)))
        except Exception as exc:  # noqa: BLE001 - classified below, anything else re-raised
            raise self._failure(exc, "reading the posts' counts") from None
        return list(answer.posts)

    # --- after an uncertain attempt, and afterwards -----------------------------------------

    def attempt_key(self, post: Outgoing) -> str:
        """The record key: the one noted in the store, else the TID derived from the post's id."""
        return post.attempt_key or tid_for(post.post_id)

    def find_existing(self, post: Outgoing) -> Published | None:
        """The post if Bluesky has a record under its key, else None (getRecord)."""
        self.session()
        return self._look(self.attempt_key(post))

    def _look(self, rkey: str, failure: PublishError | None = None) -> Published | None:
        """_get for an attempt that may have gone out. When the look fails too, the attempt stays uncertain
        (PublishError.uncertain), so the next try looks again before it posts; `failure` is what made it
        uncertain, said first."""
        try:
            return self._get(rkey)
        except PublishError as exc:
            if failure is None:
                raise exc.still_uncertain() from None
            raise PublishError(f"{failure}; looking for it by its record key failed too ({exc})", kind="retry",
                               retry_at=exc.retry_at, uncertain=True) from None

    def _get(self, rkey: str) -> Published | None:
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        try:
            answer = self._call(lambda c: c.com.atproto.repo.get_record(models.ComAtprotoRepoGetRecord.Params(
                repo=self._did, collection=POST, rkey=rkey)))
        except Exception as exc:  # noqa: BLE001 - RecordNotFound is an answer; the rest is classified
            if error_name(exc)[0] == "RecordNotFound":
                return None
            raise self._failure(exc, "looking for an earlier attempt by its record key") from None
        return Published(remote_id=answer.uri, url=post_url(self.handle, rkey), recovered=True,
                         at=network_time(getattr(answer.value, "created_at", None)))

    def record_exists(self, remote_id: str) -> bool:
        """Whether the post's record is still in the account's repository (getRecord; RecordNotFound: deleted)."""
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        self.session()
        rkey = remote_id.rstrip("/").rsplit("/", 1)[-1]
        try:
            self._call(lambda c: c.com.atproto.repo.get_record(models.ComAtprotoRepoGetRecord.Params(
                repo=self._did, collection=POST, rkey=rkey)))
        except Exception as exc:  # noqa: BLE001 - RecordNotFound is an answer; the rest is classified
            if error_name(exc)[0] == "RecordNotFound":
                return False
            raise self._failure(exc, "looking whether a post is still there") from None
        return True

    def unpublish(self, remote_id: str) -> bool:
        """Delete the post (deleteRecord); False when it was already gone."""
        # lazy: as in session(), which has loaded it by then
        from atproto import models

        rkey = remote_id.rstrip("/").rsplit("/", 1)[-1]
        if self._get(rkey) is None:
            return False
        try:
            self._call(lambda c: c.com.atproto.repo.delete_record(models.ComAtprotoRepoDeleteRecord.Data(
                repo=self._did, collection=POST, rkey=rkey)))
        except Exception as exc:  # noqa: BLE001 - classified below, anything else re-raised
            raise self._failure(exc, "deleting the post") from None
        logger.info("deleted %s from Bluesky", remote_id)
        return True

    def _failure(self, exc: Exception, action: str, *, posting: bool = False) -> PublishError:
        return classify(exc, action=action, handle=self.handle, pds_url=self.access.pds_url, posting=posting,
                        zone=self.zone)

    def close(self) -> None:
        if self._client is not None:
            self._client.request.close()
            self._client = None


def fit_image(data: bytes, limit: int, where: Path) -> tuple[bytes, int, int]:
    """The image as it is when it fits in `limit` bytes, else re-encoded as JPEG (lower quality first,
    then smaller) until it does; with its width and height. Deterministic: same input, same bytes."""
    # lazy: Pillow only when a card is fitted, not when the publisher is built
    from PIL import Image, UnidentifiedImageError

    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise PublishError(f"{where}: not an image Pillow can read ({exc}); render it again with "
                           "`juno-scheduler cards`", kind="permanent") from None
    if len(data) <= limit:
        return data, image.width, image.height
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = background
    scale = 1.0
    while True:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        resized = image if scale == 1.0 else image.resize(size, Image.Resampling.LANCZOS)
        for quality in JPEG_QUALITIES:
            out = io.BytesIO()
            resized.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= limit:
                logger.info("%s: %d bytes re-encoded as a %dx%d JPEG (quality %d) of %d bytes to fit Bluesky's "
                            "%d-byte limit", where, len(data), size[0], size[1], quality, out.tell(), limit)
                return out.getvalue(), size[0], size[1]
        scale *= 0.8
