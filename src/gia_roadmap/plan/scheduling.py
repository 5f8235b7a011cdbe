"""Scheduling in working days («расчёт сроков»): earliest and latest dates, slack, critical path.

Each node of a :class:`~gia_roadmap.plan.graph.DependencyGraph` has an own *window* — for a
measure the hull of the date windows its deadline resolves to, for an event the hull of its
dates — or none when its dates are unknown. Within its window a node starts (S) and finishes (F)
with ``window.start ≤ S ≤ F ≤ window.end``; a measure may take a single day (the plans give
deadlines, not durations). Each precedence link adds one constraint, its lag shifted in working
days of the calendar (or calendar days):

* FS: S(successor) ≥ F(predecessor) + lag — lag 0 lets the successor start the day the
  predecessor finishes;
* SS: S(successor) ≥ S(predecessor) + lag;
* FF: F(successor) ≥ F(predecessor) + lag;
* SF: F(successor) ≥ S(predecessor) + lag.

:func:`schedule` runs a forward pass (earliest start and finish) and a backward pass (latest
start and finish) in topological order. When a link pushes a node's earliest date past its own
window end, the link is recorded as a :class:`Violation` — *precedence* when even lag 0 cannot be
met (the successor is due before the predecessor can finish), *lag* when only the lag cannot — and
the node's earliest dates are clamped to its window end, so one bad link is reported once rather
than down the whole chain. Slack is counted in working days between the earliest and latest
finish. Nodes on a cycle are left out of both passes (their window stays as is) and every cycle
is reported with its full path.

The **critical path** is the chain of *driving* links (links that set their successor's earliest
date beyond its own window start) that ends at the node with the least slack.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs
import networkx as nx  # type: ignore[import-untyped]  # no stubs are installed

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import WorkingDayCalendar
from gia_roadmap.errors import CalendarCoverageError
from gia_roadmap.plan.graph import DependencyGraph, Link, Node
from gia_roadmap.plan.model import DependencyKind

__all__ = ["NodeSchedule", "Schedule", "Violation", "ViolationKind", "schedule"]

_FS = DependencyKind.FINISH_TO_START
_SS = DependencyKind.START_TO_START
_FF = DependencyKind.FINISH_TO_FINISH
_SF = DependencyKind.START_TO_FINISH
_ONE = dt.timedelta(days=1)


class ViolationKind(enum.Enum):
    """Why a link cannot be met."""

    PRECEDENCE = "precedence"
    """The successor is due before the predecessor can even finish (start): dates in the wrong order."""
    LAG = "lag"
    """The order is right but the dates leave less time than the lag asks."""


@attrs.frozen(slots=True)
class Violation:
    """A link the dates cannot satisfy.

    Attributes:
        link: the link.
        kind: precedence or lag.
        required: the earliest date the link allows the successor to start (SS, FS) or finish (FF, SF).
        due: the successor's own window end (its deadline).
        shortfall: working days (or calendar days for a calendar lag) missing.
    """

    link: Link
    kind: ViolationKind
    required: dt.date
    due: dt.date
    shortfall: int


@attrs.frozen(slots=True)
class NodeSchedule:
    """The computed dates of one node (None where nothing bounds them).

    Attributes:
        node: the measure or event.
        window: its own window (hull of its resolved windows), None when unknown.
        earliest_start, earliest_finish: from the forward pass.
        latest_start, latest_finish: from the backward pass.
        slack: working days between the earliest and latest finish (negative when infeasible),
            None when either is unknown.
        in_cycle: the node is on a dependency cycle (not scheduled).
        driving: the predecessor whose link set this node's earliest date, None when its own
            window did.
    """

    node: Node
    window: DateWindow | None
    earliest_start: dt.date | None
    earliest_finish: dt.date | None
    latest_start: dt.date | None
    latest_finish: dt.date | None
    slack: int | None
    in_cycle: bool = False
    driving: Node | None = None

    @property
    def feasible(self) -> bool:
        """True unless the earliest dates pass the latest ones."""
        for early, late in (
            (self.earliest_start, self.latest_start),
            (self.earliest_finish, self.latest_finish),
        ):
            if early is not None and late is not None and early > late:
                return False
        return True


@attrs.frozen(slots=True)
class Schedule:
    """Result of :func:`schedule`.

    Attributes:
        nodes: per node, its dates.
        violations: links the dates cannot satisfy, in topological order.
        cycles: each dependency cycle as its full path.
        critical_path: the driving chain ending at the node with the least slack.
    """

    nodes: Mapping[Node, NodeSchedule]
    violations: tuple[Violation, ...] = ()
    cycles: tuple[tuple[Node, ...], ...] = ()
    critical_path: tuple[Node, ...] = ()

    def __getitem__(self, node: Node) -> NodeSchedule:
        return self.nodes[node]


class _Shifter:
    """Lag arithmetic in working or calendar days; falls back to calendar days outside coverage."""

    __slots__ = ("calendar",)

    def __init__(self, calendar: WorkingDayCalendar | None) -> None:
        self.calendar = calendar

    def forward(self, day: dt.date, lag: int, working: bool) -> dt.date:
        """day + lag (the ``lag``-th working day after ``day``; ``day`` itself for 0)."""
        if lag == 0:
            return day
        if working and self.calendar is not None:
            try:
                return self.calendar.add_working_days(day, lag)
            except CalendarCoverageError:
                pass
        return day + dt.timedelta(days=lag)

    def backward(self, limit: dt.date, lag: int, working: bool) -> dt.date:
        """The latest x with ``forward(x, lag) <= limit`` (the exact inverse of :meth:`forward`)."""
        if lag == 0:
            return limit
        calendar = self.calendar
        if working and calendar is not None:
            try:
                last = calendar.previous_working_day(limit, include_self=True)
                if lag > 0:
                    return calendar.add_working_days(last, 1 - lag) - _ONE if lag > 1 else last - _ONE
                return calendar.add_working_days(last, -lag)
            except CalendarCoverageError:
                pass
        return limit - dt.timedelta(days=lag)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        if self.calendar is not None:
            try:
                return self.calendar.working_days_between(start, end)
            except CalendarCoverageError:
                pass
        return (end - start).days


def _max(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a >= b else b


def _min(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a <= b else b


def schedule(
    graph: DependencyGraph,
    windows: Mapping[Node, DateWindow | None],
    calendar: WorkingDayCalendar | None = None,
) -> Schedule:
    """Earliest and latest dates of every node, slack, violations, cycles and the critical path.

    Args:
        graph: the dependency graph.
        windows: each node's own window (nodes missing here have none).
        calendar: the working-day calendar for working-day lags and slack (calendar days without one).
    """
    g = graph.digraph
    shift = _Shifter(calendar)
    cycles = graph.cycles()
    cyclic = {n for c in cycles for n in c}
    order = (
        list(nx.topological_sort(g.subgraph(n for n in g.nodes if n not in cyclic)))
        if cyclic
        else list(nx.topological_sort(g))
    )
    preds: dict[Node, list[tuple[Node, Link]]] = {}
    succs: dict[Node, list[tuple[Node, Link]]] = {}
    for u, v, data in g.edges(data=True):
        if u in cyclic or v in cyclic:
            continue
        for link in data["links"]:
            preds.setdefault(v, []).append((u, link))
            succs.setdefault(u, []).append((v, link))

    es: dict[Node, dt.date | None] = {}
    ef: dict[Node, dt.date | None] = {}
    driving: dict[Node, Node | None] = {}
    violations: list[Violation] = []
    for node in order:
        window = windows.get(node)
        own_start = None if window is None else window.start
        due = None if window is None else window.end
        start, finish = own_start, own_start
        driver: Node | None = None
        start_pushes: list[tuple[dt.date, dt.date, Link]] = []
        finish_pushes: list[tuple[dt.date, dt.date, Link]] = []
        for pred, link in preds.get(node, ()):
            base = ef[pred] if link.kind in (_FS, _FF) else es[pred]
            if base is None:
                continue
            value = shift.forward(base, link.lag, link.working_days)
            if link.kind in (_FS, _SS):
                start_pushes.append((value, base, link))
            else:
                finish_pushes.append((value, base, link))
        for value, _, link in start_pushes:
            if start is None or value > start:
                start, driver = value, link.predecessor
        finish = _max(start, finish)
        for value, _, link in finish_pushes:
            if finish is None or value > finish:
                finish, driver = value, link.predecessor
        if due is not None:
            for value, base, link in (*start_pushes, *finish_pushes):
                if value > due:
                    kind = ViolationKind.PRECEDENCE if base > due else ViolationKind.LAG
                    missing = shift.between(due, value) if link.working_days else (value - due).days
                    violations.append(Violation(link, kind, value, due, missing))
            if start is not None and start > due:
                start = due
            if finish is not None and finish > due:
                finish = due
        es[node], ef[node], driving[node] = start, finish, driver

    ls: dict[Node, dt.date | None] = {}
    lf: dict[Node, dt.date | None] = {}
    for node in reversed(order):
        window = windows.get(node)
        finish = None if window is None else window.end
        start_limit: dt.date | None = None
        for succ, link in succs.get(node, ()):
            target = ls[succ] if link.kind in (_FS, _SS) else lf[succ]
            if target is None:
                continue
            bound = shift.backward(target, link.lag, link.working_days)
            if link.kind in (_FS, _FF):
                finish = _min(finish, bound)
            else:
                start_limit = _min(start_limit, bound)
        lf[node] = finish
        ls[node] = _min(finish, start_limit)

    nodes: dict[Node, NodeSchedule] = {}
    for node in g.nodes:
        window = windows.get(node)
        if node in cyclic:
            start = None if window is None else window.start
            end = None if window is None else window.end
            nodes[node] = NodeSchedule(node, window, start, start, end, end, None, in_cycle=True)
            continue
        early, late = ef.get(node), lf.get(node)
        slack = None if early is None or late is None else shift.between(early, late)
        nodes[node] = NodeSchedule(
            node, window, es.get(node), early, ls.get(node), late, slack, driving=driving.get(node)
        )
    return Schedule(nodes, tuple(violations), cycles, _critical_path(nodes))


def _critical_path(nodes: Mapping[Node, NodeSchedule]) -> tuple[Node, ...]:
    candidates = [n for n in nodes.values() if n.slack is not None and n.driving is not None]
    if not candidates:
        return ()
    depth: dict[Node, int] = {}

    def depth_of(node: Node) -> int:
        chain: list[Node] = []
        current: Node | None = node
        while current is not None and current not in depth and current not in chain:
            chain.append(current)
            current = nodes[current].driving
        known = depth.get(current, 0) if current is not None else 0
        for item in reversed(chain):
            known += 1
            depth[item] = known
        return depth[node]

    def key(item: NodeSchedule) -> tuple[int, int, str]:
        return (item.slack if item.slack is not None else 0, -depth_of(item.node), str(item.node))

    end = min(candidates, key=key)
    path = [end.node]
    current = end
    while current.driving is not None and current.driving not in path:
        path.append(current.driving)
        current = nodes[current.driving]
    return tuple(reversed(path))
