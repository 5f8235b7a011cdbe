"""The subjects of the Russian Federation (субъекты РФ): ISO 3166-2:RU codes, names, and recognition.

All 89 subjects of art. 65 of the Constitution are listed in
``gia_roadmap/calendar/data/regions/subjects.toml`` with their ISO 3166-2:RU code (six subjects have none in
ISO 3166-2; their codes are marked). A regional calendar is named by the code:
``RussianCalendar(region="RU-TA")``.

:func:`find_federal_subjects` finds the subjects a text names, in any grammatical case and with the
document's own dashes, letter case and «ё»: «Министерство образования и науки Республики Татарстан» →
``RU-TA``, «Кемеровской области – Кузбасса» → ``RU-KEM``, «Ханты-Мансийского автономного округа – Югры» →
``RU-KHM``. The rule is general: every name and alias is cut into word stems (the Snowball stemmer for Russian
strips the case endings), and a text names a subject where the stems of one of its names follow each
other in the text. The longest name wins where names overlap («Республика Саха (Якутия)» over «Якутия»).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import tomllib
from collections.abc import Mapping

import attrs

from gia_roadmap.errors import CalendarDataError, InvalidValueError

__all__ = ["FederalSubject", "federal_subject", "federal_subjects", "find_federal_subjects"]


@attrs.frozen(slots=True)
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


@functools.cache
def _stemmer() -> object:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("russian")


def _stems(text: str) -> tuple[str, ...]:
    from gia_roadmap.calendar.parsing import normalize

    words = _WORD.findall(normalize(text).low)
    stem = _stemmer().stemWord  # type: ignore[attr-defined]
    return tuple(stem(word) for word in words)


@functools.cache
def _patterns() -> Mapping[tuple[str, ...], str]:
    """Stem sequence of every name and alias -> subject code; a sequence two subjects share is dropped."""
    patterns: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for item in _registry().values():
        for name in item.names:
            key = _stems(name)
            if key in patterns and patterns[key] != item.code:
                shared.add(key)
            patterns[key] = item.code
    return {key: code for key, code in patterns.items() if key not in shared}


@attrs.frozen(slots=True)
class _Match:
    start: int
    end: int
    code: str


def find_federal_subjects(text: str) -> tuple[FederalSubject, ...]:
    """The subjects ``text`` names, in the order they first appear (each once).

    Any grammatical case, letter case, «ё», dash and Latin look-alike letter is accepted:
    ``find_federal_subjects("Министерство образования и науки Республики Татарстан")`` gives Татарстан.
    """
    stems = _stems(text)
    patterns = _patterns()
    longest = max((len(p) for p in patterns), default=0)
    matches: list[_Match] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            code = patterns.get(stems[i : i + size])
            if code is not None:
                matches.append(_Match(i, i + size, code))
                i += size
                break
        else:
            i += 1
    seen: dict[str, FederalSubject] = {}
    for match in matches:
        seen.setdefault(match.code, _registry()[match.code])
    return tuple(seen.values())
