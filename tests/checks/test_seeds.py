"""The bundled examples produce exactly the reviewed errors and warnings.

``expectations/<example>.toml`` lists every error and warning ``check()`` must report on each bundled
example, each judged against the seed document, with the line of the seed text that proves it. The test
fails on any error or warning not listed (a false alarm slipped in) and on any listed one no longer
reported (a real defect lost). Info findings and reading notices are not listed: they are worth a look,
not claims an official must act on.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from gia_roadmap import examples
from gia_roadmap.calendar.events import exam_events
from gia_roadmap.calendar.schedule import ExamSchedule
from gia_roadmap.calendar.terms import EventDates
from gia_roadmap.errors import ScheduleCoverageError, Severity
from gia_roadmap.plan.checks import CATALOGUE, check
from gia_roadmap.plan.findings import Finding, Report

from .plans import calendar

EXPECTATIONS = Path(__file__).parent / "expectations"


@functools.cache
def report(name: str) -> Report:
    roadmap = examples.load(name)
    events: EventDates | None = None
    if roadmap.school_year is not None:
        with contextlib.suppress(ScheduleCoverageError):
            events = exam_events(ExamSchedule.bundled(roadmap.school_year.start_year), calendar())
    return check(roadmap, calendar=calendar(), events=events)


def expectations(name: str) -> dict[str, Any]:
    return tomllib.loads((EXPECTATIONS / f"{name}.toml").read_text(encoding="utf-8"))


def _where(finding: Finding) -> str:
    return attrs.evolve(finding.location, plan="", field="").describe()


def _key(code: str, where: str, evidence: str) -> tuple[str, str, str]:
    return code, where, " ".join(evidence.split())


def test_every_example_has_its_expectations() -> None:
    assert sorted(p.stem for p in EXPECTATIONS.glob("*.toml")) == sorted(examples.names())


@pytest.mark.parametrize("name", examples.names())
def test_errors_and_warnings_are_the_reviewed_ones(name: str) -> None:
    actual = {
        _key(f.code, _where(f), f.evidence): f
        for f in report(name).findings
        if f.severity >= Severity.WARNING
    }
    expected = {_key(e["code"], e["where"], e.get("evidence", "")) for e in expectations(name)["expected"]}
    unlisted = [actual[k].to_text() for k in sorted(set(actual) - expected)]
    lost = sorted(expected - set(actual))
    assert not unlisted, f"errors or warnings nobody reviewed: {unlisted}"
    assert not lost, f"reviewed defects no longer reported: {lost}"


@pytest.mark.parametrize("name", examples.names())
def test_every_entry_cites_the_line_that_proves_it(name: str) -> None:
    data = expectations(name)
    lines = examples.seed_text(data["seed"]).splitlines()
    for entry in data["expected"]:
        assert entry["code"] in CATALOGUE
        assert entry["verdict"] in ("T", "D")
        assert entry["reason"]
        line = " ".join(lines[entry["seed_line"] - 1].split())
        assert " ".join(entry["quote"].split()) in line, (entry, line)


def test_the_known_defects_are_found() -> None:
    yurga = {f.location.measure for f in report("yurga-2024").filter(code="GR501")}
    assert yurga == {"2.2.14", "2.2.15"}
    smolensk = [f.params for f in report("smolensk-gia-2023").filter(code="GR502")]
    assert [dict(p)["missing"] for p in smolensk] == [("3.4",), ("3.12",)]


def test_no_error_or_warning_on_the_training_plan() -> None:
    assert report("kuzbass-training-2024").worst in (None, Severity.INFO)


def test_reading_notices_are_apart() -> None:
    kogalym = report("kogalym-2022")
    assert "GR210" in kogalym.notice_codes  # «по графику ФЦТ» is a schedule the library cannot see
    assert "GR210" not in kogalym.codes


@pytest.mark.parametrize("name", examples.names())
def test_reports_are_data(name: str) -> None:
    result = report(name)
    assert result.to_json()
    assert result.to_text()
    assert result.html_data()["summary"]["total"] == len(result.active)
