"""Glossary entries («Сокращение – Расшифровка») from tables, bullet lists and inline definitions.

A roadmap defines its abbreviations in three ways, often all in one document:

* a glossary table with «Сокращение | Расшифровка» columns;
* a list, usually after «Условные обозначения» or «Перечень сокращений», with bullets or without:
  «- РПК – Региональные предметные комиссии;», «ИРО, РЦОИ – автономное учреждение …»;
* inline, in running text or in a cell: «… руководителям муниципальных органов управления
  образованием (далее – МОУО)».

Entries are raw (as written, scoped to their document); resolving parties against them belongs to the
roadmap model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gia_roadmap.io.tables import (
    CellProvenance,
    ColumnRole,
    GlossaryDefinition,
    GlossaryKind,
    RawDocument,
    RawTable,
    RowKind,
)
from gia_roadmap.text import DASH_CLASS, DASHES, dash_class

__all__ = ["bullet_entries", "collect_glossary", "inline_entries", "table_entries"]

_DASH_SPLIT = re.compile(rf"\s+{DASH_CLASS}\s+")
_BULLET = re.compile(rf"^\s*(?:{DASH_CLASS}|[•·▪*])\s+")
#: A line that introduces a list of abbreviations (short, naming abbreviations or symbols).
_GLOSSARY_HEADING = re.compile(r"сокращени|условн\w*\s+обозначени|аббревиатур", re.IGNORECASE)
_HEADING_LENGTH = 80
_INLINE = re.compile(
    rf"\(\s*далее\s*(?:по (?:тексту|строке)\s*)?(?:{DASH_CLASS}|:)?\s*(?:{DASH_CLASS}\s*)?"
    r"(?P<term>[^()]{1,60}?)\s*\)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(rf"[,;:()\[\]]|\s{dash_class(hyphens=False)}\s|\.\s")
_STOP_PREFIX = re.compile(r"^(?:с|со|в|во|на|по|и)\s+", re.IGNORECASE)


def _is_abbreviation_part(part: str) -> bool:
    """True for a short part that reads as (part of) an abbreviation: «ХМАО», «Югра», «ФГБНУ «ФИПИ»»."""
    words = part.split()
    if not words or len(words) > 3 or len(part) > 30:
        return False
    return all(w[:1].isupper() or w[:1] in '«"' or w[:1].isdigit() for w in words)


def _split_definition(text: str) -> tuple[str, str] | None:
    parts = _DASH_SPLIT.split(text.strip().rstrip(";.").strip())
    if len(parts) < 2 or not _is_abbreviation_part(parts[0]):
        return None
    k = 1
    while k < len(parts) - 1 and _is_abbreviation_part(parts[k]):
        k += 1
    abbreviation = " – ".join(parts[:k])
    expansion = " – ".join(parts[k:])
    if not expansion or len(abbreviation) >= len(expansion):
        return None
    return abbreviation, expansion


def _names(abbreviation: str) -> list[str]:
    """«ИРО, РЦОИ» names two abbreviations for one expansion; a quoted name stays whole, and so does a
    phrase with a comma that is not a list of abbreviations («система сопровождения, комплекс мер»)."""
    if "«" in abbreviation or "," not in abbreviation:
        return [abbreviation]
    parts = [a.strip() for a in abbreviation.split(",") if a.strip()]
    if not all(_is_abbreviation_part(p) for p in parts):
        return [abbreviation]
    return parts


def table_entries(table: RawTable) -> Iterator[GlossaryDefinition]:
    """The entries of a «Сокращение | Расшифровка» table (empty for other tables)."""
    abbr = table.column(ColumnRole.ABBREVIATION)
    expansion = table.column(ColumnRole.EXPANSION)
    if abbr is None or expansion is None:
        return
    for row in table.rows:
        if row.kind not in (RowKind.ITEM, RowKind.SUB_ITEM):
            continue
        a = row.cells[abbr].text.strip()
        e = " ".join(row.cells[expansion].paragraphs).strip()
        if a and e:
            for name in _names(a):
                yield GlossaryDefinition(name, e, GlossaryKind.TABLE, row.cells[abbr].provenance)


def bullet_entries(lines: Iterable[tuple[str, CellProvenance]]) -> Iterator[GlossaryDefinition]:
    """Entries written as lines «ABBR – expansion;»: anywhere with a bullet («- РПК – …»), and
    without one in the run of lines right after a glossary heading («Используемые сокращения:»,
    «Перечень сокращений», «Условные обозначения»), which ends at the first line that is no
    definition."""
    listing = False
    for text, provenance in lines:
        bullet = _BULLET.match(text) is not None
        found = _split_definition(_BULLET.sub("", text, count=1) if bullet else text)
        if found is None:
            listing = len(text) <= _HEADING_LENGTH and _GLOSSARY_HEADING.search(text) is not None
            continue
        if not (bullet or listing):
            continue
        abbreviation, expansion = found
        for name in _names(abbreviation):
            yield GlossaryDefinition(name, expansion, GlossaryKind.BULLET, provenance)


def _initials_match(words: list[str], letters: str) -> bool:
    """True when the words' initials spell the letters in order, starting with the first word."""
    if not words or not letters or words[0][:1].lower() != letters[0]:
        return False
    i = 0
    for word in words:
        for part in re.split(DASH_CLASS, word):
            if i < len(letters) and part[:1].lower() == letters[i]:
                i += 1
    return i == len(letters)


def inline_entries(text: str, provenance: CellProvenance) -> Iterator[GlossaryDefinition]:
    """Inline definitions «<phrase> (далее – X)» in a text.

    For an abbreviation X, the phrase is the shortest run of preceding words whose initials spell X
    («пунктов проведения экзаменов (далее – ППЭ)»); otherwise it runs back to the nearest clause
    boundary (comma, colon, parenthesis, dash) and the entry is marked ``exact=False``.
    """
    for m in _INLINE.finditer(text):
        term = m.group("term").strip().strip('«»"')
        term = _STOP_PREFIX.sub("", term) if term[:2].lower() in ("с ", "в ") else term
        if not term:
            continue
        before = text[: m.start()]
        cut = 0
        for b in _BOUNDARY.finditer(before):
            cut = b.end()
        clause = before[cut:].strip()
        words = clause.split()[-14:]
        letters = "".join(ch.lower() for ch in term if ch.isalpha() and ch.isupper())
        expansion = ""
        exact = False
        if len(letters) >= 2 and letters.upper() == "".join(ch for ch in term if ch.isalpha()).upper():
            for start in range(len(words) - 1, -1, -1):
                if _initials_match(words[start:], letters):
                    expansion = " ".join(words[start:])
                    exact = True
                    break
        if not expansion:
            expansion = " ".join(words)
        expansion = expansion.strip(' ,;:«»"' + DASHES)
        if expansion:
            yield GlossaryDefinition(term, expansion, GlossaryKind.INLINE, provenance, exact)


def collect_glossary(document: RawDocument) -> tuple[GlossaryDefinition, ...]:
    """Every glossary entry of a document: tables, bullet lists and inline definitions, in order."""
    entries: list[GlossaryDefinition] = []
    for table in document.tables:
        entries.extend(table_entries(table))
    # The document's paragraphs, and the title rows a sheet carries above its table (its preamble).
    paragraphs = list(document.paragraphs)
    seen = {id(p) for p in paragraphs}
    for table in document.tables:
        paragraphs.extend(p for p in table.preamble if id(p) not in seen and p not in paragraphs)
    lines = [(p.text, p.provenance) for p in paragraphs]
    entries.extend(bullet_entries(lines))
    for paragraph in paragraphs:
        entries.extend(inline_entries(paragraph.text, paragraph.provenance))
    for table in document.tables:
        if table.is_glossary:
            continue
        for row in table.rows:
            for cell in row.cells:
                if "далее" in cell.text.lower():
                    entries.extend(inline_entries(cell.text.replace("\n", " "), cell.provenance))
    return tuple(entries)
