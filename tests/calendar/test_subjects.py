"""Recognising the subjects of the Russian Federation in the text plans use, in every grammatical case."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar import federal_subject, federal_subjects, find_federal_subjects
from gia_roadmap.errors import InvalidValueError

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@pytest.fixture(scope="module")
def morph() -> object:
    pymorphy3 = pytest.importorskip("pymorphy3")
    return pymorphy3.MorphAnalyzer()


def _inflect(morph: object, name: str, case: str) -> str:
    """``name`` with every noun and adjective put in ``case`` (an independent oracle: a morphological
    dictionary, not the recogniser's rule)."""

    def word(text: str) -> str:
        if "-" in text:
            head, _, tail = text.rpartition("-")
            return f"{head}-{word(tail)}"
        parses = [p for p in morph.parse(text) if p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur"]  # type: ignore[attr-defined]
        form = parses[0].inflect({case}) if parses else None
        if form is None:
            return text
        inflected = str(form.word)
        return inflected[:1].upper() + inflected[1:] if text[:1].isupper() else inflected

    return "".join(word(part) if re.match(r"\w", part) else part for part in re.split(r"(\s+|[()–])", name))


@pytest.mark.parametrize("case", CASES)
def test_every_subject_in_every_case(morph: object, case: str) -> None:
    for subject in federal_subjects():
        for name in subject.names:
            text = _inflect(morph, name, case)
            found = find_federal_subjects(f"Министерство образования и науки {text}")
            assert [s.code for s in found] == [subject.code], (name, case, text)


@given(
    st.sampled_from(federal_subjects()),
    st.sampled_from(
        ["Министерство образования", "Департамент образования и науки", "Управление образования"]
    ),
    st.sampled_from(["", " (приказ от 12.09.2023 № 1234)", ", г. Энск"]),
    st.booleans(),
)
def test_the_issuer_names_its_subject_whatever_the_letter_case(
    subject: object, body: str, tail: str, upper: bool
) -> None:
    text = f"{body} {subject.name}{tail}"  # type: ignore[attr-defined]
    if upper:
        text = text.upper()
    assert [s.code for s in find_federal_subjects(text)] == [subject.code]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Министерство образования и науки Республики Татарстан", ["RU-TA"]),
        ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА", ["RU-KEM"]),
        ("Кемеровской области - Кузбассе", ["RU-KEM"]),
        ("Департамент образования Ханты-Мансийского автономного округа — Югры", ["RU-KHM"]),
        ("Министерство образования и науки Республики Саха (Якутия)", ["RU-SA"]),
        ("Министерство образования Республики Алтай", ["RU-AL"]),
        ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ АЛТАЙСКОГО КРАЯ", ["RU-ALT"]),
        ("Департамент образования города Москвы", ["RU-MOW"]),
        ("Министерство образования Московской области", ["RU-MOS"]),
        ("Министерство образования Pеспублики Тaтарстан", ["RU-TA"]),  # Latin look-alikes
        ("в Татарстане и Башкортостане", ["RU-TA", "RU-BA"]),
        # no subject: a city, a municipal district, an adjective of a name
        ("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ Администрации города Когалыма", []),
        ("Управление образования администрации Юргинского городского округа", []),
        ("ГБУ ДПО «Дагестанский институт развития образования»", []),
        ("Министерство просвещения Российской Федерации", []),
        ("", []),
    ],
)
def test_known_texts(text: str, codes: list[str]) -> None:
    assert [s.code for s in find_federal_subjects(text)] == codes


def test_codes() -> None:
    assert federal_subject("ru-ta").name == "Республика Татарстан"
    assert federal_subject("TA").code == "RU-TA"
    with pytest.raises(InvalidValueError, match="RU-TAT"):
        federal_subject("RU-TAT")
    with pytest.raises(InvalidValueError):
        federal_subject(None)  # type: ignore[arg-type]
