"""What a check keeps for the garbage collector to walk.

``check()`` leaves the process's collector alone, so every container object it keeps alive (an
object the collector tracks) makes the collector's full collections come sooner, and each full
collection walks the whole heap, the plan included: on a 100 000-measure plan one costs about 0.4 s.
Here the objects a check keeps are counted (not timed) on a generated plan: the plan's walk (a
:class:`~gia_roadmap.plan.model.LocatedMeasure` and its :class:`~gia_roadmap.plan.model.MeasureId`
per measure) and a few per-run tables, nothing more per measure. Speed is measured by
``benchmarks/check_scale.py``, never here.
"""

from __future__ import annotations

import gc
import random

import attrs
import pytest

from gia_roadmap.calendar import RussianCalendar
from gia_roadmap.plan import Roadmap
from gia_roadmap.plan.checks import CHECKS, CheckContext
from gia_roadmap.plan.fields import trusted
from gia_roadmap.plan.model import MeasureId

from .plans import m, plan

_MONTHS = ("сентябрь 2023 года", "ноябрь 2023 года", "январь 2024 года", "март 2024 года", "май 2024 года")


def _plan(size: int) -> Roadmap:
    """``size`` measures with monthly deadlines, each depending on up to three earlier ones."""
    rng = random.Random(7)
    return plan(
        *(
            m(
                str(i + 1),
                f"Мероприятие {i} по подготовке к ГИА",
                _MONTHS[i * len(_MONTHS) // size],
                after=[str(j + 1) for j in sorted(rng.sample(range(i), min(i, 3)))],
            )
            for i in range(size)
        )
    )


def _run(ctx: CheckContext) -> int:
    """Every check on ``ctx``; the number of findings."""
    return sum(1 for _, function in CHECKS for _ in function(ctx))


def test_a_check_keeps_about_two_tracked_objects_per_measure() -> None:
    size = 2000
    roadmap = _plan(size)
    calendar = RussianCalendar()
    _run(CheckContext(_plan(100), calendar=calendar))  # fills the caches any first run fills
    gc.collect()
    before = len(gc.get_objects())
    ctx = CheckContext(roadmap, calendar=calendar)
    found = _run(ctx)
    gc.collect()
    kept = len(gc.get_objects()) - before
    assert len(ctx.located) == size
    assert ctx.schedule.violations == ()
    # the walk's two objects per measure (a LocatedMeasure and its MeasureId), then a few tables per
    # run (lists, sets, the graph, the schedule), but nothing more per measure:
    # no cached hash objects (one per measure), no successor dicts holding links (one per linked one)
    assert 2 * size <= kept <= 2 * size + size // 5, (kept, found)


def test_trusted_constructors_refuse_a_cached_hash() -> None:
    @attrs.frozen(cache_hash=True)
    class Cached:
        value: int

    with pytest.raises(TypeError, match="cached hash"):
        trusted(Cached)
    assert trusted(MeasureId)("p", (0,), "1", 0) == MeasureId(plan="p", section=(0,), number="1", ordinal=0)


@attrs.frozen
class _Two:
    a: int
    b: str


@attrs.frozen
class _Three:
    a: int
    b: str
    c: tuple[int, ...]


@attrs.frozen
class _Five:
    a: int
    b: str
    c: tuple[int, ...]
    d: float
    e: bool


def test_trusted_constructors_make_what_the_class_makes() -> None:
    for cls, values in (
        (_Two, (1, "x")),
        (_Three, (1, "x", (2,))),
        (MeasureId, ("p", (0, 1), "1.2", 3)),
        (_Five, (1, "x", (2,), 0.5, True)),
    ):
        made = trusted(cls)(*values)
        assert type(made) is cls
        assert made == cls(*values)
        assert attrs.astuple(made, recurse=False) == values
