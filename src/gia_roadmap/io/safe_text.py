"""Text made safe for the files the exports write: control characters, spreadsheet formulas.

Roadmaps are read from documents strangers send, so any text of a plan may hold what an output format
cannot carry or would execute. Every export passes its texts through the rules here:

* **Control characters** (управляющие символы) are mapped to their meaning where they have one: a
  vertical tab (what Word's "save as text" writes for a manual line break), a form feed, CR and CR LF,
  NEL (U+0085), the line and paragraph separators (U+2028, U+2029) and the information separators
  (U+001C–U+001E, which Python's ``str.splitlines`` also breaks on) become a line break ``"\\n"``. The
  other C0 controls, DEL, the non-characters U+FFFE and U+FFFF and lone surrogates have no meaning in
  a document and cannot be written to XML (XLSX, DOCX), iCalendar or UTF-8: they are dropped, and each
  drop is reported as a :class:`~gia_roadmap.errors.Problem` (code ``dropped-control-character``) at
  the place it was found, through a :class:`TextCleaner`. An export never crashes on them.
* **Spreadsheet formulas.** A CSV cell that a spreadsheet would evaluate — one starting with ``=``,
  ``+`` or ``@``, or with ``-`` followed by a digit or ``(`` — is written with a leading apostrophe
  (``'=СУММ(A1)``), the usual spreadsheet-safety practice: spreadsheets show it as text. «- провести …»
  (a dash and a space) is a list item, not a formula, and stays as written. A cell that already starts
  with apostrophes before such a text gets one more, so :func:`unguard_csv_cell` — which our CSV reader
  applies to every cell — gives back exactly what was written: the round trip is lossless. (XLSX needs
  no guard: its cells are written string-typed, never as formulas.)

>>> export_text("строка 1\\vстрока 2\\x00")
('строка 1\\nстрока 2', '\\x00')
>>> guard_csv_cell("=1+2"), guard_csv_cell("- провести совещание"), unguard_csv_cell("'=1+2")
("'=1+2", '- провести совещание', '=1+2')
"""

from __future__ import annotations

import re
import warnings

from gia_roadmap.errors import Location, Problem, Severity

__all__ = [
    "DROPPED_CONTROL_CHARACTER",
    "ExportWarning",
    "TextCleaner",
    "export_text",
    "guard_csv_cell",
    "unguard_csv_cell",
]

DROPPED_CONTROL_CHARACTER = "dropped-control-character"
"""The problem code of a character an export dropped."""

# Characters that mean a line break, and those that mean nothing an output can carry.
_BREAKS = "\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
_DROPPED = "[\x00-\x08\x0e-\x1b\x1f\x7f\ufffe\uffff\ud800-\udfff]"
_SPECIAL = re.compile(f"{_BREAKS}|{_DROPPED}")
_BREAK = re.compile(_BREAKS)
_DROP = re.compile(_DROPPED)

# A cell a spreadsheet evaluates (after any apostrophes already written before it).
_FORMULA = re.compile(r"'*(?:[=+@]|-[0-9(])")
_GUARDED = re.compile(r"'+(?:[=+@]|-[0-9(])")


def export_text(text: str) -> tuple[str, str]:
    """``text`` with its line-break characters made ``"\\n"`` and the characters no output can carry
    dropped; and the dropped characters, in order (empty when nothing was dropped)."""
    if _SPECIAL.search(text) is None:
        return text, ""
    text = _BREAK.sub("\n", text)
    dropped = "".join(_DROP.findall(text))
    return (_DROP.sub("", text) if dropped else text), dropped


def guard_csv_cell(text: str) -> str:
    """The CSV cell for ``text``: an apostrophe before a text a spreadsheet would evaluate (see the
    module docstring); any other text unchanged."""
    return "'" + text if _FORMULA.match(text) else text


def unguard_csv_cell(text: str) -> str:
    """The inverse of :func:`guard_csv_cell`: one apostrophe less before a guarded formula-like text
    (``unguard_csv_cell(guard_csv_cell(t)) == t`` for every text)."""
    return text[1:] if _GUARDED.match(text) else text


class ExportWarning(UserWarning):
    """An export changed what it was given (a dropped control character) and no problem list was
    passed to receive the :class:`~gia_roadmap.errors.Problem`."""


class TextCleaner:
    """Applies :func:`export_text` to the texts of one export and reports every dropped character.

    Args:
        export: the export's name for the messages («XLSX», «DOCX», «iCalendar», «HTML»).
        problems: a list that receives the problems; when None, :meth:`finish` issues one
            :class:`ExportWarning` per problem instead, so nothing is dropped silently.

    >>> from gia_roadmap.errors import Location
    >>> found = []
    >>> cleaner = TextCleaner("XLSX", found)
    >>> cleaner("a\\x07b", Location(plan="demo", measure="1.1", field="title"))
    'ab'
    >>> found[0].code, str(found[0].location)
    ('dropped-control-character', 'план demo, п. 1.1, графа «Мероприятие»')
    """

    def __init__(self, export: str, problems: list[Problem] | None = None) -> None:
        self.export = export
        self._problems = problems
        self._found: list[Problem] = []

    def __call__(self, text: str, location: Location | None = None) -> str:
        """``text`` made safe; a dropped character is reported at ``location``."""
        cleaned, dropped = export_text(text)
        if dropped:
            codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(dropped))
            problem = Problem(
                code=DROPPED_CONTROL_CHARACTER,
                severity=Severity.WARNING,
                location=location or Location(),
                message=(
                    f"{self.export}: dropped {len(dropped)} control character(s) ({codes}) that the "
                    "format cannot carry"
                ),
                expected="printable text; a line break for a new line",
            )
            self._found.append(problem)
            if self._problems is not None:
                self._problems.append(problem)
        return cleaned

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems reported so far."""
        return tuple(self._found)

    def finish(self) -> None:
        """Issue an :class:`ExportWarning` per problem when no problem list was given."""
        if self._problems is None:
            for problem in self._found:
                warnings.warn(problem.describe("en"), ExportWarning, stacklevel=3)
