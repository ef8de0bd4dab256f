"""Reading Mastodon's counts: GET /api/v1/statuses?id[]=... (Mastodon 4.3 and later, up to 20 a call);
an instance without it (404) is read one status at a time, GET /api/v1/statuses/:id. Reading is free.

A Mastodon status has no impressions: favourites, reblogs, replies and, from 4.5, quotes, as this instance
knows them (other servers may know of more). A status the batch leaves out is asked for alone: a 404 there
says it was deleted (Reading.gone).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import requests

from scheduler.errors import PublishError
from scheduler.networks.base import Counts, Reader, Reading, ToRead
from scheduler.networks.logs import keep_out_of_logs
from scheduler.networks.policy import ANSWER_WITHIN_S

BATCH = 20
TIMEOUT = ANSWER_WITHIN_S


class MastodonReader(Reader):
    def __init__(self, access):
        self.base = access.api_base.rstrip("/")
        keep_out_of_logs(access.access_token)
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {access.access_token}"
        self.one_at_a_time = False

    def read(self, posts: Sequence[ToRead], now: datetime, others: Sequence[str] = ()) -> Reading:
        reading = Reading()
        ids = [p.remote_id for p in posts]
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            if not self.one_at_a_time:
                response = self._get("/api/v1/statuses", [("id[]", remote_id) for remote_id in batch])
                reading.calls += 1
                if response.status_code == 404:  # before 4.3
                    self.one_at_a_time = True
                else:
                    for status in _json(response, "GET /api/v1/statuses"):
                        reading.counts[str(status.get("id"))] = counts_of(status)
                    batch = [remote_id for remote_id in batch if remote_id not in reading.counts]
                    # left out of the batch: asked one by one, where a 404 says it was deleted
            for remote_id in batch:
                response = self._get(f"/api/v1/statuses/{remote_id}", [])
                reading.calls += 1
                if response.status_code == 404:  # "Record not found": deleted since
                    reading.gone.append(remote_id)
                    continue
                status = _json(response, "GET /api/v1/statuses/:id")
                reading.counts[str(status.get("id"))] = counts_of(status)
        reading.billed = list(reading.counts)
        return reading

    def _get(self, path: str, params) -> requests.Response:
        try:
            response = self.session.get(self.base + path, params=params, timeout=TIMEOUT)
        except requests.RequestException as exc:
            raise PublishError(f"Mastodon did not answer ({type(exc).__name__}); collect tries again on its next "
                               "run", kind="retry") from None
        if response.status_code == 404:
            return response
        if response.status_code in (401, 403):
            raise PublishError(f"Mastodon refused the access token ({response.status_code}); give "
                               "MASTODON_ACCESS_TOKEN the read:statuses scope", kind="stop")
        if response.status_code >= 400:
            raise PublishError(f"Mastodon answered {response.status_code}; collect tries again on its next run",
                               kind="retry")
        return response

    def close(self) -> None:
        self.session.close()


def _json(response: requests.Response, what: str):
    try:
        return response.json()
    except ValueError:
        raise PublishError(f"Mastodon answered {what} with no JSON; collect tries again on its next run",
                           kind="retry") from None


def counts_of(status: dict) -> Counts:
    def number(name: str) -> int | None:
        value = status.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    return Counts(likes=number("favourites_count"), reposts=number("reblogs_count"),
                  replies=number("replies_count"), quotes=number("quotes_count"))
