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
