"""Responsible parties («Ответственные»): reading a cell into bodies, persons and roles.

A responsible cell lists several parties in many ways (seed analysis §4): comma lists with typos
(«УО. ОО», «ПК,УО,», «У УО»), line breaks, spaces only («МОК ГКУ КЦМКО», «Полосина Н.В.
Дюбенкова М.В.», «О.Н. Симонова Н.В. Сафонова С.П. Денисенкова»), paragraph groups
(``<p>…</p>``), a unit with its head in parentheses («Отдел по общему и дополнительному
образованию (Власенко М.Г.)»), persons mixed with roles («Полосина Н.В., Рязанов М.А.,
руководители ППЭ, члены ГЭК»), even a plan instead of a party («По плану ИРОК»).

:class:`ResponsibleResolver` reads a cell with the document's :class:`~gia_roadmap.plan.glossary.Glossary`
and :class:`~gia_roadmap.plan.people.NameOrder` and returns one :class:`Responsible` per party, in
the order written, each with the text it was read from and a :class:`MatchQuality`. Text that no
rule reads is returned as a :class:`Responsible` with no party, quality ``UNRESOLVED`` and a
reason: kept verbatim, never dropped.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import TypeAlias

import attrs

from gia_roadmap.plan.bodies import (
    LEGAL_FORMS,
    Body,
    BodyKind,
    body_from_name,
    classify_body,
    federal_match,
    standard_body,
)
from gia_roadmap.plan.categories import resolve_category
from gia_roadmap.plan.fields import check_fields
from gia_roadmap.plan.glossary import Glossary, abbreviation_key
from gia_roadmap.plan.people import INITIALS, ROLE_HEAD, SURNAME, NameOrder, Person, Role, normalize_initials
from gia_roadmap.text import clean_cell, dash_class, expand_shortening, strip_markup

__all__ = ["MatchQuality", "Party", "Responsible", "ResponsibleResolver", "resolve_responsible"]

Party: TypeAlias = Body | Person | Role
"""A responsible party: an organisation, a named official or a generic role."""


class MatchQuality(enum.Enum):
    """How confidently a party was read."""

    EXACT = "exact"
    """Read by a rule or the document's glossary as written."""
    NORMALISED = "normalised"
    """Read after repairing an artefact (a stray letter, markup, a broken separator)."""
    FUZZY = "fuzzy"
    """Read through a typo rule (a truncated or one-letter-off abbreviation)."""
    PARTIAL = "partial"
    """A party was recognised but not all of it («Специалисты СС СПИД»: a role in an unknown body)."""
    UNRESOLVED = "unresolved"
    """No party could be read; the text is kept verbatim with a reason."""


@attrs.frozen
class Responsible:
    """One responsible party of a measure, with the text it was read from.

    Attributes:
        party: the body, person or role; None when the text could not be resolved.
        raw: the text of this party as written in the cell (markup removed).
        quality: how confidently it was read.
        group: 0-based paragraph group of the cell it came from (000 aligns groups, not single
            parties, with the events of a row).
        note: why it is fuzzy, partial or unresolved; empty otherwise.
    """

    party: Party | None
    raw: str
    quality: MatchQuality = MatchQuality.EXACT
    group: int = 0
    note: str = ""

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def resolved(self) -> bool:
        """True when a party was read (fully or partially)."""
        return self.party is not None

    @property
    def body(self) -> Body | None:
        """The body this party is or belongs to (a person's unit or organisation, a role's body)."""
        party = self.party
        if isinstance(party, Body):
            return party
        if isinstance(party, Person):
            return party.unit or party.organisation
        if isinstance(party, Role):
            return party.body
        return None


# --------------------------------------------------------------------------------------------
# Lexical rules
# --------------------------------------------------------------------------------------------

_ABBREVIATION_TOKEN = re.compile(r"(?<![\w-])[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ][А-ЯЁа-яё]*(?:-\d+)?(?![\w-])")
_BODY_HEAD = re.compile(
    r"(?<![\w-])(?:Отдел|Управление|Министерство|Департамент|Сектор|Общеобразовательные|Образовательные"
    r"|Методический|Общий|Городской|Служба|Комитет|Муниципальные|Информационно-аналитический"
    r"|Профессиональные|Органы|Государственное|Муниципальное|Региональный|Пресс-служба)(?![\w-])"
    r"|^(?:муниципальн|общеобразовательн|образовательн|пресс-служб|учреждени|орган)[а-яё-]*"
)
_PLAN_REFERENCE = re.compile(r"^(?:по|согласно|в соответствии с)\s+(?:отдельному\s+)?план\w*", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"(?:\bим\.|\bимени)\s*$")
_SENTENCE_DOT = re.compile(r"(?<=[А-ЯЁа-яё]{2})\.\s+(?=[А-ЯЁ])")
_LAST_WORD = re.compile(r"[\w.-]+$")
# A modifier written before a position: an adjective in the nominative («Классные руководители»,
# «Социальный педагог», «Муниципальный координатор»), or a shortened one («гл. специалист»).
# Nouns that end like adjectives are left out: genitive plurals in -ций/-сий/-ений/-аний
# («комиссий», «организаций», «учреждений») and neuters in -ение/-ание/-тие («объединение»).
_ADJECTIVE = re.compile(
    r"[А-ЯЁа-яё][а-яё]+(?:-[а-яё]+)*(?:ый|ой|ая|яя|ое|ее|ые|[кгхшщжч]ий|[кгхшщжчсзвлмрт]ие|(?<![еа])ний|(?<![еа])ние)"
)
# A genitive position continuing the one before it («Зам. директора», «заместители руководителей»).
_GENITIVE = re.compile(r"[а-яё.-]*(?:[ая]|ей|ов|ев|ого|его)", re.IGNORECASE)
# A capitalised word naming a body in any case («Управления образования», «Отдела»).
_BODY_WORD = re.compile(
    r"(?:Отдел|Управлени|Министерств|Департамент|Сектор|Комитет|Администраци|Служб|Центр|Школ|Гимнази|Лице)[а-яё]*"
)
# The grades a position serves («классные руководители 9, 11 классов», «учителя 9-х классов»).
_GRADES = re.compile(
    rf"\s+\d{{1,2}}(?:-?[а-я]{{1,2}})?(?:\s*(?:,|и|{dash_class()})\s*\d{{1,2}}(?:-?[а-я]{{1,2}})?)*\s+класс[а-яё]*"
)
_TRAILING_CONJUNCTION = re.compile(r"\s+(?:и|или)$")
_CONJUNCTION = frozenset({"и", "или"})
# A comma before a number lists numbers inside one party («классные руководители 9, 11 классов»,
# «МБОУ СОШ № 3, 5»): a party never starts with a digit.
_SEPARATORS = re.compile(r"[;\n]|,(?![ \t]*\d)")
_ONLY_PUNCTUATION = re.compile("^" + dash_class(r"\s.,;:_*()«»\"'") + "*$")
_PERSON_PATTERNS = {
    NameOrder.SURNAME_FIRST: re.compile(rf"(?P<surname>{SURNAME})\s+(?P<initials>{INITIALS})"),
    NameOrder.INITIALS_FIRST: re.compile(rf"(?P<initials>{INITIALS})\s*(?P<surname>{SURNAME})"),
}


def _split_top_level(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` between separators matched by ``pattern`` outside parentheses and quotes."""
    spans: list[tuple[int, int]] = []
    depth = 0
    quotes = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "«":
            quotes += 1
        elif ch == "»":
            quotes = max(0, quotes - 1)
        elif depth == 0 and quotes == 0:
            match = pattern.match(text, i)
            if match is not None and match.end() > i:
                spans.append((start, i))
                start = match.end()
                i = match.end()
                continue
        i += 1
    spans.append((start, len(text)))
    return spans


@attrs.frozen
class _Item:
    start: int
    end: int
    kind: str  # "person", "role", "abbr", "name", "text"
    person: Person | None = None


@attrs.frozen
class ResponsibleResolver:
    """Reads responsible cells of one document.

    Attributes:
        glossary: the document's glossary (its abbreviations win over the standard ones).
        name_order: how the document writes names; UNKNOWN decides per cell.
    """

    glossary: Glossary = attrs.field(factory=Glossary)
    name_order: NameOrder = NameOrder.UNKNOWN

    # ---- public API ---------------------------------------------------------------------

    def resolve(self, cell: str) -> tuple[Responsible, ...]:
        """Every party of ``cell`` in the order written (see the module docstring)."""
        out: list[Responsible] = []
        for group, text in enumerate(self._groups(cell)):
            order = self._order_for(text)
            for start, end in self._segments(text):
                segment = _strip_segment(text[start:end])
                if _ONLY_PUNCTUATION.match(segment):
                    continue
                out.extend(attrs.evolve(r, group=group) for r in self._segment(segment, order))
        return tuple(self._distribute_roles(out))

    def _distribute_roles(self, parties: list[Responsible]) -> list[Responsible]:
        """«Руководители ШНРО, ШсРНР»: an unresolved abbreviation right after a role whose object is an
        abbreviation is the same role in another body."""
        out: list[Responsible] = []
        for responsible in parties:
            previous = out[-1].party if out else None
            if (
                responsible.party is None
                and isinstance(previous, Role)
                and _ABBREVIATION_TOKEN.fullmatch(previous.of)
                and _ABBREVIATION_TOKEN.fullmatch(responsible.raw)
            ):
                body, quality, note = self.resolve_body(responsible.raw)
                role = Role(
                    previous.title,
                    responsible.raw,
                    body,
                    resolve_category(f"{previous.title} {responsible.raw}"),
                )
                if body is None:
                    quality, note = (
                        MatchQuality.PARTIAL,
                        f"the role «{previous.title}» of the previous party, in an unknown body",
                    )
                out.append(attrs.evolve(responsible, party=role, quality=quality, note=note))
                continue
            out.append(responsible)
        return out

    def resolve_body(self, text: str) -> tuple[Body | None, MatchQuality, str]:
        """The body ``text`` names (an abbreviation or a name), how it was found, and a note."""
        key = abbreviation_key(text)
        if not key:
            return None, MatchQuality.UNRESOLVED, "empty"
        if key in self.glossary:
            body = self.glossary.body(key)
            if body is not None:
                note = "the document defines it more than once" if self.glossary.is_ambiguous(key) else ""
                return body, MatchQuality.EXACT, note
        standard = standard_body(key)
        if standard is not None:
            return standard, MatchQuality.EXACT, ""
        federal = federal_match(key)
        if federal is not None:
            body, typo = federal
            if typo:
                return body, MatchQuality.FUZZY, f"read «{key}» as a misspelt «{body.short}»"
            return body, MatchQuality.EXACT, ""
        if _ABBREVIATION_TOKEN.fullmatch(key) is None and classify_body(key) is not None:
            return body_from_name(key), MatchQuality.EXACT, ""
        return self._fuzzy_abbreviation(key)

    # ---- cell structure -----------------------------------------------------------------

    @staticmethod
    def _groups(cell: str) -> list[str]:
        paragraphs = re.findall(r"<p>(.*?)(?:</p>|$)", cell, flags=re.DOTALL)
        if len(paragraphs) > 1:
            return [clean_cell(p) for p in paragraphs]
        text = strip_markup(cell)
        parts = re.split(r"(?:[ \t]{2,}|\n\s*\n)", text.strip())
        return [clean_cell(p) for p in parts if p.strip()] or [clean_cell(text)]

    def _order_for(self, text: str) -> NameOrder:
        if self.name_order is not NameOrder.UNKNOWN:
            return self.name_order
        initials_first = _PERSON_PATTERNS[NameOrder.INITIALS_FIRST].search(text)
        surname_first = _PERSON_PATTERNS[NameOrder.SURNAME_FIRST].search(text)
        if initials_first and (surname_first is None or initials_first.start() < surname_first.start()):
            return NameOrder.INITIALS_FIRST
        return NameOrder.SURNAME_FIRST

    @staticmethod
    def _segments(text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for start, end in _split_top_level(text, _SEPARATORS):
            piece = text[start:end]
            joined = False
            for s, e in _split_top_level(piece, _SENTENCE_DOT):
                if joined:
                    spans[-1] = (spans[-1][0], start + e)
                else:
                    spans.append((start + s, start + e))
                # «Зам. Директора», «МБОУ СОШ им. Пушкина»: a shortened word's dot ends the word only.
                word = _LAST_WORD.search(piece[:e])
                joined = word is not None and expand_shortening(word.group(0) + ".") is not None
        # A legal form alone on its line opens the name on the next one («ПАО⏎«Ростелеком»»).
        merged: list[tuple[int, int]] = []
        for span in spans:
            if merged and text[merged[-1][0] : merged[-1][1]].strip() in LEGAL_FORMS:
                merged[-1] = (merged[-1][0], span[1])
            else:
                merged.append(span)
        return merged

    # ---- one segment --------------------------------------------------------------------

    def _segment(self, segment: str, order: NameOrder) -> list[Responsible]:
        if segment.startswith("(") and segment.endswith(")") and segment.count("(") == 1:
            return self._segment(segment[1:-1].strip(), order)
        if _PLAN_REFERENCE.match(segment):
            return [Responsible(None, segment, MatchQuality.UNRESOLVED, note="a plan reference, not a party")]
        parenthesised = re.fullmatch(r"(?P<head>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*(?P<tail>.*)", segment)
        if parenthesised is not None and parenthesised.group("head").strip():
            handled = self._with_parentheses(parenthesised, order)
            if handled is not None:
                return handled
        return self._scan(segment, order)

    def _with_parentheses(self, match: re.Match[str], order: NameOrder) -> list[Responsible] | None:
        head = match.group("head").strip()
        inner = match.group("inner").strip()
        tail = match.group("tail").strip(" .,;")
        rest = self._segment(tail, order) if tail else []
        definition = re.match(rf"далее\s*{dash_class(':')}?\s*(?P<abbr>.+)$", inner, flags=re.IGNORECASE)
        if definition is not None:
            return self._defined(head, inner, definition.group("abbr").strip(), order, rest)
        head_items = self._scan(head, order)
        inner_items = self._scan(inner, order)
        if not head_items or not inner_items:
            return None
        *before, last = head_items
        unit = last.party if isinstance(last.party, Body) else None
        whole = f"{last.raw} ({inner})"
        if all(isinstance(r.party, Person) for r in inner_items):
            if unit is None:
                # «образованию (Власенко М.Г.)»: the unit name was cut by a page break; keep it.
                return [*head_items, *inner_items, *rest]
            people = [
                Responsible(attrs.evolve(r.party, unit=unit), whole, last.quality, note=last.note)
                for r in inner_items
                if isinstance(r.party, Person)
            ]
            return [*before, *people, *rest]
        if unit is not None and len(inner_items) == 1 and isinstance(inner_items[0].party, Role):
            role = inner_items[0].party
            if role.body is None or role.body.same_as(unit) or role.body.kind is unit.kind:
                role = attrs.evolve(role, body=unit)
            return [*before, Responsible(role, whole, last.quality, note=last.note), *rest]
        return None

    def _defined(
        self, head: str, inner: str, abbreviation: str, order: NameOrder, rest: list[Responsible]
    ) -> list[Responsible] | None:
        """«руководители муниципальных органов управления образованием (далее - МОУО)»."""
        parties = self._scan(head, order)
        if len(parties) != 1 or parties[0].party is None:
            return None
        party = parties[0].party
        if isinstance(party, Role) and party.body is not None:
            body = attrs.evolve(party.body, abbreviations=(abbreviation, *party.body.abbreviations))
            party = attrs.evolve(party, of=f"{party.of} ({inner})", body=body)
        elif isinstance(party, Body):
            party = attrs.evolve(party, abbreviations=(abbreviation, *party.abbreviations))
        return [attrs.evolve(parties[0], party=party, raw=f"{head} ({inner})"), *rest]

    def _anchors(self, text: str, order: NameOrder) -> list[_Item]:
        items: list[_Item] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        for match in _PERSON_PATTERNS[order].finditer(text):
            if _NAMED_AFTER.search(text[: match.start()]):
                continue
            person = Person(match.group("surname"), normalize_initials(match.group("initials")))
            end = match.start() + len(match.group(0).rstrip())  # «Иванова А. и …»: not the blank
            items.append(_Item(match.start(), end, "person", person))
            taken.append((match.start(), end))
        role: _Item | None = None
        for match in ROLE_HEAD.finditer(text):
            if not free(match.start(), match.end()) or text[: match.start()].lower().endswith("и/"):
                continue
            if (
                role is not None
                and not text[role.end : match.start()].strip()
                and _continues(text[role.start : role.end], match.group(0))
            ):
                # «Зам. директора», «заместители руководителей»: one position in the genitive chain.
                items[-1] = role = attrs.evolve(role, end=match.end())
                taken[-1] = (role.start, role.end)
                continue
            start = _modifiers_start(text, match.start())
            if not free(start, match.end()):
                start = match.start()
            role = _Item(start, match.end(), "role")
            items.append(role)
            taken.append((role.start, role.end))
        for match in _BODY_HEAD.finditer(text):
            if free(match.start(), match.end()):
                items.append(_Item(match.start(), match.end(), "name"))
        for match in _ABBREVIATION_TOKEN.finditer(text):
            if free(match.start(), match.end()):
                items.append(_Item(match.start(), match.end(), "abbr"))
        items.sort(key=lambda i: i.start)
        return items

    def _scan(self, segment: str, order: NameOrder) -> list[Responsible]:
        text = segment.strip()
        if not text:
            return []
        anchors = self._anchors(text, order)
        out: list[Responsible] = []
        position = 0
        index = 0
        shared: Responsible | None = None
        shared_at = -1
        joined: set[int] = set()

        def leftover(chunk: str) -> None:
            if chunk.strip(" .,;:-–—").lower() in _CONJUNCTION:
                joined.add(len(out))
            self._leftover(chunk, out)

        while index < len(anchors):
            item = anchors[index]
            if item.start < position:
                index += 1
                continue
            leftover(text[position : item.start])
            if item.kind == "person" and item.person is not None:
                out.append(Responsible(item.person, text[item.start : item.end]))
                position = item.end
                index += 1
                continue
            if item.kind == "abbr":
                end, responsible = self._abbreviation_run(text, anchors, index)
                if responsible is not None:
                    while index < len(anchors) and anchors[index].start < end:
                        index += 1
                    following = anchors[index].start if index < len(anchors) else len(text)
                    end, responsible = _with_tail(text, item.start, end, following, responsible)
                    out.append(responsible)
                    position = end
                    continue
            end = self._phrase_end(text, item, anchors[index + 1 :])
            phrase = text[item.start : end].strip()
            conjunction = _TRAILING_CONJUNCTION.search(phrase)
            if conjunction is not None:
                phrase = phrase[: conjunction.start()]
            if item.kind == "role":
                responsible, bare = self._role(phrase)
                if (
                    shared is not None
                    and len(out) == shared_at
                    and isinstance(responsible.party, Role)
                    and responsible.party.of
                ):
                    responsible = _shared_object(out.pop(), responsible)
                out.append(responsible)
                # «руководители и специалисты МОУО»: a bare position before «и» shares the next one's object.
                shared = responsible if bare and conjunction is not None else None
                shared_at = len(out)
            else:
                out.append(self._named_body(phrase))
            position = end
            index += 1
        leftover(text[position:])
        return self._attach_organisations(out, joined)

    def _phrase_end(self, text: str, item: _Item, later_anchors: list[_Item]) -> int:
        """Where a role or a body name starting at ``item`` ends: at the next person, role or body head."""
        for later in later_anchors:
            if later.kind in ("person", "role") or (
                later.kind == "name" and (item.kind != "role" or text[later.start].isupper())
            ):
                # A capitalised body head is in the nominative: a party of its own, never the
                # object of a position («руководители ОО и Управление образования»).
                return later.start
            conjunction = _TRAILING_CONJUNCTION.search(text[: later.start].rstrip())
            if (
                later.kind == "abbr"
                and conjunction is not None
                and self._starts_body(text[later.start : later.end])
                and (item.kind == "name" or _is_bare(text[item.start : conjunction.start()]))
            ):
                # «Управление образования и ОО», «директор и ОО»: «и» before a body joins two
                # parties, unless it joins two objects of one position («руководители ОО и МОУО»).
                return later.start
        return len(text)

    def _leftover(self, text: str, out: list[Responsible]) -> None:
        stripped = text.strip(" .,;:-–—")
        if not stripped or _ONLY_PUNCTUATION.match(stripped):
            return
        if stripped.lower() in _CONJUNCTION:
            return
        stripped = _TRAILING_CONJUNCTION.sub("", stripped)
        if len(stripped) == 1 and stripped.isupper():
            # A stray capital before an abbreviation starting with it («У УО»): a keystroke artefact.
            return
        body = self._named_body(stripped)
        out.append(body)

    def _abbreviation_run(
        self, text: str, anchors: list[_Item], index: int
    ) -> tuple[int, Responsible | None]:
        """Longest run of abbreviation tokens starting at ``anchors[index]`` that names one body."""
        run = [anchors[index]]
        for later in anchors[index + 1 :]:
            gap = text[run[-1].end : later.start]
            if later.kind != "abbr" or gap.strip():
                break
            run.append(later)
        start = run[0].start
        stray = re.search(r"(?:^|\s)([А-ЯЁ])\s+$", text[:start])
        for size in range(len(run), 0, -1):
            end = run[size - 1].end
            candidate = text[start:end]
            body, quality, note = self.resolve_body(candidate)
            if body is None:
                continue
            if stray is not None and candidate.startswith(stray.group(1)) and quality is MatchQuality.EXACT:
                quality, note = MatchQuality.NORMALISED, f"stray letter «{stray.group(1)}» before it ignored"
            return end, Responsible(body, candidate, quality, note=note)
        # No prefix of the run is a known body: a unit named by an unknown abbreviation of a known
        # parent («УПОиПК МОК»), else the run is unresolved.
        if len(run) >= 2:
            parent, _, _ = self.resolve_body(text[run[-1].start : run[-1].end])
            if parent is not None:
                name = text[start : run[-1].end]
                unit = Body(name, (name,), parent.level, BodyKind.UNIT, parent=parent)
                return run[-1].end, Responsible(
                    unit,
                    name,
                    MatchQuality.PARTIAL,
                    note="abbreviation not defined; read as a unit of its parent",
                )
        return run[0].end, None

    def _fuzzy_abbreviation(self, key: str) -> tuple[Body | None, MatchQuality, str]:
        known = [*self.glossary.abbreviations, *_standard_keys()]
        candidates = sorted({k for k in known if k.startswith(key) and len(key) >= 3 and k != key})
        if len(candidates) == 1:
            body, _, _ = self.resolve_body(candidates[0])
            if body is not None:
                return body, MatchQuality.FUZZY, f"read «{key}» as the truncated «{candidates[0]}»"
        return None, MatchQuality.UNRESOLVED, f"«{key}» is not a known abbreviation"

    def _named_body(self, phrase: str) -> Responsible:
        body, quality, note = self.resolve_body(phrase)
        if body is not None:
            return Responsible(body, phrase, quality, note=note)
        classified = classify_body(phrase)
        if classified is not None:
            return Responsible(body_from_name(phrase), phrase)
        return Responsible(
            None, phrase, MatchQuality.UNRESOLVED, note=note or "no rule reads this as a party"
        )

    def _role(self, phrase: str) -> tuple[Responsible, bool]:
        """A position phrase read as a role, and whether it is bare (only the position words).

        The title is the modifiers, the position and its genitive chain («Классные руководители»,
        «Зам. директора»), with a «по …» attachment naming the area («по УВР», «по
        воспитательной работе»); what follows names the body it is a position in."""
        title_end = _title_end(phrase)
        attachment = _attachment_end(phrase, title_end, self._starts_body)
        bare = _is_bare(phrase)
        title = phrase[:attachment].strip()
        of = phrase[attachment:].strip(" ,.;")
        category = resolve_category(phrase)
        if not of:
            return Responsible(Role(title, "", None, category), phrase), bare
        body, quality, note = self.resolve_body(_strip_genitive_filler(of))
        if body is None:
            body, quality, note = self._body_inside(of)
        if body is None and category is None:
            return Responsible(
                Role(title, of, None, None),
                phrase,
                MatchQuality.PARTIAL,
                note=f"the body «{of}» is not known",
            ), bare
        if body is None:
            quality, note = MatchQuality.EXACT, ""
        return Responsible(Role(title, of, body, category), phrase, quality, note=note), bare

    def _starts_body(self, word: str) -> bool:
        """True when ``word`` opens the body a position is in (a known abbreviation, a body head)."""
        if _ABBREVIATION_TOKEN.fullmatch(word):
            known = self.resolve_body(word)[0] is not None
            return known or word in LEGAL_FORMS or classify_body(word) is not None
        return _BODY_WORD.fullmatch(word) is not None

    def _body_inside(self, text: str) -> tuple[Body | None, MatchQuality, str]:
        """A body named somewhere inside a role's object («предметных отделений краевого УМО»)."""
        for match in _ABBREVIATION_TOKEN.finditer(text):
            body, quality, note = self.resolve_body(match.group(0))
            if body is not None:
                return body, quality, note
        classified = classify_body(text)
        if classified is not None:
            return body_from_name(text), MatchQuality.EXACT, ""
        return None, MatchQuality.UNRESOLVED, ""

    @staticmethod
    def _attach_organisations(parties: list[Responsible], joined: set[int]) -> list[Responsible]:
        """A person followed directly by an organisation («Алимушкина О.А. АГТТУ им. В.А. Шукшина»)
        works there: one party. Not across «и» («Иванова А.Б. и РЦОИ»: the parties at ``joined``
        follow a conjunction)."""
        out: list[Responsible] = []
        for index, responsible in enumerate(parties):
            previous = out[-1] if out else None
            party = responsible.party
            if (
                previous is not None
                and isinstance(previous.party, Person)
                and previous.party.organisation is None
                and index not in joined
                and isinstance(party, Body)
                and party.kind in (BodyKind.UNIVERSITY, BodyKind.DEVELOPMENT_INSTITUTE, BodyKind.DATA_CENTRE)
            ):
                out[-1] = attrs.evolve(
                    previous,
                    party=attrs.evolve(previous.party, organisation=party),
                    raw=f"{previous.raw} {responsible.raw}",
                )
                continue
            out.append(responsible)
        return out


def _strip_segment(text: str) -> str:
    """Strip separators around a segment, keeping the dot that ends initials («Полосина Н.В.»)."""
    stripped = text.strip(" ,;:\t")
    while stripped.endswith(".") and not re.search(r"(?:^|[\s.])[А-ЯЁ]\.$", stripped):
        stripped = stripped[:-1].rstrip(" ,;:")
    return stripped.lstrip(" .")


def _with_tail(
    text: str, start: int, end: int, following: int, responsible: Responsible
) -> tuple[int, Responsible]:
    """«УМВД России по городу Смоленску»: the words after an abbreviation up to the next party
    continue its name (a conjunction alone, parentheses or quotes do not)."""
    tail = text[end:following]
    if (
        tail.strip(" .,;:").lower() not in {"", *_CONJUNCTION}
        and not tail.lstrip().startswith(("(", "«"))
        and tail[:1] == " "
    ):
        raw = _TRAILING_CONJUNCTION.sub("", text[start:following].rstrip())
        return following, attrs.evolve(responsible, raw=raw)
    return end, responsible


def _is_modifier(word: str) -> bool:
    """True when ``word`` modifies the position after it: an adjective or a shortened one («гл.»)."""
    if word.endswith("."):
        full = expand_shortening(word)
        return full is not None and _ADJECTIVE.fullmatch(full.split()[0]) is not None
    return _ADJECTIVE.fullmatch(word) is not None


def _modifiers_start(text: str, start: int) -> int:
    """Where the position starting at ``start`` begins with the modifiers written before it."""
    while True:
        word = re.search(r"(\S+)\s+$", text[:start])
        if word is not None and word.group(1) in _CONJUNCTION:
            # «старшие и ведущие специалисты»: modifiers joined by «и».
            previous = re.search(r"(\S+)\s+$", text[: word.start(1)])
            if previous is not None and _is_modifier(previous.group(1)):
                word = previous
        if word is None or not _is_modifier(word.group(1)):
            return start
        start = word.start(1)


def _title_end(phrase: str) -> int:
    """End of a position title: modifiers, the position word, its genitive chain («Зам.директора»)."""
    position = 0
    at = 0
    while True:
        start = at + len(phrase[at:]) - len(phrase[at:].lstrip())
        head = ROLE_HEAD.match(phrase, start)
        if head is None:
            word = re.match(r"\S+", phrase[start:])
            if position or word is None or not (_is_modifier(word.group(0)) or word.group(0) in _CONJUNCTION):
                return position
            at = start + word.end()
            continue
        if position and not _continues(phrase[:position], head.group(0)):
            return position
        position = at = head.end()


def _is_bare(phrase: str) -> bool:
    """True when ``phrase`` is a position title alone, with nothing after it."""
    stripped = phrase.strip()
    return _title_end(stripped) == len(stripped)


def _continues(title: str, head: str) -> bool:
    """True when the position word ``head`` written right after ``title`` continues it in the
    genitive («Зам. директора», «Зам. Директора», «заместители руководителей»)."""
    last = title.split()[-1] if title.split() else ""
    if _ADJECTIVE.fullmatch(last) and head[0].islower():
        return True  # «Ответственный организатор»: the first position word is an adjective
    return _GENITIVE.fullmatch(head) is not None and (head[0].islower() or title.endswith("."))


def _attachment_end(phrase: str, title_end: int, starts_body: Callable[[str], bool]) -> int:
    """End of what qualifies the title: the grades («9, 11 классов», «9-х классов»), then a «по …»
    attachment («по УВР», «по учебно-воспитательной работе») — its words up to the body the position
    is in."""
    grades = _GRADES.match(phrase, title_end)
    if grades is not None:
        title_end = grades.end()
    opening = re.match(r"\s+по\s+", phrase[title_end:])
    if opening is None:
        return title_end
    end = title_end + opening.end()
    for index, word in enumerate(re.finditer(r"\S+", phrase[end:])):
        if index and starts_body(word.group(0).strip(",.;")):
            break
        end_of_word = title_end + opening.end() + word.end()
        end = end_of_word
    return end


def _shared_object(first: Responsible, second: Responsible) -> Responsible:
    """«председатели и заместители председателей ПК»: one role, two titles sharing an object."""
    assert isinstance(first.party, Role)
    assert isinstance(second.party, Role)
    whole = f"{first.raw} и {second.raw}"
    role = attrs.evolve(
        second.party,
        title=f"{first.party.title} и {second.party.title}",
        category=resolve_category(whole) or second.party.category,
    )
    return attrs.evolve(second, party=role, raw=whole)


def _strip_genitive_filler(text: str) -> str:
    return re.sub(r"^(?:в|из|от|для)\s+", "", text.strip())


def _standard_keys() -> tuple[str, ...]:
    from gia_roadmap.plan.bodies import FEDERAL_BODIES, STANDARD_ABBREVIATIONS

    return (*STANDARD_ABBREVIATIONS, *(a for b in FEDERAL_BODIES for a in b.abbreviations))


def resolve_responsible(
    cell: str, glossary: Glossary | None = None, name_order: NameOrder = NameOrder.UNKNOWN
) -> tuple[Responsible, ...]:
    """Read a responsible cell with a one-off :class:`ResponsibleResolver`."""
    return ResponsibleResolver(glossary or Glossary(), name_order).resolve(cell)
