"""The reader of references to another document's items and of order citations: examples of each
production, and a generator that combines markers, number lists and cited documents freely."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.plan import PlanLevel
from gia_roadmap.plan.cascade import CitedKind, read_item_references, read_order_citations
from gia_roadmap.text import month_name
from gia_roadmap.text.cases import Case


@pytest.mark.parametrize(
    ("text", "numbers", "kind", "level"),
    [
        ("согласно пп. 2.1–2.3 и 2.5 регионального плана", ("2.1", "2.2", "2.3", "2.5"), CitedKind.PLAN,
         PlanLevel.REGIONAL),
        ("(п.п. 1.1, 1.2 дорожной карты Министерства образования Оренбургской области)", ("1.1", "1.2"),
         CitedKind.PLAN, PlanLevel.REGIONAL),
        ("пунктами 3.1 – 3.3 плана мероприятий («дорожной карты») Министерства", ("3.1", "3.2", "3.3"),
         CitedKind.PLAN, PlanLevel.REGIONAL),
        ("подпункт 2.4.1 муниципального плана", ("2.4.1",), CitedKind.PLAN, PlanLevel.MUNICIPAL),
        ("п.2.3. регионального комплекса мер", ("2.3",), CitedKind.PLAN, PlanLevel.REGIONAL),
        ("пункт 5 настоящего плана", ("5",), CitedKind.OWN, None),
        ("в соответствии с п. 3 данного приказа", ("3",), CitedKind.OWN, None),
        ("п. 41 Порядка проведения ГИА-11", ("41",), CitedKind.OTHER, None),
        ("пункта 7 статьи 59 Федерального закона", ("7",), CitedKind.OTHER, None),
        ("см. п. 2.3", ("2.3",), CitedKind.UNSTATED, None),
        ("п. 1.2 приказа", ("1.2",), CitedKind.ORDER, None),
    ],
)  # fmt: skip
def test_references(text: str, numbers: tuple[str, ...], kind: CitedKind, level: PlanLevel | None) -> None:
    (reference,) = read_item_references(text)
    assert reference.numbers == numbers
    assert reference.document.kind is kind
    assert reference.document.level is level
    assert text[reference.start : reference.end].strip() == reference.raw


def test_an_order_with_its_issuer_date_and_number() -> None:
    text = (
        "п. 3 приложения № 1 к приказу Министерства образования и науки Алтайского края № 345 от "
        "12 сентября 2025 г. «Об утверждении плана»"
    )
    (reference,) = read_item_references(text)
    document = reference.document
    assert document.kind is CitedKind.ORDER
    assert document.issuer == "Министерства образования и науки Алтайского края"
    assert document.level is PlanLevel.REGIONAL
    assert (document.date, document.number) == (dt.date(2025, 9, 12), "345")


def test_no_reference_without_a_number() -> None:
    assert read_item_references("пункт проведения экзаменов; пункты рассмотрения апелляций") == ()
    assert read_item_references("ППЭ № 5, п. Излучинск") == ()


def test_a_range_across_items_keeps_its_ends() -> None:
    (reference,) = read_item_references("пп. 2.9–3.1 регионального плана")
    assert reference.numbers == ("2.9", "3.1")


def test_order_citations() -> None:
    text = (
        "На основании приказа Департамента образования и молодежной политики Ханты-Мансийского "
        "автономного округа – Югры от 29.10.2021 №10-П-1485 «Об утверждении плана», распоряжения "
        "администрации от «5» марта 2022 г. № 17-р и приказом Департамента (без реквизитов)"
    )
    first, second = read_order_citations(text)
    assert first.kind == "приказ"
    assert first.issuer.startswith("Департамента образования и молодежной политики")
    assert (first.date, first.number) == (dt.date(2021, 10, 29), "10-П-1485")
    assert second.kind == "распоряжение"
    assert (second.date, second.number) == (dt.date(2022, 3, 5), "17-р")


def test_an_impossible_date_is_no_date() -> None:
    (citation,) = read_order_citations("приказ от 31.02.2021 № 5")
    assert citation.date is None
    assert citation.number == "5"


# --------------------------------------------------------------------------------------------
# Generated references: every marker × number list × document production
# --------------------------------------------------------------------------------------------

MARKERS = ("п.", "п. ", "пп.", "п.п.", "пункт", "пункта", "пунктом", "пунктами", "пункты", "подпункт",
           "Пункт", "П.")  # fmt: skip
SEPARATORS = (", ", ",", "; ", " и ", " или ")
DASHES = ("–", "-", " – ", "—")
PLAN_WORDS = (
    ("плана", None), ("регионального плана", PlanLevel.REGIONAL),
    ("муниципального плана", PlanLevel.MUNICIPAL),
    ("дорожной карты", None), ("региональной дорожной карты", PlanLevel.REGIONAL),
    ("плана мероприятий («дорожной карты»)", None), ("окружного плана мероприятий", PlanLevel.REGIONAL),
    ("областной дорожной карты", PlanLevel.REGIONAL), ("комплекса мер", None),
)  # fmt: skip
ISSUERS = (
    ("Департамента", None), ("Министерства образования Энской области", PlanLevel.REGIONAL),
    ("управления образования администрации города Энска", PlanLevel.MUNICIPAL),
    ("Комитета по образованию", None),
)  # fmt: skip
OTHER_WORDS = ("Порядка проведения ГИА-11", "Положения о ГЭК", "статьи 59", "закона", "письма Рособрнадзора")
OWN_WORDS = ("настоящего плана", "данного приказа", "настоящей дорожной карты")


@st.composite
def item_numbers(draw: st.DrawFn) -> tuple[int, ...]:
    depth = draw(st.integers(1, 3))
    return tuple(draw(st.integers(1, 40)) for _ in range(depth))


def _text(parts: tuple[int, ...], dot: bool) -> str:
    return ".".join(map(str, parts)) + ("." if dot else "")


@st.composite
def number_lists(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    """A list of item numbers as written and the canonical numbers it means."""
    first = draw(item_numbers())
    written = [_text(first, draw(st.booleans()))]
    meant = [".".join(map(str, first))]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()) and meant:
            last = tuple(int(p) for p in meant[-1].split("."))
            end = (*last[:-1], last[-1] + draw(st.integers(1, 5)))
            written.append(draw(st.sampled_from(DASHES)) + _text(end, False))
            meant.extend(".".join(map(str, (*last[:-1], n))) for n in range(last[-1] + 1, end[-1] + 1))
        else:
            following = draw(item_numbers())
            written.append(draw(st.sampled_from(SEPARATORS)) + _text(following, draw(st.booleans())))
            meant.append(".".join(map(str, following)))
    return "".join(written), tuple(dict.fromkeys(meant))


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, dt.date]:
    day = draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
    if draw(st.booleans()):
        return day.strftime("%d.%m.%Y"), day
    return f"{day.day} {month_name(day.month, Case.GENITIVE)} {day.year} г.", day


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, CitedKind, PlanLevel | None, dt.date | None, str]:
    """A cited document as written, with its kind, level, date and number."""
    kind = draw(st.sampled_from(list(CitedKind)))
    if kind is CitedKind.UNSTATED:
        return "", kind, None, None, ""
    if kind is CitedKind.OTHER:
        return draw(st.sampled_from(OTHER_WORDS)), kind, None, None, ""
    if kind is CitedKind.OWN:
        return draw(st.sampled_from(OWN_WORDS)), kind, None, None, ""
    if kind is CitedKind.PLAN:
        words, level = draw(st.sampled_from(PLAN_WORDS))
    else:
        words, level = draw(st.sampled_from(("приказа", "распоряжения", "постановления"))), None
    issuer, issuer_level = draw(st.sampled_from((("", None), *ISSUERS)))
    if issuer:
        words += " " + issuer
        level = level or issuer_level
    date: dt.date | None = None
    number = ""
    if draw(st.booleans()):
        text, date = draw(dates())
        words += f" от {text}"
    if draw(st.booleans()):
        number = draw(st.from_regex(r"[1-9]\d{0,3}(?:-[А-ЯA-Z]{1,2}-\d{1,4}|/\d{2,3}|-од)?", fullmatch=True))
        words += f" № {number}"
    return words, kind, level, date, number


@given(st.sampled_from(("", "в соответствии с ", "согласно ", "(")), st.sampled_from(MARKERS), number_lists(),
       documents(), st.sampled_from(("", ";", ")", ", в части касающейся", ". Далее")))  # fmt: skip
def test_generated_references(
    lead: str,
    marker: str,
    numbers: tuple[str, tuple[str, ...]],
    document: tuple[str, CitedKind, PlanLevel | None, dt.date | None, str],
    tail: str,
) -> None:
    written, meant = numbers
    words, kind, level, date, number = document
    text = f"{lead}{marker} {written} {words}{tail}".replace("  ", " ")
    references = read_item_references(text)
    assert len(references) == 1, text
    (reference,) = references
    assert reference.numbers == meant, text
    assert reference.document.kind is kind, text
    if kind in (CitedKind.ORDER, CitedKind.PLAN):
        assert reference.document.level is level, text
        assert reference.document.date == date, text
        assert reference.document.number == number, text
