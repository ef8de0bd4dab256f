"""A `cron:` slot as crontab(5) means it -> the fields of APScheduler CronTriggers that fire the same.

APScheduler 3.x's `CronTrigger.from_crontab` numbers weekdays from Monday (`1` is Tuesday there, `0`
Monday), reads `mon#5` as every Monday, and ANDs a day of the month with a weekday. crontab(5) numbers
them from Sunday (0 and 7 are Sunday, `1-5` Monday to Friday), and when both the day of the month and the
weekday are restricted (neither starts with `*`) a day matching either one fires. So each field is read
here by crontab's grammar and handed over spelled out: weekdays by name, other fields as plain numbers,
and an OR of the two day fields as two triggers. `mon#5` (the fifth Monday of the month, an extension
several crons share) becomes APScheduler's `5th mon`. Anything else (`L`, `?`, `5/2`, a seconds field) is
refused with a ValueError saying what crontab takes.
"""

from __future__ import annotations

import re

WEEKDAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # crontab's 0..6 (7 is Sunday again)
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")

_ELEMENT = re.compile(r"^(?:(\*)|([0-9a-z]+)(?:-([0-9a-z]+))?)(?:/([0-9]+))?$", re.IGNORECASE)
_NTH = re.compile(r"^([0-9a-z]+)#([0-9]+)$", re.IGNORECASE)

_FIELDS = (("minute", 0, 59, ()), ("hour", 0, 23, ()), ("day of the month", 1, 31, ()),
           ("month", 1, 12, MONTH_NAMES), ("weekday", 0, 7, WEEKDAY_NAMES))


def trigger_fields(expression: str) -> list[dict[str, str]]:
    """The keyword arguments of the CronTriggers whose fire times together are the expression's."""
    parts = expression.split()
    if len(parts) != 5:
        raise ValueError(f"crontab has five fields (minute hour day month weekday), not {len(parts)}")
    minute, hour, day, month = (_spelled(_values(text, *spec), spec[1], spec[2])
                                for text, spec in zip(parts[:4], _FIELDS[:4], strict=True))
    weekdays, nths = _weekdays(parts[4])
    base = {"minute": minute, "hour": hour, "month": month}
    days = ",".join(WEEKDAY_NAMES[d] for d in sorted(weekdays)) if weekdays != set(range(7)) else "*"
    nth = ",".join(f"{_ORDINALS[n - 1]} {WEEKDAY_NAMES[d]}" for d, n in nths)
    if parts[2].startswith("*") or parts[4].startswith("*"):  # crontab(5): the two day fields are ANDed
        if nths and day != "*":
            raise ValueError(f"{parts[4]!r}: a weekday with #n needs * as the day of the month")
        found = [{**base, "day": day, "day_of_week": days}] if weekdays else []
        return found + ([{**base, "day": nth, "day_of_week": "*"}] if nths else [])
    found = [{**base, "day": day, "day_of_week": "*"}]  # both restricted: either one fires
    if weekdays:
        found.append({**base, "day": "*", "day_of_week": days})
    if nths:
        found.append({**base, "day": nth, "day_of_week": "*"})
    return found


def _weekdays(text: str) -> tuple[set[int], list[tuple[int, int]]]:
    plain: set[int] = set()
    nths: list[tuple[int, int]] = []
    for element in text.split(","):
        match = _NTH.match(element)
        if match:
            day = _value(match.group(1), "weekday", 0, 7, WEEKDAY_NAMES) % 7
            count = int(match.group(2))
            if not 1 <= count <= 5:
                raise ValueError(f"{element!r}: #n counts the weekday within the month, from #1 to #5")
            nths.append((day, count))
            continue
        plain.update(value % 7 for value in _values(element, "weekday", 0, 7, WEEKDAY_NAMES))
    return plain, sorted(set(nths))


def _values(text: str, name: str, low: int, high: int, names: tuple[str, ...]) -> set[int]:
    found: set[int] = set()
    for element in text.split(","):
        match = _ELEMENT.match(element)
        if not match:
            raise ValueError(f"{element!r} is not a crontab {name} (write a number from {low} to {high}"
                             f"{', a name' if names else ''}, a range a-b, a step */n or a-b/n, or a list)")
        star, first, last, step = match.groups()
        if star:
            start, end = low, (6 if name == "weekday" else high)
        elif last is None and step is not None:
            raise ValueError(f"{element!r}: crontab steps go over a range (*/{step} or a-b/{step}), not from one value")
        else:
            start = _value(first, name, low, high, names)
            end = _value(last, name, low, high, names) if last is not None else start
            if end < start:
                raise ValueError(f"{element!r}: a crontab range runs from low to high; write it as a list")
        every = int(step) if step is not None else 1
        if every < 1:
            raise ValueError(f"{element!r}: a step is at least 1")
        found.update(range(start, end + 1, every))
    return found


def _value(text: str, name: str, low: int, high: int, names: tuple[str, ...]) -> int:
    if text.lower() in names:
        return names.index(text.lower()) + (1 if name == "month" else 0)
    if text.isdigit() and low <= int(text) <= high:
        return int(text)
    raise ValueError(f"{text!r} is not a crontab {name} (a number from {low} to {high}"
                     f"{' or ' + ', '.join(names[:3]) + ', ...' if names else ''})")


def _spelled(values: set[int], low: int, high: int) -> str:
    return "*" if values == set(range(low, high + 1)) else ",".join(str(v) for v in sorted(values))
