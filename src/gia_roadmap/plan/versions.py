"""What changed between two versions of a plan (:func:`diff`), and which due dates move when the exam
schedule changes (:func:`compare`), for example between an order and its amendment («что изменилось»).

Measures of the two versions are paired first by number and title together, then by title alone (a
measure renumbered, for example when one was inserted before it), then by number alone (a measure
retitled: the two titles share at least half the words of the shorter one, by stem; a number reused
for an unrelated measure is a removal and an addition); the rest are added or removed. Numbers compare
canonically («1.2.» is «1.2»), titles normalised (case, «ё», dashes, Latin look-alike letters in
Cyrillic words, spaces and the closing punctuation do not count: :func:`title_key`); a repeated key
pairs in order of appearance. A paired measure is *changed* when its title, deadline as written,
responsible parties as written, exams, trained categories, dependencies or execution status differ,
and *moved* when its due date (the end of its latest resolved window) differs.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import Any

import attrs

from gia_roadmap.calendar.terms import EventDates, ResolveOptions, WorkingDayCalendar
from gia_roadmap.errors import InvalidTypeError, Language
from gia_roadmap.plan.binding import EventBinder
from gia_roadmap.plan.model import LocatedMeasure, Measure, Roadmap
from gia_roadmap.plan.views import html_table
from gia_roadmap.text import normalize, stems

__all__ = ["ChangeKind", "MeasureChange", "PlanDiff", "compare", "diff", "title_key"]


class ChangeKind(enum.Enum):
    """How a measure differs between two versions."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"
    """Only its due date differs (the text is the same; the schedule or the school year moved it)."""

    def label(self, lang: Language = "ru") -> str:
        """«добавлено», «удалено», «изменено», «срок сдвинут» (``lang="en"``: the value)."""
        if lang == "en":
            return self.value
        return {"added": "добавлено", "removed": "удалено", "changed": "изменено", "moved": "срок сдвинут"}[
            self.value
        ]


def _parties(m: Measure) -> str:
    return m.responsible_raw


def _categories(m: Measure) -> tuple[str, ...]:
    return tuple(t.category.value for t in (*m.targets, *m.participants) if t.category is not None)


def _dependencies(m: Measure) -> tuple[str, ...]:
    return tuple(f"{d.kind.value} {d.on.number}" for d in m.dependencies)


_FIELDS: tuple[tuple[str, Any], ...] = (
    ("title", lambda m: " ".join(m.title.split())),
    ("term", lambda m: " ".join(m.term.raw.split())),
    ("responsible", _parties),
    ("exams", lambda m: ", ".join(s.label for s in m.exam_scope)),
    ("categories", lambda m: ", ".join(_categories(m))),
    ("dependencies", lambda m: ", ".join(_dependencies(m))),
    ("status", lambda m: m.status.kind.value + (f" {m.status.date:%d.%m.%Y}" if m.status.date else "")),
)


_FIELD_NAMES = {
    "number": "№",
    "title": "Мероприятие",
    "term": "Сроки",
    "responsible": "Ответственные",
    "exams": "Экзамены",
    "categories": "Обучаемые категории",
    "dependencies": "Зависимости",
    "status": "Отметка об исполнении",
}


@attrs.frozen(kw_only=True)
class MeasureChange:
    """One measure added, removed, changed or moved.

    Attributes:
        kind: added, removed, changed or moved.
        number: its number as written (in the new version; the old one for a removed measure).
        title: its title.
        before: the measure in the first version (None when added).
        after: the measure in the second version (None when removed).
        fields: the fields that differ, each as (name, before, after) texts.
        due_before: its due date in the first version, None when unknown.
        due_after: its due date in the second version, None when unknown.
    """

    kind: ChangeKind
    number: str
    title: str
    before: Measure | None
    after: Measure | None
    fields: tuple[tuple[str, str, str], ...] = ()
    due_before: dt.date | None = None
    due_after: dt.date | None = None

    @property
    def due_moved(self) -> bool:
        """True when both due dates are known and differ."""
        return (
            self.due_before is not None and self.due_after is not None and self.due_before != self.due_after
        )

    def record(self, lang: Language = "ru") -> dict[str, Any]:
        """The change as a flat mapping (Russian column names by default)."""
        keys = ("Изменение", "№", "Мероприятие", "Что изменилось", "Срок был", "Срок стал")
        if lang == "en":
            keys = ("change", "number", "title", "fields", "due before", "due after")
        names = _FIELD_NAMES if lang == "ru" else {}
        what = "; ".join(f"{names.get(name, name)}: «{old}» → «{new}»" for name, old, new in self.fields)
        values = (
            self.kind.label(lang),
            self.number,
            " ".join(self.title.split()),
            what,
            self.due_before,
            self.due_after,
        )
        return dict(zip(keys, values, strict=True))


@attrs.frozen(kw_only=True)
class PlanDiff:
    """The differences between two versions of a plan (:func:`diff`) or of its schedule (:func:`compare`).

    Attributes:
        changes: one per measure that differs, in the order of the second version (removed measures
            where they stood in the first).
        unchanged: how many measures are the same in both.
        title: what was compared.
    """

    changes: tuple[MeasureChange, ...]
    unchanged: int
    title: str = ""

    def of(self, *kinds: ChangeKind) -> tuple[MeasureChange, ...]:
        """The changes of any of ``kinds``."""
        return tuple(c for c in self.changes if c.kind in kinds)

    @property
    def added(self) -> tuple[MeasureChange, ...]:
        """Measures only in the second version."""
        return self.of(ChangeKind.ADDED)

    @property
    def removed(self) -> tuple[MeasureChange, ...]:
        """Measures only in the first version."""
        return self.of(ChangeKind.REMOVED)

    @property
    def changed(self) -> tuple[MeasureChange, ...]:
        """Measures whose text, parties, exams, categories, dependencies or status changed."""
        return self.of(ChangeKind.CHANGED)

    @property
    def moved(self) -> tuple[MeasureChange, ...]:
        """Measures (changed or not) whose due date moved."""
        return tuple(c for c in self.changes if c.due_moved)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def summary(self, lang: Language = "ru") -> str:
        """«добавлено 1, удалено 0, изменено 2, срок сдвинут 3; без изменений 40»."""
        counts = ", ".join(f"{kind.label(lang)} {len(self.of(kind))}" for kind in ChangeKind)
        same = "без изменений" if lang == "ru" else "unchanged"
        return f"{counts}; {same} {self.unchanged}"

    def to_records(self, lang: Language = "ru") -> list[dict[str, Any]]:
        """One mapping per change."""
        return [c.record(lang) for c in self.changes]

    def to_dataframe(self, lang: Language = "ru") -> Any:
        """The changes as a ``pandas.DataFrame``."""
        import pandas as pd  # optional: only this method needs it

        return pd.DataFrame(self.to_records(lang))

    def text(self, lang: Language = "ru") -> str:
        """The changes as plain text, one per line, under the summary."""
        lines = [f"{self.title}: {self.summary(lang)}" if self.title else self.summary(lang)]
        for change in self.changes:
            record = change.record(lang)
            values = list(record.values())
            due = ""
            if change.due_moved:
                due = f" [{change.due_before:%d.%m.%Y} → {change.due_after:%d.%m.%Y}]"
            detail = f" — {values[3]}" if values[3] else ""
            lines.append(f"{values[0]}: {values[1] or '—'} {values[2]}{due}{detail}")
        return "\n".join(lines)

    def to_html(self, lang: Language = "ru") -> str:
        """The changes as an HTML table under the summary."""
        return f"<p>{html.escape(self.summary(lang))}</p>{html_table(self.to_records(lang))}"

    def _repr_html_(self) -> str:
        return self.to_html()


def title_key(title: str) -> str:
    """A measure's title as :func:`diff` pairs it: lower case, «ё» as «е», one kind of dash, Latin
    look-alike letters inside Cyrillic words as Cyrillic, one space, no closing punctuation.

    >>> title_key("Совещание с руководителями ОО.") == title_key("Cовещание  с руководителями ОО")
    True
    """
    return normalize(title).rstrip(" .,;:")


def _related(a: str, b: str) -> bool:
    """Two titles of one measure: they share at least half the words (stems of words longer than three
    letters) of the shorter one; a title with no such word relates to any."""
    first = {w for w in stems(a) if len(w) > 3}
    second = {w for w in stems(b) if len(w) > 3}
    if not first or not second:
        return True
    return 2 * len(first & second) >= min(len(first), len(second))


def _pairs(
    first: list[LocatedMeasure], second: list[LocatedMeasure]
) -> tuple[list[tuple[LocatedMeasure, LocatedMeasure]], list[LocatedMeasure], list[LocatedMeasure]]:
    """Pairs by number and title, then by title, then by number with related titles (in order of
    appearance); the rest unpaired."""
    pairs: list[tuple[LocatedMeasure, LocatedMeasure]] = []
    left = list(first)
    right = list(second)

    def number(m: LocatedMeasure) -> str:
        return m.measure.number.canonical

    def title(m: LocatedMeasure) -> str:
        return title_key(m.measure.title)

    def both(m: LocatedMeasure) -> str:
        return f"{number(m)}\n{title(m)}" if number(m) and title(m) else ""

    for key in (both, title, number):
        waiting: dict[str, list[LocatedMeasure]] = {}
        for item in left:
            value = key(item)
            if value:
                waiting.setdefault(value, []).append(item)
        paired_left: set[int] = set()
        rest = []
        for item in right:
            queue = waiting.get(key(item)) if key(item) else None
            if queue and key is number:
                queue = [m for m in queue if _related(m.measure.title, item.measure.title)]
            if queue:
                partner = queue[0]
                waiting[key(item)].remove(partner)
                pairs.append((partner, item))
                paired_left.add(id(partner))
            else:
                rest.append(item)
        left = [m for m in left if id(m) not in paired_left]
        right = rest
    return pairs, left, right


def _due(binder: EventBinder, measure: Measure, calendar: Any, options: Any) -> dt.date | None:
    return binder.resolve(measure, calendar, options=options).due


def diff(
    first: Roadmap,
    second: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    second_events: EventDates | None = None,
    options: ResolveOptions | None = None,
) -> PlanDiff:
    """What changed from ``first`` to ``second`` (two versions of a plan): measures added, removed and
    changed, and due dates moved.

    Args:
        first, second: the two versions.
        calendar: the working-day calendar for resolving deadlines.
        events: the exam events of ``first`` (and of ``second`` unless ``second_events`` is given).
        second_events: the exam events of ``second`` when they differ (another school year).
        options: counting rules for deadlines.
    """
    for name, plan in (("first", first), ("second", second)):
        if not isinstance(plan, Roadmap):
            raise InvalidTypeError(f"{name} must be a Roadmap, got {type(plan).__name__}")
    later_events = events if second_events is None else second_events
    before_binder, after_binder = EventBinder(first, events), EventBinder(second, later_events)
    order = {id(m): i for i, m in enumerate(second.walk())}
    pairs, removed, added = _pairs(list(first.walk()), list(second.walk()))
    changes: list[tuple[float, MeasureChange]] = []
    unchanged = 0
    for old, new in pairs:
        fields = tuple(
            (name, read(old.measure), read(new.measure))
            for name, read in _FIELDS
            if read(old.measure) != read(new.measure)
        )
        if old.measure.number.canonical != new.measure.number.canonical:
            fields = (("number", old.measure.number.raw, new.measure.number.raw), *fields)
        due_before = _due(before_binder, old.measure, calendar, options)
        due_after = _due(after_binder, new.measure, calendar, options)
        if not fields and due_before == due_after:
            unchanged += 1
            continue
        kind = ChangeKind.CHANGED if fields else ChangeKind.MOVED
        change = MeasureChange(
            kind=kind,
            number=new.measure.number.raw,
            title=new.measure.title,
            before=old.measure,
            after=new.measure,
            fields=fields,
            due_before=due_before,
            due_after=due_after,
        )
        changes.append((order.get(id(new), 0), change))
    for item in added:
        due = _due(after_binder, item.measure, calendar, options)
        change = MeasureChange(
            kind=ChangeKind.ADDED,
            number=item.measure.number.raw,
            title=item.measure.title,
            before=None,
            after=item.measure,
            due_after=due,
        )
        changes.append((order.get(id(item), 0), change))
    first_order = {id(m): i for i, m in enumerate(first.walk())}
    for item in removed:
        due = _due(before_binder, item.measure, calendar, options)
        change = MeasureChange(
            kind=ChangeKind.REMOVED,
            number=item.measure.number.raw,
            title=item.measure.title,
            before=item.measure,
            after=None,
            due_before=due,
        )
        changes.append((first_order.get(id(item), 0) - 0.5, change))
    ordered = tuple(c for _, c in sorted(changes, key=lambda pair: pair[0]))
    return PlanDiff(changes=ordered, unchanged=unchanged, title=f"{first.id} → {second.id}")


def compare(
    roadmap: Roadmap,
    events: EventDates,
    other_events: EventDates,
    calendar: WorkingDayCalendar | None = None,
    *,
    options: ResolveOptions | None = None,
) -> PlanDiff:
    """Which due dates of ``roadmap`` move when the exam schedule changes from ``events`` to
    ``other_events`` (an order and its amendment): one MOVED change per measure whose due date differs."""
    if not isinstance(roadmap, Roadmap):
        raise InvalidTypeError(f"roadmap must be a Roadmap, got {type(roadmap).__name__}")
    changes = []
    unchanged = 0
    first, second = EventBinder(roadmap, events), EventBinder(roadmap, other_events)
    for item in roadmap.walk():
        before = _due(first, item.measure, calendar, options)
        after = _due(second, item.measure, calendar, options)
        if before == after:
            unchanged += 1
            continue
        changes.append(
            MeasureChange(
                kind=ChangeKind.MOVED,
                number=item.measure.number.raw,
                title=item.measure.title,
                before=item.measure,
                after=item.measure,
                due_before=before,
                due_after=after,
            )
        )
    return PlanDiff(changes=tuple(changes), unchanged=unchanged, title=roadmap.id)
