"""Per-document glossaries of abbreviations («Перечень сокращений», «Условные обозначения», «(далее – X)»).

An abbreviation means what *its* document says: «УО» is the Юрга office in 001, the Когалым
office in 003 and the Смоленск one in 004 (called «Управление»). A :class:`Glossary` therefore
belongs to one roadmap. It merges three sources, each entry remembering where it came from
(:class:`GlossarySource`):

* a glossary table («Сокращение | Расшифровка»): :meth:`Glossary.from_pairs`;
* a bullet list («- ГИА-11 – государственная итоговая аттестация …;»): :func:`harvest_list`;
* inline definitions anywhere in the text («руководителей пунктов проведения экзаменов (далее –
  ППЭ)»): :func:`harvest_inline`.

Several meanings for one abbreviation are kept (003 defines «ПРА» twice; «ПК» is both «предметные
комиссии» and «повышение квалификации»); :meth:`Glossary.sense` picks one from the context.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from gia_roadmap.plan.bodies import Body, BodyLevel, body_from_name
from gia_roadmap.plan.fields import check_fields
from gia_roadmap.text import DASH_CLASS, clean_cell, dash_class, normalize

__all__ = [
    "CONVENTIONAL_SENSES",
    "Glossary",
    "GlossaryEntry",
    "GlossarySource",
    "abbreviation_key",
    "harvest_inline",
    "harvest_list",
]


class GlossarySource(enum.Enum):
    """Where a glossary entry was found."""

    TABLE = "table"
    """A glossary table («Сокращение | Расшифровка»)."""
    LIST = "list"
    """A bullet list («- ГИА – государственная итоговая аттестация;»)."""
    INLINE = "inline"
    """An inline definition («… (далее – ППЭ)»)."""
    MANUAL = "manual"
    """Added by the user or an importer."""


def abbreviation_key(abbreviation: str) -> str:
    """The form abbreviations are compared in: dashes unified, spaces collapsed, «ё»→«е», case kept.

    >>> abbreviation_key("ГИА–9") == abbreviation_key("ГИА-9")
    True
    """
    return clean_cell(abbreviation).replace("\n", " ").replace("ё", "е").replace("Ё", "Е").strip(" .,;:")


@attrs.frozen
class GlossaryEntry:
    """One definition of an abbreviation in one document.

    Attributes:
        abbreviation: the abbreviation as written («ГКУ КЦМКО», «Управление»).
        expansion: what it stands for, as written.
        source: table, list, inline or manual.
        raw: the source text the entry was read from (the table row, list line or sentence part).
    """

    abbreviation: str
    expansion: str
    source: GlossarySource = GlossarySource.MANUAL
    raw: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def key(self) -> str:
        """The abbreviation in comparison form (:func:`abbreviation_key`)."""
        return abbreviation_key(self.abbreviation)


CONVENTIONAL_SENSES: dict[str, tuple[tuple[str, str], ...]] = {
    "ПК": (
        ("предметные комиссии", r""),
        ("повышение квалификации", r"(?:курс\w*|дпп|дп|программ\w*|кпк|модул\w*)\s*$"),
    ),
}
"""Senses an abbreviation is known to carry besides its glossary meaning, with a regular
expression on the (normalised) words just before it that selects the sense: «курсов ПК», «ДПП ПК»
mean «повышение квалификации» whatever the glossary says."""


@attrs.frozen
class Glossary:
    """The abbreviations one document defines, from all its sources.

    Attributes:
        entries: every definition in the order found (duplicates removed).
    """

    entries: tuple[GlossaryEntry, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[str, str]], source: GlossarySource = GlossarySource.TABLE
    ) -> Glossary:
        """A glossary from (abbreviation, expansion) pairs, e.g. the rows of a glossary table.

        Rows whose abbreviation is empty or a bare page number («2» inside 001's table) are skipped.
        """
        entries = []
        for abbreviation, expansion in pairs:
            abbr = clean_cell(abbreviation).replace("\n", " ").strip()
            if not abbr or abbr.isdigit():
                continue
            expanded = clean_cell(expansion).replace("\n", " ").strip()
            entries.append(GlossaryEntry(abbr, expanded, source, f"{abbreviation}\t{expansion}"))
        return cls(tuple(entries))

    def merge(self, *others: Glossary) -> Glossary:
        """This glossary followed by the entries of ``others`` that it does not already hold."""
        seen = {(e.key, normalize(e.expansion)) for e in self.entries}
        merged = list(self.entries)
        for other in others:
            for entry in other.entries:
                signature = (entry.key, normalize(entry.expansion))
                if signature not in seen:
                    seen.add(signature)
                    merged.append(entry)
        return Glossary(tuple(merged))

    def with_entry(
        self, abbreviation: str, expansion: str, source: GlossarySource = GlossarySource.MANUAL
    ) -> Glossary:
        """A copy with one more definition."""
        return self.merge(Glossary((GlossaryEntry(abbreviation, expansion, source),)))

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """Every abbreviation defined, each once, longest first (the order to match them in)."""
        keys = {e.key: e.abbreviation for e in self.entries}
        return tuple(sorted(keys.values(), key=lambda a: (-len(a), a)))

    def meanings(self, abbreviation: str) -> tuple[GlossaryEntry, ...]:
        """All definitions of ``abbreviation`` (compared by :func:`abbreviation_key`)."""
        key = abbreviation_key(abbreviation)
        return tuple(e for e in self.entries if e.key == key)

    def __contains__(self, abbreviation: object) -> bool:
        return isinstance(abbreviation, str) and bool(self.meanings(abbreviation))

    def is_ambiguous(self, abbreviation: str) -> bool:
        """True when the document defines ``abbreviation`` more than once, differently."""
        return len({normalize(e.expansion) for e in self.meanings(abbreviation)}) > 1

    def sense(self, abbreviation: str, before: str = "") -> str | None:
        """The expansion meant by ``abbreviation`` after the words ``before``.

        A conventional sense whose context rule matches ``before`` wins («курсов ПК» →
        «повышение квалификации»); otherwise the document's first definition; otherwise the
        first conventional sense; None when nothing is known.
        """
        key = abbreviation_key(abbreviation)
        context = normalize(before)
        for expansion, rule in CONVENTIONAL_SENSES.get(key, ()):
            if rule and re.search(rule, context):
                return expansion
        meanings = self.meanings(abbreviation)
        if meanings:
            return meanings[0].expansion
        conventional = CONVENTIONAL_SENSES.get(key, ())
        return conventional[0][0] if conventional else None

    def body(self, abbreviation: str) -> Body | None:
        """The body ``abbreviation`` stands for in this document, or None when the glossary does
        not define it as a body.

        The expansion is classified by :func:`~gia_roadmap.plan.bodies.classify_body`; every
        abbreviation the document gives to the same expansion is kept («ИРО, РЦОИ»). When the
        abbreviation or the expansion ends in another abbreviation of the glossary that names a
        body («УГУиОКО МОК», «Сектор по связям МОК»), that body is the parent.
        """
        meanings = self.meanings(abbreviation)
        if not meanings:
            return None
        entry = meanings[0]
        synonyms = tuple(
            dict.fromkeys(
                e.abbreviation for e in self.entries if normalize(e.expansion) == normalize(entry.expansion)
            )
        )
        body = body_from_name(entry.expansion, synonyms)
        if body.level is BodyLevel.UNKNOWN and body.kind.value == "other":
            # The expansion is not a body («Государственная итоговая аттестация»).
            return None
        parent = self._parent_of(entry)
        return attrs.evolve(body, parent=parent) if parent is not None else body

    def _parent_of(self, entry: GlossaryEntry) -> Body | None:
        for text in (entry.abbreviation, entry.expansion):
            words = text.split()
            if len(words) < 2:
                continue
            tail = words[-1]
            if abbreviation_key(tail) != entry.key and tail in self:
                return self.body(tail)
        return None


# --------------------------------------------------------------------------------------------
# Harvesting
# --------------------------------------------------------------------------------------------

_ABBR_START = dash_class(r"\s:", negate=True)  # not a blank, a dash or a colon
_ABBR_REST = dash_class(":", hyphens=False, negate=True)  # hyphens may stand inside («ГИА-9»)
_LIST_LINE = re.compile(
    rf"^\s*(?:{dash_class('•·*')}\s*)?(?P<abbr>{_ABBR_START}{_ABBR_REST}{{0,40}}?)"
    rf"\s+{DASH_CLASS}\s+(?P<expansion>.+?)\s*[;.,]?\s*$"
)
_HAS_CAPITALS = re.compile(r"[А-ЯЁA-Z].*[А-ЯЁA-Z]|^[А-ЯЁ][а-яё]+$")


def harvest_list(text: str) -> Glossary:
    """Entries from a list of «X – expansion» lines («- ЕГЭ – единый государственный экзамен;»).

    A line counts when its left part is short (at most four words) and looks like an
    abbreviation (two capitals, or one capitalised word such as «Департамент»).
    """
    entries = []
    for line in clean_cell(text).splitlines():
        match = _LIST_LINE.match(line)
        if match is None:
            continue
        abbr = match.group("abbr").strip()
        if len(abbr.split()) > 4 or not abbr[0].isupper() or ";" in abbr or not _HAS_CAPITALS.search(abbr):
            continue
        # «ИРО, РЦОИ – …»: one entry per abbreviation.
        for part in re.split(r",\s*", abbr):
            if part:
                entries.append(
                    GlossaryEntry(part, match.group("expansion").strip(), GlossarySource.LIST, line)
                )
    return Glossary(tuple(entries))


_INLINE = re.compile(
    rf"\(\s*далее\s*(?:по тексту\s*)?{dash_class(':')}?\s*(?:{DASH_CLASS}\s*)?(?P<abbr>[^()]{{1,60}}?)\s*\)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?()\n]|,(?=\s)")
_MINOR = frozenset({"в", "во", "и", "по", "на", "с", "со", "для", "при", "за", "к", "о", "об", "от", "из"})


def _initials(words: list[str]) -> str:
    parts = [p for w in words for p in w.strip("«»\"'").split("-") if p]
    return "".join(p[0] for p in parts if p.lower() not in _MINOR and p[0].isalpha()).lower()


def _expansion_before(text: str, end: int, abbreviation: str) -> str:
    """The noun phrase an inline «(далее – X)» defines: the shortest run of words ending at ``end``
    whose initials spell the abbreviation; else the clause back to the last comma or stop."""
    head = text[:end].rstrip()
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
    clause_start = breaks[-1] if breaks else 0
    # Commas inside «…» quotes do not end the clause: step back over an open quotation.
    while clause_start and head[:clause_start].count("«") > head[:clause_start].count("»"):
        earlier = [b for b in breaks if b < clause_start]
        clause_start = earlier[-1] if earlier else 0
    clause = head[clause_start:].strip()
    words = clause.split()
    letters = re.sub(r"[^а-яёa-z]", "", abbreviation.lower())
    if letters and len(letters) > 1:
        for size in range(1, min(len(words), 15) + 1):
            candidate = words[-size:]
            initials = _initials(candidate)
            if initials.startswith(letters[0]) and _is_subsequence(letters, initials):
                return " ".join(candidate)
    # Fallback: the clause, without leading prepositions and numbers («в 2024 в КАУ ДПО …»).
    while words and (words[0].lower() in _MINOR or words[0].isdigit()):
        words = words[1:]
    return " ".join(words)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def harvest_inline(text: str) -> Glossary:
    """Entries from inline definitions «… (далее – X)», «(далее по тексту – X)», «(далее-ОО)».

    The expansion is the phrase before the parenthesis whose initials spell the abbreviation
    («пунктов проведения экзаменов (далее – ППЭ)»); when no such phrase exists («органов местного
    самоуправления, осуществляющим управление в сфере образования (далее – МОУО)») it is the
    clause back to the previous comma or stop. Kept verbatim, inflected as written.
    """
    # Table cells are tab-separated: a tab ends a clause as a stop does.
    cleaned = clean_cell(text.replace("\t", " ; ")).replace("\n", " ")
    entries = []
    for match in _INLINE.finditer(cleaned):
        abbr = match.group("abbr").strip(" «»\"'")
        if not abbr:
            continue
        expansion = _expansion_before(cleaned, match.start(), abbr)
        if expansion:
            raw = cleaned[max(0, match.start() - len(expansion) - 1) : match.end()].strip()
            entries.append(GlossaryEntry(abbr, expansion, GlossarySource.INLINE, raw))
    return Glossary(tuple(entries))
