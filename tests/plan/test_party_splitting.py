"""Splitting a responsible cell into parties, as a property over generated Russian position and
organisation names.

The generator writes parties the way plans do: positions with modifiers («Классные руководители»,
«гл. специалист»), shortened with a dot («Зам. директора»), in a genitive chain, with the grades
they serve («9, 11 классов»), a «по …» attachment («по УВР») and the body they are in; bodies by name
or abbreviation («МБОУ СОШ № 3, 5»); named officials.
It joins them with commas, semicolons, line breaks or «и». Reading the cell must give back exactly
the parties written, in order.

One reading is left out on purpose, because the text itself is ambiguous and the resolver reads it
as one party: a bare position, «и», then a position with a body («руководители и специалисты
МОУО», both of the МОУО). The generator never puts «и» between those two.
"""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.plan import MatchQuality, NameOrder, Person, ResponsibleResolver, Role
from gia_roadmap.text import SHORTENED_WORDS, expand_shortening


@attrs.frozen
class _Party:
    text: str
    kind: str  # "role", "body", "person"
    bare: bool = False  # a position with nothing after its title words


_SINGULAR = ("заместитель", "начальник", "директор", "руководитель", "специалист", "педагог", "учитель",
             "методист", "тьютор", "координатор", "организатор", "эксперт", "председатель", "инспектор",
             "секретарь", "куратор", "педагог-психолог", "педагог-организатор", "консультант")  # fmt: skip
_PLURAL = ("заместители", "руководители", "специалисты", "педагоги", "учителя", "методисты", "тьюторы",
           "координаторы", "организаторы", "эксперты", "члены", "председатели", "наблюдатели",
           "учителя-предметники", "педагоги-психологи", "кураторы", "ассистенты")  # fmt: skip
_MODIFIERS = ("классные", "классный", "социальный", "старший", "ведущий", "главный", "муниципальный",
              "технические", "общественные", "ответственный", "школьный", "гл.", "ст.", "вед.")  # fmt: skip
_DEPUTIES = ("заместитель", "Зам.", "зам.", "заместители", "помощник")
_GENITIVES = ("директора", "руководителя", "начальника", "председателя", "руководителей", "директоров")
_AREAS = ("по УВР", "по ВР", "по учебно-воспитательной работе", "по воспитательной работе", "по вопросам ГИА",
          "по информационной безопасности", "по общему образованию", "по УР")  # fmt: skip
_GRADES = ("9 классов", "9, 11 классов", "9-х классов", "9 и 11 классов", "10-11 классов")
_ABBREVIATED_BODIES = ("ОО", "МОУО", "ППЭ", "ГЭК", "РЦОИ", "ПК", "ИМЦ", "УО", "ОМСУ", "ИРО")
_BODY_OBJECTS = ("отдела образования", "управления образования", "предметных комиссий", "МБОУ СОШ № 3",
                 "школьного методического объединения")  # fmt: skip
_REGIONS = ("Тульской", "Смоленской", "Курганской", "Омской", "Новгородской")
_DISTRICTS = ("Кировского", "Ленинского", "Заречного", "Октябрьского")
_SURNAMES = ("Иванова", "Петров", "Смирнова", "Кузнецов", "Соколова", "Попов", "Лебедева", "Козлов",
             "Новикова", "Морозов", "Волкова-Белова", "Алексеев", "Ёлкина")  # fmt: skip
_INITIALS = "АБВГДЕИКЛМНОПРСТ"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def _positions(draw: st.DrawFn) -> _Party:
    if draw(st.booleans()):
        title = f"{draw(st.sampled_from(_DEPUTIES))} {draw(st.sampled_from(_GENITIVES))}"
        title = title.replace(". ", ".") if draw(st.integers(0, 5)) == 0 and "." in title else title
    else:
        title = draw(st.sampled_from(_SINGULAR + _PLURAL))
        if draw(st.booleans()):
            title = f"{draw(st.sampled_from(_MODIFIERS))} {title}"
    grades = draw(st.sampled_from(("",) * 4 + _GRADES))
    title = f"{title} {grades}" if grades else title
    area = draw(st.sampled_from(("",) * 3 + _AREAS))
    body = draw(st.sampled_from(("",) * 2 + _ABBREVIATED_BODIES + _BODY_OBJECTS))
    if area and body and not body.isupper() and not body.startswith("МБОУ"):
        body = ""  # after «по …» only a body that announces itself (an abbreviation, a legal form)
    words = [w for w in (title, area, body) if w]
    text = " ".join(words)
    if draw(st.booleans()):
        text = _capitalised(text)
    return _Party(text, "role", bare=not area and not body)


_NAMED_BODIES = st.one_of(
    st.sampled_from(_ABBREVIATED_BODIES),
    st.builds("Министерство образования {} области".format, st.sampled_from(_REGIONS)),
    st.builds("Отдел образования администрации {} района".format, st.sampled_from(_DISTRICTS)),
    st.builds("Управление образования администрации {} района".format, st.sampled_from(_DISTRICTS)),
    st.builds("Комитет по образованию {} области".format, st.sampled_from(_REGIONS)),
    st.builds("МБОУ СОШ № {}".format, st.integers(1, 60)),
    st.builds("МБОУ СОШ № {}, {}".format, st.integers(1, 30), st.integers(31, 60)),
).map(lambda text: _Party(text, "body"))


@st.composite
def _persons(draw: st.DrawFn, order: NameOrder) -> _Party:
    surname = draw(st.sampled_from(_SURNAMES))
    letters = draw(st.lists(st.sampled_from(_INITIALS), min_size=1, max_size=2))
    initials = "".join(f"{letter}." for letter in letters)
    text = f"{surname} {initials}" if order is NameOrder.SURNAME_FIRST else f"{initials} {surname}"
    return _Party(text, "person")


def _joinable(left: _Party, right: _Party) -> bool:
    """Whether «и» may join two parties without an ambiguous reading (see the module docstring)."""
    if left.kind == "role" and left.bare:
        return right.kind != "role" or right.bare
    if left.kind == "role":
        # «руководители ОО и МОУО» is one position in two bodies; a named body stands apart.
        return right.kind != "body" or (right.text[:1].isupper() and not right.text.isupper())
    return True


@st.composite
def _cells(draw: st.DrawFn) -> tuple[NameOrder, str, list[_Party]]:
    order = draw(st.sampled_from((NameOrder.SURNAME_FIRST, NameOrder.INITIALS_FIRST)))
    parties = draw(st.lists(st.one_of(_positions(), _NAMED_BODIES, _persons(order)), min_size=1, max_size=5))
    cell = parties[0].text
    for left, right in itertools.pairwise(parties):
        joiners = [", ", "; ", "\n", ",\n"]
        if _joinable(left, right):
            joiners.append(" и ")
        cell += draw(st.sampled_from(joiners)) + right.text
    return order, cell, parties


@given(_cells())
def test_generated_parties_are_split_back_exactly(case: tuple[NameOrder, str, list[_Party]]) -> None:
    order, cell, parties = case
    read = ResponsibleResolver(name_order=order).resolve(cell)
    assert [r.raw for r in read] == [p.text for p in parties]
    for responsible, party in zip(read, parties, strict=True):
        if party.kind == "role":
            assert isinstance(responsible.party, Role), responsible
        elif party.kind == "person":
            assert isinstance(responsible.party, Person), responsible
        else:
            assert responsible.quality is not MatchQuality.UNRESOLVED, responsible


@pytest.mark.parametrize(
    ("cell", "title", "of"),
    [
        ("Зам. директора по УВР", "Зам. директора по УВР", ""),
        ("Зам.директора по УВР МБОУ СОШ № 1", "Зам.директора по УВР", "МБОУ СОШ № 1"),
        ("Классные руководители", "Классные руководители", ""),
        ("гл. специалист отдела образования", "гл. специалист", "отдела образования"),
        ("Ответственный организатор ППЭ", "Ответственный организатор", "ППЭ"),
        ("классные руководители 9, 11 классов", "классные руководители 9, 11 классов", ""),
        ("учителя 9-х классов ОО", "учителя 9-х классов", "ОО"),
        ("старшие и ведущие специалисты", "старшие и ведущие специалисты", ""),
        ("председатели и заместители председателей ПК", "председатели и заместители председателей", "ПК"),
    ],
)
def test_one_position_is_one_role(cell: str, title: str, of: str) -> None:
    (party,) = ResponsibleResolver().resolve(cell)
    assert isinstance(party.party, Role)
    assert (party.party.title, party.party.of) == (title, of)


def test_a_shortened_word_ends_no_sentence() -> None:
    # «Зам. Директора»: the dot of a shortening, even before a capital, is inside the party.
    assert [r.raw for r in ResponsibleResolver().resolve("Зам. Директора по ВР. Руководители ОО")] == [
        "Зам. Директора по ВР",
        "Руководители ОО",
    ]


def test_the_vocabulary_reads_only_shortenings_with_their_dot() -> None:
    assert all(expand_shortening(f"{short}.") == full for short, full in SHORTENED_WORDS.items())
    assert all(expand_shortening(short) is None for short in SHORTENED_WORDS)
    assert expand_shortening("УВР.") is None  # an abbreviation in capitals is no shortening
