# The public names of gia_roadmap.io, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .export_common import (
    FindingRow as FindingRow,
)
from .export_common import (
    MeasureRow as MeasureRow,
)
from .export_common import (
    findings_for as findings_for,
)
from .export_common import (
    measure_rows as measure_rows,
)
from .export_csv import (
    to_csv as to_csv,
)
from .export_csv import (
    write_csv as write_csv,
)
from .export_docx import (
    to_docx_bytes as to_docx_bytes,
)
from .export_docx import (
    write_docx as write_docx,
)
from .export_html import (
    to_html as to_html,
)
from .export_html import (
    write_html as write_html,
)
from .export_ics import (
    to_ics as to_ics,
)
from .export_ics import (
    write_ics as write_ics,
)
from .export_pandas import to_dataframe as to_dataframe
from .export_table_csv import (
    to_table_csv as to_table_csv,
    write_table_csv as write_table_csv,
)
from .export_table_xlsx import (
    to_table_xlsx_bytes as to_table_xlsx_bytes,
)
from .export_table_xlsx import (
    write_table_xlsx as write_table_xlsx,
)
from .export_xlsx import (
    to_xlsx_bytes as to_xlsx_bytes,
)
from .export_xlsx import (
    write_xlsx as write_xlsx,
)
from .files import (
    LoadLimits as LoadLimits,
)
from .files import (
    dump as dump,
)
from .files import (
    dumps as dumps,
)
from .files import (
    load as load,
)
from .files import (
    loads as loads,
)
from .importing import (
    ImportOptions as ImportOptions,
)
from .importing import (
    ImportResult as ImportResult,
)
from .importing import (
    import_document as import_document,
)
from .importing import (
    import_file as import_file,
)
from .importing import (
    import_problems as import_problems,
)
from .importing import (
    import_text as import_text,
)
from .limits import ReadLimits as ReadLimits
from .reading import (
    read_tables as read_tables,
)
from .reading import (
    read_tables_text as read_tables_text,
)
from .reading import (
    require_plan_table as require_plan_table,
)
from .roundtrip import table_view as table_view
from .serialization import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from .serialization import (
    Format as Format,
)
from .serialization import (
    from_document as from_document,
)
from .serialization import (
    to_document as to_document,
)
from .structure import ReadOptions as ReadOptions
from .tables import (
    CellFlag as CellFlag,
)
from .tables import (
    ColumnRole as ColumnRole,
)
from .tables import (
    GlossaryEntry as GlossaryEntry,
)
from .tables import (
    GlossaryKind as GlossaryKind,
)
from .tables import (
    Provenance as Provenance,
)
from .tables import (
    RawCell as RawCell,
)
from .tables import (
    RawDocument as RawDocument,
)
from .tables import (
    RawRow as RawRow,
)
from .tables import (
    RawTable as RawTable,
)
from .tables import (
    RowKind as RowKind,
)
