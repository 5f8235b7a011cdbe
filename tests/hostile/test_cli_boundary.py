"""The command's one boundary (issue 19): bad input exits 2 with one line on standard error (Russian by
default), an internal error exits 70 with one line (the traceback only with ``--debug``), a reader that
goes away ends the command quietly (141), and ``--version`` works."""

from __future__ import annotations

import io as text_io
import subprocess
import sys
from pathlib import Path

import pytest

from gia_roadmap import cli
from gia_roadmap.cli import boundary
from gia_roadmap.plan import Roadmap

ROOT = Path(__file__).resolve().parents[2]


def _main(*argv: str) -> tuple[int, str, str]:
    out, err = text_io.StringIO(), text_io.StringIO()
    status = cli.main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _bad_files(tmp: Path) -> dict[str, Path]:
    from gia_roadmap import io

    files = {
        "deep.json": ('{"schema_version": 1, "roadmap": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(),
        "cp1251.json": io.dumps(Roadmap("x", title="Дорожная карта")).encode("cp1251"),
        "bomb.yaml": (
            "schema_version: 1\nroadmap:\n  id: b\n  notes: &a [x, x]\n"
            + "".join(f"  n{i}: &a{i} [*a, *a]\n" for i in range(3))
        ).encode(),
        "missing-fields.json": b'{"schema_version": 1, "roadmap": {"title": 5, "level": "planetary"}}',
    }
    out = {}
    for name, data in files.items():
        path = tmp / name
        path.write_bytes(data)
        out[name] = path
    return out


@pytest.mark.parametrize("name", ["deep.json", "cp1251.json", "bomb.yaml", "missing-fields.json"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_bad_roadmap_file_exits_2_with_one_russian_line(tmp_path: Path, name: str, command: str) -> None:
    path = _bad_files(tmp_path)[name]
    extra = ["--to", "json", "-o", str(tmp_path / "out.json")] if command == "export" else []
    status, out, err = _main(command, str(path), *extra)
    assert status == boundary.EXIT_BAD_INPUT
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("gia-roadmap: ошибка: файл дорожной карты не читается: файл ")
    assert str(path) in err


@pytest.mark.parametrize(
    ("argv", "title"),
    [
        (["check", "/nonexistent/plan.json"], "неверный вызов"),
        (["check", "--example", "no-such-example"], "неверный вызов"),
        (["calendar", "2040"], "дата вне производственного календаря"),
    ],
)
def test_other_bad_input_exits_2_with_one_line(argv: list[str], title: str) -> None:
    status, _, err = _main(*argv)
    assert status == boundary.EXIT_BAD_INPUT
    assert err.count("\n") == 1, err
    assert f"ошибка: {title}: " in err


def test_english_lines_are_ready() -> None:
    error = FileNotFoundError(2, "No such file or directory", "plan.json")
    assert boundary.error_line(error, "en") == (
        "gia-roadmap: error: file not accessible: plan.json: No such file or directory"
    )


def _crash(*_: object) -> int:
    raise ZeroDivisionError("a bug")


def test_an_internal_error_exits_70_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_run", _crash)
    status, out, err = _main("examples")
    assert status == boundary.EXIT_INTERNAL == 70
    assert out == ""
    assert err.count("\n") == 1
    assert "внутренняя ошибка" in err
    assert "ZeroDivisionError: a bug" in err
    assert "--debug" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    monkeypatch.setattr(cli, "_run", _crash)
    argv = ["--debug", "examples"] if where == "before" else ["examples", "--debug"]
    status, _, err = _main(*argv)
    assert status == boundary.EXIT_INTERNAL
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().endswith("ZeroDivisionError: a bug")


class _GoneReader(text_io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_broken_pipe_ends_quietly() -> None:
    err = text_io.StringIO()
    status = cli.main(["calendar", "2025"], stdout=_GoneReader(), stderr=err)
    assert status == boundary.EXIT_BROKEN_PIPE
    assert err.getvalue() == ""


def test_a_broken_pipe_leaves_a_host_s_standard_output_alone(capfd: pytest.CaptureFixture[str]) -> None:
    # Regression: the boundary once pointed the descriptor behind a *replaced* sys.stdout (here
    # pytest's capture file) at /dev/null, and every later test failed with EBADF.
    cli.main(["calendar", "2025"], stdout=_GoneReader(), stderr=text_io.StringIO())
    print("still here")
    assert "still here" in capfd.readouterr().out


def test_a_broken_pipe_ends_quietly_in_a_real_pipe() -> None:
    command = [
        sys.executable,
        "-m",
        "gia_roadmap.cli",
        "check",
        "--example",
        "yurga-2024",
        "--format",
        "json",
    ]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert stderr == ""
    assert status in (boundary.EXIT_BROKEN_PIPE, 0, 1, 3)  # 0/1/3: it finished before the pipe closed


def test_version() -> None:
    from gia_roadmap import __version__

    done = subprocess.run(
        [sys.executable, "-m", "gia_roadmap.cli", "--version"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout == f"gia-roadmap {__version__}\n"
