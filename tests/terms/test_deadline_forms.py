"""Deadline forms of real plans, read as productions: weeks of a month, counts per period, ends of
periods, times of day and durations in hours, the end of an exam campaign, the school half-year.

Each table row is text → the term it means → the windows it resolves to (plan of 2023/24). The
generator (``grammar.phrases``) draws these productions in every combination; the rows pin what the
rules decide on fixed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from gia_roadmap.calendar import RussianCalendar, SchoolYear, parse_term
from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.exams import ExamScope, ExamStage
from gia_roadmap.calendar.rendering import render
from gia_roadmap.calendar.terms import (
    Bound,
    CalendarYear,
    Compound,
    DayRef,
    ExactDate,
    ExternalSchedule,
    Frequency,
    HalfYearTerm,
    Label,
    MonthPart,
    MonthRef,
    PartOfMonth,
    PeriodEnd,
    QuarterTerm,
    Recurring,
    Relative,
    SchoolYearTerm,
    Term,
    TimeOfDay,
    Unit,
    YearOrigin,
)
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.io.serialization import converter

SY = SchoolYear(2023)
D = dt.date


def _windows(text: str) -> list[tuple[dt.date, dt.date]]:
    return [(w.start, w.end) for w in parse_term(text, school_year=SY).resolve(school_year=SY)]


WEEKS = [
    ("первая неделя сентября", PartOfMonth.FIRST_WEEK, 9, [(D(2023, 9, 1), D(2023, 9, 7))]),
    ("в первую неделю сентября", PartOfMonth.FIRST_WEEK, 9, [(D(2023, 9, 1), D(2023, 9, 7))]),
    ("последняя неделя мая", PartOfMonth.LAST_WEEK, 5, [(D(2024, 5, 25), D(2024, 5, 31))]),
    ("в последнюю неделю февраля", PartOfMonth.LAST_WEEK, 2, [(D(2024, 2, 23), D(2024, 2, 29))]),
    ("2-я неделя апреля", PartOfMonth.SECOND_WEEK, 4, [(D(2024, 4, 8), D(2024, 4, 14))]),
    ("на третьей неделе октября", PartOfMonth.THIRD_WEEK, 10, [(D(2023, 10, 15), D(2023, 10, 21))]),
    ("в течение IV недели марта", PartOfMonth.FOURTH_WEEK, 3, [(D(2024, 3, 22), D(2024, 3, 28))]),
]


@pytest.mark.parametrize(("text", "part", "month", "windows"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_of_a_month(
    text: str, part: PartOfMonth, month: int, windows: list[tuple[dt.date, dt.date]]
) -> None:
    term = parse_term(text, school_year=SY)
    assert term == MonthPart(part, MonthRef(month, SY.year_of_month(month), YearOrigin.SCHOOL_YEAR))
    assert _windows(text) == windows
    assert parse_term(render(term), school_year=SY) == term


def test_last_week_of_a_common_february_is_its_last_seven_days() -> None:
    assert _windows("последняя неделя февраля 2023 года") == [(D(2023, 2, 22), D(2023, 2, 28))]


def test_a_fifth_week_is_not_read() -> None:
    assert parse_term("5-я неделя марта", school_year=SY).kind == "unparsed"


COUNTS = [
    ("2 раза в год", Frequency.YEARLY, 2),
    ("не реже двух раз в месяц", Frequency.MONTHLY, 2),
    ("3 раза в четверть", Frequency.SCHOOL_QUARTERLY, 3),
    ("не менее 3-х раз в квартал", Frequency.QUARTERLY, 3),
    ("пять раз в неделю", Frequency.WEEKLY, 5),
    ("раз в месяц", Frequency.MONTHLY, 1),
]


@pytest.mark.parametrize(("text", "frequency", "times"), COUNTS, ids=[c[0] for c in COUNTS])
def test_count_per_period(text: str, frequency: Frequency, times: int) -> None:
    term = parse_term(text, school_year=SY)
    assert term == Recurring(frequency, times=times)
    assert parse_term(render(term), school_year=SY) == term


def test_a_count_per_period_keeps_one_window_per_period() -> None:
    windows = _windows("2 раза в год")
    assert windows == [(D(2023, 9, 1), D(2023, 12, 31)), (D(2024, 1, 1), D(2024, 8, 31))]


def test_a_count_per_period_goes_without_a_day_of_the_month() -> None:
    with pytest.raises(InvalidValueError, match="times"):
        Recurring(Frequency.MONTHLY, 25, times=2)
    with pytest.raises(InvalidValueError, match="times"):
        Recurring(Frequency.MONTHLY, times=0)


def test_a_count_per_period_survives_the_json_round_trip() -> None:
    term = Recurring(Frequency.YEARLY, times=2)
    data = converter.unstructure(term, Term)
    assert data["times"] == 2
    assert converter.structure(data, Term) == term  # type: ignore[arg-type]


HALF_YEARS = [
    # text, school?, year, windows in a plan of 2023/24
    ("I полугодие", True, 2023, [(D(2023, 9, 1), D(2023, 12, 31))]),
    ("во II полугодии", True, 2023, [(D(2024, 1, 1), D(2024, 5, 24))]),  # 26.05.2024 was a Sunday
    ("I полугодие 2023/24 учебного года", True, 2023, [(D(2023, 9, 1), D(2023, 12, 31))]),
    ("I полугодие 2024 года", False, 2024, [(D(2024, 1, 1), D(2024, 6, 30))]),
    ("второе полугодие 2023 г.", False, 2023, [(D(2023, 7, 1), D(2023, 12, 31))]),
]


@pytest.mark.parametrize(("text", "school", "year", "windows"), HALF_YEARS, ids=[h[0] for h in HALF_YEARS])
def test_a_half_year_is_the_schools_unless_a_calendar_year_is_written(
    text: str, school: bool, year: int, windows: list[tuple[dt.date, dt.date]]
) -> None:
    term = parse_term(text, school_year=SY)
    assert isinstance(term, HalfYearTerm)
    assert (term.school, term.year) == (school, year)
    assert ("school_half_year" in term.flags) == (school and "учебного" not in text)
    assert [(w.start, w.end) for w in term.resolve(RussianCalendar(), school_year=SY)] == windows
    assert parse_term(render(term), school_year=SY) == term


def test_a_school_half_year_read_without_a_school_year_takes_it_at_resolution() -> None:
    term = parse_term("I полугодие")
    assert term == HalfYearTerm(1, None, YearOrigin.NONE, school=True)
    assert [(w.start, w.end) for w in term.resolve(school_year=SchoolYear(2024))] == [
        (D(2024, 9, 1), D(2024, 12, 31))
    ]


ENDS = [
    ("до конца 2023 года", Bound.UNTIL, CalendarYear(2023), [(D(2023, 9, 1), D(2023, 12, 31))]),
    (
        "до конца I полугодия",
        Bound.UNTIL,
        HalfYearTerm(1, 2023, YearOrigin.SCHOOL_YEAR, school=True),
        [(D(2023, 9, 1), D(2023, 12, 31))],
    ),
    (
        "в конце I квартала 2024 г.",
        Bound.ON,
        QuarterTerm(1, 2024, YearOrigin.WRITTEN),
        [(D(2024, 3, 1), D(2024, 3, 31))],
    ),
    (
        "после окончания I полугодия",
        Bound.AFTER,
        HalfYearTerm(1, 2023, YearOrigin.SCHOOL_YEAR, school=True),
        [(D(2024, 1, 1), D(2024, 8, 31))],
    ),
    (
        "до окончания 2023-2024 учебного года",
        Bound.UNTIL,
        SchoolYearTerm(2023, 2024, True, True),
        [(D(2023, 9, 1), D(2024, 8, 31))],
    ),
]


@pytest.mark.parametrize(("text", "bound", "period", "windows"), ENDS, ids=[e[0] for e in ENDS])
def test_the_end_of_a_period(
    text: str, bound: Bound, period: Term, windows: list[tuple[dt.date, dt.date]]
) -> None:
    term = parse_term(text, school_year=SY)
    assert term == PeriodEnd(bound, period)
    assert _windows(text) == windows
    assert parse_term(render(term), school_year=SY) == term


def test_by_the_end_of_the_month_is_due_by_the_end_of_each_month() -> None:
    term = parse_term("до конца месяца", school_year=SY)
    assert term == PeriodEnd(Bound.UNTIL, Recurring(Frequency.MONTHLY))
    windows = _windows("до конца месяца")
    assert len(windows) == 12
    assert windows[0] == (D(2023, 9, 1), D(2023, 9, 30))
    assert windows[5] == (D(2024, 2, 1), D(2024, 2, 29))
    assert _windows("в конце месяца")[1] == (D(2023, 10, 21), D(2023, 10, 31))


def test_the_end_of_the_school_year_stays_its_anchor() -> None:
    term = parse_term("в конце учебного года", school_year=SY)
    assert term == Relative(0, Unit.NONE, Bound.ON, Anchor.SCHOOL_YEAR_END)
    assert [(w.start, w.end) for w in term.resolve(RussianCalendar(), school_year=SY)] == [
        (D(2024, 5, 24), D(2024, 5, 24))
    ]


def test_a_period_end_takes_only_periods() -> None:
    with pytest.raises(InvalidValueError, match="period"):
        PeriodEnd(Bound.UNTIL, Recurring(Frequency.WEEKLY))
    with pytest.raises(InvalidValueError, match="bound"):
        PeriodEnd(Bound.EVE, CalendarYear(2023))


def test_a_period_end_survives_the_json_round_trip() -> None:
    term = PeriodEnd(Bound.AFTER, HalfYearTerm(1, 2023, YearOrigin.WRITTEN, school=True))
    data = converter.unstructure(term, Term)
    assert data["kind"] == "period_end"
    assert data["period"]["school"] is True
    assert converter.structure(data, Term) == term  # type: ignore[arg-type]


def test_the_end_of_an_exam_campaign_is_an_anchor_in_the_exams_scope() -> None:
    term = parse_term("после завершения ГИА-9", school_year=SY)
    assert term == Relative(0, Unit.NONE, Bound.AFTER, Anchor.EXAM_PERIOD_END, "ГИА-9")
    assert term.exam_scopes == (ExamScope.GIA_9,)
    one_subject = parse_term("после окончания ЕГЭ по математике", school_year=SY)
    assert one_subject.anchor is Anchor.EXAM_DAY  # type: ignore[union-attr]
    events = {Anchor.EXAM_PERIOD_END: (D(2024, 7, 2),)}
    assert [(w.start, w.open_end) for w in term.resolve(events=events, school_year=SY)] == [
        (D(2024, 7, 3), True)
    ]


TIMES = [
    ("до 10:00", TimeOfDay(10, 0, "до")),
    ("в 10.00 ч.", TimeOfDay(10, 0, "в")),
    ("не позднее 18:00", TimeOfDay(18, 0, "не позднее")),
    ("с 9.30", TimeOfDay(9, 30, "с")),
    ("10.05 ч.", TimeOfDay(10, 5, "")),
    # whose clock a time is on
    ("в 10.00 по местному времени", TimeOfDay(10, 0, "в", zone="местному")),
    ("до 18:00 (по московскому времени)", TimeOfDay(18, 0, "до", zone="московскому")),
    ("до 23:59, по мск", TimeOfDay(23, 59, "до", zone="московскому")),
]


@pytest.mark.parametrize(("text", "time"), TIMES, ids=[t[0] for t in TIMES])
def test_a_time_of_day(text: str, time: TimeOfDay) -> None:
    term = parse_term(text, school_year=SY)
    assert term == time
    assert parse_term(render(term), school_year=SY) == term
    data = converter.unstructure(term, Term)
    assert ("zone" in data) == bool(time.zone)  # the clock is written only when said
    assert converter.structure(data, Term) == term  # type: ignore[arg-type]
    resolution = term.resolve(school_year=SY)
    assert resolution.windows == ()
    assert resolution.status.value == "unknown"


def test_a_dotted_time_that_can_be_a_date_is_the_date() -> None:
    assert parse_term("до 10.05", school_year=SY).kind == "date_by"


def test_a_time_qualifies_the_day_and_is_kept_in_its_windows() -> None:
    term = parse_term("не позднее 18:00 дня, предшествующего экзамену", school_year=SY)
    assert term == Compound(
        Relative(0, Unit.NONE, Bound.EVE, Anchor.EXAM_DAY), TimeOfDay(18, 0, "не позднее")
    )
    windows = term.resolve(events={Anchor.EXAM_DAY: (D(2024, 5, 23),)}, school_year=SY).windows
    assert [(w.start, w.end, w.label) for w in windows] == [
        (D(2024, 5, 22), D(2024, 5, 22), "2024-05-23 не позднее 18:00")
    ]
    dated = parse_term("до 18:00 17 ноября 2021", school_year=SY)
    assert dated == Compound(ExactDate(DayRef(11, 17, 2021, YearOrigin.WRITTEN)), TimeOfDay(18, 0, "до"))
    assert parse_term(render(dated), school_year=SY) == dated
    assert [w.label for w in dated.resolve(school_year=SY)] == ["до 18:00"]


def test_a_time_after_an_event_is_not_part_of_the_event() -> None:
    term = parse_term("в день проведения экзамена до 10:00", school_year=SY)
    assert term == Compound(Relative(0, Unit.NONE, Bound.ON, Anchor.EXAM_DAY), TimeOfDay(10, 0, "до"))


@pytest.mark.parametrize("words", ["в установленные сроки", "в утвержденные сроки", "в установленный срок"])
@pytest.mark.parametrize("time", ["до 0:00", "до 18:00", "не позднее 12.30", "в 10.00 ч."])
@pytest.mark.parametrize("comma", ["", ","])
def test_a_time_after_a_reference_without_words_qualifies_it(words: str, time: str, comma: str) -> None:
    """«в установленные сроки до 18:00»: the reference has no text of its own and the time (with its
    preposition) qualifies it; the preposition is not read as the reference's text."""
    term = parse_term(f"{words}{comma} {time}", school_year=SY)
    qualifier = parse_term(time, school_year=SY)
    assert term == Compound(ExternalSchedule(words, ""), qualifier)
    assert parse_term(render(term), school_year=SY) == term


HOURS = [
    ("в течение 2 часов после окончания экзамена", Bound.WITHIN_AFTER, 2, (D(2024, 5, 23), D(2024, 5, 23))),
    ("в течение 48 часов после экзамена", Bound.WITHIN_AFTER, 48, (D(2024, 5, 23), D(2024, 5, 25))),
    ("за 2 часа до экзамена", Bound.EXACT_BEFORE, 2, (D(2024, 5, 23), D(2024, 5, 23))),
    ("в течение 2 часов до экзамена", Bound.WITHIN_BEFORE, 2, (D(2024, 5, 23), D(2024, 5, 23))),
    ("за 30 часов до экзамена", Bound.EXACT_BEFORE, 30, (D(2024, 5, 22), D(2024, 5, 22))),
]


@pytest.mark.parametrize(("text", "bound", "hours", "window"), HOURS, ids=[h[0] for h in HOURS])
def test_hours_count_in_whole_days_from_the_event(
    text: str, bound: Bound, hours: int, window: tuple[dt.date, dt.date]
) -> None:
    term = parse_term(text, school_year=SY)
    assert term == Relative(hours, Unit.HOUR, bound, Anchor.EXAM_DAY)
    assert "hours_as_days" in term.flags
    windows = term.resolve(events={Anchor.EXAM_DAY: (D(2024, 5, 23),)}, school_year=SY).windows
    assert [(w.start, w.end) for w in windows] == [window]
    assert parse_term(render(term), school_year=SY) == term


def test_within_hours_with_no_event() -> None:
    term = parse_term("в течение 2 часов", school_year=SY)
    assert isinstance(term, Relative)
    assert (term.offset, term.unit, term.bound) == (2, Unit.HOUR, Bound.WITHIN_AFTER)


@pytest.mark.parametrize(
    "period", ["года", "текущего года", "календарного года", "отчетного периода", "финансового года"]
)
@pytest.mark.parametrize(("word", "bound"), [("до", Bound.UNTIL), ("после", Bound.AFTER), ("к", Bound.UNTIL)])
def test_the_end_of_a_period_without_dates_is_an_open_event(word: str, bound: Bound, period: str) -> None:
    """«до конца года» names no year: an open event the plan must bind, never an unread cell (nor a
    guessed year)."""
    end = "концу" if word == "к" else "конца"
    term = parse_term(f"{word} {end} {period}", school_year=SY)
    assert term == Relative(0, Unit.NONE, bound, OpenAnchor(f"{end} {period}"))
    assert parse_term(render(term), school_year=SY) == term


def test_the_end_of_a_named_period_keeps_its_dates() -> None:
    assert parse_term("до конца 2024 года", school_year=SY) == PeriodEnd(Bound.UNTIL, CalendarYear(2024))
    assert parse_term("до конца марта", school_year=SY).kind == "month_by"
    assert parse_term("до конца II четверти", school_year=SY) == Relative(
        0, Unit.NONE, Bound.UNTIL, Anchor.SCHOOL_QUARTER_END, occurrence=2
    )


@pytest.mark.parametrize("head", ["в период проведения", "во время проведения", "в ходе проведения"])
@pytest.mark.parametrize("exam", ["ЕГЭ по математике", "ОГЭ по русскому языку", "ГИА-9 по информатике"])
def test_the_period_of_one_subjects_exam_is_its_days(head: str, exam: str) -> None:
    """One subject's exam is held on its days: «в период проведения ЕГЭ по математике» is «в день
    проведения экзамена ЕГЭ по математике», bound to that subject's days, not the whole campaign."""
    term = parse_term(f"{head} {exam}", school_year=SY)
    assert term == Relative(0, Unit.NONE, Bound.ON, Anchor.EXAM_DAY, exam)
    assert parse_term(render(term), school_year=SY) == term
    campaign = parse_term(f"{head} {exam.split()[0]} по графику", school_year=SY)
    assert isinstance(campaign, Compound)
    assert campaign.base.kind == "exam_period"


@pytest.mark.parametrize("during", ["в период", "во время", "в ходе"])
@pytest.mark.parametrize(
    ("event", "anchor"),
    [
        ("осенних каникул", OpenAnchor("осенних каникул")),
        ("проверки экзаменационных работ", OpenAnchor("проверки экзаменационных работ")),
        ("проведения итогового сочинения", Anchor.ESSAY_DAY),
    ],
)
def test_during_an_event_is_on_its_dates(during: str, event: str, anchor: Anchor | OpenAnchor) -> None:
    term = parse_term(f"{during} {event}", school_year=SY)
    assert term == Relative(0, Unit.NONE, Bound.ON, anchor)
    assert parse_term(render(term), school_year=SY) == term


@pytest.mark.parametrize("text", ["в период до 1 мая", "в период с мая", "во время по графику"])
def test_a_preposition_after_during_is_not_an_event(text: str) -> None:
    term = parse_term(text, school_year=SY)
    assert not (isinstance(term, Relative) and isinstance(term.anchor, OpenAnchor))


@pytest.mark.parametrize("exam", ["ГИА", "ГВЭ", "ГИА-11"])
@pytest.mark.parametrize("time", ["9:00", "11.30", "9.00 ч."])
def test_an_hour_after_an_exam_name_is_not_its_grade(exam: str, time: str) -> None:
    """«в период проведения ГИА 9:00»: «9» is the hour of the time, not the grade of «ГИА-9» (found by
    the long grammar profile)."""
    term = parse_term(f"в период проведения {exam} {time}", school_year=SY)
    assert isinstance(term, Compound)
    assert term.base == parse_term(f"в период проведения {exam}", school_year=SY)
    assert term.qualifier == parse_term(time, school_year=SY)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("в летний период", "летом"),
        ("в зимний период 2024 года", "зима 2024 года"),
        ("в весеннем периоде", "весной"),
    ],
)
def test_a_season_as_a_period(text: str, word: str) -> None:
    assert parse_term(text, school_year=SY) == parse_term(word, school_year=SY)


LABELLED_FIRST = [
    ("резерв: 1 июля (пн)", "1 июля (пн) (резерв)"),
    ("основной период: 24 мая – 1 июля", "24 мая – 1 июля (основной период)"),
    ("резервные дни: 25, 26 июня", "25 июня (резервные дни), 26 июня (резервные дни)"),
    ("Досрочный этап: до 1 апреля", "до 1 апреля (досрочный этап)"),
]


@pytest.mark.parametrize(("text", "same"), LABELLED_FIRST, ids=[c[0] for c in LABELLED_FIRST])
def test_a_label_before_its_days_labels_each(text: str, same: str) -> None:
    """«резерв: 1 июля»: a label and a colon before a run of days label every day of it, as the label
    after a day does."""
    assert parse_term(text, school_year=SY) == parse_term(same, school_year=SY)


def test_a_label_before_and_after_a_day_add_up() -> None:
    term = parse_term("основной период: 1 июля (резерв)", school_year=SY)
    assert isinstance(term, Compound)
    assert isinstance(term.qualifier, Label)
    assert (term.qualifier.stage, term.qualifier.reserve) == (ExamStage.MAIN, True)


def test_an_unknown_zone_is_named() -> None:
    with pytest.raises(InvalidValueError, match="zone"):
        TimeOfDay(10, 0, "в", zone="гринвичу")


@pytest.mark.parametrize("time", ["0.30", "9.30", "10.00", "18.45"])
@pytest.mark.parametrize("day", ["с 1.01.", "с 1 января", "с 12.01"])
def test_a_dotted_time_after_a_from_day_is_no_range_end(day: str, time: str) -> None:
    """«с 1.01. до 9.30»: minutes 00 or 13–59 can be no month, so «9.30» is a time qualifying the day,
    not the end of a range and never an invalid date (found by the long grammar profile)."""
    term = parse_term(f"{day} до {time}", school_year=SY)
    assert term == Compound(parse_term(day, school_year=SY), parse_term(f"до {time}", school_year=SY))
