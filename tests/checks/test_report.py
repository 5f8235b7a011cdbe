"""Report: findings apart from reading notices, order, filtering, summary in Russian with agreeing
plurals, suppressions, configurable severities, both languages, outputs."""

from __future__ import annotations

import json

import pytest

from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks import CheckOptions, check
from gia_roadmap.plan.findings import Report, Suppression
from gia_roadmap.plan.messages import plural

from .plans import calendar, m, plan


def _report(options: CheckOptions | None = None, lang: str | None = None) -> Report:
    roadmap = plan(m("1"), m("2", responsible=""), m("4", term="абракадабра"), m("4"))
    return check(roadmap, calendar=calendar(), options=options, lang=lang)  # type: ignore[arg-type]


def test_findings_and_notices_are_kept_apart() -> None:
    report = _report()
    assert report.codes == {"GR301", "GR501", "GR502"}
    assert report.notice_codes == {"GR201"}  # an unread deadline is the library's gap
    assert all(f.code != "GR201" for f in report)
    summary = report.summary()
    assert summary.total == 3
    assert summary.notices == 1


def test_order_is_worst_first_then_document_order() -> None:
    report = _report()
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks, reverse=True)
    assert report.findings[0].code == "GR501"
    warnings = [f for f in report.findings if f.severity is Severity.WARNING]
    assert [f.location.sort_key() for f in warnings] == sorted(f.location.sort_key() for f in warnings)
    assert report.top(1)[0].severity is Severity.ERROR


def test_filter_sort_worst_summary() -> None:
    report = _report()
    assert report.worst is Severity.ERROR
    assert report.filter(code="GR501").codes == {"GR501"}
    assert all(f.severity >= Severity.WARNING for f in report.filter(min_severity=Severity.WARNING))
    assert report.filter(measure="4.").findings == report.filter(measure="4").findings
    assert [f.code for f in report.sorted("code")] == sorted(f.code for f in report)
    assert str(report.summary()) == "3 замечания: 1 ошибка, 2 предупреждения; 1 уведомление о чтении"
    assert report.summary().describe("en") == "3 findings: 1 error, 2 warnings; 1 reading notice"
    with pytest.raises(ValueError, match="sort key"):
        report.sorted("colour")


@pytest.mark.parametrize(
    ("count", "noun", "text"),
    [
        (1, "findings", "1 замечание"),
        (334, "measures", "334 мероприятия"),
        (11, "errors", "11 ошибок"),
        (22, "warnings", "22 предупреждения"),
        (5, "measures", "5 мероприятий"),
        (21, "measures", "21 мероприятие"),
    ],
)
def test_plurals_agree(count: int, noun: str, text: str) -> None:
    assert plural(count, noun) == text


def test_suppression_stays_visible() -> None:
    options = CheckOptions(suppressions=[Suppression("GR502", "4", "3 was cancelled by order № 12")])
    report = _report(options)
    (gap,) = report.filter(code="GR502")
    assert gap.suppressed is not None
    assert not gap.active
    assert "GR502" not in report.codes
    assert "подавлено: 3 was cancelled" in report.to_text()
    assert report.summary().suppressed == 1
    assert "GR801" not in report.notice_codes


def test_unused_suppression_is_a_notice() -> None:
    report = _report(CheckOptions(suppressions=[Suppression("GR502", "9", "renumbered")]))
    assert "GR801" in report.notice_codes
    assert "GR801" not in report.codes


def test_severities_configurable_and_codes_selectable() -> None:
    report = _report(CheckOptions(severities={"GR301": Severity.ERROR}, ignore={"GR501"}))
    assert report.filter(code="GR301").findings[0].severity is Severity.ERROR
    assert "GR501" not in report.codes
    only = _report(CheckOptions(select={"GR201"}))
    assert not only.codes
    assert only.notice_codes == {"GR201"}


def test_russian_by_default_english_on_request() -> None:
    russian, english = _report(), _report(lang="en")
    (dup_ru,) = russian.filter(code="GR501")
    (dup_en,) = english.filter(code="GR501")
    assert dup_ru.message.startswith("Номер 4 дан двум мероприятиям")
    assert dup_en.message.startswith("Number 4 is given to two measures")
    assert dup_ru.text("en") == dup_en.message  # one finding reads in both languages
    assert "п. 4" in dup_ru.where()
    assert "item 4" in dup_ru.where("en")
    assert dup_ru.hint().startswith("Перенумеруйте")


def test_outputs_quote_russian_text() -> None:
    report = _report()
    text = report.to_text()
    assert "«абракадабра»" in text
    assert "Что не удалось прочитать" in text
    data = json.loads(report.to_json())
    assert data["summary"]["worst"] == "error"
    assert any(f["evidence"] == "абракадабра" for f in data["notices"])
    assert "абракадабра" in report.to_json()  # not escaped
    english = json.loads(report.to_json(lang="en"))
    assert english["findings"][0]["message"].startswith("Number 4")
    html = report.html_data()
    assert html["groups"][0]["plan"] == "test"
    assert {c["code"] for c in html["codes"]} == {f.code for f in (*report, *report.notices)}
