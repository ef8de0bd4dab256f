"""The project folder as the studio sees it: the front door (`Project`), the clock, and settings reread when
their files change.

The studio keeps no state of its own: every change is a `Project` call (campaign files stay the truth,
written in place, recorded and undoable), and queueing, retrying, skipping, pausing and resuming are the
same calls as the CLI's `queue`, `retry`, `skip`, `pause` and `resume`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scheduler import open_project
from scheduler.project import Saved
from scheduler.results import Change, Pinned

if TYPE_CHECKING:
    from scheduler.campaigns.file import Campaign, Tip
    from scheduler.config import Settings


class Workspace:
    """One project folder as the studio sees it; `clock` is the only place the time comes from."""

    def __init__(self, root: Path | str, clock: Callable[[], datetime]):
        self.root = Path(root).resolve()
        self.project = open_project(self.root)
        self.clock = clock
        self._settings: Settings | None = None
        self._settings_key: tuple[float, ...] | None = None
        self._splitting = threading.Lock()

    def refresh(self) -> None:
        """Reread the settings if posts/schedule.yaml, assets/brand.yaml or .env changed (once per request)."""
        key = tuple(_mtime(self.root / name) for name in ("posts/schedule.yaml", "assets/brand.yaml", ".env"))
        if self._settings is None or key != self._settings_key:
            self._settings = None
            self.project.reload()
            self._settings = self.project.settings  # a bad file raises here, and again on the next use
            self._settings_key = key

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self.refresh()
        assert self._settings is not None
        return self._settings

    def campaign(self, slug: str) -> tuple[Campaign, str]:
        self.settings  # noqa: B018 - refreshed settings first
        return self.project.campaign(slug)

    # --- changes, each at the clock's time ---------------------------------------------------------

    def edit_tip(self, slug: str, tip_id: str, values: dict, version: str, was: dict | None = None) -> Saved:
        return self.project.edit_tip(slug, tip_id, values, version=version, was=was, now=self.clock())

    def set_status(self, slug: str, tip_id: str, status: str, version: str | None, acknowledge: Sequence[str] = (),
                   batch: str | None = None, shown: str | None = None) -> Saved:
        return self.project.set_tip_status(slug, tip_id, status, version=version, acknowledge=acknowledge,
                                           now=self.clock(), batch=batch, shown=shown)

    def drop_flag(self, slug: str, tip_id: str, flag: str, version: str) -> Saved:
        return self.project.drop_flag(slug, tip_id, flag, version=version, now=self.clock())

    def reorder(self, slug: str, tip_id: str, offset: int, version: str) -> Saved:
        return self.project.reorder_tip(slug, tip_id, offset, version=version, now=self.clock())

    def add_tip(self, slug: str, text: str, paragraph: int | None, version: str) -> Saved:
        return self.project.add_tip(slug, text, paragraph, version=version, now=self.clock())

    def add_article(self, title: str, text: str, upload_name: str | None = None, upload: bytes | None = None,
                    url: str = "", hashtags: str | None = None, update: str | None = None) -> str:
        """The studio calls this in a worker thread (a long article splits for seconds; other pages are answered
        meanwhile). One article at a time: two adds of the same article cannot interleave, and the second finds
        the first's campaign (AlreadyHere)."""
        with self._splitting:
            return self.project.add_article(title, text, upload_name=upload_name, upload=upload, url=url,
                                            hashtags=hashtags, now=self.clock(), update=update)

    def set_links(self, slug: str, url: str, hashtags: str | None, was: dict | None = None) -> Saved:
        return self.project.set_campaign_links(slug, url, hashtags, was=was, now=self.clock())

    def move(self, post_id: str, when: str, batch: str | None = None) -> Pinned:
        return self.project.pin_post(post_id, when, now=self.clock(), batch=batch)

    def undo(self, change_id: str | None = None) -> Change | None:
        return self.project.undo(change_id, now=self.clock())

    def post_length(self, campaign: Campaign, tip: Tip, text: str | None = None) -> tuple[int, int]:
        """(length, limit) of the tip's post where it comes nearest its network's limit."""
        _, length = self.project.compose(campaign, tip, text).tightest
        return length.length, length.limit


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


__all__ = ["Workspace"]
