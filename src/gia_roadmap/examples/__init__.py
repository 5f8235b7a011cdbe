"""The seed roadmaps as bundled datasets: ``names()`` and ``load(name)``.

Seven roadmaps from five real documents (text conversions of Word tables), produced by the importer
(:mod:`gia_roadmap.io.importing`) from the bundled seed texts plus a small reviewed corrections file
(``corrections.toml``: each correction names the seed, the line, the text before and after, and why):

=============================  ====  ============================================================
name                           seed  document
=============================  ====  ============================================================
``kuzbass-training-2024``      000   Кузбасс: plan of training the specialists who run ГИА-11
``yurga-2024``                 001   Юрга: «Дорожная карта» ГИА-9 and ГИА-11 in 2024
``altai-2024``                 002   Алтайский край: plan ГИА-2024 with its appendices 1 and 2
``kogalym-2022``               003   Когалым: plan 2021/2022 and the September period 2022
``smolensk-objectivity-2023``  004 A Смоленск: objectivity of assessment 2022/2023 (order № 645)
``smolensk-attitude-2023``     004 B Смоленск: positive attitude to assessment (order № 653)
``smolensk-gia-2023``          004 C Смоленск: plan ГИА-2023 (order № 408)
=============================  ====  ============================================================

The two appendices of 002 («Приложение 1», «Приложение 2 к плану мероприятий …») are sections of
``altai-2024``, not roadmaps of their own: they are approved by the same order, name themselves parts
of the plan, and their measures are run by the same people; a user asking for the Altai plan expects
them. The three plans of 004 are separate roadmaps: each has its own order, number and date.

``load`` reads the bundled JSON (``data/<name>.json``, written by ``scripts/regenerate_examples.py``),
which a test keeps equal to a fresh import; ``build`` imports afresh from the seed text. Nothing the
import reported is hidden: ``problems(name)`` gives every problem of that import at its place in the
seed (``data/<name>.problems.json``, kept equal to ``fresh_problems(name)`` by the same test).

>>> from gia_roadmap import examples
>>> len(examples.load("kogalym-2022").measures)
99
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib import resources
from typing import Any

import attrs

from gia_roadmap.errors import InvalidValueError, Location, Problem, Severity, UnknownExampleError
from gia_roadmap.io.importing import ImportOptions, ImportResult, import_text
from gia_roadmap.plan.model import Roadmap

__all__ = [
    "Correction",
    "apply_corrections",
    "build",
    "corrections",
    "fresh_problems",
    "import_result",
    "load",
    "names",
    "problem_from_dict",
    "problems",
    "problems_json",
    "seed_text",
]


def __dir__() -> list[str]:
    """The public names only: no helper or import leaks into ``dir()``."""
    return sorted(__all__)


@attrs.frozen
class _Example:
    seed: str
    index: int  # which roadmap of the seed document


_EXAMPLES: dict[str, _Example] = {
    "kuzbass-training-2024": _Example("000", 0),
    "yurga-2024": _Example("001", 0),
    "altai-2024": _Example("002", 0),
    "kogalym-2022": _Example("003", 0),
    "smolensk-objectivity-2023": _Example("004", 0),
    "smolensk-attitude-2023": _Example("004", 1),
    "smolensk-gia-2023": _Example("004", 2),
}


@attrs.frozen
class Correction:
    """One reviewed correction of a seed text.

    Attributes:
        seed: the seed prefix («002»).
        line: the 1-based line of the original seed where ``before`` starts.
        before: the exact text as the conversion wrote it.
        after: the text it is replaced with.
        why: the reason, for the reviewer.
    """

    seed: str
    line: int
    before: str
    after: str
    why: str


def names() -> tuple[str, ...]:
    """The names of the bundled example roadmaps, in seed order."""
    return tuple(_EXAMPLES)


def _files() -> resources.abc.Traversable:
    return resources.files(__name__)


def seed_text(seed: str) -> str:
    """The bundled seed text with this prefix («000» … «004»), as converted (uncorrected)."""
    folder = _files() / "seeds"
    for entry in folder.iterdir():
        if entry.name.startswith(f"{seed}_") and entry.name.endswith(".txt"):
            return entry.read_text(encoding="utf-8")
    raise UnknownExampleError(f"no bundled seed {seed!r}; the seeds are 000, 001, 002, 003 and 004")


def _seed_file_name(seed: str) -> str:
    folder = _files() / "seeds"
    return next(e.name for e in folder.iterdir() if e.name.startswith(f"{seed}_") and e.name.endswith(".txt"))


@functools.cache
def corrections() -> tuple[Correction, ...]:
    """Every reviewed correction in ``corrections.toml``."""
    data = tomllib.loads((_files() / "corrections.toml").read_text(encoding="utf-8"))
    return tuple(
        Correction(str(c["seed"]), int(c["line"]), str(c["before"]), str(c["after"]), str(c["why"]))
        for c in data.get("correction", ())
    )


def apply_corrections(seed: str, text: str, items: tuple[Correction, ...] | None = None) -> str:
    """The seed text with its corrections applied (bottom-up, so line numbers refer to the original).

    Raises:
        ValueError: a correction's ``before`` text does not start on its line.
    """
    chosen = [c for c in (corrections() if items is None else items) if c.seed == seed]
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for correction in sorted(chosen, key=lambda c: c.line, reverse=True):
        if not 1 <= correction.line < len(starts):
            raise InvalidValueError(f"seed {seed}: correction at line {correction.line} is outside the text")
        begin, end = starts[correction.line - 1], starts[correction.line]
        index = text.find(correction.before, begin)
        if index < 0 or index >= end:
            raise InvalidValueError(
                f"seed {seed}: the text to correct at line {correction.line} was not found there"
            )
        text = text[:index] + correction.after + text[index + len(correction.before) :]
    return text


@functools.cache
def _import_seed(seed: str) -> ImportResult:
    ids = tuple(name for name, ex in _EXAMPLES.items() if ex.seed == seed)
    text = apply_corrections(seed, seed_text(seed))
    return import_text(text, ImportOptions(plan_ids=ids), source=_seed_file_name(seed))


def _example(name: str) -> _Example:
    try:
        return _EXAMPLES[name]
    except KeyError:
        raise UnknownExampleError(f"unknown example {name!r}; known: {', '.join(_EXAMPLES)}") from None


def build(name: str) -> Roadmap:
    """Import the example afresh from its seed text and corrections (slow; ``load`` is fast)."""
    example = _example(name)
    return _import_seed(example.seed).roadmaps[example.index]


def import_result(name: str) -> ImportResult:
    """The full import of the example's seed document (with the problems found), imported afresh."""
    return _import_seed(_example(name).seed)


def fresh_problems(name: str) -> tuple[Problem, ...]:
    """The problems the importer reports for this example's plan, imported afresh (slow; ``problems``
    reads the bundled list, which a test keeps equal to this)."""
    return tuple(p for p in import_result(name).problems if p.location.plan in ("", name))


@functools.cache
def problems(name: str) -> tuple[Problem, ...]:
    """The problems the importer reported for this example's plan, each at its place in the seed text
    («файл 001_….txt, таблица 1, строка 95, план yurga-2024: …»): what it repaired (a row continued
    after a page break, cells moved back into their column), what it guessed (a blank cell filled
    from the row above) and what it could not read. Read from the bundled ``data/<name>.problems.json``
    (written with the roadmap by ``scripts/regenerate_examples.py``); ``gia-roadmap check --example``
    shows them as the import's problems.

    >>> from gia_roadmap import examples
    >>> {p.code for p in examples.problems("kogalym-2022")}
    {'continuation'}

    Raises:
        UnknownExampleError: an unknown name.
    """
    _example(name)
    data = json.loads((_files() / "data" / f"{name}.problems.json").read_text(encoding="utf-8"))
    return tuple(problem_from_dict(item) for item in data)


def problems_json(problems: tuple[Problem, ...]) -> str:
    """The problems as the bundled JSON list (:meth:`Problem.to_dict` per problem, one per line)."""
    lines = ",\n".join("  " + json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) for p in problems)
    return f"[\n{lines}\n]\n" if problems else "[]\n"


def problem_from_dict(data: dict[str, Any]) -> Problem:
    """A problem from :meth:`Problem.to_dict` (lists of a location back to tuples).

    Raises:
        InvalidValueError: a part is missing or of the wrong kind.
    """
    try:
        parts = data["location"].items()
        where: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in parts}
        return Problem(
            code=data["code"],
            severity=Severity(data["severity"]),
            location=Location(**where),
            message=data["message"],
            expected=data.get("expected", ""),
            evidence=data.get("evidence", ""),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidValueError(f"not a bundled problem: {data!r:.200} ({error})") from None


@functools.cache
def load(name: str) -> Roadmap:
    """The bundled example roadmap (read from its JSON; see ``names()``).

    Raises:
        KeyError: an unknown name.
    """
    from gia_roadmap import io

    _example(name)
    data = (_files() / "data" / f"{name}.json").read_text(encoding="utf-8")
    return io.loads(data)
