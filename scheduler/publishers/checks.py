"""`check`: is everything in place to post? Configuration, brand and fonts, credentials, and whose
credentials they are (GET /2/users/me). Posts nothing, writes nothing; secrets are shown masked.

Exit codes: 0 all good; 2 a configuration problem (brand, fonts, credentials missing);
1 X refused the credentials or they belong to another handle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scheduler.config import SECRET_NAMES, mask
from scheduler.errors import ConfigError, PublishError

OK, CONFIG_PROBLEM, ACCOUNT_PROBLEM = 0, 2, 1


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    exit_code: int = OK


@dataclass
class CheckReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        failed = [c.exit_code for c in self.checks if not c.ok]
        return CONFIG_PROBLEM if CONFIG_PROBLEM in failed else (ACCOUNT_PROBLEM if failed else OK)

    def add(self, name: str, ok: bool, detail: str, exit_code: int = OK) -> None:
        self.checks.append(Check(name, ok, detail, OK if ok else exit_code))

    def as_dict(self) -> dict:
        return {"ok": self.exit_code == OK,
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks]}

    def lines(self) -> list[str]:
        width = max((len(c.name) for c in self.checks), default=0)
        return [f"{'ok  ' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}" for c in self.checks]


def run_check(settings, *, brand: bool = True, network: str | None = None) -> CheckReport:
    """Check the configuration and every account (or only `network`'s)."""
    report = CheckReport()
    schedule = settings.schedule
    accounts = [a for a in schedule.accounts or (schedule.account,) if network in (None, a.network)]
    if not accounts:
        report.add("configuration", False, f"posts/schedule.yaml has no {network} account", CONFIG_PROBLEM)
        return report
    shown = "; ".join(f"@{a.handle}, publisher {a.publisher}" if a.network == "x"
                      else f"{a.handle} on {a.network}, publisher {a.publisher}" for a in accounts)
    report.add("configuration", True, f"posts/schedule.yaml: {shown}, {schedule.timezone}, "
                                      f"{len(schedule.slots)} slot rule(s)")
    if brand:
        _check_brand(report, settings)
    for account in accounts:
        if account.network == "x":
            _check_x(report, settings, account)
        elif account.network == "mastodon":
            _check_mastodon(report, settings, account)
        elif account.network == "bluesky":
            from scheduler.publishers.bluesky import check_account

            check_account(report, settings, account)
    return report


def _check_mastodon(report: CheckReport, settings, account) -> None:
    from scheduler.publishers.mastodonaccess import (
        BASE_NAME,
        HOW_TO_GET_A_TOKEN,
        TOKEN_NAME,
    )

    access = settings.mastodon
    if access is None:
        if account.publisher == "mastodon":
            report.add("mastodon credentials", False, f"not set: {TOKEN_NAME} and {BASE_NAME} in the environment or "
                                                      f".env; {HOW_TO_GET_A_TOKEN}", CONFIG_PROBLEM)
        else:
            report.add("mastodon credentials", True, "not set (publisher outbox needs none)")
        return
    report.add("mastodon credentials", True, f"{TOKEN_NAME}={mask(access.access_token)}, {BASE_NAME}={access.api_base}")
    from scheduler.publishers.mastodon import MastodonPublisher

    publisher = MastodonPublisher(access, account.handle, state_dir=settings.state_dir, timeout=15.0)
    try:
        actual = publisher.whoami()
        limits = publisher.limits()
    except PublishError as exc:
        report.add("mastodon handle", False, str(exc), ACCOUNT_PROBLEM)
        return
    finally:
        publisher.close()
    if actual.lower() != account.handle.lower():
        report.add("mastodon handle", False, f"the access token belongs to {actual}, not {account.handle}; put "
                                             f"{account.handle}'s token in {TOKEN_NAME} or change the mastodon "
                                             "account's handle in posts/schedule.yaml", ACCOUNT_PROBLEM)
        return
    report.add("mastodon handle", True, f"the access token belongs to {actual}; the instance takes "
                                        f"{limits.max_characters} characters a post (remembered for queue)")


def _check_x(report: CheckReport, settings, account) -> None:
    credentials = settings.credentials
    if credentials is None:
        if account.publisher == "x":
            report.add("credentials", False, f"not set: publisher x needs {', '.join(SECRET_NAMES)} in the "
                                             "environment or .env", CONFIG_PROBLEM)
        else:
            report.add("credentials", True, f"not set (publisher {account.publisher} needs none)")
        return
    shown = ", ".join(f"{name}={mask(value)}" for name, value in zip(SECRET_NAMES, (
        credentials.api_key, credentials.api_secret, credentials.access_token, credentials.access_token_secret)))
    report.add("credentials", True, shown)
    _check_handle(report, settings)


def _check_brand(report: CheckReport, settings) -> None:
    try:
        from scheduler.cards.brand import load_brand
    except ImportError:
        return
    try:
        brand = load_brand(settings.root, settings.schedule.account.handle)
    except ConfigError as exc:
        report.add("brand", False, str(exc), CONFIG_PROBLEM)
        return
    fonts = sorted({p.name for p in (brand.headline_font, brand.small_font, brand.kicker_font, *brand.fallback)})
    report.add("brand", True, f"assets/brand.yaml: fonts {', '.join(fonts)}"
                              + (f", logo {brand.logo.name}" if brand.logo else ""))


def _check_handle(report: CheckReport, settings) -> None:
    from scheduler.publishers.x import MemoryHandleCache, XPublisher

    handle = settings.schedule.account.handle
    where = f" (via {settings.x_api_base})" if settings.x_api_base else ""
    publisher = XPublisher(settings.credentials, handle, api_base=settings.x_api_base,
                           prices=settings.schedule.budget.prices, handle_cache=MemoryHandleCache())
    try:
        me = publisher.whoami()
    except PublishError as exc:
        report.add("handle", False, f"{exc}{where}", ACCOUNT_PROBLEM)
        return
    finally:
        publisher.close()
    if me.username.lower() != handle.lower():
        report.add("handle", False, f"the credentials belong to @{me.username}, not @{handle}; use @{handle}'s "
                                    "access token and secret or change account.handle in posts/schedule.yaml",
                   ACCOUNT_PROBLEM)
        return
    report.add("handle", True, f"the credentials belong to @{me.username} (user id {me.id}){where}")
