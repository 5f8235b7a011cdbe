"""GR403: one person's name or one document's number written in different ways.

A careful reader notices that «Владимирова Е.В.», «Владиминова Е.В.» and «Владимилова Е.В.» are one
person, and that «№ 10-П-1485» and «№ 10-ПП-1485» of the same day are one order. The check compares
the document's own vocabulary with itself, not with a list: the people named in the responsible cells,
and the numbers of the orders the plan cites (its own orders, its legal basis, and «от DATE № …» in the
measures' texts).

* Two surnames are one name misspelt when the initials are equal and the surnames differ by a typo
  (:func:`~gia_roadmap.text.similar_words`: one edit from five letters, two from ten) that is not just
  a different ending: «Иванов» / «Иванова» (another person, or the same in another case) and
  «Полосина» / «Полосиной» are not reported.
* Two order numbers are one number written twice differently when they are dated the same day and
  carry the same digits («10-П-1485» / «10-ПП-1485»); look-alike Latin letters, spaces and case do not
  count as a difference.

Organisation names are not compared here: a misspelt party is GR303's (it is read against the bodies
and the glossary).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from gia_roadmap.errors import Location, Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.plan.messages import Localized, plural
from gia_roadmap.plan.people import Person
from gia_roadmap.text import fix_lookalikes, similar_words

_ORDER_REF = re.compile(
    r"от\s+(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\s*(?:г\.|года|г(?!\w))?\s*"
    r"№\s*(?P<number>\w(?:[\w./-]*\w)?)"
)
"""«от 29.10.2021 №10-П-1485», «от 29.11.2021 г. № 2085»."""

_DIGITS = re.compile(r"\d+")

_ENDING = 2
"""Letters at the end of a word that may differ between forms of one surname (case, gender)."""


def _only_ending(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in their last letters: another case or gender of one
    surname («Иванов» / «Иванова», «Полосина» / «Полосиной»)."""
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(len(a), len(b)) - _ENDING


def _order_key(number: str) -> str:
    """The form two order numbers are compared in: look-alikes repaired, upper case, no spaces."""
    return re.sub(r"\s+", "", fix_lookalikes(number)).upper()


class _Uses:
    """The spellings of one vocabulary, each with its places in document order."""

    def __init__(self) -> None:
        self.places: dict[str, list[Location]] = {}

    def add(self, spelling: str, location: Location) -> None:
        self.places.setdefault(spelling, []).append(location)


def _person_groups(ctx: CheckContext) -> list[tuple[list[str], _Uses]]:
    """Groups of surnames with the same initials that are one name misspelt."""
    by_initials: dict[str, _Uses] = {}
    for item, parties in zip(ctx.located, ctx.responsible_list, strict=True):
        if item.measure.inherited("responsible"):  # written once, in the cell it is shared from
            continue
        for responsible in parties:
            person = responsible.party
            if not isinstance(person, Person) or not person.surname or not person.initials:
                continue
            uses = by_initials.setdefault(person.initials, _Uses())
            uses.add(f"{person.surname} {person.initials}", ctx.location(item, "responsible"))
    out: list[tuple[list[str], _Uses]] = []
    for uses in by_initials.values():
        spellings = list(uses.places)
        for group in _clusters(spellings, _same_surname):
            if len(group) > 1:
                out.append((group, uses))
    return out


def _same_surname(a: str, b: str) -> bool:
    first, second = a.split(" ", 1)[0], b.split(" ", 1)[0]
    return similar_words(first, second) and not _only_ending(first, second)


def _clusters(spellings: Sequence[str], same: Callable[[str, str], bool]) -> list[list[str]]:
    """The spellings joined by ``same`` (transitively), each cluster in first-use order."""
    parent = list(range(len(spellings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(spellings)):
        for j in range(i + 1, len(spellings)):
            if same(spellings[i], spellings[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[str]] = {}
    for i, spelling in enumerate(spellings):
        groups.setdefault(root(i), []).append(spelling)
    return list(groups.values())


def _order_groups(ctx: CheckContext) -> list[tuple[list[str], _Uses]]:
    """Groups of order numbers of one day with the same digits, written differently."""
    by_order: dict[tuple[str, tuple[str, ...]], _Uses] = {}

    def add(date: str, number: str, location: Location) -> None:
        digits = tuple(_DIGITS.findall(number))
        if not digits:
            return
        by_order.setdefault((date, digits), _Uses()).add(number, location)

    plan_place = ctx.location(None, "orders")
    for order in (*ctx.roadmap.orders, *ctx.roadmap.legal_basis):
        if order.date is not None and order.number:
            add(order.date.isoformat(), order.number, plan_place)
        for match in _ORDER_REF.finditer(order.raw):
            add(_match_date(match), match.group("number"), plan_place)
    for item in ctx.located:
        for match in _ORDER_REF.finditer(item.measure.title):
            add(_match_date(match), match.group("number"), ctx.location(item, "title"))
    out: list[tuple[list[str], _Uses]] = []
    for uses in by_order.values():
        keys: dict[str, list[str]] = {}
        for spelling in uses.places:
            keys.setdefault(_order_key(spelling), []).append(spelling)
        if len(keys) > 1:
            merged = _Uses()
            for spellings in keys.values():
                for spelling in spellings:
                    for place in uses.places[spelling]:
                        merged.add(spellings[0], place)
            out.append((list(merged.places), merged))
    return out


def _match_date(match: re.Match[str]) -> str:
    return f"{match.group('year')}-{int(match.group('month')):02d}-{int(match.group('day')):02d}"


@rule("GR403", Severity.WARNING)
def check_inconsistent_spelling(ctx: CheckContext) -> Iterator[Finding]:
    """One person's name, or one order's number, written in different ways in the document: surnames
    with the same initials that differ by a typo («Владимирова Е.В.», «Владиминова Е.В.»), and numbers
    of orders of the same day with the same digits («№ 10-П-1485», «№ 10-ПП-1485»). One finding per
    name or number, at the first place of a spelling other than the most frequent one, with every
    other place. A spelling counts where it is written: a responsible cell shared by the sub-items of
    a lead-in or by the rows of a merged cell counts once. Different endings of one surname (case,
    gender) are not reported, nor are organisation names (GR303)."""
    for group, uses in (*_person_groups(ctx), *_order_groups(ctx)):
        counts = {spelling: len(uses.places[spelling]) for spelling in group}
        usual = max(group, key=lambda s: (counts[s], -group.index(s)))
        odd = [s for s in group if s != usual]
        first = min((uses.places[s][0] for s in odd), key=lambda place: place.sort_key())
        places = [place for s in group for place in uses.places[s]]
        related = sorted({p for p in places if p != first}, key=lambda place: place.sort_key())
        variants = tuple(
            Localized(f"«{s}» ({plural(counts[s], 'times')})", f"«{s}» ({plural(counts[s], 'times', 'en')})")
            for s in group
        )
        yield ctx.finding(
            "GR403",
            first,
            params={"usual": usual, "variants": variants},
            related=related,
            evidence=" / ".join(group),
        )
