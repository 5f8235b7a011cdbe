"""A plan set («каскад планов»): a regional plan with the municipal and school plans below it.

A region adopts its roadmap; each municipality adopts its own, implementing the region's items; each
school then adopts its plan. :class:`PlanSet` holds such plans, each knowing its parent:

* a parent is one level up or more: a municipal plan implements a regional one, a school plan a
  municipal one (or, where the region runs its schools directly, the regional one);
* every plan id is unique, every parent is a plan of the set, and no plan is its own ancestor.

:meth:`PlanSet.build` takes the plans and infers each parent the caller did not give
(:func:`infer_parent`) from what the documents say of themselves:

1. the plan names its parent (``Roadmap.parent``: the plan id, or the order approving it);
2. the plan cites the order that approves a candidate («На основании приказа Департамента … от
   29.10.2021 № 10-П-1485»), by number, or by date with a compatible issuer;
3. the plan names the candidate's territory («МБОУ СОШ № 5 города Энска» under the plan of «города
   Энска»), or lies in the candidate's region;  a plan of another region is never the parent (the
   region is the plan's own, else the one the orders it cites name);
4. there is exactly one candidate one level up.

A plan whose parent cannot be decided stays without one, and :attr:`PlanSet.notices` says why: the
set is never guessed.

>>> from gia_roadmap.plan import Roadmap, PlanLevel
>>> region = Roadmap("region", level=PlanLevel.REGIONAL)
>>> city = Roadmap("city", level=PlanLevel.MUNICIPAL)
>>> plans = PlanSet.build([region, city])
>>> plans.parent("city").id, [p.id for p in plans.children("region")]
('region', ['city'])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from gia_roadmap.calendar.subjects import find_federal_subjects
from gia_roadmap.errors import InvalidValueError, Location, Problem, Severity
from gia_roadmap.plan.cascade.references import read_order_citations
from gia_roadmap.plan.model import Order, PlanLevel, Roadmap
from gia_roadmap.plan.regions import plan_region
from gia_roadmap.text import unify_dashes

__all__ = ["LEVEL_RANK", "PlanSet", "infer_parent", "order_key", "same_order"]

LEVEL_RANK: Mapping[PlanLevel, int] = {
    PlanLevel.FEDERAL: 0,
    PlanLevel.REGIONAL: 1,
    PlanLevel.MUNICIPAL: 2,
    PlanLevel.SCHOOL: 3,
}
"""How high a level stands: a parent's rank is lower than its child's."""

_LEVEL_RU: Mapping[PlanLevel, str] = {
    PlanLevel.FEDERAL: "федеральный",
    PlanLevel.REGIONAL: "региональный",
    PlanLevel.MUNICIPAL: "муниципальный",
    PlanLevel.SCHOOL: "образовательная организация",
}


def _pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(child), str(parent)) for child, parent in items))


def _plans(value: Iterable[Roadmap]) -> tuple[Roadmap, ...]:
    return tuple(value)


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


@attrs.frozen
class PlanSet:
    """Plans of several levels, each knowing its parent.

    Attributes:
        plans: the plans, in the order given.
        parents: (child id, parent id) pairs, sorted; a plan without a pair has no parent in the set.
        notices: what could not be decided while the set was built (a plan whose parent is unknown),
            as reading notices (code ``cascade-parent``).

    Raises:
        InvalidValueError: two plans share an id, a parent is not a plan of the set, a parent does not
            stand above its child, or the parents run in a circle (the message names the plans).
    """

    plans: tuple[Roadmap, ...] = attrs.field(converter=_plans)
    parents: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    notices: tuple[Problem, ...] = attrs.field(default=(), converter=_problems)
    _by_id: dict[str, Roadmap] = attrs.field(init=False, eq=False, repr=False)
    _parent_of: dict[str, str] = attrs.field(init=False, eq=False, repr=False)
    _children_of: dict[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        ids = [plan.id for plan in self.plans]
        seen: set[str] = set()
        doubles = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
        if doubles:
            raise InvalidValueError(
                f"plans: the ids {', '.join(map(repr, doubles))} are given twice; every plan of a set "
                "needs its own id"
            )
        by_id = {plan.id: plan for plan in self.plans}
        children = [child for child, _ in self.parents]
        repeated = sorted(c for c, n in Counter(children).items() if n > 1)
        if repeated:
            raise InvalidValueError(f"parents: {', '.join(map(repr, repeated))} given two parents; one each")
        for child, parent in self.parents:
            for role, plan_id in (("child", child), ("parent", parent)):
                if plan_id not in by_id:
                    raise InvalidValueError(
                        f"parents: the {role} {plan_id!r} is not a plan of the set; the plans are "
                        f"{', '.join(map(repr, ids))}"
                    )
            if LEVEL_RANK[by_id[parent].level] >= LEVEL_RANK[by_id[child].level]:
                raise InvalidValueError(
                    f"parents: {parent!r} ({by_id[parent].level.value}) cannot be the parent of {child!r} "
                    f"({by_id[child].level.value}); a parent stands above its child: regional above "
                    "municipal above school"
                )
        # levels strictly decrease towards the root, so the parents cannot run in a circle
        kids: dict[str, list[str]] = {}
        for child, parent in self.parents:
            kids.setdefault(parent, []).append(child)
        order = {plan_id: index for index, plan_id in enumerate(ids)}
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_parent_of", dict(self.parents))
        object.__setattr__(
            self, "_children_of", {p: tuple(sorted(c, key=order.__getitem__)) for p, c in kids.items()}
        )

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        plans: Iterable[Roadmap],
        parents: Mapping[str, str | None] | None = None,
    ) -> PlanSet:
        """A set of ``plans`` with the ``parents`` given (child id → parent id; None: no parent) and
        the others inferred from the documents (:func:`infer_parent`)."""
        plans = tuple(plans)
        given = dict(parents or {})
        pairs: dict[str, str] = {}
        notices: list[Problem] = []
        ranks = [LEVEL_RANK[plan.level] for plan in plans]
        # the candidates of each level, with what each says of itself, read once for the whole set
        above: dict[int, list[_Candidate]] = {}
        for rank in sorted(set(ranks)):
            above[rank] = [_features(p) for p, r in zip(plans, ranks, strict=True) if r < rank]
        for plan, rank in zip(plans, ranks, strict=True):
            if plan.id in given:
                chosen = given[plan.id]
                if chosen is not None:
                    pairs[plan.id] = chosen
                continue
            candidates = above[rank]
            if not candidates:
                continue
            parent, reason = _infer(plan, candidates)
            if parent is not None:
                pairs[plan.id] = parent.id
            else:
                notices.append(
                    Problem(
                        code="cascade-parent",
                        severity=Severity.INFO,
                        location=Location(plan=plan.id),
                        message=f"Вышестоящий план для «{plan.id}» не определён: {reason}; укажите его явно",
                    )
                )
        return cls(plans, pairs, notices)

    # ------------------------------------------------------------------ questions
    def __iter__(self) -> Iterator[Roadmap]:
        """The plans from the top down: each root, then its children depth first, in the order given."""
        done: set[str] = set()
        for root in self.roots:
            yield from self._down(root, done)
        for plan in self.plans:  # pragma: no cover - every plan descends from a root
            if plan.id not in done:
                yield plan

    def _down(self, plan: Roadmap, done: set[str]) -> Iterator[Roadmap]:
        done.add(plan.id)
        yield plan
        for child in self.children(plan.id):
            yield from self._down(child, done)

    def __len__(self) -> int:
        return len(self.plans)

    def __contains__(self, plan_id: object) -> bool:
        return isinstance(plan_id, str) and plan_id in self._by_id

    def get(self, plan_id: str) -> Roadmap:
        """The plan with this id.

        Raises:
            InvalidValueError: no plan of the set has it (the message lists the ids).
        """
        plan = self._by_id.get(plan_id)
        if plan is not None:
            return plan
        raise InvalidValueError(
            f"no plan {plan_id!r} in the set; the plans are {', '.join(repr(p.id) for p in self.plans)}"
        )

    def parent(self, plan_id: str) -> Roadmap | None:
        """The parent of the plan, None for a root."""
        self.get(plan_id)  # an unknown id is an error, not a root
        parent = self._parent_of.get(plan_id)
        return None if parent is None else self._by_id[parent]

    def children(self, plan_id: str) -> tuple[Roadmap, ...]:
        """The plans whose parent is this plan, in the order given."""
        return tuple(self._by_id[child] for child in self._children_of.get(plan_id, ()))

    def ancestors(self, plan_id: str) -> tuple[Roadmap, ...]:
        """The parent, its parent and so on up to the root."""
        out = []
        current = self.parent(plan_id)
        while current is not None:
            out.append(current)
            current = self.parent(current.id)
        return tuple(out)

    @property
    def roots(self) -> tuple[Roadmap, ...]:
        """The plans without a parent in the set (the regional plan; a plan whose parent is unknown)."""
        with_parent = {child for child, _ in self.parents}
        return tuple(plan for plan in self.plans if plan.id not in with_parent)

    def by_level(self, level: PlanLevel) -> tuple[Roadmap, ...]:
        """The plans of one level, in the order given."""
        return tuple(plan for plan in self.plans if plan.level is level)

    def pairs(self) -> Iterator[tuple[Roadmap, Roadmap]]:
        """Every (child, parent) pair, from the top down."""
        for plan in self:
            parent = self.parent(plan.id)
            if parent is not None:
                yield plan, parent


# --------------------------------------------------------------------------------------------
# Inferring the parent
# --------------------------------------------------------------------------------------------


def order_key(number: str) -> str:
    """An order number compared as a number: case, spaces, «№» and the kind of dash ignored
    («№ 10-П-1485» and «10–п–1485» are one key)."""
    return unify_dashes(re.sub(r"[\s№]", "", number).upper())


def _issuer_head(text: str) -> str:
    """The first word of an issuer's name, cut to its first five letters, lower case: «Департамента»
    and «ДЕПАРТАМЕНТ образования …» share «депар»; empty for no name."""
    match = re.search(r"[А-ЯЁа-яёA-Za-z]{3,}", text)
    return "" if match is None else match.group(0).lower().replace("ё", "е")[:5]


def same_order(order: Order, date: object, number: str, issuer: str = "") -> bool:
    """True when a citation (``date``, ``number``, ``issuer``) names ``order``: the same number, or
    the same date with an issuer that does not contradict (the first words of both names agree, or
    one is not written)."""
    if number and order.number and order_key(number) == order_key(order.number):
        return True
    if date is None or order.date is None or date != order.date:
        return False
    mine, theirs = _issuer_head(issuer), _issuer_head(order.issuer)
    return not mine or not theirs or mine == theirs


def _citations(plan: Roadmap) -> list[tuple[object, str, str]]:
    """The orders a plan cites of its own accord: its parent reference, its legal basis and the acts
    its title cites, as (date, number, issuer)."""
    out: list[tuple[object, str, str]] = []
    if plan.parent is not None and plan.parent.order is not None:
        order = plan.parent.order
        out.append((order.date, order.number, order.issuer or plan.parent.issuer))
    for order in plan.legal_basis:
        issuer = order.issuer
        if not issuer:
            found = read_order_citations(order.raw)
            issuer = found[0].issuer if found else ""
        out.append((order.date, order.number, issuer))
    for cited in read_order_citations(plan.title):
        out.append((cited.date, cited.number, cited.issuer))
    return out


_PROPER = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ][а-яё]{3,}(?:-[А-ЯЁ]?[а-яё]+)?")
_NOT_NAMES = re.compile(
    r"^(?:Администрац|Управлени|Департамент|Министерств|Комитет|Отдел|План|Дорожн|Муниципальн|Городск"
    r"|Образовани|Российск|Федерац|Республик|Област|Кра[йея]|Округ|Район|Город)",
)


def _place_names(text: str) -> set[str]:
    """The proper names of a territory, cut to their first four letters («города Когалыма» → {«кога»}):
    the capitalised words that are not the words of bodies or kinds of territory."""
    return {w.lower()[:4] for w in _PROPER.findall(text) if not _NOT_NAMES.match(w)}


def _region(plan: Roadmap) -> str | None:
    """The plan's region: its own (:func:`~gia_roadmap.plan.regions.plan_region`), else the one region
    the orders it cites name («приказа Департамента … Ханты-Мансийского автономного округа – Югры»)."""
    own = plan_region(plan).code
    if own is not None:
        return own
    texts = [order.raw or order.issuer for order in plan.legal_basis]
    if plan.parent is not None and plan.parent.order is not None:
        texts.append(plan.parent.order.raw or plan.parent.order.issuer)
    codes = {subject.code for text in texts if text for subject in find_federal_subjects(text)}
    return codes.pop() if len(codes) == 1 else None


@attrs.frozen
class _Candidate:
    """A possible parent with what inference reads of it, read once."""

    plan: Roadmap
    region: str | None
    places: frozenset[str]


def _features(plan: Roadmap, known: dict[int, _Candidate] | None = None) -> _Candidate:
    held = None if known is None else known.get(id(plan))
    if held is None:
        held = _Candidate(
            plan, plan_region(plan).code, frozenset(_place_names(plan.territory or plan.issuer))
        )
        if known is not None:
            known[id(plan)] = held
    return held


def infer_parent(plan: Roadmap, candidates: Sequence[Roadmap]) -> tuple[Roadmap | None, str]:
    """The parent of ``plan`` among ``candidates`` (plans of higher levels), by the rules of the
    module docstring, and how it was decided (or why it could not be), in Russian."""
    return _infer(plan, [_features(c) for c in candidates])


def _infer(plan: Roadmap, features: Sequence[_Candidate]) -> tuple[Roadmap | None, str]:
    candidates = [f.plan for f in features]
    by_id = {id(f.plan): f for f in features}
    if plan.parent is not None and plan.parent.plan_id:
        named = [c for c in candidates if c.id == plan.parent.plan_id]
        if named:
            return named[0], f"план называет вышестоящий план «{plan.parent.plan_id}»"
    citations = _citations(plan)
    cited = [
        c
        for c in candidates
        if any(same_order(order, d, n, i) for order in c.orders for d, n, i in citations)
    ]
    if len(cited) == 1:
        return cited[0], "план ссылается на приказ, которым утверждён вышестоящий план"
    pool = cited or list(candidates)
    region = _region(plan)
    if region is not None:
        # a plan of another region is never the parent (a region unknown does not contradict)
        pool = [c for c in pool if by_id[id(c)].region in (None, region)]
        if not pool:
            return None, "нет вышестоящего плана того же региона"
    nearest = min((c.level for c in pool), key=lambda level: -LEVEL_RANK[level])
    names = _place_names(" ".join((plan.issuer, plan.territory, plan.title)))
    if names:
        placed = [c for c in pool if by_id[id(c)].places & names]
        placed_near = [c for c in placed if c.level is nearest] or placed
        if len(placed_near) == 1:
            return placed_near[0], "план называет территорию вышестоящего плана"
    if region is not None:
        same_region = [c for c in pool if by_id[id(c)].region == region]
        if same_region:
            pool = same_region
    near = [c for c in pool if c.level is nearest]
    if len(near) == 1:
        return near[0], f"единственный план уровня «{_LEVEL_RU[nearest]}»"
    if not near:  # pragma: no cover - the pool holds a plan of the nearest level
        return None, "нет плана более высокого уровня"
    ids = ", ".join(c.id for c in near)
    return None, f"вышестоящим может быть любой из планов уровня «{_LEVEL_RU[nearest]}»: {ids}"
