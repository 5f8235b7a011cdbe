"""Exam scopes (ГИА-9, ЕГЭ, итоговое сочинение, ВПР …) and exam periods (досрочный, основной …).

A measure often concerns only some exams: 001's «Проведение ГИА-11» block, 003's courses for
experts of ГИА-9. :class:`ExamScope` names them; :func:`detect_exam_scopes` finds them in text
(«ГИА- 9», «ГИА–11», «КЕГЭ», «ОГЭ -2022» included). :class:`ExamPeriod` names the periods of the
exam campaign; :func:`detect_exam_periods` finds them («дополнительный (сентябрьский) период»,
«сентябрьские сроки», «досрочный этап», «резервные дни»).
"""

from __future__ import annotations

import enum
import re

from gia_roadmap.calendar.terms import ExamStage
from gia_roadmap.text import month_adjective_pattern, normalize

__all__ = ["ExamPeriod", "ExamScope", "detect_exam_periods", "detect_exam_scopes"]


class ExamScope(enum.Enum):
    """An exam or assessment procedure a measure concerns («ГИА-9», «ЕГЭ», «ВПР» …).

    The value is a stable identifier used in files. ``label`` gives the Russian name.
    """

    GIA = "gia"
    """«ГИА» with no level: state final attestation in general."""
    GIA_9 = "gia_9"
    """«ГИА-9»: after grade 9 (basic general education); taken as ОГЭ or ГВЭ."""
    GIA_11 = "gia_11"
    """«ГИА-11»: after grade 11 (secondary general education); taken as ЕГЭ or ГВЭ."""
    EGE = "ege"
    """«ЕГЭ», единый государственный экзамен (also taken outside ГИА-11 by graduates of past years)."""
    OGE = "oge"
    """«ОГЭ», основной государственный экзамен."""
    GVE = "gve"
    """«ГВЭ», государственный выпускной экзамен (written or oral, for either level)."""
    FINAL_ESSAY = "final_essay"
    """«итоговое сочинение (изложение)»: admission to ГИА-11."""
    FINAL_INTERVIEW = "final_interview"
    """«итоговое собеседование по русскому языку»: admission to ГИА-9."""
    VPR = "vpr"
    """«ВПР», всероссийские проверочные работы."""
    VPR_SPO = "vpr_spo"
    """«ВПР СПО»: ВПР for vocational students."""
    NIKO = "niko"
    """«НИКО», национальные исследования качества образования."""
    PISA = "pisa"
    """«оценка по модели PISA»."""
    REGIONAL_DIAGNOSTIC = "regional_diagnostic"
    """«региональные диагностические / контрольные работы», «диагностическое тестирование»."""
    TRAINING_EXAM = "training_exam"
    """«тренировочные экзамены», «апробации», federal training events."""
    FUNCTIONAL_LITERACY = "functional_literacy"
    """«мониторинг формирования функциональной грамотности»."""

    @property
    def label(self) -> str:
        """Russian name as plans write it."""
        return _LABELS[self]

    @property
    def covers(self) -> frozenset[ExamScope]:
        """Scopes this one includes.

        ГИА-9 covers ОГЭ and ГВЭ, ГИА-11 covers ЕГЭ and ГВЭ, ГИА covers all four.
        """
        return _COVERS.get(self, frozenset())

    def includes(self, other: ExamScope) -> bool:
        """True when ``other`` is this scope or one it covers."""
        return other is self or other in self.covers


_LABELS = {
    ExamScope.GIA: "ГИА",
    ExamScope.GIA_9: "ГИА-9",
    ExamScope.GIA_11: "ГИА-11",
    ExamScope.EGE: "ЕГЭ",
    ExamScope.OGE: "ОГЭ",
    ExamScope.GVE: "ГВЭ",
    ExamScope.FINAL_ESSAY: "итоговое сочинение (изложение)",
    ExamScope.FINAL_INTERVIEW: "итоговое собеседование по русскому языку",
    ExamScope.VPR: "ВПР",
    ExamScope.VPR_SPO: "ВПР СПО",
    ExamScope.NIKO: "НИКО",
    ExamScope.PISA: "оценка по модели PISA",
    ExamScope.REGIONAL_DIAGNOSTIC: "региональные диагностические работы",
    ExamScope.TRAINING_EXAM: "тренировочные экзамены, апробации",
    ExamScope.FUNCTIONAL_LITERACY: "мониторинг функциональной грамотности",
}

_COVERS = {
    ExamScope.GIA_9: frozenset({ExamScope.OGE, ExamScope.GVE}),
    ExamScope.GIA_11: frozenset({ExamScope.EGE, ExamScope.GVE}),
    ExamScope.GIA: frozenset(
        {ExamScope.GIA_9, ExamScope.GIA_11, ExamScope.OGE, ExamScope.EGE, ExamScope.GVE}
    ),
}

# Patterns run on normalize()d text (lower case, «ё»→«е», dashes unified, «гиа- 9» repaired).
_SCOPE_PATTERNS: tuple[tuple[ExamScope, re.Pattern[str]], ...] = tuple(
    (scope, re.compile(pattern))
    for scope, pattern in (
        (ExamScope.GIA_9, r"\bгиа ?-? ?9\b|\bгиа\s+по образовательным программам основного общего"),
        (ExamScope.GIA_11, r"\bгиа ?-? ?11\b|\bгиа\s+по образовательным программам среднего общего"),
        (ExamScope.EGE, r"\bк?егэ\b|единого государственного экзамена|единый государственный экзамен"),
        (ExamScope.OGE, r"\bогэ\b|основно\w* государственн\w* экзамен"),
        (ExamScope.GVE, r"\bгвэ\b|государственн\w* выпускн\w* экзамен"),
        (ExamScope.FINAL_ESSAY, r"итогов\w* сочинени|итогов\w* изложени"),
        (ExamScope.FINAL_INTERVIEW, r"итогов\w* собеседовани"),
        (ExamScope.VPR_SPO, r"\bвпр спо\b"),
        (ExamScope.VPR, r"\bвпр(?!\s+спо)\w?\b|всероссийск\w* проверочн\w* работ"),
        (ExamScope.NIKO, r"\bнико\b|национальн\w* исследовани\w* качества"),
        (ExamScope.PISA, r"\bpisa\b|\bрisа\b"),
        (
            ExamScope.REGIONAL_DIAGNOSTIC,
            r"региональн\w* (?:диагностическ|контрольн)\w* работ|диагностическ\w* (?:тестировани|экзамен)",
        ),
        (ExamScope.TRAINING_EXAM, r"тренировочн\w* (?:экзамен|мероприяти)|апробаци"),
        (ExamScope.FUNCTIONAL_LITERACY, r"функциональн\w* грамотност"),
    )
)
_BARE_GIA = re.compile(r"\bгиа\b(?! ?-? ?(?:9|11)\b)|государственн\w* итогов\w* аттестаци")


def detect_exam_scopes(text: str) -> tuple[ExamScope, ...]:
    """Exam scopes named in ``text``, in :class:`ExamScope` order, each once.

    A bare «ГИА» (or «государственная итоговая аттестация») that is not followed by a level
    gives :attr:`ExamScope.GIA` only when no levelled ГИА is named.

    >>> detect_exam_scopes("Проведение ГИА- 9 и ЕГЭ")
    (<ExamScope.GIA_9: 'gia_9'>, <ExamScope.EGE: 'ege'>)
    """
    low = normalize(text)
    found = {scope for scope, pattern in _SCOPE_PATTERNS if pattern.search(low)}
    if _BARE_GIA.search(low) and not found & {ExamScope.GIA_9, ExamScope.GIA_11}:
        found.add(ExamScope.GIA)
    return tuple(scope for scope in ExamScope if scope in found)


class ExamPeriod(enum.Enum):
    """A period of the exam campaign («досрочный», «основной», «резервные дни», «дополнительный»).

    Not to be confused with :class:`gia_roadmap.calendar.terms.ExamPeriod`, the *deadline term*
    «в период проведения ГИА»; :attr:`stage` links the two.
    """

    EARLY = "early"
    """«досрочный период (этап)»."""
    MAIN = "main"
    """«основной период (этап, срок)»."""
    RESERVE = "reserve"
    """«резервные дни (сроки)» of a period."""
    ADDITIONAL = "additional"
    """«дополнительный (сентябрьский) период», «сентябрьские сроки», «дополнительные сроки»."""

    @property
    def label(self) -> str:
        """Russian name."""
        return _PERIOD_LABELS[self]

    @property
    def stage(self) -> ExamStage | None:
        """The matching :class:`~gia_roadmap.calendar.terms.ExamStage` (None for reserve days,
        which belong to whichever stage they follow)."""
        return _STAGES.get(self)


_PERIOD_LABELS = {
    ExamPeriod.EARLY: "досрочный период",
    ExamPeriod.MAIN: "основной период",
    ExamPeriod.RESERVE: "резервные дни",
    ExamPeriod.ADDITIONAL: "дополнительный (сентябрьский) период",
}
_STAGES = {
    ExamPeriod.EARLY: ExamStage.EARLY,
    ExamPeriod.MAIN: ExamStage.MAIN,
    ExamPeriod.ADDITIONAL: ExamStage.ADDITIONAL,
}
_PERIOD_WORD = r"(?:период\w*|этап\w*|срок\w*|дн[еия]\w*|день|экзамен\w*)"
# A list of adjectives sharing one noun: «досрочного, основного и дополнительного этапов».
_PERIOD_LIST = re.compile(
    r"((?:(?:досрочн|основн|дополнительн|резервн)\w*(?: \("
    + month_adjective_pattern(9)
    + r"\))?(?:, | и | или | ))+)"
    + _PERIOD_WORD
)
_PERIOD_STEMS = (
    ("досрочн", ExamPeriod.EARLY),
    ("основн", ExamPeriod.MAIN),
    ("резервн", ExamPeriod.RESERVE),
    ("дополнительн", ExamPeriod.ADDITIONAL),
)
_SEPTEMBER = re.compile(month_adjective_pattern(9) + r" (?:период|срок|этап)")


def detect_exam_periods(text: str) -> tuple[ExamPeriod, ...]:
    """Exam periods named in ``text``, in :class:`ExamPeriod` order.

    «в период досрочного, основного и дополнительного этапов» names all three: an adjective
    followed by a list that ends in «период/этап/срок» counts.

    >>> detect_exam_periods("дополнительный (сентябрьский) период 2022 года")
    (<ExamPeriod.ADDITIONAL: 'additional'>,)
    """
    low = normalize(text)
    found: set[ExamPeriod] = set()
    for match in _PERIOD_LIST.finditer(low):
        found.update(period for stem, period in _PERIOD_STEMS if stem in match.group(1))
    if _SEPTEMBER.search(low):
        found.add(ExamPeriod.ADDITIONAL)
    return tuple(p for p in ExamPeriod if p in found)
