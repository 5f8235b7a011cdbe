"""What an import is asked to do and what it gives back."""

from __future__ import annotations

import attrs

from gia_roadmap.calendar import SchoolYear
from gia_roadmap.calendar.exams import (
    ExamScope,
)
from gia_roadmap.errors import Problem
from gia_roadmap.io.tables import (
    RawDocument,
)
from gia_roadmap.plan.model import (
    PlanLevel,
    Roadmap,
)
from gia_roadmap.plan.people import NameOrder

__all__ = ["ImportOptions", "ImportResult"]


@attrs.frozen
class ImportOptions:
    """How to import a document.

    Attributes:
        plan_ids: ids for the roadmaps found, in document order; missing ones are made from the
            source name («plan», «plan-2» …).
        school_year: the school year months without a year belong to; by default read from the
            title block (every usual form: «на 2025/2026 учебный год», «ГИА-2026», «в 2026 году»),
            failing that inferred from the dated deadlines or the order's date, and said so.
        level: the plan's level (regional, municipal, school); by default read from the issuer and
            the title, failing that from the responsible parties.
        exam_scope: the exams the whole plan is about («ГИА-9», «ЕГЭ» …): measures whose own words,
            group row and section name none get these (recorded in their provenance).
        split_stacked_events: a row whose «Мероприятия» cell stacks several events and whose
            «Сроки» cell stacks as many deadlines becomes one measure per event.
        appendix_as_section: a table introduced as «Приложение N к плану …» becomes a section of
            the current roadmap (else a roadmap of its own).
        name_order: how the document writes names (decided per cell when UNKNOWN).
    """

    plan_ids: tuple[str, ...] = ()
    school_year: SchoolYear | None = None
    level: PlanLevel | None = None
    exam_scope: tuple[ExamScope, ...] = ()
    split_stacked_events: bool = True
    appendix_as_section: bool = True
    name_order: NameOrder = NameOrder.UNKNOWN


@attrs.frozen
class ImportResult:
    """The roadmaps read from one document, the problems found, and the raw document.

    Attributes:
        roadmaps: one per plan in the document, in order.
        problems: everything kept but not placed or read, reader problems included; each is located
            in the file and, once it belongs to a plan, by ``location.plan``.
        document: the raw tables the roadmaps were built from.
    """

    roadmaps: tuple[Roadmap, ...]
    problems: tuple[Problem, ...]
    document: RawDocument

    @property
    def roadmap(self) -> Roadmap:
        """The first (usually the only) roadmap."""
        return self.roadmaps[0]
