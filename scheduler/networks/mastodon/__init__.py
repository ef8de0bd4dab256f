"""Mastodon: handles like `@junocounseling@mastodon.social`, an access token and the instance's
address, the instance's own length limit (500 until `check` reads it), and Mastodon.py for the calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from scheduler.errors import PublishError
from scheduler.networks.base import (
    CONFIG_PROBLEM,
    HandleCache,
    Network,
    NetworkKey,
    Publisher,
    Reader,
    TextLength,
    account_check_code,
    mask,
)
from scheduler.networks.mastodon.access import (
    BASE_NAME,
    DEFAULT_MAX_CHARACTERS,
    DESCRIPTION_LIMIT,
    HOW_TO_GET_A_TOKEN,
    TOKEN_NAME,
    InstanceLimits,
    MastodonAccess,
    handle_problem,
    mastodon_length,
    parse_access,
    read_limits,
)
from scheduler.networks.policy import checked


class Mastodon(Network):
    key = NetworkKey("mastodon")
    name = "Mastodon"
    alt_text_most = DESCRIPTION_LIMIT  # an instance's own, read by check, is said at posting
    example_handle = '"@junocounseling@mastodon.social"'
    env_names = (TOKEN_NAME, BASE_NAME)
    secret_names = (TOKEN_NAME,)
    card_size = "x"  # 16:9: the web interface and most apps show a single image in a 16:9 box, uncropped
    # any link counts 23 (the instance's url_length) and shows as host and path cut after 30 characters
    # (Mastodon's TextFormatter.shortened_link)
    link_shown_most = 30

    def handle_problem(self, handle: str) -> str | None:
        return handle_problem(handle)

    def written(self, handle: str) -> str:
        return f"@{handle.lstrip('@')}"

    def profile(self, handle: str) -> tuple[str, str]:
        user = handle.lstrip("@")
        return user.split("@", 1)[0], f"@{user}"

    def read_access(self, environ: Mapping[str, str]) -> MastodonAccess | None:
        return parse_access(environ)

    def length(self, text: str, state_dir: Path | None = None) -> TextLength:
        limits = read_limits(state_dir) if state_dir is not None else InstanceLimits()
        where = limits.domain or "Mastodon"
        return TextLength(mastodon_length(text, limits.url_length), limits.max_characters or DEFAULT_MAX_CHARACTERS,
                          f"characters as {where} counts them")

    def fitter(self, compose: Callable[[str, bool], str], state_dir: Path | None = None) -> Callable[[str, bool], bool]:
        """Counted exactly only near the limit: a post is never longer than its code points plus a URL's
        length for every dot (each URL twitter-text finds has one)."""
        limits = read_limits(state_dir) if state_dir is not None else InstanceLimits()
        limit = limits.max_characters or DEFAULT_MAX_CHARACTERS

        def fits(text: str, sensitive: bool) -> bool:
            post = compose(text, sensitive)
            if len(post) + limits.url_length * post.count(".") <= limit:
                return True
            return mastodon_length(post, limits.url_length) <= limit

        return fits

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        # lazy: Mastodon.py only when something is due on Mastodon, not on run-due's cron fast path
        from scheduler.networks.mastodon.publisher import MastodonPublisher

        return MastodonPublisher(self.access(settings, account), account.handle, state_dir=settings.state_dir,
                                 zone=settings.schedule.zone)

    def missing(self, account) -> str:
        return (f"the mastodon account {account.handle} needs {TOKEN_NAME} and {BASE_NAME} in the environment or "
                f".env; {HOW_TO_GET_A_TOKEN}")

    def reader(self, settings, account, handles: HandleCache) -> Reader:
        # lazy: requests only when collecting, not on run-due's cron fast path
        from scheduler.networks.mastodon.reading import MastodonReader

        return MastodonReader(self.access(settings, account))

    def check(self, report, settings, account) -> None:
        # lazy: as in publisher()
        from scheduler.networks.mastodon.publisher import MastodonPublisher

        access = settings.access.get(self.key)
        if access is None:
            if account.publisher == self.key:
                report.add("mastodon credentials", False, f"not set: {TOKEN_NAME} and {BASE_NAME} in the "
                                                          f"environment or .env; {HOW_TO_GET_A_TOKEN}", CONFIG_PROBLEM)
            else:
                report.add("mastodon credentials", True, "not set (publisher outbox needs none)")
            return
        report.add("mastodon credentials", True,
                   f"{TOKEN_NAME}={mask(access.access_token)}, {BASE_NAME}={access.api_base}")
        publisher = MastodonPublisher(access, account.handle, state_dir=settings.state_dir)
        try:
            actual = publisher.whoami()
            limits = publisher.limits()
        except PublishError as exc:
            report.add("mastodon handle", False, checked(exc), account_check_code(exc))
            return
        finally:
            publisher.close()
        if actual.lower() != account.handle.lower():
            report.add("mastodon handle", False, f"the access token belongs to {actual}, not {account.handle}; put "
                                                 f"{account.handle}'s token in {TOKEN_NAME} or change the mastodon "
                                                 "account's handle in posts/schedule.yaml", CONFIG_PROBLEM)
            return
        report.add("mastodon handle", True, f"the access token belongs to {actual}; the instance takes "
                                            f"{limits.max_characters} characters a post (remembered for queue)")


NETWORK = Mastodon()
