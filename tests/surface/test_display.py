"""Notebook views: HTML of roadmaps, measures, reports and calendar months; the timeline plot."""

from __future__ import annotations

import datetime as dt
import doctest
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_roadmap.display as display
from gia_roadmap import strategies as gst
from gia_roadmap.calendar import Anchor, DayKind, RussianCalendar, WorkWeek
from gia_roadmap.display import CalendarMonth, HtmlFragment, OptionalDependencyError
from gia_roadmap.errors import Location, Severity
from gia_roadmap.plan import DueState, Measure, Roadmap, plan_schedule
from gia_roadmap.plan.checks import check
from gia_roadmap.plan.findings import Finding, Report, Suppression
from gia_roadmap.testing import PlanBuilder

CAL = RussianCalendar()
NASTY = "<script>alert(\"x\")</script> & 'q' «ёлка» <b>"
ALLOWED_TAGS = {
    "div", "table", "thead", "tbody", "tr", "th", "td", "caption", "details", "summary", "small",
    "br", "ul", "li", "span", "code", "em",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def _nasty_plan() -> Roadmap:
    return (
        PlanBuilder(NASTY, school_year=2023, title=NASTY)
        .section(NASTY)
        .measure("1.1", NASTY, term=NASTY, responsible=NASTY, notes=(NASTY,), expected_result=NASTY)
        .measure("1.2", "Отчёт", term="до 01.12.2023", responsible="УО", after="1.1")
        .build()
    )


def test_doctests() -> None:
    assert doctest.testmod(display).failed == 0


# ------------------------------------------------------------------ calendar month


def test_calendar_month_totals_match_the_calendar() -> None:
    june = CalendarMonth.of(CAL, 2025, 6)
    assert june.name == "Июнь 2025"
    assert june.working_days == CAL.working_days_in(2025, 6) == 19
    assert june.short_days == 1
    assert june.hours == (151.0, 135.8, 90.2)
    assert june.days_off + june.working_days == 30
    assert [d.date.day for d in june.days] == list(range(1, 31))
    weeks = june.weeks
    assert all(len(w) == 7 for w in weeks)
    assert weeks[0][:6] == (None,) * 6  # 1 June 2025 is a Sunday
    assert weeks[0][6] is not None
    assert weeks[0][6].kind is DayKind.WEEKEND


def test_calendar_month_text_and_html() -> None:
    june = CalendarMonth.of(CAL, 2025, 6)
    text = str(june)
    assert "12П" in text
    assert "13т" in text
    assert "11*" in text
    html = june._repr_html_()
    parsed = _parse(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert "День России" in html  # the holiday's name on hover
    assert "рабочих дней: 19" in html
    assert html.count("<td") == 7 * len(june.weeks)
    assert str(display.html(june)) == html


def test_six_day_month() -> None:
    april = CalendarMonth.of(CAL.with_work_week(WorkWeek.SIX_DAY), 2024, 4)
    assert april.work_week is WorkWeek.SIX_DAY
    assert april.working_days == CAL.with_work_week(WorkWeek.SIX_DAY).working_days_in(2024, 4)


# ------------------------------------------------------------------ escaping


def test_every_text_is_escaped() -> None:
    plan = _nasty_plan()
    report = check(plan, calendar=CAL)
    finding = Finding(
        code="GR999",
        severity=Severity.ERROR,
        message=NASTY,
        location=Location(plan=NASTY, section=NASTY, measure=NASTY, field=NASTY),
        evidence=NASTY,
    )
    suppressed = Finding(
        code="GR998",
        severity=Severity.INFO,
        message="m",
        location=Location(plan="p"),
        suppressed=Suppression("GR998", "", NASTY),
    )
    views = [
        plan._repr_html_(),
        plan.measures[0]._repr_html_(),
        display.report_html(Report((*report.findings, finding, suppressed))),
        str(display.html(plan.walk().__next__())),
        str(display.html(finding)),
    ]
    for html in views:
        assert "<script" not in html
        assert "<b>" not in html
        parsed = _parse(html)
        assert set(parsed.tags) <= ALLOWED_TAGS
        assert NASTY in "".join(parsed.text)  # the text survives, as text


@settings(max_examples=25, deadline=None)
@given(gst.any_roadmaps())
def test_generated_roadmaps_render(roadmap: Roadmap) -> None:
    parsed = _parse(roadmap._repr_html_())
    assert set(parsed.tags) <= ALLOWED_TAGS
    text = "".join(parsed.text)
    for measure in roadmap.measures[:5]:
        assert measure.title in text


@settings(max_examples=25, deadline=None)
@given(gst.measures(), st.text(max_size=20))
def test_generated_measures_render(measure: Measure, extra: str) -> None:
    parsed = _parse(display.measure_html(measure))
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert measure.title in "".join(parsed.text)
    assert set(
        _parse(
            display.html(Report((Finding(code="GR1", severity=Severity.INFO, message=f"m{extra}"),))).text
        ).tags
    ) <= (ALLOWED_TAGS)


# ------------------------------------------------------------------ roadmap, measure, report


def test_roadmap_html_shows_sections_and_measures() -> None:
    plan = _nasty_plan()
    html = plan._repr_html_()
    assert "<details open" in html  # small plans open their sections
    assert "до 01.12.2023" in html
    assert "date_by" in html  # the term kind
    assert "2 more" not in html
    capped = display.roadmap_html(plan, max_measures=1)
    assert "1 more measures not shown" in capped


def test_measure_html_lists_fields() -> None:
    plan = _nasty_plan()
    html = plan.find("1.2")[0].measure._repr_html_()
    for text in ("Сроки", "Ответственные", "Зависит от", "FS 1.1", "planned"):
        assert text in html
    assert "«УО» →" in html


def test_report_html() -> None:
    report = check(_nasty_plan(), calendar=CAL)
    html = display.report_html(report)
    assert str(report.summary()) in html
    assert all(f.code in html for f in report)
    assert display.report_html(report, max_findings=0).count("<tr") == 0
    empty = display.report_html(Report())
    assert "Замечаний нет." in empty
    assert "<table" not in empty


def test_html_rejects_other_values() -> None:
    with pytest.raises(TypeError, match="no HTML view"):
        display.html(42)  # type: ignore[arg-type]
    assert HtmlFragment("<b>x</b>")._repr_html_() == "<b>x</b>"


# ------------------------------------------------------------------ timeline


def _timeline_plan() -> Roadmap:
    return (
        PlanBuilder("t", school_year=2023)
        .section("1. Организационное сопровождение ГИА")
        .measure("1.1", "Совещание", term="до 01.12.2023")
        .measure("1.2", "Проверка", term="не позднее чем за 1 рабочий день до дня проведения экзамена")
        .measure("1.3", "Отчёт", term="май 2024", done=dt.date(2024, 5, 20))
        .measure("1.4", "По графику", term="по графику ФЦТ")
        .build()
    )


def test_timeline_rows() -> None:
    plan = _timeline_plan()
    events = {Anchor.EXAM_DAY: (dt.date(2024, 5, 23), dt.date(2024, 5, 28))}
    rows = display.timeline_rows(plan, CAL, events, today=dt.date(2024, 3, 1))
    assert [r.measure.measure.number.canonical for r in rows] == ["1.1", "1.2", "1.3"]
    assert [r.state for r in rows] == [DueState.OVERDUE, DueState.DUE, DueState.DONE]
    first, second, _ = rows
    assert first.bars[0].open_start
    assert first.bars[0].end == dt.date(2023, 12, 1)
    assert [b.end for b in second.bars] == [dt.date(2024, 5, 22), dt.date(2024, 5, 27)]
    assert display.timeline_rows(plan)[0].state is DueState.UNKNOWN
    short = display.timeline_rows(plan, label_width=6)
    assert all(len(r.label) <= 6 for r in short)
    only = display.timeline_rows(plan, measures=plan.find("1.3"))
    assert len(only) == 1


def test_plot_timeline_draws_one_row_per_measure() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plan = _timeline_plan()
    events = {Anchor.EXAM_DAY: (dt.date(2024, 5, 23),)}
    ax = display.plot_timeline(plan, CAL, events, today=dt.date(2024, 3, 1))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1.1 Совещание", "1.2 Проверка", "1.3 Отчёт"]
    assert ax.get_legend() is not None
    plt.close("all")
    _, given_ax = plt.subplots()
    assert display.plot_timeline(plan, max_rows=1, ax=given_ax) is given_ax
    assert len(given_ax.get_yticks()) == 1
    plt.close("all")


def test_plot_timeline_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    monkeypatch.setitem(sys.modules, "matplotlib.dates", None)
    with pytest.raises(OptionalDependencyError, match=r"gia-roadmap\[plot\]") as info:
        display.plot_timeline(_timeline_plan())
    assert isinstance(info.value, ImportError)


def test_plot_timeline_marks_exam_days_and_the_critical_path() -> None:
    """Exam days are dashed lines; the critical path's measures have red labels; the legend is
    Russian by default. The clean twin (no events, no links) has neither."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plan = (
        PlanBuilder("c", school_year=2023)
        .section("1. Подготовка")
        .measure("1.1", "Приказ", term="до 01.03.2024")
        .measure("1.2", "Обучение", term="март 2024", after="1.1")
        .measure("1.3", "Пробный экзамен", term="до 15.04.2024", after="1.2")
        .measure("1.4", "Совещание", term="февраль 2024")
        .build()
    )
    exam_days = (dt.date(2024, 5, 23), dt.date(2024, 5, 28))
    ax = display.plot_timeline(plan, CAL, {Anchor.EXAM_DAY: exam_days})
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == len(exam_days)
    red = [t.get_text().split()[0] for t in ax.get_yticklabels() if t.get_color() == "#b71c1c"]
    critical = plan_schedule(plan, CAL, {Anchor.EXAM_DAY: exam_days}).critical()
    assert red == [row.number for row in critical]
    assert red
    assert "1.4" not in red
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["дни экзаменов", "критический путь"]
    plt.close("all")
    english = display.plot_timeline(plan, CAL, {Anchor.EXAM_DAY: exam_days}, lang="en")
    legend = english.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["exam days", "critical path"]
    plt.close("all")
    twin = display.plot_timeline(_timeline_plan(), CAL)
    assert not [line for line in twin.get_lines() if line.get_linestyle() == "--"]
    plt.close("all")
