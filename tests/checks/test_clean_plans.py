"""A clean, realistic plan gets no warning and no error.

The generator writes plans as a careful official would: numbered sections of the usual kinds, items
numbered without gaps or repeats (restarting in each section, or carrying the section's number),
sub-items dated inside their item, deadlines as months, ranges of months or working days of the plan's
school year after its adoption, a responsible party in every row, the staff of the exam sites trained
before the exams, and the plan's glossary defining what it abbreviates. Whatever it draws, ``check()``
may report info and reading notices, never a warning or an error: each would be a false alarm.

The CI run draws a few dozen plans; ``GIA_CLEAN_PLANS=2000`` runs the long profile.
"""

from __future__ import annotations

import datetime as dt
import os

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import ExamSchedule, RussianCalendar, SchoolYear, exam_events, parse_term
from gia_roadmap.errors import Severity
from gia_roadmap.plan import (
    Glossary,
    GlossaryEntry,
    Measure,
    MeasureNumber,
    Order,
    PlanLevel,
    ResponsibleResolver,
    Roadmap,
    Section,
    SectionKind,
)
from gia_roadmap.plan.checks import check
from gia_roadmap.text import MONTHS_NOMINATIVE

EXAMPLES = int(os.environ.get("GIA_CLEAN_PLANS", "25"))
CALENDAR = RussianCalendar()
GLOSSARY = Glossary(
    (
        GlossaryEntry("УО", "Управление образования Администрации города"),
        GlossaryEntry("ИМЦ", "информационно-методический центр"),
        GlossaryEntry("ММС", "муниципальная методическая служба"),
    )
)
RESOLVER = ResponsibleResolver(GLOSSARY)

SECTIONS = (
    ("Анализ результатов ГИА", SectionKind.ANALYSIS),
    ("Нормативное правовое обеспечение ГИА", SectionKind.LEGAL),
    ("Организационное сопровождение ГИА", SectionKind.ORGANISATIONAL),
    ("Информационное сопровождение ГИА", SectionKind.INFORMATION),
    ("Контроль за организацией и проведением ГИА", SectionKind.CONTROL),
)
TITLES = (
    "Подготовка приказа об организации проведения итогового сочинения",
    "Совещание с руководителями общеобразовательных организаций",
    "Информирование участников ГИА и их родителей о порядке проведения экзаменов",
    "Размещение информации на официальном сайте Управления образования",
    "Проведение родительских собраний в общеобразовательных организациях",
    "Мониторинг подготовки общеобразовательных организаций к проведению ГИА",
    "Консультирование учителей-предметников по вопросам подготовки выпускников",
    "Организация работы телефона «горячей линии»",
    "Проверка готовности систем видеонаблюдения",
    "Составление графика консультаций для выпускников",
)
PARTIES = ("УО", "ОО", "ИМЦ", "УО, ОО", "ИМЦ, ММС", "Руководители ОО")


def _month_text(year: int, month: int) -> str:
    return f"{MONTHS_NOMINATIVE[month - 1]} {year} года"


def _months(school_year: SchoolYear) -> list[tuple[int, int]]:
    """October to April of the school year: after the adoption, before the main exam period."""
    start = school_year.start_year
    return [(start, m) for m in (10, 11, 12)] + [(start + 1, m) for m in (1, 2, 3, 4)]


@st.composite
def terms(draw: st.DrawFn, school_year: SchoolYear, within: tuple[int, int] | None = None) -> str:
    """A deadline inside the school year (inside months ``within`` of the list when given)."""
    months = _months(school_year)
    low, high = within or (0, len(months) - 1)
    first = draw(st.integers(low, high))
    last = draw(st.integers(first, high))
    kind = draw(st.sampled_from(("month", "range", "day")))
    year, month = months[first]
    if kind == "month" or first == last:
        if kind == "day":
            day = CALENDAR.next_working_day(dt.date(year, month, draw(st.integers(1, 27))), include_self=True)
            if (year, day.month) == (year, month):
                return f"до {day.strftime('%d.%m.%Y')}"
        return _month_text(year, month)
    end_year, end_month = months[last]
    return f"{_month_text(year, month)} – {_month_text(end_year, end_month)}"


def _measure(
    number: str, title: str, term: str, party: str, ordinal: int, school_year: SchoolYear
) -> Measure:
    return Measure(
        number=MeasureNumber.parse(number),
        ordinal=ordinal,
        title=title,
        term=parse_term(term, school_year=school_year),
        responsible=RESOLVER.resolve(party),
        responsible_raw=party,
    )


@st.composite
def clean_plans(draw: st.DrawFn) -> Roadmap:
    school_year = SchoolYear(draw(st.integers(2021, 2025)))
    prefixed = draw(st.booleans())  # «3.4» under section 3, or numbers restarting at 1
    kinds = draw(st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=4, unique=True))
    pool = iter(draw(st.permutations(TITLES)))  # an official does not write one measure twice
    stage = 0

    def title() -> str:
        nonlocal pool, stage
        try:
            return next(pool)
        except StopIteration:
            stage += 1
            pool = iter(f"{t} (этап {stage + 1})" for t in TITLES)
            return next(pool)

    sections = []
    for index, (heading, kind) in enumerate(kinds, start=1):
        measures: list[Measure] = []
        for item in range(1, draw(st.integers(1, 5)) + 1):
            number = f"{index}.{item}" if prefixed else str(item)
            term = draw(terms(school_year))
            party = draw(st.sampled_from(PARTIES))
            measures.append(_measure(number, title(), term, party, len(measures), school_year))
            if draw(st.integers(0, 4)) == 0:  # sub-items inside their item's months
                parent = measures[-1].term
                window = parent.resolve(CALENDAR, school_year=school_year).windows
                inside = [
                    i for i, (y, m) in enumerate(_months(school_year))
                    if window and window[0].start <= dt.date(y, m, 1) <= window[-1].end
                    and dt.date(y, m, 28) <= window[-1].end
                ]  # fmt: skip
                if inside and not window[0].open_start:
                    for sub in range(1, draw(st.integers(1, 3)) + 1):
                        sub_term = draw(terms(school_year, (min(inside), max(inside))))
                        sub_number = f"{number}.{sub}"
                        measures.append(
                            _measure(sub_number, title(), sub_term, party, len(measures), school_year)
                        )
        sections.append(Section(heading=f"{index}. {heading}", kind=kind, measures=tuple(measures)))
    spring = school_year.start_year + 1
    training = Section(
        heading=f"{len(kinds) + 1}. Обучение лиц, привлекаемых к проведению ГИА",
        kind=SectionKind.STAFF_TRAINING,
        measures=(
            _measure(
                f"{len(kinds) + 1}.1" if prefixed else "1",
                "Обучение руководителей ППЭ и организаторов в ППЭ",
                f"{_month_text(spring, 2)} – {_month_text(spring, 4)}",
                "УО",
                0,
                school_year,
            ),
        ),
    )
    adopted = CALENDAR.next_working_day(dt.date(school_year.start_year, 9, 15), include_self=True)
    return Roadmap(
        id="clean",
        title=f"Дорожная карта по подготовке к проведению ГИА в {school_year.start_year + 1} году",
        level=PlanLevel.MUNICIPAL,
        school_year=school_year,
        orders=(Order(number="1", date=adopted),),
        sections=(*sections, training),
        glossary=GLOSSARY,
    )


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(clean_plans(), st.booleans())
def test_a_clean_plan_gets_no_warning_or_error(roadmap: Roadmap, with_events: bool) -> None:
    events = None
    if with_events and roadmap.school_year is not None:
        events = exam_events(ExamSchedule.bundled(roadmap.school_year.start_year), CALENDAR)
    report = check(roadmap, calendar=CALENDAR, events=events)
    alarms = [f.to_text() for f in report.findings if f.severity >= Severity.WARNING]
    assert not alarms, alarms


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(clean_plans())
def test_the_generator_can_draw_a_defect_the_checks_see(roadmap: Roadmap) -> None:
    """The property is not empty: the same plan with a measure given twice is an error."""
    first = roadmap.sections[0]
    twice = attrs.evolve(first, measures=(*first.measures, attrs.evolve(first.measures[0], ordinal=99)))
    report = check(attrs.evolve(roadmap, sections=(twice, *roadmap.sections[1:])), calendar=CALENDAR)
    assert "GR501" in report.codes or "GR506" in report.codes
