"""The fast scheduler and graph builder against straightforward references.

``reference_schedule`` is the networkx-based scheduler the library used before it moved to list
indices (kept verbatim); ``reference_graph`` builds the graph link by link with
:meth:`DependencyGraph.add_link`. On generated graphs with random links, kinds, lags, windows and
cycles both must agree exactly: earliest and latest dates, slack, drivers, violations (in order),
cycles and the critical path. Speed is measured by ``benchmarks/check_scale.py``, never here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

import attrs
import networkx as nx  # type: ignore[import-untyped]  # no stubs are installed
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.calendar.terms import WorkingDayCalendar
from gia_roadmap.plan import (
    Dependency,
    DependencyKind,
    Measure,
    MeasureId,
    MeasureNumber,
    MeasureRef,
    Roadmap,
    Section,
)
from gia_roadmap.plan.graph import (
    _ANY_MARKER,
    _MARKER_LITERALS,
    MARKERS,
    DependencyGraph,
    EventNode,
    Link,
    LinkOrigin,
    Node,
    _has_marker,
    _holding,
    _literal_prefix,
    _normalized,
    _normalized_all,
)
from gia_roadmap.plan.scheduling import (
    NodeSchedule,
    Schedule,
    Violation,
    ViolationKind,
    _document_order,
    _min,
    _Shifter,
    schedule,
)
from gia_roadmap.text import normalize

from .plans import calendar, m, plan

_FS = DependencyKind.FINISH_TO_START
_SS = DependencyKind.START_TO_START
_FF = DependencyKind.FINISH_TO_FINISH
_SF = DependencyKind.START_TO_FINISH

# --------------------------------------------------------------------------------------------
# The reference scheduler (the networkx-based implementation, verbatim)
# --------------------------------------------------------------------------------------------


def _max(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a >= b else b


def reference_schedule(
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

    es, ef, driving, violations = _reference_forward(order, preds, windows, shift)

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
    return Schedule(nodes, tuple(violations), cycles, _reference_critical_path(nodes))


def _reference_forward(
    order: list[Node],
    preds: Mapping[Node, list[tuple[Node, Link]]],
    windows: Mapping[Node, DateWindow | None],
    shift: _Shifter,
) -> tuple[dict[Node, dt.date | None], dict[Node, dt.date | None], dict[Node, Node | None], list[Violation]]:
    """The forward pass in topological order: earliest start and finish, the driving predecessor,
    and the links that push a node past its own due date."""
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
    return es, ef, driving, violations


def _reference_critical_path(nodes: Mapping[Node, NodeSchedule]) -> tuple[Node, ...]:
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


# --------------------------------------------------------------------------------------------
# Generated graphs
# --------------------------------------------------------------------------------------------

_START = dt.date(2024, 1, 9)
_EVENTS = (EventNode(Anchor.AK_WORK_START), EventNode(Anchor.MAIN_PERIOD))


@st.composite
def graphs(draw: st.DrawFn) -> tuple[DependencyGraph, dict[Node, DateWindow | None], list[Link]]:
    size = draw(st.integers(1, 14))
    measures: list[Node] = [MeasureId("p", (i % 3,), str(i + 1), i) for i in range(size)]
    nodes: list[Node] = measures + list(_EVENTS[: draw(st.integers(0, 2))])
    acyclic = draw(st.booleans())
    links: list[Link] = []
    for _ in range(draw(st.integers(0, 3 * len(nodes)))):
        a = draw(st.integers(0, len(nodes) - 1))
        b = draw(st.integers(0, len(nodes) - 1))
        if acyclic and a >= b:
            if a == b:
                continue
            a, b = b, a
        links.append(
            Link(
                nodes[a],
                nodes[b],
                draw(st.sampled_from(list(DependencyKind))),
                draw(st.integers(-3, 6)),
                draw(st.booleans()),
                LinkOrigin.EXPLICIT,
                draw(st.sampled_from(["", "по итогам"])),
            )
        )
    duplicate = draw(st.booleans())
    if links and duplicate:
        links.append(links[draw(st.integers(0, len(links) - 1))])  # a duplicate: kept once
    windows: dict[Node, DateWindow | None] = {}
    for node in nodes:
        choice = draw(st.integers(0, 5))
        if choice == 0:
            continue  # missing from the mapping
        if choice == 1:
            windows[node] = None
            continue
        start = _START + dt.timedelta(days=draw(st.integers(0, 120)))
        windows[node] = DateWindow(start, start + dt.timedelta(days=draw(st.integers(0, 40))))
    graph = DependencyGraph()
    if draw(st.booleans()):  # the networkx graph from the start
        for node in measures:
            graph.digraph.add_node(node)
    else:  # the graph's plain lists until the reference scheduler asks for the networkx graph
        for node in measures:
            graph._add_node(node)
    for link in links:
        graph.add_link(link)
    return graph, windows, links


def _same(fast: Schedule, reference: Schedule, cyclic_share: float) -> None:
    assert list(fast.nodes) == list(reference.nodes)
    for node, expected in reference.nodes.items():
        got = fast.nodes[node]
        assert got == expected, node
        assert got.feasible == expected.feasible
    if cyclic_share > 0.5:
        # networkx lists the rest of a mostly cyclic graph in the order of a set: compare as a multiset
        assert Counter(fast.violations) == Counter(reference.violations)
    else:
        assert fast.violations == reference.violations
    assert fast.cycles == reference.cycles
    assert fast.critical_path == reference.critical_path


def _run(
    calendar_or_none: WorkingDayCalendar | None,
    data: tuple[DependencyGraph, dict[Node, DateWindow | None], list[Link]],
) -> None:
    graph, windows, _ = data
    got = schedule(graph, windows, calendar_or_none)  # first: before networkx is built; never raises
    try:
        expected = reference_schedule(graph, windows, calendar_or_none)
    except nx.NetworkXUnfeasible:
        # The reference failed on a strongly connected group with several cycles; the fast scheduler
        # marks the nodes it cannot order as cyclic instead, and reports one cycle per group.
        assert got.cycles == graph.cycles()
        for cycle in got.cycles:
            assert all(got.nodes[node].in_cycle for node in cycle if node in got.nodes)
        ordered = [node for node, item in got.nodes.items() if not item.in_cycle]
        sub = graph.digraph.subgraph(ordered)
        assert nx.is_directed_acyclic_graph(sub)
        return
    share = sum(1 for n in expected.nodes.values() if n.in_cycle) / max(len(expected.nodes), 1)
    _same(got, expected, share)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_fast_schedule_matches_reference_in_working_days(
    data: tuple[DependencyGraph, dict[Node, DateWindow | None], list[Link]],
) -> None:
    _run(calendar(), data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_fast_schedule_matches_reference_in_calendar_days(
    data: tuple[DependencyGraph, dict[Node, DateWindow | None], list[Link]],
) -> None:
    _run(None, data)


def _forward_only(graph: DependencyGraph) -> bool:
    lists = graph._lists()
    return lists is not None and all(not row or min(row) > u for u, row in enumerate(lists[1]))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(graphs())
def test_fast_schedule_matches_reference_when_every_link_points_forward(
    data: tuple[DependencyGraph, dict[Node, DateWindow | None], list[Link]],
) -> None:
    # the scheduler's shortcut: graph order is topological, networkx's order only lists violations
    assume(_forward_only(data[0]))
    _run(calendar(), data)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n)
        )
    )
)
def test_document_order_is_topological_and_keeps_graph_order_where_it_can(
    drawn: tuple[int, list[tuple[int, int]]],
) -> None:
    size, pairs = drawn
    rows: list[dict[int, list[int]]] = [{} for _ in range(size)]
    for u, v in pairs:
        rows[u].setdefault(v, [])
    order = _document_order(rows)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(size))
    graph.add_edges_from((u, v) for u, row in enumerate(rows) for v in row)
    if not nx.is_directed_acyclic_graph(graph):
        assert order is None
        return
    assert order is not None
    assert sorted(order) == list(range(size))
    position = {node: p for p, node in enumerate(order)}
    assert all(position[u] < position[v] for u, v in graph.edges)
    if all(u < v for u, v in graph.edges):
        assert order == list(range(size))


def test_violations_follow_networkx_order_when_graph_order_differs() -> None:
    # 0 -> 1 -> 2 and 3 -> 4: networkx orders 0, 3, 1, 4, 2, so the violation at 4 comes before the
    # one at 2 although 2 comes first in the graph
    ids: list[Node] = [MeasureId("p", (0,), str(i + 1), i) for i in range(5)]
    graph = DependencyGraph()
    for node in ids:
        graph._add_node(node)
    for a, b in ((0, 1), (1, 2), (3, 4)):
        graph.add_link(Link(ids[a], ids[b]))
    day = dt.date
    windows: dict[Node, DateWindow | None] = {
        ids[0]: DateWindow.day(day(2024, 1, 10)),
        ids[1]: DateWindow.day(day(2024, 1, 20)),
        ids[2]: DateWindow.day(day(2024, 1, 15)),
        ids[3]: DateWindow.day(day(2024, 2, 1)),
        ids[4]: DateWindow.day(day(2024, 1, 5)),
    }
    assert _forward_only(graph)
    got = schedule(graph, windows, calendar())
    assert [(v.link.predecessor, v.link.successor) for v in got.violations] == [
        (ids[3], ids[4]),
        (ids[1], ids[2]),
    ]
    _same(got, reference_schedule(graph, windows, calendar()), 0.0)


def test_fast_schedule_matches_reference_on_a_plan_with_a_cycle() -> None:
    roadmap = plan(
        m("1", term="сентябрь 2023 года"),
        m("2", term="октябрь 2023 года", after=["1"], lag=3),
        m("3", term="01.10.2023", after=["2"]),
        m("4", after=["6"]),
        m("5", after=["4"]),
        m("6", after=["5"]),
        m("7", term="до начала работы АК"),
    )
    graph = DependencyGraph.from_roadmap(roadmap)
    windows: Mapping[Node, DateWindow | None] = {
        item.id: DateWindow(
            dt.date(2023, 9 + item.id.ordinal % 3, 1), dt.date(2023, 9 + item.id.ordinal % 3, 28)
        )
        for item in roadmap.walk()
    }
    _run(calendar(), (graph, dict(windows), []))


def test_interlocking_cycles_are_reported_not_raised() -> None:
    """One strongly connected group holding two cycles (1↔2 and 3↔4, joined by 4→2 and 2→3): only
    one cycle is reported per group, and the scheduler used to raise NetworkXUnfeasible on the other.
    check() must report the cycle as a finding (GR101) and finish; 3 and 4 are marked cyclic."""
    from gia_roadmap.calendar import RussianCalendar
    from gia_roadmap.plan import check

    roadmap = plan(
        m("1", term="сентябрь 2023 года", after=["2"]),
        m("2", term="октябрь 2023 года", after=["1", "4"]),
        m("3", term="ноябрь 2023 года", after=["2", "4"]),
        m("4", term="декабрь 2023 года", after=["3"]),
    )
    graph = DependencyGraph.from_roadmap(roadmap)
    result = schedule(graph, {}, None)
    assert result.cycles
    assert all(item.in_cycle for item in result.nodes.values())
    report = check(roadmap, calendar=RussianCalendar())
    assert "GR101" in report.codes


# --------------------------------------------------------------------------------------------
# The graph builder against link-by-link building
# --------------------------------------------------------------------------------------------


def reference_graph(measures: list[Measure], extra: list[Link]) -> DependencyGraph:
    """The graph built the plain way: every measure a node, then every link through add_link."""
    roadmap = plan(*measures)
    items = list(roadmap.walk())
    graph = DependencyGraph()
    for item in items:
        graph.digraph.add_node(item.id)
    by_canonical: dict[str, list[MeasureId]] = {}
    for item in items:
        by_canonical.setdefault(item.measure.number.canonical, []).append(item.id)
    for item in items:
        for dependency in item.measure.dependencies:
            target = by_canonical.get(MeasureNumber.parse(dependency.on.number).canonical)
            if not target:
                continue
            graph.add_link(
                Link(
                    target[0],
                    item.id,
                    dependency.kind,
                    dependency.lag_days,
                    dependency.working_days,
                    LinkOrigin.EXPLICIT,
                    dependency.raw,
                )
            )
    for link in extra:
        graph.add_link(link)
    return graph


def _snapshot(graph: DependencyGraph) -> tuple[object, ...]:
    g = graph.digraph
    return (
        list(g.nodes),
        [(u, v, list(d["links"])) for u, v, d in g.edges(data=True)],
        [(v, list(g.predecessors(v))) for v in g.nodes],
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_from_roadmap_builds_the_graph_add_link_builds(data: st.DataObject) -> None:
    size = data.draw(st.integers(1, 10))
    measures = []
    for i in range(size):
        after = data.draw(st.lists(st.integers(1, size + 1), max_size=4))  # size + 1: dangling
        measures.append(
            m(
                str(i + 1),
                after=[str(a) for a in after],
                lag=data.draw(st.integers(-2, 3)),
                kind=data.draw(st.sampled_from(list(DependencyKind))),
            )
        )
    ids = [item.id for item in plan(*measures).walk()]
    extra = [
        Link(ids[data.draw(st.integers(0, size - 1))], event)
        for event in data.draw(st.lists(st.sampled_from(_EVENTS), max_size=3))
    ]
    built = DependencyGraph.from_roadmap(plan(*measures), links=extra)
    assert _snapshot(built) == _snapshot(reference_graph(measures, extra))
    assert len(built.dangling) == sum(
        1 for i, measure in enumerate(measures) for d in measure.dependencies if int(d.on.number) > size
    )


def _sectioned(numbers: list[list[str]], refs: list[MeasureRef]) -> Roadmap:
    """A plan of sections holding measures with the given numbers; the last measure of the last
    section declares a dependency on each of ``refs``."""
    sections = []
    for s_index, section_numbers in enumerate(numbers):
        measures = [attrs.evolve(m(n), ordinal=i) for i, n in enumerate(section_numbers)]
        if s_index == len(numbers) - 1:
            measures[-1] = attrs.evolve(measures[-1], dependencies=tuple(Dependency(ref) for ref in refs))
        sections.append(Section(heading=f"{s_index + 1}. Раздел", measures=tuple(measures)))
    return plan(sections=sections)


def _resolved_by_search(roadmap: Roadmap, ref: MeasureRef) -> MeasureId | None:
    """The measure ``ref`` names, found the plain way: same section and number, else (no section)
    the number in any section; the first in document order, or the one at the ordinal given."""
    items = list(roadmap.walk())
    canonical = MeasureNumber.parse(ref.number).canonical
    found = [i.id for i in items if i.id.section == ref.section and i.measure.number.canonical == canonical]
    if not found and not ref.section:
        found = [i.id for i in items if i.measure.number.canonical == canonical]
    if ref.ordinal is not None:
        found = [f for f in found if f.ordinal == ref.ordinal]
    return found[0] if found else None


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_references_resolve_by_section_then_number_in_document_order(data: st.DataObject) -> None:
    numbers = data.draw(
        st.lists(
            st.lists(st.sampled_from(["1", "2", "2.1", "3"]), min_size=1, max_size=4), min_size=1, max_size=4
        )
    )
    refs = data.draw(
        st.lists(
            st.builds(
                MeasureRef,
                st.sampled_from([(), (0,), (1,), (2,), (3,)]),
                st.sampled_from(["1", "2", "2.1", "2.1.", "3", "4"]),
                st.none() | st.integers(0, 3),
            ),
            min_size=1,
            max_size=4,
        )
    )
    roadmap = _sectioned(numbers, refs)
    graph = DependencyGraph.from_roadmap(roadmap)
    last = list(roadmap.walk())[-1].id
    dangling = {d.ref for d in graph.dangling}
    linked = set(graph.predecessors(last))
    for ref in refs:
        expected = _resolved_by_search(roadmap, ref)
        if expected is None:
            assert ref in dangling
        else:
            assert expected in linked


# --------------------------------------------------------------------------------------------
# The marker pre-test of suggestions
# --------------------------------------------------------------------------------------------

_MARKER_PIECES = [
    "по итогам",
    "с учетом результатов",
    "с учетом анализа",
    "с учетом ",
    "на основе анализа",
    "по результатам",
    "после утверждения",
    "до начала работы ак",
    "до начала работы ",
    "по мере поступления",
    "по ",
    "итогам",
    " ",
    "мероприятие",
    "учетом",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKER_PIECES), max_size=8).map("".join))
def test_marker_pre_test_agrees_with_the_search(text: str) -> None:
    assert _has_marker(text) == (_ANY_MARKER.search(text) is not None)


def test_every_marker_has_a_literal_to_look_for() -> None:
    assert len(_MARKER_LITERALS) == len(MARKERS)
    assert all(_MARKER_LITERALS)


def test_the_literal_of_a_pattern_leaves_out_what_may_be_missing() -> None:
    assert _literal_prefix(r"по итогам") == "по итогам"
    assert _literal_prefix(r"с учетом (?:результат\w*|анализа)") == "с учетом "
    assert _literal_prefix(r"этапов?") == "этапо"
    assert _literal_prefix(r"ab*c") == "a"
    assert _literal_prefix(r"(?:x|y)") == ""


# --------------------------------------------------------------------------------------------
# The fast path of normalisation
# --------------------------------------------------------------------------------------------

_PIECES = [
    *"аеоёЁАЯя019 .,:;()«»-–—<>&*[]\\\n\t\u00a0aeoAEOxy\"'\u0308йЙ№/",
    "- ",
    "  ",
    "[bookmark:x]",
    "<b>",
    "&amp;",
    "\\_",
    "**",
    "ГИА",
    "по итогам",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_plain_text_fast_path_normalizes_like_normalize(text: str) -> None:
    assert _normalized(text) == normalize(text)


@given(st.text(max_size=30))
def test_fast_path_on_any_text(text: str) -> None:
    assert _normalized(text) == normalize(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=6))
def test_titles_normalized_together_as_one_by_one(texts: list[str]) -> None:
    assert _normalized_all(texts) == [_normalized(text) for text in texts]


@given(st.lists(st.text(max_size=12), max_size=6))
def test_any_titles_normalized_together_as_one_by_one(texts: list[str]) -> None:
    assert _normalized_all(texts) == [_normalized(text) for text in texts]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([*_MARKER_PIECES, "\n", "по"]), max_size=6).map("".join), max_size=6),
    st.lists(st.sampled_from(["по итогам", "по", "\n", "итогам", "м"]), max_size=3),
)
def test_texts_holding_literals_found_together_as_one_by_one(texts: list[str], literals: list[str]) -> None:
    wanted = [literal for literal in literals if "\n" not in literal]
    expected = {i for i, text in enumerate(texts) if any(literal in text for literal in wanted)}
    assert _holding(texts, wanted) == expected


# --------------------------------------------------------------------------------------------
# Schedule.nodes: a read-only mapping whose values are made when first read
# --------------------------------------------------------------------------------------------


def test_schedule_nodes_behave_as_a_read_only_mapping() -> None:
    ids: list[Node] = [MeasureId("p", (0,), str(i + 1), i) for i in range(3)]
    graph = DependencyGraph()
    for node in ids:
        graph._add_node(node)
    graph.add_link(Link(ids[0], ids[2], lag=2))
    windows: dict[Node, DateWindow | None] = {ids[0]: DateWindow.day(dt.date(2024, 1, 10)), ids[1]: None}
    result = schedule(graph, windows, calendar())
    nodes = result.nodes
    assert list(nodes) == ids
    assert len(nodes) == 3
    assert ids[2] in nodes
    assert MeasureId("p", (0,), "9", 9) not in nodes
    unhashable: object = []
    assert unhashable not in nodes  # never a node
    with pytest.raises(KeyError):
        nodes[EventNode(Anchor.MAIN_PERIOD)]
    assert nodes[ids[2]] is nodes[ids[2]]  # made once
    assert nodes[ids[2]].driving == ids[0]
    assert nodes[ids[2]].earliest_start == dt.date(2024, 1, 12)  # two working days after 10.01
    plain = dict(nodes)
    assert nodes == plain
    assert plain == nodes
    assert result == attrs.evolve(result, nodes=plain)
    assert "NodeSchedule" in repr(nodes)
    assert not hasattr(nodes, "__setitem__")
