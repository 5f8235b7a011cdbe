"""Column headers: which role a header names, by synonyms and word stems, and which rows are headers.

Officials title the same column in many ways: «Сроки», «Сроки реализации», «Срок исполнения»,
«Дата проведения»; «Ответственные», «Ответственный исполнитель», «Ответственные исполнители»,
«Исполнители». The rules below look at word stems, so unseen variants («Срок выполнения»,
«Ответственное лицо») are recognised too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gia_roadmap.io.cells import clean_text, is_number, looks_like_term
from gia_roadmap.io.tables import ColumnRole

__all__ = ["header_key", "is_header_row", "role_of_header"]

_PUNCT = re.compile(r"[^\w№/\\ ]+")


def header_key(text: str) -> str:
    """A header normalised for comparison: markup removed, lower case, «ё» → «е», punctuation and
    extra spaces removed («№ п\\п» and «№ п/п» compare equal)."""
    paragraphs, _ = clean_text(text)
    low = " ".join(paragraphs).lower().replace("ё", "е").replace("\\", "/")
    low = _PUNCT.sub(" ", low)
    return " ".join(low.split())


# Ordered: the first rule that matches wins. Each rule is (role, regular expression on header_key).
_RULES: tuple[tuple[ColumnRole, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        (ColumnRole.REFERENCE_NUMBER, r"^(?:№|n|номер|пункт)\s*(?:п/п\s*)?по\s|^№ в\s|^номер пункта"),
        (ColumnRole.NUMBER, r"^(?:№|n|no|номер|нпп)(?:\s*п/?п)?$|^п/п$|^№\s*(?:пункта|мероприятия)$"),
        (ColumnRole.ABBREVIATION, r"^(?:сокращени|аббревиатур|условн\w* обозначени|обозначени)"),
        (ColumnRole.EXPANSION, r"^(?:расшифровк|полное (?:наименование|название)|значени|определени)"),
        (ColumnRole.LEVEL_ACTION, r"\bуров(?:ень|ня)\b"),
        (ColumnRole.ACTION, r"^действи"),
        (ColumnRole.TERM, r"\bсрок|\bдата\b|\bдаты\b|\bпериод (?:исполнения|проведения|реализации)|^когда"),
        (
            ColumnRole.RESPONSIBLE,
            r"\bответственн|\bисполнител|\bкто проводит|\bкуратор",
        ),
        (ColumnRole.EVIDENCE, r"подтверждающ|\bдокумент|\bформа (?:отчет|завершени|контрол)"),
        (ColumnRole.RESULT, r"результат|\bрешени|\bэффект|\bпоказател"),
        (ColumnRole.CATEGORY, r"^категори"),
        (ColumnRole.PROBLEM, r"^проблем|^направлени\w* деятельности|^трек"),
        (ColumnRole.SPECIFICS, r"специфик|^описани"),
        (ColumnRole.PARTICIPANTS, r"^участник|^целев\w* (?:групп|аудитори)|^для кого"),
        (ColumnRole.TITLE, r"мероприят|^наименовани|\bмеры\b|^содержани|^направлени|^задач|^вид работ"),
    )
)


def role_of_header(text: str) -> ColumnRole:
    """The role a header names («Сроки реализации» → TERM); :attr:`ColumnRole.OTHER` when unknown.

    A blank header is OTHER here; the table builder decides from the column's values whether a blank
    first header is the «№» column.
    """
    key = header_key(text)
    if not key:
        return ColumnRole.OTHER
    for role, pattern in _RULES:
        if pattern.search(key):
            return role
    return ColumnRole.OTHER


def is_header_row(texts: Sequence[str]) -> bool:
    """True when the cells look like a header row of a plan or glossary table.

    At least two cells must name known roles, one of them a title, deadline, responsible party or
    glossary role; every non-blank cell must be short (headers are labels, not sentences).
    """
    non_blank = [t for t in texts if t.strip()]
    if len(non_blank) < 2:
        return False
    if any(len(header_key(t)) > 160 for t in non_blank):
        return False
    # Headers are labels: never a number, a date or a deadline.
    roles = [role_of_header(t) for t in non_blank]
    if any(
        is_number(t) or (looks_like_term(t) and r is ColumnRole.OTHER)
        for t, r in zip(non_blank, roles, strict=True)
    ):
        return False
    known = [r for r in roles if r is not ColumnRole.OTHER]
    if len(known) < 2 or len(known) < 0.6 * len(non_blank):
        return False
    anchors = {ColumnRole.TITLE, ColumnRole.TERM, ColumnRole.RESPONSIBLE, ColumnRole.ABBREVIATION}
    if not anchors.intersection(known):
        return False
    # Data rows may mention «сроки» or «ответственных» in passing; a header has few long cells.
    long_cells = sum(1 for t in non_blank if len(header_key(t).split()) > 12)
    return long_cells <= 1
