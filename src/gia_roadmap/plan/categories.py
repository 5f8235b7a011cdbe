"""Categories of trained specialists («категории специалистов, привлекаемых к проведению ГИА»).

Plans name the same category a dozen ways: «члены ГЭК», «членов государственной экзаменационной
комиссии», «членов Государственной экзаменационной комиссии (далее – ГЭК)», the typo «члены ГЭЖ».
The registry is a set of general rules, not a list of strings: each :class:`SpecialistCategory`
has a pattern built from word *stems* (so every case and number matches), the commission and
site names in full and abbreviated form (ГЭК, ПК/РПК, АК/КК, ППЭ, РЦОИ), and a typo rule for the
abbreviations (one letter off in a known three-letter commission name, when nothing else in the
text could be meant). :func:`find_categories` returns every mention with its position and the
text as written; :func:`resolve_category` reads one mention.
"""

from __future__ import annotations

import enum
import re

import attrs

from gia_roadmap.calendar.exams import ExamScope
from gia_roadmap.text import normalize

__all__ = ["CategoryMention", "SpecialistCategory", "find_categories", "resolve_category"]


class SpecialistCategory(enum.Enum):
    """A category of people trained to run the exams (seed analysis §5).

    The value is a stable identifier; :attr:`label` is the Russian name in the nominative plural.
    """

    MUNICIPAL_COORDINATOR = "municipal_coordinator"
    RIS_OFFICER = "ris_officer"
    SUBJECT_COMMISSION_CHAIR = "subject_commission_chair"
    SUBJECT_COMMISSION_EXPERT = "subject_commission_expert"
    APPEAL_COMMISSION_CHAIR = "appeal_commission_chair"
    APPEAL_COMMISSION_MEMBER = "appeal_commission_member"
    GEK_CHAIR = "gek_chair"
    GEK_MEMBER = "gek_member"
    PPE_HEAD = "ppe_head"
    PPE_ORGANISER = "ppe_organiser"
    PPE_TECHNICAL_SPECIALIST = "ppe_technical_specialist"
    PUBLIC_OBSERVER = "public_observer"
    SCANNING_OPERATOR = "scanning_operator"
    RCOI_SPECIALIST = "rcoi_specialist"
    ASSISTANT = "assistant"
    MEDICAL_WORKER = "medical_worker"
    GVE_EXAMINER = "gve_examiner"
    LAB_SPECIALIST = "lab_specialist"
    FINAL_ESSAY_EXPERT = "final_essay_expert"
    FINAL_ESSAY_ORGANISER = "final_essay_organiser"
    EXAM_MATERIALS_OFFICER = "exam_materials_officer"
    VIDEO_SURVEILLANCE_OFFICER = "video_surveillance_officer"
    TYPHLO_TRANSLATOR = "typhlo_translator"
    SCHOOL_HEAD = "school_head"
    PSYCHOLOGIST = "psychologist"

    @property
    def label(self) -> str:
        """Russian name, nominative plural («члены ГЭК»)."""
        return _INFO[self][0]

    @property
    def label_en(self) -> str:
        """English name."""
        return _INFO[self][1]

    @property
    def exams(self) -> tuple[ExamScope, ...]:
        """The exams this category usually serves (seed analysis §5, column «exam»)."""
        return _INFO[self][2]


_GIA = (ExamScope.GIA_9, ExamScope.GIA_11)
_INFO: dict[SpecialistCategory, tuple[str, str, tuple[ExamScope, ...]]] = {
    SpecialistCategory.MUNICIPAL_COORDINATOR: (
        "муниципальные координаторы ГИА",
        "municipal ГИА coordinators",
        _GIA,
    ),
    SpecialistCategory.RIS_OFFICER: (
        "ответственные за ведение РИС",
        "people responsible for the regional information system (РИС)",
        _GIA,
    ),
    SpecialistCategory.SUBJECT_COMMISSION_CHAIR: (
        "председатели и заместители председателей предметных комиссий",
        "subject commission (ПК) chairs and deputies",
        _GIA,
    ),
    SpecialistCategory.SUBJECT_COMMISSION_EXPERT: (
        "эксперты (члены) предметных комиссий",
        "subject commission (ПК) experts and members",
        _GIA,
    ),
    SpecialistCategory.APPEAL_COMMISSION_CHAIR: (
        "председатели апелляционных (конфликтных) комиссий",
        "appeal commission (АК/КК) chairs",
        _GIA,
    ),
    SpecialistCategory.APPEAL_COMMISSION_MEMBER: (
        "члены апелляционной (конфликтной) комиссии",
        "appeal commission (АК/КК) members and secretaries",
        _GIA,
    ),
    SpecialistCategory.GEK_CHAIR: (
        "председатель ГЭК и его заместители",
        "state exam commission (ГЭК) chair and deputies",
        _GIA,
    ),
    SpecialistCategory.GEK_MEMBER: ("члены ГЭК", "state exam commission (ГЭК) members", _GIA),
    SpecialistCategory.PPE_HEAD: ("руководители ППЭ", "exam site (ППЭ) heads", _GIA),
    SpecialistCategory.PPE_ORGANISER: ("организаторы в ППЭ", "exam site (ППЭ) organisers", _GIA),
    SpecialistCategory.PPE_TECHNICAL_SPECIALIST: (
        "технические специалисты ППЭ",
        "exam site (ППЭ) technical specialists",
        _GIA,
    ),
    SpecialistCategory.PUBLIC_OBSERVER: (
        "общественные (онлайн) наблюдатели",
        "public and online observers",
        (*_GIA, ExamScope.FINAL_ESSAY),
    ),
    SpecialistCategory.SCANNING_OPERATOR: (
        "операторы сканирования, верификации",
        "scanning and verification operators",
        (ExamScope.GIA_11,),
    ),
    SpecialistCategory.RCOI_SPECIALIST: (
        "специалисты РЦОИ",
        "regional data-processing centre (РЦОИ) staff",
        _GIA,
    ),
    SpecialistCategory.ASSISTANT: ("ассистенты", "assistants to participants with disabilities (ОВЗ)", _GIA),
    SpecialistCategory.MEDICAL_WORKER: ("медицинские работники в ППЭ", "medical workers at exam sites", _GIA),
    SpecialistCategory.GVE_EXAMINER: ("экзаменаторы-собеседники", "oral ГВЭ examiners", (ExamScope.GVE,)),
    SpecialistCategory.LAB_SPECIALIST: (
        "специалисты по проведению инструктажа и обеспечению лабораторных работ",
        "briefing and laboratory-work specialists",
        (ExamScope.GIA_9,),
    ),
    SpecialistCategory.FINAL_ESSAY_EXPERT: (
        "эксперты по проверке итогового сочинения (изложения) и собеседования",
        "final essay / interview assessors",
        (ExamScope.FINAL_ESSAY, ExamScope.FINAL_INTERVIEW),
    ),
    SpecialistCategory.FINAL_ESSAY_ORGANISER: (
        "ответственные за проведение итогового сочинения (изложения)",
        "final essay organisers at schools",
        (ExamScope.FINAL_ESSAY, ExamScope.FINAL_INTERVIEW),
    ),
    SpecialistCategory.EXAM_MATERIALS_OFFICER: (
        "ответственные за работу с экзаменационными материалами (ЭМ, КИМ)",
        "exam materials custodians",
        _GIA,
    ),
    SpecialistCategory.VIDEO_SURVEILLANCE_OFFICER: (
        "ответственные за видеонаблюдение",
        "video surveillance officers",
        _GIA,
    ),
    SpecialistCategory.TYPHLO_TRANSLATOR: ("тифлопереводчики", "braille translators", _GIA),
    SpecialistCategory.SCHOOL_HEAD: ("руководители (директора) ОО", "school heads", _GIA),
    SpecialistCategory.PSYCHOLOGIST: (
        "педагоги-психологи, специалисты психолого-педагогического сопровождения",
        "school psychologists",
        _GIA,
    ),
}

# Building blocks (run on normalize()d text). «\w*» after a stem accepts every case and number.
_GEK = r"(?:гэк|государственн\w* экзаменационн\w* комисси\w*)"
_PK = r"(?:р?пк|предметн\w* комисси\w*|региональн\w* предметн\w* комисси\w*)"
_AK = r"(?:ак|кк|апелляционн\w* комисси\w*|конфликтн\w* комисси\w*)"
_PPE = r"(?:ппэ|пункт\w* проведения экзамен\w*)"
_CHAIRS = r"(?:(?:заместител\w* )?председател\w*(?: и (?:их )?заместител\w*(?: председател\w*)?)?)"
_FILLER = r"(?:\s+(?!и\b)[\w()«».,-]+?){0,6}?"

_RULES: tuple[tuple[SpecialistCategory, str], ...] = (
    # Most specific first: a chair before a member, an essay expert before a ПК expert.
    (SpecialistCategory.GEK_CHAIR, rf"{_CHAIRS}\s+{_GEK}"),
    (SpecialistCategory.SUBJECT_COMMISSION_CHAIR, rf"{_CHAIRS}(?:\s+(?:и\s+)?{_CHAIRS})?\s+{_PK}"),
    (SpecialistCategory.APPEAL_COMMISSION_CHAIR, rf"{_CHAIRS}\s+{_AK}"),
    (
        SpecialistCategory.FINAL_ESSAY_EXPERT,
        r"эксперт\w*(?: по (?:проверке|оцениванию))? итогов\w* (?:сочинени|изложени|собеседовани)\w*",
    ),
    (
        SpecialistCategory.FINAL_ESSAY_ORGANISER,
        r"(?:специалист\w*|лиц\w*|работник\w*),? ответственн\w* за (?:проведение|организацию)"
        r"(?: и проведение)? итогов\w* (?:сочинени|изложени|собеседовани)\w*",
    ),
    (SpecialistCategory.GEK_MEMBER, rf"член\w*\s+{_GEK}"),
    (SpecialistCategory.APPEAL_COMMISSION_MEMBER, rf"(?:член\w*|секретар\w*)\s+{_AK}"),
    (
        SpecialistCategory.SUBJECT_COMMISSION_EXPERT,
        rf"(?:эксперт\w*|член\w*)(?:\s+{_PK}\s*-\s*эксперт\w*|\s+{_PK})|эксперт\w*{_FILLER}\s+{_PK}"
        rf"|(?:эксперт\w*|член\w*) ?-? ?{_PK}",
    ),
    (SpecialistCategory.MUNICIPAL_COORDINATOR, r"муниципальн\w* координатор\w*"),
    (
        SpecialistCategory.RIS_OFFICER,
        r"ответственн\w*(?: специалист\w*)? за (?:[^.;:]{0,80}?\b)?"
        r"(?:ведение|формирование|внесение сведений в)(?: \w+){0,3}? "
        r"(?:рис\b|региональн\w* информационн\w* систем\w*)",
    ),
    (SpecialistCategory.PPE_TECHNICAL_SPECIALIST, rf"техническ\w* специалист\w*(?:{_FILLER}\s+{_PPE})?"),
    (SpecialistCategory.PPE_HEAD, rf"(?:руководител\w*|руководство)\s+{_PPE}"),
    (
        SpecialistCategory.PPE_ORGANISER,
        rf"организатор\w*(?: гиа)?(?: (?:в|вне)? ?аудитори\w*)?(?: в| вне)? {_PPE}"
        r"|организатор\w*(?=\s*(?:$|[,;.]))",
    ),
    (
        SpecialistCategory.PUBLIC_OBSERVER,
        r"(?:общественн\w*|онлайн|он-лайн)(?:[ -]+наблюдател\w*|,? (?:онлайн[ -])?наблюдател\w*)"
        r"|наблюдател\w* (?:за ходом|в ппэ)|мониторинг\w* за ходом проведения",
    ),
    (
        SpecialistCategory.SCANNING_OPERATOR,
        r"оператор\w* (?:сканировани\w*|верификаци\w*)(?:,? (?:и )?(?:сканировани|верификаци)\w*)?",
    ),
    (
        SpecialistCategory.RCOI_SPECIALIST,
        r"(?:специалист\w*|сотрудник\w*|работник\w*) (?:рцои|регионального центра обработки информации)"
        r"|работник\w*,? привлекаем\w* для обработки бланков",
    ),
    (SpecialistCategory.ASSISTANT, r"\bассистент\w*"),
    (SpecialistCategory.MEDICAL_WORKER, r"медицинск\w* работник\w*"),
    (SpecialistCategory.GVE_EXAMINER, r"экзаменатор\w*-?\s?собеседник\w*"),
    (SpecialistCategory.LAB_SPECIALIST, r"специалист\w* по проведению инструктажа|лабораторн\w* работ"),
    (
        SpecialistCategory.EXAM_MATERIALS_OFFICER,
        r"ответственн\w* за (?:работу с|подготовку|получение|хранение)(?: [\w(),]+){0,6}? "
        r"(?:экзаменационн\w* материал\w*|контрольно-измерительн\w* материал\w*|\bэм\b|\bким\b)",
    ),
    (
        SpecialistCategory.VIDEO_SURVEILLANCE_OFFICER,
        r"(?:координатор\w*|ответственн\w*)(?: [\w,]+){0,5}? (?:систем\w* )?видеонаблюдени\w*",
    ),
    (SpecialistCategory.TYPHLO_TRANSLATOR, r"тифлопереводчик\w*"),
    (SpecialistCategory.PSYCHOLOGIST, r"педагог\w*\s*-\s*психолог\w*|психолого-педагогическ\w* сопровождени"),
    (
        SpecialistCategory.SCHOOL_HEAD,
        r"(?:директор\w*|руководител\w*) (?:оо\b|общеобразовательн\w* (?:организаци|учреждени)\w*)",
    ),
)
_COMPILED = tuple((category, re.compile(pattern)) for category, pattern in _RULES)
_PRIORITY = {category: index for index, (category, _) in enumerate(_RULES)}


@attrs.frozen
class CategoryMention:
    """One mention of a category in a text.

    Attributes:
        category: the category read.
        text: the words as normalised for matching (lower case).
        start, end: character offsets of the mention in the normalised text.
    """

    category: SpecialistCategory
    text: str
    start: int
    end: int


# Abbreviations a category mention may end in. A token of the same length one letter away from
# exactly one of them, right after a role word («члены ГЭЖ»), is read as that abbreviation.
_KNOWN_ABBREVIATIONS = frozenset(
    {"гэк", "ппэ", "рпк", "пк", "ак", "кк", "рцои", "моуо", "оо", "рис", "ким", "эм", "овз", "гиа"}
)
_AFTER_ROLE = re.compile(
    r"\b(?:член|председател|эксперт|руководител|организатор|секретар|специалист)\w*\s+([а-я]{3,4})\b"
)


def _repair_abbreviations(low: str) -> str:
    """Replace one-letter typos of known abbreviations after a role word; offsets do not move."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(1)
        if word in _KNOWN_ABBREVIATIONS:
            return match.group(0)
        close = [
            known
            for known in _KNOWN_ABBREVIATIONS
            if len(known) == len(word) and sum(a != b for a, b in zip(known, word, strict=True)) == 1
        ]
        if len(close) != 1:
            return match.group(0)
        return match.group(0)[: match.start(1) - match.start()] + close[0]

    return _AFTER_ROLE.sub(fix, low)


_ROLE = r"(?:председател|заместител|член|эксперт|руководител|организатор|секретар|специалист)\w*"
_ROLE_ITEM = rf"(?:(?!и\b)[а-я]+(?:ых|их|ого|его)\s+)?{_ROLE}"
_AND = r"(?:\s*,\s*|\s+и\s+|\s*,\s*и\s+)"
_COORDINATED = re.compile(
    rf"\b({_ROLE_ITEM}(?:{_AND}{_ROLE_ITEM})+)\s+((?:{_GEK}|{_PK}|{_AK}|{_PPE})\b)"
)
"""Roles listed before one body, the body written once: «председателей и экспертов ПК», «руководителей,
организаторов и технических специалистов ППЭ» (each role is read with the body)."""
_ROLE_WORD = re.compile(_ROLE_ITEM)


def _coordinated(low: str) -> list[tuple[int, int, SpecialistCategory]]:
    """The categories of roles that share one body written after the last of them."""
    out: list[tuple[int, int, SpecialistCategory]] = []
    for match in _COORDINATED.finditer(low):
        body = match.group(2)
        for role in _ROLE_WORD.finditer(match.group(1)):
            phrase = f"{role.group(0)} {body}"
            for category, pattern in _COMPILED:
                if pattern.fullmatch(phrase) or pattern.match(phrase):
                    out.append((match.start(), match.end(), category))
                    break
    return out


def find_categories(text: str) -> tuple[CategoryMention, ...]:
    """Every category mentioned in ``text``, left to right, without overlaps.

    Where two rules match overlapping words, the more specific rule (a chair before a member) and
    then the longer match wins.

    Examples:
        >>> [m.category.name for m in find_categories("члены ГЭЖ, руководители ППЭ")]
        ['GEK_MEMBER', 'PPE_HEAD']
    """
    low = _repair_abbreviations(normalize(text))
    candidates: list[tuple[int, int, int, SpecialistCategory]] = []
    for category, pattern in _COMPILED:
        for match in pattern.finditer(low):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), _PRIORITY[category], category))
    # Prefer specific rules, then longer spans; then drop whatever overlaps a kept span.
    candidates.sort(key=lambda c: (c[2], -(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, SpecialistCategory]] = []
    for start, end, _, category in candidates:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, category))
    present = {category for _, _, category in kept}
    for start, end, category in _coordinated(low):
        if category not in present:
            present.add(category)
            kept.append((start, end, category))
    kept.sort(key=lambda k: (k[0], k[1], _PRIORITY[k[2]]))
    return tuple(CategoryMention(category, low[start:end], start, end) for start, end, category in kept)


def resolve_category(text: str) -> SpecialistCategory | None:
    """The category ``text`` names, or None when it names none.

    When the text names several, the first one (leftmost) is returned; use
    :func:`find_categories` for all of them.

    >>> resolve_category("членов государственной экзаменационной комиссии")
    <SpecialistCategory.GEK_MEMBER: 'gek_member'>
    """
    mentions = find_categories(text)
    return mentions[0].category if mentions else None
