"""The command's one boundary: every way a run can end becomes an exit status and at most one line.

Exit statuses (documented in the README and ``docs/getting-started.md``):

====  ==========================================================================================
0     success (for ``check``: nothing worse than info)
1     ``check`` found warnings
2     bad input: the arguments, a file that cannot be read, a document the library refuses
3     ``check`` found errors
70    an internal error: a bug of gia-roadmap, not of the input (``EX_SOFTWARE`` of sysexits.h)
130   interrupted (Ctrl+C)
141   the reader of the output went away (``gia-roadmap … | head``): nothing more is written
====  ==========================================================================================

Bad input and internal errors print one line on standard error, in Russian by default (``lang="en"``
for English). ``--debug`` adds the traceback after it.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Mapping
from typing import TextIO

from gia_roadmap.errors import (
    CalendarCoverageError,
    GiaRoadmapError,
    Language,
    RoadmapFormatError,
    ScheduleCoverageError,
    ScheduleDataError,
    TableReadError,
    TermSyntaxError,
    UnknownExampleError,
    UsageError,
)

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_WARNINGS",
    "error_line",
    "guarded",
]

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_BAD_INPUT = 2
EXIT_ERRORS = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

# What kind of bad input, by the error's class (the most specific class listed wins).
_TITLES: Mapping[Language, Mapping[type[BaseException], str]] = {
    "ru": {
        UsageError: "неверный вызов",
        RoadmapFormatError: "файл дорожной карты не читается",
        ScheduleDataError: "файл расписания экзаменов не читается",
        ScheduleCoverageError: "нет расписания экзаменов на этот учебный год",
        TableReadError: "документ не читается",
        TermSyntaxError: "срок не читается",
        CalendarCoverageError: "дата вне производственного календаря",
        UnknownExampleError: "нет такого примера",
        GiaRoadmapError: "неверные входные данные",
        OSError: "файл недоступен",
    },
    "en": {
        UsageError: "bad usage",
        RoadmapFormatError: "cannot read the roadmap file",
        ScheduleDataError: "cannot read the exam-schedule file",
        ScheduleCoverageError: "no exam schedule for this school year",
        TableReadError: "cannot read the document",
        TermSyntaxError: "cannot read the deadline",
        CalendarCoverageError: "date outside the production calendar",
        UnknownExampleError: "no such example",
        GiaRoadmapError: "bad input",
        OSError: "file not accessible",
    },
}
_WORDS: Mapping[Language, Mapping[str, str]] = {
    "ru": {
        "error": "ошибка",
        "more": "и ещё {}",
        "internal": "внутренняя ошибка gia-roadmap (а не ваших данных)",
        "report": "запустите с --debug и сообщите разработчикам",
        "interrupted": "прервано",
    },
    "en": {
        "error": "error",
        "more": "and {} more",
        "internal": "internal error of gia-roadmap (not of your data)",
        "report": "run with --debug and report it",
        "interrupted": "interrupted",
    },
}
_LONGEST = 400  # characters of detail on the one line


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _LONGEST else line[: _LONGEST - 1] + "…"


def _title(error: BaseException, lang: Language) -> str:
    titles = _TITLES[lang]
    for cls in type(error).__mro__:
        if cls in titles:
            return titles[cls]
    return titles[GiaRoadmapError]


def error_line(error: BaseException, lang: Language = "ru") -> str:
    """One line for a bad-input error: what kind of input failed, then where and what.

    A located error gives its first problem (its place in ``lang``) and how many more it holds;
    another gives its message, white space collapsed.
    """
    words = _WORDS[lang]
    problems = error.problems if isinstance(error, GiaRoadmapError) else ()
    if problems:
        first = problems[0]
        detail = first.describe(lang)
        if first.evidence and first.evidence not in detail:
            detail = f"«{_one_line(first.evidence)[:80]}» — {detail}"
        if len(problems) > 1:
            detail += f" ({words['more'].format(len(problems) - 1)})"
    elif isinstance(error, OSError) and error.strerror:
        detail = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        detail = str(error)
    return f"gia-roadmap: {words['error']}: {_title(error, lang)}: {_one_line(detail)}"


def _internal_line(error: BaseException, lang: Language) -> str:
    words = _WORDS[lang]
    detail = _one_line(f"{type(error).__name__}: {error}")
    return f"gia-roadmap: {words['internal']}: {detail}; {words['report']}"


def _silence_stdout() -> None:
    """After a broken pipe, point standard output at /dev/null, so the interpreter's final flush does
    not fail again (Python's documented way, "Note on SIGPIPE").

    Only the process's own standard output is redirected: when ``sys.stdout`` was replaced (a host
    program, pytest's capture), its descriptor belongs to someone else and is left alone.
    """
    stdout = sys.__stdout__
    if stdout is None or sys.stdout is not stdout:  # none, or replaced (a host, a test's capture)
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, stdout.fileno())
    except (OSError, ValueError):  # no real descriptor behind it
        pass
    finally:
        os.close(devnull)


def guarded(run: Callable[[], int], *, err: TextIO, debug: bool = False, lang: Language = "ru") -> int:
    """Run ``run`` and turn however it ends into an exit status (see the module docstring).

    Bad input (a :class:`~gia_roadmap.errors.GiaRoadmapError` or an :class:`OSError`) is exit 2, any
    other exception exit 70; each prints one line on ``err``, and the traceback too when ``debug``.
    """
    try:
        return run()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print(f"gia-roadmap: {_WORDS[lang]['interrupted']}", file=err)
        return EXIT_INTERRUPTED
    except (GiaRoadmapError, OSError) as error:
        _report(err, error_line(error, lang), error, debug)
        return EXIT_BAD_INPUT
    except Exception as error:  # the boundary: whatever escaped is a bug, told apart from bad input
        _report(err, _internal_line(error, lang), error, debug)
        return EXIT_INTERNAL


def _report(err: TextIO, line: str, error: BaseException, debug: bool) -> None:
    try:
        print(line, file=err)
        if debug:
            traceback.print_exception(error, file=err)
        err.flush()
    except (BrokenPipeError, ValueError):  # standard error is gone too: nothing left to tell
        pass
