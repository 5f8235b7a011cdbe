"""Anchor events that relative deadlines («за 1 рабочий день до дня проведения экзамена») count from.

Each :class:`Anchor` carries its canonical Russian noun phrase in the genitive case (the form used
after «до», «после», «со дня», «с момента», «накануне»), which :mod:`rendering` writes and
:mod:`parsing` reads back, and a regular expression matching the wordings found in real plans.

An event schedule maps anchors to dates: ``{Anchor.EXAM_DAY: (date(2025, 6, 16), ...)}``. Period
anchors (:attr:`Anchor.EXAM_PERIOD` and the three stages) may also map to :class:`DateWindow` values.

An event the enum does not know («в течение 2 дней со дня получения сведений») is an
:class:`OpenAnchor`: the phrase as written, compared by its normalised :attr:`OpenAnchor.key`. A
caller binds it to dates like any anchor, by the open anchor itself or by its key:
``{OpenAnchor("получения сведений"): (date(2025, 3, 3),)}`` or ``{"получения сведений": (…,)}``.
"""

from __future__ import annotations

import enum
import re

import attrs

from gia_roadmap.errors import InvalidTypeError

__all__ = ["Anchor", "OpenAnchor"]


class Anchor(enum.Enum):
    """An event a relative deadline is counted from.

    The value is a stable lower-case identifier (used in data files and reports).
    """

    EXAM_DAY = "exam_day"
    """«день проведения экзамена»: each exam day of the schedule."""
    EXAM_START = "exam_start"
    """«начало экзамена»: the start of an exam (the first exam that uses a technology)."""
    EXAM_PERIOD_START = "exam_period_start"
    """«начало экзаменационного периода»: the first day of an exam period."""
    EXAM_PERIOD_END = "exam_period_end"
    """«окончание экзаменационного периода», «завершение ГИА-9»: the last day of an exam period (each
    stage's window of the exams in scope: «после завершения ГИА-9» counts from the end of each stage
    of the ГИА-9 campaign)."""
    EXAM_PERIOD = "exam_period"
    """«период проведения ГИА»: the exam campaign (windows, not days)."""
    EARLY_PERIOD = "early_period"
    """«досрочный период (этап)»: the early exam period (windows)."""
    MAIN_PERIOD = "main_period"
    """«основной период (этап)»: the main exam period (windows)."""
    ADDITIONAL_PERIOD = "additional_period"
    """«дополнительный (сентябрьский) период (этап)»: the additional exam period (windows)."""
    ADMISSION_DECISION = "admission_decision"
    """«принятие решения» (о допуске): the decision admitting participants."""
    APPEAL_SUBMISSION = "appeal_submission"
    """«подача апелляции»: an appeal is submitted."""
    APPEAL_TRANSFER = "appeal_transfer"
    """«передача апелляции в АК»: an appeal is passed to the appeal commission."""
    AK_DECISION = "ak_decision"
    """«принятие решения АК»: the appeal commission decides."""
    AK_WORK_START = "ak_work_start"
    """«начало работы АК»: the appeal commission starts work."""
    GEK_RESULTS_APPROVAL = "gek_results_approval"
    """«утверждение результатов председателем ГЭК»: the ГЭК chair approves the results."""
    GEK_APPROVAL = "gek_approval"
    """«утверждение ГЭК», «решение ГЭК»: a decision or approval of the ГЭК (государственная
    экзаменационная комиссия) other than of the results."""
    RESULTS_RECEIVED = "results_received"
    """«получение результатов»: the results reach the region, the school or the participant."""
    RESULTS_ANNOUNCED = "results_announced"
    """«объявление результатов», «ознакомление с результатами»: participants learn their results."""
    RESULTS_PUBLISHED = "results_published"
    """«официальное опубликование результатов»: the results are officially published."""
    APPEAL_RECEIVED = "appeal_received"
    """«поступление апелляции»: an appeal reaches the appeal commission."""
    ESSAY_DAY = "essay_day"
    """«день проведения итогового сочинения (изложения)»: never «экзамен»."""
    INTERVIEW_DAY = "interview_day"
    """«день проведения итогового собеседования по русскому языку»: never «экзамен»."""
    SCHOOL_YEAR_START = "school_year_start"
    """«начало учебного года»: a calendar fact, resolved from the school year when no date is bound
    (1 September or the next working day, :func:`~gia_roadmap.calendar.school_dates.school_year_start`)."""
    SCHOOL_YEAR_END = "school_year_end"
    """«окончание (конец) учебного года»: a calendar fact, resolved from the school year when no date
    is bound (26 May or the working day before,
    :func:`~gia_roadmap.calendar.school_dates.school_year_end`)."""
    SCHOOL_QUARTER_END = "school_quarter_end"
    """«окончание (конец) четверти», «итоги четверти»: the last day of each school quarter (четверть).
    Each school sets its quarters, so their dates come from the caller: this anchor or
    :attr:`SCHOOL_QUARTER` bound to them."""
    SCHOOL_QUARTER = "school_quarter"
    """«учебная четверть», «начало четверти»: the school's quarters as windows, in order (a period
    anchor, bound by the caller from the school's calendar graph; «до начала четверти» counts from
    their first days, recurring terms «1 раз в четверть» resolve to them)."""

    @property
    def phrase(self) -> str:
        """Canonical Russian noun phrase, genitive case («дня проведения экзамена»)."""
        return _PHRASES[self]

    @property
    def pattern(self) -> re.Pattern[str]:
        """Regular expression (on normalised lower-case text) matching the anchor's wordings."""
        return _PATTERNS[self]

    @property
    def is_period(self) -> bool:
        """True for anchors that denote periods (resolved to windows) rather than days."""
        return self in _PERIODS

    @property
    def key(self) -> str:
        """The anchor's stable identifier (its value), as events may be keyed."""
        return self.value


_PERIODS = frozenset(
    {
        Anchor.EXAM_PERIOD,
        Anchor.EARLY_PERIOD,
        Anchor.MAIN_PERIOD,
        Anchor.ADDITIONAL_PERIOD,
        Anchor.SCHOOL_QUARTER,
    }
)

_PHRASES: dict[Anchor, str] = {
    Anchor.EXAM_DAY: "дня проведения экзамена",
    Anchor.EXAM_START: "начала экзамена",
    Anchor.EXAM_PERIOD_START: "начала экзаменационного периода",
    Anchor.EXAM_PERIOD_END: "окончания экзаменационного периода",
    Anchor.EXAM_PERIOD: "периода проведения экзаменов",
    Anchor.EARLY_PERIOD: "досрочного периода",
    Anchor.MAIN_PERIOD: "основного периода",
    Anchor.ADDITIONAL_PERIOD: "дополнительного периода",
    Anchor.ADMISSION_DECISION: "принятия решения",
    Anchor.APPEAL_SUBMISSION: "подачи апелляции",
    Anchor.APPEAL_TRANSFER: "передачи апелляции в АК",
    Anchor.AK_DECISION: "принятия решения АК",
    Anchor.AK_WORK_START: "начала работы АК",
    Anchor.GEK_RESULTS_APPROVAL: "утверждения результатов председателем ГЭК",
    Anchor.GEK_APPROVAL: "утверждения ГЭК",
    Anchor.RESULTS_RECEIVED: "получения результатов",
    Anchor.RESULTS_ANNOUNCED: "объявления результатов",
    Anchor.RESULTS_PUBLISHED: "официального опубликования результатов",
    Anchor.APPEAL_RECEIVED: "поступления апелляции",
    Anchor.ESSAY_DAY: "дня проведения итогового сочинения",
    Anchor.INTERVIEW_DAY: "дня проведения итогового собеседования",
    Anchor.SCHOOL_YEAR_START: "начала учебного года",
    Anchor.SCHOOL_YEAR_END: "окончания учебного года",
    Anchor.SCHOOL_QUARTER_END: "окончания четверти",
    Anchor.SCHOOL_QUARTER: "начала четверти",
}

_QUARTER_NUMBER = r"(?:(?:[1-4]|iv|i{1,3})(?:-?(?:й|ой|ей))? |(?:первой|второй|третьей|четвертой) )"
"""The number of a school quarter in the genitive («I четверти», «2-й четверти», «третьей четверти»)."""
_AFTER_END = r"(?<=окончании.)|(?<=завершении.)|(?<=по\ итогам.)"

# Order matters: more specific wordings first (the parser tries anchors in this order).
_RAW_PATTERNS: dict[Anchor, str] = {
    Anchor.AK_DECISION: r"принятия решения (?:ак|апелляционной комиссией|конфликтной комиссией)",
    Anchor.APPEAL_TRANSFER: r"передачи апелляции (?:в ак|в апелляционную комиссию)",
    Anchor.APPEAL_SUBMISSION: r"подачи апелляции",
    Anchor.AK_WORK_START: r"начала работы (?:ак|апелляционной комиссии)",
    Anchor.GEK_RESULTS_APPROVAL: (
        r"утверждения(?: председателем гэк)? результатов(?:(?: экзаменов| гиа| егэ| огэ| гвэ)?"
        r" (?:председателем гэк|гэк|государственной экзаменационной комиссией))?"
        r"|утверждения председателем гэк результатов(?: экзаменов| гиа(?!-)| егэ| огэ| гвэ(?!-))?"
    ),
    Anchor.GEK_APPROVAL: (
        r"(?:утверждения|принятия решения|решения|заседания) (?:на заседании )?"
        r"(?:гэк|государственной экзаменационной комисси(?:и|ей))"
    ),
    Anchor.RESULTS_PUBLISHED: (r"(?:официального )?(?:опубликования|публикации|размещения) результатов"),
    Anchor.RESULTS_ANNOUNCED: (
        r"(?:официального )?(?:объявления|ознакомления(?: участников)? с) результат(?:ов|ами)"
    ),
    Anchor.RESULTS_RECEIVED: r"(?:получения|поступления) результатов",
    Anchor.APPEAL_RECEIVED: r"(?:поступления|получения|регистрации) апелляци[ий]",
    Anchor.ESSAY_DAY: (
        r"(?:дня |днем |день |начала )?(?:проведения |написания )?итогового сочинения"
        r"(?: \(изложения\)| или изложения)?"
    ),
    Anchor.INTERVIEW_DAY: (
        r"(?:дня |днем |день |начала )?(?:проведения )?итогового собеседования(?: по русскому языку)?"
    ),
    # the school year and its quarters, in the genitive («до начала»), dative («к началу») and
    # prepositional («в конце») cases; after «по окончании», «по завершении», «по итогам» the bare
    # «учебного года» and «четверти» name the end
    # «текущего», «данного», «этого» учебного года: the plan's own school year, the same anchor
    Anchor.SCHOOL_YEAR_START: r"(?:начал[аоуе]|начале) (?:нового |текущего |данного |этого )?учебного года",
    Anchor.SCHOOL_YEAR_END: (
        r"(?:(?:окончани[яюие]|конц[аеу]|конец|завершени[яюие]|итог(?:ам|ов|и)) |"
        + _AFTER_END
        + r")(?:текущего |данного |этого )?учебного года"
    ),
    Anchor.SCHOOL_QUARTER: r"(?:начал[аоуе]|начале) (?:каждой |учебной |" + _QUARTER_NUMBER + r")?четверти",
    Anchor.SCHOOL_QUARTER_END: (
        r"(?:(?:окончани[яюие]|конц[аеу]|конец|завершени[яюие]|итог(?:ам|ов|и)) |"
        + _AFTER_END
        + r")(?:каждой |учебной |"
        + _QUARTER_NUMBER
        + r")?четверт(?:и|ей)"
    ),
    Anchor.EXAM_PERIOD_START: r"начала экзаменационного периода|начала периода проведения (?:экзаменов|гиа)",
    Anchor.EXAM_PERIOD_END: (
        r"(?:окончани[яюе]|завершени[яюе]|конц[аеу]) (?:экзаменационного периода|периода проведения "
        r"(?:экзаменов|гиа(?!-)))"
    ),
    Anchor.EXAM_START: r"начала (?:проведения )?(?:экзамена|экзаменов)",
    Anchor.EXAM_DAY: (
        r"(?:дня |днем |день |дню |окончания |завершения )?(?:проведения )?"
        r"(?:экзамена|экзаменов|экзамену|экзаменам)"
    ),
    Anchor.EARLY_PERIOD: r"досрочн(?:ого|ым) (?:периода|периодом|этапа|этапом)",
    Anchor.MAIN_PERIOD: r"основн(?:ого|ым) (?:периода|периодом|этапа|этапом)",
    Anchor.ADDITIONAL_PERIOD: r"дополнительн(?:ого|ым) (?:периода|периодом|этапа|этапом)",
    Anchor.EXAM_PERIOD: (
        r"(?:периода|периодом) проведения (?:экзаменов|гиа)(?!-)|проведением(?= гиа| егэ| огэ| экзамен)"
        r"(?: экзаменов)?"
    ),
    Anchor.ADMISSION_DECISION: r"принятия решения(?: о допуске)?",
}

_PATTERNS: dict[Anchor, re.Pattern[str]] = {a: re.compile(p) for a, p in _RAW_PATTERNS.items()}

ANCHOR_SEARCH_ORDER: tuple[Anchor, ...] = tuple(_RAW_PATTERNS)
"""Anchors in the order the parser tries their patterns (specific before general)."""


_SPACE_RUN = re.compile(r"\s+")
_EDGE = " \t\n,;:.-–—"


def _clean_phrase(phrase: str) -> str:
    if not isinstance(phrase, str):
        raise InvalidTypeError(f"an open anchor's phrase must be a str, got {type(phrase).__name__}")
    return _SPACE_RUN.sub(" ", phrase).strip(_EDGE)


def anchor_key(phrase: str) -> str:
    """The key an event phrase is compared and bound by: lower case, «е» for «ё», one space.

    >>> anchor_key("  Получения  сведений ")
    'получения сведений'
    """
    return _clean_phrase(phrase).lower().replace("ё", "е")


@attrs.frozen
class OpenAnchor:
    """An event that :class:`Anchor` does not name, kept as written: «получения сведений» in «в течение
    2 дней со дня получения сведений».

    Two open anchors are equal when their keys are (:func:`anchor_key`: case, «ё» and spacing do not
    count). ``phrase`` is the event as the text writes it after the preposition («со дня», «после»,
    «до»), usually in the genitive; an empty phrase is an event the text does not name («в течение
    двух рабочих дней»).
    """

    phrase: str = attrs.field(converter=_clean_phrase, eq=anchor_key)

    @property
    def key(self) -> str:
        """The normalised phrase events are bound by."""
        return anchor_key(self.phrase)

    @property
    def is_period(self) -> bool:
        """Open anchors are days (an event), never periods."""
        return False
