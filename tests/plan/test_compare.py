"""diff and compare (#18 part 5): two versions of a plan, and one plan under two exam schedules."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap import examples
from gia_roadmap.calendar import Anchor, RussianCalendar
from gia_roadmap.plan import ChangeKind, Roadmap, RoadmapBuilder, compare, diff, roll_forward
from gia_roadmap.plan.versions import title_key

CALENDAR = RussianCalendar()
_TERMS = (
    "до 01.10.2025",
    "ноябрь 2025",
    "до 15.12.2025",
    "март 2026",
    "не позднее чем за 2 рабочих дня до дня проведения экзамена",
)


def _plan(rows: list[tuple[str, str, str]]) -> Roadmap:
    builder = RoadmapBuilder("v", school_year="2025/26", strict=False)
    for number, title, term in rows:
        builder.measure(number, title, term, "УО")
    return builder.build()


_rows = st.lists(
    st.tuples(st.sampled_from([f"Мероприятие {i}" for i in range(30)]), st.sampled_from(_TERMS)),
    min_size=1,
    max_size=10,
    unique_by=lambda r: r[0],
).map(lambda rows: [(str(i + 1), title, term) for i, (title, term) in enumerate(rows)])


@settings(deadline=None, max_examples=40)
@given(rows=_rows, data=st.data())
def test_diff_finds_exactly_the_edits_made(rows: list[tuple[str, str, str]], data: st.DataObject) -> None:
    removed = data.draw(st.sets(st.sampled_from([r[0] for r in rows]), max_size=len(rows) - 1))
    kept = [r for r in rows if r[0] not in removed]
    retitled = data.draw(st.sets(st.sampled_from([r[0] for r in kept]), max_size=len(kept)))
    edited = [(n, f"{t} (уточнено)" if n in retitled else t, term) for n, t, term in kept]
    added = [
        (str(100 + i), f"Новое мероприятие {i}", "май 2026") for i in range(data.draw(st.integers(0, 3)))
    ]
    first, second = _plan(rows), _plan(edited + added)
    result = diff(first, second, CALENDAR)
    assert {c.number for c in result.removed} == removed
    assert {c.number for c in result.added} == {n for n, _, _ in added}
    assert {c.number for c in result.changed} == retitled
    assert all(c.fields == (("title", c.before.title, c.after.title),) for c in result.changed)  # type: ignore[union-attr]
    assert result.unchanged == len(kept) - len(retitled)
    back = diff(second, first, CALENDAR)
    assert {c.number for c in back.added} == {c.number for c in result.removed}
    assert not diff(first, first, CALENDAR)


def test_a_renumbered_measure_pairs_by_its_title() -> None:
    first = _plan([("1", "Совещание", "до 01.10.2025"), ("2", "Обучение", "ноябрь 2025")])
    second = _plan([("1", "Совещание", "до 01.10.2025"), ("3", "Обучение", "ноябрь 2025")])
    (change,) = diff(first, second).changes
    assert change.kind is ChangeKind.CHANGED
    assert change.fields == (("number", "2", "3"),)


def test_a_changed_deadline_is_a_change_with_its_due_dates() -> None:
    first = _plan([("1", "Совещание", "до 01.10.2025")])
    second = _plan([("1", "Совещание", "до 15.10.2025")])
    (change,) = diff(first, second, CALENDAR).changes
    assert change.due_moved
    assert (change.due_before, change.due_after) == (dt.date(2025, 10, 1), dt.date(2025, 10, 15))
    assert "срок" in diff(first, second).to_html() or "Срок" in diff(first, second).to_html()
    assert "01.10.2025 → 15.10.2025" in diff(first, second, CALENDAR).text()


def _working_days_before(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day before ``day`` (counted by walking back day by day)."""
    while count:
        day -= dt.timedelta(days=1)
        count -= CALENDAR.is_working_day(day)
    return day


@settings(deadline=None, max_examples=30)
@given(
    days=st.lists(st.dates(dt.date(2026, 5, 20), dt.date(2026, 6, 30)), min_size=1, max_size=5, unique=True),
    moved=st.dates(dt.date(2026, 5, 20), dt.date(2026, 7, 10)),
)
def test_compare_moves_the_relative_deadlines_when_their_last_due_date_moves(
    days: list[dt.date], moved: dt.date
) -> None:
    plan = _plan([("1", "Совещание", "до 01.10.2025"), ("2", "Проверка ППЭ", _TERMS[-1])])
    amended = [*days[:-1], moved]
    result = compare(plan, {Anchor.EXAM_DAY: tuple(days)}, {Anchor.EXAM_DAY: tuple(amended)}, CALENDAR)
    moves = _working_days_before(max(days), 2) != _working_days_before(max(amended), 2)
    assert {c.number for c in result.changes} == ({"2"} if moves else set())
    assert result.unchanged == 2 - len(result.changes)


def test_diff_of_a_bundled_plan_and_its_roll_forward_moves_its_dates() -> None:
    plan = examples.load("kogalym-2022")
    rolled = roll_forward(plan).roadmap
    result = diff(plan, rolled, CALENDAR)
    assert not result.added
    assert not result.removed
    assert result.changes
    assert len(result.to_records()) == len(result.changes)


@settings(deadline=None, max_examples=40)
@given(rows=_rows, data=st.data())
def test_measures_inserted_before_others_leave_them_paired_by_title(
    rows: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    """Insert new measures anywhere and renumber, as an official revising a plan does: diff reports
    exactly the inserted ones as added, and the others as renumbered, never as retitled."""
    titles = [t for _, t, _ in rows]
    new_titles = data.draw(
        st.lists(st.sampled_from([f"Новое мероприятие {i}" for i in range(5)]), max_size=3, unique=True)
    )
    merged = [(t, term) for _, t, term in rows]
    for title in new_titles:
        merged.insert(data.draw(st.integers(0, len(merged))), (title, "май 2026"))
    revised = [(str(i + 1), t, term) for i, (t, term) in enumerate(merged)]
    result = diff(_plan(rows), _plan(revised), CALENDAR)
    assert sorted(c.title for c in result.added) == sorted(new_titles)
    assert not result.removed
    for change in result.changed:
        assert [name for name, _, _ in change.fields] == ["number"]
    moved_numbers = {
        t for i, t in enumerate(titles) if revised[[r[1] for r in revised].index(t)][0] != str(i + 1)
    }
    assert {c.title for c in result.changed} == moved_numbers


def test_titles_pair_whatever_their_case_letters_and_closing_dot() -> None:
    first = _plan([("1", "Совещание с руководителями ОО", "до 01.10.2025")])
    second = _plan([("2", "Cовещание  с руководителями ОО.", "до 01.10.2025")])  # a Latin «C»
    (change,) = diff(first, second).changes
    assert change.kind is ChangeKind.CHANGED
    assert [name for name, _, _ in change.fields] == ["number", "title"]
    assert title_key("Ёлка — «Смотр».") == title_key("елка - «смотр»")


def test_a_number_reused_for_an_unrelated_measure_is_a_removal_and_an_addition() -> None:
    first = _plan([("1", "Совещание", "до 01.10.2025"), ("2", "Родительское собрание", "декабрь 2025")])
    second = _plan([("1", "Совещание", "до 01.10.2025"), ("2", "Информирование о сроках ГИА", "январь 2026")])
    result = diff(first, second)
    assert [c.title for c in result.removed] == ["Родительское собрание"]
    assert [c.title for c in result.added] == ["Информирование о сроках ГИА"]
    retitled = _plan([("1", "Совещание", "до 01.10.2025"), ("2", "Родительские собрания", "декабрь 2025")])
    (change,) = diff(first, retitled).changes
    assert change.fields == (("title", "Родительское собрание", "Родительские собрания"),)
