"""The layouts real roadmaps have, generated in every format the importer reads (HTML, ODT, ODS, PDF,
XLS, DOCX, XLSX, CSV) with many header wordings, never copied from real documents:

* a title block with a glossary written as lines under «Используемые сокращения:»;
* the table cut into pages, the header repeated on each (or not), a row split across the cut;
* an appendix table after a few lines of prose («Приложение 1 к плану …»);
* a table nested in a «Мероприятия» cell (the formats that nest tables: HTML, DOCX).

Each generated document must import to the plan it was generated from: the numbers, titles, deadlines
and parties of its measures, its sections, the appendix as a section of the plan, the glossary."""

from __future__ import annotations

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


@attrs.frozen
class Item:
    number: str
    action: str
    obj: str
    term: str
    party: str

    @property
    def title(self) -> str:
        return f"{self.action} {self.obj}"

    def row(self) -> tuple[Cell, ...]:
        return (Cell(self.number), Cell(self.title), Cell(self.term), Cell(self.party))


@attrs.frozen
class Layout:
    kind: str
    header: tuple[str, str, str, str]
    sections: tuple[tuple[str, tuple[Item, ...]], ...]
    glossary: tuple[str, ...]
    pages: int  # the table cut into this many pages (1: not cut)
    repeat_header: bool
    split_row: bool  # the first row after each cut continues the last row before it
    appendix: tuple[Item, ...]
    nested: bool  # the first measure's title cell holds a nested table

    def rows(self) -> list[tuple[Cell, ...]]:
        rows: list[tuple[Cell, ...]] = []
        for s, (heading, items) in enumerate(self.sections, start=1):
            rows.append((Cell(f"{s}. {heading}", colspan=4),))
            rows.extend(item.row() for item in items)
        if self.nested:
            first = rows[1]
            rows[1] = (first[0], attrs.evolve(first[1], nested=(("ОГЭ", "ГВЭ-9"), ("да", "нет"))), *first[2:])
        return rows

    def doc(self) -> Doc:
        header = tuple(Cell(h) for h in self.header)
        rows = self.rows()
        cuts = [round(len(rows) * k / self.pages) for k in range(1, self.pages)]
        cuts = sorted({c for c in cuts if 1 < c < len(rows) and rows[c - 1][0].colspan == 1})
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
                pages[index].insert(0, (Cell(""), Cell(item.obj), Cell(""), Cell("")))
        tables = [
            (header, *page) if index == 0 or self.repeat_header else tuple(page)
            for index, page in enumerate(pages)
        ]
        between: list[tuple[str, ...]] = [() for _ in tables[1:]]
        if self.appendix:
            tables.append((header, *(item.row() for item in self.appendix)))
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
    return tuple(
        Item(
            f"{prefix}{j}.",
            draw(st.sampled_from(ACTIONS)),
            draw(st.sampled_from(OBJECTS)),
            draw(st.sampled_from(MONTHS)),
            draw(st.sampled_from(PARTIES)),
        )
        for j in range(1, count + 1)
    )


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    kind = draw(st.sampled_from(sorted(ALL_WRITERS)))
    headings = draw(st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=3, unique=True))
    sections = tuple(
        (heading, draw(items(f"{s}.", draw(st.integers(1, 4)))))
        for s, heading in enumerate(headings, start=1)
    )
    appendix = draw(items("", 2)) if draw(st.booleans()) else ()
    return Layout(
        kind=kind,
        header=(
            draw(st.sampled_from(HEADERS["number"])),
            draw(st.sampled_from(HEADERS["title"])),
            draw(st.sampled_from(HEADERS["term"])),
            draw(st.sampled_from(HEADERS["responsible"])),
        ),
        sections=sections,
        glossary=tuple(draw(st.lists(st.sampled_from(sorted(GLOSSARY)), max_size=3, unique=True))),
        pages=draw(st.integers(1, 3)),
        repeat_header=draw(st.booleans()),
        split_row=draw(st.booleans()),
        appendix=appendix,
        nested=kind in NESTING and draw(st.booleans()),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts())
def test_wild_layouts_import_to_the_plan_they_hold(
    layout: Layout, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = ALL_WRITERS[layout.kind](layout.doc(), tmp_path_factory.mktemp("wild") / f"plan.{layout.kind}")
    result = import_file(path)
    assert len(result.roadmaps) == 1
    plan = result.roadmap
    sections = plan.sections
    expected = [(f"{s}. {heading}", items) for s, (heading, items) in enumerate(layout.sections, start=1)]
    if layout.appendix:
        assert sections[-1].heading.startswith("Приложение 1")
        expected.append((sections[-1].heading, layout.appendix))
    assert [" ".join(s.heading.split()) for s in sections] == [heading for heading, _ in expected]
    for section, (_, items_) in zip(sections, expected, strict=True):
        measures = section.measures
        assert [m.number.raw for m in measures] == [i.number for i in items_]
        titles = [" ".join(m.title.split()) for m in measures]
        if layout.nested and section is sections[0]:
            assert titles[0].startswith(items_[0].title)  # the nested table's text follows, kept
            titles[0] = items_[0].title
        assert titles == [i.title for i in items_]
        assert [" ".join(m.term.raw.split()) for m in measures] == [i.term for i in items_]
        assert [" ".join(m.responsible_raw.split()) for m in measures] == [i.party for i in items_]
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
