"""Reading a set of plans from files and folders (gia_roadmap.io.read_plans)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cascade.plans import m, municipal, region

from gia_roadmap import io as roadmap_io
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import PlanLevel


def test_a_folder_with_saved_plans_a_table_and_a_broken_file(tmp_path: Path) -> None:
    roadmap_io.dump(region(m("1.1", "Обучение", "май 2024 года", "ОМСУ")), tmp_path / "1-region.yaml")
    roadmap_io.dump(municipal(m("1", "Обучение")), tmp_path / "2-ensk.json")
    roadmap_io.dump(municipal(m("1", "Совещание"), city="Другограда"), tmp_path / "3-same-id.json")
    (tmp_path / "4-school.csv").write_text(
        "№;Мероприятие;Сроки;Ответственные\n1;Классный час;ноябрь 2023 года;классные руководители\n",
        encoding="utf-8",
    )
    (tmp_path / "5-broken.yaml").write_text("roadmap: [", encoding="utf-8")
    (tmp_path / "readme.rst").write_text("not a plan", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    roadmap_io.dump(region(), tmp_path / "sub" / "deeper.yaml")
    read = roadmap_io.read_plans([tmp_path])
    assert [p.id for p in read.plans] == ["region", "ensk", "ensk-2", "4-school"]
    (broken,) = [p for p in read.problems if p.code == "unreadable-plan"]
    assert broken.location.file == "5-broken.yaml"
    assert broken.message.startswith("файл не прочитан и пропущен: ")
    plans = read.plan_set({"4-school": None})
    assert plans.parent("ensk").id == "region"  # type: ignore[union-attr]
    assert plans.get("ensk").level is PlanLevel.MUNICIPAL


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="no such file or folder"):
        roadmap_io.read_plans([tmp_path / "nowhere"])


def test_files_in_the_order_given(tmp_path: Path) -> None:
    roadmap_io.dump(region(), tmp_path / "b.yaml")
    roadmap_io.dump(municipal(), tmp_path / "a.yaml")
    read = roadmap_io.read_plans([tmp_path / "b.yaml", tmp_path / "a.yaml"])
    assert [p.id for p in read.plans] == ["region", "ensk"]
    assert read.problems == ()
