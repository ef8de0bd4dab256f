"""Bluesky: handles that are domain names (`junocounseling.bsky.social`), an app password and the
account's server, 300 graphemes (and 3,000 bytes) of the text as shown, and the atproto client."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from scheduler.errors import ConfigError, PublishError
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
from scheduler.networks.bluesky.access import (
    PASSWORD_NAME,
    PDS_NAME,
    BlueskyAccess,
    handle_problem,
    parse_access,
)
from scheduler.networks.bluesky.text import (
    MAX_BYTES,
    MAX_GRAPHEMES,
    bluesky_text,
    graphemes,
    pieces,
    shown_link,
)
from scheduler.networks.policy import checked


class Bluesky(Network):
    key = NetworkKey("bluesky")
    name = "Bluesky"
    example_handle = "junocounseling.bsky.social"
    env_names = (PASSWORD_NAME, PDS_NAME)
    secret_names = (PASSWORD_NAME,)
    # Square: the app shows a single image at the aspect ratio the post gives, as wide as the feed, so a
    # square card is shown larger (and its words bigger) on a phone than a 16:9 one, and never cropped.
    card_size = "square"

    def handle_problem(self, handle: str) -> str | None:
        return handle_problem(handle)

    def profile(self, handle: str) -> tuple[str, str]:
        return handle.split(".", 1)[0], f"@{handle}"

    def pieces(self, text: str) -> list[tuple[str, str, str]]:
        return pieces(text)  # a link is posted as a facet whose text is shown_link's: the app shows that text

    def shown_link(self, url: str) -> str:
        return shown_link(url)

    def read_access(self, environ: Mapping[str, str]) -> BlueskyAccess | None:
        return parse_access(environ)

    def length(self, text: str, state_dir: Path | None = None) -> TextLength:
        shown = bluesky_text(text)
        size = len(shown.encode("utf-8"))
        if size > MAX_BYTES:  # only text of many-byte characters (emoji sequences) reaches it before 300
            return TextLength(size, MAX_BYTES, "bytes (UTF-8) as Bluesky stores them")
        return TextLength(graphemes(shown), MAX_GRAPHEMES, "graphemes as Bluesky shows them")

    def fitter(self, compose: Callable[[str, bool], str], state_dir: Path | None = None) -> Callable[[str, bool], bool]:
        """Counted exactly only near the limit: the text as shown is never longer than the text itself."""
        def fits(text: str, sensitive: bool) -> bool:
            post = compose(text, sensitive)
            if len(post) <= MAX_GRAPHEMES and len(post.encode("utf-8")) <= MAX_BYTES:
                return True
            return self.length(post, state_dir).fits

        return fits

    def publisher(self, settings, account, handles: HandleCache) -> Publisher:
        # lazy: the publisher and its client only when something is due on Bluesky, not on run-due's fast path
        from scheduler.networks.bluesky.publisher import BlueskyPublisher

        return BlueskyPublisher(self.access(settings, account), account.handle, zone=settings.schedule.zone)

    def missing(self, account) -> str:
        return (f"environment: {PASSWORD_NAME} is not set; the Bluesky account needs an app password (see "
                "docs/networks.md, 'Posting to Bluesky') in the environment or .env")

    def unset(self, settings, account) -> str | None:
        found = settings.access.get(self.key)
        if isinstance(found, BlueskyAccess) and not found.app_password:  # only BLUESKY_PDS_URL
            return self.missing(account)
        return super().unset(settings, account)

    def reader(self, settings, account, handles: HandleCache) -> Reader:
        # lazy: collect's reader stays off run-due's cron fast path, which loads this module
        from scheduler.networks.bluesky.reading import BlueskyReader

        return BlueskyReader(self.publisher(settings, account, handles))

    def check(self, report, settings, account) -> None:
        # lazy: as in publisher()
        from scheduler.networks.bluesky.publisher import BlueskyPublisher

        access = settings.access.get(self.key)
        if access is None or not access.app_password:
            if account.publisher == self.key:
                report.add("bluesky credentials", False, f"not set: {PASSWORD_NAME} (an app password from "
                                                         "bsky.app, Settings > Privacy and security > App "
                                                         "passwords) in the environment or .env", CONFIG_PROBLEM)
            else:
                report.add("bluesky credentials", True, f"not set (publisher {account.publisher} needs none)")
            return
        report.add("bluesky credentials", True,
                   f"{PASSWORD_NAME}={mask(access.app_password)}, {PDS_NAME}={access.pds_url}")
        try:
            publisher = BlueskyPublisher(access, account.handle)
        except ConfigError as exc:
            report.add("bluesky handle", False, str(exc), CONFIG_PROBLEM)
            return
        try:
            report.add("bluesky handle", True, publisher.check())
        except PublishError as exc:
            report.add("bluesky handle", False, checked(exc), account_check_code(exc))
        finally:
            publisher.close()


NETWORK = Bluesky()
