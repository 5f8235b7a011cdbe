"""GR4xx: abbreviations (undefined, defined twice, differently).

What a plan need not define is data: ``plan/data/abbreviations.toml`` lists the abbreviations every
education document uses (ГИА, ФГОС, ОУ, УВР, ВСОКО …), the bodies of :mod:`gia_roadmap.plan.bodies`
add theirs, and an organisational-legal form (МБОУ, ФГБОУ, ГБПОУ, МАДОУ, ЧОУ …) is read by its grammar
rather than listed: an optional «Ф», a founder («Г», «М», «Ч», «Н»), a kind («Б», «А», «К»), a level
(«П», «Д», «Н», «ДО»), «О» for «образовательное» and «У» for «учреждение».
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources

from gia_roadmap.errors import Severity
from gia_roadmap.plan.bodies import FEDERAL_BODIES, STANDARD_ABBREVIATIONS
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.glossary import GlossaryEntry, GlossarySource, abbreviation_key
from gia_roadmap.plan.model import LocatedMeasure
from gia_roadmap.plan.responsible import MatchQuality
from gia_roadmap.text import abbreviates, normalize, stem

_ABBREVIATION = re.compile(r"[А-ЯЁ](?<![\w][А-ЯЁ])[А-ЯЁ]+(?:и[А-ЯЁ]{2,})*(?![\w])")
"""Two or more capitals, or such runs joined by «и» («ОИВиМСУ»), not inside a word; the check that no
letter comes before is made after the first capital, so that the regex engine skips ahead to capitals."""

_LEGAL_FORM = re.compile(r"(?:Ф|К|О)?(?:Г|М|Ч|Н)?(?:Б|А|К)?(?:Н|П|С|Д)?О?У|(?:Ф?Г|М)УП")
"""An organisational-legal form of an institution: ФГБОУ, ГБПОУ, МАДОУ (Д-О-У), МБУ, ОГАУ, ЧОУ, ГОУ, ОУ,
ФГБНУ, МУП, ФГУП."""


@functools.cache
def standard_abbreviations() -> frozenset[str]:
    """The abbreviations no plan needs to define (``plan/data/abbreviations.toml``), in comparison form."""
    text = resources.files("gia_roadmap.plan").joinpath("data/abbreviations.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return frozenset(abbreviation_key(key) for group in data.values() for key in group)


def is_legal_form(token: str) -> bool:
    """True for an organisational-legal form of an institution («МБОУ», «ФГБОУ», «ГБПОУ», «МАДОУ»)."""
    return _LEGAL_FORM.fullmatch(token) is not None


def _known_abbreviations(ctx: CheckContext) -> set[str]:
    known = set(standard_abbreviations()) | set(STANDARD_ABBREVIATIONS) | set(ctx.options.known_abbreviations)
    for body in FEDERAL_BODIES:
        for abbreviation in body.abbreviations:
            known.update(_ABBREVIATION.findall(abbreviation))
    for entry in ctx.roadmap.glossary.entries:
        known.add(entry.key)
        known.update(_ABBREVIATION.findall(entry.abbreviation))
        known.update(_ABBREVIATION.findall(entry.expansion))
    return {abbreviation_key(k) for k in known}


_WORD = re.compile(r"[А-Яа-яЁё]+")


def _spelled_out(token: str, texts: Iterable[str]) -> bool:
    """True when one of ``texts`` writes out the words ``token`` abbreviates («функциональной
    грамотности (ФГ)», a heading «Региональные инновационные площадки» above «РИП»)."""
    size = sum(1 for c in token if c.isupper())
    for text in texts:
        words = _WORD.findall(text)
        for start in range(len(words)):
            for length in (size, size + 1, size + 2):
                phrase = words[start : start + length]
                if len(phrase) < size:
                    break
                if phrase[0][:1].lower() != token[:1].lower():
                    break
                if abbreviates(token, " ".join(phrase), affix=0):
                    return True
    return False


def _fuzzy_tokens(ctx: CheckContext) -> set[str]:
    """The tokens of responsible entries read through a typo rule (GR303 reports those)."""
    out: set[str] = set()
    for parties in ctx.responsible_list:
        for responsible in parties:
            if responsible.quality is MatchQuality.FUZZY:
                out.update(_ABBREVIATION.findall(responsible.raw))
    return out


@rule("GR401", Severity.INFO)
def check_undefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """An abbreviation used in titles or responsible cells that the document defines nowhere (no
    glossary entry, no «(далее – …)», not written out beside it or in its section's heading) and that
    is not standard (the data file, the known bodies, an organisational-legal form). One finding per
    abbreviation, at its first use, with every other use. A truncated or misspelt party name is
    GR303's, not reported twice."""
    known = _known_abbreviations(ctx)
    measures = [item.measure for item in ctx.located]
    texts = {m.title for m in measures}  # each text once: responsible cells (and titles) recur
    texts.update(m.responsible_raw for m in measures)
    findall = _ABBREVIATION.findall
    unknown: dict[str, bool] = {}  # per token: its key is not known (the same few tokens recur)
    flagged: dict[str, list[str]] = {}  # per text with an unknown token: its unknown tokens in order
    for text in texts:
        for token in findall(text):
            flag = unknown.get(token)
            if flag is None:
                flag = unknown[token] = abbreviation_key(token) not in known and not is_legal_form(token)
            if flag:
                flagged.setdefault(text, []).append(token)
    if not flagged:
        return
    fuzzy = _fuzzy_tokens(ctx)
    uses: dict[str, list[tuple[LocatedMeasure, str]]] = {}
    for item, measure in zip(ctx.located, measures, strict=True):
        for field, text in (("title", measure.title), ("responsible", measure.responsible_raw)):
            for token in flagged.get(text, ()):
                uses.setdefault(token, []).append((item, field))
    for token, places in uses.items():
        if token in fuzzy:
            continue
        context = {text for item, field in places for text in _context(item, field)}
        if _spelled_out(token, context):
            continue
        first, field = places[0]
        yield ctx.finding(
            "GR401",
            ctx.location(first, field),
            params={"token": token, "count": len(places)},
            related=[ctx.location(i, f) for i, f in places[1:]],
            evidence=token,
        )


def _context(item: LocatedMeasure, field: str) -> list[str]:
    measure = item.measure
    return [
        measure.title if field == "title" else measure.responsible_raw,
        *(s.heading for s in item.sections),
    ]


def _stems(text: str) -> frozenset[str]:
    """The words of an expansion by their Snowball stems (case endings differ: «единый
    государственный экзамен», «единого государственного экзамена»)."""
    words = [w for w in _WORD.findall(normalize(text)) if len(w) > 2]
    return frozenset(stem(word) for word in words)


def _same_meaning(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    """Two expansions that say the same thing: the same words in other cases, or one a fragment of the
    other (an inline «(далее – ГИА-11)» cut short)."""
    first, second = _stems(a.expansion), _stems(b.expansion)
    return not first or not second or first <= second or second <= first


@rule("GR402", Severity.WARNING)
def check_redefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """The document defines one abbreviation twice: two different meanings anywhere, or the same
    abbreviation listed twice in its own list of abbreviations. An inline «(далее – ЕГЭ)» repeating a
    definition in another grammatical case is not reported."""
    glossary = ctx.roadmap.glossary
    seen: set[str] = set()
    for entry in glossary.entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        meanings = glossary.meanings(entry.abbreviation)
        if len(meanings) < 2:
            continue
        listed = [m for m in meanings if m.source in (GlossarySource.TABLE, GlossarySource.LIST)]
        differ = any(not _same_meaning(meanings[0], other) for other in meanings[1:])
        if not (differ or len(listed) > 1):
            continue
        yield ctx.finding(
            "GR402",
            ctx.location(None, "glossary"),
            params={"token": entry.abbreviation, "meanings": tuple(f"«{m.expansion}»" for m in meanings)},
            evidence=entry.abbreviation,
        )
