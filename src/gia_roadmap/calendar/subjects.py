"""The subjects of the Russian Federation (субъекты РФ): ISO 3166-2:RU codes, names, and recognition.

All 89 subjects of art. 65 of the Constitution are listed in
``gia_roadmap/calendar/data/regions/subjects.toml`` with their ISO 3166-2:RU code (six subjects have none in
ISO 3166-2; their codes are marked). A regional calendar is named by the code:
``RussianCalendar(region="RU-TA")``.

:func:`find_federal_subjects` finds the subjects a text names, in any grammatical case and with the
document's own dashes, letter case and «ё»: «Министерство образования и науки Республики Татарстан» →
``RU-TA``, «Кемеровской области – Кузбасса» → ``RU-KEM``, «Ханты-Мансийского автономного округа – Югры» →
``RU-KHM``. The rule is general: a case form of a name's word has the word's stem
(:func:`gia_roadmap.text.stem`, Snowball's Russian stemmer), or adds an ending of at most three letters to
it («Адыгея» → «адыге», «Адыгеи»), and a text names a subject where the words of one of its names follow
each other in such forms.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
from collections.abc import Mapping

import attrs

from gia_roadmap.errors import CalendarDataError, InvalidValueError
from gia_roadmap.text import stem

__all__ = ["FederalSubject", "federal_subject", "federal_subjects", "find_federal_subjects"]


@attrs.frozen
class FederalSubject:
    """One subject of the Russian Federation.

    Attributes:
        code: the ISO 3166-2:RU code, e.g. ``"RU-TA"``.
        name: the name as art. 65 of the Constitution writes it, e.g. «Республика Татарстан».
        aliases: other names documents use («Татарстан»).
        iso: whether ``code`` is in ISO 3166-2 (``False`` for the six subjects ISO lists no code for).
    """

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    iso: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


@functools.cache
def _registry() -> Mapping[str, FederalSubject]:
    path = importlib.resources.files("gia_roadmap.calendar") / "data" / "regions" / "subjects.toml"
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    result: dict[str, FederalSubject] = {}
    for index, item in enumerate(document.get("subjects", [])):
        where = f"regions/subjects.toml, subjects[{index}]"
        if not isinstance(item, dict) or not {"code", "name"} <= set(item) <= {
            "code",
            "name",
            "aliases",
            "iso",
        }:
            raise CalendarDataError(f"{where}: expected a table with code, name and optional aliases, iso")
        code = item["code"]
        if not isinstance(code, str) or re.fullmatch(r"RU-[A-Z]{2,3}", code) is None or code in result:
            raise CalendarDataError(f"{where}: {code!r} is not a new code of the form RU-XX or RU-XXX")
        result[code] = FederalSubject(
            code=code,
            name=str(item["name"]),
            aliases=tuple(str(a) for a in item.get("aliases", [])),
            iso=bool(item.get("iso", True)),
        )
    return result


def federal_subjects() -> tuple[FederalSubject, ...]:
    """All 89 subjects, in the order of art. 65 of the Constitution."""
    return tuple(_registry().values())


def federal_subject(code: str) -> FederalSubject:
    """The subject with ISO 3166-2:RU ``code`` (any letter case, e.g. ``"ru-ta"``).

    Raises:
        InvalidValueError: no subject has that code; the message names the nearest valid codes.
    """
    if not isinstance(code, str):
        raise InvalidValueError(f"region must be an ISO 3166-2:RU code such as 'RU-TA', got {code!r}")
    key = code.strip().upper()
    if not key.startswith("RU-"):
        key = "RU-" + key
    found = _registry().get(key)
    if found is None:
        import difflib

        near = difflib.get_close_matches(key, list(_registry()), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise InvalidValueError(
            f"region {code!r} is not the ISO 3166-2:RU code of a subject of the Russian Federation{hint} "
            f"(e.g. 'RU-TA' for Республика Татарстан; gia_roadmap.calendar.federal_subjects() lists all 89)"
        )
    return found


# ---------------------------------------------------------------------------------------------- finding
_WORD = re.compile(r"[а-яa-z0-9]+(?:-[а-яa-z0-9]+)*")
_MAX_ENDING = 3
"""The longest case ending added to a stem («-ого», «-ому», «-ами»)."""


def _words(text: str) -> list[str]:
    from gia_roadmap.calendar.grammar import normalize

    return _WORD.findall(normalize(text).low)


@functools.cache
def _patterns() -> Mapping[tuple[str, ...], tuple[str, ...]]:
    """The stems of every name and alias -> the subject codes that name has (one, or several when two
    subjects share a name, which then decides nothing)."""
    patterns: dict[tuple[str, ...], list[str]] = {}
    for item in _registry().values():
        for name in item.names:
            codes = patterns.setdefault(tuple(stem(w) for w in _words(name)), [])
            if item.code not in codes:
                codes.append(item.code)
    return {key: tuple(codes) for key, codes in patterns.items()}


def _is_form(word: str, root: str) -> bool:
    """Whether ``word`` is a case form of the name word whose stem is ``root``."""
    return (word.startswith(root) and len(word) - len(root) <= _MAX_ENDING) or stem(word) == root


def find_federal_subjects(text: str) -> tuple[FederalSubject, ...]:
    """The subjects ``text`` names, in the order they first appear (each once).

    Any grammatical case, letter case, «ё», dash and Latin look-alike letter is accepted:
    ``find_federal_subjects("Министерство образования и науки Республики Татарстан")`` gives Татарстан.
    A name is found where its words follow each other in the text, each in some case form (the name's
    stem, or the stem and an ending of at most three letters); the longest name wins where names
    overlap («Республика Саха (Якутия)» over «Якутия», «Кемеровская область – Кузбасс» over «Кузбасс»).
    """
    words = _words(text)
    patterns = _patterns()
    by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for key, codes in patterns.items():
        by_first.setdefault(key[0][:3], []).append((key, codes))
    found: list[str] = []
    i = 0
    while i < len(words):
        best: tuple[int, tuple[str, ...]] | None = None
        for key, codes in by_first.get(words[i][:3], ()):
            size = len(key)
            if (
                i + size <= len(words)
                and (best is None or size > best[0])
                and all(_is_form(w, r) for w, r in zip(words[i : i + size], key, strict=True))
            ):
                best = (size, codes)
        if best is None:
            i += 1
            continue
        size, codes = best
        if len(codes) == 1 and codes[0] not in found:
            found.append(codes[0])
        i += size
    return tuple(_registry()[code] for code in found)
