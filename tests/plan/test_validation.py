"""Validation at construction (#18 part 2): every public constructor of a plan value refuses a wrong
input with a typed error naming the class and the field, and never lets a raw TypeError,
AttributeError or KeyError escape."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import ResolveOptions, parse_term
from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.errors import GiaRoadmapError, InvalidTypeError, InvalidValueError
from gia_roadmap.plan import (
    Body,
    CheckOptions,
    Cluster,
    Dependency,
    Glossary,
    GlossaryEntry,
    LevelAction,
    LocatedMeasure,
    Measure,
    MeasureId,
    MeasureNumber,
    MeasureRef,
    Order,
    ParentItemRef,
    Person,
    PlanRef,
    Provenance,
    ProvenanceKind,
    Responsible,
    Roadmap,
    Role,
    Section,
    Status,
    StatusKind,
    Suppression,
    Target,
)
from gia_roadmap.plan.model import ActionLevel

# The least each constructor needs; every other field keeps its default.
_REF = MeasureRef((0,), "1.1")
_BASE: dict[type, dict[str, Any]] = {
    MeasureNumber: {},
    Target: {"raw": "организаторы ППЭ"},
    Cluster: {},
    LevelAction: {"level": ActionLevel.MUNICIPAL, "text": "провести"},
    ParentItemRef: {"raw": "6.16"},
    MeasureRef: {"section": (0,), "number": "1.1"},
    Dependency: {"on": _REF},
    Provenance: {"field": "term", "kind": ProvenanceKind.MANUAL},
    Status: {},
    Measure: {},
    Section: {},
    Order: {},
    PlanRef: {},
    MeasureId: {"plan": "p", "section": (0,), "number": "1", "ordinal": 0},
    LocatedMeasure: {
        "id": MeasureId("p", (0,), "1", 0),
        "measure": Measure(),
        "sections": (Section(),),
    },
    Roadmap: {"id": "p"},
    Body: {"name": "Управление образования"},
    Person: {"surname": "Иванов"},
    Role: {"title": "руководители ОО"},
    Responsible: {"party": None, "raw": "УО"},
    GlossaryEntry: {"abbreviation": "УО", "expansion": "Управление образования"},
    Glossary: {},
    Suppression: {"code": "GR401", "measure": "1.1", "reason": "принято"},
    CheckOptions: {},
    ResolveOptions: {},
}

# Wrong values of every shape a notebook or a file gives by mistake.
_WRONG: tuple[object, ...] = (
    object(),
    "май 2026",
    "",
    7,
    -3,
    1.5,
    True,
    None,
    ["УО"],
    [object()],
    ("x", 1),
    {"a": 1},
    dt.datetime(2026, 3, 1, 12, 0),
    dt.date(2026, 3, 1),
    ExamScope.EGE,
    StatusKind.DONE,
)


def _cases() -> list[tuple[type, str, object]]:
    return [(cls, a.name, value) for cls in _BASE for a in attrs.fields(cls) for value in _WRONG]


def _make(cls: type, name: str, value: object) -> object:
    kwargs = dict(_BASE[cls])
    kwargs[name] = value
    return cls(**kwargs)


@pytest.mark.parametrize("cls", list(_BASE), ids=lambda c: c.__name__)
def test_the_base_values_construct(cls: type) -> None:
    assert isinstance(cls(**_BASE[cls]), cls)


def test_every_public_input_value_of_the_plan_is_walked() -> None:
    import gia_roadmap.plan as plan

    # Result values (reports, schedules, links the graph makes) are built by the library, not by hand.
    results = {
        "CascadeReport",
        "CategoryMention",
        "CodeInfo",
        "DanglingLink",
        "EventBinder",
        "EventNode",
        "ExecutionReport",
        "ExecutionRow",
        "Finding",
        "ImplementsLink",
        "ItemLink",
        "Link",
        "LinkSuggestion",
        "MeasureChange",
        "MeasureState",
        "NodeSchedule",
        "PlanDiff",
        "PlanLinks",
        "PlanSchedule",
        "PlanSet",  # built from plans (PlanSet.build); its constructor validates ids and parents
        "PlanSummary",
        "Report",
        "ReportSummary",
        "ResponsibleResolver",
        "RollChange",
        "RollForward",
        "Schedule",
        "ScheduleRow",
        "SuggestedLink",
        "Violation",
    }
    values = {name: getattr(plan, name) for name in dir(plan)}
    public = {name for name, value in values.items() if isinstance(value, type) and attrs.has(value)}
    assert public - results == {c.__name__ for c in _BASE} - {"ResolveOptions"}


def _case_id(value: object) -> str:
    return getattr(value, "__name__", None) or repr(value)[:12]


def _refused(cls: type, name: str, value: object) -> tuple[object, GiaRoadmapError | None]:
    """The value made, or the library's error (any other exception propagates and fails the test)."""
    try:
        return _make(cls, name, value), None
    except GiaRoadmapError as error:
        return None, error


@pytest.mark.parametrize(("cls", "name", "value"), _cases(), ids=_case_id)
def test_a_wrong_value_is_a_typed_error_naming_the_field(cls: type, name: str, value: object) -> None:
    made, error = _refused(cls, name, value)
    if error is not None:
        assert isinstance(error, InvalidTypeError | InvalidValueError)
        assert f"{cls.__name__}.{name}" in str(error)
        return
    # Accepted: the value fits the field (a list for a tuple is kept as a tuple), or the field's converter
    # read it (codes «GR401, GR702» as a set, a region code in any case).
    kept = getattr(made, name)
    field = attrs.fields_dict(cls)[name]
    assert field.converter is not None or kept == value or kept == tuple(value)  # type: ignore[arg-type]


@settings(deadline=None, max_examples=150)
@given(
    cls=st.sampled_from(list(_BASE)),
    data=st.data(),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=8),
        st.dates(),
        st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.tuples(st.integers()),
    ),
)
def test_no_raw_error_escapes_a_constructor(cls: type, data: st.DataObject, value: object) -> None:
    name = data.draw(st.sampled_from([a.name for a in attrs.fields(cls)]))
    _, error = _refused(cls, name, value)
    assert error is None or f"{cls.__name__}.{name}" in str(error)


def test_the_crashes_of_the_issue_are_typed_errors_at_construction() -> None:
    with pytest.raises(InvalidTypeError, match=r"Measure\.term .*parse_term"):
        Measure(term="май 2026")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Measure\.responsible\[0\]") as caught:
        Measure(responsible=["УО"])  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.location.path == "Measure.responsible[0]"
    assert problem.code == "invalid-field"
    with pytest.raises(InvalidTypeError, match=r"Roadmap\.school_year .*SchoolYear\.parse"):
        Roadmap("p", school_year="2025/26")  # type: ignore[arg-type]


def test_invariants_are_value_errors() -> None:
    with pytest.raises(InvalidValueError, match=r"Status\.date"):
        Status(StatusKind.PLANNED, dt.date(2026, 3, 1))
    assert Status(StatusKind.DONE, dt.date(2026, 3, 1)).date == dt.date(2026, 3, 1)
    with pytest.raises(InvalidValueError, match=r"MeasureRef\.section"):
        MeasureRef((-1,), "1")
    with pytest.raises(InvalidValueError, match=r"CheckOptions\.min_suggestion_score"):
        CheckOptions(min_suggestion_score=1.5)
    assert CheckOptions(ignore="GR401, GR702").ignore == frozenset({"GR401", "GR702"})


def test_lists_are_kept_as_tuples() -> None:
    measure = Measure(notes=["a", "b"], exam_scope=[ExamScope.EGE], term=parse_term("май 2026"))  # type: ignore[arg-type]
    assert measure.notes == ("a", "b")
    assert measure.exam_scope == (ExamScope.EGE,)
    assert hash(measure.notes)


@pytest.mark.parametrize("cls", [Measure, CheckOptions, ResolveOptions])
def test_the_large_constructors_are_keyword_only(cls: type) -> None:
    parameters = inspect.signature(cls).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)


def test_a_roadmap_takes_its_id_by_position_and_the_rest_by_keyword() -> None:
    kinds = [p.kind for p in inspect.signature(Roadmap).parameters.values()]
    assert kinds[0] is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(k is inspect.Parameter.KEYWORD_ONLY for k in kinds[1:])
