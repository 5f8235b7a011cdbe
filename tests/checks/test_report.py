"""Report: filtering, sorting, worst severity, summary, suppressions, configurable severities, outputs."""

from __future__ import annotations

import json

import pytest

from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks import CheckOptions, check
from gia_roadmap.plan.findings import Report, Suppression

from .plans import calendar, m, plan


def _report(options: CheckOptions | None = None) -> Report:
    roadmap = plan(m("1"), m("2", responsible=""), m("4", term="абракадабра"), m("4"))
    return check(roadmap, calendar=calendar(), options=options)


def test_filter_sort_worst_summary() -> None:
    report = _report()
    assert report.worst is Severity.ERROR
    assert report.filter(code="GR501").codes == {"GR501"}
    assert all(f.severity >= Severity.WARNING for f in report.filter(min_severity=Severity.WARNING))
    assert report.filter(measure="4.").findings == report.filter(measure="4").findings
    ordered = report.sorted("severity").findings
    assert ordered[0].severity is Severity.ERROR
    assert [f.code for f in report.sorted("code")] == sorted(f.code for f in report)
    summary = report.summary()
    assert summary.total == len(report)
    assert summary.worst is Severity.ERROR
    assert "error" in str(summary)
    with pytest.raises(ValueError, match="sort key"):
        report.sorted("colour")


def test_suppression_stays_visible() -> None:
    options = CheckOptions(suppressions=[Suppression("GR502", "4", "3 was cancelled by order № 12")])
    report = _report(options)
    (gap,) = report.filter(code="GR502")
    assert gap.suppressed is not None
    assert not gap.active
    assert "GR502" not in report.codes
    assert "suppressed: 3 was cancelled" in report.to_text()
    assert report.summary().suppressed == 1


def test_severities_configurable_and_codes_selectable() -> None:
    report = _report(CheckOptions(severities={"GR301": Severity.ERROR}, ignore={"GR501"}))
    assert report.filter(code="GR301").findings[0].severity is Severity.ERROR
    assert "GR501" not in report.codes
    only = _report(CheckOptions(select={"GR201"}))
    assert only.codes == {"GR201"}


def test_outputs_quote_russian_text() -> None:
    report = _report()
    text = report.to_text()
    assert "«абракадабра»" in text
    data = json.loads(report.to_json())
    assert data["summary"]["worst"] == "error"
    assert any(f["evidence"] == "абракадабра" for f in data["findings"])
    assert "абракадабра" in report.to_json()  # not escaped
    html = report.html_data()
    assert html["groups"][0]["plan"] == "test"
    assert {c["code"] for c in html["codes"]} == {f.code for f in report}
