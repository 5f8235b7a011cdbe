"""Document metadata read from a roadmap's title block: the school year, the approving order named in
an approval stamp, and the plan's level.

These are general rules about how Russian official plans name themselves, not look-ups:

* **School year** («учебный год»), from every usual title form. A pair of consecutive years is the
  school year they span: «на 2025/2026 учебный год», «2025-2026 уч. год», «сроки 2025/2026»,
  «2025/26». One year named as the year of the exams is the school year that ends in it: «в 2026
  году», «ГИА-2026», «ЕГЭ-2026», «ОГЭ–2026», «на 2026 год» → ``SchoolYear(2025)``. When the title
  block names none, the year is inferred from the dates the plan's deadlines write (the school year
  most of them fall in), and the importer says so.
* **Approving order**: «Приложение № 1 к приказу управления образования администрации города Энска
  от 12.09.2025 № 345», «УТВЕРЖДЕН приказом Министерства образования … от «15» сентября 2025 г.
  № 1234» — the kind of act, the issuer (the words between the act and «от»), the date and the number,
  also when the stamp is broken over several lines.
* **Level** («уровень»): from the issuer, a school (МБОУ, СОШ, гимназия, лицей, «школа № 5»), then a
  municipality (администрация города или района, городской округ, муниципальный), then a region
  (министерство, департамент, комитет; область, край, республика); from the title, only a school or
  a municipality (a title names the region the exams are held in, as a city's plan does too).

>>> exam_school_year("План мероприятий по подготовке к ГИА-2026")
(SchoolYear(start_year=2025), 'the exams of 2026 («ГИА-2026»)')
>>> exam_school_year("Дорожная карта на 2025-2026 уч. год")[0]
SchoolYear(start_year=2025)
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from collections.abc import Iterable, Sequence

import attrs

from gia_roadmap.calendar import SchoolYear
from gia_roadmap.plan.model import PlanLevel
from gia_roadmap.text import DASH_CLASS, dash_class

__all__ = ["StampOrder", "exam_school_year", "level_of", "school_year_of_dates", "stamp_order"]

#: A pair of consecutive years: «2025/2026», «2025 – 2026», «2025-26», «2025/26».
_PAIR = re.compile(rf"(?<!\d)(20\d\d)\s*(?:{dash_class('/')}|\s)\s*(20\d\d|\d\d)(?!\d)")
#: The year of the exams: «ГИА-2026», «ЕГЭ 2026», «ОГЭ–2026», «ГИА-9 и ГИА-11 – 2026».
_EXAM_YEAR = re.compile(
    rf"\b(?:ГИА|ЕГЭ|ОГЭ|ГВЭ)(?:\s*{DASH_CLASS}?\s*(?:9|11)\b)?\s*{DASH_CLASS}?\s*(20\d\d)(?!\d)"
)
#: «в 2026 году», «в 2026 г.», «на 2026 год».
_IN_YEAR = re.compile(r"\b(?:в|на)\s+(20\d\d)\s*(?:год\w*|г\.?(?!\w))", re.IGNORECASE)


def exam_school_year(text: str) -> tuple[SchoolYear | None, str]:
    """The school year a title names, and how it was read (see the module rules); (None, "") if none."""
    for match in _PAIR.finditer(text):
        first = int(match.group(1))
        second_text = match.group(2)
        second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
        if second == first + 1:
            return SchoolYear(first), f"the school year «{match.group(0).strip()}»"
    for pattern in (_EXAM_YEAR, _IN_YEAR):
        found = pattern.search(text)
        if found is not None:
            year = int(found.group(1))
            return SchoolYear(year - 1), f"the exams of {year} («{found.group(0).strip()}»)"
    return None, ""


def school_year_of_dates(dates: Iterable[tuple[int, int]]) -> SchoolYear | None:
    """The school year most of the (year, month) dates fall in, or None without dates.

    A tie goes to the later year (a plan runs up to the exams, and notes the past year's results).
    """
    counts = collections.Counter(year if month >= 9 else year - 1 for year, month in dates)
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], item[0]))
    return SchoolYear(best[0])


@attrs.frozen
class StampOrder:
    """An order named in an approval stamp («Приложение к приказу … от … № …»).

    Attributes:
        kind: the act as written, in the nominative («приказ», «постановление», «распоряжение»).
        issuer: the issuer as written after the act («управления образования администрации …»).
        date: the date, when readable.
        number: the number as written («345», «01-12/1234»).
        raw: the stamp text the order was read from.
    """

    kind: str
    issuer: str
    date: dt.date | None
    number: str
    raw: str


_ACTS = {"приказ": "приказ", "постановлени": "постановление", "распоряжени": "распоряжение"}
_STAMP = re.compile(
    r"(?:приложени\w*(?:\s*№\s*\d+)?\s*(?:к\s+)?|утвержд\w*\s+|к\s+)"
    r"(?P<act>приказ|постановлени|распоряжени)\w*\s*"
    r"(?P<issuer>.*?)\s*\bот\s+(?P<date>.{4,40}?)\s*(?:г\.|года?)?\s*№\s*(?P<number>[0-9A-Za-zА-Яа-яЁё][\w./\-]*)",
    re.IGNORECASE | re.DOTALL,
)
_STAMP_START = re.compile(r"^\s*(?:приложени|утвержд|к\s+(?:приказ|постановлени|распоряжени))", re.IGNORECASE)


def stamp_order(texts: Sequence[str], parse_date: object) -> StampOrder | None:
    """The order an approval stamp names, read from the title block's lines, or None.

    A stamp broken over several short lines («Приложение», «к приказу управления образования», «от
    12.09.2025 № 345») is joined before it is read. ``parse_date`` reads the date as written
    (:func:`gia_roadmap.io.importing.parse_document_date`).
    """
    for index, text in enumerate(texts):
        if not _STAMP_START.match(text):
            continue
        joined = " ".join(t.strip() for t in texts[index : index + 6] if len(t) < 300)
        match = _STAMP.search(joined)
        if match is None:
            continue
        act = match.group("act").lower()
        kind = next(value for key, value in _ACTS.items() if act.startswith(key))
        issuer = re.sub(r"\s+", " ", match.group("issuer")).strip(' ,«»"')
        date = parse_date(match.group("date")) if callable(parse_date) else None
        number = match.group("number").rstrip(".,;")
        raw = joined[: match.end()].strip()
        return StampOrder(kind, issuer, date if isinstance(date, dt.date) else None, number, raw)
    return None


#: A school named as such: its legal form, its kind, or «школа № 5».
_SCHOOL = re.compile(
    r"(?:\b(?:МБОУ|МАОУ|МКОУ|МОУ|ГБОУ|ГАОУ|ГКОУ|ЧОУ|АНОО|СОШ|ООШ|НОШ)\b|\bгимнази\w*|\bлице[йяюе]\w*|"
    r"\bшкол\w*\s*(?:№|имени|им\.)|средн\w+\s+(?:общеобразовательн\w+\s+)?школ)",
    re.IGNORECASE,
)
#: A municipality beyond doubt: its administration, a city or district, a municipal formation.
_MUNICIPAL = re.compile(
    r"администраци\w*\s+(?:город|район|муниципальн|городск|сельск|[А-ЯЁ])|городск\w*\s+округ|"
    r"муниципальн\w*\s+(?:район|округ|образовани)|\bрайон\w*|\bгород\w*\s+[А-ЯЁ]|\bг\.\s*[А-ЯЁ]",
    re.IGNORECASE,
)
_REGIONAL = re.compile(
    r"министерств|област|\bкра[яйюе]\b|республик|автономн\w+\s+округ|региональн|субъект|департамент|комитет",
    re.IGNORECASE,
)
#: An education office without a territory: a municipal body in practice («управление образования»).
_MUNICIPAL_OFFICE = re.compile(r"управлени\w*\s+образовани|отдел\w*\s+образовани|\bМОУО\b|\bУО\b", re.I)
_FEDERAL = re.compile(
    r"российской\s+федерации|рособрнадзор|минпросвещения|федеральн\w+\s+служб", re.IGNORECASE
)


def level_of(issuer: str, title: str = "") -> PlanLevel | None:
    """The level of a plan from its issuer, then its title (see the module rules), or None.

    >>> level_of("МБОУ «СОШ № 5» г. Энска")
    <PlanLevel.SCHOOL: 'school'>
    >>> level_of("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА ЭНСКА")
    <PlanLevel.MUNICIPAL: 'municipal'>
    >>> level_of("Министерство образования Энской области")
    <PlanLevel.REGIONAL: 'regional'>
    """
    if issuer.strip():
        if _SCHOOL.search(issuer):
            return PlanLevel.SCHOOL
        if _FEDERAL.search(issuer) and not _REGIONAL.search(
            re.sub(r"российской\s+федерации", "", issuer, flags=re.I)
        ):
            return PlanLevel.FEDERAL
        for pattern, level in (
            (_MUNICIPAL, PlanLevel.MUNICIPAL),
            (_REGIONAL, PlanLevel.REGIONAL),
            (_MUNICIPAL_OFFICE, PlanLevel.MUNICIPAL),
        ):
            if pattern.search(issuer):
                return level
    # A title names the territory the exams are held in («в Кемеровской области»), which a city's
    # plan names too: only a school or a municipality named in it tells the level.
    if _SCHOOL.search(title):
        return PlanLevel.SCHOOL
    if _MUNICIPAL.search(title):
        return PlanLevel.MUNICIPAL
    return None


def is_school_name(text: str) -> bool:
    """True for a short line naming a school («МБОУ «СОШ № 5»», «Гимназия № 2 г. Энска»)."""
    return len(text) < 200 and _SCHOOL.search(text) is not None
