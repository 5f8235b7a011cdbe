"""Vectorised working-day arithmetic over many dates at once.

Inputs are sequences of :class:`datetime.date` or numpy arrays of ``datetime64[D]`` (numpy is an
optional extra: ``pip install "gia-roadmap[numpy]"``). A numpy input gives numpy output (``datetime64[D]``
or ``int64``/``bool`` arrays); a sequence gives a list. The semantics are exactly those of the scalar
methods of :class:`~gia_roadmap.calendar.RussianCalendar`; the tests check batch against scalar.

The batch functions share the scalar ones' boundary: a date outside the calendar (``NaT``, a
``datetime64`` beyond the years of :class:`datetime.date` included) and a shift that leaves it (any
``delta``, of any integer dtype, ``uint64`` included) raise a typed error naming the first offending
element, never numpy's ``IndexError`` or ``OverflowError``. The numpy arrays a calendar needs are built
once, under a lock, so a fresh calendar may be used from many threads at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from gia_roadmap.errors import DateTypeError, InvalidValueError

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


_BUILDING = threading.Lock()


def _arrays(calendar: RussianCalendar) -> dict[str, Any]:
    """The calendar's numpy arrays, built once: under a lock, and published whole (a thread never sees
    a half-filled table)."""
    index = calendar._index
    arrays: dict[str, Any] | None = index.cache.get("arrays")
    if arrays is None:
        with _BUILDING:
            arrays = index.cache.get("arrays")
            if arrays is None:
                np = _numpy()
                arrays = {
                    "rank": np.asarray(index.rank, dtype=np.int64),
                    "work_ord": np.asarray(index.work_ord, dtype=np.int64),
                    "working": np.asarray(index.working, dtype=bool),
                }
                index.cache["arrays"] = arrays
    return arrays


def _positions(calendar: RussianCalendar, days: Any, what: str, *, allow_end: bool = False) -> Any:
    np = _numpy()
    array = np.asarray(days)
    if array.dtype.kind != "M":
        raise DateTypeError(f"{what} must be a datetime64 array, got dtype {array.dtype}")
    in_days = array.astype("datetime64[D]")
    missing = np.isnat(in_days)
    if missing.any():
        where = np.unravel_index(int(missing.argmax()), missing.shape)
        raise InvalidValueError(
            f"{what} at index {_index_text(where)} is NaT (not a time); give a date in every element"
        )
    ordinals = in_days.astype(np.int64) + _EPOCH
    index = calendar._index
    positions = ordinals - index.base
    limit = index.size + (1 if allow_end else 0)
    bad = (positions < 0) | (positions >= limit)
    if bad.any():
        flat = int(bad.argmax())
        day = in_days.flat[flat]
        year = int(day.astype("datetime64[Y]").astype(np.int64)) + 1970
        raise calendar._coverage_error(
            year, f"{what} {day} (index {_index_text(np.unravel_index(flat, bad.shape))})"
        )
    return positions


def _index_text(where: tuple[Any, ...]) -> str:
    return ", ".join(str(int(i)) for i in where) if where else "0"


def _steps(calendar: RussianCalendar, delta: Any) -> Any:
    """``delta`` as int64, each step clipped to one past the calendar's working days either way: the
    result is then out of range exactly when the true one is, and no arithmetic overflows."""
    np = _numpy()
    bound = calendar._index.working_count + 1
    if isinstance(delta, int) and not isinstance(delta, bool):  # any width: clip before numpy sees it
        delta = max(-bound, min(bound, delta))
    steps = np.asarray(delta)
    if steps.dtype.kind not in "iu":
        raise DateTypeError(f"delta must be whole numbers of days, got dtype {steps.dtype}")
    if steps.dtype.kind == "u":
        return np.minimum(steps, np.uint64(bound)).astype(np.int64)
    return np.clip(steps.astype(np.int64), -bound, bound)


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
    steps = _steps(calendar, delta)
    shown = np.asarray(delta)  # the steps as given, for the message
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
            f"shifting {start.isoformat()} by {int(np.broadcast_to(shown, k.shape).flat[where])} "
            "working days",
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
