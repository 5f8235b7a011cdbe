"""Reading and writing roadmaps: lossless JSON and YAML (``schema_version`` 2; version 1 files are read
through a migration), the JSON Schema, and
reading the tables officials write (Word, Excel, CSV, text) into typed raw tables with provenance,
importing them into :class:`~gia_roadmap.plan.Roadmap` values, and exports (XLSX report, CSV,
iCalendar, HTML, pandas, and the Word/Excel plan tables that read back to an equal roadmap).

>>> from gia_roadmap.plan import Roadmap
>>> from gia_roadmap import io
>>> io.loads(io.dumps(Roadmap("demo"), format="yaml"), format="yaml") == Roadmap("demo")
True
"""

from gia_roadmap._lazy import attach

# The public names are written once, in __init__.pyi; each is imported from its submodule on first use.
__getattr__, __dir__, __all__ = attach(__name__, __file__)
