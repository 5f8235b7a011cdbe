"""GR3xx: responsible parties (missing, unread, written differently from the rest of the document)."""

from __future__ import annotations

from collections.abc import Iterator

from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import FindingKind, rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized
from gia_roadmap.plan.model import ProvenanceKind
from gia_roadmap.plan.responsible import MatchQuality, Responsible

_PLAN_REFERENCE = "a plan reference, not a party"
"""The resolver's note on a responsible cell that names a plan («По плану ИРОК») instead of a party."""


def _names_no_party(parties: tuple[Responsible, ...]) -> bool:
    """Every entry of the cell is a reference to a plan or schedule, none a party."""
    return bool(parties) and all(p.party is None and p.note == _PLAN_REFERENCE for p in parties)


@rule("GR301", Severity.WARNING)
def check_missing_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """No one is responsible for the measure: an empty responsible cell, or one that names only a
    plan or schedule («По плану ИРОК»). Group rows (a row with sub-items, a heading row ending with a
    colon) are exempt, and so is a plan whose table has no responsible column at all."""
    groups = ctx.group_rows
    for position, (item, responsible) in enumerate(zip(ctx.located, ctx.responsible_list, strict=True)):
        if position in groups:
            continue
        empty = not responsible and not item.measure.responsible_raw.strip()
        if not (empty or _names_no_party(responsible)):
            continue
        if any(p.kind is ProvenanceKind.NOT_IN_LAYOUT for p in item.measure.provenance):
            continue  # the table has no responsible column: a valid plan, not a blank cell
        raw = item.measure.responsible_raw.strip()
        yield ctx.finding("GR301", ctx.location(item, "responsible"), evidence=raw)


@rule("GR302", Severity.INFO, kind=FindingKind.NOTICE)
def check_unresolved_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """Reading notice: a responsible entry the library could not read as a body, a post or a person
    (its load and the training of its staff are then not checked). A cell naming only a plan is GR301."""
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if not parties or _names_no_party(parties):
            continue
        seen: set[str] = set()
        for responsible in parties:
            if responsible.party is None and responsible.raw not in seen:
                seen.add(responsible.raw)
                note = f" ({responsible.note})" if responsible.note else ""
                yield ctx.finding(
                    "GR302",
                    ctx.location(item, "responsible"),
                    params={"text": responsible.raw, "note": note},
                    evidence=responsible.raw,
                )


_HOW = {
    MatchQuality.FUZZY: ("опечатка или усечённое написание", "a typo or a truncated form"),
}


@rule("GR303", Severity.WARNING)
def check_approximate_responsible(ctx: CheckContext) -> Iterator[Finding]:
    """A responsible party written differently from the name the document (or its glossary) uses
    elsewhere: a typo or a truncated abbreviation («УГУиОКО МО» for «УГУиОКО МОК», «МОУ» for «МОУО»).
    Each spelling is reported once, at its first use. A party read only in part (an abbreviation the
    document never defines) is GR401's, not reported here."""
    seen: set[str] = set()
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        for responsible in parties:
            if responsible.party is None or responsible.quality is not MatchQuality.FUZZY:
                continue
            raw = " ".join(responsible.raw.split())
            if raw in seen:
                continue
            seen.add(raw)
            ru, en = _HOW[MatchQuality.FUZZY]
            yield ctx.finding(
                "GR303",
                ctx.location(item, "responsible"),
                params={"text": raw, "party": str(responsible.party), "how": Localized(ru, en)},
                evidence=responsible.raw,
            )
