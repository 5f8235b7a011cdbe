"""The plan's notebook views: the HTML that :class:`~gia_roadmap.plan.Roadmap`,
:class:`~gia_roadmap.plan.Measure` and :class:`~gia_roadmap.plan.Report` show in Jupyter
(``_repr_html_``), in Russian. Every text from a plan is HTML-escaped.

The model and the findings import this module lazily, when a notebook asks for the view; it names their
classes for the type checker only, so no circle runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gia_roadmap.calendar.month_view import CELL_STYLE as _CELL
from gia_roadmap.calendar.month_view import TABLE_STYLE as _TABLE
from gia_roadmap.calendar.month_view import escape as _e
from gia_roadmap.calendar.rendering import render
from gia_roadmap.errors import Language, Severity

if TYPE_CHECKING:
    from gia_roadmap.calendar.terms import Term
    from gia_roadmap.plan.findings import Finding, Report
    from gia_roadmap.plan.model import Measure, Roadmap, Section

__all__ = ["measure_html", "report_html", "roadmap_html"]

_SEVERITY_COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}


def _term_text(term: Term) -> str:
    try:
        canonical = render(term)
    except Exception:  # rendering is best effort in a view
        canonical = ""
    raw = term.raw.strip()
    if canonical and canonical != raw:
        return f"{_e(raw)}<br><small>{_e(term.kind)}: {_e(canonical)}</small>"
    return f"{_e(raw)}<br><small>{_e(term.kind)}</small>" if raw else f"<small>{_e(term.kind)}</small>"


def _status_text(measure: Measure) -> str:
    status = measure.status
    text = status.kind.value + (f" {status.date.isoformat()}" if status.date else "")
    return _e(text)


def _measure_row(measure: Measure) -> str:
    return (
        f"<tr><td {_CELL}>{_e(measure.number.raw.strip())}</td><td {_CELL}>{_e(measure.title)}</td>"
        f"<td {_CELL}>{_term_text(measure.term)}</td><td {_CELL}>{_e(measure.responsible_raw)}</td>"
        f"<td {_CELL}>{_status_text(measure)}</td></tr>"
    )


def _count(section: Section) -> int:
    return len(section.measures) + sum(_count(s) for s in section.subgroups)


def _section_html(section: Section, budget: list[int], open_: bool) -> str:
    rows = []
    for measure in section.measures:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        rows.append(_measure_row(measure))
    table = ""
    if rows:
        head = "".join(
            f"<th {_CELL}>{h}</th>" for h in ("№", "Мероприятие", "Сроки", "Ответственные", "Статус")
        )
        table = f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    subs = "".join(_section_html(s, budget, open_) for s in section.subgroups)
    heading = section.heading.strip() or "(без заголовка)"
    summary = f"{_e(heading)} <small>({_count(section)} · {_e(section.kind.value)})</small>"
    attribute = " open" if open_ else ""
    return f'<details{attribute} style="margin-left:1em"><summary>{summary}</summary>{table}{subs}</details>'


def roadmap_html(roadmap: Roadmap, *, max_measures: int = 300) -> str:
    """A roadmap as HTML: its header, then each section (collapsible) with a table of measures.

    Args:
        roadmap: the plan.
        max_measures: show at most this many measures (a note says how many were left out).
    """
    total = len(roadmap.measures)
    facts = [
        ("id", roadmap.id),
        ("уровень", roadmap.level.value),
        ("учебный год", "" if roadmap.school_year is None else str(roadmap.school_year)),
        ("период", "" if roadmap.period is None else str(roadmap.period)),
        ("территория", roadmap.territory),
        ("разделов / мероприятий", f"{len(roadmap.sections)} / {total}"),
    ]
    header = "".join(f"<tr><th {_CELL}>{_e(k)}</th><td {_CELL}>{_e(v)}</td></tr>" for k, v in facts if v)
    title = roadmap.title.strip() or roadmap.id
    issuer = f"<div>{_e(roadmap.issuer)}</div>" if roadmap.issuer.strip() else ""
    budget = [max(0, max_measures)]
    open_ = total <= 30
    sections = "".join(_section_html(s, budget, open_) for s in roadmap.sections)
    shown = min(total, max(0, max_measures))
    more = f"<div><em>{total - shown} more measures not shown</em></div>" if shown < total else ""
    return (
        f'<div class="gia-roadmap"><div style="font-weight:bold">{_e(title)}</div>{issuer}'
        f"<table {_TABLE}>{header}</table>{sections}{more}</div>"
    )


def _responsible_html(measure: Measure) -> str:
    if not measure.responsible:
        return _e(measure.responsible_raw)
    items = []
    for r in measure.responsible:
        party = "—" if r.party is None else f"{type(r.party).__name__}: {r.party}"
        note = f" ({r.note})" if r.note else ""
        items.append(f"<li>«{_e(r.raw)}» → {_e(party)} <small>[{_e(r.quality.value)}{_e(note)}]</small></li>")
    return f'<ul style="margin:0;padding-left:1.2em">{"".join(items)}</ul>'


def measure_html(measure: Measure) -> str:
    """One measure as an HTML table of its fields (empty fields left out)."""
    term = measure.term
    flags = ", ".join(sorted(term.flags))
    rows: list[tuple[str, str]] = [
        ("№", _e(measure.number.raw.strip() or "—")),
        ("Мероприятие", _e(measure.title)),
        ("Сроки", _term_text(term) + (f"<br><small>flags: {_e(flags)}</small>" if flags else "")),
        ("Ответственные", _responsible_html(measure)),
        ("Экзамены", _e(", ".join(s.value for s in measure.exam_scope))),
        ("Участники", _e("; ".join(t.raw for t in measure.participants))),
        ("Адресаты", _e("; ".join(t.raw for t in measure.targets))),
        ("Ожидаемый результат", _e(measure.expected_result)),
        ("Подтверждающий документ", _e(measure.evidence)),
        ("Описание", _e(measure.description)),
        ("Зависит от", _e(", ".join(f"{d.kind.value} {d.on.number}" for d in measure.dependencies))),
        ("Статус", _status_text(measure)),
        ("Примечания", _e("; ".join(measure.notes))),
    ]
    body = "".join(f"<tr><th {_CELL}>{_e(k)}</th><td {_CELL}>{v}</td></tr>" for k, v in rows if v)
    return f'<table class="gia-measure" {_TABLE}>{body}</table>'


def _finding_row(finding: Finding, lang: Language = "ru") -> str:
    from gia_roadmap.plan.messages import ui

    colour = _SEVERITY_COLOURS[finding.severity]
    badge = f'<span style="color:{colour};font-weight:bold">{_e(finding.severity.label(lang))}</span>'
    text = finding.text(lang)
    message = _e(text)
    if finding.evidence and f"«{finding.evidence}»" not in text:
        message += f"<br><small>«{_e(finding.evidence)}»</small>"
    hint = finding.hint(lang)
    if hint:
        message += f"<br><small><em>{_e(hint)}</em></small>"
    if finding.suppressed is not None:
        reason = ui("suppressed", lang).format(reason=finding.suppressed.reason)
        message += f"<br><small>{_e(reason)}</small>"
    style = ' style="opacity:0.55"' if finding.suppressed is not None else ""
    return (
        f"<tr{style}><td {_CELL}>{badge}</td><td {_CELL}><code>{_e(finding.code)}</code><br>"
        f"<small>{_e(finding.title(lang))}</small></td><td {_CELL}>{_e(finding.where(lang))}</td>"
        f"<td {_CELL}>{message}</td></tr>"
    )


def report_html(report: Report, *, max_findings: int = 300, lang: Language = "ru") -> str:
    """A check report as HTML, in Russian unless ``lang="en"``: the summary, one row per finding
    (worst first: what, where, the source text and what to do), then the reading notices apart."""
    from gia_roadmap.plan.messages import ui

    findings = report.sorted("severity").findings
    shown = findings[: max(0, max_findings)]
    head = "".join(f"<th {_CELL}>{_e(ui(h, lang))}</th>" for h in ("severity", "code", "where", "what"))
    rows = "".join(_finding_row(f, lang) for f in shown)
    more = (
        f"<div><em>{_e(ui('more', lang).format(count=len(findings) - len(shown)))}</em></div>"
        if len(shown) < len(findings)
        else ""
    )
    table = f"<table {_TABLE}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" if rows else ""
    empty = "" if findings else f"<div>{_e(ui('no_findings', lang))}</div>"
    notices = ""
    if report.notices:
        items = "".join(
            f"<li><code>{_e(n.code)}</code> {_e(n.where(lang))}: {_e(n.text(lang))}</li>"
            for n in report.notices
        )
        notices = f"<details><summary>{_e(ui('notices_heading', lang))}</summary><ul>{items}</ul></details>"
    return (
        f'<div class="gia-report"><div style="font-weight:bold">{_e(report.summary().describe(lang))}</div>'
        f"{empty}{table}{more}{notices}</div>"
    )
