"""The document header («шапка»): the issuer, the order, the plan title, the school year, the territory."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import attrs

from gia_roadmap.calendar import SchoolYear
from gia_roadmap.io.importing.grouping import _ORDER_WORD, _PLAN_TITLE
from gia_roadmap.io.metadata import (
    StampOrder,
    exam_school_year,
    is_school_name,
    level_of,
    stamp_order,
)
from gia_roadmap.io.tables import (
    RawParagraph,
)
from gia_roadmap.plan.model import (
    Order,
    PlanLevel,
)
from gia_roadmap.text import DASH_CLASS, MONTH_PATTERN, dash_class, month_of

__all__ = ["parse_document_date"]


def parse_document_date(text: str) -> dt.date | None:
    """The date of an order as officials (and converters) write it, or None.

    Quotes, stray spaces and a year broken in two are tolerated: «От «25» 10.2023 г.»,
    «02.10. 2023», «От « 17 » ноября 20 21 г.», «от 29.12.2022», «30 сентября 2022 года».
    A blank stamp («от «___» _____») gives None.

    >>> parse_document_date("От « 17 » ноября 20 21 г.")
    datetime.date(2021, 11, 17)
    >>> parse_document_date("02.10. 2023")
    datetime.date(2023, 10, 2)
    """
    cleaned = re.sub(r"[«»\"“”'_*]", " ", text)
    cleaned = re.sub(r"(?<=[а-яё] )(1[89]|20)\s(\d{2})\b", r"\1\2", cleaned)  # «ноября 20 21 г.» → 2021
    cleaned = re.sub(r"\s+", " ", cleaned)
    numeric = re.search(r"\b(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})\b", cleaned)
    if numeric is None:
        numeric = re.search(r"\b(\d{1,2})\s+(\d{1,2})\s*\.\s*(\d{4})\b", cleaned)  # «25 10.2023»
    if numeric is not None:
        day, month, year = (int(g) for g in numeric.groups())
        year = year + 2000 if year < 100 else year
        return _safe_date(year, month, day)
    worded = re.search(r"\b(\d{1,2})\s+([А-Яа-яЁё]+)\s+(\d{4})\b", cleaned)
    if worded is not None:
        month_number = month_of(worded.group(2))
        if month_number is not None:
            return _safe_date(int(worded.group(3)), month_number, int(worded.group(1)))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ISSUER_WORD = re.compile(
    r"\b(?:МИНИСТЕРСТВ\w*|УПРАВЛЕНИ\w*|ДЕПАРТАМЕНТ\w*|КОМИТЕТ\w*|АДМИНИСТРАЦИ\w*|ОТДЕЛ\w*|СЛУЖБ\w*)\b"
)
_NUMBER_LINE = re.compile(r"№\s*(?P<number>[0-9A-Za-zА-Яа-яЁё][\w./\-]*)")
_STAMP = re.compile(r"^\s*(?:утвержд\w*|приложени\w*)\b", re.IGNORECASE)
_ORDER_TITLE = re.compile(r"^\s*[«\"*]*(?:Об?|Об?о)\s", re.UNICODE)
_CITED_ORDER = re.compile(
    r"(?:от\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.?\s*)?№\s*(?P<number>[\w./\-]+))", re.IGNORECASE
)
_SCHOOL_YEAR = re.compile(rf"(20\d\d)\s*(?:{dash_class('/')}|\s)\s*(20\d\d)\s*(?:учебн|уч\.)", re.IGNORECASE)
_EXAM_YEAR = re.compile(r"\bв\s+(20\d\d)\s+год", re.IGNORECASE)
_TERRITORY = re.compile(
    r"\b(?:в|на территории)\s+((?:город\w*\s+[А-ЯЁ][\w-]+)"
    r"|(?:[А-ЯЁ][\w-]+\s+(?:кра\w+|област\w+|округ\w*|республик\w+)(?:\s*"
    + DASH_CLASS
    + r"\s*[А-ЯЁ][\w-]+)?)"
    r"|(?:Республик\w+\s+[А-ЯЁ][\w-]+))"
)

_CITY = re.compile(r"\b(город\w*\s+[А-ЯЁ][\w-]+)")


@attrs.frozen
class _Header:
    title: str = ""
    issuer: str = ""
    orders: tuple[Order, ...] = ()
    legal_basis: tuple[Order, ...] = ()
    school_year: SchoolYear | None = None
    territory: str = ""
    level: PlanLevel | None = None
    school_year_how: str = ""
    order_date: dt.date | None = None


def _read_header(paragraphs: Sequence[RawParagraph]) -> _Header:
    texts = [p.text.strip() for p in paragraphs if p.text.strip()]
    # The last order block wins (a cover page may list several orders before the real one).
    order_at = max((i for i, t in enumerate(texts) if _ORDER_WORD.match(t)), default=None)
    if order_at is not None:
        facts = _order_block(texts, order_at)
    else:
        facts = _OrderFacts(issuer=_plain_issuer(texts))
    # An approval stamp naming the order in full («Приложение к приказу управления образования … от
    # 12.09.2025 № 345», possibly over several lines): the act, its issuer, date and number.
    stamp = stamp_order(texts, parse_document_date)
    if stamp is not None:
        facts.fill_from_stamp(stamp, own_kind=order_at is None)
    facts.fill_from_citations(texts)
    title = _plan_title(texts) or facts.title
    orders = (facts.order(),) if facts.number or facts.date is not None or facts.title else ()
    legal = _legal_basis(texts, {(facts.number, facts.date)})
    school_year, school_year_how = _school_year(title, facts.title, texts)
    territory = _territory(title, facts.title)
    level = level_of(facts.issuer, title) or (level_of(stamp.issuer) if stamp is not None else None)
    return _Header(
        title, facts.issuer, orders, legal, school_year, territory, level, school_year_how, facts.date
    )


@attrs.define(kw_only=True)
class _OrderFacts:
    """What the header says of the order that approves the plan, gathered from the order block, an
    approval stamp and cited orders; ``raw_parts``: the lines it was read from."""

    issuer: str = ""
    date: dt.date | None = None
    number: str = ""
    title: str = ""
    kind: str = "приказ"
    raw_parts: list[str] = attrs.Factory(list)

    def fill_from_stamp(self, stamp: StampOrder, *, own_kind: bool) -> None:
        """Fill what the order block lacks from an approval stamp (its kind too when there is no
        order block: ``own_kind``)."""
        if self.date is not None and self.number:
            return
        self.date = self.date or stamp.date
        self.number = self.number or stamp.number
        if own_kind:
            self.kind = stamp.kind
        self.issuer = self.issuer or stamp.issuer
        self.raw_parts.append(stamp.raw)

    def fill_from_citations(self, texts: Sequence[str]) -> None:
        """Fill a missing date or number from short lines citing an order («от 25.10.2023 № 3654»)."""
        for text in texts:
            if self.date is not None and self.number:
                break
            cited = _CITED_ORDER.search(text)
            if cited is not None and len(text) < 80:
                self.date = self.date or parse_document_date(cited.group("date"))
                self.number = self.number or cited.group("number")
                self.raw_parts.append(text)

    def order(self) -> Order:
        return Order(self.issuer, self.number, self.date, self.title, self.kind, " | ".join(self.raw_parts))


def _order_block(texts: Sequence[str], order_at: int) -> _OrderFacts:
    """The order block around «ПРИКАЗ» at ``order_at``: the issuer above it, then its date, number
    and title in the lines below."""
    facts = _OrderFacts(issuer=_order_issuer(texts, order_at))
    for text in texts[order_at + 1 : order_at + 8]:
        if facts.date is None and parse_document_date(text) is not None and len(text) < 60:
            facts.date = parse_document_date(text)
            facts.raw_parts.append(text)
            continue
        match = _NUMBER_LINE.search(text)
        if not facts.number and match is not None and len(text) < 60:
            facts.number = match.group("number").strip(".")
            facts.raw_parts.append(text)
            continue
        if not facts.title and _ORDER_TITLE.match(text):
            facts.title = text
            break
    return facts


def _order_issuer(texts: Sequence[str], order_at: int) -> str:
    """The issuer: the short lines right above «ПРИКАЗ» back to the first one naming a body in
    capitals («МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ» + «АЛТАЙСКОГО КРАЯ»; «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ» +
    «Администрации города Когалыма»)."""
    start = order_at
    for back in range(order_at - 1, max(-1, order_at - 5), -1):
        if len(texts[back]) > 120:
            break
        if _ISSUER_WORD.search(texts[back]) and texts[back].replace("*", "").split()[0].isupper():
            start = back
    return " ".join(texts[start:order_at]).replace("*", "")


def _plain_issuer(texts: Sequence[str]) -> str:
    """The issuer of a header without an order block: the upper-case lines naming a body at its top,
    or else a school's name («МБОУ «СОШ № 5»»)."""
    issuer_lines = []
    for text in texts[:6]:
        if text.isupper() and _ISSUER_WORD.search(text):
            issuer_lines.append(text)
        elif issuer_lines:
            break
    if not issuer_lines:
        issuer_lines = [t for t in texts[:3] if is_school_name(t) and not _PLAN_TITLE.match(t)][:1]
    return " ".join(issuer_lines)


def _legal_basis(texts: Sequence[str], seen: set[tuple[str, dt.date | None]]) -> tuple[Order, ...]:
    """The orders cited in the long lines of the header (not a stamp), each once and none already
    ``seen``: the plan's legal basis."""
    legal = []
    for text in texts:
        if _STAMP.match(text) or len(text) < 80:
            continue
        for cited in _CITED_ORDER.finditer(text):
            cited_date = parse_document_date(cited.group("date"))
            key = (cited.group("number").rstrip("."), cited_date)
            if key in seen:
                continue
            seen.add(key)
            context = text[max(0, cited.start() - 120) : cited.end() + 120]
            legal.append(Order("", key[0], cited_date, "", "", context.strip()))
    return tuple(legal)


def _territory(title: str, order_title: str) -> str:
    """The territory the plan or order title names («в городе Когалыме», «Алтайского края»)."""
    territory_match = (
        _TERRITORY.search(title)
        or _TERRITORY.search(order_title)
        or _CITY.search(title)
        or _CITY.search(order_title)
    )
    return territory_match.group(1) if territory_match else ""


_SENTENCE = re.compile(r":\s*$|\b(?:содержит|составлен\w*|является|утвержден\w*)\b", re.IGNORECASE)


def _plan_title(texts: Sequence[str]) -> str:
    start = None
    for i, text in enumerate(texts):
        if (
            _PLAN_TITLE.match(text)
            and not _STAMP.match(text)
            and len(text) < 400
            and not _SENTENCE.search(text)
        ):
            start = i
    if start is None:
        return ""
    parts = [texts[start]]
    for text in texts[start + 1 : start + 7]:
        first = text.lstrip("*")[:1]
        if first.islower() or first in '(«"':
            parts.append(text)
        else:
            break
    return re.sub(r"\s+", " ", " ".join(parts).replace("*", "")).strip()


def _school_year(title: str, order_title: str, texts: Sequence[str]) -> tuple[SchoolYear | None, str]:
    """The school year the title block names (:func:`gia_roadmap.io.metadata.exam_school_year`): the
    plan title first, then the order title, then any line of the block."""
    for text in (title, order_title, *texts):
        year, how = exam_school_year(text)
        if year is not None:
            return year, how
    return None, ""


#: A date in a deadline cell that names its year: «17.05.2026», «май 2026», «17 мая 2026 года».
_DATED = re.compile(r"\b\d{1,2}\.(\d{1,2})\.(20\d\d)\b")
_MONTH_YEAR = re.compile(rf"(?<![а-яё])({MONTH_PATTERN})(?![а-яё])\s+(20\d\d)\b", re.IGNORECASE)


def _dates_in(texts: Iterable[str]) -> list[tuple[int, int]]:
    """The (year, month) of every date with a year written in the texts."""
    out: list[tuple[int, int]] = []
    for text in texts:
        out.extend((int(y), int(m)) for m, y in _DATED.findall(text) if 1 <= int(m) <= 12)
        for match in _MONTH_YEAR.finditer(text):
            month = month_of(match.group(1).lower())
            if month is not None:
                out.append((int(match.group(2)), month))
    return out
