"""The summary of a plan set as an HTML page and an XLSX workbook (gia_roadmap.io.export_cascade)."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from tests.cascade.plans import m, municipal, region
from tests.checks.plans import calendar

from gia_roadmap import io as roadmap_io
from gia_roadmap.cli import main
from gia_roadmap.plan import CascadeReport, PlanSet, check_plans

HOSTILE = "=СУММ(A1) <script>alert(1)</script> & «обучение»"


def _report() -> CascadeReport:
    parent = region(m("1.1", HOSTILE, "май 2024 года", "ОМСУ"))
    return check_plans(PlanSet.build([parent, municipal(m("1", "Классный час", responsible="УО"))]),
                       calendar=calendar(), cascade_only=True)  # fmt: skip


def test_the_page_escapes_and_holds_every_part() -> None:
    page = roadmap_io.cascade_html(_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    for heading in (
        "Планы (2)",
        "Замечания по кодам (1)",
        "Замечания каскада (1)",
        "Уведомления о чтении (1)",
    ):
        assert heading in page
    assert "Plans (2)" in roadmap_io.cascade_html(_report(), lang="en")


def test_the_workbook_has_a_sheet_per_part_and_no_formula() -> None:
    book = load_workbook(io.BytesIO(roadmap_io.cascade_xlsx_bytes(_report())))
    assert [s.title[:10] for s in book.worksheets] == [
        "Планы",
        "Замечания ",
        "Замечания ",
        "Пункты, ко",
        "Уведомлени",
    ]
    plans = book.worksheets[0]
    assert [c.value for c in plans[2]][:3] == ["region", "региональный", None]
    unimplemented = book.worksheets[3]
    assert unimplemented["C2"].value == HOSTILE
    assert unimplemented["C2"].data_type == "s"


def test_the_command_writes_the_summary(tmp_path: Path) -> None:
    report = _report()
    for plan in report.plans:
        roadmap_io.dump(plan, tmp_path / f"{plan.id}.yaml")
    out, err = io.StringIO(), io.StringIO()
    page = str(tmp_path / "s.html")
    status = main(
        ["cascade", str(tmp_path), "--cascade-only", "--to", "html", "-o", page], stdout=out, stderr=err
    )
    assert status == 1
    assert "Замечания каскада (1)" in (tmp_path / "s.html").read_text(encoding="utf-8")
    status = main(
        ["cascade", str(tmp_path), "--to", "xlsx", "-o", str(tmp_path / "s.xlsx")], stdout=out, stderr=err
    )
    assert load_workbook(tmp_path / "s.xlsx").worksheets[0]["A2"].value == "region"
    assert main(["cascade", str(tmp_path), "--to", "xlsx"], stdout=out, stderr=err) == 2
    assert "--to xlsx needs -o FILE" in err.getvalue()
