"""Dependency graph and scheduling: links, cycles, lags in working days, slack, critical path."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.plan import DependencyKind, Measure, MeasureId
from gia_roadmap.plan.checks import check
from gia_roadmap.plan.graph import DependencyGraph, EventNode, Link, LinkOrigin, Node, suggest_links
from gia_roadmap.plan.scheduling import ViolationKind, schedule

from .plans import calendar, events, m, plan

D = dt.date


def _graph_and_ids(*measures: Measure) -> tuple[DependencyGraph, list[MeasureId]]:
    roadmap = plan(*measures)
    graph = DependencyGraph.from_roadmap(roadmap)
    return graph, [item.id for item in roadmap.walk()]


def test_declared_links_and_term_links() -> None:
    roadmap = plan(m("1"), m("2", after=["1"]), m("3", term="до начала работы АК"))
    graph = DependencyGraph.from_roadmap(roadmap)
    ids = [i.id for i in roadmap.walk()]
    assert graph.predecessors(ids[1]) == (ids[0],)
    assert EventNode(Anchor.AK_WORK_START) in graph.successors(ids[2])
    (term_link,) = graph.links_from(ids[2])
    assert term_link.origin is LinkOrigin.TERM


def test_cycle_reported_with_full_path() -> None:
    graph, ids = _graph_and_ids(m("1", after=["3"]), m("2", after=["1"]), m("3", after=["2"]))
    (cycle,) = graph.cycles()
    assert set(cycle) == set(ids)
    assert len(cycle) == 3
    report = check(plan(m("1", after=["3"]), m("2", after=["1"]), m("3", after=["2"])), calendar=calendar())
    (finding,) = report.filter(code="GR101")
    assert finding.message.count("→") == 3


def test_working_day_lag_skips_weekend_and_holidays() -> None:
    # Friday 3 May 2024 + 2 working days = Wednesday 8 May (4-5 weekend, 6-7 working? 9-10 May holidays).
    graph, ids = _graph_and_ids(m("1", term="03.05.2024"), m("2", term="до 31.05.2024", after=["1"], lag=2))
    windows: dict[Node, DateWindow | None] = {
        ids[0]: DateWindow.day(D(2024, 5, 3)),
        ids[1]: DateWindow(D(2024, 5, 1), D(2024, 5, 31)),
    }
    result = schedule(graph, windows, calendar())
    assert result[ids[1]].earliest_start == calendar().add_working_days(D(2024, 5, 3), 2)
    assert result.critical_path == (ids[0], ids[1])
    slack = result[ids[0]].slack
    assert slack is not None
    assert slack >= 0


def test_lag_violation_kind() -> None:
    graph, ids = _graph_and_ids(m("1"), m("2", after=["1"], lag=5))
    windows: dict[Node, DateWindow | None] = {
        ids[0]: DateWindow.day(D(2024, 5, 31)),
        ids[1]: DateWindow(D(2024, 5, 1), D(2024, 6, 3)),
    }
    (violation,) = schedule(graph, windows, calendar()).violations
    assert violation.kind is ViolationKind.LAG
    assert violation.shortfall > 0


def test_kinds_constrain_start_or_finish() -> None:
    for kind in DependencyKind:
        graph, ids = _graph_and_ids(m("1"), m("2", after=["1"], kind=kind))
        windows: dict[Node, DateWindow | None] = {
            ids[0]: DateWindow(D(2024, 3, 1), D(2024, 3, 10)),
            ids[1]: DateWindow(D(2024, 1, 1), D(2024, 4, 1)),
        }
        result = schedule(graph, windows, calendar())
        finish = result[ids[1]].earliest_finish
        assert finish is not None
        assert finish >= D(2024, 3, 1)
        assert result[ids[1]].feasible


def test_suggested_links_are_not_added() -> None:
    roadmap = plan(
        m("1", "Организация и проведение обучения организаторов ППЭ"),
        m("2", "Подготовка отчетных материалов по итогам обучения организаторов ППЭ"),
    )
    (suggestion,) = suggest_links(roadmap)
    graph = DependencyGraph.from_roadmap(roadmap)
    assert not graph.links
    assert suggestion.marker == "по итогам"
    assert "по итогам обучения" in suggestion.evidence
    graph.add_link(suggestion.accept())
    assert graph.links[0].origin is LinkOrigin.SUGGESTED


def test_parent_implements_links() -> None:
    from gia_roadmap.plan import ParentItemRef

    parent = plan(m("1.10"), m("6.16"), m("6.17"), plan_id="region")
    child = plan(m("1.1", parent_item=ParentItemRef.parse("6.16, 6.17")), plan_id="city")
    graph = DependencyGraph.from_roadmap(child, parent=parent)
    assert sorted(link.parent.number for link in graph.implements) == ["6.16", "6.17"]


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=250)
base = D(2023, 9, 1)


@st.composite
def chains(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int, DependencyKind, int, bool]]]:
    n = draw(st.integers(min_value=2, max_value=7))
    spans = []
    for _ in range(n):
        a = draw(days)
        spans.append((a, a + draw(st.integers(min_value=0, max_value=60))))
    links = []
    for j in range(1, n):
        for i in draw(st.sets(st.integers(min_value=0, max_value=j - 1), max_size=2)):
            links.append(
                (
                    i,
                    j,
                    draw(st.sampled_from(list(DependencyKind))),
                    draw(st.integers(-5, 10)),
                    draw(st.booleans()),
                )
            )
    return spans, links


@settings(max_examples=60, deadline=None)
@given(chains())
def test_schedule_respects_every_lag_and_earliest_le_latest(
    data: tuple[list[tuple[int, int]], list[tuple[int, int, DependencyKind, int, bool]]],
) -> None:
    spans, specs = data
    roadmap = plan(*(m(str(i + 1)) for i in range(len(spans))))
    ids = [item.id for item in roadmap.walk()]
    graph = DependencyGraph.from_roadmap(roadmap)
    for i, j, kind, lag, working in specs:
        graph.add_link(Link(ids[i], ids[j], kind, lag, working))
    windows: dict[Node, DateWindow | None] = {
        ids[k]: DateWindow(base + dt.timedelta(days=a), base + dt.timedelta(days=b))
        for k, (a, b) in enumerate(spans)
    }
    cal = calendar()
    result = schedule(graph, windows, cal)
    for link in graph.links:
        p, s = result[link.predecessor], result[link.successor]
        start_kind = link.kind in (DependencyKind.FINISH_TO_START, DependencyKind.START_TO_START)
        source = p.earliest_finish if link.kind.value[0] == "F" else p.earliest_start
        target = s.earliest_start if start_kind else s.earliest_finish
        assert source is not None
        assert target is not None
        required = (
            cal.add_working_days(source, link.lag)
            if link.working_days
            else source + dt.timedelta(days=link.lag)
        )
        if not result.violations:
            assert target >= required
    if not result.violations:
        for node in result.nodes.values():
            assert node.feasible, node


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=3), st.integers(min_value=0, max_value=3), st.integers(-3, 3))
def test_adding_a_link_never_removes_other_findings(i: int, j: int, lag: int) -> None:
    roadmap = plan(
        m("1", term="май 2024 года"),
        m("2", term="март 2024 года", responsible=""),
        m("4", term="январь 2023 года"),
        m("5", term="по графику ФЦТ"),
    )
    ids = [item.id for item in roadmap.walk()]
    before = check(roadmap, calendar=calendar(), events=events())
    after = check(roadmap, calendar=calendar(), events=events(), links=[Link(ids[i], ids[j], lag=lag)])
    link_codes = {"GR101", "GR102", "GR103", "GR105"}
    keep = {(f.code, f.location) for f in before if f.code not in link_codes}
    assert keep <= {(f.code, f.location) for f in after}
