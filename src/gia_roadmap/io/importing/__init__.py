"""The importer: raw tables (:mod:`gia_roadmap.io.tables`) → :class:`~gia_roadmap.plan.model.Roadmap` values.

Reading a file gives a :class:`~gia_roadmap.io.tables.RawDocument`: tables as written. This package
maps them to the model with general rules (no look-ups of particular documents), one module per seam:

* :mod:`.entry` — the entry points (:func:`import_file`, :func:`import_text`, :func:`import_document`)
  and :func:`import_problems`;
* :mod:`.grouping` — **plans**: the first table of measures opens a roadmap; a later one opens
  another roadmap when the paragraphs before it hold an order of its own («ПРИКАЗ … № 653»), and is
  added to the current roadmap as a section when they call it an appendix («Приложение 1 к плану …»);
* :mod:`.header` — the **document header** («шапка»): the issuer, the order's date and number
  (garbled dates such as «От « 17 » ноября 20 21 г.» included), the order and plan titles, the
  territory, the school year (:mod:`gia_roadmap.io.metadata` holds the title forms, the approval
  stamp and the level rules);
* :mod:`.builder` — **sections** from heading rows (a numbered heading followed at once by an
  unnumbered one is one heading over two rows; a grouping column opens sub-groups) and the plan;
* :mod:`.measures` — **measures**: every item and dash sub-item row, with its number as written and
  its ordinal position; deadlines read with :func:`~gia_roadmap.calendar.parse_term` in the plan's
  school year; stacked events split when the counts agree, else kept whole and reported; responsible
  parties resolved with the document's glossary; the completion column as status and evidence;
* :mod:`.rows` — row and cell helpers (dash items, provenance of cells, appendix titles).

Nothing is dropped: a cell that fits no column, a row the reader could not classify, a deadline no
rule reads and a party no rule resolves are kept in the roadmap and reported as
:class:`~gia_roadmap.errors.Problem` values, each at its :class:`~gia_roadmap.errors.Location`.

>>> from gia_roadmap.io.importing import import_text
>>> result = import_text("№\\tМероприятия\\tСроки\\tОтветственные\\n1.\\tСовещание\\tмай 2024\\tУО\\n")
>>> [m.term.kind for m in result.roadmap.measures]
['month']
"""

from gia_roadmap.io.importing.entry import import_document, import_file, import_problems, import_text
from gia_roadmap.io.importing.header import parse_document_date
from gia_roadmap.io.importing.options import ImportOptions, ImportResult

__all__ = [
    "ImportOptions",
    "ImportResult",
    "import_document",
    "import_file",
    "import_problems",
    "import_text",
    "parse_document_date",
]
