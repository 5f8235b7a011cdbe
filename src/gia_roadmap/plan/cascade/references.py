"""References to the items of another document («ссылки на пункты»), read from a measure's text.

A municipal plan implements the region's items and says so, in a column of item numbers (seed 003's
«№ по приказу Департамента») or in the text: «в соответствии с п. 2.3 приказа Департамента от
29.10.2021 № 10-П-1485», «(пп. 1.2, 1.4 регионального плана)», «пункты 3.1–3.3 дорожной карты
Министерства». :func:`read_item_references` reads every such reference by one general rule, not by
the wording of any document:

* a **marker**: «п.», «пп.», «п.п.», «пункт» and «подпункт» in every case and number;
* a **list of item numbers**: «2.3», «2.3.1.», joined by «,», «;», «и», «или», and ranges «2.1–2.4»
  (a range of sub-items of one item is expanded: «2.1–2.4» is 2.1, 2.2, 2.3, 2.4);
* the **document cited** (:class:`CitedDocument`), read from the words after the numbers: a part of
  it passed over («раздела 2», «приложения № 1 к»), adjectives («настоящего», «регионального»,
  «муниципальной»), the document's noun, the issuer in the genitive («Департамента образования …»),
  the date («от 29.10.2021», «от 29 октября 2021 г.») and the number («№ 10-П-1485»).

The noun decides what kind of document is cited (:class:`CitedKind`): an order or another act
(«приказа», «распоряжения», «постановления»), a plan («плана», «дорожной карты», «комплекса мер»),
the citing document itself («настоящего плана», «данного приказа»), or something that is no plan of
the cascade («Порядка», «Положения», «статьи», «закона», «письма»). Numbers with no document after
them («см. п. 2.3») cite nothing stated. Which plan a reference points to is decided by the plan set
(:mod:`gia_roadmap.plan.cascade.linking`), which knows the parent plan's order, issuer and level.

:func:`read_order_citations` reads the citations of acts themselves («приказ Департамента от 29.10.2021
№ 10-П-1485»), which :mod:`~gia_roadmap.plan.cascade.linking` compares with the orders that approve
the plans of a set.

>>> [r.numbers for r in read_item_references("согласно пп. 2.1–2.3 и 2.5 регионального плана")]
[('2.1', '2.2', '2.3', '2.5')]
>>> ref = read_item_references("в соответствии с п. 6.16 приказа Департамента от 29.10.2021 № 10-П-1485")[0]
>>> ref.document.kind, ref.document.issuer, ref.document.date, ref.document.number
(<CitedKind.ORDER: 'order'>, 'Департамента', datetime.date(2021, 10, 29), '10-П-1485')
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from gia_roadmap.plan.bodies import BodyLevel, classify_body
from gia_roadmap.plan.model import MeasureNumber, PlanLevel
from gia_roadmap.text import DASH_CLASS, MONTH_PATTERN, month_of

__all__ = [
    "CitedDocument",
    "CitedKind",
    "ItemReference",
    "OrderCitation",
    "read_item_references",
    "read_order_citations",
]


class CitedKind(enum.Enum):
    """What kind of document a reference cites."""

    ORDER = "order"
    """An order or another act of an authority («приказа», «распоряжения», «постановления»): the act
    that approves a plan (a plan is its appendix)."""
    PLAN = "plan"
    """A plan («плана», «дорожной карты», «плана мероприятий», «комплекса мер»)."""
    OWN = "own"
    """The citing document itself («настоящего плана», «данного приказа», «настоящей дорожной карты»)."""
    OTHER = "other"
    """A document that is no plan of the cascade: a federal procedure, a regulation, a law, a letter
    («Порядка», «Положения», «статьи», «закона», «письма», «методических рекомендаций»)."""
    UNSTATED = "unstated"
    """No document is named after the numbers («см. п. 2.3»)."""


@attrs.frozen
class CitedDocument:
    """The document a reference cites, as far as its words say.

    Attributes:
        kind: order, plan, the citing document itself, another document, or unstated.
        words: the words naming it, as written («приказа Департамента от 29.10.2021 № 10-П-1485»).
        level: the level the words give it («регионального плана»; the issuer «Министерства
            образования … области»), None when they give none.
        issuer: the issuer as written, in the genitive («Департамента»), empty when not named.
        date: the date of the act, when written.
        number: the number of the act as written («10-П-1485»), empty when not written.
    """

    kind: CitedKind
    words: str = ""
    level: PlanLevel | None = None
    issuer: str = ""
    date: dt.date | None = None
    number: str = ""


@attrs.frozen
class ItemReference:
    """A reference to one or more items of a document.

    Attributes:
        numbers: the item numbers, canonical («2.3», «6.16»), ranges expanded, in the order written.
        raw: the reference as written («пп. 2.1–2.3 регионального плана»).
        document: the document it cites.
        start: where the reference starts in the text (0-based).
        end: where it ends (exclusive).
    """

    numbers: tuple[str, ...]
    raw: str
    document: CitedDocument
    start: int = 0
    end: int = 0


@attrs.frozen
class OrderCitation:
    """A citation of an act with its date and number («приказ Департамента от 29.10.2021 № 10-П-1485»).

    Attributes:
        kind: the act as written, in the nominative («приказ», «распоряжение», «постановление»).
        issuer: the issuer as written (genitive), empty when not named.
        date: the date, None when not written or unreadable.
        number: the number as written.
        raw: the citation as written.
        start: where it starts in the text.
        end: where it ends (exclusive).
    """

    kind: str
    issuer: str
    date: dt.date | None
    number: str
    raw: str
    start: int = 0
    end: int = 0


# --------------------------------------------------------------------------------------------
# The grammar
# --------------------------------------------------------------------------------------------

_CASE = r"(?:ы|а|у|ом|е|ов|ам|ами|ах)?"
_MARKER = rf"(?<![\w.])(?:п\.\s?п\.|пп\.?|п\.|(?:под)?пункт{_CASE})"
_NUMBER = r"\d{1,3}(?:\.\d{1,3})*\.?(?![\d\w])"
_DASH = DASH_CLASS
_SEPARATOR = rf"\s*(?:,|;|\bи\b|\bили\b|{_DASH})\s*"
_REFERENCE = re.compile(
    rf"{_MARKER}\s*(?P<numbers>{_NUMBER}(?:{_SEPARATOR}{_NUMBER})*)",
    re.IGNORECASE,
)
_NUMBER_OR_DASH = re.compile(rf"(?P<number>{_NUMBER})|(?P<dash>{_DASH})")

_DATE_WORDED = rf"\d{{1,2}}\s+(?:{MONTH_PATTERN})\s+\d{{4}}"
_DATE = (
    rf"(?:[«\"]?\s*\d{{1,2}}\s*[»\"]?\s*\.?\s*(?:\d{{1,2}}\s*\.\s*\d{{2,4}}|(?:{MONTH_PATTERN})\s+\d{{4}})"
    rf"|{_DATE_WORDED})"
)
_YEAR_WORD = r"(?:\s*(?:г\.|года|год)(?!\w))?"
_ACT_NUMBER = r"№\s*(?P<number>[\w./\\-]*\w)"
_DATE_AND_NUMBER = re.compile(
    rf"\s*(?:от\s+(?P<date>{_DATE}){_YEAR_WORD}\s*,?\s*(?:{_ACT_NUMBER})?"
    rf"|{_ACT_NUMBER.replace('number', 'number2')}\s*(?:от\s+(?P<date2>{_DATE}){_YEAR_WORD})?)",
    re.IGNORECASE,
)

_PART = re.compile(
    r"\s*(?:(?:под)?раздел\w*|разд\.|глав\w*|част\w*|приложени\w*|прил\.|табл\w*)\s*(?:№\s*)?"
    r"(?:\d+(?:\.\d+)*|[IVXLC]+)\.?(?:\s*(?:к|в)\b)?",
    re.IGNORECASE,
)
_ADJECTIVE = re.compile(r"\s*(?P<word>[а-яё-]+(?:ого|его|ой|ей|ому|ему|ым|им))(?![\w-])", re.IGNORECASE)
_OWN = re.compile(r"^(?:настоящ|данн|эт|сего|текущ)", re.IGNORECASE)
_LEVEL_WORDS = (
    (re.compile(r"^(?:региональн|областн|краев|окружн|республиканск)", re.IGNORECASE), PlanLevel.REGIONAL),
    (re.compile(r"^(?:муниципальн|городск|районн)", re.IGNORECASE), PlanLevel.MUNICIPAL),
    (re.compile(r"^(?:школьн)", re.IGNORECASE), PlanLevel.SCHOOL),
    (re.compile(r"^(?:федеральн|всероссийск)", re.IGNORECASE), PlanLevel.FEDERAL),
)
_NOUNS = (
    (CitedKind.ORDER, r"приказ\w*|распоряжени\w*|постановлени\w*"),
    (
        CitedKind.PLAN,
        r"план\w*(?:\s+мероприятий)?(?:\s*\(?\s*[«\"]?\s*дорожн\w*\s+карт\w*\s*[»\"]?\s*\)?)?"
        r"|[«\"]?\s*дорожн\w*\s+карт\w*\s*[»\"]?|комплекс\w*\s+мер\w*",
    ),
    (
        CitedKind.OTHER,
        r"поряд\w*|положени\w*|закон\w*|стат\w*|ст\.|рекомендаци\w*|регламент\w*|инструкци\w*|правил\w*"
        r"|требовани\w*|кодекс\w*|программ\w*|методик\w*|соглашени\w*|письм\w*|решени\w*|протокол\w*"
        r"|указ\w*|график\w*|перечн\w*|списк\w*|устав\w*|договор\w*|контракт\w*|ФЗ\b|федеральн\w*\s+закон\w*",
    ),
)
_NOUN = re.compile(
    r"\s*(?:" + "|".join(f"(?P<{kind.value}>{pattern})" for kind, pattern in _NOUNS) + r")(?![\w-])",
    re.IGNORECASE,
)
_ISSUER_HEAD = re.compile(
    r"(?:министерств|департамент|комитет|управлени|администраци|отдел|служб|ведомств|минобр|минпрос"
    r"|главы|губернатор|правительств|мэри|органа?\b)\w*",
    re.IGNORECASE,
)
_ISSUER_WORD = re.compile(
    rf"\s*(?P<word>[А-ЯЁA-Z][\w-]*|[а-яё][\w-]*|{_DASH}|\(|\)|«[^»]{{0,60}}»)",
)
_GENITIVE = re.compile(r"[а-яё-]+(?:а|я|и|ы|ого|его|ой|ей|ых|их|ов|ев)")
"""A lower-case word that may continue an issuer's name in the genitive («образования», «края»)."""
_DETAILS_AHEAD = re.compile(
    r"\s*(?P<issuer>[^\s,;:«»\"()№.][^,;:«»\"()№\n]{0,200}?)\s+(?=от\s+[«\"\d]|№)", re.IGNORECASE
)
"""An issuer followed by the act's date or number, with no punctuation in between."""
_STOP_WORDS = frozenset({"от", "об", "о", "в", "на", "с", "со", "для", "при", "по", "к", "года", "г"})
_KEEP_WORDS = frozenset({"и", "по", "в", "сфере", "области", "делам", "молодежной", "политики", "науки"})
_ACTS = {"приказ": "приказ", "распоряжени": "распоряжение", "постановлени": "постановление"}
_CITATION = re.compile(r"(?<![\w-])(?P<act>приказ\w*|распоряжени\w*|постановлени\w*)(?![\w-])", re.IGNORECASE)


def read_item_references(text: str) -> tuple[ItemReference, ...]:
    """Every reference to items of a document in ``text``, in order (see the module docstring).

    A number list that runs into a date («п. 5 от 12.09.2023») keeps only the item numbers before it.
    """
    out = []
    for match in _REFERENCE.finditer(text):
        numbers = _numbers(match.group("numbers"))
        if not numbers:
            continue
        document, end = _document(text, match.end())
        out.append(ItemReference(numbers, text[match.start() : end].strip(), document, match.start(), end))
    return tuple(out)


def read_order_citations(text: str) -> tuple[OrderCitation, ...]:
    """Every citation of an act with a date or a number in ``text``: «приказ(ом) <issuer> от <date>
    № <number>», «распоряжением … № …», in order. An act named with neither a date nor a number
    («приказом Департамента») is no citation."""
    out = []
    for match in _CITATION.finditer(text):
        issuer, position = _issuer(text, match.end())
        date, number, end = _date_and_number(text, position)
        if date is None and not number:
            continue
        stem = next(key for key in _ACTS if match.group("act").lower().startswith(key))
        out.append(
            OrderCitation(
                kind=_ACTS[stem],
                issuer=issuer,
                date=date,
                number=number,
                raw=text[match.start() : end].strip(),
                start=match.start(),
                end=end,
            )
        )
    return tuple(out)


def _numbers(text: str) -> tuple[str, ...]:
    """The canonical item numbers of a number list, ranges of sub-items expanded."""
    out: list[str] = []
    pending_range = False
    for token in _NUMBER_OR_DASH.finditer(text):
        if token.group("dash"):
            pending_range = bool(out)
            continue
        number = MeasureNumber.parse(token.group("number"))
        if not number.is_numbered:
            continue
        if pending_range:
            out.extend(_between(MeasureNumber.parse(out[-1]), number))
        out.append(number.canonical)
        pending_range = False
    return tuple(dict.fromkeys(out))


_WIDEST_RANGE = 50


def _between(first: MeasureNumber, last: MeasureNumber) -> list[str]:
    """The numbers strictly between two ends of a range of sub-items of one item («2.1–2.4»: 2.2,
    2.3); nothing when the ends differ elsewhere or the range is implausibly wide."""
    if len(first.parts) != len(last.parts) or first.parts[:-1] != last.parts[:-1]:
        return []
    low, high = first.parts[-1], last.parts[-1]
    if not 0 < high - low <= _WIDEST_RANGE:
        return []
    head = first.parts[:-1]
    return [".".join(map(str, (*head, n))) for n in range(low + 1, high)]


def _document(text: str, position: int) -> tuple[CitedDocument, int]:
    """The document cited by the words from ``position`` on, and where they end."""
    start = position
    part = _PART.match(text, position)
    while part is not None:
        position = part.end()
        part = _PART.match(text, position)
    own = False
    level: PlanLevel | None = None
    for _ in range(3):
        adjective = _ADJECTIVE.match(text, position)
        if adjective is None or _NOUN.match(text, position):
            break
        word = adjective.group("word")
        own = own or _OWN.match(word) is not None
        level = level or _level_of_word(word)
        position = adjective.end()
    noun = _NOUN.match(text, position)
    if noun is None:
        return CitedDocument(CitedKind.UNSTATED), start
    kind = next(k for k in (CitedKind.ORDER, CitedKind.PLAN, CitedKind.OTHER) if noun.group(k.value))
    position = noun.end()
    issuer = ""
    date: dt.date | None = None
    number = ""
    if kind in (CitedKind.ORDER, CitedKind.PLAN):
        issuer, position = _issuer(text, position)
        date, number, position = _date_and_number(text, position)
        if level is None and issuer:
            level = _level_of_issuer(issuer)
    if own:
        kind = CitedKind.OWN
    words = text[noun.start() : position].strip()
    return CitedDocument(kind, words, level, issuer, date, number), position


def _level_of_word(word: str) -> PlanLevel | None:
    for pattern, level in _LEVEL_WORDS:
        if pattern.match(word):
            return level
    return None


_BODY_LEVELS = {
    BodyLevel.FEDERAL: PlanLevel.FEDERAL,
    BodyLevel.REGIONAL: PlanLevel.REGIONAL,
    BodyLevel.MUNICIPAL: PlanLevel.MUNICIPAL,
    BodyLevel.SCHOOL: PlanLevel.SCHOOL,
}


def _level_of_issuer(issuer: str) -> PlanLevel | None:
    found = classify_body(issuer)
    return None if found is None else _BODY_LEVELS.get(found[1])


def _issuer(text: str, position: int) -> tuple[str, int]:
    """The issuer named in the genitive from ``position`` («Департамента образования и молодежной
    политики …»): it opens with a body's noun or a capital letter and runs up to «от», «№», a comma
    or a title in quotes; empty when none is named."""
    first = _ISSUER_WORD.match(text, position)
    if first is None:
        return "", position
    word = first.group("word")
    if not (_ISSUER_HEAD.match(word) or (word[:1].isupper() and word[:1].isalpha())):
        return "", position
    ahead = _DETAILS_AHEAD.match(text, position)
    if ahead is not None:  # the words up to «от <date>» or «№ …» are the issuer's
        return ahead.group("issuer").strip(), ahead.end("issuer")
    end = first.end()
    cursor = end
    for _ in range(16):
        following = _ISSUER_WORD.match(text, cursor)
        if following is None:
            break
        word = following.group("word")
        low = word.lower()
        if word.startswith("«") or (low in _STOP_WORDS and low not in _KEEP_WORDS):
            break
        if word[:1].islower() and low not in _KEEP_WORDS and not _GENITIVE.fullmatch(low):
            break
        cursor = following.end()
        if word not in ("(", ")") and not re.fullmatch(_DASH, word):
            end = cursor
    return text[position:end].strip(), end


def _date_and_number(text: str, position: int) -> tuple[dt.date | None, str, int]:
    """The date and number written from ``position`` («от 29.10.2021 № 10-П-1485», «№ 345 от 12 сентября
    2025 г.»), and where they end."""
    match = _DATE_AND_NUMBER.match(text, position)
    if match is None or not match.group(0).strip():
        return None, "", position
    raw_date = match.group("date") or match.group("date2")
    number = (match.group("number") or match.group("number2") or "").rstrip(".")
    return (_read_date(raw_date) if raw_date else None), number, match.end()


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[»\"]?\s*\.?\s*(\d{1,2})\s*\.\s*(\d{2,4})")
_WORDED_DATE = re.compile(rf"(\d{{1,2}})\s*[»\"]?\s+({MONTH_PATTERN})\s+(\d{{4}})", re.IGNORECASE)


def _read_date(text: str) -> dt.date | None:
    cleaned = text.replace("«", " ").strip()
    numeric = _NUMERIC_DATE.search(cleaned)
    try:
        if numeric is not None:
            day, month, year = (int(g) for g in numeric.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
        worded = _WORDED_DATE.search(cleaned)
        if worded is not None:
            month_number = month_of(worded.group(2).lower())
            if month_number is not None:
                return dt.date(int(worded.group(3)), month_number, int(worded.group(1)))
    except ValueError:  # «31.02.2021»: no such day
        return None
    return None
