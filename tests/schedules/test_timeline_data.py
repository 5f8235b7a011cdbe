"""The federal timelines as data: the bundled file, its schema check, and each rule's date arithmetic."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from collections.abc import Callable
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.exams import ExamKind, PeriodKind, Subject
from gia_roadmap.calendar.production import RussianCalendar
from gia_roadmap.calendar.schedule import Confidence
from gia_roadmap.calendar.terms import Bound, Unit
from gia_roadmap.calendar.timeline_data import federal_timelines, read_timelines
from gia_roadmap.calendar.timelines import (
    Applicability,
    Timeline,
    TimelineEvent,
    TimelineRule,
)
from gia_roadmap.errors import InvalidTypeError, InvalidValueError, ScheduleDataError, problems_of

CAL = RussianCalendar()
FILE = resources.files("gia_roadmap.calendar") / "data" / "timelines" / "federal.toml"
DOCUMENT: dict[str, Any] = tomllib.loads(FILE.read_text(encoding="utf-8"))
RULES = {r.key: (t, r) for t in federal_timelines() for r in t.rules}


# ---------------------------------------------------------------------------------------------
# Each rule's arithmetic, computed by hand on the production calendar
# ---------------------------------------------------------------------------------------------

D = dt.date
# rule id: (the day of the event it counts from, the latest day of its event). Weekdays and days off:
# 2024-06-12 (Wed) and 2025-06-12 (Thu) are public holidays, 2025-06-13 (Fri) a transferred day off.
EXAMPLES: dict[str, tuple[dt.date, dt.date]] = {
    "gia11.processing.russian": (D(2024, 5, 31), D(2024, 6, 6)),  # + 6 calendar days
    "gia11.processing.mathematics": (D(2024, 6, 4), D(2024, 6, 10)),  # + 6 calendar days
    "gia11.processing.by_choice": (D(2024, 6, 13), D(2024, 6, 17)),  # + 4 calendar days
    "gia11.central_check": (D(2024, 6, 17), D(2024, 6, 24)),  # Mon + 5 working days: Tue … next Mon
    "gia11.approval": (D(2024, 6, 24), D(2024, 6, 25)),  # the next working day
    "gia11.transfer": (D(2024, 6, 25), D(2024, 6, 26)),
    "gia11.publication": (D(2024, 6, 26), D(2024, 6, 26)),  # the same day
    "gia11.appeal.procedure.submission": (D(2024, 6, 13), D(2024, 6, 13)),
    "gia11.appeal.procedure.transfer": (D(2024, 6, 13), D(2024, 6, 13)),
    "gia11.appeal.procedure.decision": (D(2024, 6, 13), D(2024, 6, 17)),  # Thu: Fri, Mon
    "gia11.appeal.scores.submission": (D(2024, 6, 26), D(2024, 6, 28)),  # Wed: Thu, Fri
    "gia11.appeal.scores.transfer": (D(2024, 6, 28), D(2024, 6, 28)),
    "gia11.appeal.scores.decision": (D(2024, 6, 28), D(2024, 7, 4)),  # Fri: Mon … Thu
    "gia9.processing.main": (D(2024, 6, 3), D(2024, 6, 13)),  # + 10 calendar days
    "gia9.processing.other": (D(2024, 6, 24), D(2024, 6, 29)),  # + 5 calendar days (a Saturday)
    "gia9.approval": (D(2024, 6, 13), D(2024, 6, 14)),
    "gia9.transfer": (D(2024, 6, 14), D(2024, 6, 17)),  # Fri: the next working day is Mon
    "gia9.publication": (D(2024, 6, 17), D(2024, 6, 18)),
    "gia9.appeal.procedure.submission": (D(2025, 5, 21), D(2025, 5, 21)),
    "gia9.appeal.procedure.transfer": (D(2025, 5, 21), D(2025, 5, 21)),
    "gia9.appeal.procedure.decision": (D(2025, 6, 10), D(2025, 6, 16)),  # Tue: Wed, (Thu, Fri off) Mon
    "gia9.appeal.scores.submission": (D(2024, 6, 18), D(2024, 6, 20)),
    "gia9.appeal.scores.transfer": (D(2024, 6, 20), D(2024, 6, 20)),
    "gia9.appeal.scores.decision": (D(2024, 6, 20), D(2024, 6, 26)),  # Thu: Fri, Mon, Tue, Wed
    "admission.application": (D(2024, 12, 4), D(2024, 11, 20)),  # two weeks before
    "essay.checking.2023": (D(2023, 12, 6), D(2023, 12, 13)),  # + 7 calendar days
    "essay.checking.main_february": (D(2024, 12, 4), D(2024, 12, 16)),  # + 12 calendar days
    "essay.checking.april": (D(2025, 4, 9), D(2025, 4, 17)),  # + 8 calendar days
    "interview.checking": (D(2024, 2, 14), D(2024, 2, 19)),  # + 5 calendar days
}


def test_every_rule_has_a_hand_computed_example() -> None:
    assert set(EXAMPLES) == set(RULES)


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_rule_arithmetic(key: str) -> None:
    base, due = EXAMPLES[key]
    _, rule = RULES[key]
    window = rule.window(CAL, base)
    assert window.end == due
    if rule.bound is Bound.WITHIN_AFTER:  # «в течение N дней, следующих за»: from the next day
        assert window.start == base + dt.timedelta(days=1)
    if rule.bound is Bound.ON:
        assert window.start == window.end == base


# ---------------------------------------------------------------------------------------------
# The file and the loaded objects agree, field by field
# ---------------------------------------------------------------------------------------------

_RULE_FIELDS: dict[str, Callable[[TimelineRule], Any]] = {  # file key -> how to read it off a rule
    "id": lambda r: r.key,
    "event": lambda r: r.event.value,
    "from": lambda r: [r.after.value, *(e.value for e in r.fallbacks)],
    "offset": lambda r: r.offset,
    "unit": lambda r: r.unit.value,
    "bound": lambda r: r.bound.value,
    "exams": lambda r: sorted(e.value for e in r.applies.exams),
    "periods": lambda r: None if r.applies.periods is None else sorted(p.value for p in r.applies.periods),
    "subjects": lambda r: None if r.applies.subjects is None else sorted(s.value for s in r.applies.subjects),
    "months": lambda r: None if r.applies.months is None else sorted(r.applies.months),
    "first_school_year": lambda r: r.applies.first_school_year,
    "last_school_year": lambda r: r.applies.last_school_year,
    "wording": lambda r: r.wording,
    "basis": lambda r: r.basis,
    "confidence": lambda r: r.confidence.value,
    "sources": lambda r: list(r.sources),
    "note": lambda r: r.note,
}


def _as_written(key: str, value: Any) -> Any:
    if key == "from" and isinstance(value, str):
        return [value]
    if key in ("exams", "periods", "subjects", "months"):
        return sorted(value)
    return value


def test_every_field_of_a_rule_is_compared() -> None:
    compared = {"key", "event", "after", "fallbacks", "offset", "unit", "bound", "applies"}
    compared |= {"wording", "basis", "confidence", "sources", "note"}
    assert {f.name for f in attrs.fields(TimelineRule)} == compared
    assert {f.name for f in attrs.fields(Applicability)} <= set(_RULE_FIELDS)


@pytest.mark.parametrize("index", range(len(DOCUMENT["rule"])))
def test_file_and_loaded_rule_agree(index: int) -> None:
    written = DOCUMENT["rule"][index]
    timeline, rule = RULES[written["id"]]
    assert timeline.key == written["timeline"]
    for key, read in _RULE_FIELDS.items():
        expected = _as_written(key, written[key]) if key in written else (None if key != "note" else "")
        assert read(rule) == expected, key


def test_file_and_loaded_timelines_agree() -> None:
    timelines = federal_timelines()
    assert [(t.key, t.name, t.basis) for t in timelines] == [
        (t["key"], t["name"], t["basis"]) for t in DOCUMENT["timeline"]
    ]
    for timeline in timelines:  # the file's order is the order rules are tried in
        assert [r.key for r in timeline.rules] == [
            r["id"] for r in DOCUMENT["rule"] if r["timeline"] == timeline.key
        ]
    joint = [(t.key, j) for t in timelines for j in t.joint]
    assert len(joint) == len(DOCUMENT["joint"])
    for (key, loaded), written in zip(joint, DOCUMENT["joint"], strict=True):
        assert key == written["timeline"]
        assert sorted(e.value for e in loaded.exams) == sorted(written["exams"])
        assert sorted(s.value for s in loaded.subjects) == sorted(written["subjects"])
        assert (loaded.wording, loaded.confidence.value, list(loaded.sources)) == (
            written["wording"],
            written["confidence"],
            written["sources"],
        )


def test_leaving_out_inferences_uses_the_fallbacks() -> None:
    strict = {r.key: r for t in federal_timelines(include_inferences=False) for r in t.rules}
    assert all(r.confidence is not Confidence.C for r in strict.values())
    dropped = set(RULES) - set(strict)
    assert dropped == {k for k, (_, r) in RULES.items() if r.confidence is Confidence.C}
    # every rule that counts from a dropped event has somewhere to fall back to, or is a known dead end
    dropped_events = {RULES[k][1].event for k in dropped}
    for rule in strict.values():
        if rule.after in dropped_events:
            assert rule.fallbacks or rule.after is TimelineEvent.RESULTS_PUBLISHED, rule.key


# ---------------------------------------------------------------------------------------------
# The schema check: every problem, at its path
# ---------------------------------------------------------------------------------------------


def _paths(document: dict[str, Any]) -> set[str]:
    with pytest.raises(ScheduleDataError) as caught:
        read_timelines(document, file="t.toml")
    problems = problems_of(caught.value)
    assert all(p.code == "invalid-timeline" and p.location.file == "t.toml" for p in problems)
    assert all(p.message and p.expected for p in problems)
    return {p.location.path for p in problems}


def test_the_bundled_document_reads_cleanly() -> None:
    assert read_timelines(DOCUMENT) == federal_timelines()


# (field, bad value, the path suffix it is reported at); None as the value deletes the key.
BAD_VALUES: list[tuple[str, Any, str]] = [
    ("offset", "6", "offset"),
    ("offset", True, "offset"),
    ("offset", 1.5, "offset"),
    ("unit", "days", "unit"),
    ("bound", "later", "bound"),
    ("event", "results_known", "event"),
    ("from", "the_exam", "from"),
    ("from", 7, "from"),
    ("exams", ["ЕГЭ"], "exams[0]"),
    ("exams", [], "exams"),
    ("sources", ["no-such-source"], "sources[0]"),
    ("sources", "kirov", "sources"),
    ("timeline", "gia12", "timeline"),
    ("months", [13], "months"),
    ("first_school_year", "2024", "first_school_year"),
    ("confidence", "D", "confidence"),
    ("wording", None, "wording"),
    ("id", None, "id"),
    ("from", None, "from"),
    ("colour", "blue", "colour"),
    ("wording", "   ", "wording"),
]


@given(st.integers(0, len(DOCUMENT["rule"]) - 1), st.sampled_from(BAD_VALUES))
def test_a_bad_value_is_reported_at_its_path(index: int, bad: tuple[str, Any, str]) -> None:
    field, value, suffix = bad
    document = copy.deepcopy(DOCUMENT)
    if value is None:
        del document["rule"][index][field]
    else:
        document["rule"][index][field] = value
    assert f"$.rule[{index}].{suffix}" in _paths(document)


def test_steps_that_do_not_hold_together() -> None:
    document = copy.deepcopy(DOCUMENT)
    index = [r["id"] for r in document["rule"]].index("gia11.central_check")
    document["rule"][index] |= {"offset": 0}  # «в течение 0 рабочих дней»
    other = [r["id"] for r in document["rule"]].index("gia11.publication")
    document["rule"][other] |= {"offset": 2}  # «в день …» takes no count
    same = [r["id"] for r in document["rule"]].index("gia9.approval")
    document["rule"][same] |= {"from": "results_approved"}  # counted from itself
    assert {f"$.rule[{index}].offset", f"$.rule[{other}].offset", f"$.rule[{same}].from"} <= _paths(document)


def test_applicability_that_does_not_fit_the_exams() -> None:
    document = copy.deepcopy(DOCUMENT)
    index = [r["id"] for r in document["rule"]].index("gia11.processing.russian")
    document["rule"][index] |= {"periods": ["main_date"], "subjects": ["иностранные языки"]}
    document["rule"][index] |= {"first_school_year": 2025, "last_school_year": 2024}
    assert {
        f"$.rule[{index}].periods",
        f"$.rule[{index}].subjects",
        f"$.rule[{index}].last_school_year",
    } <= _paths(document)


def test_references_and_duplicates() -> None:
    document = copy.deepcopy(DOCUMENT)
    document["rule"].append(copy.deepcopy(document["rule"][0]))
    document["joint"][0]["timeline"] = "nowhere"
    document["timeline"].append(copy.deepcopy(document["timeline"][0]))
    last = len(document["rule"]) - 1
    timelines = len(document["timeline"]) - 1
    assert {f"$.rule[{last}].id", "$.joint[0].timeline", f"$.timeline[{timelines}].key"} <= _paths(document)


def test_many_problems_are_reported_at_once() -> None:
    document = copy.deepcopy(DOCUMENT)
    document["rule"][3]["offset"] = "x"
    document["rule"][7]["unit"] = "x"
    document["rule"][20]["sources"] = ["x"]
    assert {"$.rule[3].offset", "$.rule[7].unit", "$.rule[20].sources[0]"} <= _paths(document)


def test_top_level_shape() -> None:
    assert "$.rule" in _paths({"timeline": DOCUMENT["timeline"]})
    assert "$.extra" in _paths({**DOCUMENT, "extra": 1})


# ---------------------------------------------------------------------------------------------
# The constructors: keyword-only and validated
# ---------------------------------------------------------------------------------------------

_GOOD: dict[str, Any] = {
    "key": "test",
    "event": TimelineEvent.RESULTS_APPROVED,
    "after": TimelineEvent.PROCESSING_DONE,
    "offset": 1,
    "unit": Unit.WORKING_DAY,
    "bound": Bound.WITHIN_AFTER,
    "applies": Applicability(exams={ExamKind.OGE}),
    "wording": "«в течение одного рабочего дня»",
    "basis": "232/551",
    "confidence": Confidence.A,
    "sources": ("school21",),
}


def test_rules_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        TimelineRule(*_GOOD.values())  # type: ignore[call-arg]
    assert TimelineRule(**_GOOD).term is None  # processing is not a Term-model anchor


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"offset": 0}, InvalidValueError, "offset"),
        ({"unit": Unit.NONE}, InvalidValueError, "unit"),
        ({"after": TimelineEvent.RESULTS_APPROVED}, InvalidValueError, "after"),
        ({"event": "results_approved"}, InvalidTypeError, "event"),
        ({"sources": "school21"}, InvalidTypeError, "source"),
        ({"bound": Bound.ON}, InvalidValueError, "offset"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(
    change: dict[str, Any], error: type[Exception], field: str
) -> None:
    with pytest.raises(error, match=field):
        TimelineRule(**(_GOOD | change))


def test_bad_applicability_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="months"):
        Applicability(exams={ExamKind.EGE}, months={0})
    with pytest.raises(InvalidValueError, match="periods"):
        Applicability(exams={ExamKind.FINAL_ESSAY}, periods={PeriodKind.MAIN})
    with pytest.raises(InvalidValueError, match="subjects"):
        Applicability(exams={ExamKind.OGE}, subjects={Subject.MATHEMATICS_PROFILE})
    with pytest.raises(InvalidValueError, match="exams"):
        Applicability(exams=())
    with pytest.raises(TypeError):
        Timeline("k", "n", "b", ())  # type: ignore[call-arg]
