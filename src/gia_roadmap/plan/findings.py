"""Findings («замечания») and reading notices: what :func:`gia_roadmap.plan.checks.check` reports.

A :class:`Finding` is data, never printed and never raised: a :class:`~gia_roadmap.errors.Problem`
(a stable ``code`` «GR501», a :class:`~gia_roadmap.errors.Severity`, a ``message`` in Russian by
default, a :class:`~gia_roadmap.errors.Location` in the document's own terms: «раздел 2, п. 2.2.14»,
«строка без номера после п. 6.5») with the other places involved, the parameters its message was
written from (so that it reads in English too: :meth:`Finding.text`) and its suppression.

A :class:`Report` keeps two kinds of entries apart:

* **findings** say what is wrong in the document, each with its evidence (the source text);
* **notices** say what the library could not read or check (an unread deadline, an unknown party,
  no exam schedule for the year, a calendar year not covered). They are never counted as defects.

Findings come worst first (errors, warnings, info), in document order within each severity. The
report filters, counts (:meth:`Report.summary`, in Russian with agreeing plurals: «68 замечаний:
2 ошибки, 9 предупреждений …») and renders as text (:meth:`Report.to_text`), JSON
(:meth:`Report.to_json`) and the grouped data an HTML report needs (:meth:`Report.html_data`); each
takes ``lang="en"`` for English. A finding can be suppressed per measure with a reason
(:class:`Suppression`); a suppressed finding stays in the report, marked, so the decision remains
visible.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from gia_roadmap.errors import InvalidValueError, Language, Location, Problem, Severity
from gia_roadmap.plan.fields import check_fields
from gia_roadmap.plan.messages import Param, code_text, plural, render, ui

__all__ = [
    "Finding",
    "Report",
    "ReportSummary",
    "Suppression",
]


@attrs.frozen
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

    def __attrs_post_init__(self) -> None:
        check_fields(self)

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
    """One thing check() noticed: a :class:`~gia_roadmap.errors.Problem` of the document (or, in
    :attr:`Report.notices`, of its reading), with the other places involved, the parameters of its
    message and the decision not to act on it, if any.

    Its location is in the plan's terms: ``plan``, ``section`` (the section's number, or its heading),
    ``measure`` (the number, canonical, «2.2.14»), ``follows`` for a row without a number (the number
    it follows), ``field`` («term», «responsible», «number», «dependencies»), ``section_path`` and
    ``ordinal``.

    Attributes:
        code: stable code of the catalogue (:data:`~gia_roadmap.plan.checks.CATALOGUE`).
        severity: the severity for this run (the catalogue default unless configured).
        message: what is wrong, in the language of the run (Russian by default); Russian source
            text is quoted in «».
        location: where it is.
        related: other places involved (the other duplicate, every measure of a cycle).
        evidence: the Russian source text the finding rests on, verbatim.
        params: the values the message was written from (:meth:`text` writes it in either language).
        suppressed: the suppression that covers it, None when active.
    """

    related: tuple[Location, ...] = ()
    params: tuple[tuple[str, Param], ...] = ()
    suppressed: Suppression | None = None

    @property
    def name(self) -> str:
        """The catalogue name of the code («duplicate_number»); empty for a code it does not know."""
        entry = code_text(self.code)
        return entry.name if entry is not None else ""

    @property
    def active(self) -> bool:
        """True unless suppressed."""
        return self.suppressed is None

    def text(self, lang: Language = "ru") -> str:
        """The message in ``lang``, written from the catalogue (the stored message when the catalogue
        does not know the code or the finding has no parameters)."""
        if not self.params or code_text(self.code) is None:
            return self.message
        return render(self.code, dict(self.params), lang)

    def title(self, lang: Language = "ru") -> str:
        """What the code means, one line («Номер пункта повторяется»)."""
        entry = code_text(self.code)
        return "" if entry is None else entry.text(lang).title

    def hint(self, lang: Language = "ru") -> str:
        """What to change so that the finding goes («Перенумеруйте мероприятия …»)."""
        entry = code_text(self.code)
        return "" if entry is None else entry.text(lang).hint

    def where(self, lang: Language = "ru") -> str:
        """The place in the document, without the plan («раздел 2, п. 2.2.14, графа «Сроки»»)."""
        return attrs.evolve(self.location, plan="").describe(lang) or self.location.describe(lang)

    def to_dict(self, lang: Language = "ru") -> dict[str, Any]:
        """A JSON-ready dict (the message, title and hint in ``lang``)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "title": self.title(lang),
            "message": self.text(lang),
            "hint": self.hint(lang),
            "where": self.where(lang),
            "location": self.location.to_dict(),
            "related": [r.to_dict() for r in self.related],
            "evidence": self.evidence,
            "suppressed": None
            if self.suppressed is None
            else {"reason": self.suppressed.reason, "measure": self.suppressed.measure},
        }

    def to_text(self, lang: Language = "ru") -> str:
        """One line: severity, code, place, message (and the suppression reason):
        «ошибка GR501 раздел 2, п. 2.2.14, графа «№»: Номер 2.2.14 дан двум мероприятиям …»."""
        line = f"{self.severity.label(lang)} {self.code} {self.where(lang)}: {self.text(lang)}"
        if self.suppressed is not None:
            line += f" ({ui('suppressed', lang).format(reason=self.suppressed.reason)})"
        return line


@attrs.frozen
class ReportSummary:
    """Counts over a report (active findings; suppressed ones and reading notices counted apart).

    Attributes:
        total: active findings.
        by_severity: (severity value, count), worst first, zero counts left out.
        by_code: (code, count) in code order.
        suppressed: suppressed findings.
        worst: the worst active severity, None when there is none.
        notices: reading notices (never counted as findings).
    """

    total: int
    by_severity: tuple[tuple[str, int], ...]
    by_code: tuple[tuple[str, int], ...]
    suppressed: int
    worst: Severity | None
    notices: int = 0

    def describe(self, lang: Language = "ru") -> str:
        """«68 замечаний: 2 ошибки, 9 предупреждений, 57 к сведению; 3 уведомления о чтении»."""
        nouns = {"error": "errors", "warning": "warnings", "info": "infos"}
        head = plural(self.total, "findings", lang)
        if self.by_severity:
            head += ": " + ", ".join(plural(n, nouns[s], lang) for s, n in self.by_severity)
        tails = []
        if self.suppressed:
            tails.append(plural(self.suppressed, "suppressed", lang))
        if self.notices:
            tails.append(plural(self.notices, "notices", lang))
        return "; ".join([head, *tails])

    def __str__(self) -> str:
        return self.describe("ru")


def _severity_order(finding: Finding) -> tuple[Any, ...]:
    return (-finding.severity.rank, *_location_key(finding))


@attrs.frozen
class Report:
    """The result of one :func:`~gia_roadmap.plan.checks.check` run: the findings (worst first, then
    in document order) and, apart, the reading notices.

    Iterating walks every finding, suppressed ones included (``finding.active`` tells them apart);
    :attr:`active` gives only those not suppressed. Notices are never iterated, counted or graded
    with the findings.
    """

    findings: tuple[Finding, ...] = ()
    notices: tuple[Finding, ...] = attrs.field(default=(), kw_only=True)

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
    def notice_codes(self) -> frozenset[str]:
        """Codes of the reading notices."""
        return frozenset(f.code for f in self.notices)

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
        """A report with only the findings (and notices) that match every criterion given.

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

        return Report(
            tuple(f for f in self.findings if keep(f)), notices=tuple(f for f in self.notices if keep(f))
        )

    def sorted(self, by: str = "severity") -> Report:
        """Sorted by ``"severity"`` (worst first, then document order: the order of :func:`check`),
        ``"location"`` (document order) or ``"code"``."""
        keys: dict[str, Callable[[Finding], tuple[Any, ...]]] = {
            "location": _location_key,
            "severity": _severity_order,
            "code": lambda f: (f.code, *_location_key(f)),
        }
        if by not in keys:
            raise InvalidValueError(f"sort key must be 'severity', 'location' or 'code', got {by!r}")
        key = keys[by]
        return Report(tuple(sorted(self.findings, key=key)), notices=tuple(sorted(self.notices, key=key)))

    def top(self, limit: int) -> tuple[Finding, ...]:
        """The ``limit`` most severe active findings (worst first, then in document order)."""
        return tuple(sorted(self.active, key=_severity_order)[: max(0, limit)])

    def summary(self) -> ReportSummary:
        """Counts by severity and by code (notices counted apart)."""
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
            notices=len(self.notices),
        )

    def _repr_html_(self) -> str:
        """The report as an HTML table in notebooks (all text escaped)."""
        from gia_roadmap.plan.html import report_html

        return report_html(self)

    def to_text(self, lang: Language = "ru", *, min_severity: Severity | None = None) -> str:
        """Plain text: the summary, one line per finding (worst first; evidence quoted on the next
        line), then the reading notices in a block of their own."""
        lines = [self.summary().describe(lang)]
        for finding in sorted(self.findings, key=_severity_order):
            if min_severity is not None and finding.severity < min_severity:
                continue
            lines.extend(_finding_lines(finding, lang))
        if self.notices:
            lines.append(f"{ui('notices_heading', lang)}:")
            for notice in self.notices:
                lines.extend("  " + line for line in _finding_lines(notice, lang, severity=False))
        return "\n".join(lines)

    def to_dict(self, lang: Language = "ru") -> dict[str, Any]:
        """A JSON-ready dict: ``findings`` (worst first), ``notices`` and ``summary``."""
        summary = self.summary()
        return {
            "findings": [f.to_dict(lang) for f in sorted(self.findings, key=_severity_order)],
            "notices": [f.to_dict(lang) for f in self.notices],
            "summary": {
                "total": summary.total,
                "by_severity": dict(summary.by_severity),
                "by_code": dict(summary.by_code),
                "suppressed": summary.suppressed,
                "notices": summary.notices,
                "worst": None if summary.worst is None else summary.worst.value,
                "text": summary.describe(lang),
            },
        }

    def to_json(self, *, indent: int | None = 2, lang: Language = "ru") -> str:
        """The report as JSON (Russian text kept as is, not escaped)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def html_data(self, lang: Language = "ru") -> dict[str, Any]:
        """What an HTML report needs: findings grouped by plan and section in document order, with
        counts per severity, the catalogue entries of the codes present, the notices and the summary."""
        groups: dict[tuple[str, tuple[int, ...], str], list[Finding]] = {}
        for finding in sorted(self.findings, key=_location_key):
            loc = finding.location
            groups.setdefault((loc.plan, loc.section_path, loc.section), []).append(finding)
        present: dict[str, Finding] = {}
        for finding in (*self.findings, *self.notices):
            present.setdefault(finding.code, finding)
        return {
            "summary": self.to_dict(lang)["summary"],
            "codes": [
                {
                    "code": code,
                    "name": finding.name,
                    "title": finding.title(lang),
                    "hint": finding.hint(lang),
                    "severity": finding.severity.value,
                }
                for code, finding in sorted(present.items())
            ],
            "groups": [
                {
                    "plan": plan,
                    "section": section,
                    "section_path": list(path),
                    "counts": dict(Counter(f.severity.value for f in items if f.active)),
                    "findings": [f.to_dict(lang) for f in items],
                }
                for (plan, path, section), items in groups.items()
            ],
            "notices": [f.to_dict(lang) for f in self.notices],
        }


def _finding_lines(finding: Finding, lang: Language, *, severity: bool = True) -> list[str]:
    line = finding.to_text(lang)
    if not severity:
        line = line.removeprefix(f"{finding.severity.label(lang)} ")
    lines = [line]
    if finding.evidence and f"«{finding.evidence}»" not in line:
        lines.append(f"    «{finding.evidence}»")
    return lines


def _location_key(finding: Finding) -> tuple[Any, ...]:
    return (*finding.location.sort_key(), finding.code)
