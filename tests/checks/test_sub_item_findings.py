"""Findings on a lead-in and its dash sub-items (issue 13: «Провести совещания:» + «– …» items, each
with its own deadline) are claims about what the document writes, once each.

* GR206: the lead-in's deadline is its sub-items' deadlines stacked in one cell. A day off written
  beside a sub-item is reported on that sub-item, not a second time on the lead-in; a lead-in without
  sub-items (the clean twin) still reports its own day off.
* GR403: a responsible cell shared by the sub-items of a lead-in (or by the rows of a merged cell) is
  written once, so its spelling counts once.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.plan import Provenance, ProvenanceKind
from gia_roadmap.plan.checks import check

from .plans import calendar, m, plan

SCHOOL_DAYS = st.dates(dt.date(2023, 10, 3), dt.date(2024, 8, 30))
ITEMS = (
    "– с руководителями ОО",
    "– с организаторами ППЭ",
    "– с членами ГЭК",
    "– с техническими специалистами",
)
SHARED = Provenance("responsible", ProvenanceKind.INHERITED, "the row's responsible cell", "shared")


def _text(day: dt.date) -> str:
    return f"до {day:%d.%m.%Y}"


@settings(deadline=None)  # the first example builds the calendar
@given(st.lists(SCHOOL_DAYS, min_size=2, max_size=4, unique=True))
def test_a_day_off_of_a_sub_item_is_reported_once_on_the_sub_item(days: list[dt.date]) -> None:
    lead = m("1", "Провести совещания:", term=" ".join(_text(d) for d in days))
    subs = [m("", item, term=_text(day)) for item, day in zip(ITEMS, days, strict=False)]
    findings = check(plan(lead, *subs, m("2")), calendar=calendar()).filter(code="GR206").findings
    off = [day for day in days if not calendar().is_working_day(day)]
    ordinals = [f.location.ordinal for f in findings]
    # one finding per sub-item whose day is off (sub-item k is at ordinal k + 1), none on the lead-in
    assert sorted(o for o in ordinals if o is not None) == [1 + days.index(day) for day in off]
    assert len(ordinals) == len(off)
    twin = check(plan(lead, m("2")), calendar=calendar()).filter(code="GR206").findings
    assert {f.location.ordinal for f in twin} == ({0} if off else set()), "the lead-in alone reports it"


@settings(deadline=None)
@given(st.integers(2, 6), st.integers(1, 3))
def test_a_responsible_cell_shared_by_sub_items_is_counted_once(shared: int, typos: int) -> None:
    """«Владимирова Е.В.» written once, over ``shared`` sub-items, against ``typos`` rows of its own
    with «Владиминова Е.В.»: the counts are 1 and ``typos``, whatever the number of sub-items."""
    right, wrong = "Владимирова Е.В.", "Владиминова Е.В."
    lead = m("1", "Провести совещания:", responsible=right)
    subs = [m("", f"– пункт {i}", responsible=right, provenance=(SHARED,)) for i in range(shared)]
    rows = [m(str(2 + i), responsible=wrong) for i in range(typos)]
    (finding,) = check(plan(lead, *subs, *rows), calendar=calendar()).filter(code="GR403").findings
    text = finding.to_text()
    assert f"«{right}» (1 раз)" in text
    usual = wrong if typos > 1 else right
    assert f"чаще всего — «{usual}»" in text
