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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TypeAlias

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import WorkingDayCalendar
from gia_roadmap.errors import CalendarCoverageError
from gia_roadmap.plan.graph import DependencyGraph, Link, Node, _Spec, _spec
from gia_roadmap.plan.model import DependencyKind

__all__ = ["NodeSchedule", "Schedule", "Violation", "ViolationKind", "schedule"]

_FS = DependencyKind.FINISH_TO_START
_SS = DependencyKind.START_TO_START
_FF = DependencyKind.FINISH_TO_FINISH
_ONE = dt.timedelta(days=1)


class ViolationKind(enum.Enum):
    """Why a link cannot be met."""

    PRECEDENCE = "precedence"
    """The successor is due before the predecessor can even finish (start): dates in the wrong order."""
    LAG = "lag"
    """The order is right but the dates leave less time than the lag asks."""


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
class Schedule:
    """Result of :func:`schedule`.

    Attributes:
        nodes: per node (in graph order), its dates; a read-only mapping whose values are made when
            first read.
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


class _NodeSchedules(Mapping[Node, NodeSchedule]):
    """:attr:`Schedule.nodes`: each node's :class:`NodeSchedule`, made the first time it is asked
    for from the lists the passes filled (a large plan's schedule is mostly read in part: its
    violations, its critical path, a few nodes). In graph order; read only."""

    __slots__ = ("_cyclic", "_dates", "_driver_index", "_index", "_made", "_nodes", "_own", "_slacks")

    def __init__(
        self,
        nodes: list[Node],
        own: list[DateWindow | None],
        dates: tuple[list[dt.date | None], list[dt.date | None], list[dt.date | None], list[dt.date | None]],
        slacks: list[int | None],
        cyclic: list[bool],
        driver_index: list[int],
    ) -> None:
        self._nodes = nodes
        self._own = own
        self._dates = dates  # earliest start, earliest finish, latest start, latest finish
        self._slacks = slacks
        self._cyclic = cyclic
        self._driver_index = driver_index  # the driving predecessor's index, -1 for none
        self._index: dict[object, int] | None = None
        self._made: list[NodeSchedule | None] = [None] * len(nodes)

    def _position(self, node: object) -> int | None:
        if self._index is None:
            self._index = {n: i for i, n in enumerate(self._nodes)}
        try:
            return self._index.get(node)
        except TypeError:  # unhashable: never a node
            return None

    def _at(self, i: int) -> NodeSchedule:
        made = self._made[i]
        if made is None:
            node, window = self._nodes[i], self._own[i]
            if self._cyclic[i]:
                start = None if window is None else window.start
                end = None if window is None else window.end
                made = NodeSchedule(node, window, start, start, end, end, None, in_cycle=True)
            else:
                es, ef, ls, lf = self._dates
                driver = self._driver_index[i]
                made = NodeSchedule(
                    node,
                    window,
                    es[i],
                    ef[i],
                    ls[i],
                    lf[i],
                    self._slacks[i],
                    driving=None if driver < 0 else self._nodes[driver],
                )
            self._made[i] = made
        return made

    def __getitem__(self, node: Node) -> NodeSchedule:
        i = self._position(node)
        if i is None:
            raise KeyError(node)
        return self._at(i)

    def __contains__(self, node: object) -> bool:
        return self._position(node) is not None

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __repr__(self) -> str:
        return f"{{{', '.join(f'{node!r}: {self._at(i)!r}' for i, node in enumerate(self._nodes))}}}"


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


def _min(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a <= b else b


def _document_order(successors: Sequence[Iterable[int]]) -> list[int] | None:
    """A topological order of the nodes (as indices) that keeps their own order wherever the links
    allow, None when there is a cycle.

    Graph order itself when every link points to a later node (plans declare dependencies on earlier
    measures); else each node comes as soon as its last predecessor has come (an event's successors
    right after the event), the rest in graph order.
    """
    size = len(successors)
    if all(not row or min(row) > u for u, row in enumerate(successors)):
        return list(range(size))
    indegree = [0] * size
    for targets in successors:
        for v in targets:
            indegree[v] += 1
    order: list[int] = []
    for i in range(size):
        if indegree[i]:
            continue  # comes when its last predecessor does (or never, on a cycle)
        ready = [i]
        while ready:
            u = ready.pop()
            order.append(u)
            for v in successors[u]:
                indegree[v] -= 1
                if not indegree[v] and v < i:  # already passed: it comes now
                    ready.append(v)
    return order if len(order) == size else None


def _fifo_order(successors: Sequence[Iterable[int]], seeds: Iterable[int], indegree: list[int]) -> list[int]:
    """Kahn's algorithm with a first-in first-out queue: the ``seeds`` without predecessors (in the
    order given), then each node as soon as its last predecessor has come. ``indegree`` is used up; a
    node whose indegree starts below zero never comes."""
    order = [i for i in seeds if not indegree[i]]
    position = 0
    while position < len(order):
        for v in successors[order[position]]:
            indegree[v] -= 1
            if not indegree[v]:
                order.append(v)
        position += 1
    return order


def _indegrees(successors: Sequence[Iterable[int]]) -> list[int]:
    """Each node's number of incoming links."""
    indegree = [0] * len(successors)
    for targets in successors:
        for v in targets:
            indegree[v] += 1
    return indegree


def _topological_order(
    graph: DependencyGraph,
    nodes: list[Node],
    successors: Sequence[Iterable[int]],
) -> tuple[list[int], tuple[tuple[Node, ...], ...], list[bool]]:
    """The nodes to schedule in topological order (as indices), the cycles and which nodes are cyclic.

    Kahn's algorithm with a first-in first-out queue visits the nodes in exactly the order of
    ``networkx.topological_sort`` (its generations, flattened). Only when it cannot finish — the
    graph has a cycle — are the cycles looked for (:meth:`DependencyGraph.cycles`) and the order
    recomputed over the other nodes, as networkx orders the induced subgraph.
    """
    size = len(nodes)
    order = _fifo_order(successors, range(size), _indegrees(successors))
    cyclic = [False] * size
    if len(order) == size:
        return order, (), cyclic
    cycles = graph.cycles()
    index = {node: i for i, node in enumerate(nodes)}
    for cycle in cycles:
        for node in cycle:
            cyclic[index[node]] = True
    kept = [node for node in nodes if not cyclic[index[node]]]
    # networkx's subgraph view lists its nodes from its node set when they are fewer than half the
    # graph's nodes, else in the graph's order; the same order keeps the results unchanged.
    seen = list(set(kept)) if 2 * len(kept) < size else kept
    # links from cyclic nodes do not count; a cyclic node's indegree is set below zero so that it
    # never comes (it is no seed, and links into it only lower it further)
    indegree = _indegrees([() if cyclic[u] else targets for u, targets in enumerate(successors)])
    for i in range(size):
        if cyclic[i]:
            indegree[i] = -1
    order = _fifo_order(successors, (index[node] for node in seen), indegree)
    if len(order) != len(kept):
        # A strongly connected group holds more cycles than the one reported for it: the nodes that
        # could not be ordered sit on those other cycles. They are marked cyclic (not scheduled), as the
        # reported cycle's nodes are, instead of failing the whole schedule.
        ordered = set(order)
        for node in kept:
            if index[node] not in ordered:
                cyclic[index[node]] = True
    return order, cycles, cyclic


_Rows: TypeAlias = Sequence[Mapping[int, int]]
"""Per node (by index), its successors' indices, each with the place of the pair's links in
:data:`_Specs`."""

_Specs: TypeAlias = Sequence[Sequence[_Spec]]
"""The links of the linked pairs, by place (a place may be shared by pairs holding the same link)."""

_Dates: TypeAlias = list[dt.date | None]

_Late: TypeAlias = tuple[int, int, int, _Spec, dt.date, dt.date, dt.date]
"""A link that asks more than its successor's deadline: (successor, 0 start / 1 finish, predecessor,
link, predecessor's date, date asked, deadline)."""


def _adjacency(graph: DependencyGraph) -> tuple[list[Node], _Rows, _Specs]:
    """The graph's nodes, per node its successors' indices each with the place of the pair's links,
    and the links by place as plain tuples."""
    lists = graph._lists()
    if lists is not None:  # the graph's own lists: networkx's order without building its graph
        return list(lists[0]), lists[1], lists[2]
    nodes = list(graph.digraph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    specs: list[Sequence[_Spec]] = []
    rows: list[dict[int, int]] = []
    for _, targets in graph.digraph.adjacency():
        row: dict[int, int] = {}
        for v, data in targets.items():
            row[index[v]] = len(specs)
            specs.append([_spec(link) for link in data["links"]])
        rows.append(row)
    return nodes, rows, specs


def _pass_order(
    graph: DependencyGraph, nodes: list[Node], rows: _Rows
) -> tuple[list[int], list[int] | None, tuple[tuple[Node, ...], ...], list[bool], _Rows]:
    """The order both passes take, networkx's order when it was needed to find it, the cycles, which
    nodes are cyclic, and the rows without the cyclic nodes' links.

    Both passes take the nodes as close to graph (document) order as the links allow: far fewer
    jumps through memory on a large plan than networkx's order, which is needed only to list
    violations in and is found only when there are some (or a cycle).
    """
    near = _document_order(rows)
    if near is not None:
        return near, None, (), [False] * len(nodes), rows
    order, cycles, cyclic = _topological_order(graph, nodes, rows)
    if True in cyclic:
        # nodes on a cycle take no part in either pass: neither do their links
        rows = [
            {} if cyclic[u] else {v: place for v, place in row.items() if not cyclic[v]}
            for u, row in enumerate(rows)
        ]
    return order, order, cycles, cyclic, rows


def _forward_pass(
    order: list[int],
    rows: _Rows,
    specs: _Specs,
    own: list[DateWindow | None],
    due_of: _Dates,
    forward: Callable[[dt.date, int, bool], dt.date],
) -> tuple[_Dates, _Dates, list[int], list[_Late]]:
    """Earliest start and finish of each node, its driving predecessor (-1 for none) and the late links.

    In topological order: a node's dates are fixed from its own window and what its predecessors'
    links ask of it (:func:`_own_dates`), then it passes on to each successor what its links ask.
    Each node keeps the latest date asked of its start and of its finish and the predecessor that
    asked it first in link order (links are ordered by predecessor index, then as declared).
    """
    size = len(own)
    sums: dict[tuple[dt.date, int, bool], dt.date] = {}  # each lag sum once: plans repeat them
    es: _Dates = [None] * size
    ef: _Dates = [None] * size
    ask_start: _Dates = [None] * size
    ask_finish: _Dates = [None] * size
    asker_start = [size] * size
    asker_finish = [size] * size
    driver_index = [-1] * size
    late: list[_Late] = []
    fs, ss, ff = _FS, _SS, _FF  # locals: read once per link
    for i in order:
        start, finish, driver_index[i] = _own_dates(
            own[i], ask_start[i], asker_start[i], ask_finish[i], asker_finish[i]
        )
        es[i], ef[i] = start, finish
        for v, place in rows[i].items():
            for spec in specs[place]:
                kind, lag, working = spec[0], spec[1], spec[2]
                base = finish if kind is fs or kind is ff else start
                if base is None:
                    continue
                if lag:
                    key = (base, lag, working)
                    value = sums.get(key)
                    if value is None:
                        value = sums[key] = forward(base, lag, working)
                else:
                    value = base
                if kind is fs or kind is ss:
                    held = ask_start[v]
                    if held is None or value > held or (value == held and i < asker_start[v]):
                        ask_start[v], asker_start[v] = value, i
                    group = 0
                else:
                    held = ask_finish[v]
                    if held is None or value > held or (value == held and i < asker_finish[v]):
                        ask_finish[v], asker_finish[v] = value, i
                    group = 1
                deadline = due_of[v]
                if deadline is not None and value > deadline:
                    late.append((v, group, i, spec, base, value, deadline))
    return es, ef, driver_index, late


def _own_dates(
    window: DateWindow | None,
    ask_start: dt.date | None,
    asker_start: int,
    ask_finish: dt.date | None,
    asker_finish: int,
) -> tuple[dt.date | None, dt.date | None, int]:
    """A node's earliest start and finish and its driver (-1 for its own window): its window's
    start, pushed by what its predecessors ask (the finish no earlier than the start), clamped to
    its window's end."""
    if window is None:
        start = finish = due = None
    else:
        start = finish = window.start
        due = window.end
    driver = -1
    if ask_start is not None and (start is None or ask_start > start):
        start, driver = ask_start, asker_start
    if start is not None and (finish is None or start > finish):
        finish = start
    if ask_finish is not None and (finish is None or ask_finish > finish):
        finish, driver = ask_finish, asker_finish
    if due is not None:
        if start is not None and start > due:
            start = due
        if finish is not None and finish > due:
            finish = due
    return start, finish, driver


def _violations(
    late: list[_Late],
    networkx_order: list[int],
    nodes: list[Node],
    between: Callable[[dt.date, dt.date], int],
) -> tuple[Violation, ...]:
    """The late links as violations: in topological order of the successor, links into its start
    before those into its finish, each by predecessor index (the stable sort keeps one pair's links
    as declared)."""
    rank = [0] * len(nodes)
    for position, i in enumerate(networkx_order):
        rank[i] = position
    late.sort(key=lambda row: (rank[row[0]], row[1], row[2]))
    violations: list[Violation] = []
    for v, _, u, spec, base, value, deadline in late:
        missing = between(deadline, value) if spec[2] else (value - deadline).days
        reason = ViolationKind.PRECEDENCE if base > deadline else ViolationKind.LAG
        violations.append(Violation(Link(nodes[u], nodes[v], *spec), reason, value, deadline, missing))
    return tuple(violations)


def _backward_pass(
    order: list[int],
    rows: _Rows,
    specs: _Specs,
    due_of: _Dates,
    backward: Callable[[dt.date, int, bool], dt.date],
) -> tuple[_Dates, _Dates]:
    """Latest start and finish of each node, in reverse topological order: its own deadline, pulled
    earlier by what each successor's links allow."""
    size = len(due_of)
    differences: dict[tuple[dt.date, int, bool], dt.date] = {}  # each lag difference once
    ls: _Dates = [None] * size
    lf: _Dates = [None] * size
    fs, ss, ff = _FS, _SS, _FF  # locals: read once per link
    for i in reversed(order):
        finish = due_of[i]
        start_limit: dt.date | None = None
        for s, place in rows[i].items():
            for spec in specs[place]:
                kind = spec[0]
                target = ls[s] if kind is fs or kind is ss else lf[s]
                if target is None:
                    continue
                lag = spec[1]
                if lag:
                    key = (target, lag, spec[2])
                    bound = differences.get(key)
                    if bound is None:
                        bound = differences[key] = backward(target, lag, spec[2])
                else:
                    bound = target
                if kind is fs or kind is ff:
                    if finish is None or bound < finish:
                        finish = bound
                elif start_limit is None or bound < start_limit:
                    start_limit = bound
        lf[i] = finish
        ls[i] = _min(finish, start_limit)
    return ls, lf


def _slacks(
    ef: _Dates, lf: _Dates, cyclic: list[bool], between: Callable[[dt.date, dt.date], int]
) -> list[int | None]:
    """Working days from each node's earliest to its latest finish (None when either is unknown or
    the node is cyclic)."""
    slacks: list[int | None] = [None] * len(ef)
    for i, (early, late_finish) in enumerate(zip(ef, lf, strict=True)):
        if early is not None and late_finish is not None and not cyclic[i]:
            slacks[i] = between(early, late_finish)
    return slacks


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
    # Inside, nodes are list indices and links plain tuples: no node is hashed in the passes.
    shift = _Shifter(calendar)
    # lag arithmetic is pure and plans repeat the same few dates: each count once per run
    counts: dict[tuple[dt.date, dt.date], int] = {}

    def between(start: dt.date, end: dt.date) -> int:
        key = (start, end)
        found = counts.get(key)
        if found is None:
            found = counts[key] = shift.between(start, end)
        return found

    nodes, rows, specs = _adjacency(graph)
    order, networkx_order, cycles, cyclic, rows = _pass_order(graph, nodes, rows)
    get = windows.get
    own: list[DateWindow | None] = [get(node) for node in nodes]
    due_of: _Dates = [None if window is None else window.end for window in own]
    es, ef, driver_index, late = _forward_pass(order, rows, specs, own, due_of, shift.forward)
    violations: tuple[Violation, ...] = ()
    if late:
        if networkx_order is None:
            networkx_order = _topological_order(graph, nodes, rows)[0]
        violations = _violations(late, networkx_order, nodes, between)
    ls, lf = _backward_pass(order, rows, specs, due_of, shift.backward)
    slacks = _slacks(ef, lf, cyclic, between)
    path = _critical_path(nodes, order, slacks, driver_index)
    result = _NodeSchedules(nodes, own, (es, ef, ls, lf), slacks, cyclic, driver_index)
    return Schedule(result, violations, cycles, path)


def _critical_path(
    nodes: list[Node],
    order: list[int],
    slacks: list[int | None],
    driver_index: list[int],
) -> tuple[Node, ...]:
    """The driving chain ending at the node with the least slack, the longest chain among equal
    slacks, then the least ``str(node)`` (the first such node in graph order on a full tie)."""
    depth = [0] * len(nodes)
    for i in order:  # a node's driver comes before it in topological order
        before = driver_index[i]
        depth[i] = 1 + (depth[before] if before >= 0 else 0)
    best: tuple[int, int] | None = None
    tied: list[int] = []
    for i, slack in enumerate(slacks):
        if slack is None or driver_index[i] < 0:
            continue
        key = (slack, -depth[i])
        if best is None or key < best:
            best, tied = key, [i]
        elif key == best:
            tied.append(i)
    if best is None:
        return ()
    current = tied[0] if len(tied) == 1 else min(tied, key=lambda i: str(nodes[i]))
    path: list[Node] = [nodes[current]]
    while driver_index[current] >= 0:
        current = driver_index[current]
        path.append(nodes[current])
    return tuple(reversed(path))
