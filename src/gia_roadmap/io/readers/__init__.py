"""Readers for the formats beyond Word and Excel: ODT/ODS (odfpy), PDF with a text layer (pdfplumber),
HTML tables (lxml) and legacy XLS (xlrd).

Each reader turns a file into :class:`~gia_roadmap.io.tables.SourceBlock` values (paragraphs and grids
of cells with their provenance: page, row, cell), the same raw-table model the DOCX and XLSX readers
of :mod:`gia_roadmap.io.sources` produce, so one table builder reads them all. The libraries for PDF,
ODF and XLS are optional extras (``pip install 'gia-roadmap[pdf]'``, ``[odf]``, ``[xls]``, or
``[formats]`` for all); a reader whose library is missing raises
:class:`~gia_roadmap.errors.MissingDependencyError` saying what to install. Which reader reads a file
is decided by :func:`gia_roadmap.io.formats.read_source` from the file's first bytes and its name.
"""
