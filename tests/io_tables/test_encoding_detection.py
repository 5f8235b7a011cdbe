"""Encoding detection is a rule about Russian text, not about one file: any plan-like text of enough
letters saved in Windows-1251, KOI8-R or CP866 reads back as written, with no doubt raised."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.io.encodings import decode_bytes

_WORDS = (
    "совещание",
    "руководители",
    "общеобразовательных",
    "организаций",
    "информирование",
    "выпускников",
    "родителей",
    "порядке",
    "проведения",
    "экзаменов",
    "подготовка",
    "обучение",
    "организаторов",
    "пункта",
    "проведения",
    "экзамена",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
    "года",
    "в",
    "течение",
    "учебного",
    "до",
    "не",
    "позднее",
    "за",
    "дней",
    "ежемесячно",
    "по",
    "мере",
    "необходимости",
    "мониторинг",
    "итоговое",
    "сочинение",
    "собеседование",
    "методические",
    "рекомендации",
    "анализ",
    "результатов",
    "заседание",
    "педагогического",
    "совета",
)
_NAMES = (
    "Министерство",
    "Управление",
    "Отдел",
    "Школа",
    "Директор",
    "Заместитель",
    "Ответственные",
    "Мероприятия",
    "Сроки",
    "Региональный",
    "Центр",
    "Организация",
    "Примечание",
)
_ABBREVIATIONS = ("ГИА", "ОГЭ", "ЕГЭ", "ГВЭ", "ППЭ", "РЦОИ", "ОО", "МОУО", "ФИПИ")


def _sentence(words: list[str], name: str, abbreviation: str, number: int) -> str:
    return f"{number}. {name} {' '.join(words)} ({abbreviation}-{9 + number % 3 * 2})"


sentences = st.builds(
    _sentence,
    st.lists(st.sampled_from(_WORDS), min_size=4, max_size=12),
    st.sampled_from(_NAMES),
    st.sampled_from(_ABBREVIATIONS),
    st.integers(1, 99),
)
texts = st.lists(sentences, min_size=3, max_size=8).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(texts, st.sampled_from(["cp1251", "koi8_r", "cp866"]))
def test_a_russian_text_in_a_one_byte_code_page_reads_back_as_written(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.how) == (text, encoding, "detected")
    assert not decoded.uncertain, decoded.rivals
