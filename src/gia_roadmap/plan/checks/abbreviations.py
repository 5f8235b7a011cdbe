"""GR4xx: abbreviations (undefined, defined twice)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gia_roadmap.plan.bodies import FEDERAL_BODIES, STANDARD_ABBREVIATIONS
from gia_roadmap.plan.checks.context import (
    CheckContext,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.glossary import abbreviation_key
from gia_roadmap.plan.model import (
    LocatedMeasure,
)

_GENERAL_ABBREVIATIONS = frozenset(
    {
        "ГИА",
        "ЕГЭ",
        "КЕГЭ",
        "ОГЭ",
        "ГВЭ",
        "ВПР",
        "СПО",
        "НИКО",
        "РФ",
        "ФЗ",
        "ОВЗ",
        "КИМ",
        "ЭМ",
        "РИС",
        "ФИС",
        "ФГОС",
        "ООО",
        "СОО",
        "НОО",
        "ДПО",
        "ДПП",
        "ИКТ",
        "ЭЦП",
        "PISA",
        "МБОУ",
        "МАОУ",
        "МБУ",
        "МКУ",
        "ГКУ",
        "ГАУ",
        "ГБУ",
        "ФГБУ",
        "ФГБНУ",
        "АУ",
        "КАУ",
        "ПАО",
        "ОГАУ",
        "СОШ",
        "СШ",
        "ГО",
        "ВКС",
        "АРМ",
    }
)
"""Abbreviations no roadmap defines and none needs to (exams, legal forms, «РФ»)."""


# --------------------------------------------------------------------------------------------
# GR4xx: abbreviations
# --------------------------------------------------------------------------------------------

_ABBREVIATION = re.compile(r"[А-ЯЁ](?<![\w][А-ЯЁ])[А-ЯЁ]+(?:и[А-ЯЁ]{2,})*(?![\w])")
"""Two or more capitals, or such runs joined by «и» («ОИВиМСУ»), not inside a word; the check that no
letter comes before is made after the first capital, so that the regex engine skips ahead to capitals."""


def _known_abbreviations(ctx: CheckContext) -> set[str]:
    known = set(_GENERAL_ABBREVIATIONS) | set(STANDARD_ABBREVIATIONS) | set(ctx.options.known_abbreviations)
    for body in FEDERAL_BODIES:
        for abbreviation in body.abbreviations:
            known.update(_ABBREVIATION.findall(abbreviation))
    for entry in ctx.roadmap.glossary.entries:
        known.add(entry.key)
        known.update(_ABBREVIATION.findall(entry.abbreviation))
        known.update(_ABBREVIATION.findall(entry.expansion))
    return {abbreviation_key(k) for k in known}


@rule("GR401")
def check_undefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """GR401: an abbreviation used in titles or responsible cells, defined nowhere in the document
    and not standard (one finding per abbreviation, at its first use)."""
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
                flag = unknown[token] = abbreviation_key(token) not in known
            if flag:
                flagged.setdefault(text, []).append(token)
    if not flagged:
        return
    uses: dict[str, list[tuple[LocatedMeasure, str]]] = {}
    for item, measure in zip(ctx.located, measures, strict=True):
        for field, text in (("title", measure.title), ("responsible", measure.responsible_raw)):
            for token in flagged.get(text, ()):
                uses.setdefault(token, []).append((item, field))
    for token, places in uses.items():
        first, field = places[0]
        yield ctx.finding(
            "GR401",
            f"«{token}» is used {len(places)} time{'s' if len(places) != 1 else ''} but the document does "
            "not define it",
            ctx.location(first, field),
            related=[ctx.location(i, f) for i, f in places[1:]],
            evidence=token,
        )


@rule("GR402")
def check_redefined_abbreviations(ctx: CheckContext) -> Iterator[Finding]:
    """GR402: the document defines an abbreviation twice, differently."""
    glossary = ctx.roadmap.glossary
    seen: set[str] = set()
    for entry in glossary.entries:
        if entry.key in seen or not glossary.is_ambiguous(entry.abbreviation):
            continue
        seen.add(entry.key)
        meanings = "; ".join(f"«{e.expansion}»" for e in glossary.meanings(entry.abbreviation))
        yield ctx.finding(
            "GR402",
            f"«{entry.abbreviation}» is defined more than once, differently: {meanings}",
            ctx.location(None, "glossary"),
            evidence=entry.abbreviation,
        )
