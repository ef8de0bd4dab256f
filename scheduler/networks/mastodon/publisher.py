"""Posting to Mastodon with Mastodon.py: a card with its alt text, the post's language, a content
warning on sensitive tips, exactly once.

One post: check once per process that the token belongs to the configured handle
(GET /api/v1/accounts/verify_credentials, and the instance's `domain` from GET /api/v2/instance,
which need not be the API's host); upload the card (POST /api/v2/media with its description) and
wait while the instance processes it (GET /api/v1/media/:id until it has a url); create the status
(POST /api/v1/statuses) with an Idempotency-Key derived from the post's id, so that a repeat is
answered with the first status instead of a second one. After an uncertain attempt, find_existing
looks through the account's own statuses before anything is posted again (the instance forgets
idempotency keys after an hour).

Mastodon.py is used with ratelimit_method="throw" (a rate limit defers the post; it never sleeps
in the runner) and its own media polling replaced by ours (it sleeps 5 s and hides the error).
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

from mastodon import Mastodon
from mastodon.errors import MastodonError, MastodonNotFoundError

from scheduler.errors import PublishError
from scheduler.networks.base import (
    LooksBeforePosting,
    Outgoing,
    Published,
    network_time,
    read_image,
)
from scheduler.networks.logs import keep_out_of_logs
from scheduler.networks.mastodon.access import (
    TOKEN_NAME,
    InstanceLimits,
    MastodonAccess,
    mastodon_length,
    parse_handle,
    remember_limits,
)
from scheduler.networks.mastodon.errors import classify
from scheduler.networks.policy import ANSWER_WITHIN_S

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 16 * 1024 * 1024  # Mastodon's default image limit (media_attachments.image_size_limit)

DEFAULT_TIMEOUT = ANSWER_WITHIN_S
MEDIA_WAIT = 60.0           # seconds to wait for the instance to process a card
PAGE = 40                   # statuses per page (Mastodon's maximum)
PAGES = 5                   # 200 statuses: far more than a burst of due posts
CONTENT_WARNING = "Sensitive topic: mental health"
API_VERSION = "4.0.0"       # the oldest Mastodon with GET /api/v2/instance and async media


def idempotency_key(post_id: str) -> str:
    """The Idempotency-Key of a post: the same for every attempt at it, different for every post."""
    return "juno-" + hashlib.sha256(post_id.encode("utf-8")).hexdigest()[:40]


class MastodonPublisher(LooksBeforePosting):
    name = "mastodon"
    network = "Mastodon"

    def __init__(self, access: MastodonAccess, handle: str, *, state_dir: Path | None = None,
                 content_warning: str = CONTENT_WARNING, timeout: float = DEFAULT_TIMEOUT,
                 media_wait: float = MEDIA_WAIT, poll: float = 1.0, zone=None):
        self.access = access
        self.handle = handle
        self.state_dir = state_dir
        self.content_warning = content_warning
        self.media_wait = media_wait
        self.poll = poll
        self.zone = zone
        keep_out_of_logs(access.access_token)
        self.api = Mastodon(access_token=access.access_token, api_base_url=access.api_base,
                            ratelimit_method="throw", request_timeout=timeout, mastodon_version=API_VERSION,
                            version_check_mode="created", user_agent="juno-scheduler")
        self._limits: InstanceLimits | None = None
        self._me: dict | None = None
        self._verified = False
        super().__init__()

    # --- the instance and who we are --------------------------------------------------------

    def limits(self) -> InstanceLimits:
        """GET /api/v2/instance: its domain and limits, read once and remembered for queue."""
        if self._limits is None:
            instance = self._call(self.api.instance_v2, "reading the instance's limits")
            config = instance.get("configuration") or {}
            statuses = config.get("statuses") or {}
            media = config.get("media_attachments") or {}
            self._limits = InstanceLimits(
                api_base=self.access.api_base, domain=str(instance.get("domain") or "").lower() or None,
                max_characters=int(statuses.get("max_characters") or 500),
                url_length=int(statuses.get("characters_reserved_per_url") or 23),
                description_limit=int(media.get("description_limit") or 1500))
            if self.state_dir is not None:
                remember_limits(self.state_dir, self._limits)
        return self._limits

    def whoami(self) -> str:
        """The handle (@user@domain) the access token belongs to."""
        if self._me is None:
            self._me = self._call(self.api.account_verify_credentials, "asking Mastodon whose token this is")
        parsed = parse_handle(self.handle)
        domain = self.limits().domain or (parsed[1] if parsed else "")
        return f"@{self._me['username']}@{domain}"

    def verify_handle(self) -> None:
        if self._verified:
            return
        actual = self.whoami()
        if actual.lower() != self.handle.lower():
            raise PublishError(f"the Mastodon access token belongs to {actual}, not {self.handle}; nothing was "
                               f"posted. Put {self.handle}'s token in {TOKEN_NAME} or change the mastodon "
                               "account's handle in posts/schedule.yaml", kind="stop")
        self._verified = True

    # --- posting ----------------------------------------------------------------------------

    def post(self, post: Outgoing) -> Published:
        self._check_length(post)
        media_ids = [self.upload_card(Path(post.card), post.alt_text)] if post.card is not None else []
        sensitive = post.sensitive
        status = self._call(
            lambda: self.api.status_post(
                post.text, media_ids=media_ids or None, language=post.language,
                sensitive=sensitive, spoiler_text=self.content_warning if sensitive else None,
                visibility="public", idempotency_key=idempotency_key(post.post_id)),
            "posting", posting=True)
        published = self._published(status)
        logger.info("posted %s to Mastodon as %s: %s", post.post_id, self.handle, published.remote_id)
        return published

    def _check_length(self, post: Outgoing) -> None:
        limits = self.limits()
        length = mastodon_length(post.text, limits.url_length)
        if length > limits.max_characters:
            raise PublishError(f"the post has {length} characters; {limits.domain or 'the instance'} takes at "
                               f"most {limits.max_characters}: shorten the tip's text or give it mastodon text",
                               kind="permanent")
        if len(post.alt_text or "") > limits.description_limit:
            raise PublishError(f"the alt text has {len(post.alt_text)} characters; Mastodon takes at most "
                               f"{limits.description_limit}: shorten the tip's alt_text", kind="permanent")

    def upload_card(self, card: Path, alt_text: str) -> str:
        """POST /api/v2/media with the alt text as its description, then wait until it is processed."""
        data, mime = read_image(card, MAX_IMAGE_BYTES, "Mastodon")
        media = self._call(lambda: self.api.media_post(data, mime_type=mime, description=alt_text or None,
                                                       file_name=card.name), "uploading the card")
        deadline = time.monotonic() + self.media_wait
        while not media.get("url"):
            if time.monotonic() > deadline:
                raise PublishError(f"Mastodon was still processing the card after {self.media_wait:.0f} s; "
                                   "will retry", kind="retry")
            time.sleep(self.poll)
            media = self._call(lambda media_id=media["id"]: self.api.media(media_id), "waiting for the card to be processed")
        return str(media["id"])

    def _published(self, status) -> Published:
        return Published(remote_id=str(status["id"]), url=str(status.get("url") or status.get("uri") or ""))

    # --- after an uncertain attempt, and afterwards -----------------------------------------

    def find_existing(self, post: Outgoing) -> Published | None:
        """The post if it is among the account's own recent statuses, else None."""
        self.verify_handle()
        wanted = comparable(post.text)
        me = self._me or {}
        page = self._call(lambda: self.api.account_statuses(me["id"], exclude_reblogs=True, limit=PAGE),
                          "looking for an earlier attempt among the account's statuses")
        for _ in range(PAGES):
            for status in page or []:
                if comparable(as_text(status.get("content") or "")) == wanted:
                    return self.looked(post, replace(self._published(status), recovered=True,
                                                     at=network_time(status.get("created_at"))))
            if not page:
                break
            page = self._call(lambda previous=page: self.api.fetch_next(previous), "looking further back among the statuses")
        return self.looked(post, None)

    def unpublish(self, remote_id: str) -> bool:
        """DELETE /api/v1/statuses/:id; False when the status was already gone."""
        self.verify_handle()
        try:
            self._call(lambda: self.api.status_delete(remote_id), "deleting the post", raw=True)
        except MastodonNotFoundError:
            return False
        return True

    def _call(self, function, action: str, *, posting: bool = False, raw: bool = False):
        try:
            return function()
        except MastodonError as exc:
            if raw and isinstance(exc, MastodonNotFoundError):
                raise
            raise classify(exc, action=action, handle=self.handle, api_base=self.access.api_base,
                           posting=posting, reset=self.api.ratelimit_reset, zone=self.zone) from None

    def close(self) -> None:
        session = getattr(self.api, "session", None)
        if session is not None:
            session.close()


def as_text(content: str) -> str:
    """A status's HTML content as plain text: paragraphs and line breaks kept, tags dropped."""
    text = re.sub(r"</p>\s*<p>", "\n\n", content)
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def comparable(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
