"""GR5xx: numbering and structure (duplicate numbers, gaps, missing parents, empty sections, rows
without a number inside a numbered run, the same measure twice, a sub-item dated outside its item).

The numbering of a plan is judged in the document's own scheme: numbers may restart in each section
(«1, 2, 3» under every heading), carry the section's number («3.4» in section 3, written in Arabic or
Roman figures), or run on through the whole document («1–2», then «3–6» under the next heading).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks.context import CheckContext, _section_number, _title
from gia_roadmap.plan.checks.deadlines import _is_stale
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.model import LocatedMeasure, Section
from gia_roadmap.text import dash_class, unify_dashes


@rule("GR501", Severity.ERROR)
def check_duplicate_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """Two measures of one section with the same number («2.2.14» twice). Numbers that restart in
    another section are not duplicates."""
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
                ctx.location(other, "number"),
                params={
                    "number": other.measure.number.canonical,
                    "first": _title(first, 60),
                    "other": _title(other, 60),
                },
                related=[ctx.location(first, "number")],
            )


def _runs(missing: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in missing:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _orphan_parents(ctx: CheckContext, position: int) -> set[tuple[int, ...]]:
    """The parent numbers of a top section's sub-items that exist nowhere (GR503 reports them)."""
    numbers, items = ctx.numbering[position]
    top = _section_number(ctx.roadmap.sections[position])
    out: set[tuple[int, ...]] = set()
    for item in items:
        parts = item.measure.number.parts
        if len(parts) > 1 and parts[:-1] not in numbers and parts[:-1] != top:
            out.add(parts[:-1])
    return out


@rule("GR502", Severity.WARNING)
def check_numbering_gaps(ctx: CheckContext) -> Iterator[Finding]:
    """A number skipped among siblings («3.3», «3.5»: no «3.4»). Numbering that runs on from one
    section into the next («1–2», then «3–6») is judged across the sections, so a section starting at
    «3» is no gap, and a skip at the boundary («1–15», then «18») is. A missing parent whose sub-items
    exist is GR503's and is not reported here as well."""
    previous_last: int | None = None  # the last top-level number of the sections before
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        siblings: dict[tuple[int, ...], set[int]] = defaultdict(set)
        for parts in numbers:
            siblings[parts[:-1]].add(parts[-1])
        orphans = _orphan_parents(ctx, position)
        first_at: dict[tuple[int, ...], LocatedMeasure] = {}
        for item in items:
            first_at.setdefault(item.measure.number.parts, item)
        section = ctx.roadmap.sections[position]
        for prefix, lasts in sorted(siblings.items()):
            if prefix and prefix not in numbers and prefix != top:
                continue  # the parent itself is missing: GR503
            start = 1
            if not prefix and previous_last is not None and min(lasts) > previous_last:
                start = previous_last + 1  # the numbering runs on from the section before
            missing = [n for n in range(start, max(lasts)) if n not in lasts and (*prefix, n) not in orphans]
            for run in _runs(missing):
                names = tuple(".".join(map(str, (*prefix, n))) for n in run)
                anchor = first_at.get((*prefix, run[-1] + 1))
                location = (
                    ctx.location(anchor, "number")
                    if anchor is not None
                    else ctx.location(None, "number", section=section, path=(position,))
                )
                yield ctx.finding("GR502", location, params={"missing": names})
        top_level = siblings.get(())
        if top_level:
            previous_last = max(top_level)


@rule("GR503", Severity.WARNING)
def check_missing_parents(ctx: CheckContext) -> Iterator[Finding]:
    """Sub-items whose parent number exists nowhere in their section («2.2 … 2.8» without «2»), one
    finding per missing parent. A section's own number counts as the parent, in Arabic or Roman
    figures («II. …» holds «2.1»)."""
    for position, (numbers, items) in ctx.numbering.items():
        top = _section_number(ctx.roadmap.sections[position])
        orphans: dict[tuple[int, ...], list[LocatedMeasure]] = {}
        for item in items:
            parts = item.measure.number.parts
            prefix = parts[:-1]
            if len(parts) > 1 and prefix not in numbers and prefix != top:
                orphans.setdefault(prefix, []).append(item)
        for prefix, children in orphans.items():
            yield ctx.finding(
                "GR503",
                ctx.location(children[0], "number"),
                params={
                    "parent": ".".join(map(str, prefix)),
                    "children": tuple(c.measure.number.canonical for c in children),
                },
                related=[ctx.location(c, "number") for c in children[1:]],
            )


@rule("GR504", Severity.WARNING)
def check_empty_sections(ctx: CheckContext) -> Iterator[Finding]:
    """A section (or sub-group) with no measure anywhere inside it."""

    def count(section: Section) -> int:
        return len(section.measures) + sum(count(s) for s in section.subgroups)

    def visit(section: Section, path: tuple[int, ...]) -> Iterator[Finding]:
        if count(section) == 0:
            yield ctx.finding(
                "GR504",
                ctx.location(None, "", section=section, path=path),
                params={"heading": " ".join(section.heading.split())},
                evidence=section.heading,
            )
            return
        for index, sub in enumerate(section.subgroups):
            yield from visit(sub, (*path, index))

    for position, section in enumerate(ctx.roadmap.sections):
        yield from visit(section, (position,))


_LIST_ITEM = re.compile(rf"^\s*(?:{dash_class('•·●▪*')}|\d+\)|[а-я]\))")
"""A list item written under a row («– пункты проведения экзаменов», «а) …»): not a missing number."""


@rule("GR505", Severity.WARNING)
def check_unnumbered_rows(ctx: CheckContext) -> Iterator[Finding]:
    """A row without a number between two numbered rows of the same level in one section: a number was
    left out («строка без номера после п. 6.5»). List items written under a row (a dash, «а)»), rows
    under a heading row ending with a colon and plans that number nothing are not reported."""
    located = ctx.located
    for position, item in enumerate(located):
        if item.measure.number.is_numbered or _LIST_ITEM.match(item.measure.title):
            continue
        before = _neighbour(ctx, position, -1)
        after = _neighbour(ctx, position, 1)
        if before is None or after is None:
            continue
        depth = before.measure.number.depth
        if depth != after.measure.number.depth:
            continue
        if before.measure.title.rstrip().endswith(":") or not item.measure.title.strip():
            continue
        yield ctx.finding(
            "GR505",
            ctx.location(item, "number"),
            params={"title": _title(item, 60), "after": before.measure.number.canonical},
            related=[ctx.location(before, "number"), ctx.location(after, "number")],
            evidence=" ".join(item.measure.title.split()),
        )


def _neighbour(ctx: CheckContext, position: int, step: int) -> LocatedMeasure | None:
    """The nearest numbered measure before (step −1) or after (+1) ``position`` in the same section,
    with only unnumbered list items or no rows between."""
    located = ctx.located
    section = located[position].id.section
    index = position + step
    while 0 <= index < len(located) and located[index].id.section == section:
        other = located[index]
        if other.measure.number.is_numbered:
            return other
        if not _LIST_ITEM.match(other.measure.title):
            return None  # another row without a number: a run of them is a plan's own style
        index += step
    return None


def _scope_words(ctx: CheckContext, item: LocatedMeasure) -> frozenset[str]:
    """The exams a measure is about, from the nearest place that names them: its title, then the rows
    above it in the outline, then its sections' headings («Проведение ГИА-9» above «3.2.8» tells it
    from «2.2.8» under «Проведение ГИА-11», though the section's heading names both)."""
    texts = [
        item.measure.title,
        *reversed(ctx.parent_titles(item)),
        *(s.heading for s in reversed(item.sections)),
    ]
    for text in texts:
        found = {unify_dashes(m.group(0)).replace(" ", "") for m in _EXAM_MENTION.finditer(text)}
        if found:
            return frozenset(found)
    return frozenset(scope.value for scope in item.measure.exam_scope)


_EXAM_MENTION = re.compile(
    rf"ГИА\s?{dash_class()}\s?(?:9|11)|ОГЭ|ЕГЭ|ГВЭ\s?{dash_class()}\s?(?:9|11)|собеседовани|сочинени"
)


@rule("GR506", Severity.ERROR)
def check_repeated_measures(ctx: CheckContext) -> Iterator[Finding]:
    """The same measure twice under two numbers: the same title (case, spacing and punctuation aside)
    and the same deadline, about the same exams. Measures repeated for ГИА-9 and for ГИА-11, or with
    other deadlines, are not reported; neither are short titles («Семинар») nor rows without text."""
    located = ctx.located
    first_at: dict[str, int] = {}  # per title, where it is first used (strings: no objects per row)
    repeated: dict[str, list[int]] = {}
    for position, title in enumerate(ctx.normalized_titles):
        held = first_at.setdefault(title, position)
        if held != position:
            repeated.setdefault(title, [held]).append(position)
    for positions in repeated.values():
        by_term: dict[object, list[LocatedMeasure]] = {}
        for position in positions:
            item = located[position]
            if item.measure.number.raw == "" or ctx.normalized_titles[position].count(" ") < 3:
                continue
            by_term.setdefault(item.measure.term, []).append(item)
        for items in by_term.values():
            yield from _repeated(ctx, items)


def _repeated(ctx: CheckContext, items: list[LocatedMeasure]) -> Iterator[Finding]:
    """GR506 for measures of the same title and deadline: each one about the same exams as one before
    it, under another number."""
    if len(items) > 1:  # the exams a measure is about are looked up only for repeated texts
        seen: dict[frozenset[str], LocatedMeasure] = {}
        for item in items:
            first = seen.setdefault(_scope_words(ctx, item), item)
            if first is item or first.measure.number.canonical == item.measure.number.canonical:
                continue
            yield ctx.finding(
                "GR506",
                ctx.location(item, "title"),
                params={"title": _title(item, 80), "first": ctx.location(first)},
                related=[ctx.location(first, "title")],
                evidence=" ".join(item.measure.title.split()),
            )


@rule("GR507", Severity.WARNING)
def check_outside_parent_window(ctx: CheckContext) -> Iterator[Finding]:
    """A numbered sub-item («9.1») whose written dates fall outside the dates of its item («9»), both
    written as dates or months: a warning when the two do not meet at all (the sub-item in December,
    its item from January to April), info when the sub-item only runs over. Continuous, relative and
    unread deadlines are not compared, nor a sub-item whose year is stale (GR208)."""
    located, explicit = ctx.located, ctx.explicit_list
    by_number: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    children: list[int] = []  # sub-items: only they and their items are compared
    for position, item in enumerate(located):
        parts = item.measure.number.parts
        if parts:
            by_number.setdefault((item.id.section[:1], parts), position)
            if len(parts) > 1:
                children.append(position)
    windows: dict[int, DateWindow | None] = {}

    def window(position: int) -> DateWindow | None:
        if position not in windows:
            pairs = explicit[position]
            closed = pairs and not any(w.open_start or w.open_end for _, w in pairs)
            windows[position] = (
                DateWindow(min(w.start for _, w in pairs), max(w.end for _, w in pairs)) if closed else None
            )
        return windows[position]

    for position in children:
        item = located[position]
        parts = item.measure.number.parts
        parent_at = by_number.get((item.id.section[:1], parts[:-1]))
        if parent_at is None:
            continue
        own = window(position)
        parent = window(parent_at) if own is not None else None
        if own is None or parent is None:
            continue
        if _is_stale(ctx, own):
            continue
        if own.start < parent.start or own.end > parent.end:
            disjoint = own.end < parent.start or own.start > parent.end
            parent_item = ctx.located[parent_at]
            yield ctx.finding(
                "GR507",
                ctx.location(item, "term"),
                params={
                    "text": item.measure.term.raw,
                    "window": own,
                    "parent": ctx.ref(parent_item),
                    "parent_window": parent,
                },
                related=[ctx.location(parent_item, "term")],
                evidence=item.measure.term.raw,
                severity=None if disjoint else Severity.INFO,
            )
