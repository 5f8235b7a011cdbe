"""The dependency graph («граф зависимостей») of a roadmap, on networkx.

A roadmap is a set of chains: analysis of last year's results → correction of training
programmes → training; appointing staff → distributing them by exams → the exam day → appeals →
results. :class:`DependencyGraph` holds them:

* **nodes** are measures (their :class:`~gia_roadmap.plan.model.MeasureId`) and events
  (:class:`EventNode`: an exam day, the start of the appeal commission's work …);
* **precedence links** (:class:`Link`) are finish-to-start (FS, the default), start-to-start (SS),
  finish-to-finish (FF) or start-to-finish (SF), each with a lag in working or calendar days
  (negative = lead);
* **implements links** tie a measure of a child plan to the parent-plan item it implements (003's
  «№ по приказу Департамента»); they cross plans and take no part in scheduling.

Links come from the measures' own ``dependencies``, from relative deadlines (a measure due «до
начала работы АК» precedes the event; one due «после утверждения результатов председателем ГЭК»
follows it), or are added by the caller. Links the *wording* suggests («по итогам», «с учетом
результатов», «на основе анализа», «по результатам», «после утверждения», «до начала работы АК»,
«по мере поступления») are never added silently: :func:`suggest_links` returns them as
:class:`SuggestedLink` values with the evidence text, to be accepted with
:meth:`DependencyGraph.add_link`.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeAlias

import attrs
import networkx as nx  # type: ignore[import-untyped]  # no stubs are installed

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.terms import Compound, PerExam, Relative, Term, TermSequence, parts
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan.model import (
    Dependency,
    DependencyKind,
    LocatedMeasure,
    MeasureId,
    MeasureNumber,
    MeasureRef,
    Roadmap,
    SectionKind,
)
from gia_roadmap.text import normalize

__all__ = [
    "MARKERS",
    "DanglingLink",
    "DependencyGraph",
    "EventNode",
    "ImplementsLink",
    "Link",
    "LinkOrigin",
    "Node",
    "SuggestedLink",
    "suggest_links",
]


@attrs.frozen(order=True)
class EventNode:
    """An event of the exam campaign as a graph node («событие»): the anchor of relative deadlines.

    Attributes:
        anchor: which event (:class:`~gia_roadmap.calendar.anchors.Anchor`, or an
            :class:`~gia_roadmap.calendar.anchors.OpenAnchor` the enum does not name).
    """

    anchor: Anchor | OpenAnchor = attrs.field(order=lambda a: a.key)

    def __str__(self) -> str:
        return f"event:{self.anchor.key}"


Node: TypeAlias = MeasureId | EventNode
"""A graph node: a measure (by identity) or an event."""


class LinkOrigin(enum.Enum):
    """Where a link came from."""

    EXPLICIT = "explicit"
    """Declared: a measure's ``dependencies`` or added by the caller."""
    TERM = "term"
    """Read from a relative deadline («до начала работы АК»): the measure and its anchor event."""
    SUGGESTED = "suggested"
    """Suggested by the wording and accepted by the caller (:func:`suggest_links`)."""


@attrs.frozen
class Link:
    """A precedence link: ``successor`` depends on ``predecessor``.

    Attributes:
        predecessor: the node that comes first.
        successor: the node that depends on it.
        kind: FS (default): the successor starts after the predecessor finishes; SS: starts after it
            starts; FF: finishes after it finishes; SF: finishes after it starts.
        lag: days between the two (negative = lead). With lag 0 an FS successor may start on the day
            the predecessor finishes; lag 1 means the next (working) day.
        working_days: the lag counts working days of the calendar (else calendar days).
        origin: explicit, from a term, or an accepted suggestion.
        evidence: the wording the link was read from («по итогам …»), empty when declared by hand.
    """

    predecessor: Node
    successor: Node
    kind: DependencyKind = DependencyKind.FINISH_TO_START
    lag: int = 0
    working_days: bool = True
    origin: LinkOrigin = LinkOrigin.EXPLICIT
    evidence: str = ""

    def __str__(self) -> str:
        lag = ""
        if self.lag:
            unit = "wd" if self.working_days else "d"
            lag = f"{self.lag:+d}{unit}"
        return f"{self.predecessor} -{self.kind.value}{lag}-> {self.successor}"


_Spec: TypeAlias = tuple[DependencyKind, int, bool, LinkOrigin, str]
"""A link without its ends, as the graph's plain lists hold it: kind, lag, working days, origin,
evidence (a :class:`Link` is made from it only when one is asked for)."""


def _spec(link: Link) -> _Spec:
    return (link.kind, link.lag, link.working_days, link.origin, link.evidence)


@attrs.frozen
class ImplementsLink:
    """A child-plan measure implements a parent-plan measure (across plans).

    Attributes:
        child: the implementing measure.
        parent: the parent-plan measure.
        raw: the parent-item cell as written («6.16, 6.17»).
    """

    child: MeasureId
    parent: MeasureId
    raw: str = ""


@attrs.frozen
class DanglingLink:
    """A declared dependency whose predecessor does not exist in the plan.

    Attributes:
        successor: the measure that declares it.
        ref: the reference as declared.
        dependency: the declared dependency.
    """

    successor: MeasureId
    ref: MeasureRef
    dependency: Dependency


@attrs.frozen
class SuggestedLink:
    """A link the wording suggests; never added unless accepted.

    Attributes:
        successor: the measure whose wording carries the marker (or the measure itself when the
            marker names a later event: then ``predecessor`` is the measure and ``successor`` the event).
        predecessor: the suggested predecessor; None when the marker points outside the plan («по
            мере поступления региональной ДК»).
        marker: the marker as found («по итогам»).
        evidence: the sentence fragment with the marker, verbatim.
        score: how well the predecessor's title matches the words after the marker (0..1; 1 for events).
        field: the measure field the marker was found in («title», «term», «expected_result»).
    """

    successor: Node
    predecessor: Node | None
    marker: str
    evidence: str
    score: float = 0.0
    field: str = "title"

    def accept(
        self,
        kind: DependencyKind = DependencyKind.FINISH_TO_START,
        lag: int = 0,
        *,
        working_days: bool = True,
    ) -> Link:
        """The link this suggestion proposes (raises ValueError when it has no predecessor)."""
        if self.predecessor is None:
            raise InvalidValueError(
                f"suggestion «{self.evidence}» points outside the plan; it has no predecessor to link"
            )
        return Link(
            self.predecessor,
            self.successor,
            kind,
            lag,
            working_days,
            LinkOrigin.SUGGESTED,
            self.evidence,
        )


# --------------------------------------------------------------------------------------------
# The graph
# --------------------------------------------------------------------------------------------


_NumberTable: TypeAlias = dict[tuple[int, ...], dict[str, list[int]]]
"""Positions of a plan's measures by section path, then canonical number, in document order."""


def _by_canonical(by_section: _NumberTable) -> dict[str, list[int]]:
    """Positions by canonical number alone (any section), in document order."""
    out: dict[str, list[int]] = {}
    for numbers in by_section.values():
        for canonical, positions in numbers.items():
            out.setdefault(canonical, []).extend(positions)
    for positions in out.values():
        positions.sort()
    return out


class _Targets:
    """Finds the measure a dependency reference names, beyond the common case (a reference to the
    first measure of that number in its section), which :meth:`DependencyGraph._add_measure_links`
    handles inline: by section and number, else (a reference without a section) by number anywhere;
    the first in document order, or the one at the ordinal the reference gives."""

    __slots__ = ("_by_canonical", "_by_section", "_items")

    def __init__(self, items: Sequence[LocatedMeasure], by_section: _NumberTable) -> None:
        self._items = items
        self._by_section = by_section
        self._by_canonical: dict[str, list[int]] | None = None  # made when first needed

    def find(self, ref: MeasureRef, canonical: str, candidates: list[int] | None) -> int | None:
        """The position in the plan of the measure ``ref`` names (``canonical``: its canonical number,
        ``candidates``: the positions of that number in its section), None when there is none."""
        if not candidates and not ref.section:
            if self._by_canonical is None:
                self._by_canonical = _by_canonical(self._by_section)
            candidates = self._by_canonical.get(canonical)
        if not candidates:
            return None
        if ref.ordinal is None:
            return candidates[0]
        items = self._items
        return next((c for c in candidates if items[c].id.ordinal == ref.ordinal), None)


_RELATIVE_HOLDERS = (Relative, Compound, TermSequence, PerExam)


def _relative_parts(term: Term) -> Iterator[Relative]:
    return (part for part in parts(term) if isinstance(part, Relative))


class DependencyGraph:
    """Measures and events linked by precedence and implements links (a networkx ``DiGraph``).

    Build one with :meth:`from_roadmap`; add links with :meth:`add_link`. :attr:`digraph` is the
    underlying networkx graph: precedence edges carry a ``links`` attribute (a list of
    :class:`Link`, several links may join the same pair).

    Until :attr:`digraph` (or a method that needs it) is first used, the graph is held in plain
    lists — nodes by index, each node's successors with the number of their links in a table of
    plain tuples — which is all
    scheduling and :func:`~gia_roadmap.plan.checks.check` need; the networkx graph (with its
    :class:`Link` objects) is then built once, with the nodes and edges in the order they were
    added, and from then on is the graph.
    """

    __slots__ = (
        "_dangling",
        "_graph",
        "_implements",
        "_index",
        "_located",
        "_measures",
        "_nodes",
        "_pairs",
        "_specs",
        "_succ",
    )

    def __init__(self) -> None:
        self._graph: nx.DiGraph | None = None
        self._nodes: list[Node] = []
        self._index: dict[Node, int] = {}
        # per node, its successors' indices, each with the place of the pair's links in ``_specs``;
        # places, not the links themselves: a dict of ints the garbage collector does not track
        # (a dict holding a tuple of enum members it does, and a plan has a dict per linked measure)
        self._succ: list[dict[int, int]] = []
        # the pairs' links: a tuple shared between pairs holding the same single link, or a list of
        # a pair's own when it holds several
        self._specs: list[Sequence[_Spec]] = []
        self._pairs: list[int] = []  # linked pairs (u, v, u, v, …), in the order first linked
        self._located: list[LocatedMeasure] = []  # the plan's measures; by identity when asked
        self._measures: dict[MeasureId, LocatedMeasure] | None = None
        self._implements: list[ImplementsLink] = []
        self._dangling: list[DanglingLink] = []

    # ------------------------------------------------------------------ building
    @classmethod
    def from_roadmap(
        cls,
        roadmap: Roadmap,
        *,
        parent: Roadmap | None = None,
        links: Iterable[Link] = (),
        term_links: bool = True,
        located: Sequence[LocatedMeasure] | None = None,
    ) -> DependencyGraph:
        """The graph of one roadmap: every measure as a node, its declared dependencies, links to
        the events its relative deadlines count from (``term_links``), the extra ``links`` given,
        and — with ``parent`` — implements links to the parent plan's items.

        Declared dependencies whose predecessor does not exist are kept in :attr:`dangling`.
        ``located`` may pass ``list(roadmap.walk())`` when the caller already has it.
        """
        graph = cls()
        items = list(roadmap.walk()) if located is None else list(located)
        graph._located = items
        at, by_section = graph._add_measures(items)
        graph._add_measure_links(items, at, by_section, term_links)
        for extra in links:
            graph.add_link(extra)
        if parent is not None:
            graph.add_parent(parent, located=items)
        return graph

    def _add_measures(self, items: Sequence[LocatedMeasure]) -> tuple[list[int], _NumberTable]:
        """Index the measures: each becomes a node, and its position in ``items`` is filed by section
        path, then canonical number, in document order (one small table per section: a plan's
        sections hold tens of measures). Returns each item's node index and the table."""
        index, nodes, succ = self._index, self._nodes, self._succ
        by_section: _NumberTable = {}
        known: dict[tuple[int, ...], str] = {}  # canonical numbers by parts: plans repeat them
        at: list[int] = []  # node index of each item
        last_section: tuple[int, ...] | None = None
        numbers: dict[str, list[int]] = {}
        for position, item in enumerate(items):
            measure_id = item.id
            node = index.setdefault(measure_id, len(nodes))  # as _add_node, inline
            if node == len(nodes):
                nodes.append(measure_id)
                succ.append({})
            at.append(node)
            if measure_id.section is not last_section:  # measures of a section share its path
                last_section = measure_id.section
                numbers = by_section.setdefault(last_section, {})
            number = item.measure.number
            parts = number.parts
            if parts:
                canonical = known.get(parts)
                if canonical is None:
                    canonical = known[parts] = number.canonical
            else:
                canonical = number.canonical
            held = numbers.get(canonical)
            if held is None:
                numbers[canonical] = [position]
            else:
                held.append(position)
        return at, by_section

    def _add_measure_links(
        self,
        items: Sequence[LocatedMeasure],
        at: Sequence[int],
        by_section: _NumberTable,
        term_links: bool,
    ) -> None:
        """Add, measure by measure in document order, its declared dependencies (those naming no
        measure of the plan go to :attr:`dangling`) and, with ``term_links``, the links to the events
        its relative deadlines count from."""
        succ, dangling, pairs, specs = self._succ, self._dangling, self._pairs, self._specs
        targets = _Targets(items, by_section)
        canonical_of: dict[str, str] = {}  # canonical numbers as written in references
        explicit = LinkOrigin.EXPLICIT
        # Links repeat a few kinds and lags: each distinct link is one tuple, and a pair holding just
        # that link shares a one-tuple of it (its place in ``specs``) — no new objects per link, so a
        # large plan's graph takes little memory (fresh memory is slow to get), the passes over it
        # stay in the cache, and the garbage collector has nothing more to walk.
        shared: dict[tuple[str, int, bool, str], int] = {}
        for position, item in enumerate(items):
            measure = item.measure
            if measure.dependencies:
                v = at[position]
                for dependency in measure.dependencies:
                    # the measure the reference names; the common case — the first of that number
                    # in the section it gives — inline: the loop runs once per declared link
                    ref = dependency.on
                    canonical = canonical_of.get(ref.number)
                    if canonical is None:
                        canonical = canonical_of[ref.number] = MeasureNumber.parse(ref.number).canonical
                    in_section = by_section.get(ref.section)
                    candidates = None if in_section is None else in_section.get(canonical)
                    if candidates and ref.ordinal is None:
                        target: int | None = candidates[0]
                    else:
                        target = targets.find(ref, canonical, candidates)
                    if target is None:
                        dangling.append(DanglingLink(item.id, ref, dependency))
                        continue
                    kind = dependency.kind  # keyed by its value: hashing an enum member is slow
                    key = (kind._value_, dependency.lag_days, dependency.working_days, dependency.raw)
                    single = shared.get(key)
                    if single is None:
                        single = shared[key] = len(specs)
                        specs.append(((kind, key[1], key[2], explicit, key[3]),))
                    u = at[target]
                    row = succ[u]  # as _add_pair, inline: the loop runs once per declared link
                    found = row.get(v)
                    if found is None:
                        row[v] = single
                        pairs += (u, v)
                    else:
                        self._add_spec(row, v, specs[single][0])
            if term_links and isinstance(measure.term, _RELATIVE_HOLDERS):
                self._add_term_links(at[position], measure.term)

    def _add_term_links(self, node: int, term: Term) -> None:
        """Link the measure at ``node`` to the events its relative deadline parts count from: it
        precedes an event it is due before and follows one it is due after."""
        for relative in _relative_parts(term):
            direction = relative.bound.direction
            if direction != "before" and direction != "after":
                continue
            spec = (DependencyKind.FINISH_TO_START, 0, True, LinkOrigin.TERM, relative.raw)
            event = self._add_node(EventNode(relative.anchor))
            if direction == "before":
                self._add_pair(node, event, spec)
            else:
                self._add_pair(event, node, spec)

    def _add_node(self, node: Node) -> int:
        """The index of ``node`` in the plain lists, added when new (before the networkx graph exists)."""
        index = self._index.get(node)
        if index is None:
            index = self._index[node] = len(self._nodes)
            self._nodes.append(node)
            self._succ.append({})
        return index

    def _add_pair(self, u: int, v: int, spec: _Spec) -> None:
        """Add a link from node ``u`` to node ``v`` in the plain lists (a duplicate is dropped)."""
        row = self._succ[u]
        if v in row:
            self._add_spec(row, v, spec)
            return
        row[v] = len(self._specs)
        self._specs.append((spec,))
        self._pairs += (u, v)

    def _add_spec(self, row: dict[int, int], v: int, spec: _Spec) -> None:
        """Add a link to the pair ``row[v]`` already holds links of (a duplicate is dropped)."""
        held = self._specs[row[v]]
        if spec in held:
            return
        if isinstance(held, list):  # the pair's own list
            held.append(spec)
            return
        row[v] = len(self._specs)
        self._specs.append([*held, spec])

    def add_link(self, link: Link) -> None:
        """Add a precedence link (both ends become nodes if they are not yet)."""
        if self._graph is None:
            u = self._add_node(link.predecessor)
            self._add_pair(u, self._add_node(link.successor), _spec(link))
            return
        data = self._graph.get_edge_data(link.predecessor, link.successor)
        if data is None:
            self._graph.add_edge(link.predecessor, link.successor, links=[link])
        elif link not in data["links"]:
            data["links"].append(link)

    def add_parent(self, parent: Roadmap, *, located: Sequence[LocatedMeasure] | None = None) -> None:
        """Add implements links from this graph's measures to the items of ``parent`` they name
        (their ``parent_item`` numbers). Parent measures join the graph as nodes without
        precedence links."""
        parent_numbers: dict[str, list[MeasureId]] = {}
        for item in parent.walk():
            parent_numbers.setdefault(item.measure.number.canonical, []).append(item.id)
            if self._graph is None:
                self._add_node(item.id)
            else:
                self._graph.add_node(item.id)
        for item in located if located is not None else list(self.measures.values()):
            ref = item.measure.parent_item
            if ref is None:
                continue
            for number in ref.numbers:
                for target in parent_numbers.get(number, ()):
                    self._implements.append(ImplementsLink(item.id, target, ref.raw))

    # ------------------------------------------------------------------ reading
    @property
    def digraph(self) -> nx.DiGraph:
        """The networkx graph (precedence edges only; implements links are in :attr:`implements`)."""
        if self._graph is None:
            graph = nx.DiGraph()
            nodes, succ, specs = self._nodes, self._succ, self._specs
            graph.add_nodes_from(nodes)
            graph.add_edges_from(
                (
                    nodes[u],
                    nodes[v],
                    {"links": [Link(nodes[u], nodes[v], *spec) for spec in specs[succ[u][v]]]},
                )
                for u, v in zip(self._pairs[::2], self._pairs[1::2], strict=True)
            )
            self._graph = graph
            # the networkx graph is the graph from now on (callers may change it directly)
            self._nodes, self._index, self._succ, self._pairs, self._specs = [], {}, [], [], []
        return self._graph

    def _lists(self) -> tuple[list[Node], list[dict[int, int]], list[Sequence[_Spec]]] | None:
        """The nodes, per node index its successors' indices (in the order networkx would give them)
        each with the place of the pair's links, and the links by place, as plain tuples — None once
        the networkx graph is in use."""
        if self._graph is not None:
            return None
        return self._nodes, self._succ, self._specs

    def has_link(self, predecessor: Node, successor: Node) -> bool:
        """True when a precedence link (declared, from a term, or accepted) joins the two nodes."""
        return self._has_edge(predecessor, successor)

    def _has_edge(self, predecessor: Node, successor: Node) -> bool:
        """True when a precedence link joins the two nodes."""
        if self._graph is not None:
            return bool(self._graph.has_edge(predecessor, successor))
        u = self._index.get(predecessor)
        v = self._index.get(successor)
        return u is not None and v is not None and v in self._succ[u]

    @property
    def measures(self) -> dict[MeasureId, LocatedMeasure]:
        """The measures of the graph's plan by identity."""
        if self._measures is None:
            self._measures = {item.id: item for item in self._located}
        return self._measures

    @property
    def links(self) -> tuple[Link, ...]:
        """Every precedence link."""
        return tuple(link for _, _, data in self.digraph.edges(data=True) for link in data["links"])

    @property
    def implements(self) -> tuple[ImplementsLink, ...]:
        """Implements links (child measure → parent-plan measure)."""
        return tuple(self._implements)

    @property
    def dangling(self) -> tuple[DanglingLink, ...]:
        """Declared dependencies whose predecessor does not exist."""
        return tuple(self._dangling)

    @property
    def events(self) -> tuple[EventNode, ...]:
        """Event nodes, in anchor order."""
        nodes = self._nodes if self._graph is None else self._graph.nodes
        return tuple(sorted(n for n in nodes if isinstance(n, EventNode)))

    def links_into(self, node: Node) -> tuple[Link, ...]:
        """Links whose successor is ``node``."""
        return tuple(link for _, _, d in self.digraph.in_edges(node, data=True) for link in d["links"])

    def links_from(self, node: Node) -> tuple[Link, ...]:
        """Links whose predecessor is ``node``."""
        return tuple(link for _, _, d in self.digraph.out_edges(node, data=True) for link in d["links"])

    def predecessors(self, node: Node) -> tuple[Node, ...]:
        """Direct predecessors of ``node``."""
        return tuple(self.digraph.predecessors(node))

    def successors(self, node: Node) -> tuple[Node, ...]:
        """Direct successors of ``node``."""
        return tuple(self.digraph.successors(node))

    def cycles(self) -> tuple[tuple[Node, ...], ...]:
        """One cycle per strongly connected group of nodes, as its full path (first node not
        repeated at the end), in a stable order."""
        graph = self.digraph
        out = []
        for component in nx.strongly_connected_components(graph):
            if len(component) == 1:
                (only,) = component
                if not graph.has_edge(only, only):
                    continue
                out.append((only,))
                continue
            sub = graph.subgraph(component)
            start = min(component, key=_node_key)
            edges = nx.find_cycle(sub, source=start)
            out.append(tuple(u for u, _ in edges))
        return tuple(sorted(out, key=lambda c: tuple(_node_key(n) for n in c)))

    def __len__(self) -> int:
        if self._graph is None:
            return len(self._nodes)
        return int(self._graph.number_of_nodes())

    def __contains__(self, node: object) -> bool:
        if self._graph is None:
            try:
                return node in self._index
            except TypeError:  # unhashable: never a node
                return False
        return bool(self._graph.has_node(node))


def _node_key(node: Node) -> tuple[int, str, tuple[int, ...], int]:
    if isinstance(node, EventNode):
        return (1, node.anchor.key, (), 0)
    return (0, node.plan, node.section, node.ordinal)


# --------------------------------------------------------------------------------------------
# Suggestions from wording markers
# --------------------------------------------------------------------------------------------

MARKERS: tuple[tuple[str, str], ...] = (
    ("по итогам", r"по итогам"),
    ("с учетом результатов", r"с учетом (?:результат\w*|анализа)"),
    ("на основе анализа", r"на основе анализа"),
    ("по результатам", r"по результатам"),
    ("после утверждения", r"после утверждения"),
    ("до начала работы АК", r"до начала работы (?:ак|апелляционной комиссии)"),
    ("по мере поступления", r"по мере поступления"),
)
"""The wording markers (name, pattern on normalised text) that suggest a dependency."""

_MARKER_PATTERNS = tuple((name, re.compile(pattern)) for name, pattern in MARKERS)
_WORD = re.compile(r"[а-яa-z]{4,}")
_STOP = frozenset({"года", "году", "также", "рамках", "целях", "числе", "этом", "всех", "части"})
_ANALYSIS_MARKERS = frozenset({"по итогам", "с учетом результатов", "на основе анализа", "по результатам"})
_EXAMS = re.compile(
    r"^\W*(?:[\w-]+\W+){0,2}?(?:гиа|егэ|огэ|гвэ|экзамен\w*|впр|итогов\w* (?:сочинени|собеседовани)\w*"
    r"|государственн\w* итогов\w* аттестаци\w*)\b"
)
_HEAD_SKIP = frozenset({"проведения", "организации", "работы", "подготовки", "анализа"})
_LETTERS = re.compile(r"[а-яa-z]+")


_PLAIN = re.compile(r"[0-9А-Яа-яЁё .,:;()«»\"!?%№/+=_'-]*")
"""Text :func:`~gia_roadmap.text.normalize` only lower-cases and re-spaces: Cyrillic letters,
digits, plain punctuation and spaces — no markup, entities, Latin look-alikes, other dashes or
spaces, combining marks or line breaks."""


def _normalized(text: str) -> str:
    """``normalize(text)``, without its repairs for text that needs none (most titles)."""
    if _PLAIN.fullmatch(text) is None or "- " in text:
        return normalize(text)
    if "  " in text or text[:1] == " " or text[-1:] == " ":  # the only space _PLAIN lets through
        text = " ".join(text.split())
    low = text.lower()
    return low.replace("ё", "е") if "ё" in low else low


_NOT_PLAIN = re.compile(r"[^0-9А-Яа-яЁё .,:;()«»\"!?%№/+=_'\n-]|- ")
"""In texts joined by line breaks: a character :data:`_PLAIN` does not allow, or «- »."""
_SPACES_AROUND_BREAKS = re.compile(r" *\n *")
_SPACE_RUNS = re.compile(r"  +")


def _starts(texts: Sequence[str]) -> list[int]:
    """Where each text starts in ``"\n".join(texts)``."""
    return list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))


def _normalized_all(texts: Sequence[str]) -> list[str]:
    """``[_normalized(text) for text in texts]``: the plain texts lower-cased, re-spaced and with ё
    replaced all at once, as one string (a plan's titles are mostly plain), the others one by one."""
    if len(texts) < 2:
        return [_normalized(text) for text in texts]
    joined = "\n".join(texts)
    odd: set[int] = set()
    if joined.count("\n") != len(texts) - 1:  # line breaks of the texts' own are not plain
        odd.update(i for i, text in enumerate(texts) if "\n" in text)
    starts: list[int] | None = None
    for match in _NOT_PLAIN.finditer(joined):
        if starts is None:
            starts = _starts(texts)
        odd.add(bisect.bisect_right(starts, match.start()) - 1)
    plain = [text for i, text in enumerate(texts) if i not in odd] if odd else texts
    low = ("\n".join(plain) if odd else joined).lower()
    if "ё" in low:
        low = low.replace("ё", "е")
    if " \n" in low or "\n " in low:
        low = _SPACES_AROUND_BREAKS.sub("\n", low)
    if "  " in low:
        low = _SPACE_RUNS.sub(" ", low)
    lows = low.strip(" ").split("\n")  # plain texts hold no line break: one piece per text
    if not odd:
        return lows
    pieces = iter(lows)
    return [_normalized(text) if i in odd else next(pieces) for i, text in enumerate(texts)]


def _holding(texts: Sequence[str], literals: Iterable[str]) -> set[int]:
    """Positions of the texts holding any of ``literals`` (which hold no line break), found in the
    texts joined instead of text by text."""
    joined = "\n".join(texts)
    starts: list[int] | None = None
    out: set[int] = set()
    for literal in literals:
        at = joined.find(literal)
        while at >= 0:
            if starts is None:
                starts = _starts(texts)
            position = bisect.bisect_right(starts, at) - 1
            out.add(position)
            # on to the next text: one find per text holding the literal
            at = joined.find(literal, starts[position + 1]) if position + 1 < len(starts) else -1
    return out


def _stems(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(text) if w not in _STOP}


def _without_markers(low: str) -> str:
    for _, pattern in _MARKER_PATTERNS:
        match = pattern.search(low)
        if match is not None:
            low = low[: match.start()]
    return low


def suggest_links(
    roadmap: Roadmap,
    *,
    located: Sequence[LocatedMeasure] | None = None,
    min_score: float = 0.5,
) -> tuple[SuggestedLink, ...]:
    """Links the wording of the plan suggests, with the evidence text; none is added to any graph.

    For «по итогам», «с учетом результатов (анализа)», «на основе анализа», «по результатам» and
    «после утверждения» the words after the marker name the predecessor: the measure of the same
    plan whose title (up to its own marker) shares the most weight of word stems with them — stems
    weighted by how rare they are in the plan's titles, at least ``min_score`` of the total;
    the candidate must hold the head word after the marker («по итогам *обучения*») and share two
    stems; measures of ANALYSIS sections win a tie. When the words name the exams («по итогам
    проведения ГИА», «по результатам итогового сочинения»), the predecessor lies outside the plan
    (None). «до начала работы
    АК» suggests the measure precedes the :attr:`Anchor.AK_WORK_START` event; «по мере поступления
    …» names a document outside the plan (``predecessor`` None). Markers are looked for in the
    title, the expected result and — unless the term already is a relative deadline — the term.
    """
    items = list(roadmap.walk()) if located is None else list(located)
    return _suggest(items, _normalized_all([item.measure.title for item in items]), min_score)


_ANY_MARKER = re.compile("|".join(f"(?:{pattern})" for _, pattern in MARKERS))
"""Any of the markers: text it does not match holds none of them (one search instead of seven)."""


def _literal_prefix(pattern: str) -> str:
    """Text every match of ``pattern`` starts with: its beginning up to the first special character
    (without the character before a ``?``, ``*`` or ``{``, which may be left out)."""
    match = re.match(r"[^\\()\[\]|?*+{}.^$]*", pattern)
    prefix = "" if match is None else match.group()
    if pattern[len(prefix) : len(prefix) + 1] in ("?", "*", "{"):
        prefix = prefix[:-1]
    return prefix


_MARKER_LITERALS = tuple(_literal_prefix(pattern) for _, pattern in MARKERS)
"""Per marker, the text each of its matches contains: a text holding none of them holds no marker
(a few substring tests are much cheaper than the search)."""


def _has_marker(low: str) -> bool:
    """True when the normalised text ``low`` holds a marker."""
    for literal in _MARKER_LITERALS:
        if literal in low:
            return _ANY_MARKER.search(low) is not None
    return False


class _Titles:
    """The stems of every title (up to its own marker), their weights and, per stem, the titles
    that hold it; built on first use only — most measures carry no marker."""

    __slots__ = ("by_stem", "frequency", "stems", "total")

    def __init__(self, lows: Sequence[str]) -> None:
        self.stems = [_stems(_without_markers(low) if _has_marker(low) else low) for low in lows]
        self.frequency: Counter[str] = Counter(stem for stems in self.stems for stem in stems)
        self.total = max(len(self.stems), 1)
        self.by_stem: dict[str, list[int]] = {}
        for position, stems in enumerate(self.stems):
            for stem in stems:
                self.by_stem.setdefault(stem, []).append(position)

    def weight(self, stem: str) -> float:
        return math.log((1 + self.total) / (1 + self.frequency[stem])) + 0.05


def _suggest(
    items: Sequence[LocatedMeasure], lows: Sequence[str], min_score: float
) -> tuple[SuggestedLink, ...]:
    """:func:`suggest_links` over ``items`` whose normalised titles are ``lows`` (same order)."""
    finder = _Finder(items, lows, min_score)
    normalized: dict[str, str] = {}
    marked = _holding(lows, _MARKER_LITERALS)  # titles that may hold a marker (most hold none)
    for position, item in enumerate(items):
        measure = item.measure
        if position in marked:
            finder.find(item, "title", measure.title, lows[position])
        for field, text in (("expected_result", measure.expected_result), ("term", measure.term.raw)):
            if not text:
                continue
            if field == "term":
                term = measure.term
                if isinstance(term, _RELATIVE_HOLDERS) and any(True for _ in _relative_parts(term)):
                    continue  # a relative deadline is a link of its own (term links)
            low = normalized.get(text)
            if low is None:
                low = normalized[text] = _normalized(text)
            finder.find(item, field, text, low)
    return tuple(finder.out)


class _Finder:
    """The suggestions of the markers in one plan's texts (:func:`_suggest`)."""

    __slots__ = ("items", "lows", "min_score", "out", "titles")

    def __init__(self, items: Sequence[LocatedMeasure], lows: Sequence[str], min_score: float) -> None:
        self.items = items
        self.lows = lows
        self.min_score = min_score
        self.titles: _Titles | None = None  # built on first use
        self.out: list[SuggestedLink] = []

    def find(self, item: LocatedMeasure, field: str, text: str, low: str) -> None:
        """Add the suggestions of the markers in ``text`` (normalised: ``low``), a ``field`` of ``item``."""
        if not _has_marker(low):
            return
        out = self.out
        for name, pattern in _MARKER_PATTERNS:
            match = pattern.search(low)
            if match is None:
                continue
            evidence = _evidence(text, low, match.start())
            if name == "до начала работы АК":
                out.append(
                    SuggestedLink(EventNode(Anchor.AK_WORK_START), item.id, name, evidence, 1.0, field)
                )
                continue
            if name == "по мере поступления":
                out.append(SuggestedLink(item.id, None, name, evidence, 0.0, field))
                continue
            tail = low[match.end() : match.end() + 160]
            if _EXAMS.search(tail):
                # «по итогам проведения ГИА»: the exams themselves, not a measure of the plan.
                out.append(SuggestedLink(item.id, None, name, evidence, 0.0, field))
                continue
            found = self._predecessor(item, name, tail)
            if found is not None:
                out.append(SuggestedLink(item.id, found[1].id, name, evidence, round(found[0], 3), field))

    def _predecessor(self, item: LocatedMeasure, name: str, tail: str) -> tuple[float, LocatedMeasure] | None:
        """The measure whose title best matches the words after the marker ``name`` (``tail``)."""
        wanted = _stems(tail)
        words = _LETTERS.findall(tail)
        heads = [w for w in words[:3] if w not in _HEAD_SKIP and len(w) >= 4]
        head = (heads[0] if heads else words[0] if words else "")[:6]
        if not wanted or not head:
            return None
        if self.titles is None:
            self.titles = _Titles(self.lows)
        titles = self.titles
        weight = titles.weight
        whole = sum(weight(w) for w in wanted)
        best: tuple[float, int, LocatedMeasure] | None = None
        # only titles holding the head word can qualify; visited in document order
        for other_position in titles.by_stem.get(head, ()):
            other = self.items[other_position]
            if other.id == item.id:
                continue
            shared = wanted & titles.stems[other_position]
            if len(shared) < 2:
                continue
            score = sum(weight(w) for w in shared) / whole
            bonus = 1 if name in _ANALYSIS_MARKERS and other.section_kind is SectionKind.ANALYSIS else 0
            if score >= self.min_score and (best is None or (score, bonus) > (best[0], best[1])):
                best = (score, bonus, other)
        return None if best is None else (best[0], best[2])


def _evidence(text: str, low: str, start: int) -> str:
    """The original words from the marker to the end of its clause (at most ~120 characters)."""
    # normalize() keeps positions close to the original for ordinary text; search the original
    # for the same marker words to quote them verbatim.
    marker_words = low[start:].split()[:2]
    pattern = re.compile(r"\s+".join(re.escape(w) for w in marker_words).replace("е", "[её]"), re.IGNORECASE)
    found = pattern.search(text)
    begin = found.start() if found is not None else 0
    tail = text[begin:]
    end = re.search(r"[.;\n]", tail)
    fragment = tail[: end.start()] if end is not None else tail
    return " ".join(fragment.split())[:160]
