"""A self-contained HTML report of a roadmap: the header, the table, a timeline and the findings.

One file, no scripts, no external styles or fonts: it opens in any browser and can be mailed.
Every text from the plan is HTML-escaped (a title with «<b>» or «&» shows as written) after its
control characters are mapped or dropped and reported (:mod:`gia_roadmap.io.safe_text`). The timeline
draws one bar per resolved window on a month scale spanning the plan's dated measures.

>>> from gia_roadmap import examples
>>> from gia_roadmap.io.export_html import to_html
>>> page = to_html(examples.load("smolensk-attitude-2023"))
>>> page.startswith("<!DOCTYPE html>"), "<script" in page
(True, False)
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from gia_roadmap.calendar import ResolveOptions
from gia_roadmap.calendar.terms import EventDates, WorkingDayCalendar
from gia_roadmap.errors import Location, Problem
from gia_roadmap.io.export_common import FindingRow, MeasureRow, findings_for, measure_rows, window_text
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.text import MONTHS_SHORT

__all__ = ["to_html", "write_html"]

_STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px;color:#1b1b1b}
h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 8px} .meta{color:#555;margin:0 0 12px}
table{border-collapse:collapse;width:100%;font-size:13px} th,td{border:1px solid #ccd;padding:4px 6px;
vertical-align:top;text-align:left} th{background:#e8eef8;position:sticky;top:0}
tr.section td{background:#f4f6fa;font-weight:600} .muted{color:#777} .warn{color:#a15c00} .err{color:#b00020}
.tl{position:relative;height:14px;background:#f7f7f9;border-left:1px solid #dde}
.bar{position:absolute;top:2px;height:10px;background:#4a78c2;border-radius:2px;min-width:2px}
.bar.cont{background:#9db7e0} .scale{display:flex;font-size:11px;color:#666}
.scale span{flex:1;border-left:1px solid #dde;padding-left:2px} td.num{white-space:nowrap}
.tlrow td{padding:1px 6px;font-size:12px}
.tlname{width:38%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:420px}
"""


_Escape = Callable[[object], str]


def _escaper(cleaner: TextCleaner, plan: str) -> _Escape:
    where = Location(plan=plan)

    def escape(text: object) -> str:
        return html.escape(cleaner(str(text), where), quote=True)

    return escape


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _span(rows: Iterable[MeasureRow]) -> tuple[dt.date, dt.date] | None:
    starts = [w.start for r in rows for w in r.windows]
    ends = [w.end for r in rows for w in r.windows]
    if not starts:
        return None
    return _month_start(min(starts)), _next_month(max(ends))


def _timeline(rows: tuple[MeasureRow, ...], _e: _Escape) -> str:
    span = _span(rows)
    if span is None:
        return '<p class="muted">No measure has a resolved date.</p>'
    first, last = span
    total = (last - first).days
    months = []
    cursor = first
    while cursor < last:
        months.append(f"<span>{MONTHS_SHORT[cursor.month - 1]} {cursor.year % 100:02d}</span>")
        cursor = _next_month(cursor)
    out = [
        '<table class="timeline"><tr><th class="tlname">Мероприятие</th><th><div class="scale">',
        "".join(months),
        "</div></th></tr>",
    ]
    for row in rows:
        if not row.windows:
            continue
        bars = []
        for window in row.windows:
            left = 100 * (window.start - first).days / total
            width = 100 * ((window.end - window.start).days + 1) / total
            css = "bar cont" if row.status == "continuous" else "bar"
            title = _e(f"{row.number} {window_text((window,))}")
            bars.append(
                f'<div class="{css}" style="left:{left:.2f}%;width:{width:.2f}%" title="{title}"></div>'
            )
        name = _e(f"{row.number} {' '.join(row.title.split())}".strip())
        out.append(
            f'<tr class="tlrow"><td class="tlname" title="{name}">{name}</td><td><div class="tl">'
            f"{''.join(bars)}</div></td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _table(rows: tuple[MeasureRow, ...], _e: _Escape) -> str:
    out = [
        "<table><tr><th>№</th><th>Мероприятие</th><th>Сроки</th><th>Даты</th><th>Ответственные</th>"
        "<th>Экзамены</th><th>Зависимости</th><th>Обучаемые категории</th><th>Исполнение</th>"
        "<th>Резерв (раб. дн.)</th></tr>"
    ]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            out.append(f'<tr class="section"><td colspan="10">{_e(section or "—")}</td></tr>')
        dates = (
            _e(window_text(row.windows)) if row.windows else f'<span class="muted">{_e(row.status)}</span>'
        )
        parties = "<br>".join(_e(p) for p in row.responsible) or _e(row.responsible_raw)
        title = "<br>".join(_e(line) for line in row.title.splitlines())
        out.append(
            f'<tr><td class="num">{_e(row.number)}</td><td>{title}</td><td>{_e(row.term_raw)}</td>'
            f"<td>{dates}</td><td>{parties}</td><td>{_e(', '.join(row.exam_scope))}</td>"
            f"<td>{_e(', '.join(row.dependencies))}</td><td>{_e(', '.join(row.categories))}</td>"
            f"<td>{_e(_execution(row))}</td><td>{'' if row.slack is None else row.slack}"
            f"{' (крит.)' if row.critical else ''}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _execution(row: MeasureRow) -> str:
    """«выполнено 12.10.2025: приказ № 345 (УО)», empty for a planned measure."""
    if row.execution == "planned":
        return ""
    text = {"done": "выполнено", "cancelled": "отменено"}.get(row.execution, row.execution)
    if row.done_on is not None:
        text += f" {row.done_on:%d.%m.%Y}"
    if row.evidence:
        text += f": {row.evidence}"
    return f"{text} ({row.reported_by})" if row.reported_by else text


def _findings(findings: tuple[FindingRow, ...], _e: _Escape) -> str:
    if not findings:
        return '<p class="muted">No findings.</p>'
    out = ["<table><tr><th>Код</th><th>Уровень</th><th>Сообщение</th><th>Где</th></tr>"]
    for finding in findings:
        css = {"warning": "warn", "error": "err"}.get(finding.severity, "")
        out.append(
            f'<tr><td>{_e(finding.code)}</td><td class="{css}">{_e(finding.severity)}</td>'
            f"<td>{_e(finding.message)}</td><td>{_e(finding.where)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def to_html(
    roadmap: Roadmap,
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    findings: Iterable[FindingRow | Problem] | None = None,
    problems: list[Problem] | None = None,
) -> str:
    """The report as one HTML page (UTF-8, inline CSS, no scripts).

    Args:
        problems: receives a ``dropped-control-character`` problem per text that held a character a
            page cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` when None).
    """
    cleaner = TextCleaner("HTML", problems)
    _e = _escaper(cleaner, roadmap.id)
    rows = measure_rows(roadmap, calendar, events, options)
    found = findings_for(roadmap, findings, calendar, events)
    order = roadmap.orders[0] if roadmap.orders else None
    meta = [roadmap.issuer]
    if order is not None:
        meta.append(
            f"приказ от {order.date:%d.%m.%Y} № {order.number}" if order.date else f"№ {order.number}"
        )
    if roadmap.school_year is not None:
        meta.append(f"{roadmap.school_year} учебный год")
    meta.append(f"{len(rows)} мероприятий, {sum(1 for r in rows if r.windows)} с датами")
    title = roadmap.title or roadmap.id
    page = (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>{_e(title)}</h1><p class="meta">{_e(" · ".join(m for m in meta if m))}</p>'
        f"<h2>Сроки</h2>{_timeline(rows, _e)}"
        f"<h2>Мероприятия</h2>{_table(rows, _e)}"
        f"<h2>Замечания ({len(found)})</h2>{_findings(found, _e)}"
        "</body></html>\n"
    )
    cleaner.finish()
    return page


def write_html(
    roadmap: Roadmap,
    path: str | os.PathLike[str],
    calendar: WorkingDayCalendar | None = None,
    events: EventDates | None = None,
    *,
    options: ResolveOptions | None = None,
    findings: Iterable[FindingRow | Problem] | None = None,
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`to_html` to ``path`` (UTF-8)."""
    page = to_html(roadmap, calendar, events, options=options, findings=findings, problems=problems)
    Path(path).write_text(page, encoding="utf-8")
