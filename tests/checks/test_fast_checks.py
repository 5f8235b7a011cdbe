"""The checks' shortcuts against straightforward references.

:class:`~gia_roadmap.plan.checks.CheckContext` reads each distinct deadline, text and party once
and lets the checks about rare deadline parts visit only the measures holding one; a few checks
stop early when a cheap test shows there is nothing to report, and two regexes are written so that
the regex engine can skip ahead. Here each of those is compared with the plain definition it
replaces, on generated plans (also plans that repeat a measure's identity) and generated texts.
Speed is measured by ``benchmarks/check_scale.py``, never here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap import strategies as gst
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import (
    ByDate,
    DateList,
    ExactDate,
    ExamPeriod,
    MissingTerm,
    MonthList,
    MonthRange,
    PeriodList,
    Relative,
    ResolutionStatus,
    SchoolYearTerm,
    Term,
    UnparsedTerm,
)
from gia_roadmap.plan import Roadmap, Section
from gia_roadmap.plan.checks import CheckContext, CheckOptions, is_training
from gia_roadmap.plan.checks.abbreviations import (
    _ABBREVIATION,
    _known_abbreviations,
    _spelled_out,
    check_undefined_abbreviations,
    is_legal_form,
)
from gia_roadmap.plan.checks.context import _EXTERNAL, _TRAINING, _explicit, _leaves, _title
from gia_roadmap.plan.checks.coverage import _EXAMS, is_exam_plan
from gia_roadmap.plan.checks.deadlines import (
    _has_event_leaf,
    _is_stale,
    check_before_adoption,
    check_inverted_ranges,
    check_schedule_supplied,
    check_stale_years,
)
from gia_roadmap.plan.checks.progress import check_load
from gia_roadmap.plan.checks.structure import check_duplicate_numbers
from gia_roadmap.plan.checks.title_years import seasons
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.glossary import abbreviation_key
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.model import LocatedMeasure
from gia_roadmap.plan.responsible import MatchQuality
from gia_roadmap.text import normalize

from .plans import calendar, events, m, plan, section

PLAIN_ABBREVIATION = re.compile(r"(?<![\w])[А-ЯЁ]{2,}(?:и[А-ЯЁ]{2,})*(?![\w])")
PLAIN_TRAINING = re.compile(
    r"обучени|обучающ\w* (?:семинар|инструктаж|мероприяти)|семинар|вебинар|инструктаж|тренинг"
    r"|курс\w* повышения|повышени\w* квалификаци|квалификационн\w* испытани|\bучеб[аеуы]\b"
    r"|подготовк\w* (?:специалист|эксперт|член|организатор|руководител|лиц\b|кадр|общественн|техническ)"
)

_PIECES = st.sampled_from(
    [
        *("ГИА", "ОО", "Ё", "ППЭ", "и", "ОИВиМСУ", "Аб", "a", "X", "_", "1", " ", "-", "\n", "«", "ы"),
        *(
            "учеба",
            "учебы",
            "учеб",
            "уучебе",
            "обучение",
            "подготовка лиц",
            "подготовке к",
            "курсы повышения",
        ),
    ]
)
TEXTS = st.lists(_PIECES, max_size=8).map("".join)


@given(TEXTS)
def test_abbreviation_regex_is_the_plain_one(text: str) -> None:
    assert [m.span() for m in _ABBREVIATION.finditer(text)] == [
        m.span() for m in PLAIN_ABBREVIATION.finditer(text)
    ]


@given(TEXTS)
def test_training_regex_is_the_plain_one(text: str) -> None:
    found, plain = _TRAINING.search(text), PLAIN_TRAINING.search(text)
    assert (found and found.span()) == (plain and plain.span())


@st.composite
def roadmaps(draw: st.DrawFn) -> Roadmap:
    """Generated plans; some hold every measure twice (a repeated identity) or nest a section."""
    roadmap: Roadmap = draw(gst.any_roadmaps())
    twice: bool = draw(st.booleans())
    nest: bool = draw(st.booleans())
    if twice:
        doubled = tuple(attrs.evolve(s, measures=s.measures + s.measures) for s in roadmap.sections)
        roadmap = attrs.evolve(roadmap, sections=doubled)
    if roadmap.sections and nest:
        first, rest = roadmap.sections[0], roadmap.sections[1:]
        roadmap = attrs.evolve(roadmap, sections=(attrs.evolve(first, subgroups=(*rest, *first.subgroups)),))
    return roadmap


_NUMBERS = ("1", "2", "3", "1.1", "1.3", "2.1", "", "4.")
_TERMS = (
    "ноябрь 2023 года",
    "май – март 2024 года",
    "2022-2023 уч. г.",
    "2023-2024 учебный год",
    "август 2023 года",
    "июль 2023 года",
    "до 15.09.2023",
    "01.05.2023, 12.09.2023",
    "в течение года",
    "по графику ФЦТ",
    "за 2 дня до экзамена",
    "в период проведения ГИА",
    "",
    "когда-нибудь",
    "постоянно",
    "ежемесячно",
)
_TITLES = (
    "Обучение экспертов ЕГЭ",
    "Совещание РЦОИ и ОИВ",
    "Мероприятие",
    "Учеба ППЭ",
    "Анализ ГИА",
    "Совещание ШНОР и ЦОКО (ШНОР)",
)
_PARTIES = ("ОО", "РЦОИ", "Управление образования", "", "ОИВ; ОО")


@st.composite
def small_plans(draw: st.DrawFn) -> Roadmap:
    """Plans of a few measures whose numbers, titles, deadlines and parties recur."""
    cells = st.tuples(
        st.sampled_from(_NUMBERS),
        st.sampled_from(_TITLES),
        st.sampled_from(_TERMS),
        st.sampled_from(_PARTIES),
    )
    heads = (
        "1. Организационное сопровождение",
        "2. Обучение лиц, привлекаемых к проведению ГИА",
        "3. Раздел",
    )
    sections = []
    for heading in heads[: draw(st.integers(1, 3))]:
        rows = draw(st.lists(cells, max_size=8))
        sections.append(section(heading, *(m(n, title, term, party) for n, title, term, party in rows)))
    adopted = draw(st.sampled_from((dt.date(2023, 10, 2), dt.date(2023, 6, 1), None)))
    return plan(sections=sections, adopted=adopted)


def context(roadmap: Roadmap, with_events: bool, load_threshold: int = 15) -> CheckContext:
    return CheckContext(
        roadmap,
        calendar=calendar(),
        events=events() if with_events else None,
        options=CheckOptions(load_threshold=load_threshold),
    )


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(roadmaps() | small_plans(), st.booleans())
def test_per_measure_lists(roadmap: Roadmap, with_events: bool) -> None:
    ctx = context(roadmap, with_events)
    located = ctx.located
    assert located == tuple(roadmap.walk())
    resolutions = {item.id: ctx.resolve(item.measure.term) for item in located}
    assert ctx.resolution_list == tuple(resolutions[item.id] for item in located)
    explicit: dict[object, tuple[tuple[Term, DateWindow], ...]] = {}
    for item in located:
        pairs = tuple(
            (leaf, window)
            for leaf in _leaves(item.measure.term)
            if _explicit(leaf)
            for window in ctx.resolve(leaf).windows
        )
        if pairs:
            explicit[item.id] = pairs
    assert ctx.explicit_windows == explicit
    pairs_by_position = tuple(explicit.get(item.id, ()) for item in located)
    assert tuple(ctx.explicit_list) == pairs_by_position  # read in order
    assert [ctx.explicit_list[i] for i in range(len(located))] == list(pairs_by_position)  # by position
    assert list(ctx.explicit_list[1:3]) == list(pairs_by_position[1:3])
    leaves = tuple(tuple(_leaves(item.measure.term)) for item in located)
    assert tuple(ctx.leaves) == leaves
    assert [ctx.leaves[i] for i in range(len(located))] == list(leaves)
    assert ctx.responsible_list == tuple(item.measure.all_responsible for item in located)
    assert ctx.training == tuple(is_training(item) for item in located)
    for item in located:
        resolution = resolutions[item.id]
        if resolution.status is ResolutionStatus.CONTINUOUS or not resolution.windows:
            assert ctx.windows[item.id] is None
        else:
            windows = resolution.windows
            assert ctx.windows[item.id] == DateWindow(
                min(w.start for w in windows), max(w.end for w in windows)
            )
    prefixes = {
        (item.id.section[0], item.measure.number.parts[:size])
        for item in located
        for size in range(1, len(item.measure.number.parts))
    }
    assert ctx.with_children == {
        item.id
        for item in located
        if item.measure.number.is_numbered and (item.id.section[0], item.measure.number.parts) in prefixes
    }
    kinds = (
        MissingTerm,
        UnparsedTerm,
        MonthRange,
        SchoolYearTerm,
        PeriodList,
        Relative,
        ExamPeriod,
        *_EXTERNAL,
    )
    for classes in [(kind,) for kind in kinds] + [
        (ExactDate, ByDate, DateList),
        (MonthList, DateList, PeriodList),
    ]:
        expected = [
            position
            for position, leaves in enumerate(ctx.leaves)
            if any(isinstance(leaf, classes) for leaf in leaves)
        ]
        assert list(ctx._holding(*classes)) == expected


# The checks written plainly, without their shortcuts: every measure visited, every text read.


def reference_inverted_ranges(ctx: CheckContext) -> Iterator[Finding]:
    for item, leaves in zip(ctx.located, ctx.leaves, strict=True):
        for leaf in leaves:
            parts: Sequence[Term] = leaf.items if isinstance(leaf, PeriodList) else (leaf,)
            for part in parts:
                if not isinstance(part, MonthRange | SchoolYearTerm):
                    continue
                resolution = ctx.resolve(part)
                if resolution.status is ResolutionStatus.INVALID:
                    text = part.raw or leaf.raw
                    yield ctx.finding(
                        "GR204", ctx.location(item, "term"), params={"text": text}, evidence=text
                    )


def reference_before_adoption(ctx: CheckContext) -> Iterator[Finding]:
    adoption = ctx.adoption
    if adoption is None:
        return
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        if not pairs:
            continue
        resolution = ctx.resolve(item.measure.term)
        ends = [w.end for w in resolution.windows] or [w.end for _, w in pairs]
        if max(ends) >= adoption:
            continue  # an occurrence is still ahead: recurring work
        leaf, window = max(pairs, key=lambda pair: pair[1].end)
        if _is_stale(ctx, window, leaf):
            continue
        raw = item.measure.term.raw
        yield ctx.finding(
            "GR207",
            ctx.location(item, "term"),
            params={"text": raw, "end": window.end, "adopted": adoption},
            evidence=raw,
        )


def reference_stale_years(ctx: CheckContext) -> Iterator[Finding]:
    start = ctx.frame_start
    if start is None:
        return
    for item, pairs in zip(ctx.located, ctx.explicit_list, strict=True):
        for leaf, window in pairs:
            if _is_stale(ctx, window, leaf):
                yield ctx.finding(
                    "GR208",
                    ctx.location(item, "term"),
                    params={"text": leaf.raw, "window": window, "start": start},
                    evidence=leaf.raw,
                )
                break


def reference_schedule_supplied(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.events:
        return
    items = [item for item, leaves in zip(ctx.located, ctx.leaves, strict=True) if _has_event_leaf(leaves)]
    if not items:
        return
    yield ctx.finding(
        "GR211",
        ctx.location(None, "term"),
        params={
            "count": len(items),
            "places": tuple(ctx.location(i) for i in items),
            "missing": Localized(
                "расписания экзаменов на этот год нет", "there is no exam schedule for the year"
            ),
        },
        related=[ctx.location(i, "term") for i in items],
        evidence=items[0].measure.term.raw,
    )


def reference_undefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    known = _known_abbreviations(ctx)
    fuzzy = {
        token
        for parties in ctx.responsible_list
        for r in parties
        if r.quality is MatchQuality.FUZZY
        for token in PLAIN_ABBREVIATION.findall(r.raw)
    }
    uses: dict[str, list[tuple[LocatedMeasure, str]]] = {}
    for item in ctx.located:
        for field, text in (("title", item.measure.title), ("responsible", item.measure.responsible_raw)):
            for token in PLAIN_ABBREVIATION.findall(text):
                if abbreviation_key(token) not in known and not is_legal_form(token):
                    uses.setdefault(token, []).append((item, field))
    for token, places in uses.items():
        if token in fuzzy:
            continue
        texts = {
            text
            for item, field in places
            for text in (
                item.measure.title if field == "title" else item.measure.responsible_raw,
                *(s.heading for s in item.sections),
            )
        }
        if _spelled_out(token, texts):
            continue
        first, field = places[0]
        yield ctx.finding(
            "GR401",
            ctx.location(first, field),
            params={"token": token, "count": len(places)},
            related=[ctx.location(i, f) for i, f in places[1:]],
            evidence=token,
        )


def reference_duplicate_numbers(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], list[LocatedMeasure]] = defaultdict(list)
    for item in ctx.located:
        if item.measure.number.is_numbered:
            groups[(item.id.section, item.measure.number.parts)].append(item)
    for items in groups.values():
        first = items[0]
        for other in items[1:]:
            yield ctx.finding(
                "GR501",
                ctx.location(other, "number"),
                params={
                    "number": other.measure.number.canonical,
                    "first": _title(first, 60),
                    "other": _title(other, 60),
                },
                related=[ctx.location(first, "number")],
            )


def reference_load(ctx: CheckContext) -> Iterator[Finding]:
    counts: Counter[tuple[str, int, int]] = Counter()
    where: dict[tuple[str, int, int], list[LocatedMeasure]] = defaultdict(list)
    for item, resolution, parties in zip(ctx.located, ctx.resolution_list, ctx.responsible_list, strict=True):
        if resolution.status is ResolutionStatus.CONTINUOUS:
            continue
        months = {
            (w.end.year, w.end.month)
            for w in resolution.windows
            if w.open_start or (w.end - w.start).days < 31  # a deadline of a month or less
        }
        bodies = {r.body.short for r in parties if r.body is not None}
        for body in bodies:
            for year, month in months:
                key = (body, year, month)
                counts[key] += 1
                where[key].append(item)
    threshold = ctx.options.load_threshold
    for (body, year, month), count in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        if count > threshold:
            items = where[(body, year, month)]
            yield ctx.finding(
                "GR702",
                ctx.location(None, "responsible"),
                params={"body": body, "count": count, "month": f"{month:02d}.{year}", "threshold": threshold},
                related=[ctx.location(i, "term") for i in items],
                evidence=body,
            )


PAIRS = (
    (check_inverted_ranges, reference_inverted_ranges),
    (check_before_adoption, reference_before_adoption),
    (check_stale_years, reference_stale_years),
    (check_schedule_supplied, reference_schedule_supplied),
    (check_undefined_abbreviations, reference_undefined_abbreviations),
    (check_duplicate_numbers, reference_duplicate_numbers),
    (check_load, reference_load),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(roadmaps() | small_plans(), st.booleans(), st.integers(0, 2))
def test_checks_match_their_references(roadmap: Roadmap, with_events: bool, load_threshold: int) -> None:
    fast = context(roadmap, with_events, load_threshold)
    plain = context(roadmap, with_events, load_threshold)
    for check, reference in PAIRS:
        assert list(check(fast)) == list(reference(plain)), check.__name__


@st.composite
def plans_with_set_ordinals(draw: st.DrawFn) -> Roadmap:
    """Small plans whose measures carry ordinals of their own, often repeated inside a section."""
    sections = []
    for heading in ("1. Раздел", "2. Раздел")[: draw(st.integers(1, 2))]:
        rows = draw(st.lists(st.tuples(st.sampled_from(("1", "2", "2")), st.integers(-1, 2)), max_size=5))
        measures = tuple(attrs.evolve(m(n), ordinal=o) for n, o in rows)
        sections.append(Section(heading=heading, measures=measures))  # ordinals as given
    return plan(sections=sections)


@SETTINGS
@given(roadmaps() | small_plans() | plans_with_set_ordinals())
def test_unique_ids_is_the_plain_comparison(roadmap: Roadmap) -> None:
    ctx = context(roadmap, with_events=False)
    ids = [item.id for item in ctx.located]
    assert ctx._unique_ids == (len(set(ids)) == len(ids))


def test_a_repeated_ordinal_with_different_numbers_is_still_unique() -> None:
    def one(*numbers: str) -> Roadmap:
        measures = tuple(attrs.evolve(m(n), ordinal=0) for n in numbers)
        return plan(sections=[Section(heading="1. Раздел", measures=measures)])

    assert context(one("1", "2"), with_events=False)._unique_ids
    assert not context(one("1", "1"), with_events=False)._unique_ids



# --------------------------------------------------------------------------------------------
# The title regexes' shortcuts against the plain ones
# --------------------------------------------------------------------------------------------

PLAIN_EXAMS = re.compile(
    r"\bгиа\b|\bегэ\b|\bогэ\b|\bгвэ\b|государственн\w* итогов\w* аттестаци|экзамен|итогов\w* сочинени"
    r"|итогов\w* собеседовани"
)
_TITLE_PIECES = st.sampled_from(
    [
        *("ГИА", "ЕГЭ", "ОГЭ", "ГВЭ", "гиа", "огэ", "егэ", "экзамен", "итоговой аттестации"),
        *("итоговое сочинение", "итогового собеседования"),
        *("-", "–", " ", "\n", ";", ".", "(", "«", "9", "11", "2023", "2024", "20", "23", "1", "в", "году"),
        *("годах", "у", "а", "_", "д", "государственная итоговая аттестация"),
    ]
)
TITLES = st.lists(_TITLE_PIECES, max_size=8).map("".join)


@given(TITLES)
def test_exams_regex_is_the_plain_one(text: str) -> None:
    low = normalize(text)
    assert [m.span() for m in _EXAMS.finditer(low)] == [m.span() for m in PLAIN_EXAMS.finditer(low)]


@given(TITLES)
def test_a_title_naming_a_season_holds_20(text: str) -> None:
    # GR216 searches only the titles holding «20»
    assert not seasons(text) or "20" in text


@given(st.lists(TITLES, max_size=12))
def test_exam_plan_counts_its_titles(titles: list[str]) -> None:
    measures = (m(str(i + 1), title.strip() or "x") for i, title in enumerate(titles))
    ctx = CheckContext(attrs.evolve(plan(*measures), title=""), calendar=None)  # judged by its titles
    low = ctx.normalized_titles
    assert is_exam_plan(ctx) == (bool(low) and 5 * sum(1 for t in low if PLAIN_EXAMS.search(t)) >= len(low))
