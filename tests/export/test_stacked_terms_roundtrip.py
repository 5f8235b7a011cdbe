"""Stacked deadlines survive the table round trip (issue 13): a lead-in with dash items over as many
deadlines stacked in one «Сроки» cell («Провести совещания:» + «– …» items beside «до 01.11.2023» /
«сентябрь– октябрь 2024» …) is read as the lead-in, whose deadline is the stack, and one sub-item per
dash item. Written as a DOCX, XLSX or CSV table and read back, the lead-in's deadline is the same
:class:`TermSequence` of the same deadlines, whether the source stacked them on hard breaks (paragraphs)
or on line breaks a text conversion joined with a space (a PDF's). The deadlines are drawn from the
deadline grammar, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar import TermSequence
from gia_roadmap.calendar.grammar.phrases import deadline_texts
from gia_roadmap.io import ImportOptions, import_text
from gia_roadmap.io.roundtrip import table_view
from gia_roadmap.plan.model import Roadmap

from .test_table_roundtrip import WRITERS, _first_difference, _round_trip

_LEADS = ("Провести совещания:", "Размещение в СМИ информации по ГИА–9:", "Организовать обучение:")
_ITEMS = (
    "с руководителями ОО",
    "о сроках и местах подачи заявлений",
    "о сроках проведения ГИА",
    "технических специалистов",
    "членов ГЭК",
)


@st.composite
def _stacked_plans(draw: st.DrawFn) -> tuple[Roadmap, bool]:
    """A text conversion with one lead-in row (a lead-in and 2–4 dash items over as many generated
    deadlines, stacked on ``<p>`` breaks or joined by a space) and a plain row after it, imported;
    and whether the stack was on hard breaks."""
    year = draw(st.integers(2022, 2026))
    items = draw(st.lists(st.sampled_from(_ITEMS), min_size=2, max_size=4, unique=True))
    terms = [" ".join(draw(deadline_texts(year))[0].split()) for _ in items]
    hard = draw(st.booleans())
    title = f"<p>{draw(st.sampled_from(_LEADS))}</p>" + "".join(f"<p>– {item};</p>" for item in items)
    cell = "".join(f"<p>{t}</p>" for t in terms) if hard else " ".join(terms)
    text = (
        f"План мероприятий по подготовке к проведению ГИА в {year}/{year + 1} учебном году\n"
        "№ п/п\tМероприятия\tСроки\tОтветственные\n"
        f"1.\t{title}\t{cell}\tУО\n2.\tСобрание выпускников\tмай {year + 1}\tОО\n"
    )
    return import_text(text, ImportOptions(plan_ids=("plan",))).roadmap, hard


@pytest.mark.parametrize("kind", sorted(WRITERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=_stacked_plans())
def test_a_stacked_term_round_trips(
    kind: str, drawn: tuple[Roadmap, bool], tmp_path_factory: pytest.TempPathFactory
) -> None:
    plan, hard = drawn
    lead = plan.measures[0]
    split = len(plan.measures) > 2
    event(f"stacked on {'hard' if hard else 'soft'} breaks, {'split' if split else 'kept whole'}")
    if split:
        assert isinstance(lead.term, TermSequence)
        assert len(plan.measures) == 2 + len(lead.term.items)
    back = _round_trip(plan, tmp_path_factory.mktemp(kind), kind)
    expected, actual = table_view(plan), table_view(back)
    assert actual == expected, _first_difference(expected, actual)
    assert type(back.measures[0].term) is type(lead.term)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_the_soft_stack_of_a_pdf_line_round_trips(kind: str, tmp_path: Path) -> None:
    """The case that was lost: two deadlines whose lines a PDF's text conversion joined («август 2024
    года сентябрь– октябрь 2024»), which read as one line are a list of periods."""
    text = (
        "План мероприятий по подготовке к проведению ГИА в 2023/2024 учебном году\n"
        "№ п/п\tМероприятия\tСроки\tОтветственные\n"
        "1.\tОрганизация ГИА в дополнительный период: – сбор заявлений; – проведение ГИА по расписанию.\t"
        "август 2024 года сентябрь– октябрь 2024\tУО\n"
    )
    plan = import_text(text, ImportOptions(plan_ids=("plan",))).roadmap
    lead, first, second = plan.measures
    assert isinstance(lead.term, TermSequence)
    assert (first.term.raw, second.term.raw) == ("август 2024 года", "сентябрь– октябрь 2024")
    back = _round_trip(plan, tmp_path, kind)
    assert table_view(back) == table_view(plan), _first_difference(table_view(plan), table_view(back))
    assert isinstance(back.measures[0].term, TermSequence)
