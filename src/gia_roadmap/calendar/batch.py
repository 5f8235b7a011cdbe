"""Vectorised working-day arithmetic over many dates at once.

Inputs are sequences of :class:`datetime.date` or numpy arrays of ``datetime64[D]`` (numpy is an
optional extra: ``pip install "gia-roadmap[numpy]"``). A numpy input gives numpy output (``datetime64[D]``
or ``int64``/``bool`` arrays); a sequence gives a list. The semantics are exactly those of the scalar
methods of :class:`~gia_roadmap.calendar.RussianCalendar`; the tests check batch against scalar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from gia_roadmap.errors import DateTypeError

if TYPE_CHECKING:
    from gia_roadmap.calendar.production import RussianCalendar

__all__ = ["DateBatch", "IntBatch", "add_working_days", "is_working_day", "working_days_between"]

DateBatch: TypeAlias = Sequence[dt.date] | Any  # Any: a numpy datetime64 array
IntBatch: TypeAlias = Sequence[int] | Any  # Any: a numpy integer array

_EPOCH = dt.date(1970, 1, 1).toordinal()


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - exercised only without the extra
        return None
    return numpy


def _is_array(value: object) -> bool:
    np = _numpy()
    return np is not None and isinstance(value, np.ndarray)


def _arrays(calendar: RussianCalendar) -> dict[str, Any]:
    index = calendar._index
    cache: dict[str, Any] = index.cache
    if not cache:
        np = _numpy()
        cache["rank"] = np.asarray(index.rank, dtype=np.int64)
        cache["work_ord"] = np.asarray(index.work_ord, dtype=np.int64)
        cache["working"] = np.asarray(index.working, dtype=bool)
    return cache


def _positions(calendar: RussianCalendar, days: Any, what: str, *, allow_end: bool = False) -> Any:
    np = _numpy()
    array = np.asarray(days)
    if array.dtype.kind != "M":
        raise DateTypeError(f"{what} must be a datetime64 array, got dtype {array.dtype}")
    ordinals = array.astype("datetime64[D]").astype(np.int64) + _EPOCH
    index = calendar._index
    positions = ordinals - index.base
    limit = index.size + (1 if allow_end else 0)
    bad = (positions < 0) | (positions >= limit)
    if bad.any():
        first = dt.date.fromordinal(int(ordinals[bad.argmax()]))
        raise calendar._coverage_error(first.year, f"{what} {first.isoformat()}")
    return positions


def _to_dates(np: Any, ordinals: Any) -> Any:
    return (ordinals - _EPOCH).astype("datetime64[D]")


def add_working_days(calendar: RussianCalendar, days: DateBatch, delta: int | IntBatch) -> Any:
    """:meth:`RussianCalendar.add_working_days` for many dates (``delta`` a number or one per date)."""
    if not _is_array(days) and not _is_array(delta):
        if isinstance(delta, int):
            return [calendar.add_working_days(d, delta) for d in days]
        return [calendar.add_working_days(d, n) for d, n in zip(days, delta, strict=True)]
    np = _numpy()
    positions = _positions(calendar, days, "date")
    steps = np.asarray(delta)
    if steps.dtype.kind not in "iu":
        raise DateTypeError(f"delta must be whole numbers of days, got dtype {steps.dtype}")
    arrays = _arrays(calendar)
    rank, work_ord = arrays["rank"], arrays["work_ord"]
    k = np.where(steps > 0, rank[positions + 1] + steps - 1, rank[positions] + steps)
    out_of_range = (k < 0) | (k >= len(work_ord))
    if out_of_range.any():
        where = int(np.broadcast_to(out_of_range, k.shape).argmax())
        start = dt.date.fromordinal(int(np.broadcast_to(positions, k.shape)[where]) + calendar._index.base)
        year = calendar.covered_years[1] + 1 if int(k.flat[where]) >= 0 else calendar.covered_years[0] - 1
        raise calendar._coverage_error(
            year,
            f"shifting {start.isoformat()} by {int(np.broadcast_to(steps, k.shape)[where])} working days",
        )
    shifted = work_ord[np.clip(k, 0, len(work_ord) - 1)]
    result = np.where(steps == 0, positions + calendar._index.base, shifted)
    return _to_dates(np, result)


def working_days_between(calendar: RussianCalendar, starts: DateBatch, ends: DateBatch) -> Any:
    """:meth:`RussianCalendar.working_days_between` for pairs of dates."""
    if not _is_array(starts) and not _is_array(ends):
        return [calendar.working_days_between(a, b) for a, b in zip(starts, ends, strict=True)]
    rank = _arrays(calendar)["rank"]
    i = _positions(calendar, starts, "start")
    j = _positions(calendar, ends, "end", allow_end=True)
    return rank[j] - rank[i]


def is_working_day(calendar: RussianCalendar, days: DateBatch) -> Any:
    """:meth:`RussianCalendar.is_working_day` for many dates."""
    if not _is_array(days):
        return [calendar.is_working_day(d) for d in days]
    return _arrays(calendar)["working"][_positions(calendar, days, "date")]
