"""The seed examples produce the findings a careful reader expects."""

from __future__ import annotations

import contextlib

import pytest

from gia_roadmap import examples
from gia_roadmap.calendar.events import exam_events
from gia_roadmap.calendar.schedule import ExamSchedule
from gia_roadmap.calendar.terms import EventDates
from gia_roadmap.errors import ScheduleCoverageError
from gia_roadmap.plan.checks import check
from gia_roadmap.plan.findings import Report

from .plans import calendar


def report(name: str) -> Report:
    roadmap = examples.load(name)
    events: EventDates | None = None
    if roadmap.school_year is not None:
        with contextlib.suppress(ScheduleCoverageError):
            events = exam_events(ExamSchedule.bundled(roadmap.school_year.start_year), calendar())
    return check(roadmap, calendar=calendar(), events=events)


def test_yurga_duplicate_numbers() -> None:
    duplicates = report("yurga-2024").filter(code="GR501")
    assert sorted(f.location.measure for f in duplicates) == ["2.2.14", "2.2.15"]
    assert all(f.related for f in duplicates)


def test_yurga_stale_years() -> None:
    stale = {f.evidence for f in report("yurga-2024").filter(code="GR208")}
    assert "январь 2023 года" in stale
    assert "сентябрь – апрель 2023 года" in stale


def test_yurga_missing_parent_and_gap() -> None:
    yurga = report("yurga-2024")
    assert any("there is no 2" in f.message for f in yurga.filter(code="GR503"))
    assert "6.3.4" in {f.location.measure for f in yurga.filter(code="GR502")}


def test_smolensk_gia_missing_numbers() -> None:
    gaps = report("smolensk-gia-2023").filter(code="GR502")
    messages = " ".join(f.message for f in gaps)
    assert "3.4" in messages
    assert "3.12" in messages


def test_altai_stale_years() -> None:
    stale = {f.evidence for f in report("altai-2024").filter(code="GR208")}
    assert {"Февраль 2023 г.", "2022-2023 уч. г."} <= stale


def test_kogalym_municipal_only_measures() -> None:
    own = {f.location.measure for f in report("kogalym-2022").filter(code="GR605")}
    assert {"1.1", "1.3", "2.4", "2.21", "5.11"} <= own


def test_smolensk_before_adoption() -> None:
    early = report("smolensk-objectivity-2023").filter(code="GR207")
    assert early, "«Сентябрь», «Октябрь», «Ноябрь» fall before the adoption on 29.12.2022"


@pytest.mark.parametrize("name", examples.names())
def test_reports_are_data(name: str) -> None:
    result = report(name)
    assert result.to_json()
    assert result.to_text()
    assert result.html_data()["summary"]["total"] == len(result.active)
