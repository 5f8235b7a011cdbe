"""Reading a set of plans from files and folders («загрузка каскада планов»).

:func:`read_plans` reads every plan named — a saved roadmap (``.json``, ``.yaml``, ``.yml``) or a
table to import (:data:`~gia_roadmap.io.formats.SUPPORTED_SUFFIXES`), a folder's plan files in name
order — and keeps going past a file that cannot be read: it is reported, as a problem with the file's
name, and skipped. Plan ids are made unique in the order read (a second «plan» becomes «plan-2»).
:meth:`PlansRead.plan_set` then builds the :class:`~gia_roadmap.plan.cascade.PlanSet`, its parents
given or inferred from the documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from gia_roadmap.errors import GiaRoadmapError, InvalidValueError, Location, Problem, Severity
from gia_roadmap.io.files import load
from gia_roadmap.io.formats import SUPPORTED_SUFFIXES
from gia_roadmap.io.importing import ImportOptions, import_file
from gia_roadmap.plan.cascade import PlanSet
from gia_roadmap.plan.model import Roadmap

__all__ = ["SAVED_SUFFIXES", "PlansRead", "plan_files", "read_plans"]

SAVED_SUFFIXES = (".json", ".yaml", ".yml")
"""The suffixes of saved roadmaps (:func:`gia_roadmap.io.load`)."""


@attrs.frozen
class PlansRead:
    """The plans read from files, with what could not be read.

    Attributes:
        plans: the plans, in the order read, their ids unique.
        problems: a problem per file that could not be read (code ``unreadable-plan``), and the
            importer's problems of the files that could.
    """

    plans: tuple[Roadmap, ...] = ()
    problems: tuple[Problem, ...] = ()

    def plan_set(self, parents: Mapping[str, str | None] | None = None) -> PlanSet:
        """The plans as a :class:`~gia_roadmap.plan.cascade.PlanSet`, with the ``parents`` given and
        the others inferred (:meth:`~gia_roadmap.plan.cascade.PlanSet.build`)."""
        return PlanSet.build(self.plans, parents)


def plan_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The plan files named: a file as given; a folder's files with a plan suffix, in name order (its
    subfolders are not read).

    Raises:
        InvalidValueError: a path that is neither a file nor a folder.
    """
    suffixes = {*SAVED_SUFFIXES, *SUPPORTED_SUFFIXES}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
        elif path.is_file():
            yield path
        else:
            raise InvalidValueError(f"{given}: no such file or folder")


def read_plans(
    paths: Iterable[str | Path],
    *,
    options: ImportOptions | None = None,
    progress: Callable[[Path], None] | None = None,
) -> PlansRead:
    """Every plan of the files and folders named (see the module docstring).

    Args:
        paths: files and folders.
        options: what the importer cannot always read from a table (school year, level, exams).
        progress: called with each file before it is read (a progress bar's hook).

    Raises:
        InvalidValueError: a path that is neither a file nor a folder. A file that cannot be read is
            never raised: it is a problem of the result.
    """
    plans: list[Roadmap] = []
    problems: list[Problem] = []
    for path in list(plan_files(paths)):
        if progress is not None:
            progress(path)
        try:
            if path.suffix.lower() in SAVED_SUFFIXES:
                plans.append(load(path))
            else:
                result = import_file(path, options)
                plans.extend(result.roadmaps)
                problems.extend(result.problems)
                if not result.roadmaps:
                    problems.append(_unreadable(path, "в файле нет таблицы плана (нужна графа сроков)"))
        except GiaRoadmapError as error:
            problems.append(_unreadable(path, str(error)))
    return PlansRead(tuple(_unique(plans)), tuple(problems))


def _unreadable(path: Path, why: str) -> Problem:
    return Problem(
        code="unreadable-plan",
        severity=Severity.WARNING,
        location=Location(file=path.name),
        message=f"файл не прочитан и пропущен: {why}",
    )


def _unique(plans: Iterable[Roadmap]) -> Iterator[Roadmap]:
    """The plans with ids made unique («plan», «plan-2») in the order read."""
    seen: set[str] = set()
    for plan in plans:
        plan_id, n = plan.id, 1
        while plan_id in seen:
            n += 1
            plan_id = f"{plan.id}-{n}"
        seen.add(plan_id)
        yield plan if plan_id == plan.id else attrs.evolve(plan, id=plan_id)
