"""The layouts real roadmaps have, generated in every format the importer reads (HTML, ODT, ODS, PDF,
XLS, DOCX, XLSX, CSV) with many header wordings, never copied from real documents:

* a title block with a glossary written as lines under «Используемые сокращения:»;
* the table cut into pages, the header repeated on each (or not), a row split across the cut;
* an appendix table after a few lines of prose («Приложение 1 к плану …»);
* a table nested in a «Мероприятия» cell (the formats that nest tables: HTML, DOCX);
* Roman-numbered stage rows with a window of their own, numbering running on across them;
* a run of equal deadlines merged down into one cell (CSV, which records no merges, leaves the
  cells below blank);
* no responsible column; a second date column («Резервные сроки»); a completion column.

Each generated document must import to the plan it was generated from: the numbers, titles, deadlines
and parties of its measures, their status, its sections and their windows, the appendix as a section
of the plan, the glossary."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gia_roadmap.io import import_file

from .writers import ALL_WRITERS, Cell, Doc

HEADERS = {
    "number": ("№", "№ п/п", "N п/п", "№№ п/п"),
    "title": ("Мероприятия", "Наименование мероприятия", "Содержание мероприятия", "Мероприятие"),
    "term": ("Сроки", "Срок исполнения", "Сроки проведения", "Срок реализации", "Сроки исполнения"),
    "responsible": ("Ответственные", "Ответственный исполнитель", "Ответственные исполнители", "Исполнитель"),
}
SECTIONS = ("Нормативное обеспечение", "Обучение специалистов", "Информационное сопровождение", "Контроль")
ACTIONS = ("Подготовка приказа о", "Совещание по вопросам", "Организация обучения по", "Мониторинг работы по")
OBJECTS = (
    "проведению итогового собеседования",
    "подготовке к государственной итоговой аттестации",
    "организации работы пунктов проведения экзаменов",
    "информированию родителей выпускников",
)
MONTHS = ("сентябрь 2025", "октябрь 2025", "декабрь 2025", "февраль 2026", "март 2026", "май 2026")
PARTIES = ("УО", "ИМЦ", "руководители ОО", "Петрова А.В.", "УО, ИМЦ")
GLOSSARY = {
    "ППЭ": "пункт проведения экзаменов",
    "РЦОИ": "региональный центр обработки информации",
    "ОО": "общеобразовательные организации",
    "ИМЦ": "информационно-методический центр",
}
NESTING = ("html", "docx")
STAGES = ("Подготовительный этап", "Основной этап", "Заключительный этап")
STAGE_TERMS = ("сентябрь – декабрь", "январь – май", "июнь – август")
RESERVE = "Резервные сроки"
COMPLETION = "Отметка о выполнении"


@attrs.frozen
class Item:
    number: str
    action: str
    obj: str
    term: str
    party: str
    reserve: str = ""  # the second date column's cell
    done: str = ""  # the completion column's cell: «Выполнено 12.10.2025, протокол № 3» or blank

    @property
    def title(self) -> str:
        return f"{self.action} {self.obj}"


@attrs.frozen
class Layout:
    kind: str
    header: tuple[str, ...]  # №, title, term, [reserve], [responsible], [completion]
    sections: tuple[tuple[str, tuple[Item, ...]], ...]
    glossary: tuple[str, ...]
    pages: int  # the table cut into this many pages (1: not cut)
    repeat_header: bool
    split_row: bool  # the first row after each cut continues the last row before it
    appendix: tuple[Item, ...]
    nested: bool  # the first measure's title cell holds a nested table
    stages: bool  # sections are Roman-numbered stages with a window of their own
    responsible: bool  # the table has a responsible column
    reserve: bool  # a second date column («Резервные сроки»)
    completion: bool  # a completion column («Отметка о выполнении»)
    merges: bool  # a run of equal deadlines is one cell merged down

    def heading(self, index: int) -> str:
        name = self.sections[index][0]
        return f"{('I', 'II', 'III')[index]}. {name}" if self.stages else f"{index + 1}. {name}"

    def cells(self, item: Item, *, merged_term: bool = False) -> tuple[Cell, ...]:
        out = [Cell(item.number), Cell(item.title)]
        if not merged_term:
            out.append(Cell(item.term))
        if self.reserve:
            out.append(Cell(item.reserve))
        if self.responsible:
            out.append(Cell(item.party))
        if self.completion:
            out.append(Cell(item.done))
        return tuple(out)

    def rows(self) -> tuple[list[tuple[Cell, ...]], set[int]]:
        """The body rows and the indices of rows that start a vertical merge (no page cut after them)."""
        width = len(self.header)
        rows: list[tuple[Cell, ...]] = []
        merging: set[int] = set()
        for s, (_, items) in enumerate(self.sections):
            if self.stages:
                stage = (Cell(self.heading(s), colspan=2), Cell(STAGE_TERMS[s]))
                rows.append(stage + tuple(Cell("") for _ in range(width - 3)))
            else:
                rows.append((Cell(self.heading(s), colspan=width),))
            j = 0
            while j < len(items):
                item = items[j]
                following = items[j + 1] if j + 1 < len(items) else None
                if self.merges and following is not None and following.term == item.term:
                    first = list(self.cells(item))
                    first[2] = Cell(item.term, rowspan=2)
                    merging.add(len(rows))
                    rows.append(tuple(first))
                    rows.append(self.cells(following, merged_term=True))
                    j += 2
                    continue
                rows.append(self.cells(item))
                j += 1
        if self.nested:
            first_row = rows[1]
            nested = attrs.evolve(first_row[1], nested=(("ОГЭ", "ГВЭ-9"), ("да", "нет")))
            rows[1] = (first_row[0], nested, *first_row[2:])
        return rows, merging

    def doc(self) -> Doc:
        header = tuple(Cell(h) for h in self.header)
        rows, merging = self.rows()
        cuts = [round(len(rows) * k / self.pages) for k in range(1, self.pages)]
        cuts = sorted(
            {c for c in cuts if 1 < c < len(rows) and rows[c - 1][0].colspan == 1 and c - 1 not in merging}
        )
        pages: list[list[tuple[Cell, ...]]] = []
        start = 0
        for cut in [*cuts, len(rows)]:
            pages.append(rows[start:cut])
            start = cut
        if self.split_row:
            for index in range(1, len(pages)):
                last = pages[index - 1][-1]
                item = _item_of(self, last[0].text)
                if item is None or (self.nested and last is rows[1]):
                    continue
                pages[index - 1][-1] = (last[0], Cell(item.action), *last[2:])
                rest = tuple(Cell("") for _ in range(len(self.header) - 2))
                pages[index].insert(0, (Cell(""), Cell(item.obj), *rest))
        tables = [
            (header, *page) if index == 0 or self.repeat_header else tuple(page)
            for index, page in enumerate(pages)
        ]
        between: list[tuple[str, ...]] = [() for _ in tables[1:]]
        if self.appendix:
            tables.append((header, *(self.cells(item) for item in self.appendix)))
            between.append(
                (
                    "Приложение 1 к плану мероприятий",
                    "Перечень семинаров для учителей-предметников",
                    "Семинары проводятся в очном формате на базе методического центра для учителей, чьи "
                    "обучающиеся сдают экзамены в текущем году.",
                )
            )
        title: tuple[str, ...] = ("ПЛАН МЕРОПРИЯТИЙ по подготовке к ГИА на 2025/2026 учебный год",)
        if self.glossary:
            title += ("Используемые сокращения:", *(f"{a} – {GLOSSARY[a]};" for a in self.glossary))
        return Doc(title, tuple(tables), tuple(between), page_breaks=True)


def _item_of(layout: Layout, number: str) -> Item | None:
    return next((i for _, items in layout.sections for i in items if i.number == number), None)


@st.composite
def items(draw: st.DrawFn, prefix: str, count: int) -> tuple[Item, ...]:
    out: list[Item] = []
    for j in range(1, count + 1):
        term = draw(st.sampled_from(MONTHS))
        repeat = draw(st.booleans())
        if out and repeat:
            term = out[-1].term  # a run of equal deadlines (merged down when the layout merges)
        done = draw(st.sampled_from(("", f"Выполнено {10 + j}.10.2025, протокол № {j}")))
        out.append(
            Item(
                f"{prefix}{j}.",
                draw(st.sampled_from(ACTIONS)),
                draw(st.sampled_from(OBJECTS)),
                term,
                draw(st.sampled_from(PARTIES)),
                draw(st.sampled_from(MONTHS)),
                done,
            )
        )
    return tuple(out)


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    kind = draw(st.sampled_from(sorted(ALL_WRITERS)))
    stages = draw(st.booleans())
    headings = draw(
        st.lists(st.sampled_from(STAGES if stages else SECTIONS), min_size=1, max_size=3, unique=True)
    )
    sections = tuple(
        (heading, draw(items(f"{s}.", draw(st.integers(1, 4)))))
        for s, heading in enumerate(headings, start=1)
    )
    if stages:  # numbering runs on across the stages
        numbered: list[tuple[str, tuple[Item, ...]]] = []
        n = 0
        for heading, section_items in sections:
            renumbered = []
            for item in section_items:
                n += 1
                renumbered.append(attrs.evolve(item, number=f"{n}."))
            numbered.append((heading, tuple(renumbered)))
        sections = tuple(numbered)
    appendix = draw(items("", 2)) if draw(st.booleans()) else ()
    responsible = draw(st.booleans())
    reserve = draw(st.booleans())
    completion = draw(st.booleans())
    header = [
        draw(st.sampled_from(HEADERS["number"])),
        draw(st.sampled_from(HEADERS["title"])),
        "Основные сроки" if reserve else draw(st.sampled_from(HEADERS["term"])),
    ]
    if reserve:
        header.append(RESERVE)
    if responsible:
        header.append(draw(st.sampled_from(HEADERS["responsible"])))
    if completion:
        header.append(COMPLETION)
    return Layout(
        kind=kind,
        header=tuple(header),
        sections=sections,
        glossary=tuple(draw(st.lists(st.sampled_from(sorted(GLOSSARY)), max_size=3, unique=True))),
        pages=draw(st.integers(1, 3)),
        repeat_header=draw(st.booleans()),
        split_row=draw(st.booleans()),
        appendix=appendix,
        nested=kind in NESTING and draw(st.booleans()),
        stages=stages,
        responsible=responsible,
        reserve=reserve,
        completion=completion,
        merges=draw(st.booleans()),
    )


def _text(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts())
def test_wild_layouts_import_to_the_plan_they_hold(
    layout: Layout, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = ALL_WRITERS[layout.kind](layout.doc(), tmp_path_factory.mktemp("wild") / f"plan.{layout.kind}")
    result = import_file(path)
    assert len(result.roadmaps) == 1
    plan = result.roadmap
    sections = plan.sections
    expected = [(layout.heading(s), items_) for s, (_, items_) in enumerate(layout.sections)]
    if layout.appendix:
        assert sections[-1].heading.startswith("Приложение 1")
        expected.append((sections[-1].heading, layout.appendix))
    assert [_text(s.heading) for s in sections] == [heading for heading, _ in expected]
    if layout.stages:
        windows = [s.term.raw if s.term is not None else None for s in sections[: len(layout.sections)]]
        assert windows == list(STAGE_TERMS[: len(layout.sections)])
    for section, (_, items_) in zip(sections, expected, strict=True):
        measures = section.measures
        assert [m.number.raw for m in measures] == [i.number for i in items_]
        titles = [_text(m.title) for m in measures]
        if layout.nested and section is sections[0]:
            assert titles[0].startswith(items_[0].title)  # the nested table's text follows, kept
            titles[0] = items_[0].title
        assert titles == [i.title for i in items_]
        for measure, item in zip(measures, items_, strict=True):
            raw = _text(measure.term.raw)
            if layout.reserve:  # one composite term with labelled parts, never notes
                assert item.term in raw
                assert f"{RESERVE}: {item.reserve}" in raw
                assert not measure.notes
            else:
                assert raw == item.term
            assert _text(measure.responsible_raw) == (item.party if layout.responsible else "")
            if layout.completion and item.done:
                assert measure.status.kind.value == "done"
                assert measure.status.date is not None
                assert "протокол" in measure.status.evidence
            else:
                assert measure.status.kind.value == "planned"
    codes = {p.code for p in result.problems}
    assert ("no-responsible-column" in codes) == (not layout.responsible)
    found = {e.abbreviation: e.expansion for e in plan.glossary.entries}
    for abbreviation in layout.glossary:
        assert found.get(abbreviation) == GLOSSARY[abbreviation]
    assert plan.school_year is not None
    assert plan.school_year.start_year == 2025


def test_glossary_lines_count_only_under_a_glossary_heading() -> None:
    from gia_roadmap.io.reading import read_tables_text

    def abbreviations(text: str) -> list[str]:
        return [e.abbreviation for e in read_tables_text(text).glossary]

    listed = (
        "Используемые сокращения:\nППЭ – пункт проведения экзаменов;\nОО – образовательные организации.\n"
    )
    assert abbreviations(listed) == ["ППЭ", "ОО"]
    # without the heading, a dash line is prose, not a definition
    assert abbreviations("ППЭ – пункт проведения экзаменов;\n") == []
    # the list ends at the first line that is no definition
    ended = (
        listed + "Приказ вступает в силу со дня подписания.\nРЦОИ – региональный центр обработки информации\n"
    )
    assert abbreviations(ended) == ["ППЭ", "ОО"]


@pytest.mark.parametrize("trailing", ["", ";;"])
def test_a_csv_record_is_taken_as_written(trailing: str, tmp_path: Path) -> None:
    """A spreadsheet saves every field of a row (and the empty columns right of the table): a text
    in the wrong column stays where the author put it, to be reported, not moved where it fits."""
    path = tmp_path / "plan.csv"
    path.write_text(
        f"План на 2025/2026 учебный год{trailing}\n"
        f"№;Мероприятия;Сроки;Ответственные{trailing}\n"
        f"1.;Совещание с руководителями ОО;;ИМЦ{trailing}\n"
        f"2.;Семинар для организаторов;УО;{trailing}\n",
        encoding="utf-8",
    )
    result = import_file(path)
    second = result.roadmap.measures[1]
    assert second.term.raw == "УО"
    codes = {p.code for p in result.problems}
    assert "shifted-row" not in codes
    assert "unparsed-term" in codes
    assert "guessed-fill" in codes  # CSV records no merges: the blank party is a reported guess
