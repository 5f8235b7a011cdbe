"""Named officials (:class:`Person`) and generic roles (:class:`Role`).

Documents write names in one of two orders (:class:`NameOrder`): surname first («Полосина Н.В.»,
002, 003, 004 B) or initials first («О.Н. Симонова», 000, 004 A, 004 C). In a cell separated by
spaces only («О.Н. Симонова Н.В. Сафонова С.П. Денисенкова») the order decides who is who, so the
resolver reads names with the document's order. Names in preambles are inflected («Терновую
Л.С.», «Шарафутдиновой И.Р.»): :attr:`Person.surname` keeps them as written and
:meth:`Person.same_as` compares case-insensitively of endings and forgives one-letter typos
(«Владиминова Е.В.» is «Владимирова Е.В.»).

A :class:`Role` is a position held in a class of organisations, plural and generic: «руководители
МОУО», «члены ГЭК», «заведующие предметных кафедр КАУ ДПО «АИРО им. А.М. Топорова»».
"""

from __future__ import annotations

import enum
import re

import attrs

from gia_roadmap.plan.bodies import Body
from gia_roadmap.plan.categories import SpecialistCategory
from gia_roadmap.plan.fields import check_fields
from gia_roadmap.text import SHORTENED_WORDS, normalize, similar_words

__all__ = [
    "INITIALS",
    "ROLE_HEAD",
    "SURNAME",
    "NameOrder",
    "Person",
    "Role",
    "normalize_initials",
    "parse_person",
    "surname_stems",
]


class NameOrder(enum.Enum):
    """How a document writes a person's name."""

    SURNAME_FIRST = "surname_first"
    """«Полосина Н.В.»."""
    INITIALS_FIRST = "initials_first"
    """«О.Н. Симонова», «А.Н.Лаврентьева»."""
    UNKNOWN = "unknown"
    """Not known: decided per cell by which form the cell starts with."""


INITIALS = r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?"
"""Regular expression of initials: «Н.В.», «Н. В.», «Г.Ш.», a single «М.»."""
SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
"""Regular expression of a capitalised surname, double-barrelled allowed."""

_SURNAME_FIRST = re.compile(rf"(?P<surname>{SURNAME})\s+(?P<initials>{INITIALS})")
_INITIALS_FIRST = re.compile(rf"(?P<initials>{INITIALS})\s*(?P<surname>{SURNAME})")


def normalize_initials(initials: str) -> str:
    """Initials without spaces and with a final dot: «Н. В» → «Н.В.»."""
    compact = re.sub(r"\s", "", initials)
    return compact if not compact or compact.endswith(".") else compact + "."


def _initials_key(initials: str) -> str:
    return re.sub(r"[^А-ЯЁ]", "", initials.upper())


# Case endings of Russian surnames, oblique → nominative, longest first. Only forms that cannot be
# a nominative themselves are listed, so a nominative never changes.
_ENDINGS = (
    ("ской", "ская"), ("цкой", "цкая"), ("скую", "ская"), ("цкую", "цкая"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
    ("ову", "ов"), ("еву", "ев"), ("ину", "ин"),
    ("ову", "ова"), ("еву", "ева"), ("ину", "ина"),
    ("ого", "ий"), ("ому", "ий"),
    ("ую", "ая"), ("ой", "а"),
)  # fmt: skip


def surname_stems(surname: str) -> frozenset[str]:
    """The surname and its possible nominative forms (lower case, «ё»→«е»)."""
    low = surname.lower().replace("ё", "е")
    forms = {low}
    for oblique, nominative in _ENDINGS:
        if low.endswith(oblique) and len(low) > len(oblique) + 2:
            forms.add(low[: -len(oblique)] + nominative)
    return frozenset(forms)


@attrs.frozen
class Person:
    """A named official.

    Attributes:
        surname: as written (possibly inflected: «Терновую»).
        initials: as written, e.g. «Н.В.».
        unit: the unit the person heads or works in («Отдел общего образования»), when given.
        organisation: the organisation, when given («ГКУ КЦМКО», «АлтГУ»).
        position: a position when written («начальник Управления»), else empty.
    """

    surname: str
    initials: str = ""
    unit: Body | None = None
    organisation: Body | None = None
    position: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def same_as(self, other: Person) -> bool:
        """True when both name one person: equal initials (letters only) and surnames equal up
        to case endings and one typo («Владиминова» ~ «Владимирова», «Терновую» ~ «Терновая»)."""
        if _initials_key(self.initials) != _initials_key(other.initials):
            return False
        mine, theirs = surname_stems(self.surname), surname_stems(other.surname)
        if mine & theirs:
            return True
        return any(similar_words(a, b) for a in mine for b in theirs)

    def display(self, order: NameOrder = NameOrder.SURNAME_FIRST) -> str:
        """The name in ``order`` («Полосина Н.В.» or «Н.В. Полосина»)."""
        if not self.initials:
            return self.surname
        if order is NameOrder.INITIALS_FIRST:
            return f"{self.initials} {self.surname}"
        return f"{self.surname} {self.initials}"

    def __str__(self) -> str:
        return self.display()


def parse_person(text: str, order: NameOrder = NameOrder.UNKNOWN) -> Person | None:
    """Read one name («Полосина Н.В.», «О.Н. Симонова», «А.Н.Лаврентьева») or return None.

    The whole text must be the name (surrounding spaces and punctuation aside). With
    :attr:`NameOrder.UNKNOWN` both orders are tried, initials first when the text starts with them.
    """
    stripped = text.strip(" ,.;:\n\t")
    if not stripped.endswith(".") and text.rstrip().endswith("."):
        stripped += "."  # keep the dot of the last initial
    patterns = {
        NameOrder.SURNAME_FIRST: (_SURNAME_FIRST,),
        NameOrder.INITIALS_FIRST: (_INITIALS_FIRST,),
        NameOrder.UNKNOWN: (_INITIALS_FIRST, _SURNAME_FIRST),
    }[order]
    for pattern in patterns:
        match = pattern.fullmatch(stripped)
        if match is not None:
            return Person(match.group("surname"), normalize_initials(match.group("initials")))
    return None


_ROLE_HEADS = (
    "руководител", "руководств", "председател", "заместител", "член", "заведующ", "специалист", "директор",
    "начальник", "сотрудник", "работник", "эксперт", "организатор", "координатор", "секретар", "педагог",
    "учител", "ответственн", "кураторы", "куратор", "представител", "инспектор", "наблюдател", "методист",
    "тьютор", "ассистент", "уполномоченн", "консультант", "оператор", "администратор", "помощник",
)  # fmt: skip
# Positions written shortened with a dot («Зам.», «нач.», «зав.»), from the text vocabulary.
_SHORT_HEADS = sorted(
    (re.escape(short) for short, full in SHORTENED_WORDS.items() if full.startswith(_ROLE_HEADS)),
    key=len,
    reverse=True,
)
_FULL_HEAD = "(?:" + "|".join(_ROLE_HEADS) + r")[а-яё]*(?:-[а-яё]+)*"
ROLE_HEAD = re.compile(rf"(?<![\w-])(?:{_FULL_HEAD}|(?:{'|'.join(_SHORT_HEADS)})\.)", re.IGNORECASE)
"""Words a role starts with («руководители», «члены», «председатель», «заведующие», «учителя-предметники»,
«Зам.» …)."""


@attrs.frozen
class Role:
    """A generic role: a position held in a class of organisations («руководители ОО»).

    Attributes:
        title: the position words as written («руководители», «председатели»).
        of: what it is a position in, as written («МОУО», «предметных отделений краевого УМО»);
            empty when not written.
        body: the body ``of`` names, when recognised.
        category: the trained-specialist category the role is, when it is one («члены ГЭК»).
    """

    title: str
    of: str = ""
    body: Body | None = None
    category: SpecialistCategory | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def text(self) -> str:
        """The role as one phrase."""
        return f"{self.title} {self.of}".strip()

    def same_as(self, other: Role) -> bool:
        """True when the phrases are equal after normalisation, or both name the same category,
        or both have equal titles (first word stem) and bodies with a shared abbreviation."""
        if normalize(self.text) == normalize(other.text):
            return True
        if self.category is not None and self.category is other.category:
            return True
        same_title = normalize(self.title)[:6] == normalize(other.title)[:6]
        return (
            same_title and self.body is not None and other.body is not None and self.body.same_as(other.body)
        )

    def __str__(self) -> str:
        return self.text
