"""gia-roadmap report / diff / roll-forward (#18 parts 4, 5, 8)."""

import io
import json
from pathlib import Path

from gia_roadmap import io as roadmap_io
from gia_roadmap.cli import main
from gia_roadmap.plan import Roadmap, RoadmapBuilder


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _plan(term: str, done: str | None = None) -> Roadmap:
    return (
        RoadmapBuilder("mo-2026", title="Дорожная карта ГИА-2026", school_year="2025/26")
        .measure("1", "Совещание с руководителями ОО", term, "УО", done=done)
        .measure("2", "Итоговое сочинение", "03.12.2025", "УО")
        .build()
    )


def test_report_says_what_is_overdue_in_russian_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    roadmap_io.dump(_plan("до 01.10.2025"), path, format="yaml")
    status, out, err = _run("report", str(path), "--on", "2025-10-10")
    assert (status, err) == (1, "")
    assert "Отчёт об исполнении" in out
    assert "просрочено 1" in out
    status, out, _ = _run("report", str(path), "--on", "2025-09-10", "--format", "json", "--lang", "en")
    assert status == 0
    (document,) = json.loads(out)
    assert document["counts"]["overdue"] == 0
    assert document["measures"][0]["number"] == "1"


def test_report_writes_the_workbook_with_format_xlsx(tmp_path: Path) -> None:
    import openpyxl

    path, book = tmp_path / "plan.yaml", tmp_path / "report.xlsx"
    roadmap_io.dump(_plan("до 01.10.2025"), path, format="yaml")
    status, out, err = _run("report", str(path), "--on", "2025-10-10", "--format", "xlsx", "-o", str(book))
    assert (status, err) == (1, "")  # the exit status still says something is overdue
    assert out.startswith("Отчёт об исполнении записан:")
    sheets = openpyxl.load_workbook(book).sheetnames
    assert sheets == ["Отчёт", "По ответственным"]
    # the workbook holds what the text report says
    text = _run("report", str(path), "--on", "2025-10-10")[1]
    cells = [c for row in openpyxl.load_workbook(book)["Отчёт"].iter_rows(values_only=True) for c in row]
    assert "Совещание с руководителями ОО" in cells
    assert "Совещание с руководителями ОО" in text


def test_report_xlsx_needs_a_file_and_a_file_needs_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    roadmap_io.dump(_plan("до 01.10.2025"), path, format="yaml")
    status, _, err = _run("report", str(path), "--on", "2025-10-10", "--format", "xlsx")
    assert status == 2
    assert "-o FILE.xlsx" in err
    status, _, err = _run("report", str(path), "--on", "2025-10-10", "-o", str(tmp_path / "r.xlsx"))
    assert status == 2
    assert "--format xlsx" in err


def test_diff_exits_0_for_equal_plans_and_1_with_the_changes(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    roadmap_io.dump(_plan("до 01.10.2025"), old)
    roadmap_io.dump(_plan("до 15.10.2025"), new)
    assert _run("diff", str(old), str(old))[0] == 0
    status, out, _ = _run("diff", str(old), str(new))
    assert status == 1
    assert "изменено: 1" in out
    assert "01.10.2025 → 15.10.2025" in out
    status, out, _ = _run("diff", str(old), str(new), "--format", "json")
    assert json.loads(out)["changes"][0]["Изменение"] == "изменено"


def test_roll_forward_writes_next_years_plan(tmp_path: Path) -> None:
    source, target = tmp_path / "plan.yaml", tmp_path / "next.json"
    roadmap_io.dump(_plan("до 01.10.2025"), source, format="yaml")
    status, out, _ = _run("roll-forward", str(source), "-o", str(target))
    assert status == 0
    rolled = roadmap_io.load(target)
    assert rolled.id == "mo-2027"
    assert rolled.title == "Дорожная карта ГИА-2027"
    assert str(rolled.school_year) == "2026/2027"
    assert "дата события нового года" in out or "сдвиг на учебный год" in out


def test_a_bad_output_suffix_is_bad_input(tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    roadmap_io.dump(_plan("до 01.10.2025"), source, format="yaml")
    status, _, err = _run("roll-forward", str(source), "-o", str(tmp_path / "next.txt"))
    assert status == 2
    assert ".json, .yaml" in err


def _write(tmp_path: Path, name: str, plan: Roadmap) -> str:
    path = tmp_path / name
    roadmap_io.dump(plan, path, format="yaml")
    return str(path)


def test_compare_groups_a_revision_by_what_changed(tmp_path: Path) -> None:
    old = (
        RoadmapBuilder("mo-2026", school_year="2025/26")
        .measure("1", "Совещание с руководителями ОО", "до 01.10.2025", "УО")
        .measure("2", "Обучение организаторов ППЭ", "ноябрь 2025", "ИМЦ")
        .measure("3", "Родительское собрание", "декабрь 2025", "ОО")
        .build()
    )
    new = (
        RoadmapBuilder("mo-2026", school_year="2025/26")
        .measure("1", "Совещание с руководителями ОО", "до 15.10.2025", "УО")
        .measure("2", "Информирование о сроках ГИА", "январь 2026", "УО")
        .measure("3", "Обучение организаторов ППЭ", "ноябрь 2025", "ИМЦ, УО", done="2025-11-20")
        .build()
    )
    first, second = _write(tmp_path, "old.yaml", old), _write(tmp_path, "new.yaml", new)
    assert _run("compare", first, first)[:2] == (0, _run("compare", first, first)[1])
    assert "без изменений: 3" in _run("compare", first, first)[1]
    status, out, err = _run("compare", first, second)
    assert (status, err) == (1, "")
    assert "Добавлено (1):\n  2 Информирование о сроках ГИА — январь 2026" in out
    assert "Удалено (1):\n  3 Родительское собрание — декабрь 2025" in out
    assert "«до 01.10.2025» → «до 15.10.2025» (01.10.2025 → 15.10.2025)" in out
    assert "Изменены ответственные (1):\n  3 Обучение организаторов ППЭ: «ИМЦ» → «ИМЦ, УО»" in out
    assert "«не отмечено» → «выполнено 20.11.2025»" in out
    assert "«номер: 2» → «номер: 3»" in out  # renumbered, paired by its title
    status, out, _ = _run("compare", first, second, "--json", "--lang", "en")
    document = json.loads(out)
    assert status == 1
    assert document["counts"] == {
        "added": 1, "removed": 1, "deadline": 1, "responsible": 1, "status": 1, "other": 1, "unchanged": 0,
    }  # fmt: skip
    assert document["deadline"][0]["due_after"] == "2025-10-15"
    assert document["status"][0]["after"] == "done 20.11.2025"
    assert document["rolled_forward"] is False


def test_compare_with_last_years_plan_shows_only_what_changed_beyond_the_calendar(tmp_path: Path) -> None:
    last = (
        RoadmapBuilder("mo-2025", title="Дорожная карта ГИА-2025", school_year="2024/25")
        .measure("1", "Итоговое сочинение (изложение)", "04.12.2024", "УО")
        .measure("2", "Совещание с руководителями ОО", "до 16 сентября 2024", "УО")
        .measure("3", "Мониторинг готовности ОО к ГИА-2025", "март 2025", "УО")
        .build()
    )
    this = (
        RoadmapBuilder("mo-2026", title="Дорожная карта ГИА-2026", school_year="2025/26")
        .measure("1", "Итоговое сочинение (изложение)", "03.12.2025", "УО")  # the сочинение's new day
        .measure("2", "Совещание с руководителями ОО", "до 01 октября 2025", "УО")
        .measure("3", "Мониторинг готовности ОО к ГИА-2026", "март 2026", "УО")
        .build()
    )
    first, second = _write(tmp_path, "2025.yaml", last), _write(tmp_path, "2026.yaml", this)
    status, out, _ = _run("compare", first, second)
    assert status == 1
    assert "перенесён на 2025/2026" in out
    assert "Изменён срок (1):\n  2 Совещание с руководителями ОО" in out
    assert "без изменений: 2" in out
    unchanged = (  # the same plan a year on: «16 сентября» stays «16 сентября», a working day both years
        RoadmapBuilder("mo-2026", title="Дорожная карта ГИА-2026", school_year="2025/26")
        .measure("1", "Итоговое сочинение (изложение)", "03.12.2025", "УО")
        .measure("2", "Совещание с руководителями ОО", "до 16 сентября 2025", "УО")
        .measure("3", "Мониторинг готовности ОО к ГИА-2026", "март 2026", "УО")
    )
    status, out, _ = _run("compare", first, _write(tmp_path, "same.yaml", unchanged.build()))
    assert status == 0, out
    status, _, err = _run("compare", second, first)
    assert status == 2
    assert "earlier plan first" in err
