"""Canonical section kinds read from headings («5. Организационное сопровождение ГИА» → ORGANISATIONAL).

Stem rules on the normalised heading, first match wins; analysis first because «Анализ …
мер по повышению качества» is analysis. Headings nothing matches are :attr:`SectionKind.OTHER`
(the raw heading is always kept beside the kind).
"""

from __future__ import annotations

import re

from gia_roadmap.plan.model import SectionKind
from gia_roadmap.text import normalize

__all__ = ["classify_section"]

_RULES: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            SectionKind.ANALYSIS,
            r"^(?:\d[\d.]*\s*)?анализ|мониторинг образовательных результатов|статистическ",
        ),
        (SectionKind.PSYCHOLOGICAL_SUPPORT, r"психологическ"),
        (SectionKind.CONTROL, r"контрол\w* за|контрольн\w* деятельност"),
        (SectionKind.FINANCIAL, r"финансов"),
        (SectionKind.LEGAL, r"правов\w* (?:и [\w-]+ )?обеспечени|нормативн"),
        (
            SectionKind.STAFF_TRAINING,
            r"обучени\w* лиц|подготовк\w* специалистов|привлекаемых к (?:организации )?проведению",
        ),
        (
            SectionKind.METHODICAL_SUPPORT,
            r"методическ|повышени\w* квалификаци|трансляци\w* эффективн|работа с педагогами",
        ),
        (SectionKind.ORGANISATIONAL, r"организационн"),
        (SectionKind.INFORMATION, r"информационн|работа с родител|информирован"),
        (
            SectionKind.QUALITY_OBJECTIVITY,
            r"объективност|качеств\w* (?:образовани|реализаци)|повышению качества"
            r"|работа с обучающимися|оценк",
        ),
    )
)


def classify_section(heading: str) -> SectionKind:
    """The canonical kind of a section heading.

    >>> classify_section("6. Контроль за организацией и проведением ГИА")
    <SectionKind.CONTROL: 'control'>
    """
    low = normalize(heading)
    for kind, pattern in _RULES:
        if pattern.search(low):
            return kind
    return SectionKind.OTHER
