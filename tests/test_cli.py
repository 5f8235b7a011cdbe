"""The gia-roadmap command: good and bad input."""

import io
import json
import subprocess
import sys

import pytest

from gia_roadmap.calendar import ResolutionStatus
from gia_roadmap.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_calendar_year_report() -> None:
    status, out, err = _run("calendar", "2025")
    assert status == 0
    assert err == ""
    assert "Производственный календарь на 2025 год" in out
    assert "№ 1335 от 04.10.2024" in out
    assert "Итого за 2025 год: календарных дней 365, рабочих 247" in out
    assert out.count("Пн   Вт") == 12


def test_calendar_month_marks_day_kinds() -> None:
    status, out, _ = _run("calendar", "2025", "--month", "6")
    assert status == 0
    assert "Июнь 2025: рабочих дней 19" in out
    assert "12П" in out
    assert "13т" in out
    assert "11*" in out


def test_six_day_week() -> None:
    status, out, _ = _run("calendar", "2025", "--month", "6", "--six-day")
    assert status == 0
    assert "шестидневная" in out
    assert "14в" not in out


def test_year_outside_coverage_is_a_clear_error() -> None:
    status, out, err = _run("calendar", "2040")
    assert status == 2
    assert out == ""
    assert "2040 is outside the official production calendar" in err
    assert "--rules-only" in err or "rules_only" in err


def test_rules_only_estimate_is_marked() -> None:
    status, out, _ = _run("calendar", "2040", "--rules-only", "--month", "3")
    assert status == 0
    assert "ОЦЕНКА" in out


def test_bad_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["calendar", "twenty"])
    assert caught.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gia_roadmap.cli", "calendar", "2024", "--month", "4"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "27р" in result.stdout


def test_resolve_relative_term_against_exam_days() -> None:
    status, out, err = _run(
        "resolve",
        "не позднее чем за 1 рабочий день до дня проведения экзамена",
        "--exam-day",
        "2025-06-16",
        "--exam-day",
        "16.06.2024",
    )
    assert status == 0, err
    assert "Прочитано:    не позднее чем за 1 рабочий день до дня проведения экзамена" in out
    assert "не позднее 11.06.2025 (ср, рабочий день) — событие 16.06.2025" in out
    assert "не позднее 14.06.2024 (пт, рабочий день) — событие 16.06.2024" in out
    assert "Срок:         11.06.2025 (ср, рабочий день)" in out
    assert "Relative(" not in out


def test_resolve_month_range_with_school_year() -> None:
    status, out, _ = _run("resolve", "август – сентябрь", "--school-year", "2023")
    assert status == 0
    assert "Даты:         с 01.08.2023 (вт, рабочий день) по 30.09.2023 (сб, выходной день)" in out
    assert "Состояние" not in out


def test_resolve_relative_without_events_says_why() -> None:
    status, out, _ = _run("resolve", "в течение 2 дней со дня принятия решения")
    assert status == 0
    assert "нет дат события, от которого отсчитывается срок: «принятия решения»" in out
    assert "--event «admission_decision=ДАТА»" in out


def test_resolve_binds_an_open_anchor_by_its_words() -> None:
    status, out, _ = _run(
        "resolve",
        "в течение 2 рабочих дней со дня получения сведений",
        "--event",
        "Получения сведений=2025-03-03",
    )
    assert status == 0
    assert "событие названо своими словами" in out
    assert "с 04.03.2025 (вт, рабочий день) по 05.03.2025 (ср, рабочий день)" in out


def test_resolve_named_event() -> None:
    status, out, _ = _run(
        "resolve",
        "не позднее 2 календарных дней с момента принятия решения АК",
        "--event",
        "ak_decision=2025-06-20",
    )
    assert status == 0
    assert "с 21.06.2025 (сб, выходной день) по 22.06.2025 (вс, выходной день)" in out


def test_resolve_strict_mode_reports_the_position() -> None:
    status, out, err = _run("resolve", "абракадабра 2023", "--strict")
    assert status == 2
    assert out == ""
    assert "«абракадабра 2023»" in err  # the text, then where reading stopped: from its first character
    assert "символы 1–16" in err


def test_resolve_lenient_mode_keeps_unparsed_text() -> None:
    status, out, _ = _run("resolve", "абракадабра 2023")
    assert status == 0
    assert "Состояние:    текст не прочитан: чтение остановилось здесь: «⟨…⟩абракадабра 2023»" in out


def test_resolve_json_for_programs() -> None:
    status, out, _ = _run("resolve", "август – сентябрь", "--school-year", "2023", "--json")
    assert status == 0
    document = json.loads(out)
    assert document["kind"] == "month_range"
    assert document["canonical"] == "август – сентябрь"
    assert document["term"]["kind"] == "month_range"
    assert document["status"] == "resolved"
    assert document["windows"] == [
        {"start": "2023-08-01", "end": "2023-09-30", "open_start": False, "open_end": False, "label": ""}
    ]
    assert document["due"] == "2023-09-30"


def test_resolve_prints_every_flag_in_russian() -> None:
    from gia_roadmap.cli.resolve_view import FLAGS_RU, STATUS_RU

    assert set(STATUS_RU) == set(ResolutionStatus)
    status, out, _ = _run("resolve", "Сентябрь, март", "--school-year", "2022")
    assert status == 0
    assert "Пометки:      год не написан и взят из учебного года" in out
    assert "assumed_year" not in out
    assert all(flag.isascii() and text[0].islower() for flag, text in FLAGS_RU.items())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["resolve", "x", "--event", "foo=2025-01-01"], "is not an anchor"),
        (["resolve", "x", "--event", "exam_day"], "write ANCHOR=DATE"),
        (["resolve", "x", "--exam-day", "16/06/2025"], "is not a date"),
    ],
)
def test_resolve_bad_arguments(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert message in capsys.readouterr().err
