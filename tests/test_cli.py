"""The gia-roadmap command: good and bad input."""

import io
import subprocess
import sys

import pytest

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
