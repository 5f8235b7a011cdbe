"""Bodies (органы и организации): the standard federal ones and the kinds of regional, municipal and
school bodies, recognised by general rules.

A :class:`Body` is an organisation or a unit of one: «Рособрнадзор», «Министерство образования
Кузбасса», «Управление образования Администрации города Когалыма», «Отдел общего образования»,
«общеобразовательные организации» (a generic class of bodies). Its :class:`BodyLevel` (federal,
regional, municipal, school, external) and :class:`BodyKind` (ministry, supervision service,
municipal education authority, exam site …) are read from the name by stem rules
(:func:`classify_body`), so a ministry of a region we have never seen is still a regional
ministry. :data:`FEDERAL_BODIES` are the standard federal bodies with their synonyms; typos
(«Рособнадзора», «Рособранзором», «особрнадзором») are caught by the general word-similarity rule
of :mod:`gia_roadmap.text`, not listed.
"""

from __future__ import annotations

import enum
import re

import attrs

from gia_roadmap.plan.fields import check_fields
from gia_roadmap.text import Vocabulary, abbreviates, clean_cell, normalize

__all__ = [
    "FEDERAL_BODIES",
    "LEGAL_FORMS",
    "STANDARD_ABBREVIATIONS",
    "Body",
    "BodyKind",
    "BodyLevel",
    "body_from_name",
    "classify_body",
    "federal_match",
    "find_federal_body",
    "legal_form_level",
    "standard_body",
]


class BodyLevel(enum.Enum):
    """The level of government a body belongs to."""

    FEDERAL = "federal"
    """«федеральный»: Минпросвещения, Рособрнадзор, ФЦТ, ФИПИ."""
    REGIONAL = "regional"
    """«региональный»: the region's ministry or department, its institutes, ГЭК, РЦОИ."""
    MUNICIPAL = "municipal"
    """«муниципальный»: МОУО, a city's Управление образования, methodical services."""
    SCHOOL = "school"
    """«институциональный (ОО)»: schools, exam sites."""
    EXTERNAL = "external"
    """Outside the education system: health care, police, media, universities, telecoms."""
    UNKNOWN = "unknown"
    """Not decidable from the name alone."""


class BodyKind(enum.Enum):
    """What kind of body it is (seed analysis §4)."""

    GOVERNMENT = "government"
    """«Правительство»."""
    MINISTRY = "ministry"
    """«министерство»: federal or regional executive body in charge of education."""
    SUPERVISION = "supervision"
    """«служба по надзору»: Рособрнадзор and the regional supervision services."""
    EDUCATION_AUTHORITY = "education_authority"
    """«департамент / комитет / управление образования»: a regional or municipal education authority."""
    FEDERAL_CENTRE = "federal_centre"
    """ФЦТ, ФИПИ: federal institutions that run the technology and the exam content."""
    DEVELOPMENT_INSTITUTE = "development_institute"
    """«институт развития образования» (ИРО, ИРОК, АИРО, СОИРО), professional development."""
    DATA_CENTRE = "data_centre"
    """«РЦОИ», «центр мониторинга / оценки качества образования»."""
    METHODICAL_SERVICE = "methodical_service"
    """«методическая служба», «информационно-методический центр», «УМО», «ЦДО»."""
    COMMISSION = "commission"
    """ГЭК, предметные (ПК, РПК), апелляционная (АК) or конфликтная (КК) commission."""
    UNIT = "unit"
    """«отдел», «сектор», «управление … МОК»: a unit of another body."""
    SCHOOL = "school"
    """«общеобразовательные организации» (ОО), a named school."""
    VOCATIONAL_SCHOOL = "vocational_school"
    """«профессиональные образовательные организации» (ПОО)."""
    EXAM_SITE = "exam_site"
    """«пункт проведения экзаменов» (ППЭ)."""
    UNIVERSITY = "university"
    """«образовательные организации высшего образования», АлтГУ …"""
    HEALTH = "health"
    """«учреждения здравоохранения»."""
    LAW_ENFORCEMENT = "law_enforcement"
    """МВД, МЧС."""
    MEDIA = "media"
    """СМИ, «пресс-служба»."""
    COMMUNICATIONS = "communications"
    """«Спецсвязь», «Ростелеком»."""
    PARENT_COMMITTEE = "parent_committee"
    """«родительский комитет», «координационный совет»."""
    OTHER = "other"
    """Anything else."""


@attrs.frozen
class Body:
    """An organisation or a unit of one.

    Attributes:
        name: the full name as the document (or its glossary) gives it, else the text as written.
        abbreviations: short names used for it in the document («УО», «ИРО», «РЦОИ»); one
            organisation may have several (003: «ИРО, РЦОИ»).
        level: federal, regional, municipal, school or external.
        kind: what kind of body it is.
        parent: the body this one is a unit of («УГУиОКО МОК» is a unit of «МОК»).
        generic: True for a class of bodies rather than one («МОУО», «ОО»: every school).
    """

    name: str
    abbreviations: tuple[str, ...] = ()
    level: BodyLevel = BodyLevel.UNKNOWN
    kind: BodyKind = BodyKind.OTHER
    parent: Body | None = None
    generic: bool = False

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def short(self) -> str:
        """The first abbreviation, or the name."""
        return self.abbreviations[0] if self.abbreviations else self.name

    def same_as(self, other: Body) -> bool:
        """True when both describe one organisation: a shared abbreviation or equal names
        (normalised), whatever else differs."""
        if set(self.abbreviations) & set(other.abbreviations):
            return True
        return normalize(self.name) == normalize(other.name)

    def __str__(self) -> str:
        return self.short


# --------------------------------------------------------------------------------------------
# Kind rules: (kind, level, generic, pattern on normalised text). First match wins.
# --------------------------------------------------------------------------------------------

_KIND_RULES_SOURCE: tuple[tuple[BodyKind, BodyLevel, bool, str], ...] = (
    (BodyKind.GOVERNMENT, BodyLevel.FEDERAL, False, r"правительств\w* (?:российской федерации|рф)"),
    (BodyKind.SUPERVISION, BodyLevel.FEDERAL, False, r"федеральн\w* служб\w* по надзору"),
    (BodyKind.SUPERVISION, BodyLevel.REGIONAL, False, r"служб\w* по контролю и надзору"),
    (
        BodyKind.UNIT,
        BodyLevel.UNKNOWN,
        False,
        r"^(?:[\w-]+ )?(?:отдел|сектор|служб)\w*\b|^(?:управлени|отдел)\w* (?:государственных услуг|по)\b",
    ),
    (
        BodyKind.MINISTRY,
        BodyLevel.FEDERAL,
        False,
        r"министерств\w* [\w ,]*(?:российской федерации|рф|россии)\b",
    ),
    (BodyKind.MINISTRY, BodyLevel.REGIONAL, False, r"министерств\w*|\bмин\w*(?:образования|обр)\w*"),
    (
        BodyKind.EDUCATION_AUTHORITY,
        BodyLevel.MUNICIPAL,
        True,
        r"\bмоуо\b|\bомсу\b|органы? местного самоуправления|муниципальн\w* орган\w*",
    ),
    (
        BodyKind.EDUCATION_AUTHORITY,
        BodyLevel.MUNICIPAL,
        False,
        r"(?:управлени|комитет|отдел)\w* (?:по )?образовани\w*[\w ,-]*(?:администраци|город|район|округ)"
        r"|администраци\w* (?:города|района)",
    ),
    (
        BodyKind.EDUCATION_AUTHORITY,
        BodyLevel.REGIONAL,
        False,
        r"департамент\w*|комитет\w* (?:по )?образовани|управлени\w* образовани\w*(?! администрации)",
    ),
    (BodyKind.FEDERAL_CENTRE, BodyLevel.FEDERAL, False, r"\bфцт\b|\bфипи\b|федеральн\w* (?:центр|институт)"),
    (
        BodyKind.DEVELOPMENT_INSTITUTE,
        BodyLevel.REGIONAL,
        False,
        r"институт\w* (?:развития|повышения квалификации|усовершенствования)\w*",
    ),
    (
        BodyKind.DATA_CENTRE,
        BodyLevel.REGIONAL,
        False,
        r"\bрцои\b|центр\w* обработки информации|центр\w* (?:мониторинга|оценки) качества",
    ),
    (
        BodyKind.METHODICAL_SERVICE,
        BodyLevel.MUNICIPAL,
        True,
        r"\bммс\b|муниципальн\w* методическ\w* служб|методическ\w* служб",
    ),
    (
        BodyKind.METHODICAL_SERVICE,
        BodyLevel.MUNICIPAL,
        False,
        r"\bимц\b|методическ\w* центр|\bцдо\b|центр\w* дополнительного образования|\bгмо\b"
        r"|городск\w* методическ",
    ),
    (BodyKind.METHODICAL_SERVICE, BodyLevel.REGIONAL, False, r"\bк?умо\b|учебно-методическ\w* объединени"),
    (BodyKind.METHODICAL_SERVICE, BodyLevel.SCHOOL, True, r"\bшмо\b|методическ\w* объединени"),
    (
        BodyKind.COMMISSION,
        BodyLevel.REGIONAL,
        False,
        r"\bгэк\b|\bр?пк\b|\bак\b|\bкк\b|экзаменационн\w* комисси|предметн\w* комисси|апелляционн\w* комисси"
        r"|конфликтн\w* комисси|комисси\w* тифлопереводчик|пункт\w* рассмотрения апелляци",
    ),
    (
        BodyKind.VOCATIONAL_SCHOOL,
        BodyLevel.SCHOOL,
        True,
        r"\bпоо\b|профессиональн\w* образовательн\w* организац",
    ),
    (
        BodyKind.UNIVERSITY,
        BodyLevel.EXTERNAL,
        False,
        r"высшего образования|университет|\bвуз\w*|\bалтгу\b|\bагтту\b|\bагпу\b|академи",
    ),
    (
        BodyKind.SCHOOL,
        BodyLevel.SCHOOL,
        True,
        r"\bоо\b|общеобразовательн\w* (?:организаци|учреждени)|образовательн\w* организаци",
    ),
    (BodyKind.SCHOOL, BodyLevel.SCHOOL, False, r"\b(?:ма?оу|мбоу|мкоу|гоу|сш|сош|оош)\b|школ|лице|гимнази"),
    (BodyKind.EXAM_SITE, BodyLevel.SCHOOL, True, r"\bппэ\b|пункт\w* проведения экзамен"),
    (BodyKind.HEALTH, BodyLevel.EXTERNAL, False, r"здравоохранени|медицинск\w* (?:учреждени|организаци)"),
    (BodyKind.LAW_ENFORCEMENT, BodyLevel.FEDERAL, False, r"\bу?мвд\b|\bмчс\b|полици"),
    (BodyKind.MEDIA, BodyLevel.EXTERNAL, False, r"\bсми\b|средств\w* массовой информации|пресс-служб"),
    (BodyKind.COMMUNICATIONS, BodyLevel.FEDERAL, False, r"спецсвяз|ростелеком"),
    (BodyKind.PARENT_COMMITTEE, BodyLevel.MUNICIPAL, False, r"родительск\w* комитет|координационн\w* совет"),
    (BodyKind.GOVERNMENT, BodyLevel.REGIONAL, False, r"\bоив\b|исполнительн\w* власти"),
)
LEGAL_FORMS: dict[str, BodyLevel] = {
    "ФГБУ": BodyLevel.FEDERAL, "ФГБНУ": BodyLevel.FEDERAL,
    "ФГАУ": BodyLevel.FEDERAL, "ФГУП": BodyLevel.FEDERAL,
    "ГКУ": BodyLevel.REGIONAL, "ГБУ": BodyLevel.REGIONAL, "ГАУ": BodyLevel.REGIONAL,
    "ГОУ": BodyLevel.REGIONAL, "КАУ": BodyLevel.REGIONAL, "КГБУ": BodyLevel.REGIONAL,
    "ОГАУ": BodyLevel.REGIONAL, "ОГБУ": BodyLevel.REGIONAL,
    "АУ": BodyLevel.REGIONAL, "ГАОУ": BodyLevel.REGIONAL, "ГБОУ": BodyLevel.REGIONAL,
    "МБУ": BodyLevel.MUNICIPAL, "МАУ": BodyLevel.MUNICIPAL, "МКУ": BodyLevel.MUNICIPAL,
    "МБОУ": BodyLevel.SCHOOL, "МАОУ": BodyLevel.SCHOOL, "МКОУ": BodyLevel.SCHOOL, "МОУ": BodyLevel.SCHOOL,
    "ПАО": BodyLevel.EXTERNAL, "АО": BodyLevel.EXTERNAL, "ООО": BodyLevel.EXTERNAL,
}  # fmt: skip
"""Organisational-legal forms that open an organisation's name, with the level they imply: «ГКУ»
(a regional state institution), «МБУ» (municipal), «ФГБУ» (federal), «ПАО» (a company)."""
_LEGAL_FORM = re.compile(r"^(?P<form>[А-ЯЁ]{2,5})(?:\s+[А-ЯЁ]{2,4})*\s+\S")


def legal_form_level(text: str) -> BodyLevel | None:
    """The level implied by an organisational-legal form opening ``text`` («ГКУ КЦМКО» → regional)."""
    match = _LEGAL_FORM.match(clean_cell(text).replace("\n", " "))
    if match is None:
        return None
    return LEGAL_FORMS.get(match.group("form"))


_KIND_RULES = tuple(
    (kind, level, generic, re.compile(pattern)) for kind, level, generic, pattern in _KIND_RULES_SOURCE
)
_INSTITUTE_NAMES = (
    "институт развития образования",
    "институт повышения квалификации",
    "институт повышения квалификации работников образования",
    "институт повышения квалификации и переподготовки работников образования",
    "институт усовершенствования учителей",
)
"""The names a regional development institute goes by; its abbreviation is read by the general rule
of :func:`~gia_roadmap.text.abbreviates` (ИРО, ИРОК, АИРО, СОИРО, ИПК, КРИПКиПРО …), not listed."""
_ABBREVIATION_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def _names_institute(text: str) -> bool:
    """True when ``text`` holds an abbreviation of a development institute («ИРОК», «АИРО»)."""
    return any(
        abbreviates(word, name) for word in _ABBREVIATION_WORD.findall(text) for name in _INSTITUTE_NAMES
    )


_REGION_WORDS = re.compile(r"кра[йя]\w*|област\w*|республик\w*|округ\w*|кузбасс\w*|югр\w*")


def classify_body(text: str) -> tuple[BodyKind, BodyLevel, bool] | None:
    """Kind, level and genericity of the body named by ``text`` (a name or an abbreviation), or
    None when no rule recognises a body.

    >>> classify_body("Министерство образования и науки Алтайского края")
    (<BodyKind.MINISTRY: 'ministry'>, <BodyLevel.REGIONAL: 'regional'>, False)
    """
    low = normalize(text)
    if not low:
        return None
    federal = find_federal_body(text)
    if federal is not None:
        return federal.kind, federal.level, federal.generic
    for kind, level, generic, pattern in _KIND_RULES:
        if pattern.search(low) or (kind is BodyKind.DEVELOPMENT_INSTITUTE and _names_institute(text)):
            if kind is BodyKind.DEVELOPMENT_INSTITUTE or kind is BodyKind.DATA_CENTRE:
                return kind, level, generic
            if (
                kind is BodyKind.EDUCATION_AUTHORITY
                and level is BodyLevel.REGIONAL
                and not _REGION_WORDS.search(low)
            ):
                # «Управление образования» without a region: decided by the document, not the name.
                return kind, BodyLevel.UNKNOWN, generic
            return kind, level, generic
    level_by_form = legal_form_level(text)
    if level_by_form is not None:
        return BodyKind.OTHER, level_by_form, False
    return None


# --------------------------------------------------------------------------------------------
# Standard federal bodies
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _FederalRule:
    body: Body
    pattern: re.Pattern[str]
    stems: tuple[str, ...]


def _federal(
    name: str, abbreviations: tuple[str, ...], kind: BodyKind, pattern: str, stems: tuple[str, ...] = ()
) -> _FederalRule:
    body = Body(name, abbreviations, BodyLevel.FEDERAL, kind)
    return _FederalRule(body, re.compile(pattern), stems)


_FEDERAL_RULES: tuple[_FederalRule, ...] = (
    _federal(
        "Министерство просвещения Российской Федерации",
        ("Минпросвещения России", "Минпросвещения РФ", "Минпросвещения"),
        BodyKind.MINISTRY,
        r"минпросвещени\w*|министерств\w* просвещени\w*",
        ("минпросвещения",),
    ),
    _federal(
        "Федеральная служба по надзору в сфере образования и науки",
        ("Рособрнадзор", "РОН"),
        BodyKind.SUPERVISION,
        r"\bрон\b|федеральн\w* служб\w* по надзору в сфере образования",
        ("рособрнадзор",),
    ),
    _federal(
        "Министерство науки и высшего образования Российской Федерации",
        ("Минобрнауки России",),
        BodyKind.MINISTRY,
        r"минобрнауки (?:россии|рф)|министерств\w* науки и высшего образования российской",
    ),
    _federal(
        "Федеральное государственное бюджетное учреждение «Федеральный центр тестирования»",
        ("ФГБУ «ФЦТ»", "ФЦТ"),
        BodyKind.FEDERAL_CENTRE,
        r"\bфцт\b|федеральн\w* центр\w* тестировани",
    ),
    _federal(
        "Федеральное государственное бюджетное научное учреждение "
        "«Федеральный институт педагогических измерений»",
        ("ФГБНУ «ФИПИ»", "ФИПИ"),
        BodyKind.FEDERAL_CENTRE,
        r"\bфипи\b|федеральн\w* институт\w* педагогических (?:измерени|исследовани)",
    ),
    _federal(
        "Правительство Российской Федерации",
        ("Правительство РФ",),
        BodyKind.GOVERNMENT,
        r"правительств\w* (?:российской федерации|рф)",
    ),
    _federal(
        "ФГУП ГЦСС «Спецсвязь»", ("Спецсвязь",), BodyKind.COMMUNICATIONS, r"спецсвяз\w*", ("спецсвязь",)
    ),
    _federal("ПАО «Ростелеком»", ("Ростелеком",), BodyKind.COMMUNICATIONS, r"ростелеком", ("ростелеком",)),
    _federal(
        "Министерство внутренних дел Российской Федерации",
        ("МВД России", "МВД"),
        BodyKind.LAW_ENFORCEMENT,
        r"\bу?мвд\b|министерств\w* внутренних дел",
    ),
    _federal(
        "Министерство Российской Федерации по делам гражданской обороны, чрезвычайным ситуациям и ликвидации "
        "последствий стихийных бедствий",
        ("МЧС России", "МЧС"),
        BodyKind.LAW_ENFORCEMENT,
        r"\bмчс\b|чрезвычайн\w* ситуаци",
    ),
)

FEDERAL_BODIES: tuple[Body, ...] = tuple(rule.body for rule in _FEDERAL_RULES)
"""The standard federal bodies (Минпросвещения, Рособрнадзор, Минобрнауки России, ФЦТ, ФИПИ,
Правительство РФ, Спецсвязь, Ростелеком, МВД, МЧС)."""

_WORD = re.compile(r"[а-яa-z]+")
_FEDERAL_STEMS: Vocabulary[_FederalRule] = Vocabulary(
    {stem: rule for rule in _FEDERAL_RULES for stem in rule.stems}, endings=4
)
"""The stem words of the federal bodies, found in any case ending and with the typos a reader
forgives (:class:`~gia_roadmap.text.Vocabulary`)."""


def find_federal_body(text: str) -> Body | None:
    """The standard federal body ``text`` names, or None.

    Matches full names, abbreviations and inflected forms; a word that the typo rule of
    :class:`~gia_roadmap.text.Vocabulary` finds close to a body's stem word (with any case ending)
    also matches: «Рособнадзора», «Рособранзором», «особрнадзором» are Рособрнадзор.

    >>> find_federal_body("письмо Рособнадзора").short
    'Рособрнадзор'
    """
    found = federal_match(text)
    return found[0] if found is not None else None


def federal_match(text: str) -> tuple[Body, bool] | None:
    """Like :func:`find_federal_body`, also telling whether only the typo rule matched (True)."""
    low = normalize(text)
    for rule in _FEDERAL_RULES:
        if rule.pattern.search(low):
            return rule.body, False
    words = _WORD.findall(low)
    for word in words:
        found = _FEDERAL_STEMS.lookup(word)
        if found is not None:
            return found.body, not any(w.startswith(stem) for stem in found.stems for w in words)
    return None


def body_from_name(text: str, abbreviations: tuple[str, ...] = ()) -> Body:
    """A :class:`Body` for a name as written, classified by :func:`classify_body` (kind OTHER and
    level UNKNOWN when no rule fits)."""
    name = clean_cell(text).replace("\n", " ")
    federal = find_federal_body(name) if not abbreviations else None
    if federal is not None:
        return federal
    classified = classify_body(name) or classify_body(" ".join(abbreviations))
    if classified is None and abbreviations:
        classified = classify_body(f"{abbreviations[0]} {name}")
    if classified is None:
        return Body(name, abbreviations)
    kind, level, generic = classified
    return Body(name, abbreviations, level, kind, generic=generic)


STANDARD_ABBREVIATIONS: dict[str, str] = {
    "ОО": "общеобразовательные организации",
    "ПОО": "профессиональные образовательные организации",
    "МОУО": "муниципальные органы управления образованием",
    "ОМСУ": "органы местного самоуправления, осуществляющие управление в сфере образования",
    "УО": "управление образования",
    "ППЭ": "пункт проведения экзаменов",
    "ПРА": "пункт рассмотрения апелляций",
    "ГЭК": "государственная экзаменационная комиссия",
    "ПК": "предметные комиссии",
    "РПК": "региональные предметные комиссии",
    "АК": "апелляционная комиссия",
    "КК": "конфликтная комиссия",
    "РЦОИ": "региональный центр обработки информации",
    "ИРО": "институт развития образования",
    "УМО": "учебно-методическое объединение",
    "КУМО": "краевое учебно-методическое объединение",
    "ММС": "муниципальные методические службы",
    "ИМЦ": "информационно-методический центр",
    "ГМО": "городское методическое объединение",
    "ШМО": "школьное методическое объединение",
    "ЦДО": "центр дополнительного образования",
    "СМИ": "средства массовой информации",
    "ОИВ": "органы исполнительной власти",
}
"""Abbreviations every roadmap uses in the same general sense, used when a document does not
define them (a document's own glossary always wins): «ОО», «МОУО», «ППЭ», «ГЭК», «РЦОИ» …"""


def standard_body(abbreviation: str) -> Body | None:
    """The generic body a standard abbreviation or a federal abbreviation stands for, or None.

    >>> standard_body("МОУО").kind
    <BodyKind.EDUCATION_AUTHORITY: 'education_authority'>
    """
    key = clean_cell(abbreviation).replace("\n", " ").strip()
    for rule in _FEDERAL_RULES:
        if key in rule.body.abbreviations:
            return rule.body
    expansion = STANDARD_ABBREVIATIONS.get(key)
    if expansion is None:
        return None
    body = body_from_name(expansion, (key,))
    return body if body.kind is not BodyKind.OTHER else None
