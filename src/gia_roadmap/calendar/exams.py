"""The exam vocabulary: exam kinds, campaign stages, periods, subjects, exam scopes; finding them in text.

This module sits beneath everything else that speaks of exams — the exam schedule
(:mod:`~gia_roadmap.calendar.schedule`), the federal timelines, the deadline terms and their parser, and
the plan — so that each of them names an exam, a stage or a subject the same way:

* :class:`ExamKind`: the kind of exam day (форма ГИА) — ЕГЭ, ОГЭ, ГВЭ-9, ГВЭ-11 — or admission test
  (итоговое сочинение (изложение), итоговое собеседование по русскому языку);
* :class:`ExamStage`: the stage of the exam campaign (досрочный, основной, дополнительный период);
* :class:`PeriodKind`: the period of one exam day (a stage, or its reserve days, or the retake days);
* :class:`Subject` (учебный предмет) and :func:`exam_subjects`;
* :class:`ExamScope`: the exams or assessment procedures a measure concerns («ГИА-9», «ЕГЭ», «ВПР» …).

The detectors read Russian text as roadmaps write it: :func:`detect_exam_scopes` («ГИА- 9», «КЕГЭ»,
«ОГЭ -2022»), :func:`detect_exam_stages` and :func:`mentions_reserve_days` («досрочного, основного и
дополнительного этапов», «сентябрьские сроки», «резервные дни»), and :func:`find_subjects`, which reads
subject names in every grammatical case («по математике», «русскому языку», «иностранным языкам (устная
часть)»).

>>> detect_exam_scopes("Проведение ГИА- 9 и ЕГЭ")
(<ExamScope.GIA_9: 'gia_9'>, <ExamScope.EGE: 'ege'>)
>>> find_subjects("ЕГЭ по русскому языку и математике профильного уровня")
(<Subject.RUSSIAN: 'русский язык'>, <Subject.MATHEMATICS_PROFILE: 'математика профильного уровня'>)
"""

from __future__ import annotations

import enum
import re

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.text import month_adjective_pattern, normalize

__all__ = [
    "ExamKind",
    "ExamScope",
    "ExamStage",
    "PeriodKind",
    "Subject",
    "detect_exam_scopes",
    "detect_exam_stages",
    "exam_subjects",
    "find_exam_subjects",
    "find_subjects",
    "mentions_reserve_days",
]


# --------------------------------------------------------------------------------------------
# Stages and kinds
# --------------------------------------------------------------------------------------------


class ExamStage(enum.Enum):
    """A stage (этап, период) of the exam campaign: the one name for «досрочный», «основной» and
    «дополнительный (сентябрьский)» period, used by exam days (:attr:`PeriodKind.stage`), by the
    deadline term «в период досрочного этапа ГИА» and by the measures that name a period."""

    EARLY = "early"
    """«досрочный период (этап)»."""
    MAIN = "main"
    """«основной период (этап, срок)»."""
    ADDITIONAL = "additional"
    """«дополнительный (сентябрьский) период», «сентябрьские сроки»."""

    @property
    def russian(self) -> str:
        """The Russian name («досрочный период» …)."""
        return _STAGE_RUSSIAN[self]

    @property
    def anchor(self) -> Anchor:
        """The period anchor of relative deadlines counted from this stage (:attr:`Anchor.MAIN_PERIOD` …)."""
        return _STAGE_ANCHOR[self]


_STAGE_RUSSIAN = {
    ExamStage.EARLY: "досрочный период",
    ExamStage.MAIN: "основной период",
    ExamStage.ADDITIONAL: "дополнительный период",
}
_STAGE_ANCHOR = {
    ExamStage.EARLY: Anchor.EARLY_PERIOD,
    ExamStage.MAIN: Anchor.MAIN_PERIOD,
    ExamStage.ADDITIONAL: Anchor.ADDITIONAL_PERIOD,
}


class ExamKind(enum.Enum):
    """The kind of exam (форма ГИА) or admission test. The value is the stable data-file code."""

    EGE = "ege"
    """ЕГЭ, единый государственный экзамен (unified state exam, ГИА-11)."""
    OGE = "oge"
    """ОГЭ, основной государственный экзамен (main state exam, ГИА-9)."""
    GVE_9 = "gve_9"
    """ГВЭ-9, государственный выпускной экзамен (state final exam, ГИА-9)."""
    GVE_11 = "gve_11"
    """ГВЭ-11, государственный выпускной экзамен (state final exam, ГИА-11)."""
    FINAL_ESSAY = "final_essay"
    """Итоговое сочинение (изложение): the final essay, admission to ГИА-11."""
    FINAL_INTERVIEW = "final_interview"
    """Итоговое собеседование по русскому языку: the final interview, admission to ГИА-9."""

    @property
    def russian(self) -> str:
        """The Russian name («ЕГЭ», «итоговое сочинение (изложение)» …)."""
        return _EXAM_RUSSIAN[self]

    @property
    def short(self) -> str:
        """The short Russian name («ЕГЭ», «ГВЭ-9», «итоговое сочинение», «итоговое собеседование»)."""
        return _EXAM_SHORT[self]

    @property
    def level(self) -> int:
        """9 for ГИА-9 (ОГЭ, ГВЭ-9, собеседование), 11 for ГИА-11 (ЕГЭ, ГВЭ-11, сочинение)."""
        return 9 if self in (ExamKind.OGE, ExamKind.GVE_9, ExamKind.FINAL_INTERVIEW) else 11

    @property
    def is_admission_test(self) -> bool:
        """True for the итоговое сочинение and собеседование (admission tests, not exams of the ГИА)."""
        return self in (ExamKind.FINAL_ESSAY, ExamKind.FINAL_INTERVIEW)


_EXAM_RUSSIAN = {
    ExamKind.EGE: "ЕГЭ",
    ExamKind.OGE: "ОГЭ",
    ExamKind.GVE_9: "ГВЭ-9",
    ExamKind.GVE_11: "ГВЭ-11",
    ExamKind.FINAL_ESSAY: "итоговое сочинение (изложение)",
    ExamKind.FINAL_INTERVIEW: "итоговое собеседование по русскому языку",
}
_EXAM_SHORT = {
    **_EXAM_RUSSIAN,
    ExamKind.FINAL_ESSAY: "итоговое сочинение",
    ExamKind.FINAL_INTERVIEW: "итоговое собеседование",
}


class PeriodKind(enum.Enum):
    """The period (период) an exam day belongs to, in chronological order. Values are data-file codes."""

    EARLY = "early"
    """Досрочный период (основные дни): the spring period before the main one."""
    EARLY_RESERVE = "early_reserve"
    """Резервные дни досрочного периода."""
    MAIN = "main"
    """Основной период (основные дни)."""
    MAIN_RESERVE = "main_reserve"
    """Резервные дни основного периода (also for previous-year graduates and re-taking a failed
    compulsory subject)."""
    RETAKE = "retake"
    """Дни пересдачи (ЕГЭ only, from 2024): a current-year graduate may re-take one subject."""
    ADDITIONAL = "additional"
    """Дополнительный (сентябрьский) период."""
    ADDITIONAL_RESERVE = "additional_reserve"
    """Резервные дни дополнительного периода."""
    MAIN_DATE = "main_date"
    """Основной срок of an admission test (итоговое сочинение / собеседование)."""
    ADDITIONAL_DATE = "additional_date"
    """Дополнительный срок of an admission test."""

    @property
    def russian(self) -> str:
        """The Russian name of the period."""
        return _PERIOD_RUSSIAN[self]

    @property
    def rank(self) -> int:
        """Position in chronological order (earlier periods have smaller ranks)."""
        return _PERIOD_ORDER.index(self)

    @property
    def stage(self) -> ExamStage | None:
        """The stage of the exam campaign (досрочный, основной, дополнительный); None for admission tests."""
        return _PERIOD_STAGE.get(self)

    @property
    def is_reserve(self) -> bool:
        """True for reserve days (резервные дни) of any period."""
        return self in (PeriodKind.EARLY_RESERVE, PeriodKind.MAIN_RESERVE, PeriodKind.ADDITIONAL_RESERVE)

    @property
    def for_admission_tests(self) -> bool:
        """True for the two periods of the admission tests (основной / дополнительный срок)."""
        return self in (PeriodKind.MAIN_DATE, PeriodKind.ADDITIONAL_DATE)


_PERIOD_ORDER = tuple(PeriodKind)
_PERIOD_RUSSIAN = {
    PeriodKind.EARLY: "досрочный период",
    PeriodKind.EARLY_RESERVE: "резервные дни досрочного периода",
    PeriodKind.MAIN: "основной период",
    PeriodKind.MAIN_RESERVE: "резервные дни основного периода",
    PeriodKind.RETAKE: "дни пересдачи",
    PeriodKind.ADDITIONAL: "дополнительный (сентябрьский) период",
    PeriodKind.ADDITIONAL_RESERVE: "резервные дни дополнительного периода",
    PeriodKind.MAIN_DATE: "основной срок",
    PeriodKind.ADDITIONAL_DATE: "дополнительный срок",
}
_PERIOD_STAGE = {
    PeriodKind.EARLY: ExamStage.EARLY,
    PeriodKind.EARLY_RESERVE: ExamStage.EARLY,
    PeriodKind.MAIN: ExamStage.MAIN,
    PeriodKind.MAIN_RESERVE: ExamStage.MAIN,
    PeriodKind.RETAKE: ExamStage.MAIN,
    PeriodKind.ADDITIONAL: ExamStage.ADDITIONAL,
    PeriodKind.ADDITIONAL_RESERVE: ExamStage.ADDITIONAL,
}


# --------------------------------------------------------------------------------------------
# Subjects
# --------------------------------------------------------------------------------------------


class Subject(enum.Enum):
    """A subject (учебный предмет) of an exam day. Values are the Russian names used in the data files."""

    RUSSIAN = "русский язык"
    MATHEMATICS = "математика"
    """ОГЭ mathematics (one level); in text, mathematics of either level."""
    MATHEMATICS_BASE = "математика базового уровня"
    MATHEMATICS_PROFILE = "математика профильного уровня"
    PHYSICS = "физика"
    CHEMISTRY = "химия"
    BIOLOGY = "биология"
    GEOGRAPHY = "география"
    HISTORY = "история"
    SOCIAL_STUDIES = "обществознание"
    LITERATURE = "литература"
    INFORMATICS = "информатика"
    FOREIGN_LANGUAGES = "иностранные языки"
    """ОГЭ foreign languages (written and oral parts on the same day); in text, either part."""
    FOREIGN_LANGUAGES_WRITTEN = "иностранные языки (письменная часть)"
    FOREIGN_LANGUAGES_ORAL = "иностранные языки (устная часть)"
    ALL = "по всем учебным предметам"
    """A reserve day for every subject."""
    ALL_EXCEPT_RUSSIAN_MATHEMATICS = "по всем учебным предметам (кроме русского языка и математики)"

    @property
    def is_collective(self) -> bool:
        """True for «по всем учебным предметам» and its variant (stand for several subjects)."""
        return self in (Subject.ALL, Subject.ALL_EXCEPT_RUSSIAN_MATHEMATICS)

    @property
    def parts(self) -> frozenset[Subject]:
        """The specific subjects a general one stands for (математика → both levels …), itself included."""
        return _SUBJECT_PARTS.get(self, frozenset({self}))


_MATHS_SUBJECTS = frozenset({Subject.MATHEMATICS, Subject.MATHEMATICS_BASE, Subject.MATHEMATICS_PROFILE})
_LANGUAGES = frozenset(
    {Subject.FOREIGN_LANGUAGES, Subject.FOREIGN_LANGUAGES_WRITTEN, Subject.FOREIGN_LANGUAGES_ORAL}
)
_SUBJECT_PARTS = {Subject.MATHEMATICS: _MATHS_SUBJECTS, Subject.FOREIGN_LANGUAGES: _LANGUAGES}

_EXAM_SUBJECTS: dict[ExamKind, tuple[Subject, ...]] = {
    ExamKind.EGE: (
        Subject.RUSSIAN,
        Subject.MATHEMATICS_BASE,
        Subject.MATHEMATICS_PROFILE,
        Subject.PHYSICS,
        Subject.CHEMISTRY,
        Subject.BIOLOGY,
        Subject.GEOGRAPHY,
        Subject.HISTORY,
        Subject.SOCIAL_STUDIES,
        Subject.LITERATURE,
        Subject.INFORMATICS,
        Subject.FOREIGN_LANGUAGES_WRITTEN,
        Subject.FOREIGN_LANGUAGES_ORAL,
    ),
    ExamKind.OGE: (
        Subject.RUSSIAN,
        Subject.MATHEMATICS,
        Subject.PHYSICS,
        Subject.CHEMISTRY,
        Subject.BIOLOGY,
        Subject.GEOGRAPHY,
        Subject.HISTORY,
        Subject.SOCIAL_STUDIES,
        Subject.LITERATURE,
        Subject.INFORMATICS,
        Subject.FOREIGN_LANGUAGES,
    ),
    ExamKind.FINAL_ESSAY: (),
    ExamKind.FINAL_INTERVIEW: (Subject.RUSSIAN,),
}
_EXAM_SUBJECTS[ExamKind.GVE_9] = _EXAM_SUBJECTS[ExamKind.OGE]
_EXAM_SUBJECTS[ExamKind.GVE_11] = (
    *(s for s in _EXAM_SUBJECTS[ExamKind.EGE] if s is not Subject.MATHEMATICS_PROFILE),
    Subject.MATHEMATICS,
    Subject.FOREIGN_LANGUAGES,  # ГВЭ-11 orders list «иностранные языки» without parts (eduinspector-gve11-22)
)


def exam_subjects(exam: ExamKind) -> tuple[Subject, ...]:
    """The specific subjects an exam kind is held in (what «по всем учебным предметам» expands to)."""
    return _EXAM_SUBJECTS[exam]


# --------------------------------------------------------------------------------------------
# Exam scopes
# --------------------------------------------------------------------------------------------


class ExamScope(enum.Enum):
    """An exam or assessment procedure a measure concerns («ГИА-9», «ЕГЭ», «ВПР» …).

    The value is a stable identifier used in files. ``label`` gives the Russian name and
    :attr:`exam_kinds` the kinds of exam day it stands for.
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
    """«ГВЭ», государственный выпускной экзамен (written or oral) with no level written."""
    GVE_9 = "gve_9"
    """«ГВЭ-9»: the ГВЭ of ГИА-9."""
    GVE_11 = "gve_11"
    """«ГВЭ-11»: the ГВЭ of ГИА-11."""
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

        ГИА-9 covers ОГЭ and ГВЭ(-9), ГИА-11 covers ЕГЭ and ГВЭ(-11), ГИА covers all of them, ГВЭ
        covers ГВЭ-9 and ГВЭ-11.
        """
        return _COVERS.get(self, frozenset())

    def includes(self, other: ExamScope) -> bool:
        """True when ``other`` is this scope or one it covers."""
        return other is self or other in self.covers

    @property
    def exam_kinds(self) -> frozenset[ExamKind]:
        """The kinds of exam day this scope stands for (ГИА-9 → ОГЭ and ГВЭ-9; ВПР → none).

        «ГИА» and its levels never stand for the admission tests: the итоговое сочинение and
        собеседование are conditions of admission to the ГИА, not its exams.
        """
        return _SCOPE_KINDS.get(self, frozenset())


_LABELS = {
    ExamScope.GIA: "ГИА",
    ExamScope.GIA_9: "ГИА-9",
    ExamScope.GIA_11: "ГИА-11",
    ExamScope.EGE: "ЕГЭ",
    ExamScope.OGE: "ОГЭ",
    ExamScope.GVE: "ГВЭ",
    ExamScope.GVE_9: "ГВЭ-9",
    ExamScope.GVE_11: "ГВЭ-11",
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
    ExamScope.GIA_9: frozenset({ExamScope.OGE, ExamScope.GVE, ExamScope.GVE_9}),
    ExamScope.GIA_11: frozenset({ExamScope.EGE, ExamScope.GVE, ExamScope.GVE_11}),
    ExamScope.GVE: frozenset({ExamScope.GVE_9, ExamScope.GVE_11}),
    ExamScope.GIA: frozenset(
        {
            ExamScope.GIA_9,
            ExamScope.GIA_11,
            ExamScope.OGE,
            ExamScope.EGE,
            ExamScope.GVE,
            ExamScope.GVE_9,
            ExamScope.GVE_11,
        }
    ),
}
_SCOPE_KINDS = {
    ExamScope.GIA: frozenset({ExamKind.EGE, ExamKind.OGE, ExamKind.GVE_9, ExamKind.GVE_11}),
    ExamScope.GIA_9: frozenset({ExamKind.OGE, ExamKind.GVE_9}),
    ExamScope.GIA_11: frozenset({ExamKind.EGE, ExamKind.GVE_11}),
    ExamScope.EGE: frozenset({ExamKind.EGE}),
    ExamScope.OGE: frozenset({ExamKind.OGE}),
    ExamScope.GVE: frozenset({ExamKind.GVE_9, ExamKind.GVE_11}),
    ExamScope.GVE_9: frozenset({ExamKind.GVE_9}),
    ExamScope.GVE_11: frozenset({ExamKind.GVE_11}),
    ExamScope.FINAL_ESSAY: frozenset({ExamKind.FINAL_ESSAY}),
    ExamScope.FINAL_INTERVIEW: frozenset({ExamKind.FINAL_INTERVIEW}),
}


# --------------------------------------------------------------------------------------------
# Reading text
# --------------------------------------------------------------------------------------------

_SCOPE_PATTERNS: tuple[tuple[ExamScope, re.Pattern[str]], ...] = tuple(
    (scope, re.compile(pattern))
    for scope, pattern in (
        (ExamScope.GIA_9, r"\bгиа ?-? ?9\b|\bгиа\s+по образовательным программам основного общего"),
        (ExamScope.GIA_11, r"\bгиа ?-? ?11\b|\bгиа\s+по образовательным программам среднего общего"),
        (ExamScope.EGE, r"\bк?егэ\b|единого государственного экзамена|единый государственный экзамен"),
        (ExamScope.OGE, r"\bогэ\b|основно\w* государственн\w* экзамен"),
        (ExamScope.GVE, r"\bгвэ\b(?! ?-? ?(?:9|11)\b)|государственн\w* выпускн\w* экзамен"),
        (ExamScope.GVE_9, r"\bгвэ ?-? ?9\b"),
        (ExamScope.GVE_11, r"\bгвэ ?-? ?11\b"),
        (ExamScope.FINAL_ESSAY, r"итогов\w* сочинени|итогов\w* изложени"),
        (ExamScope.FINAL_INTERVIEW, r"итогов\w* собеседовани"),
        (ExamScope.VPR_SPO, r"\bвпр спо\b"),
        (ExamScope.VPR, r"\bвпр(?!\s+спо)\w?\b|всероссийск\w* проверочн\w* работ"),
        (ExamScope.NIKO, r"\bнико\b|национальн\w* исследовани\w* качества"),
        (ExamScope.PISA, r"\bpisa\b|\bрisа\b|\bрisa\b"),
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
    gives :attr:`ExamScope.GIA` only when no levelled ГИА is named; «ГВЭ-9» gives
    :attr:`ExamScope.GVE_9` alone, not also the level-less :attr:`ExamScope.GVE`.

    >>> detect_exam_scopes("Проведение ГИА- 9 и ЕГЭ")
    (<ExamScope.GIA_9: 'gia_9'>, <ExamScope.EGE: 'ege'>)
    """
    low = normalize(text)  # the shared vocabulary's matching form
    found = {scope for scope, pattern in _SCOPE_PATTERNS if pattern.search(low)}
    if _BARE_GIA.search(low) and not found & {ExamScope.GIA_9, ExamScope.GIA_11}:
        found.add(ExamScope.GIA)
    return tuple(scope for scope in ExamScope if scope in found)


_PERIOD_WORD = r"(?:период\w*|этап\w*|срок\w*|дн[еия]\w*|день|дат\w*|экзамен\w*)"
# A list of adjectives sharing one noun: «досрочного, основного и дополнительного этапов».
_PERIOD_LIST = re.compile(
    r"((?:(?:досрочн|основн|дополнительн|резервн)\w*(?: \("
    + month_adjective_pattern(9)
    + r"\))?(?:, | и | или | ))+)"
    + _PERIOD_WORD
)
_STAGE_STEMS = (
    ("досрочн", ExamStage.EARLY),
    ("основн", ExamStage.MAIN),
    ("дополнительн", ExamStage.ADDITIONAL),
)
_SEPTEMBER = re.compile(month_adjective_pattern(9) + r" (?:период|срок|этап)")


def detect_exam_stages(text: str) -> tuple[ExamStage, ...]:
    """Stages of the exam campaign named in ``text``, in :class:`ExamStage` order.

    «в период досрочного, основного и дополнительного этапов» names all three: an adjective
    followed by a list that ends in «период/этап/срок/дни» counts; «сентябрьские сроки» is the
    additional period.

    >>> detect_exam_stages("дополнительный (сентябрьский) период 2022 года")
    (<ExamStage.ADDITIONAL: 'additional'>,)
    """
    low = normalize(text)  # the shared vocabulary's matching form
    found: set[ExamStage] = set()
    for match in _PERIOD_LIST.finditer(low):
        found.update(stage for stem, stage in _STAGE_STEMS if stem in match.group(1))
    if _SEPTEMBER.search(low):
        found.add(ExamStage.ADDITIONAL)
    return tuple(s for s in ExamStage if s in found)


def mentions_reserve_days(text: str) -> bool:
    """True when ``text`` names reserve days («в резервные дни», «резервных сроков основного периода»).

    >>> mentions_reserve_days("в основные и резервные сроки")
    True
    """
    low = normalize(text)  # the shared vocabulary's matching form
    return any("резервн" in match.group(1) for match in _PERIOD_LIST.finditer(low))


# Subject names in every case. A noun's case endings follow its stem; the patterns are tried in order
# and a later one may not overlap an earlier match (so «математика профильного уровня» is not also
# plain «математика»).
_LANGUAGE = r"(?:иностранн|английск|немецк|французск|испанск|китайск)\w* язык\w*"
_PART_WRITTEN = r"письменн\w* част\w*"
_PART_ORAL = r"устн\w* част\w*"
_MATHS = r"\bматематик(?:а|и|е|у|ой|ою)\b"
_SUBJECT_PATTERNS: tuple[tuple[Subject, re.Pattern[str]], ...] = tuple(
    (subject, re.compile(pattern))
    for subject, pattern in (
        (
            Subject.FOREIGN_LANGUAGES_WRITTEN,
            rf"{_LANGUAGE},? ?(?:\(|- )?{_PART_WRITTEN}|{_PART_WRITTEN} (?:\w+ ){{0,3}}по {_LANGUAGE}",
        ),
        (
            Subject.FOREIGN_LANGUAGES_ORAL,
            rf"{_LANGUAGE},? ?(?:\(|- )?{_PART_ORAL}|{_PART_ORAL} (?:\w+ ){{0,3}}по {_LANGUAGE}",
        ),
        (Subject.FOREIGN_LANGUAGES, _LANGUAGE),
        (
            Subject.MATHEMATICS_PROFILE,
            rf"{_MATHS},? ?(?:\(п\)|\(?профил\w*(?: уровн\w*)?\)?)|\bпрофильн\w* (?:уровн\w* )?математик\w*",
        ),
        (
            Subject.MATHEMATICS_BASE,
            rf"{_MATHS},? ?(?:\(б\)|\(?базов\w*(?: уровн\w*)?\)?)|\bбазов\w* (?:уровн\w* )?математик\w*",
        ),
        (Subject.MATHEMATICS, _MATHS),
        (Subject.RUSSIAN, r"\bрусск(?:ий|ого|ому|им|ом) язык(?:|а|у|ом|е)\b"),
        (Subject.PHYSICS, r"\bфизик(?:а|и|е|у|ой|ою)\b"),
        (Subject.CHEMISTRY, r"\bхими(?:я|и|ю|ей|ею)\b"),
        (Subject.BIOLOGY, r"\bбиологи(?:я|и|ю|ей|ею)\b"),
        (Subject.GEOGRAPHY, r"\bгеографи(?:я|и|ю|ей|ею)\b"),
        (Subject.HISTORY, r"\bистори(?:я|и|ю|ей|ею)\b"),
        (Subject.SOCIAL_STUDIES, r"\bобществознани(?:е|я|ю|ем|и)\b"),
        (Subject.LITERATURE, r"\bлитератур(?:а|ы|е|у|ой|ою)\b"),
        (Subject.INFORMATICS, r"\bинформатик(?:а|и|е|у|ой|ою)\b|\bкегэ\b"),
    )
)
# Words that make a subject's name mean something else when written just before it: literature as
# books («методической литературы», «художественной литературой»), the language a text is in («на
# русском языке»).
_NOT_A_SUBJECT_AFTER = {
    Subject.LITERATURE: re.compile(
        r"(?:методическ|учебн|справочн|научн|нормативн|специальн|родн|художественн|педагогическ"
        r"|дополнительн|рекомендуем|необходим|психологическ|правов)\w* $"
    ),
    Subject.RUSSIAN: re.compile(r"\bна $"),
}


def _subject_spans(low: str) -> list[tuple[int, int, Subject]]:
    """Every subject name in normalised ``low``, as (start, end, subject), in text order."""
    taken: list[tuple[int, int, Subject]] = []
    for subject, pattern in _SUBJECT_PATTERNS:
        for match in pattern.finditer(low):
            start, end = match.span()
            if any(start < b and a < end for a, b, _ in taken):
                continue
            before = _NOT_A_SUBJECT_AFTER.get(subject)
            if before is not None and before.search(low, max(0, start - 40), start):
                continue
            taken.append((start, end, subject))
    return sorted(taken, key=lambda t: t[0])


def find_subjects(text: str) -> tuple[Subject, ...]:
    """The exam subjects named in ``text``, in the order written, each once.

    Names are read in every case and number («математика», «по математике», «русскому языку»,
    «иностранным языкам (устная часть)», «учителей физики и химии»); «математика профильного уровня» /
    «профильная математика» and the written and oral parts of a foreign language are told apart, plain
    «математика» and «иностранный язык» stand for either (:attr:`Subject.parts`). Named languages
    («английский язык») are foreign languages; «КЕГЭ» is the ЕГЭ in informatics. Literature as books
    («методической литературы») and «на русском языке» (in Russian) are not subjects.

    >>> find_subjects("ОГЭ по иностранным языкам (устная часть), по химии")
    (<Subject.FOREIGN_LANGUAGES_ORAL: 'иностранные языки (устная часть)'>, <Subject.CHEMISTRY: 'химия'>)
    """
    low = normalize(text)  # the shared vocabulary's matching form
    return tuple(dict.fromkeys(subject for _, _, subject in _subject_spans(low)))


_PO = re.compile(r"\bпо\s*$")
# «итоговое собеседование по русскому языку» is the admission test's own name, not an exam of a subject
_INTERVIEW_PO = re.compile(r"собеседовани\w*\s+по\s*$")
_LIST_JOIN = re.compile(r"^\s*(?:,|и|или|,\s*а\s+также|а\s+также)?\s*(?:по\s+)?$")


def find_exam_subjects(text: str) -> tuple[Subject, ...]:
    """The subjects ``text`` names as what an exam, a commission or a course is *of*: those after «по»
    («ЕГЭ по математике», «экспертов предметной комиссии по русскому языку и литературе», «консультации
    по физике, химии»), in the order written, each once.

    A subject named otherwise («ЭЦП для иностранного языка …, печати КИМ») describes a part of the work,
    not the exams it is for, and is left out.

    >>> find_exam_subjects("ЭЦП для иностранного языка, печати КИМ и сканирования")
    ()
    >>> find_exam_subjects("Семинар для экспертов по русскому языку и литературе")
    (<Subject.RUSSIAN: 'русский язык'>, <Subject.LITERATURE: 'литература'>)

    «По русскому языку» in the name of the итоговое собеседование names the test, not a subject of the
    exams: «ГИА-9 …, в т.ч. в период итогового собеседования по русскому языку» is of every subject.

    >>> find_exam_subjects("условия в ППЭ для ГИА-9, в т.ч. итогового собеседования по русскому языку")
    ()
    """
    low = normalize(text)
    found: list[Subject] = []
    previous_end: int | None = None
    for start, end, subject in _subject_spans(low):
        after_po = _PO.search(low, 0, start) is not None and _INTERVIEW_PO.search(low, 0, start) is None
        in_list = previous_end is not None and _LIST_JOIN.match(low[previous_end:start]) is not None
        if after_po or in_list:
            found.append(subject)
            previous_end = end
        else:
            previous_end = None
    return tuple(dict.fromkeys(found))
