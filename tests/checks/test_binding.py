"""Binding: each measure's relative deadlines count from exactly the exam days in its scope, the same in
check(), the queries, the exports and the CLI; a year without a schedule gives one notice."""

from __future__ import annotations

import datetime as dt
import doctest
import io as std_io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import examples
from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import (
    Anchor,
    Bound,
    ExamKind,
    ExamPeriod,
    ExamPhase,
    ExamSchedule,
    ExamScope,
    ExamStage,
    Relative,
    RussianCalendar,
    SchoolYear,
    Subject,
    Unit,
    bundled_school_years,
    exam_events,
    exam_events_for,
    parse_term,
)
from gia_roadmap.calendar import events as calendar_events
from gia_roadmap.calendar import exams as calendar_exams
from gia_roadmap.calendar.exams import (
    detect_exam_scopes,
    detect_exam_stages,
    find_exam_subjects,
    mentions_reserve_days,
)
from gia_roadmap.cli import main
from gia_roadmap.io.export_common import measure_rows
from gia_roadmap.plan import EventBinder, Measure, Roadmap, check, measure_scope, resolve_measure
from gia_roadmap.plan.checks.context import CheckContext

from .plans import m, plan

CAL = RussianCalendar()
DAY_ANCHORS = (Anchor.EXAM_DAY, Anchor.EXAM_START)

# The exams each scope stands for, written out here from the Порядок (not read from the library).
KINDS = {
    ExamScope.GIA: {ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11},
    ExamScope.GIA_9: {ExamKind.OGE, ExamKind.GVE_9},
    ExamScope.GIA_11: {ExamKind.EGE, ExamKind.GVE_11},
    ExamScope.EGE: {ExamKind.EGE},
    ExamScope.OGE: {ExamKind.OGE},
    ExamScope.GVE: {ExamKind.GVE_9, ExamKind.GVE_11},
}
EXAMS = {ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11}


def _kinds(scopes: Iterable[ExamScope]) -> set[ExamKind]:
    return set().union(*(KINDS.get(s, set()) for s in scopes))


def _expected_days(schedule: ExamSchedule, measure: Measure) -> set[dt.date]:
    """The exam days a measure's «…до дня проведения экзамена» counts from, by the documented rules."""
    text = measure.term.raw
    own, written = _kinds(measure.exam_scope), _kinds(detect_exam_scopes(text))
    kinds = (own & written or own) if own else (written or _kinds(detect_exam_scopes(measure.title)) or EXAMS)
    days = [d for d in schedule.days if d.exam in kinds]
    stages = measure.exam_periods or detect_exam_stages(text)
    if stages:
        days = [d for d in days if d.period.stage in stages]
    if measure.reserve_days or mentions_reserve_days(text):
        days = [d for d in days if d.period.is_reserve]
    subjects = find_exam_subjects(text) or find_exam_subjects(measure.title)
    if subjects:
        days = [d for d in days if not d.specific_subjects or any(d.covers(s) for s in subjects)]
    return {d.date for d in days}


@pytest.mark.parametrize("name", examples.names())
def test_each_example_binds_to_exactly_the_exam_days_in_scope(name: str) -> None:
    """Done-when test of issue 15: every «до дня проведения экзамена» of the seven examples resolves
    against exactly the exam days of its own exams (read back from the windows: one per event day)."""
    roadmap = examples.load(name)
    assert roadmap.school_year is not None
    assert roadmap.school_year.start_year in bundled_school_years()
    schedule = ExamSchedule.bundled(roadmap.school_year)
    ctx = CheckContext(roadmap, calendar=CAL, events=exam_events_for(roadmap.school_year, CAL))
    checked = 0
    for position in sorted(ctx._event_positions):
        measure = ctx.located[position].measure
        for leaf in ctx.leaves[position]:
            if not (isinstance(leaf, Relative) and leaf.anchor in DAY_ANCHORS):
                continue
            if measure.exam_scope and not _kinds(measure.exam_scope):
                continue  # a scope with no exam days (ВПР, сочинение): nothing to count from
            resolution = ctx._own_resolution(position, leaf)
            counted = {dt.date.fromisoformat(w.label) for w in resolution.windows}
            assert counted == _expected_days(schedule, measure), (measure.number.raw, leaf.raw)
            checked += 1
    if name == "yurga-2024":
        assert checked >= 10


def _expected_periods(schedule: ExamSchedule, measure: Measure, leaf: ExamPeriod) -> set[str]:
    """The period windows «в период проведения ГИА-11» counts from: one per exam and stage of the scope
    the schedule has days for, named as «ЕГЭ: досрочный период»."""
    text = measure.term.raw
    own, written = _kinds(measure.exam_scope), _kinds(detect_exam_scopes(text))
    kinds = (own & written or own) if own else (written or _kinds(detect_exam_scopes(measure.title)) or EXAMS)
    stages = set(measure.exam_periods or detect_exam_stages(text) or ExamStage)
    if leaf.stages:
        stages &= set(leaf.stages)
    # a stage is known by its days or, where the days are not published, by its window (ОГЭ, September)
    pairs = {(d.exam, d.period.stage) for d in schedule.days}
    pairs |= {(w.exam, stage) for w in schedule.windows for stage in w.stages}
    return {f"{k.russian}: {s.russian}" for k, s in pairs if k in kinds and s is not None and s in stages}


@pytest.mark.parametrize("name", examples.names())
def test_each_example_binds_its_exam_periods_to_its_own_exams(name: str) -> None:
    """«в период проведения ГИА–11» (Алтай 5.3.1 in a ГИА measure) counts from the ЕГЭ and ГВЭ-11 periods
    only; every exam-period deadline of the seven examples counts from the periods of its own exams."""
    roadmap = examples.load(name)
    assert roadmap.school_year is not None
    schedule = ExamSchedule.bundled(roadmap.school_year)
    ctx = CheckContext(roadmap, calendar=CAL, events=exam_events_for(roadmap.school_year, CAL))
    for position in sorted(ctx._event_positions):
        measure = ctx.located[position].measure
        for leaf in ctx.leaves[position]:
            if not isinstance(leaf, ExamPeriod) or leaf.phase is not ExamPhase.CONDUCT or leaf.year:
                continue
            resolution = ctx._own_resolution(position, leaf)
            counted = {w.label for w in resolution.windows}
            assert counted == _expected_periods(schedule, measure, leaf), (measure.number.raw, leaf.raw)
    if name == "altai-2024":
        (altai,) = [i.measure for i in roadmap.walk() if i.measure.number.raw == "5.3.1"]
        windows = resolve_measure(roadmap, altai, CAL, exam_events_for(2023, CAL)).windows
        periods = {w.label.split(":")[0] for w in windows if w.label}  # «февраль 2024» has no label
        assert periods == {"ЕГЭ", "ГВЭ-11"}


@pytest.mark.parametrize("name", examples.names())
def test_check_queries_and_exports_bind_alike(name: str) -> None:
    roadmap = examples.load(name)
    assert roadmap.school_year is not None
    events = exam_events_for(roadmap.school_year, CAL)
    ctx = CheckContext(roadmap, calendar=CAL, events=events)
    rows = measure_rows(roadmap, CAL, events)
    for item, own, row in zip(ctx.located, ctx.resolution_list, rows, strict=True):
        alone = resolve_measure(roadmap, item.measure, CAL, events)
        assert alone == own
        assert (row.windows, row.status, row.reason) == (own.windows, own.status.value, own.reason)


def test_the_issue_example_a_gia9_measure_in_2025() -> None:
    """«не позднее чем за 1 рабочий день до дня проведения экзамена» on a ГИА-9 measure of 2025/26 counted
    from every exam day, итоговое сочинение 03.12.2025 included, and came out as 02.12.2025."""
    roadmap = attrs.evolve(
        plan(m("1", "Внесение сведений об общественных наблюдателях ГИА-9", term=_TERM)),
        school_year=SchoolYear(2025),
    )
    measure = next(iter(roadmap.walk())).measure
    resolution = resolve_measure(roadmap, measure, CAL, exam_events_for(2025, CAL))
    first = min(w.end for w in resolution.windows)
    assert first != dt.date(2025, 12, 2)
    schedule = ExamSchedule.bundled(2025)
    gia9 = min(d.date for d in schedule.days if d.exam in (ExamKind.OGE, ExamKind.GVE_9))
    assert first == CAL.add_working_days(gia9, -1)


_TERM = "не позднее чем за 1 рабочий день до дня проведения экзамена"


def test_the_term_and_title_narrow_the_scope() -> None:
    measure = Measure(
        title="Обучение экспертов предметной комиссии по математике",
        term=parse_term("в день проведения экзамена ГИА-9 в резервные дни"),
        exam_scope=(ExamScope.GIA,),
    )
    scope = measure_scope(measure)
    # the term's ГИА-9 narrows the measure's ГИА
    assert scope.exams == frozenset({ExamKind.OGE, ExamKind.GVE_9})
    assert scope.subjects == frozenset({Subject.MATHEMATICS})  # from the title
    assert scope.reserve is True
    plain = measure_scope(Measure(term=parse_term(_TERM)), plan_exams=frozenset({ExamKind.EGE}))
    assert plain.exams == frozenset({ExamKind.EGE})  # nothing in the measure: the plan's exams
    assert measure_scope(Measure(term=parse_term(_TERM))).is_everything


def test_exam_never_binds_to_an_essay_measure() -> None:
    measure = Measure(title="Проведение итогового сочинения (изложения)", term=parse_term(_TERM))
    events = exam_events(ExamSchedule.bundled(2024), CAL)
    bound = EventBinder(plan(), events).events_for(measure)
    assert bound is not None
    assert Anchor.EXAM_DAY not in bound  # «экзамен» is never the сочинение
    essay = parse_term("за 2 недели до проведения итогового сочинения")
    resolution = EventBinder(plan(), events).resolve(attrs.evolve(measure, term=essay), CAL)
    assert {w.label for w in resolution.windows} == {"2024-12-04", "2025-02-05", "2025-04-09"}


# ---------------------------------------------------------------------------------------------
# A school year without a schedule: one notice, the same through the API and the CLI
# ---------------------------------------------------------------------------------------------

NOTICE = "нет расписания экзаменов на 2019/20 учебный год"


def _old_plan() -> Roadmap:
    roadmap = plan(m("1", term=_TERM), m("2", term="в течение 2 рабочих дней со дня подачи апелляции"))
    return attrs.evolve(roadmap, school_year=SchoolYear(2019), orders=())


def test_a_year_without_a_schedule_through_the_api() -> None:
    roadmap = _old_plan()
    report = check(roadmap, calendar=CAL, events=exam_events_for(2019, CAL))
    notices = [f for f in report.notices if f.code == "GR211"]
    assert len(notices) == 1
    assert f"но {NOTICE} (" in notices[0].message  # the one notice names the year
    assert "no exam schedule" in notices[0].text("en")
    assert "GR209" not in report.notice_codes | report.codes
    for located in roadmap.walk():
        resolution = resolve_measure(roadmap, located.measure, CAL, exam_events_for(2019, CAL))
        assert not resolution.windows
        assert resolution.reason == NOTICE


def test_a_year_without_a_schedule_through_the_cli(tmp_path: Path) -> None:
    roadmap = _old_plan()
    path = tmp_path / "old.json"
    path.write_text(roadmap_io.dumps(roadmap), encoding="utf-8")
    out, err = std_io.StringIO(), std_io.StringIO()
    main(["check", str(path), "--format", "json"], stdout=out, stderr=err)
    document = json.loads(out.getvalue())
    findings = [f for r in document["roadmaps"] for f in (*r["report"]["findings"], *r["report"]["notices"])]
    assert [f["code"] for f in findings if f["code"] in ("GR209", "GR211")] == ["GR211"]
    assert NOTICE in next(f["message"] for f in findings if f["code"] == "GR211")
    api = check(roadmap, calendar=CAL, events=exam_events_for(2019, CAL))
    assert sorted(f["code"] for f in findings) == sorted(f.code for f in (*api.findings, *api.notices))
    out = std_io.StringIO()
    main(["resolve", _TERM, "--school-year", "2019"], stdout=out, stderr=err)
    assert NOTICE in out.getvalue()


# ---------------------------------------------------------------------------------------------
# A year whose schedule has no day of a measure's exams (2026/27: only the admission tests)
# ---------------------------------------------------------------------------------------------

GIA_KINDS = sorted(EXAMS, key=lambda k: k.value)


@settings(max_examples=60, deadline=None)
@given(
    year=st.sampled_from(sorted(bundled_school_years())),
    kinds=st.sets(st.sampled_from([*GIA_KINDS, ExamKind.FINAL_ESSAY]), min_size=1),
    stages=st.none() | st.sets(st.sampled_from(list(ExamStage)), min_size=1),
)
def test_a_scope_without_exam_days_says_so(
    year: int, kinds: set[ExamKind], stages: set[ExamStage] | None
) -> None:
    """Oracle: the filtered events carry a notice exactly when the bundled schedule has no day of the
    scope's exams of the ГИА in its stages (read from the schedule's days, not from the events)."""
    schedule = ExamSchedule.bundled(year)
    bound = exam_events(schedule).filter(exams=kinds, stages=stages)
    gia = kinds & EXAMS
    days = [d for d in schedule.days if d.exam in gia and (stages is None or d.period.stage in stages)]
    assert bool(bound.notice) == (bool(gia) and not days)
    if bound.notice:
        assert bound.notice.endswith(f"на {year}/{(year + 1) % 100:02d} учебный год")
        assert Anchor.EXAM_DAY not in bound
        if gia != EXAMS:
            assert all(k.short in bound.notice for k in gia)


def _next_year_plan() -> Roadmap:
    roadmap = plan(
        m("1", term=_TERM),
        m("2", "Проведение итогового сочинения", term="за 2 недели до проведения итогового сочинения"),
        m("3", "Обучение организаторов ОГЭ", term=_TERM),
    )
    return attrs.evolve(roadmap, school_year=SchoolYear(2026), orders=())


def test_a_year_with_only_the_admission_tests() -> None:
    """2026/27: the сочинение and собеседование are bundled, the ГИА is not. A deadline counting from
    the сочинение resolves; those counting from exams stay unresolved with the reason naming their exams,
    and check() says so once (GR211), not as a missing date per deadline (GR209)."""
    roadmap = _next_year_plan()
    events = exam_events_for(2026, CAL)
    report = check(roadmap, calendar=CAL, events=events)
    assert [f.code for f in report.notices if f.code in ("GR209", "GR211")] == ["GR211"]
    (notice,) = report.filter(code="GR211").notices
    assert {r.measure for r in notice.related} == {"1", "3"}
    assert "нет расписания экзаменов на 2026/27 учебный год (" in notice.message
    reasons = {
        item.measure.number.raw: resolve_measure(roadmap, item.measure, CAL, events)
        for item in roadmap.walk()
    }
    assert reasons["1"].reason == "нет расписания экзаменов на 2026/27 учебный год"
    assert reasons["3"].reason == "нет расписания ОГЭ на 2026/27 учебный год"
    assert [w.label for w in reasons["2"].windows] == ["2026-12-02", "2027-02-03", "2027-04-14"]
    # the clean twin: the same plan a year earlier, every ГИА schedule bundled
    earlier = check(
        attrs.evolve(roadmap, school_year=SchoolYear(2025)), calendar=CAL, events=exam_events_for(2025, CAL)
    )
    assert not {"GR209", "GR211"} & (earlier.notice_codes | earlier.codes)


def test_the_notice_names_each_missing_exam_once() -> None:
    """A year with some exams bundled and others not: GR211 names the missing ones (here the additional
    period of 2025/26, which the bundled schedule does not hold yet), each once; a plan whose events were
    not given at all keeps the plain wording."""
    roadmap = attrs.evolve(
        plan(
            m("1", "Обучение организаторов ОГЭ", term=f"{_TERM} в дополнительный период"),
            m("2", "Обучение организаторов ОГЭ", term=f"{_TERM} в дополнительный период"),
            m("3", "Обучение организаторов ЕГЭ", term=f"{_TERM} в дополнительный период"),
            m("4", "Обучение организаторов ЕГЭ", term=_TERM),
        ),
        school_year=SchoolYear(2025),
        orders=(),
    )
    report = check(roadmap, calendar=CAL, events=exam_events_for(2025, CAL))
    (notice,) = report.filter(code="GR211").notices
    assert {r.measure for r in notice.related} == {"1", "2", "3"}
    assert notice.message.count("нет расписания ОГЭ (дополнительный период) на 2025/26 учебный год") == 1
    assert notice.message.count("нет расписания ЕГЭ (дополнительный период) на 2025/26 учебный год") == 1
    plain = check(roadmap, calendar=CAL)
    assert "расписания экзаменов на этот год нет" in plain.filter(code="GR211").notices[0].message


def test_resolve_names_the_missing_exams() -> None:
    out, err = std_io.StringIO(), std_io.StringIO()
    main(["resolve", _TERM, "--school-year", "2026", "--exam", "ОГЭ"], stdout=out, stderr=err)
    assert "нет расписания ОГЭ на 2026/27 учебный год" in out.getvalue()
    out = std_io.StringIO()
    main(["resolve", _TERM, "--school-year", "2025", "--exam", "ГИА-9", "--json"], stdout=out, stderr=err)
    assert "notice" not in json.loads(out.getvalue())


def test_doctests_of_the_exam_vocabulary_and_events() -> None:
    assert doctest.testmod(calendar_exams).failed == 0
    assert doctest.testmod(calendar_events).failed == 0


def test_the_interview_names_russian_but_is_not_a_subject_scope() -> None:
    """«итоговое собеседование по русскому языку» is the test's name: a ГИА-9 measure that mentions it
    counts from the days of every subject (Когалым 6.14 has such a title)."""
    title = "Создание условий в ППЭ для ГИА-9, в т.ч. в период итогового собеседования по русскому языку"
    measure = Measure(title=title, term=parse_term(_TERM), exam_scope=(ExamScope.GIA_9,))
    assert measure_scope(measure).subjects is None
    experts = attrs.evolve(measure, title="Обучение экспертов по русскому языку")
    assert measure_scope(experts).subjects == frozenset({Subject.RUSSIAN})


def test_the_scope_written_in_the_anchor_phrase_binds() -> None:
    """However the grammar types «до начала ГИА-9» (an exam anchor, or a phrase it does not know yet), the
    exams written in the deadline narrow the measure's events."""
    term = Relative(
        offset=2,
        unit=Unit.WEEK,
        bound=Bound.EXACT_BEFORE,
        anchor=Anchor.EXAM_START,
        raw="за две недели до начала ГИА-9",
    )
    scope = measure_scope(Measure(title="Информирование участников", term=term))
    assert scope.exams == frozenset({ExamKind.OGE, ExamKind.GVE_9})
    resolution = EventBinder(plan(), exam_events_for(2024, CAL)).resolve(
        Measure(title="Информирование участников", term=term), CAL
    )
    oge = {d.date for d in ExamSchedule.bundled(2024).days if d.exam in (ExamKind.OGE, ExamKind.GVE_9)}
    assert {dt.date.fromisoformat(w.label) for w in resolution.windows} == oge


def test_the_documented_resolve_example() -> None:
    """docs/exam-schedules.md: «gia-roadmap resolve … --school-year 2025 --exam ЕГЭ --subject математика»
    counts from the ЕГЭ days of mathematics (and the reserve days of every subject) and from no other."""
    out, err = std_io.StringIO(), std_io.StringIO()
    args = ["resolve", _TERM, "--school-year", "2025", "--exam", "ЕГЭ", "--subject", "математика"]
    main(args, stdout=out, stderr=err)
    counted = {
        dt.datetime.strptime(d, "%d.%m.%Y").date() for d in re.findall(r"событие (\S+)", out.getvalue())
    }
    days = ExamSchedule.bundled(2025).days
    ege = [d for d in days if d.exam is ExamKind.EGE]
    assert counted == {d.date for d in ege if not d.specific_subjects or d.covers(Subject.MATHEMATICS)}
    assert len(counted) < len({d.date for d in ege})


# ---------------------------------------------------------------------------------------------
# Properties of the binding, on generated measures
# ---------------------------------------------------------------------------------------------

_EXAM_WORDS = ("ГИА-9", "ГИА-11", "ЕГЭ", "ОГЭ", "ГВЭ-9", "ГВЭ-11", "ГИА", "итогового сочинения", "")
_SUBJECT_WORDS = ("по математике", "по русскому языку", "по физике и химии", "по иностранным языкам", "")
_TERMS = (
    "не позднее чем за 1 рабочий день до дня проведения экзамена",
    "за 3 календарных дня до дня проведения экзамена",
    "в день проведения экзамена",
    "не позднее 2 рабочих дней после дня проведения экзамена",
)
_EVENTS = {year: exam_events_for(year, CAL) for year in (2023, 2024)}


@st.composite
def _measures(draw: st.DrawFn) -> Measure:
    title = f"Обучение экспертов {draw(st.sampled_from(_EXAM_WORDS))} {draw(st.sampled_from(_SUBJECT_WORDS))}"
    term = f"{draw(st.sampled_from(_TERMS))} {draw(st.sampled_from(_EXAM_WORDS))}".strip()
    scopes = draw(st.lists(st.sampled_from([*KINDS]), max_size=2, unique=True))
    return Measure(title=title, term=parse_term(term), exam_scope=tuple(scopes))


@settings(max_examples=80, deadline=None)
@given(measure=_measures(), year=st.sampled_from(sorted(_EVENTS)))
def test_binding_only_narrows(measure: Measure, year: int) -> None:
    """Binding never adds a date: the bound resolution's windows are among those against every event, the
    measure's own exam scope bounds the exams it counts from, and the exams are those of the ГИА."""
    roadmap = attrs.evolve(plan(), school_year=SchoolYear(year))
    events = _EVENTS[year]
    scope = measure_scope(measure)
    own = _kinds(measure.exam_scope)
    if own and scope.exams is not None:
        assert scope.exams <= own
    bound = EventBinder(roadmap, events).resolve(measure, CAL)
    loose = measure.term.resolve(CAL, events, school_year=roadmap.school_year)
    assert set(bound.windows) <= set(loose.windows)
    counted = {dt.date.fromisoformat(w.label) for w in bound.windows}
    exam_days = {d.date for d in ExamSchedule.bundled(year).days if d.exam in EXAMS}
    assert counted <= exam_days  # never the сочинение or собеседование
