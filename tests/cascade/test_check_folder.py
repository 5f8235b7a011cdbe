"""gia-roadmap check FOLDER: one command for a plan or a folder of plans (the folder checked as a set,
as gia-roadmap cascade does), on folders written here from generated plans."""

from __future__ import annotations

import io
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from tests.cascade.plans import child, m, municipal, region, school

from gia_roadmap import io as roadmap_io
from gia_roadmap import strategies as gst
from gia_roadmap.cli import main
from gia_roadmap.plan import Roadmap

REGION = region(
    m("1.1", "Обучение организаторов ППЭ ЕГЭ", "до 1 марта 2024 года", "ОМСУ"),
    m("1.2", "Мониторинг готовности ППЭ", "апрель 2024 года", "ОМСУ"),
    m("1.3", "Аккредитация общественных наблюдателей", "май 2024 года", "Министерство"),
)
FAITHFUL = (
    child("1", "1.1", "Обучение организаторов ППЭ ЕГЭ города", "февраль 2024 года"),
    child("2", "1.2", "Мониторинг готовности ППЭ города", "апрель 2024 года"),
)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _folder(path: Path, *plans: Roadmap, broken: bool = False) -> Path:
    path.mkdir(exist_ok=True)
    for number, plan in enumerate(plans):
        roadmap_io.dump(plan, path / f"{number:02d}-{plan.id}.yaml")
    if broken:
        (path / "99-broken.yaml").write_text("roadmap: [", encoding="utf-8")
    return path


def _cities(count: int) -> list[Roadmap]:
    """``count`` municipal plans, every third one late on item 1.1 (GR606)."""
    plans = []
    for index in range(count):
        late = child("1", "1.1", "Обучение организаторов ППЭ ЕГЭ города", "март 2024 года")
        first = late if index % 3 == 0 else FAITHFUL[0]
        plans.append(municipal(first, FAITHFUL[1], plan_id=f"city{index}", city=f"Города{index}"))
    return plans


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return _folder(tmp_path / "plans", REGION, *_cities(4), school(m("1", "Классный час")), broken=True)


def test_a_folder_is_checked_as_the_cascade_checks_it(folder: Path) -> None:
    status, out, err = _run("check", str(folder))
    assert (status, out, err) == _run("cascade", str(folder))
    assert "Планов: 6" in out
    assert "city1 (муниципальный) ← region" in out
    assert "GR606" in out  # city0 and city3 are late on 1.1
    assert "99-broken.yaml" in out
    assert "файл не прочитан и пропущен" in out
    assert status == 1


def test_the_same_report_whatever_the_number_of_jobs(folder: Path) -> None:
    one = _run("check", str(folder), "--format", "json", "--cascade-only")
    assert _run("check", str(folder), "--format", "json", "--cascade-only", "--jobs", "2") == one
    assert _run("check", str(folder), "--format", "json", "--cascade-only", "--jobs", "0") == one
    document = json.loads(one[1])
    assert document["by_code"] == {"GR606": 2}
    assert sorted(f["location"]["plan"] for f in document["cascade"]) == ["city0", "city3"]
    assert [u["location"]["file"] for u in document["unreadable"]] == ["99-broken.yaml"]


@settings(max_examples=5, deadline=None)
@given(gst.plan_sets(None, municipalities=(1, 2), schools=(0, 1)))
def test_a_generated_region_in_a_folder(case: gst.PlanSetCase) -> None:
    # the plans written to files and read back: the command reports what was planted, and nothing else
    with tempfile.TemporaryDirectory() as name:
        folder = _folder(Path(name) / "plans", *case.plans)
        parents = [f"--parent={child}={parent}" for child, parent in case.parents]
        status, out, err = _run("check", str(folder), "--cascade-only", "--format", "json", *parents)
    assert err == ""
    document = json.loads(out)
    assert document["by_code"] == dict(Counter(d.code for d in case.defects))
    assert status == (3 if "GR604" in case.codes else 1 if case.defects else 0)


@pytest.mark.parametrize(
    ("plans", "status"),
    [
        ((REGION, municipal(*FAITHFUL)), 0),  # nothing to say
        ((REGION, municipal(FAITHFUL[0])), 1),  # 1.2 obliges the city: GR603, a warning
        ((REGION, municipal(*FAITHFUL, child("3", "7.7"))), 3),  # no item 7.7: GR604, an error
    ],
)
def test_the_exit_status_is_that_of_check(tmp_path: Path, plans: tuple[Roadmap, ...], status: int) -> None:
    assert _run("check", str(_folder(tmp_path / "plans", *plans)), "--cascade-only")[0] == status


def test_today_reaches_each_plans_checks(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "plans", REGION, municipal(*FAITHFUL))
    _, before, _ = _run("check", str(folder), "--format", "json")
    _, after, _ = _run("check", str(folder), "--format", "json", "--today", "2024-06-01")
    assert "GR701" not in json.loads(before)["by_code"]
    assert json.loads(after)["by_code"]["GR701"] >= 4  # every dated measure of both plans is overdue


@pytest.mark.parametrize(("kind", "starts"), [("html", b"<!DOCTYPE html>"), ("xlsx", b"PK")])
def test_the_summary_written(folder: Path, tmp_path: Path, kind: str, starts: bytes) -> None:
    target = tmp_path / f"summary.{kind}"
    status, _, err = _run("check", str(folder), "--to", kind, "-o", str(target))
    assert (status, err) == (1, "")
    assert target.read_bytes().startswith(starts)


def test_given_parents_and_english(folder: Path) -> None:
    _, out, _ = _run("check", str(folder), "--parent", "school-5=city2", "--lang", "en", "--format", "json")
    rows = {row["plan"]: row for row in json.loads(out)["plans"]}
    assert rows["school-5"]["parent"] == "city2"


def test_a_single_plan_is_checked_as_before(folder: Path) -> None:
    status, out, _ = _run("check", str(folder / "01-city0.yaml"), "--limit", "1")
    assert status == 1
    assert "Планов:" not in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--jobs", "2"), "--jobs: for a folder of plans, and"),
        (("--to", "html", "-o", "x.html"), "--to, --output: for a folder of plans, and"),
        (("--cascade-only",), "--cascade-only: for a folder of plans"),
        (("--parent", "a=b"), "--parent: for a folder of plans"),
    ],
)
def test_folder_options_on_a_single_plan_say_so(folder: Path, argv: tuple[str, ...], says: str) -> None:
    status, out, err = _run("check", str(folder / "00-region.yaml"), *argv)
    assert (status, out) == (2, "")
    assert says in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--limit", "5"), "--limit choose the findings printed for one plan"),
        (("--all",), "--all choose the findings printed for one plan"),
        (("--example", "yurga-2024"), "either a FILE or FOLDER or --example NAME"),
        (("--jobs", "-1"), "--jobs -1 is not valid"),
        (("--to", "html"), "--to html needs -o FILE"),
    ],
)
def test_bad_input_on_a_folder_says_what_is_wrong(folder: Path, argv: tuple[str, ...], says: str) -> None:
    status, out, err = _run("check", str(folder), *argv)
    assert (status, out) == (2, "")
    assert says in err


def test_folder_options_on_an_example_or_on_nothing() -> None:
    status, _, err = _run("check", "--example", "yurga-2024", "--to", "html", "-o", "x.html")
    assert status == 2
    assert "--example yurga-2024 is one plan; to export one plan's report: gia-roadmap export" in err
    status, _, err = _run("check", "--jobs", "2")
    assert status == 2
    assert "name a roadmap" in err


def test_a_folder_of_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    status, _, err = _run("check", str(tmp_path))
    assert status == 2
    assert "no plan could be read" in err


def test_other_commands_take_one_plan_file(folder: Path, tmp_path: Path) -> None:
    status, _, err = _run("export", str(folder), "--to", "json", "-o", str(tmp_path / "x.json"))
    assert status == 2
    assert "is a folder; this command takes one plan file" in err
