"""gia-roadmap check / import / export / examples on good and bad input."""

import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from gia_roadmap import examples
from gia_roadmap import io as roadmap_io
from gia_roadmap.cli import main
from gia_roadmap.plan import Measure, MeasureNumber, Roadmap, Section


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_examples_lists_every_bundled_roadmap() -> None:
    status, out, _ = _run("examples")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == list(examples.names())


def test_check_example_reports_the_duplicate_numbers_of_yurga() -> None:
    status, out, err = _run("check", "--example", "yurga-2024")
    assert err == ""
    assert status == 3  # errors found
    assert "334 мероприятия" in out
    assert "GR501" in out
    assert "п. 2.2.14" in out
    assert "ошибка" in out
    assert "Что не удалось прочитать" in out  # the reading notices, apart
    assert f"Импорт: {len(examples.problems('yurga-2024'))} проблем" in out  # nothing hidden


def test_check_orders_by_severity_limits_and_speaks_english() -> None:
    _, out, _ = _run("check", "--example", "smolensk-gia-2023", "--limit", "2")
    lines = [line for line in out.splitlines() if line.startswith(("ошибка", "предупреждение", "к сведению"))]
    assert len(lines) == 2
    assert all("GR502" in line for line in lines)  # the real numbering gaps come first
    _, everything, _ = _run("check", "--example", "smolensk-gia-2023", "--all")
    assert "к сведению" in everything
    _, english, _ = _run("check", "--example", "smolensk-gia-2023", "--lang", "en")
    assert "The numbering skips 3.4" in english
    assert "item 3.5" in english


def test_check_json_is_machine_readable() -> None:
    status, out, _ = _run("check", "--example", "kogalym-2022", "--format", "json")
    document = json.loads(out)
    assert document["source"] == "kogalym-2022"
    assert document["import_problems"] == [p.to_dict() for p in examples.problems("kogalym-2022")]
    (plan,) = document["roadmaps"]
    codes = {f["code"] for f in plan["report"]["findings"]}
    assert codes
    worst = {f["severity"] for f in plan["report"]["findings"]}
    expected = 3 if "error" in worst else 1 if "warning" in worst else 0
    assert status == expected


def test_check_a_clean_saved_plan_exits_zero(tmp_path: Path) -> None:
    plan = Roadmap(
        "clean",
        sections=(
            Section(
                heading="1. Нормативное правовое обеспечение",
                measures=(Measure(number=MeasureNumber.parse("1."), title="Издание приказа", ordinal=0),),
            ),
        ),
    )
    path = tmp_path / "plan.yaml"
    roadmap_io.dump(plan, path)
    status, out, _ = _run("check", str(path), "--limit", "5")
    assert status in (0, 1)  # a missing term or responsible party is a warning at most
    assert "clean" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check"], "name a roadmap"),
        (["check", "--example", "nowhere-2024"], "no bundled example 'nowhere-2024'"),
        (["check", "missing.yaml"], "no such file"),
        (["check", "--example", "yurga-2024", "--limit", "0"], "--limit 0"),
    ],
)
def test_check_bad_input_is_a_clear_error(argv: list[str], message: str) -> None:
    status, out, err = _run(*argv)
    assert status == 2
    assert out == ""
    assert message in err


def test_check_unreadable_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.rtf"
    path.write_bytes(b"{\\rtf1 text}")
    status, _, err = _run("check", str(path))
    assert status == 2
    assert "cannot read .rtf" in err
    damaged = tmp_path / "plan.pdf"
    damaged.write_bytes(b"%PDF-1.4")
    status, _, err = _run("check", str(damaged))
    assert status == 2
    assert "plan.pdf: pdfplumber cannot read the PDF" in err


def test_import_a_seed_text_and_check_it(tmp_path: Path) -> None:
    seed = tmp_path / "kogalym.txt"
    seed.write_text(examples.seed_text("003"), encoding="utf-8")
    target = tmp_path / "kogalym.yaml"
    status, out, err = _run("import", str(seed), "-o", str(target))
    assert status == 0, err
    assert "мероприятий: 99" in out
    loaded = roadmap_io.load(target)
    assert len(loaded.measures) == 99
    status, out, _ = _run("check", str(target))
    assert "kogalym" in out


def test_unknown_example_is_a_typed_error() -> None:
    from gia_roadmap.errors import GiaRoadmapError

    with pytest.raises(GiaRoadmapError, match="known: kuzbass-training-2024"):
        examples.load("nowhere")
    with pytest.raises(KeyError):
        examples.seed_text("005")


def test_import_refuses_a_non_roadmap_target(tmp_path: Path) -> None:
    status, _, err = _run("import", "plan.docx", "-o", str(tmp_path / "plan.xlsx"))
    assert status == 2
    assert ".yaml, .yml or .json" in err


@pytest.mark.parametrize(("fmt", "suffix"), [("docx", "docx"), ("xlsx-table", "xlsx"), ("csv-table", "csv")])
def test_export_the_plan_table_that_import_reads_back(tmp_path: Path, fmt: str, suffix: str) -> None:
    from gia_roadmap.io import table_view

    target = tmp_path / f"smolensk.{suffix}"
    status, out, err = _run("export", "--example", "smolensk-gia-2023", "--to", fmt, "-o", str(target))
    assert status == 0, err
    assert f"as {fmt}" in out
    back = roadmap_io.import_file(target, roadmap_io.ImportOptions(plan_ids=("smolensk-gia-2023",))).roadmap
    assert table_view(back) == table_view(examples.load("smolensk-gia-2023"))


@pytest.mark.parametrize("fmt", ["xlsx", "ics", "html", "json", "yaml"])
def test_export_every_format(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"yurga.{fmt}"
    status, out, err = _run("export", "--example", "yurga-2024", "--to", fmt, "-o", str(target))
    assert status == 0, err
    assert target.exists()
    assert "yurga-2024" in out
    if fmt == "ics":
        calendar = Calendar.from_ical(target.read_bytes())
        assert len(calendar.walk("VEVENT")) > 100
    elif fmt == "xlsx":
        workbook = load_workbook(target)
        assert len(workbook.sheetnames) == 2
    elif fmt == "html":
        assert "<html" in target.read_text(encoding="utf-8").lower()
    else:
        assert roadmap_io.load(target) == examples.load("yurga-2024")
