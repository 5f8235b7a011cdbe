"""How :func:`~gia_roadmap.plan.checks.check` runs: :class:`CheckOptions` and the standard
categories of exam staff to be trained."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from gia_roadmap.calendar.terms import (
    ResolveOptions,
)
from gia_roadmap.errors import Language, Severity
from gia_roadmap.plan.categories import SpecialistCategory
from gia_roadmap.plan.fields import check_fields, value_error
from gia_roadmap.plan.findings import Suppression

__all__ = ["STANDARD_TRAINED_CATEGORIES", "CheckOptions"]

STANDARD_TRAINED_CATEGORIES: tuple[SpecialistCategory, ...] = (
    SpecialistCategory.MUNICIPAL_COORDINATOR,
    SpecialistCategory.RIS_OFFICER,
    SpecialistCategory.SUBJECT_COMMISSION_CHAIR,
    SpecialistCategory.SUBJECT_COMMISSION_EXPERT,
    SpecialistCategory.APPEAL_COMMISSION_MEMBER,
    SpecialistCategory.PPE_HEAD,
    SpecialistCategory.PPE_ORGANISER,
    SpecialistCategory.PPE_TECHNICAL_SPECIALIST,
    SpecialistCategory.GEK_MEMBER,
    SpecialistCategory.PUBLIC_OBSERVER,
    SpecialistCategory.SCANNING_OPERATOR,
    SpecialistCategory.RCOI_SPECIALIST,
)
"""The categories of exam staff every plan that trains staff should train (the list of the 000
order «Об организации подготовки специалистов, привлекаемых к проведению ГИА»)."""


def _codes(values: Iterable[str] | str) -> frozenset[str]:
    """Codes as a set: «GR401» or «GR401, GR702» is one or several codes (never a set of letters)."""
    if isinstance(values, str):
        return frozenset(code.strip() for code in values.split(",") if code.strip())
    if not isinstance(values, Iterable):
        return values  # not codes: check_fields names the field
    return frozenset(values)


def _suppressions(values: Iterable[Suppression]) -> tuple[Suppression, ...]:
    if not isinstance(values, Iterable):
        return values  # not suppressions: check_fields names the field
    return tuple(values)


@attrs.frozen(kw_only=True)
class CheckOptions:
    """How :func:`check` runs.

    Attributes:
        severities: severity per code, overriding the catalogue default (``{"GR401": Severity.WARNING}``).
        select: run only these codes (None: all).
        ignore: never run these codes.
        suppressions: findings not to act on, per measure with a reason; suppressed findings stay in
            the report (``finding.suppressed``).
        load_threshold: GR702 fires when one body has more than this many deadlines in one month.
        standard_categories: the categories GR601 expects a training measure for; None (the
            default) expects those of the plan's level (``plan/data/training.toml``).
        resolve_options: counting rules for deadlines (:class:`~gia_roadmap.calendar.terms.ResolveOptions`).
        suggest: report suggested links from wording markers (GR105).
        min_suggestion_score: the least share of word stems a suggested predecessor's title must share.
        known_abbreviations: abbreviations GR401 accepts without a definition, besides the standard ones.
        lang: the language of the findings' messages, ``"ru"`` (the default) or ``"en"``.
    """

    severities: Mapping[str, Severity] = attrs.field(factory=dict)
    select: frozenset[str] | None = attrs.field(default=None, converter=attrs.converters.optional(_codes))
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    suppressions: tuple[Suppression, ...] = attrs.field(default=(), converter=_suppressions)
    load_threshold: int = 15
    standard_categories: tuple[SpecialistCategory, ...] | None = None
    resolve_options: ResolveOptions | None = None
    suggest: bool = True
    min_suggestion_score: float = 0.5
    known_abbreviations: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    lang: Language = "ru"

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        if self.load_threshold < 0:
            raise value_error(CheckOptions, "load_threshold", f"got {self.load_threshold}", "a count ≥ 0")
        if not 0 <= self.min_suggestion_score <= 1:
            raise value_error(
                CheckOptions, "min_suggestion_score", f"got {self.min_suggestion_score}", "a share, 0 to 1"
            )

    def enabled(self, code: str) -> bool:
        """True when ``code`` runs under these options."""
        return (self.select is None or code in self.select) and code not in self.ignore
