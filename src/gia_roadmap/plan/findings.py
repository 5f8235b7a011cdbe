"""Findings («замечания»): what :func:`gia_roadmap.plan.checks.check` reports about a roadmap.

A :class:`Finding` is data, never printed and never raised: a :class:`~gia_roadmap.errors.Problem`
of the document (a stable ``code`` «GR501», a :class:`~gia_roadmap.errors.Severity`, an English
``message`` that quotes the Russian source text in «», a :class:`~gia_roadmap.errors.Location` in the
plan's terms: plan, section, measure number, field) with the other places involved and its
suppression. A :class:`Report` holds the findings of
one run with filtering, sorting, the worst severity, a summary and three outputs: text
(:meth:`Report.to_text`), JSON (:meth:`Report.to_json`) and the grouped data an HTML report needs
(:meth:`Report.html_data`).

Every code is documented in :data:`CATALOGUE` (and in ``docs/findings.md``). A finding can be
suppressed per measure with a reason (:class:`Suppression`); a suppressed finding stays in the
report, marked, so the decision remains visible.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from gia_roadmap.errors import InvalidValueError, Location, Problem, Severity

__all__ = [
    "CATALOGUE",
    "CodeInfo",
    "Finding",
    "Report",
    "ReportSummary",
    "Suppression",
]


@attrs.frozen(slots=True)
class CodeInfo:
    """One entry of the finding catalogue.

    Attributes:
        code: the stable code («GR501»).
        name: a short snake_case name («duplicate_number»).
        severity: the default severity (configurable per run).
        title: one line saying what the finding means.
    """

    code: str
    name: str
    severity: Severity
    title: str


def _catalogue(*entries: tuple[str, str, Severity, str]) -> dict[str, CodeInfo]:
    return {code: CodeInfo(code, name, severity, title) for code, name, severity, title in entries}


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: Mapping[str, CodeInfo] = _catalogue(
    ("GR101", "dependency_cycle", _E, "measures depend on each other in a cycle"),
    ("GR102", "precedence_violated", _E, "a measure is due before the measure it depends on can finish"),
    ("GR103", "lag_not_met", _W, "the dates leave less time between two linked measures than the link's lag"),
    ("GR104", "dangling_link", _E, "a dependency names a measure that does not exist"),
    ("GR105", "suggested_link", _I, "the wording suggests a dependency that is not declared"),
    ("GR201", "unparsed_term", _W, "the deadline text could not be read"),
    ("GR202", "missing_term", _W, "the deadline cell is empty"),
    ("GR203", "outside_plan_period", _W, "the deadline lies outside the plan's declared period"),
    ("GR204", "inverted_range", _E, "a range of dates or months ends before it starts"),
    ("GR205", "unordered_list", _I, "the dates or months of a list are not in chronological order"),
    ("GR206", "date_on_day_off", _W, "an exact deadline falls on a weekend or public holiday"),
    ("GR207", "before_adoption", _W, "the deadline ends before the plan was adopted"),
    ("GR208", "stale_year", _W, "the year written puts the deadline in an earlier school year"),
    ("GR209", "anchor_without_events", _W, "a relative deadline's event has no dates in the schedule given"),
    ("GR210", "external_schedule", _I, "the deadline is set by an external schedule, plan or request"),
    (
        "GR211",
        "schedule_not_supplied",
        _I,
        "a deadline counts from exam events but no exam schedule was given",
    ),
    (
        "GR212",
        "regional_days",
        _I,
        "the plan's region has non-working days of its own that are not counted, or only estimated",
    ),
    ("GR301", "missing_responsible", _W, "no one is responsible for the measure"),
    ("GR302", "unresolved_responsible", _W, "a responsible party could not be read"),
    (
        "GR303",
        "approximate_responsible",
        _I,
        "a responsible party was read only partly or through a typo rule",
    ),
    (
        "GR401",
        "undefined_abbreviation",
        _I,
        "an abbreviation is used but neither defined in the document nor standard",
    ),
    ("GR402", "abbreviation_redefined", _W, "the document defines an abbreviation twice, differently"),
    ("GR501", "duplicate_number", _E, "two measures of one section share a number"),
    ("GR502", "numbering_gap", _W, "a number is skipped"),
    ("GR503", "missing_parent_number", _W, "a sub-item's parent number does not exist"),
    ("GR504", "empty_section", _W, "a section holds no measures"),
    ("GR601", "category_not_trained", _W, "a standard category of exam staff has no training measure"),
    (
        "GR602",
        "training_after_exam",
        _E,
        "a training measure is scheduled after the first exam it prepares for",
    ),
    ("GR603", "parent_item_not_implemented", _W, "a measure of the parent plan has no implementing measure"),
    ("GR604", "unknown_parent_item", _E, "a measure points to a parent-plan item that does not exist"),
    ("GR605", "no_parent_item", _I, "a measure names no parent-plan item while others do"),
    ("GR701", "overdue", _W, "the measure's deadline has passed and it is not marked done"),
    ("GR702", "responsible_overload", _I, "one responsible body has many deadlines in one month"),
    ("GR801", "unused_suppression", _I, "a suppression matched no finding"),
)
"""Every finding code with its name, default severity and meaning (documented in docs/findings.md)."""


@attrs.frozen(slots=True)
class Suppression:
    """A decision not to act on a finding for one measure, with the reason («подавление»).

    Attributes:
        code: the finding code suppressed («GR502»).
        measure: the measure number («3.4», canonical or as written); empty for plan-level findings.
        reason: why (required, kept in the report).
        plan: the roadmap id; empty for any plan.
    """

    code: str
    measure: str
    reason: str
    plan: str = ""

    def matches(self, finding: Finding) -> bool:
        """True when this suppression covers ``finding``."""
        if finding.code != self.code:
            return False
        if self.plan and finding.location.plan != self.plan:
            return False
        return _number_key(self.measure) == _number_key(finding.location.measure)


def _number_key(text: str) -> str:
    return ".".join(p for p in text.strip().rstrip(".").replace(" ", "").split(".") if p)


@attrs.frozen(kw_only=True)
class Finding(Problem):
    """One thing check() noticed: a :class:`~gia_roadmap.errors.Problem` of the document, with the
    other places involved and the decision not to act on it, if any.

    Its location is in the plan's terms: ``plan``, ``section`` (the heading as written),
    ``measure`` (the number, canonical, «2.2.14»; «#3» for an unnumbered measure, by its ordinal;
    ``event:…`` for an exam event of the graph), ``field`` («term», «responsible», «number»,
    «dependencies»), ``section_path`` and ``ordinal``.

    Attributes:
        code: stable code from :data:`CATALOGUE`.
        severity: the severity for this run (the catalogue default unless configured).
        message: English explanation; Russian source text is quoted in «».
        location: where it is.
        related: other places involved (the other duplicate, every measure of a cycle).
        evidence: the Russian source text the finding rests on, verbatim.
        suppressed: the suppression that covers it, None when active.
    """

    related: tuple[Location, ...] = ()
    suppressed: Suppression | None = None

    @property
    def name(self) -> str:
        """The catalogue name of the code («duplicate_number»)."""
        info = CATALOGUE.get(self.code)
        return info.name if info is not None else ""

    @property
    def active(self) -> bool:
        """True unless suppressed."""
        return self.suppressed is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "location": _location_dict(self.location),
            "related": [_location_dict(r) for r in self.related],
            "evidence": self.evidence,
            "suppressed": None
            if self.suppressed is None
            else {"reason": self.suppressed.reason, "measure": self.suppressed.measure},
        }

    def to_text(self) -> str:
        """One line: severity, code, location (in Russian, «план p, раздел «…», п. 2.2.14, графа
        «Сроки»»), message (and the suppression reason)."""
        line = f"{self.severity.value.upper()} {self.code} {self.location}: {self.message}"
        if self.suppressed is not None:
            line += f" (suppressed: {self.suppressed.reason})"
        return line


def _location_dict(location: Location) -> dict[str, Any]:
    return {
        "plan": location.plan,
        "section": location.section,
        "measure": location.measure,
        "field": location.field,
        "section_path": list(location.section_path),
        "ordinal": location.ordinal,
    }


@attrs.frozen(slots=True)
class ReportSummary:
    """Counts over a report (active findings; suppressed ones counted apart).

    Attributes:
        total: active findings.
        by_severity: (severity value, count), worst first, zero counts left out.
        by_code: (code, count) in code order.
        suppressed: suppressed findings.
        worst: the worst active severity, None when there is none.
    """

    total: int
    by_severity: tuple[tuple[str, int], ...]
    by_code: tuple[tuple[str, int], ...]
    suppressed: int
    worst: Severity | None

    def __str__(self) -> str:
        if not self.total:
            tail = f" ({self.suppressed} suppressed)" if self.suppressed else ""
            return f"no findings{tail}"
        counts = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in self.by_severity)
        tail = f"; {self.suppressed} suppressed" if self.suppressed else ""
        return f"{self.total} findings: {counts}{tail}"


@attrs.frozen(slots=True)
class Report:
    """The findings of one :func:`~gia_roadmap.plan.checks.check` run, in document order.

    Iterating walks every finding, suppressed ones included (``finding.active`` tells them
    apart); :attr:`active` gives only those not suppressed.
    """

    findings: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __bool__(self) -> bool:
        return bool(self.findings)

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that are not suppressed."""
        return tuple(f for f in self.findings if f.suppressed is None)

    @property
    def suppressed(self) -> tuple[Finding, ...]:
        """Findings that are suppressed (kept visible with their reason)."""
        return tuple(f for f in self.findings if f.suppressed is not None)

    @property
    def codes(self) -> frozenset[str]:
        """Codes of the active findings."""
        return frozenset(f.code for f in self.findings if f.suppressed is None)

    @property
    def worst(self) -> Severity | None:
        """The worst severity among the active findings, None when there is none."""
        return max((f.severity for f in self.findings if f.suppressed is None), default=None)

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | None = None,
        min_severity: Severity | None = None,
        plan: str | None = None,
        measure: str | None = None,
        field: str | None = None,
        include_suppressed: bool = True,
    ) -> Report:
        """A report with only the findings that match every criterion given.

        ``code`` is one code or several; ``severity`` an exact severity, ``min_severity`` a floor;
        ``measure`` compares numbers canonically («3.4.» matches «3.4»).
        """
        codes = {code} if isinstance(code, str) else None if code is None else set(code)
        wanted_measure = None if measure is None else _number_key(measure)

        def keep(f: Finding) -> bool:
            return (
                (codes is None or f.code in codes)
                and (severity is None or f.severity is severity)
                and (min_severity is None or f.severity >= min_severity)
                and (plan is None or f.location.plan == plan)
                and (wanted_measure is None or _number_key(f.location.measure) == wanted_measure)
                and (field is None or f.location.field == field)
                and (include_suppressed or f.suppressed is None)
            )

        return Report(tuple(f for f in self.findings if keep(f)))

    def sorted(self, by: str = "location") -> Report:
        """Sorted by ``"location"`` (document order), ``"severity"`` (worst first, then document
        order) or ``"code"``."""
        keys: dict[str, Callable[[Finding], tuple[Any, ...]]] = {
            "location": _location_key,
            "severity": lambda f: (-f.severity.rank, *_location_key(f)),
            "code": lambda f: (f.code, *_location_key(f)),
        }
        if by not in keys:
            raise InvalidValueError(f"sort key must be 'location', 'severity' or 'code', got {by!r}")
        key = keys[by]
        return Report(tuple(sorted(self.findings, key=key)))

    def summary(self) -> ReportSummary:
        """Counts by severity and by code."""
        active = self.active
        severities = Counter(f.severity for f in active)
        codes = Counter(f.code for f in active)
        return ReportSummary(
            total=len(active),
            by_severity=tuple(
                (s.value, severities[s]) for s in sorted(severities, key=lambda s: -s.rank) if severities[s]
            ),
            by_code=tuple(sorted(codes.items())),
            suppressed=len(self.findings) - len(active),
            worst=self.worst,
        )

    def _repr_html_(self) -> str:
        """The report as an HTML table in notebooks (all text escaped)."""
        from gia_roadmap.display import report_html

        return report_html(self)

    def to_text(self) -> str:
        """Plain text: one line per finding (evidence quoted on the next line), then the summary."""
        lines = []
        for finding in self.findings:
            lines.append(finding.to_text())
            if finding.evidence and f"«{finding.evidence}»" not in finding.message:
                lines.append(f"    «{finding.evidence}»")
        lines.append(str(self.summary()))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``findings`` and ``summary``."""
        summary = self.summary()
        return {
            "findings": [f.to_dict() for f in self.findings],
            "summary": {
                "total": summary.total,
                "by_severity": dict(summary.by_severity),
                "by_code": dict(summary.by_code),
                "suppressed": summary.suppressed,
                "worst": None if summary.worst is None else summary.worst.value,
            },
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (Russian text kept as is, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def html_data(self) -> dict[str, Any]:
        """What an HTML report needs: findings grouped by plan and section in document order, with
        counts per severity, the catalogue entries of the codes present and the summary."""
        groups: dict[tuple[str, tuple[int, ...], str], list[Finding]] = {}
        for finding in sorted(self.findings, key=_location_key):
            loc = finding.location
            groups.setdefault((loc.plan, loc.section_path, loc.section), []).append(finding)
        present = sorted({f.code for f in self.findings})
        return {
            "summary": self.to_dict()["summary"],
            "codes": [
                {
                    "code": c,
                    "name": CATALOGUE[c].name,
                    "title": CATALOGUE[c].title,
                    "severity": CATALOGUE[c].severity.value,
                }
                for c in present
                if c in CATALOGUE
            ],
            "groups": [
                {
                    "plan": plan,
                    "section": section,
                    "section_path": list(path),
                    "counts": dict(Counter(f.severity.value for f in items if f.active)),
                    "findings": [f.to_dict() for f in items],
                }
                for (plan, path, section), items in groups.items()
            ],
        }


def _location_key(finding: Finding) -> tuple[Any, ...]:
    return (*finding.location.sort_key(), finding.code)
