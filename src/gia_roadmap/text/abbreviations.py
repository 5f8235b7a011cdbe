"""Abbreviations (аббревиатуры) read by their rule instead of from a list.

A Russian institutional abbreviation is the initial letters of the name («институт развития
образования» → ИРО), often with the region's letters before or after it: АИРО (Алтайский),
СОИРО (Смоленский областной), ИРОК (… Кузбасса), and a lower-case «и» for a conjunction
(КРИПКиПРО: Курганский региональный институт повышения квалификации и переподготовки работников
образования). :func:`initialism` makes the letters of a name; :func:`abbreviates` says whether a
word written as an abbreviation (:func:`is_abbreviation`) stands for the name, allowing a few
letters of region around it. A region we have never seen is recognised all the same.

>>> [abbreviates(w, "институт развития образования") for w in ("ИРОК", "АИРО", "Широк", "ИРОНИЯ")]
[True, True, False, False]

A word shortened with a dot (сокращение: «зам.», «нач.», «им.», «г.») is a different thing: the
first letters of one word, written in lower or title case, whose dot ends the word, not the
sentence. :data:`SHORTENED_WORDS` lists those official writing uses beside positions and
organisations; :func:`expand_shortening` reads one.

>>> expand_shortening("Зам."), expand_shortening("ВР.")
('заместитель', None)
"""

from __future__ import annotations

import re

from gia_roadmap.errors import InvalidValueError
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = ["SHORTENED_WORDS", "abbreviates", "expand_shortening", "initialism", "is_abbreviation"]

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_CONJUNCTIONS = frozenset({"и"})
# Upper-case letters, possibly joined by a lower-case «и» (a conjunction): «ИРОК», «КРИПКиПРО».
_ABBREVIATION = re.compile(r"[А-ЯЁ]+(?:и[А-ЯЁ]+)*")


def _letters(phrase: str) -> list[tuple[str, bool]]:
    """Each word's initial, lower case, and whether the word is a conjunction (kept whole)."""
    words = _WORD.findall(phrase.lower().replace("ё", "е"))
    if not words:
        raise InvalidValueError(f"an abbreviation is made from words; {phrase!r} has none")
    return [(w, True) if w in _CONJUNCTIONS else (w[0], False) for w in words]


def initialism(phrase: str) -> str:
    """The initial letters of ``phrase``, lower case; a conjunction «и» stays a whole «и».

    >>> initialism("институт повышения квалификации и переподготовки работников образования")
    'ипкипро'
    """
    return "".join(letter for letter, _ in _letters(phrase))


def is_abbreviation(word: str) -> bool:
    """True when ``word`` is written as an abbreviation: at least two letters, all capitals but a
    conjunction «и» between them («ИРО», «КРИПКиПРО»; not «Иро», «ирок»)."""
    word = fix_lookalikes(word)
    return _ABBREVIATION.fullmatch(word) is not None and sum(c.isupper() for c in word) >= 2


def abbreviates(word: str, phrase: str, *, affix: int = 3) -> bool:
    """True when ``word``, written as an abbreviation, stands for ``phrase``: it holds the
    :func:`initialism` of the phrase with at most ``affix`` more letters (the region's) around it,
    at most two of them after it («ИРОК», «СОИРО»; not «ИРОНИЯ»).

    The initials of the phrase's words must be capitals; only a conjunction may be a small «и», so
    the «и» of «УПОиПК» (… образования и повышения квалификации) is no «институт».

    >>> abbreviates("КРИПКиПРО", "институт повышения квалификации и переподготовки работников образования")
    True
    >>> abbreviates("УПОиПК", "институт повышения квалификации")
    False
    """
    if not is_abbreviation(word):
        return False
    written = fix_lookalikes(word).replace("Ё", "Е").replace("ё", "е")
    core = _letters(phrase)
    for at in range(len(written) - len(core) + 1):
        after = len(written) - at - len(core)
        if after > 2 or at + after > affix:
            continue
        if all(
            written[at + i].lower() == letter and (conjunction or written[at + i].isupper())
            for i, (letter, conjunction) in enumerate(core)
        ):
            return True
    return False


SHORTENED_WORDS: dict[str, str] = {
    # positions (должности)
    "зам": "заместитель", "нач": "начальник",
    "зав": "заведующий", "пред": "председатель", "рук": "руководитель", "дир": "директор",
    "спец": "специалист", "инсп": "инспектор", "отв": "ответственный", "секр": "секретарь",
    "уч": "учитель", "пед": "педагог", "гл": "главный", "ст": "старший", "вед": "ведущий",
    "кл": "классный", "и.о": "исполняющий обязанности", "врио": "временно исполняющий обязанности",
    # organisations and places
    "им": "имени", "г": "город", "гор": "город", "обл": "область", "р-на": "района",
    "р-н": "район", "мун": "муниципальный", "гос": "государственный", "упр": "управление",
    "отд": "отдел", "адм": "администрация", "ул": "улица", "пос": "посёлок", "каб": "кабинет",
    "кафедр": "кафедра",
    # references
    "др": "другие", "пр": "прочие", "см": "смотри",
}  # fmt: skip
"""Words shortened with a dot, without the dot and in lower case, with the full word (nominative).

A dot after one of them ends the word, not the sentence: «Зам. директора по УВР» is one position,
«МБОУ СОШ им. А.С. Пушкина» one school. Abbreviations of months and weekdays live with their
tables (:mod:`~gia_roadmap.text.months`, :mod:`~gia_roadmap.text.weekdays`); a single capital
with a dot is an initial («А.С.»), so one-letter shortenings other than «г.» are left out."""


def expand_shortening(word: str) -> str | None:
    """The full word of ``word`` written as a shortening with its dot («Зам.» → «заместитель»),
    or None when it is not one (no dot, an abbreviation in capitals such as «ВР.», or unknown).

    >>> expand_shortening("нач."), expand_shortening("нач"), expand_shortening("И.о.")
    ('начальник', None, 'исполняющий обязанности')
    """
    stripped = word.strip()
    if not stripped.endswith(".") or len(stripped) < 2:
        return None
    core = fix_lookalikes(stripped[:-1])
    if sum(c.isupper() for c in core) > 1:
        return None
    return SHORTENED_WORDS.get(core.lower().replace("ё", "е"))
