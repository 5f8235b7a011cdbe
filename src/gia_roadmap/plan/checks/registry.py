"""The registry of checks: ``@rule("GR501", Severity.ERROR)`` on a check function declares its code.

Each family module of :mod:`gia_roadmap.plan.checks` decorates its check functions; importing the
package registers them all. The registry is the single source of the catalogue: which codes exist,
their default severity, whether a code is a *finding* (a claim about the document) or a *reading
notice* (what the library could not read), and — in the function's docstring — what it catches and
what it deliberately does not. The texts people read (title, message, hint in Russian and English)
come from the message catalogue (:mod:`gia_roadmap.plan.messages`); :func:`catalogue` joins both.
A code is registered once: a second function for the same code fails at import.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from gia_roadmap.errors import InvalidValueError, Language, Severity
from gia_roadmap.plan.messages import code_text

if TYPE_CHECKING:
    from gia_roadmap.plan.findings import Finding

__all__ = [
    "CheckFunction",
    "CodeInfo",
    "FindingKind",
    "Rule",
    "catalogue",
    "default_severity",
    "kind_of",
    "registered",
    "rule",
]

CheckFunction = Callable[[Any], Iterable["Finding"]]
"""A check: the context of one run (:class:`~gia_roadmap.plan.checks.context.CheckContext`) in, the
findings of its code out."""


class FindingKind(enum.Enum):
    """What a code speaks about."""

    FINDING = "finding"
    """A claim about the document («замечание»): something in it is wrong or missing, with evidence."""
    NOTICE = "notice"
    """A reading notice («уведомление о чтении»): something the library could not read or check. Never
    counted as a defect of the document."""


@attrs.frozen
class Rule:
    """One registered check: its code, default severity, kind and function."""

    code: str
    severity: Severity
    kind: FindingKind
    function: CheckFunction


@attrs.frozen
class CodeInfo:
    """One entry of the catalogue: a registered code with its texts.

    Attributes:
        code: the stable code («GR501»).
        name: a short snake_case name («duplicate_number»).
        severity: the default severity (configurable per run).
        kind: finding or reading notice.
        title: one line saying what the code means, in Russian (:meth:`text` for English).
        catches: what the check reports and what it deliberately does not (its docstring).
    """

    code: str
    name: str
    severity: Severity
    kind: FindingKind
    title: str
    catches: str

    def text(self, part: str = "title", lang: Language = "ru") -> str:
        """The ``part`` («title», «hint» or the message template «message») in ``lang``."""
        entry = code_text(self.code)
        if entry is None:  # pragma: no cover - a test keeps the registry and the catalogue equal
            return ""
        return str(getattr(entry.text(lang), part))


_F = TypeVar("_F", bound=CheckFunction)

_RULES: dict[str, Rule] = {}


def rule(code: str, severity: Severity, *, kind: FindingKind = FindingKind.FINDING) -> Callable[[_F], _F]:
    """Register the decorated function as the check that reports ``code`` with ``severity`` by default."""

    def register(function: _F) -> _F:
        held = _RULES.get(code)
        if held is not None and held.function is not function:
            raise InvalidValueError(
                f"{code} is registered twice: {held.function.__qualname__} and {function.__qualname__}"
            )
        _RULES[code] = Rule(code, severity, kind, function)
        return function

    return register


def registered() -> tuple[Rule, ...]:
    """Every registered check, in code order."""
    return tuple(rule for _, rule in sorted(_RULES.items()))


def default_severity(code: str) -> Severity:
    """The default severity of a registered ``code``."""
    return _RULES[code].severity


def kind_of(code: str) -> FindingKind:
    """Whether ``code`` is a finding or a reading notice (a code not registered is a finding)."""
    held = _RULES.get(code)
    return FindingKind.FINDING if held is None else held.kind


def catalogue() -> Mapping[str, CodeInfo]:
    """Every registered code with its name, severity, kind, Russian title and what it catches."""
    out: dict[str, CodeInfo] = {}
    for item in registered():
        entry = code_text(item.code)
        out[item.code] = CodeInfo(
            code=item.code,
            name="" if entry is None else entry.name,
            severity=item.severity,
            kind=item.kind,
            title="" if entry is None else entry.ru.title,
            catches=inspect.cleandoc(item.function.__doc__ or ""),
        )
    return out
