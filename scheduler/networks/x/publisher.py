"""Posting to X with tweepy, OAuth 1.0a user context, a card and its alt text. No v1.1 endpoints.

One post: check once per set of credentials that they belong to the configured handle
(GET /2/users/me); upload the card (POST /2/media/upload, multipart `media` with
`media_category=tweet_image`, signed by tweepy's OAuth1UserHandler); set its alt text
(POST /2/media/metadata); create the post (tweepy's Client.create_tweet). Every failure becomes a
PublishError (see xerrors). After an uncertain attempt, find_existing looks through the account's
recent posts for the same text before anything is posted again.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import requests
import tweepy

from scheduler.errors import PublishError
from scheduler.networks.base import (
    HandleCache,
    LooksBeforePosting,
    MemoryHandleCache,
    Outgoing,
    Published,
    network_time,
    read_image,
)
from scheduler.networks.logs import keep_out_of_logs
from scheduler.networks.x import MAX_ALT_TEXT
from scheduler.networks.x.costs import DEFAULT_PRICES, post_cost
from scheduler.networks.x.credentials import Credentials
from scheduler.networks.x.errors import (
    classify,
    is_duplicate,
    raise_for_answer,
    says_gone,
)
from scheduler.networks.x.http import (
    DEFAULT_TIMEOUT,
    MEDIA_HOST,
    route_session,
    x_session,
)

logger = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 5 * 1024 * 1024
RECENT_POSTS = 100
PAGES = 8  # X serves a user's last 3,200 posts; 800 is far more than a burst of due posts


@dataclass(frozen=True)
class XUser:
    id: str
    username: str
    name: str = ""


def post_url(handle: str, remote_id: str) -> str:
    return f"https://x.com/{handle}/status/{remote_id}"


class XPublisher(LooksBeforePosting):
    name = "x"
    network = "X"

    def __init__(self, credentials: Credentials, handle: str, *, api_base: str | None = None,
                 prices: Mapping[str, float] = DEFAULT_PRICES, handle_cache: HandleCache | None = None,
                 timeout=DEFAULT_TIMEOUT, backoff: float = 0.5, zone=None):
        self.credentials = credentials
        self.handle = handle
        self.zone = zone
        self.prices = dict(prices)
        self.handle_cache = handle_cache if handle_cache is not None else MemoryHandleCache()
        keep_out_of_logs(credentials.api_key, credentials.api_secret, credentials.access_token,
                         credentials.access_token_secret)
        self._me: XUser | None = None
        self._verified = False
        super().__init__()
        self._client = tweepy.Client(
            consumer_key=credentials.api_key, consumer_secret=credentials.api_secret,
            access_token=credentials.access_token, access_token_secret=credentials.access_token_secret,
            return_type=requests.Response,
        )
        # tweepy's own calls: reads are repeated on 5xx and lost answers, a post never is.
        route_session(self._client.session, api_base, timeout=timeout, retry_methods=("GET",), backoff=backoff)
        # media calls: repeating an upload or an alt text is harmless.
        self._media = x_session(api_base, timeout=timeout, retry_methods=("GET", "POST"), backoff=backoff)

    # --- who we are -------------------------------------------------------------------------

    def whoami(self) -> XUser:
        """GET /2/users/me: the account these credentials belong to."""
        if self._me is None:
            try:
                response = self._client.get_me(user_auth=True)
            except (tweepy.TweepyException, requests.RequestException) as exc:
                raise self._failure(exc, "asking X whose credentials these are") from None
            self._me = parse_user(response)
            self.handle_cache.put(self.credentials.fingerprint, self._me.username)
        return self._me

    def verify_handle(self) -> None:
        """Refuse to post unless the credentials belong to the configured handle (asked once per fingerprint)."""
        if self._verified:
            return
        known = self.handle_cache.get(self.credentials.fingerprint)
        if known is None or known.lower() != self.handle.lower():
            me = self.whoami()
            if me.username.lower() != self.handle.lower():
                raise PublishError(
                    f"the X credentials belong to @{me.username}, not @{self.handle}; nothing was posted. Use "
                    f"@{self.handle}'s access token and secret (X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET) or change "
                    "account.handle in posts/schedule.yaml", kind="stop")
        self._verified = True

    # --- posting ----------------------------------------------------------------------------

    def post(self, post: Outgoing) -> Published:
        media_ids = []
        if post.card is not None:
            media_id = self.upload_card(Path(post.card))
            if post.alt_text:
                self.set_alt_text(media_id, post.alt_text)
            media_ids.append(media_id)
        try:
            response = self._client.create_tweet(text=post.text, media_ids=media_ids or None, user_auth=True)
        except (tweepy.TweepyException, requests.RequestException) as exc:
            if is_duplicate(exc) and post.uncertain:
                return self._duplicate_of_uncertain(post)
            raise self._failure(exc, "posting", posting=True, recycled=post.round > 1) from None
        remote_id = read_id(response, "POST /2/tweets")
        _log_daily_limit(response, self.handle)
        logger.info("posted %s to X as @%s: %s", post.post_id, self.handle, remote_id)
        return Published(remote_id=remote_id, url=post_url(self.handle, remote_id),
                         cost_usd=post_cost(post, self.prices))

    def _duplicate_of_uncertain(self, post: Outgoing) -> Published:
        """X calls the text a duplicate after an uncertain attempt: that attempt went out."""
        existing = self.find_existing(post)
        if existing is not None:
            return existing
        logger.warning("post %s: X calls it a duplicate of an earlier attempt, but it is not among the "
                       "%d most recent posts; recorded as posted without its id", post.post_id, RECENT_POSTS)
        return Published(remote_id="", url=f"https://x.com/{self.handle}", cost_usd=post_cost(post, self.prices),
                         recovered=True)

    def upload_card(self, card: Path) -> str:
        """POST /2/media/upload: the card as multipart `media`, media_category=tweet_image; the media id."""
        data, mime = read_image(card, MAX_IMAGE_BYTES, "X")
        try:
            response = self._media.post(
                f"{MEDIA_HOST}/2/media/upload", auth=self._oauth1(),
                files={"media": (card.name, data, mime)}, data={"media_category": "tweet_image"})
            raise_for_answer(response)
        except (tweepy.TweepyException, requests.RequestException) as exc:
            raise self._failure(exc, "uploading the card") from None
        return read_id(response, "POST /2/media/upload")

    def set_alt_text(self, media_id: str, alt_text: str) -> None:
        """POST /2/media/metadata: the alt text a screen reader says instead of the card."""
        if len(alt_text) > MAX_ALT_TEXT:
            raise PublishError(f"the alt text has {len(alt_text)} characters; X takes at most {MAX_ALT_TEXT}: "
                               "shorten the tip's alt_text", kind="permanent")
        try:
            response = self._media.post(
                f"{MEDIA_HOST}/2/media/metadata", auth=self._oauth1(),
                json={"id": media_id, "metadata": {"alt_text": {"text": alt_text}}})
            raise_for_answer(response)
        except (tweepy.TweepyException, requests.RequestException) as exc:
            raise self._failure(exc, "setting the card's alt text") from None

    def _failure(self, exc: Exception, action: str, *, posting: bool = False, recycled: bool = False
                 ) -> PublishError:
        return classify(exc, action=action, handle=self.handle, posting=posting, zone=self.zone, recycled=recycled)

    def _oauth1(self):
        c = self.credentials
        return tweepy.OAuth1UserHandler(c.api_key, c.api_secret, c.access_token, c.access_token_secret).apply_auth()

    # --- after an uncertain attempt ---------------------------------------------------------

    def find_existing(self, post: Outgoing) -> Published | None:
        """The post if it is among the account's recent posts (GET /2/users/:id/tweets), else None."""
        self.verify_handle()
        me = self.whoami()
        wanted = comparable(post.text)
        token = None
        for _ in range(PAGES):
            try:
                response = self._client.get_users_tweets(
                    me.id, user_auth=True, max_results=RECENT_POSTS, exclude=["replies", "retweets"],
                    tweet_fields=["created_at", "entities"], pagination_token=token)
                answer = response.json()
            except (tweepy.TweepyException, requests.RequestException) as exc:
                raise self._failure(exc, "looking for an earlier attempt among recent posts") from None
            except ValueError:
                raise PublishError("X answered GET /2/users/:id/tweets with no JSON; will retry", kind="retry") from None
            for tweet in answer.get("data") or []:
                if comparable(tweet.get("text", ""), tweet.get("entities")) == wanted:
                    remote_id = str(tweet["id"])
                    return self.looked(post, Published(remote_id=remote_id, url=post_url(self.handle, remote_id),
                                                       cost_usd=post_cost(post, self.prices), recovered=True,
                                                       at=network_time(tweet.get("created_at"))))
            token = (answer.get("meta") or {}).get("next_token")
            if not token:
                break
        return self.looked(post, None)

    def own_posts(self, **params) -> dict:
        """One page of GET /2/users/:id/tweets for this account (tweepy's get_users_tweets parameters), as JSON."""
        self.verify_handle()
        me = self.whoami()
        try:
            return self._client.get_users_tweets(me.id, user_auth=True, **params).json()
        except (tweepy.TweepyException, requests.RequestException) as exc:
            raise self._failure(exc, "reading the account's own posts") from None
        except ValueError:
            raise PublishError("X answered GET /2/users/:id/tweets with no JSON; will retry", kind="retry") from None

    def one_post(self, remote_id: str, tweet_fields: list[str]) -> dict | None:
        """GET /2/tweets/:id for one of this account's posts, as JSON; None when X says it no longer exists (a 404,
        or an answer whose error is resource-not-found: x.errors.says_gone)."""
        self.verify_handle()
        try:
            answer = self._client.get_tweet(remote_id, user_auth=True, tweet_fields=tweet_fields).json()
        except tweepy.NotFound as exc:
            if says_gone(exc):
                return None
            raise self._failure(exc, "looking whether a post is still there") from None
        except (tweepy.TweepyException, requests.RequestException) as exc:
            raise self._failure(exc, "looking whether a post is still there") from None
        except ValueError:
            raise PublishError("X answered GET /2/tweets/:id with no JSON; will retry", kind="retry") from None
        if not isinstance(answer, dict) or says_gone(answer):
            return None
        return answer.get("data") if isinstance(answer.get("data"), dict) else None

    def unpublish(self, remote_id: str) -> bool:
        """DELETE /2/tweets/:id; False when the post was already gone."""
        self.verify_handle()
        try:
            response = self._client.delete_tweet(remote_id, user_auth=True)
        except tweepy.NotFound:
            return False
        except (tweepy.TweepyException, requests.RequestException) as exc:
            raise self._failure(exc, "deleting the post") from None
        try:
            return bool(response.json()["data"]["deleted"])
        except (ValueError, KeyError, TypeError):
            raise PublishError("X answered DELETE /2/tweets/:id without data.deleted; check the post on x.com",
                               kind="retry") from None

    def close(self) -> None:
        self._client.session.close()
        self._media.close()


# --- helpers ----------------------------------------------------------------------------------

def comparable(text: str, entities: Mapping | None = None) -> str:
    """Text as X shows it, reduced so that a post and what was sent compare equal.

    X shortens every link to t.co, adds a t.co link for attached media and escapes &, < and >;
    links are therefore left out of the comparison.
    """
    for url in (entities or {}).get("urls", []) or []:
        short = url.get("url")
        if short:
            text = text.replace(short, " ")
    text = html.unescape(text)
    # lazy: twitter-text (about a second) only to compare a maybe-posted post; check and collect build this publisher without it
    from twitter_text import extract_urls_with_indices

    for found in sorted(extract_urls_with_indices(text), key=lambda u: u["indices"][0], reverse=True):
        start, end = found["indices"]
        text = text[:start] + " " + text[end:]
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parse_user(response: requests.Response) -> XUser:
    """The account in an answer to GET /2/users/me."""
    try:
        data = response.json()["data"]
        return XUser(id=str(data["id"]), username=str(data["username"]), name=str(data.get("name", "")))
    except (ValueError, KeyError, TypeError):
        raise PublishError("X answered GET /2/users/me without the account's data; will retry",
                           kind="retry") from None


def read_id(response: requests.Response, what: str) -> str:
    try:
        return str(response.json()["data"]["id"])
    except (ValueError, KeyError, TypeError):
        raise PublishError(f"X answered {what} without data.id; will retry", kind="retry",
                           uncertain=what == "POST /2/tweets") from None


def _log_daily_limit(response: requests.Response, handle: str) -> None:
    remaining = response.headers.get("x-user-limit-24hour-remaining")
    if remaining is not None:
        logger.info("X: %s posts left for @%s in this 24-hour window", remaining, handle)
