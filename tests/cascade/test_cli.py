"""gia-roadmap cascade: a folder of plans, given parents, unreadable files, JSON and English."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.cascade.plans import child, m, municipal, region, school

from gia_roadmap import io as roadmap_io
from gia_roadmap.cli import main

REGION = region(
    m("1.1", "Обучение организаторов ППЭ ЕГЭ", "до 1 марта 2024 года", "ОМСУ"),
    m("1.2", "Мониторинг готовности ППЭ", "апрель 2024 года", "ОМСУ"),
)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    roadmap_io.dump(REGION, tmp_path / "a-region.yaml")
    late = child("1", "1.1", "Обучение организаторов ППЭ ЕГЭ", "март 2024 года")
    roadmap_io.dump(municipal(late), tmp_path / "b-ensk.yaml")
    roadmap_io.dump(school(m("1", "Классный час")), tmp_path / "c-school.yaml")
    (tmp_path / "d-broken.yaml").write_text("roadmap: [", encoding="utf-8")
    (tmp_path / "notes.md.bak").write_text("not a plan", encoding="utf-8")
    return tmp_path


def test_a_folder_of_plans(folder: Path) -> None:
    status, out, err = _run("cascade", str(folder), "--cascade-only")
    assert err == ""
    assert status == 1  # warnings
    assert "Планов: 3" in out
    assert "ensk (муниципальный) ← region" in out
    assert "school-5 (образовательная организация) ← ensk" in out
    assert "GR606" in out
    assert "GR603" in out  # 1.2 obliges the municipality, no counterpart
    assert "d-broken.yaml" in out
    assert "файл не прочитан и пропущен" in out


def test_given_parents_json_and_english(folder: Path) -> None:
    status, out, _ = _run(
        "cascade", str(folder / "a-region.yaml"), str(folder / "b-ensk.yaml"), str(folder / "c-school.yaml"),
        "--parent", "school-5=region", "--format", "json", "--lang", "en", "--cascade-only",
    )  # fmt: skip
    document = json.loads(out)
    rows = {row["plan"]: row for row in document["plans"]}
    assert rows["school-5"]["parent"] == "region"
    assert document["by_code"]["GR606"] == 1
    assert any(f["message"].startswith("The deadline «март 2024 года»") for f in document["cascade"])
    assert document["unreadable"] == []
    assert status == 1


def test_each_plan_own_checks_count_too(folder: Path) -> None:
    _, out, _ = _run("cascade", str(folder))
    assert "Замечания по кодам:" in out
    assert _run("cascade", str(folder), "--jobs", "2") == _run("cascade", str(folder))


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("cascade",), "name the plans"),
        (("cascade", "nowhere/"), "no such file or folder"),
        (("cascade", "--example", "nothing"), "no bundled example 'nothing'"),
        (("cascade", "--example", "kogalym-2022", "--parent", "kogalym-2022"), "write CHILD=PARENT"),
        (("cascade", "--example", "kogalym-2022", "--jobs", "-2"), "--jobs -2 is not valid"),
    ],
)
def test_bad_input_says_what_is_wrong(argv: tuple[str, ...], says: str) -> None:
    status, _, err = _run(*argv)
    assert status == 2
    assert says in err


def test_only_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    status, _, err = _run("cascade", str(tmp_path))
    assert status == 2
    assert "no plan could be read" in err
