"""The summary of a plan set checked at once (:class:`~gia_roadmap.plan.CascadeReport`) as an HTML page
or an XLSX workbook.

Both hold the same five parts: the plans (level, parent, measures, errors, warnings, info, reading
notices), the findings per code with the code's title, the cascade's findings, the parent items no plan
below implements, and the reading notices of the set. The page is one file with inline styles and no
scripts, that opens in any browser; the workbook has one sheet per part, every text string-typed
(never a formula). Texts pass :mod:`gia_roadmap.io.safe_text` (control characters mapped or dropped,
and reported) and are HTML-escaped on the page.

>>> from gia_roadmap import examples
>>> from gia_roadmap.plan import PlanSet, check_plans
>>> report = check_plans(PlanSet.build([examples.load("altai-2024")]), calendar=None, cascade_only=True)
>>> page = cascade_html(report)
>>> page.startswith("<!DOCTYPE html>"), "<script" in page, "Планы (1)" in page
(True, False, True)
"""

from __future__ import annotations

import html
import io as bytes_io
import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from gia_roadmap.errors import Language, Location, Problem
from gia_roadmap.io.safe_text import TextCleaner
from gia_roadmap.io.xlsx_cells import CellValue, put_cell
from gia_roadmap.plan.checks import CATALOGUE
from gia_roadmap.plan.checks.sets import CascadeReport

__all__ = ["cascade_html", "cascade_xlsx_bytes", "write_cascade_html", "write_cascade_xlsx"]

_WORDS = {
    "ru": {
        "title": "Проверка каскада планов",
        "plans": "Планы",
        "plan_head": ("План", "Уровень", "Вышестоящий", "Мероприятий", "Ошибок", "Предупреждений", "Сведений",
                      "Уведомлений"),
        "codes": "Замечания по кодам",
        "code_head": ("Код", "Значение", "Число"),
        "cascade": "Замечания каскада",
        "cascade_head": ("Код", "Уровень", "План", "Где", "Сообщение"),
        "unimplemented": "Пункты, которые не реализует ни один план нижестоящего уровня",
        "unimplemented_head": ("План", "Пункт", "Содержание", "Обязанные планы"),
        "notices": "Уведомления о чтении",
        "notice_head": ("Код", "План", "Сообщение"),
        "none": "Нет.",
        "regional": "региональный", "municipal": "муниципальный", "school": "образовательная организация",
        "federal": "федеральный",
    },
    "en": {
        "title": "Plan set check",
        "plans": "Plans",
        "plan_head": ("Plan", "Level", "Parent", "Measures", "Errors", "Warnings", "Info", "Notices"),
        "codes": "Findings per code",
        "code_head": ("Code", "Meaning", "Count"),
        "cascade": "Cascade findings",
        "cascade_head": ("Code", "Severity", "Plan", "Where", "Message"),
        "unimplemented": "Items no plan of the level below implements",
        "unimplemented_head": ("Plan", "Item", "Title", "Obliged plans"),
        "notices": "Reading notices",
        "notice_head": ("Code", "Plan", "Message"),
        "none": "None.",
        "regional": "regional", "municipal": "municipal", "school": "school", "federal": "federal",
    },
}  # fmt: skip

_Rows = list[tuple[CellValue, ...]]


def _parts(report: CascadeReport, lang: Language) -> list[tuple[str, Sequence[str], _Rows]]:
    """The five parts: (heading, column names, rows)."""
    words = _WORDS[lang]
    plans: _Rows = [
        (r.plan, str(words[r.level.value]), r.parent, r.measures, r.errors, r.warnings, r.infos, r.notices)
        for r in report.rows()
    ]
    codes: _Rows = [
        (code, CATALOGUE[code].text("title", lang) if code in CATALOGUE else "", count)
        for code, count in report.by_code()
    ]
    cascade: _Rows = [
        (f.code, f.severity.label(lang), f.location.plan, f.where(lang), f.text(lang))
        for f in report.cascade
        if f.active
    ]
    unimplemented: _Rows = [(u.plan, u.number, u.title, ", ".join(u.plans)) for u in report.unimplemented]
    notices: _Rows = [(n.code, n.location.plan, n.message) for n in report.notices]
    return [
        (str(words["plans"]), words["plan_head"], plans),
        (str(words["codes"]), words["code_head"], codes),
        (str(words["cascade"]), words["cascade_head"], cascade),
        (str(words["unimplemented"]), words["unimplemented_head"], unimplemented),
        (str(words["notices"]), words["notice_head"], notices),
    ]


_STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px;color:#1b1b1b}
h1{font-size:20px;margin:0 0 12px} h2{font-size:16px;margin:28px 0 8px}
table{border-collapse:collapse;width:100%;font-size:13px} th,td{border:1px solid #ccd;padding:4px 6px;
vertical-align:top;text-align:left} th{background:#e8eef8;position:sticky;top:0} .muted{color:#777}
td.n{text-align:right;white-space:nowrap}
"""


def cascade_html(
    report: CascadeReport, *, lang: Language = "ru", problems: list[Problem] | None = None
) -> str:
    """The summary as one HTML page (UTF-8, inline CSS, no scripts).

    Args:
        report: the result of :func:`~gia_roadmap.plan.check_plans`.
        lang: the language of the headings and messages.
        problems: receives a ``dropped-control-character`` problem per text that held a character a
            page cannot carry (an :class:`~gia_roadmap.io.safe_text.ExportWarning` when None).
    """
    cleaner = TextCleaner("HTML", problems)
    where = Location()

    def e(value: CellValue) -> str:
        return html.escape(cleaner("" if value is None else str(value), where), quote=True)

    words = _WORDS[lang]
    out = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(str(words['title']))}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{e(str(words['title']))}</h1>"
    ]
    for heading, columns, rows in _parts(report, lang):
        out.append(f"<h2>{e(heading)} ({len(rows)})</h2>")
        if not rows:
            out.append(f'<p class="muted">{e(str(words["none"]))}</p>')
            continue
        out.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>")
        for row in rows:
            cells = "".join(
                f'<td class="n">{v}</td>' if isinstance(v, int) else f"<td>{e(v)}</td>" for v in row
            )
            out.append(f"<tr>{cells}</tr>")
        out.append("</table>")
    out.append("</body></html>\n")
    cleaner.finish()
    return "".join(out)


def write_cascade_html(
    report: CascadeReport,
    path: str | os.PathLike[str],
    *,
    lang: Language = "ru",
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`cascade_html` to ``path`` (UTF-8)."""
    Path(path).write_text(cascade_html(report, lang=lang, problems=problems), encoding="utf-8")


def cascade_xlsx_bytes(
    report: CascadeReport, *, lang: Language = "ru", problems: list[Problem] | None = None
) -> bytes:
    """The summary as an XLSX workbook, one sheet per part (its heading cut to a sheet name's 31
    characters), a header row and the rows; every text string-typed."""
    cleaner = TextCleaner("XLSX", problems)
    book = Workbook()
    first = True
    for heading, columns, rows in _parts(report, lang):
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None  # a new workbook has its active sheet
        sheet.title = heading[:31]
        for column, name in enumerate(columns, start=1):
            put_cell(sheet, 1, column, name, cleaner)
        for number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                put_cell(sheet, number, column, value, cleaner)
    buffer = bytes_io.BytesIO()
    book.save(buffer)
    cleaner.finish()
    return buffer.getvalue()


def write_cascade_xlsx(
    report: CascadeReport,
    path: str | os.PathLike[str],
    *,
    lang: Language = "ru",
    problems: list[Problem] | None = None,
) -> None:
    """Write :func:`cascade_xlsx_bytes` to ``path``."""
    Path(path).write_bytes(cascade_xlsx_bytes(report, lang=lang, problems=problems))
