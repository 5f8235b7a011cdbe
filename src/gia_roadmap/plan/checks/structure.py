"""GR5xx: numbering and structure (duplicate numbers, gaps, missing parents, empty sections)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from gia_roadmap.plan.checks.context import (
    CheckContext,
    _label,
    _section_number,
    _title,
)
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import (
    LocatedMeasure,
    Section,
)

# --------------------------------------------------------------------------------------------
# GR5xx: numbering and structure
# --------------------------------------------------------------------------------------------


@rule("GR501")
def check_duplicate_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """GR501: two measures of one section with the same number."""
    located = ctx.located
    first_at: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}  # per number: its first position
    repeats: dict[tuple[tuple[int, ...], tuple[int, ...]], list[LocatedMeasure]] = {}
    for position, item in enumerate(located):
        parts = item.measure.number.parts
        if parts:
            key = (item.id.section, parts)
            if first_at.setdefault(key, position) != position:
                repeats.setdefault(key, []).append(item)
    for key in sorted(repeats, key=first_at.__getitem__):  # in the order of the first uses
        first = located[first_at[key]]
        for other in repeats[key]:
            yield ctx.finding(
                "GR501",
                f"number {_label(other)} is used twice in «{other.section.heading}»: "
                f"«{_title(first, 50)}» and "
                f"«{_title(other, 50)}»",
                ctx.location(other, "number"),
                related=[ctx.location(first, "number")],
                evidence=other.measure.number.raw,
            )


@rule("GR502")
def check_numbering_gaps(ctx: CheckContext) -> Iterator[Finding]:
    """GR502: a skipped number among siblings («3.3», «3.5»: no «3.4»), under an existing parent."""
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        siblings: dict[tuple[int, ...], set[int]] = defaultdict(set)
        for parts in numbers:
            siblings[parts[:-1]].add(parts[-1])
        first_at: dict[tuple[int, ...], LocatedMeasure] | None = None  # built for the first gap
        for prefix, lasts in sorted(siblings.items()):
            if prefix and prefix not in numbers and prefix != top:
                continue  # the parent itself is missing: GR503
            missing = [n for n in range(1, max(lasts)) if n not in lasts]
            if not missing:
                continue
            if first_at is None:
                first_at = {}
                for item in items:
                    first_at.setdefault(item.measure.number.parts, item)
            runs: list[list[int]] = []
            for n in missing:
                if runs and runs[-1][-1] == n - 1:
                    runs[-1].append(n)
                else:
                    runs.append([n])
            section = ctx.roadmap.sections[position]
            for run in runs:
                names = ", ".join(".".join(map(str, (*prefix, n))) for n in run)
                anchor = first_at.get((*prefix, run[-1] + 1))
                location = (
                    ctx.location(anchor, "number")
                    if anchor is not None
                    else ctx.location(None, "number", section=section, path=(position,))
                )
                yield ctx.finding("GR502", f"numbering skips {names} in «{section.heading}»", location)


@rule("GR503")
def check_missing_parents(ctx: CheckContext) -> Iterator[Finding]:
    """GR503: sub-items whose parent number exists nowhere in the section (one finding per missing parent)."""
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        orphans: dict[tuple[int, ...], list[LocatedMeasure]] = {}
        for item in items:
            parts = item.measure.number.parts
            prefix = parts[:-1]
            if len(parts) > 1 and prefix not in numbers and prefix != top:
                orphans.setdefault(prefix, []).append(item)
        for prefix, children in orphans.items():
            name = ".".join(map(str, prefix))
            yield ctx.finding(
                "GR503",
                f"{len(children)} item{'s' if len(children) != 1 else ''} numbered under {name} "
                f"({', '.join(_label(c) for c in children[:5])}{' …' if len(children) > 5 else ''}) but "
                f"there is no {name}",
                ctx.location(children[0], "number"),
                related=[ctx.location(c, "number") for c in children[1:]],
                evidence=children[0].measure.number.raw,
            )


@rule("GR504")
def check_empty_sections(ctx: CheckContext) -> Iterator[Finding]:
    """GR504: a section (or sub-group) with no measure anywhere inside it."""

    def count(section: Section) -> int:
        return len(section.measures) + sum(count(s) for s in section.subgroups)

    def visit(section: Section, path: tuple[int, ...]) -> Iterator[Finding]:
        if count(section) == 0:
            yield ctx.finding(
                "GR504",
                f"the section «{section.heading}» holds no measures",
                ctx.location(None, "", section=section, path=path),
                evidence=section.heading,
            )
            return
        for index, sub in enumerate(section.subgroups):
            yield from visit(sub, (*path, index))

    for position, section in enumerate(ctx.roadmap.sections):
        yield from visit(section, (position,))
