"""The bundled example roadmaps: counts from the seed analysis, spot checks against the seed text,
and the bundled JSON equal to a fresh import (so the two cannot drift)."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from gia_roadmap import examples, io
from gia_roadmap.calendar import MissingTerm, MonthRange, SchoolYear, TermSequence, UnparsedTerm
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import (
    GroupingKind,
    Person,
    PlanLevel,
    SectionKind,
)

# name: (measures, numbered measures) — seed analysis §1 (000: 12 category rows holding 41 events;
# 001: 333 numbered + 1 unnumbered; 002: 82 numbered + 33 dash items + the 4 dash items stacked with their
# own deadlines in the cell of 5.1.4, App. 1: 9, App. 2: 27 + 9;
# 003: 99; 004 A: 33 unnumbered; B: items 1–26 (27 rows); C: 68 numbered + the second measure of 3.23).
COUNTS = {
    "kuzbass-training-2024": (41, 0),
    "yurga-2024": (334, 333),
    # + 14: the dash items under a lead-in («по ГИА–9:» + «– о сроках …») over as many stacked deadlines,
    # one measure each (the PDF cell has no paragraphs; each line reads as a deadline of its own)
    "altai-2024": (82 + 33 + 4 + 9 + 27 + 9 + 14, 82 + 9 + 27 + 9),
    "kogalym-2022": (99, 99),
    "smolensk-objectivity-2023": (33, 0),
    "smolensk-attitude-2023": (27, 26),
    "smolensk-gia-2023": (69, 68),
}


def test_names() -> None:
    assert examples.names() == tuple(COUNTS)
    with pytest.raises(KeyError, match="unknown example"):
        examples.load("nowhere")


@pytest.mark.parametrize("name", list(COUNTS))
def test_counts(name: str) -> None:
    roadmap = examples.load(name)
    measures = roadmap.measures
    assert (len(measures), sum(1 for m in measures if m.number.is_numbered)) == COUNTS[name]
    assert roadmap.id == name


_STALE = "out of date: run python scripts/regenerate_examples.py"


def _bundled_text(file: str) -> str:
    return (resources.files("gia_roadmap.examples") / "data" / file).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(COUNTS))
def test_bundled_json_equals_a_fresh_import(name: str) -> None:
    """Equal as plans and as text: the bundled file is what ``scripts/regenerate_examples.py`` writes
    today (its ``--check``), so an old schema version or a field written since cannot linger."""
    fresh = examples.build(name)
    assert examples.load(name) == fresh
    assert io.loads(io.dumps(fresh)) == fresh
    assert _bundled_text(f"{name}.json") == io.dumps(fresh) + "\n", f"{name}.json {_STALE}"


@pytest.mark.parametrize("name", list(COUNTS))
def test_bundled_problems_equal_a_fresh_import(name: str) -> None:
    """Nothing the import reported is hidden: the bundled problems are those of a fresh import."""
    fresh = examples.fresh_problems(name)
    assert examples.problems(name) == fresh
    assert _bundled_text(f"{name}.problems.json") == examples.problems_json(fresh), f"{name} {_STALE}"
    assert all(p.location.plan == name and p.location.file for p in fresh)


def test_the_bundled_problems_say_what_was_repaired_and_guessed() -> None:
    codes = {p.code for p in examples.problems("yurga-2024")}
    assert {"guessed-fill", "continuation", "unresolved-party"} <= codes
    assert examples.problem_from_dict(examples.problems("yurga-2024")[0].to_dict()) == (
        examples.problems("yurga-2024")[0]
    )
    with pytest.raises(InvalidValueError, match="not a bundled problem"):
        examples.problem_from_dict({"code": "x"})


@pytest.mark.parametrize("name", list(COUNTS))
def test_every_term_read_and_parties_resolved(name: str) -> None:
    roadmap = examples.load(name)
    for measure in roadmap.measures:
        items = measure.term.items if isinstance(measure.term, TermSequence) else (measure.term,)
        assert not any(isinstance(t, UnparsedTerm) for t in items), measure.term
    parties = [r for m in roadmap.measures for r in m.all_responsible]
    assert parties
    unresolved = [r for r in parties if r.party is None]
    # only plan references («По плану ИРОК») stay unresolved, and they are kept
    assert all("plan reference" in r.note for r in unresolved), unresolved


def test_missing_terms_are_the_blank_group_rows() -> None:
    yurga = examples.load("yurga-2024")
    missing = [m for m in yurga.measures if isinstance(m.term, MissingTerm)]
    assert len(missing) == 9  # 9 parent rows without a deadline (deadline grammar §1)
    altai = examples.load("altai-2024")
    assert sum(isinstance(m.term, MissingTerm) for m in altai.measures) == 9  # 8 group rows + «ГИА–11:»


def test_headers() -> None:
    kuzbass = examples.load("kuzbass-training-2024")
    assert kuzbass.issuer == "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА"
    assert kuzbass.level is PlanLevel.REGIONAL
    assert kuzbass.school_year == SchoolYear(2023)
    assert (kuzbass.orders[0].number, kuzbass.orders[0].date) == ("3654", dt.date(2023, 10, 25))
    assert kuzbass.title.startswith("План проведения мероприятий по подготовке специалистов")
    altai = examples.load("altai-2024")
    assert altai.issuer == "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ АЛТАЙСКОГО КРАЯ"
    assert (altai.orders[0].number, altai.orders[0].date) == ("1030", dt.date(2023, 10, 2))  # «02.10. 2023»
    kogalym = examples.load("kogalym-2022")
    assert (kogalym.orders[0].number, kogalym.orders[0].date) == ("11-Пр-859", dt.date(2021, 11, 17))
    assert kogalym.issuer == "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ Администрации города Когалыма"
    assert kogalym.level is PlanLevel.MUNICIPAL
    assert kogalym.school_year == SchoolYear(2021)
    yurga = examples.load("yurga-2024")
    assert yurga.orders == ()
    assert yurga.level is PlanLevel.MUNICIPAL
    assert yurga.school_year == SchoolYear(2023)
    numbers = [examples.load(n).orders[0].number for n in examples.names()[4:]]
    assert numbers == ["645", "653", "408"]
    assert examples.load("smolensk-gia-2023").orders[0].date == dt.date(2022, 9, 30)
    assert all(examples.load(n).school_year == SchoolYear(2022) for n in examples.names()[4:])


def test_000_events_in_category_groups() -> None:
    roadmap = examples.load("kuzbass-training-2024")
    (top,) = roadmap.sections
    assert top.kind is SectionKind.STAFF_TRAINING
    groups = top.subgroups
    assert [g.number.raw if g.number else "" for g in groups] == [str(n) for n in range(1, 13)]
    assert all(g.grouping is GroupingKind.SPECIALIST_CATEGORY for g in groups)
    assert [len(g.measures) for g in groups] == [3, 1, 3, 5, 1, 4, 4, 4, 3, 9, 2, 2]
    first = groups[0].measures[0]
    assert first.title.startswith("совещания по вопросам организации и подготовки")
    assert first.term.raw == "ноябрь 2023 года январь 2024 года март 2024 года апрель 2024 года"
    assert groups[8].heading == "члены ГЭЖ"  # the typo is kept
    assert groups[8].measures[0].targets[0].category is not None
    assert first.responsible[0].raw == "МОК"  # the issuer's initials


def test_001_merged_cells_and_sections() -> None:
    roadmap = examples.load("yurga-2024")
    assert [s.kind for s in roadmap.sections][:2] == [SectionKind.ANALYSIS, SectionKind.QUALITY_OBJECTIVITY]
    organisational = roadmap.sections[5]
    rows = {m.number.raw: m for m in organisational.measures}
    assert rows["3.2.1."].responsible_raw == "ГКУ КЦМКО, УО"  # moved to the first merged row (corrections)
    assert rows["3.2.5."].responsible_raw == "ГКУ КЦМКО, УО"
    assert rows["3.2.5."].inherited("responsible")
    assert ExamScope.GIA_9 in rows["3.2.5."].exam_scope  # from the «3. Проведение ГИА-9» block
    assert rows["3.2.5."].term.kind == "relative"
    duplicates = roadmap.find("2.2.14")
    assert len(duplicates) == 2
    assert duplicates[0].id != duplicates[1].id
    unnumbered = [m for m in organisational.measures if not m.number.is_numbered]
    assert unnumbered[0].title.startswith("Формирование списка председателей АК")


def test_002_dash_items_appendices_and_corrections() -> None:
    roadmap = examples.load("altai-2024")
    legal = roadmap.sections[1]
    titles = [m.title for m in legal.measures]
    assert "ГИА–11:" in titles
    split = titles.index("ГИА–11:")
    assert titles[split + 1].startswith("– мест и сроков подачи заявлений")
    assert legal.measures[split + 1].term.raw == "октябрь 2023"
    assert legal.measures[split + 1].term.kind == "month"
    # the page-break glue of two dash items is undone by corrections.toml: two measures, two terms
    assert "– перечня ППЭ в дополнительный (сентябрьский) период." in titles
    last = legal.measures[titles.index("– перечня ППЭ в дополнительный (сентябрьский) период.") + 1]
    assert last.title.startswith("– о проведении ГИА–11 в дополнительный период (сентябрьские сроки)")
    assert last.term.raw == "июль 2024"
    assert roadmap.sections[8].heading.startswith("Приложение 1. Повышение квалификации")
    assert roadmap.sections[8].grouping is GroupingKind.SUBJECT
    assert [g.heading for g in roadmap.sections[8].subgroups][:2] == [
        "РУССКИЙ ЯЗЫК И ЛИТЕРАТУРА",
        "МАТЕМАТИКА",
    ]
    app2 = roadmap.sections[9]
    assert [g.heading for g in app2.subgroups[1].subgroups] == [
        "Организация и проведение стажерских практик на базе региональных инновационных площадок",
        "Использование методического портала краевого УМО",
        "Участие в специальных мероприятиях",
    ]
    item = roadmap.find("6.9.1")[0].measure
    assert "до 20.04 2024" in item.term.raw  # the list item a page break pushed to the next row
    persons = [r.party for m in roadmap.measures for r in m.responsible if isinstance(r.party, Person)]
    assert any(p.surname == "Полосина" for p in persons)


def test_003_level_actions_and_parent_items() -> None:
    roadmap = examples.load("kogalym-2022")
    assert roadmap.sections[1].heading.endswith("Объективность оценки образовательных результатов")
    measure = roadmap.find("1.10")[0].measure
    assert measure.parent_item is not None
    assert measure.parent_item.numbers == ("1.9",)
    municipal = roadmap.find("8.1")[0].measure.level_actions[0]
    assert municipal.text.count("образованию (Власенко М.Г.)") == 1  # duplicate removed by corrections
    assert any(r.party is not None for r in municipal.responsible)
    term = roadmap.find("3.6")[0].measure.term
    assert isinstance(term, MonthRange)
    assert term.raw == "февраль-март 2022 г."


def test_004_plans() -> None:
    a = examples.load("smolensk-objectivity-2023")
    assert [s.heading[:6] for s in a.sections] == ["Трек 1", "Трек 2"]
    problems = [g for s in a.sections for g in s.subgroups]
    assert [g.number.raw if g.number else "" for g in problems] == ["1", "2", "3"]
    assert [len(g.measures) for g in problems] == [17, 10, 6]
    text = " ".join(m.title for m in a.measures)
    assert "на сайте Администрации города Смоленска, общеобразовательных организаций" in text
    c = examples.load("smolensk-gia-2023")
    third = c.sections[2]
    numbers = [m.number.raw for m in third.measures]
    position = numbers.index("3.23.")
    assert numbers[position + 1] == ""  # the unnumbered second measure of 3.23
    assert third.measures[position + 1].title.startswith("Формирование списочного состава лиц")
    assert third.measures[position + 1].inherited("term")
    assert not any(s.heading.startswith("Формирование списочного") for s in c.sections)


def test_corrections_are_reviewed_and_match() -> None:
    corrections = examples.corrections()
    assert corrections
    assert all(c.why.strip() and c.before != c.after for c in corrections)
    for seed in {c.seed for c in corrections}:
        examples.apply_corrections(seed, examples.seed_text(seed))  # every one still matches
    broken = (examples.Correction("000", 1, "no such text", "x", "test"),)
    with pytest.raises(ValueError, match="not found"):
        examples.apply_corrections("000", examples.seed_text("000"), broken)
