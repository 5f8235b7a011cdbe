"""A lead-in with dash items stacked in one «Мероприятия» cell («Провести совещания:» + «– с
руководителями ОО» …) over as many stacked deadlines is one measure with sub-items, each with its
own deadline; when the counts disagree the cell stays whole and the mismatch is reported. Generated
in every format the importer reads, never copied. A PDF cell has no paragraphs (each line break may
be a wrap), so there the deadlines are stacked only when every line reads as one and they are as many
as the dash items; a mismatch cannot be told from a wrapped deadline there, and is not reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import TermSequence
from gia_roadmap.errors import Problem
from gia_roadmap.io import import_file, import_text
from gia_roadmap.plan.model import Measure, ProvenanceKind

from ..io_tables.writers import ALL_WRITERS, Doc, cells

_LEADS = ("Провести совещания:", "Организовать обучение", "Подготовка приказов об утверждении:", "Обеспечить")
_ITEMS = (
    "с руководителями ОО",
    "организаторов ППЭ",
    "перечня ППЭ в основной период",
    "технических специалистов",
    "состава предметных комиссий",
    "членов ГЭК",
)
_MONTHS = ("октябрь 2025", "ноябрь 2025", "декабрь 2025", "январь 2026", "март 2026", "апрель 2026")
_DASHES = ("–", "-", "—")


@st.composite
def _cells(draw: st.DrawFn, *, agree: bool) -> tuple[str, list[str], list[str]]:
    lead = draw(st.sampled_from(_LEADS))
    items = draw(st.lists(st.sampled_from(_ITEMS), min_size=2, max_size=4, unique=True))
    count = len(items) if agree else draw(st.integers(2, 5).filter(lambda n: n != len(items)))
    months = draw(st.lists(st.sampled_from(_MONTHS), min_size=count, max_size=count))
    return lead, items, months


def _title(lead: str, items: list[str], dash: str) -> str:
    return "\n".join([lead, *(f"{dash} {item};" for item in items)])


def _text_conversion(lead: str, items: list[str], months: list[str], dash: str) -> str:
    title = "".join(f"<p>{line}</p>" for line in _title(lead, items, dash).split("\n"))
    terms = "".join(f"<p>{month}</p>" for month in months)
    return (
        "План на 2025/2026 учебный год\n№\tМероприятия\tСроки\tОтветственные\n"
        f"1.\t{title}\t{terms}\tУО\n2.\tСобрание выпускников\tмай 2026\tОО\n"
    )


def _measures(
    kind: str, lead: str, items: list[str], months: list[str], dash: str, folder: Path
) -> tuple[tuple[Measure, ...], tuple[Problem, ...]]:
    if kind == "txt":
        result = import_text(_text_conversion(lead, items, months, dash))
    else:
        doc = Doc(
            ("План на 2025/2026 учебный год",),
            (
                cells(
                    ["№", "Мероприятия", "Сроки", "Ответственные"],
                    ["1.", _title(lead, items, dash), "\n".join(months), "УО"],
                    ["2.", "Собрание выпускников", "май 2026", "ОО"],
                ),
            ),
        )
        result = import_file(ALL_WRITERS[kind](doc, folder / f"plan.{kind}"))
    return result.roadmap.measures, result.problems


KINDS = ("txt", *sorted(ALL_WRITERS))
HARD_BREAKS = tuple(kind for kind in KINDS if kind != "pdf")


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=_cells(agree=True), dash=st.sampled_from(_DASHES))
def test_a_lead_in_with_dash_items_is_a_measure_with_sub_items(
    kind: str, cell: tuple[str, list[str], list[str]], dash: str, tmp_path: Path
) -> None:
    lead, items, months = cell
    measures, problems = _measures(kind, lead, items, months, dash, tmp_path)
    first, *subs, last = measures
    assert first.number.raw == "1."
    assert first.title == lead
    assert isinstance(first.term, TermSequence)
    assert len(first.term.items) == len(items)
    assert [m.title for m in subs] == [f"– {item}" for item in items]
    assert [" ".join(m.term.raw.split()) for m in subs] == months  # each its own deadline
    assert all(not m.number.raw and m.responsible_raw == "УО" for m in subs)
    assert all(_inferred(m) for m in subs)
    assert last.title == "Собрание выпускников"
    assert "stacked-mismatch" not in {p.code for p in problems}


@pytest.mark.parametrize("kind", HARD_BREAKS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=_cells(agree=False))
def test_a_count_mismatch_keeps_the_cell_whole_and_is_reported(
    kind: str, cell: tuple[str, list[str], list[str]], tmp_path: Path
) -> None:
    lead, items, months = cell
    measures, problems = _measures(kind, lead, items, months, "–", tmp_path)
    first, _last = measures
    assert first.title.startswith(lead)
    assert all(item in first.title for item in items)
    assert isinstance(first.term, TermSequence)
    assert len(first.term.items) == len(months)
    (mismatch,) = [p for p in problems if p.code == "stacked-mismatch"]
    assert f"{len(items)} sub-items but {len(months)} stacked deadlines" in mismatch.message
    assert mismatch.location.file


def test_stacked_responsible_groups_go_to_their_sub_items() -> None:
    text = (
        "План на 2025/2026 учебный год\n№\tМероприятия\tСроки\tОтветственные\n"
        "1.\t<p>Провести совещания:</p><p>– с руководителями ОО;</p><p>– с организаторами ППЭ</p>\t"
        "<p>октябрь 2025</p><p>январь 2026</p>\t<p>УО</p><p>ИМЦ</p>\n"
    )
    _, first, second = import_text(text).roadmap.measures
    assert (first.responsible_raw, second.responsible_raw) == ("УО", "ИМЦ")
    assert not any(p.kind is ProvenanceKind.INHERITED for p in first.provenance)


def _inferred(measure: Measure) -> bool:
    return any(
        p.field == "title" and p.kind is ProvenanceKind.INFERRED and "stacked in one cell" in p.note
        for p in measure.provenance
    )


def test_a_pdf_deadline_wrapped_over_lines_is_not_taken_for_stacked_ones(tmp_path: Path) -> None:
    """The clean twin of the PDF case: under dash items, one deadline that the page wraps into lines
    that are no deadlines of their own stays one deadline, and the cell stays whole."""
    title = "Провести совещания:\n– с руководителями ОО;\n– с организаторами ППЭ;"
    doc = Doc(
        ("План на 2025/2026 учебный год",),
        (
            cells(
                ["№", "Мероприятия", "Сроки", "Ответственные"],
                ["1.", title, "в течение учебного года\nпо графику", "УО"],
                ["2.", "Собрание выпускников", "май 2026", "ОО"],
            ),
        ),
    )
    result = import_file(ALL_WRITERS["pdf"](doc, tmp_path / "plan.pdf"))
    first, last = result.roadmap.measures
    assert first.title.startswith("Провести совещания:")
    assert not isinstance(first.term, TermSequence)
    assert last.title == "Собрание выпускников"
