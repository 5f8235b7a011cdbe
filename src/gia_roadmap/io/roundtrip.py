"""What a round trip through a Word or Excel table keeps: :func:`table_view`.

A roadmap written with :func:`~gia_roadmap.io.export_docx.write_docx` or
:func:`~gia_roadmap.io.export_table_xlsx.write_table_xlsx` and read back with
:func:`~gia_roadmap.io.import_file` is *equal* to the original when ``table_view(a) ==
table_view(b)``. Every field a table carries is compared as is: the header (title, issuer, level,
territory, school year, orders, legal basis), the sections (headings, numbers, kinds, groupings,
nesting), and per measure the number as written, ordinal, title, the parsed deadline, the responsible
parties read (with their paragraph groups), participants, targets, exam scopes and periods, level
actions, expected result, evidence, description, parent item, notes and status; the glossary's
abbreviations and expansions, in order.

Three things a table cannot carry are normalised, each for a stated reason:

* **measure provenance** (:attr:`Measure.provenance`) is emptied: it records what the reader did to
  the *original* source — cells inherited from vertical merges, rows rejoined after page breaks,
  cells moved back into their column, events split from one row. A clean table written from the
  roadmap has no such history to record;
* **the raw source texts** of the responsible cell (``responsible_raw``, :attr:`Responsible.raw`,
  a level action's ``responsible_raw``) and of orders (:attr:`Order.raw`) are compared with the
  conversion's markup removed and white space collapsed: the text conversions mark paragraphs
  with ``<p>`` tags, double spaces or wrapped lines, a Word cell with paragraphs; the words are the
  same. (The raw text of deadlines takes no part in equality anyway.)
* **where a glossary entry was found** (:attr:`GlossaryEntry.source` and ``raw``) is cleared: a
  document may define an abbreviation in a table, a bullet list or inline «(далее – X)»; the writers
  put every definition in one «Сокращение | Расшифровка» table.

>>> from gia_roadmap import examples
>>> roadmap = examples.load("smolensk-gia-2023")
>>> table_view(roadmap) == table_view(roadmap)
True
>>> any(m.provenance for m in table_view(roadmap).measures)
False
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from gia_roadmap.io.cells import clean_text
from gia_roadmap.plan.glossary import Glossary, GlossaryEntry, GlossarySource
from gia_roadmap.plan.model import Measure, Roadmap

__all__ = ["normalize_raw", "table_view"]

_T = TypeVar("_T")
_RAW_FIELDS = frozenset({"raw", "responsible_raw"})


def normalize_raw(text: str) -> str:
    """A source text with the conversion's markup removed and white space collapsed.

    >>> normalize_raw("<p>УО</p> <p>ОО,\\nПАО «Ростелеком»</p>")
    'УО ОО, ПАО «Ростелеком»'
    """
    return " ".join(" ".join(clean_text(text)[0]).split())


def _normalised(value: _T) -> _T:
    if isinstance(value, tuple):
        return tuple(_normalised(v) for v in value)  # type: ignore[return-value]
    if isinstance(value, Glossary):
        entries = tuple(
            GlossaryEntry(e.abbreviation, e.expansion, GlossarySource.MANUAL, "") for e in value.entries
        )
        return Glossary(entries)  # type: ignore[return-value]
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        if not field.init:
            continue
        current = getattr(value, field.name)
        if isinstance(value, Measure) and field.name == "provenance":
            new: Any = ()
        elif field.name in _RAW_FIELDS and isinstance(current, str):
            new = normalize_raw(current)
        else:
            new = _normalised(current)
        if new is not current:
            changes[field.alias or field.name] = new
    return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]


def table_view(roadmap: Roadmap) -> Roadmap:
    """The roadmap as a Word or Excel table can hold it (see the module docstring for the three
    normalisations and why each is needed)."""
    return _normalised(roadmap)
