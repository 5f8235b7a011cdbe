"""Realistic roadmaps, clean by construction, and their twins with planted defects.

A plan is drawn as an official writes one: numbered sections of the usual kinds, items numbered without
gaps or repeats (restarting in each section, or carrying the section's number), sub-items dated inside
their item, deadlines as months, ranges of months, working days or «в течение учебного года» of the
plan's school year after its adoption, links to earlier items, a responsible party of the plan's level in
every row (every abbreviation in the plan's glossary), the exam staff the level must train trained
before the exams. :func:`roadmaps` draws such plans; :func:`defective_roadmaps` draws one, plants
defects of the kinds asked for (each a finding code of :data:`~gia_roadmap.plan.checks.CATALOGUE`) and
says where each one is.

Everything is drawn from small integers and lists, so a failing property shrinks towards a plan of one
section and a few measures, deadlines in October, the first party of the list.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.grammar import parse_term
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import MissingTerm, Term
from gia_roadmap.errors import InvalidValueError, Location
from gia_roadmap.plan.findings import Report
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry
from gia_roadmap.plan.model import (
    Dependency,
    Measure,
    MeasureNumber,
    MeasureRef,
    Order,
    PlanLevel,
    Roadmap,
    Section,
    SectionKind,
)
from gia_roadmap.plan.responsible import Responsible, ResponsibleResolver
from gia_roadmap.strategies._calendar import school_years
from gia_roadmap.text import MONTHS_NOMINATIVE

__all__ = ["DEFECT_KINDS", "DefectivePlan", "PlantedDefect", "defective_roadmaps", "roadmaps"]

_LEVELS = (PlanLevel.MUNICIPAL, PlanLevel.REGIONAL, PlanLevel.SCHOOL)
_WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
_MONTHS = 7
"""Deadlines fall in the seven months from October to April: after the plan's adoption in September,
before the main exam period."""
_LOAD_CAP = 8
"""At most this many deadlines of one month per body (GR702 fires above 15, and a planted defect may
move one more deadline into a month)."""


# --------------------------------------------------------------------------------------------
# The vocabulary of each level
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Level:
    parties: tuple[str, ...]
    glossary: tuple[tuple[str, str], ...]
    training: tuple[str, ...]
    """The training measures that cover what the level must train (``plan/data/training.toml``)."""
    partial_training: str
    """A training measure that leaves out categories the level must train (the GR601 defect)."""


_LEVEL_WORDS = {
    PlanLevel.REGIONAL: _Level(
        parties=("МО", "РЦОИ", "ИРО", "МО, РЦОИ", "МОУО", "ИРО, МОУО"),
        glossary=(
            ("МО", "Министерство образования области"),
            ("РЦОИ", "региональный центр обработки информации"),
            ("ИРО", "Институт развития образования"),
            ("МОУО", "муниципальные органы управления образованием"),
        ),
        training=(
            "Обучение членов ГЭК, руководителей ППЭ, организаторов в ППЭ и технических специалистов ППЭ",
            "Обучение председателей и экспертов предметных комиссий, членов конфликтной комиссии",
            "Обучение специалистов РЦОИ, операторов сканирования и лиц, ответственных за внесение "
            "сведений в РИС",
            "Обучение муниципальных координаторов и общественных наблюдателей",
        ),
        partial_training="Обучение руководителей ППЭ и организаторов в ППЭ",
    ),
    PlanLevel.MUNICIPAL: _Level(
        parties=("УО", "ОО", "ИМЦ", "УО, ОО", "ИМЦ, ММС", "Руководители ОО"),
        glossary=(
            ("УО", "Управление образования Администрации города"),
            ("ИМЦ", "информационно-методический центр"),
            ("ММС", "муниципальная методическая служба"),
        ),
        training=("Обучение руководителей ППЭ и организаторов в ППЭ",),
        partial_training="Обучение руководителей ППЭ",
    ),
    PlanLevel.SCHOOL: _Level(
        parties=("Директор", "Заместитель директора по УВР", "Администрация школы", "Педагог-психолог"),
        glossary=(("УВР", "учебно-воспитательная работа"),),
        training=(),
        partial_training="",
    ),
}

_SECTIONS = (
    ("Анализ результатов ГИА", SectionKind.ANALYSIS),
    ("Нормативное правовое обеспечение ГИА", SectionKind.LEGAL),
    ("Организационное сопровождение ГИА", SectionKind.ORGANISATIONAL),
    ("Информационное сопровождение ГИА", SectionKind.INFORMATION),
    ("Контроль за организацией и проведением ГИА", SectionKind.CONTROL),
)
_TITLES = (
    "Подготовка приказа об организации проведения итогового сочинения",
    "Совещание с руководителями общеобразовательных организаций",
    "Информирование участников ГИА и их родителей о порядке проведения экзаменов",
    "Размещение информации на официальном сайте",
    "Проведение родительских собраний по вопросам проведения ГИА",
    "Мониторинг подготовки общеобразовательных организаций к проведению ГИА",
    "Консультирование учителей-предметников по вопросам подготовки выпускников",
    "Организация работы телефона «горячей линии»",
    "Проверка готовности систем видеонаблюдения",
    "Составление графика консультаций для выпускников",
    "Сбор заявлений на участие в ГИА",
    "Формирование списков участников ГИА",
)


# --------------------------------------------------------------------------------------------
# Drafts: the plan as rows with what is known about their dates
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Row:
    number: str
    title: str
    term: str
    party: str
    first: int | None = None
    """The first month of the deadline's window (0 = October … 6 = April); None when it has none."""
    last: int | None = None
    sub: bool = False
    group: bool = False
    after: tuple[str, ...] = ()


@attrs.frozen
class _Part:
    heading: str
    kind: SectionKind
    rows: tuple[_Row, ...]


@attrs.frozen
class _Draft:
    school_year: SchoolYear
    level: PlanLevel
    prefixed: bool
    adopted: dt.date
    parts: tuple[_Part, ...]

    def month(self, index: int) -> tuple[int, int]:
        """(year, month) of the month ``index`` (0 = October of the first calendar year)."""
        month = 10 + index
        return (
            (self.school_year.start_year, month) if month <= 12 else (self.school_year.end_year, month - 12)
        )

    @property
    def training(self) -> int | None:
        """The index of the staff-training section."""
        return next((i for i, p in enumerate(self.parts) if p.kind is SectionKind.STAFF_TRAINING), None)

    @property
    def linked(self) -> frozenset[tuple[int, str]]:
        """(section, number) of every row a link starts or ends at."""
        out = set()
        for i, part in enumerate(self.parts):
            for row in part.rows:
                if row.after:
                    out.add((i, row.number))
                    out.update((i, n) for n in row.after)
        return frozenset(out)

    def plain_rows(self) -> list[tuple[int, int]]:
        """(section, row) of the top-level rows of the ordinary sections that are dated by month, have no
        sub-items and take part in no link: the rows a planted defect may change alone."""
        linked = self.linked
        return [
            (i, j)
            for i, part in enumerate(self.parts)
            if part.kind is not SectionKind.STAFF_TRAINING
            for j, row in enumerate(part.rows)
            if not (row.sub or row.group or row.first is None or (i, row.number) in linked)
        ]


def _month_text(year: int, month: int) -> str:
    return f"{MONTHS_NOMINATIVE[month - 1]} {year} года"


def _months_text(draft: _Draft, first: int, last: int) -> str:
    if first == last:
        return _month_text(*draft.month(first))
    return f"{_month_text(*draft.month(first))} – {_month_text(*draft.month(last))}"


@functools.cache
def _calendar() -> RussianCalendar:
    return RussianCalendar()


def _number(draft: _Draft, section: int, item: int, *sub: int) -> str:
    parts = ([str(section + 1)] if draft.prefixed else []) + [str(item), *map(str, sub)]
    return ".".join(parts)


def _bodies(party: str) -> tuple[str, ...]:
    """What a party's deadlines count against: each abbreviation it names («Руководители ОО» counts for
    «ОО», as the check counts it), or the party itself."""
    return tuple(re.findall(r"\b[А-ЯЁ]{2,}\b", party)) or (party,)


class _Load:
    """Deadlines of one month per body, kept at :data:`_LOAD_CAP` at most."""

    def __init__(self, parties: Sequence[str]) -> None:
        self.parties = parties
        self.count: dict[tuple[str, int], int] = {}

    def fits(self, party: str, month: int) -> bool:
        return all(self.count.get((b, month), 0) < _LOAD_CAP for b in _bodies(party))

    def place(self, party: int, month: int, low: int, high: int) -> tuple[str, int] | None:
        """The drawn party and month, or the next ones within months ``low``..``high`` that still fit;
        None when every party is full in all of them."""
        span = high - low + 1
        for shift in range(span):
            m = low + (month - low + shift) % span
            for step in range(len(self.parties)):
                name = self.parties[(party + step) % len(self.parties)]
                if self.fits(name, m):
                    for body in _bodies(name):
                        self.count[body, m] = self.count.get((body, m), 0) + 1
                    return name, m
        return None


@st.composite
def _row_term(draw: st.DrawFn, draft: _Draft, load: _Load, within: tuple[int, int] | None) -> _Row:
    """A row's deadline and party (number and title are filled in by the caller). A deadline of one
    month goes to a party that has room in that month (or the next month that has room); work over
    the whole year when no party has any (only a very large plan comes to that)."""
    low, high = within or (0, _MONTHS - 1)
    kinds = ("month", "range", "day", "year") if within is None else ("month", "day")
    kind = draw(st.sampled_from(kinds))
    party_index = draw(st.integers(0, len(load.parties) - 1))
    all_year = _Row("", "", "в течение учебного года", load.parties[party_index])
    if kind == "year":
        return all_year
    first = draw(st.integers(low, high))
    if kind == "range" and first < high:
        last = draw(st.integers(first + 1, high))
        return _Row("", "", _months_text(draft, first, last), load.parties[party_index], first, last)
    placed = load.place(party_index, first, low, high)
    if placed is None:
        return all_year
    party, first = placed
    if kind == "day":
        year, month = draft.month(first)
        day = dt.date(year, month, draw(st.integers(1, 25)))
        day = _calendar().next_working_day(day, include_self=True)
        if day.month == month:
            return _Row("", "", f"до {day:%d.%m.%Y}", party, first, first)
    return _Row("", "", _months_text(draft, first, first), party, first, first)


def _titles(draw: st.DrawFn) -> Iterable[str]:
    """Titles never written twice in one plan (a repeated title with the same deadline is GR506)."""
    order = draw(st.permutations(_TITLES))
    stage = 1
    while True:
        yield from (t if stage == 1 else f"{t} ({stage} этап)" for t in order)
        stage += 1


def _size_range(size: int | tuple[int, int]) -> tuple[int, int]:
    low, high = (size, size) if isinstance(size, int) else size
    if isinstance(low, bool) or isinstance(high, bool) or not 1 <= low <= high:
        raise InvalidValueError(f"size must be a count of measures ≥ 1 or a (min, max) pair, got {size!r}")
    return low, high


@st.composite
def _drafts(
    draw: st.DrawFn,
    level: PlanLevel | None,
    size: tuple[int, int],
    school_year: SchoolYear | None,
    levels: Sequence[PlanLevel] = _LEVELS,
) -> _Draft:
    year = school_year if school_year is not None else draw(school_years(with_schedule=True))
    plan_level = level if level is not None else draw(st.sampled_from(levels))
    words = _LEVEL_WORDS[plan_level]
    adopted = _calendar().next_working_day(
        dt.date(year.start_year, 9, draw(st.integers(10, 28))), include_self=True
    )
    draft = _Draft(year, plan_level, draw(st.booleans()), adopted, ())
    count = draw(st.integers(*size))
    kinds = draw(st.permutations(_SECTIONS))
    titles = iter(_titles(draw))
    load = _Load(words.parties)
    # Rows are numbered within their slot («1», «1.1») and placed in one of four slots; the slots used
    # become the sections, in order of first use (so none is empty, and all shrinks to one section).
    rows: dict[int, list[_Row]] = {}
    made = 0
    while made < count:
        slot = draw(st.integers(0, len(kinds) - 1))
        own = rows.setdefault(slot, [])
        number = str(sum(1 for r in own if not r.sub) + 1)
        row = attrs.evolve(draw(_row_term(draft, load, None)), number=number, title=next(titles))
        # the choices are drawn whether used or not, so that a shrink moving a row keeps the rest
        grouped, linked = draw(st.integers(0, 4)) == 4, draw(st.integers(0, 3)) == 3
        subs = 0
        if grouped and made + 1 < count and row.first is not None:
            subs = draw(st.integers(1, min(3, count - made - 1)))
        earlier = [r for r in own if not (r.sub or r.group) and r.last is not None]
        if linked and row.first is not None and earlier:
            before = draw(st.sampled_from(earlier))
            if before.last is not None and before.last < row.first:
                row = attrs.evolve(row, after=(before.number,))
        own.append(attrs.evolve(row, group=subs > 0))
        for k in range(1, subs + 1):
            assert row.first is not None
            assert row.last is not None
            sub = draw(_row_term(draft, load, (row.first, row.last)))
            own.append(attrs.evolve(sub, number=f"{number}.{k}", title=next(titles), sub=True))
        made += 1 + subs

    def numbered(index: int, row: _Row) -> _Row:
        if not draft.prefixed:
            return row
        return attrs.evolve(
            row, number=f"{index + 1}.{row.number}", after=tuple(f"{index + 1}.{n}" for n in row.after)
        )

    parts = [
        _Part(f"{i + 1}. {kinds[i][0]}", kinds[i][1], tuple(numbered(i, r) for r in own))
        for i, own in enumerate(rows.values())
    ]
    if words.training:
        index = len(parts)
        spring = year.end_year
        term = f"{_month_text(spring, 2)} – {_month_text(spring, 4)}"
        party = words.parties[0]
        training = tuple(
            _Row(_number(draft, index, k + 1), title, term, party, 4, 6)
            for k, title in enumerate(words.training)
        )
        parts.append(
            _Part(
                f"{index + 1}. Обучение лиц, привлекаемых к проведению ГИА",
                SectionKind.STAFF_TRAINING,
                training,
            )
        )
    return attrs.evolve(draft, parts=tuple(parts))


@functools.cache
def _glossary(level: PlanLevel) -> Glossary:
    return Glossary(tuple(GlossaryEntry(a, e) for a, e in _LEVEL_WORDS[level].glossary))


@functools.cache
def _responsible(level: PlanLevel, party: str) -> tuple[Responsible, ...]:
    """The party read as an import reads it (one vocabulary per level, so read once)."""
    return ResponsibleResolver(_glossary(level)).resolve(party) if party else ()


@functools.lru_cache(maxsize=4096)
def _term(text: str, school_year: SchoolYear) -> Term:
    return parse_term(text, school_year=school_year) if text else MissingTerm()


def _build(draft: _Draft, plan_id: str) -> Roadmap:
    sections = []
    for i, part in enumerate(draft.parts):
        measures = []
        for ordinal, row in enumerate(part.rows):
            measures.append(
                Measure(
                    number=MeasureNumber.parse(row.number),
                    ordinal=ordinal,
                    title=row.title,
                    term=_term(row.term, draft.school_year),
                    responsible=_responsible(draft.level, row.party),
                    responsible_raw=row.party,
                    dependencies=tuple(
                        Dependency(MeasureRef((i,), MeasureNumber.parse(n).canonical)) for n in row.after
                    ),
                )
            )
        sections.append(Section(heading=part.heading, kind=part.kind, ordinal=i, measures=tuple(measures)))
    spring = draft.school_year.end_year
    return Roadmap(
        plan_id,
        title=f"Дорожная карта по подготовке к проведению ГИА в {spring} году",
        level=draft.level,
        school_year=draft.school_year,
        orders=(Order(number="1", date=draft.adopted),),
        sections=tuple(sections),
        glossary=_glossary(draft.level),
    )


def roadmaps(
    *,
    level: PlanLevel | None = None,
    size: int | tuple[int, int] = (1, 20),
    school_year: SchoolYear | int | None = None,
) -> st.SearchStrategy[Roadmap]:
    """Realistic roadmaps, clean by construction: ``check()`` finds nothing wrong in them.

    Each is a plan as a careful official writes it (see the module's description): with the official
    calendar and the exam events of its school year,
    ``check(plan, calendar=RussianCalendar(), events=exam_events(ExamSchedule.bundled(plan.school_year),
    calendar))`` reports no finding, of any severity, and no reading notice. A finding on one of them is
    a false alarm of a check (or of your own check, in your tests).

    Args:
        level: the plan's level (regional, municipal or school: parties, glossary and the exam staff to
            train follow it); any of the three when None.
        size: the number of measures outside the staff-training section (which holds the training
            measures the level requires: four for a region, one for a municipality, none for a school),
            or a ``(min, max)`` range; plans shrink towards ``min``.
        school_year: the plan's school year; any year with a bundled exam schedule when None.
    """
    low_high = _size_range(size)
    year = SchoolYear(school_year) if isinstance(school_year, int) else school_year
    if level is not None and level not in _LEVEL_WORDS:
        raise InvalidValueError(f"level must be one of {[lv.value for lv in _LEVELS]}, got {level!r}")
    return _drafts(level, low_high, year).map(lambda draft: _build(draft, "plan"))


# --------------------------------------------------------------------------------------------
# Planted defects
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PlantedDefect:
    """A defect planted in a clean plan: the finding code that must report it and where it is.

    Attributes:
        code: the finding code («GR501»).
        location: the place: ``plan``, ``section_path`` (0-based ordinals of the section), ``measure``
            (the number as written) and ``field`` («term», «responsible», «number», «dependencies»);
            a defect of a whole section has no measure.
        description: what was changed, in Russian («номер 1.2 повторён»).
    """

    code: str
    location: Location
    description: str = ""

    def found_in(self, report: Report) -> bool:
        """True when ``report`` has a finding of this code at this place: the same measure number (as
        its location or one of its related places) or, for a section's defect, the same section."""
        for finding in report.findings:
            if finding.code != self.code:
                continue
            places = (finding.location, *finding.related)
            if self.location.measure:
                key = MeasureNumber.parse(self.location.measure).canonical
                if any(MeasureNumber.parse(p.measure).canonical == key for p in places if p.measure):
                    return True
            elif (
                any(p.section_path == self.location.section_path for p in places)
                or not self.location.section_path
            ):
                return True
        return False


@attrs.frozen(kw_only=True)
class DefectivePlan:
    """A plan with planted defects, beside the clean plan they were planted in.

    Attributes:
        roadmap: the plan with the defects.
        clean: the same plan before planting (``check()`` finds nothing in it).
        defects: what was planted, in the order planted.
    """

    roadmap: Roadmap
    clean: Roadmap
    defects: tuple[PlantedDefect, ...]

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the planted defects."""
        return frozenset(d.code for d in self.defects)

    def missed(self, report: Report) -> tuple[PlantedDefect, ...]:
        """The planted defects ``report`` does not find (empty when every one is found)."""
        return tuple(d for d in self.defects if not d.found_in(report))


def _replace_row(draft: _Draft, section: int, index: int, row: _Row) -> _Draft:
    part = draft.parts[section]
    rows = (*part.rows[:index], row, *part.rows[index + 1 :])
    parts = (*draft.parts[:section], attrs.evolve(part, rows=rows), *draft.parts[section + 1 :])
    return attrs.evolve(draft, parts=parts)


def _item(number: str) -> int:
    return int(number.split(".")[-1])


def _next_item(draft: _Draft, section: int) -> int:
    """One more than the last item number of the section's top level."""
    return max((_item(row.number) for row in draft.parts[section].rows if not row.sub), default=0) + 1


def _place(section: int, number: str, field: str) -> Location:
    return Location(plan="plan", section_path=(section,), measure=number, field=field)


_EXTRA_HEADINGS = (
    "Межведомственное взаимодействие",
    "Подготовка пунктов проведения экзаменов",
    "Работа с участниками ГИА с ограниченными возможностями здоровья",
    "Методическое сопровождение подготовки к ГИА",
)


@attrs.define
class _Planting:
    """The draft being spoilt: the rows already changed and the sections whose numbering was touched
    (one numbering defect per section, so that no defect mends another)."""

    draft: _Draft
    draw: st.DrawFn
    used: set[tuple[int, str]] = attrs.field(factory=set)
    touched: set[int] = attrs.field(factory=set)

    def party(self) -> str:
        return _LEVEL_WORDS[self.draft.level].parties[0]

    def fresh_row(self, number: str, month: int, title: str = "") -> _Row:
        title = title or "Проведение совещания по вопросам подготовки к ГИА"
        return _Row(
            number,
            f"{title} (п. {number})",
            _months_text(self.draft, month, month),
            self.party(),
            month,
            month,
        )

    def section_for_numbers(self) -> int:
        """An ordinary section whose numbering no defect touched yet (a new one when there is none)."""
        free = [
            i
            for i, part in enumerate(self.draft.parts)
            if i not in self.touched and part.kind is not SectionKind.STAFF_TRAINING and part.rows
        ]
        if free:
            section = self.draw(st.sampled_from(free))
        else:
            section = len(self.draft.parts)
            heading = _EXTRA_HEADINGS[section % len(_EXTRA_HEADINGS)]
            row = self.fresh_row(_number(self.draft, section, 1), self.draw(st.integers(0, _MONTHS - 1)))
            part = _Part(f"{section + 1}. {heading}", SectionKind.ORGANISATIONAL, (row,))
            self.draft = attrs.evolve(self.draft, parts=(*self.draft.parts, part))
        self.touched.add(section)
        return section

    def append(self, section: int, *rows: _Row) -> None:
        part = self.draft.parts[section]
        part = attrs.evolve(part, rows=(*part.rows, *rows))
        self.draft = attrs.evolve(
            self.draft, parts=(*self.draft.parts[:section], part, *self.draft.parts[section + 1 :])
        )
        self.used.update((section, row.number) for row in rows)

    def plain_row(self) -> tuple[int, int]:
        """A plain row no defect changed yet (a new one when there is none)."""
        plain = [
            (i, j)
            for i, j in self.draft.plain_rows()
            if (i, self.draft.parts[i].rows[j].number) not in self.used
        ]
        if plain:
            return self.draw(st.sampled_from(plain))
        section = self.section_for_numbers()
        self.append(section, self.fresh_row(_number(self.draft, section, _next_item(self.draft, section)), 0))
        self.used.discard((section, self.draft.parts[section].rows[-1].number))
        return section, len(self.draft.parts[section].rows) - 1


def _plant_row(state: _Planting, code: str) -> PlantedDefect:
    """A defect of one row's cell: the term, the responsible party, a link."""
    section, index = state.plain_row()
    draft = state.draft
    row = draft.parts[section].rows[index]
    assert row.last is not None
    year, month = draft.month(row.last)
    if code == "GR202":
        new, field, what = attrs.evolve(row, term=""), "term", "срок не указан"
    elif code == "GR301":
        new, field, what = attrs.evolve(row, party=""), "responsible", "ответственный не указан"
    elif code == "GR206":
        day = next(
            d for d in (dt.date(year, month, k) for k in range(1, 28)) if not _calendar().is_working_day(d)
        )
        new, field, what = (
            attrs.evolve(row, term=f"до {day:%d.%m.%Y}"),
            "term",
            f"срок {day:%d.%m.%Y} — выходной",
        )
    elif code == "GR208":
        new = attrs.evolve(row, term=_month_text(year - 1, month))
        field, what = "term", f"«{new.term}» — прошлый учебный год"
    elif code == "GR204":
        first, last = (row.last, row.last - 1) if row.last > 0 else (row.last + 1, row.last)
        text = f"{_month_text(*draft.month(first))} – {_month_text(*draft.month(last))}"
        new, field, what = (
            attrs.evolve(row, term=text),
            "term",
            f"период «{text}» заканчивается раньше начала",
        )
    elif code == "GR207":
        day = _calendar().next_working_day(dt.date(draft.school_year.start_year, 9, 1), include_self=True)
        new, field, what = (
            attrs.evolve(row, term=f"до {day:%d.%m.%Y}"),
            "term",
            "срок раньше утверждения плана",
        )
    elif code == "GR214":
        day = _calendar().next_working_day(dt.date(year, month, 10), include_self=True)
        text = f"до {day:%d.%m.%Y} ({_WEEKDAYS_SHORT[(day.weekday() + 2) % 5]})"
        new, field, what = (
            attrs.evolve(row, term=text),
            "term",
            f"день недели в «{text}» не совпадает с датой",
        )
    else:  # GR104
        missing = _number(draft, section, _next_item(draft, section) + 50)
        new, field, what = (
            attrs.evolve(row, after=(missing,)),
            "dependencies",
            f"ссылка на несуществующий п. {missing}",
        )
    state.used.add((section, row.number))
    state.draft = _replace_row(draft, section, index, new)
    return PlantedDefect(code=code, location=_place(section, row.number, field), description=what)


def _plant_number(state: _Planting, code: str) -> PlantedDefect:
    """Numbering: a number given twice (GR501), a number skipped (GR502), a sub-item without its item
    (GR503), a measure written twice under two numbers (GR506); each in a section of its own."""
    section = state.section_for_numbers()
    draft = state.draft
    item = _next_item(draft, section)
    month = state.draw(st.integers(0, _MONTHS - 1))
    if code == "GR501":
        last = next(row for row in reversed(draft.parts[section].rows) if not row.sub)
        number, what = last.number, f"номер {last.number} повторён"
        row = state.fresh_row(number, month)
    elif code == "GR502":
        number = _number(draft, section, item + 1)
        row, what = state.fresh_row(number, month), f"пропущен номер перед п. {number}"
    elif code == "GR503":
        # a new item with a sub-sub-item whose sub-item is missing («3», «3.1.1»): a missing item itself
        # could be the section's own number, which counts as the parent («2.1» in section 2)
        parent = state.fresh_row(_number(draft, section, item), month)
        state.append(section, parent)
        number = f"{parent.number}.1.1"
        row, what = state.fresh_row(number, month), f"подпункт {number} без пункта {parent.number}.1"
        row = attrs.evolve(row, sub=True)
    else:  # GR506
        number = _number(draft, section, item)
        plain = [
            draft.parts[i].rows[j]
            for i, j in draft.plain_rows()
            if i == section and (i, draft.parts[i].rows[j].number) not in state.used
        ]
        model = state.draw(st.sampled_from(plain)) if plain else None
        if model is not None:
            state.used.add((section, model.number))
        if model is None:
            model = state.fresh_row(number, month)
            state.append(section, model)
            number = _number(draft, section, item + 1)
        row, what = attrs.evolve(model, number=number, after=()), f"п. {number} повторяет п. {model.number}"
    state.append(section, row)
    return PlantedDefect(code=code, location=_place(section, number, "number"), description=what)


def _plant_link(state: _Planting, code: str) -> PlantedDefect:
    """GR102: a row linked to a row of its section that is due after it."""
    section = state.section_for_numbers()
    item = _next_item(state.draft, section)
    late = state.fresh_row(_number(state.draft, section, item), 3, "Подготовка аналитической справки")
    early = attrs.evolve(
        state.fresh_row(
            _number(state.draft, section, item + 1), 1, "Совещание о готовности к проведению ГИА"
        ),
        after=(late.number,),
    )
    state.append(section, late, early)
    return PlantedDefect(
        code=code,
        location=_place(section, early.number, "dependencies"),
        description=f"п. {early.number} должен завершиться раньше п. {late.number}, от которого зависит",
    )


def _plant_training(state: _Planting, code: str) -> PlantedDefect:
    """GR601: the training leaves out categories the level must train; GR602: it is after the exams."""
    draft = state.draft
    section = draft.training
    if section is None:
        raise InvalidValueError(f"a {draft.level.value} plan trains no exam staff: {code} cannot be planted")
    part = draft.parts[section]
    if code == "GR601":
        row = attrs.evolve(part.rows[0], title=_LEVEL_WORDS[draft.level].partial_training)
        parts = (*draft.parts[:section], attrs.evolve(part, rows=(row,)), *draft.parts[section + 1 :])
        state.draft = attrs.evolve(draft, parts=parts)
        state.used.update((section, r.number) for r in part.rows)
        return PlantedDefect(
            code=code,
            location=Location(plan="plan", section_path=(section,)),
            description="обучаются не все категории специалистов, привлекаемых к ГИА",
        )
    rows = [j for j, r in enumerate(part.rows) if (section, r.number) not in state.used] or [0]
    index = rows[0]
    row = part.rows[index]
    text = _month_text(draft.school_year.end_year, 7)
    state.used.add((section, row.number))
    state.draft = _replace_row(draft, section, index, attrs.evolve(row, term=text))
    return PlantedDefect(
        code=code,
        location=_place(section, row.number, "term"),
        description=f"обучение в {text} — после начала экзаменов",
    )


def _plant_section(state: _Planting, code: str) -> PlantedDefect:
    """GR504: a section with no measures, at the end."""
    index = len(state.draft.parts)
    heading = _EXTRA_HEADINGS[index % len(_EXTRA_HEADINGS)]
    state.draft = attrs.evolve(
        state.draft,
        parts=(*state.draft.parts, _Part(f"{index + 1}. {heading}", SectionKind.ORGANISATIONAL, ())),
    )
    state.touched.add(index)
    return PlantedDefect(
        code=code, location=Location(plan="plan", section_path=(index,)), description="раздел без мероприятий"
    )


_PLANTERS = {
    "GR102": _plant_link,
    "GR104": _plant_row,
    "GR202": _plant_row,
    "GR204": _plant_row,
    "GR206": _plant_row,
    "GR207": _plant_row,
    "GR208": _plant_row,
    "GR214": _plant_row,
    "GR301": _plant_row,
    "GR501": _plant_number,
    "GR502": _plant_number,
    "GR503": _plant_number,
    "GR504": _plant_section,
    "GR506": _plant_number,
    "GR601": _plant_training,
    "GR602": _plant_training,
}
DEFECT_KINDS: tuple[str, ...] = tuple(sorted(_PLANTERS))
"""The finding codes :func:`defective_roadmaps` can plant."""
_TRAINING_KINDS = frozenset({"GR601", "GR602"})


def defective_roadmaps(
    kinds: Iterable[str] | None = None,
    *,
    level: PlanLevel | None = None,
    size: int | tuple[int, int] = (1, 12),
    school_year: SchoolYear | int | None = None,
) -> st.SearchStrategy[DefectivePlan]:
    """Realistic plans (as :func:`roadmaps` draws them) with defects planted, and where each one is.

    Every planted defect is a finding ``check()`` must report at the place given
    (:meth:`PlantedDefect.found_in`, :meth:`DefectivePlan.missed`); the clean plan it was planted in
    is kept beside it, a twin on which the same check stays silent.

    Args:
        kinds: the finding codes to plant, one defect each (:data:`DEFECT_KINDS`); a non-empty subset of
            them, drawn, when None.
        level: as for :func:`roadmaps`; GR601 and GR602 (staff training) need a regional or municipal
            plan, so a school plan is not drawn for them.
        size: as for :func:`roadmaps` (before planting; a defect may add a row or two).
        school_year: as for :func:`roadmaps`.
    """
    wanted = None if kinds is None else tuple(dict.fromkeys(kinds))
    if wanted is not None:
        unknown = [k for k in wanted if k not in _PLANTERS]
        if unknown or not wanted:
            raise InvalidValueError(f"kinds must be codes of {list(DEFECT_KINDS)}, got {list(wanted)}")
        if level is PlanLevel.SCHOOL and _TRAINING_KINDS & set(wanted):
            raise InvalidValueError(
                f"a school plan trains no exam staff, so {sorted(_TRAINING_KINDS & set(wanted))} cannot be "
                "planted in one; give a regional or municipal level"
            )
    if level is not None and level not in _LEVEL_WORDS:
        raise InvalidValueError(f"level must be one of {[lv.value for lv in _LEVELS]}, got {level!r}")
    low_high = _size_range(size)
    year = SchoolYear(school_year) if isinstance(school_year, int) else school_year
    possible = [k for k in DEFECT_KINDS if level is not PlanLevel.SCHOOL or k not in _TRAINING_KINDS]
    kind_lists = (
        st.just(wanted)
        if wanted is not None
        else st.lists(st.sampled_from(possible), min_size=1, max_size=4, unique=True).map(tuple)
    )

    @st.composite
    def build(draw: st.DrawFn) -> DefectivePlan:
        codes: tuple[str, ...] = draw(kind_lists)
        levels: Sequence[PlanLevel] = _LEVELS
        if _TRAINING_KINDS & set(codes):
            levels = (PlanLevel.MUNICIPAL, PlanLevel.REGIONAL)
        draft = draw(_drafts(level, low_high, year, levels))
        clean = _build(draft, "plan")
        state = _Planting(draft, draw)
        defects = tuple(_PLANTERS[code](state, code) for code in codes)
        return DefectivePlan(roadmap=_build(state.draft, "plan"), clean=clean, defects=defects)

    return build()
