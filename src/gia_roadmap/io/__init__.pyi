# The public names of gia_roadmap.io, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .export_cascade import (
    cascade_html as cascade_html,
    cascade_xlsx_bytes as cascade_xlsx_bytes,
    write_cascade_html as write_cascade_html,
    write_cascade_xlsx as write_cascade_xlsx,
)
from .export_common import (
    FindingRow as FindingRow,
    findings_for as findings_for,
    measure_rows as measure_rows,
    MeasureRow as MeasureRow,
)
from .export_csv import (
    to_csv as to_csv,
    write_csv as write_csv,
)
from .export_docx import (
    to_docx_bytes as to_docx_bytes,
    write_docx as write_docx,
)
from .export_html import (
    to_html as to_html,
    write_html as write_html,
)
from .export_ics import (
    to_ics as to_ics,
    write_ics as write_ics,
)
from .export_pandas import to_dataframe as to_dataframe
from .export_table_csv import (
    to_table_csv as to_table_csv,
    write_table_csv as write_table_csv,
)
from .export_report_xlsx import (
    execution_report_xlsx_bytes as execution_report_xlsx_bytes,
    write_execution_report_xlsx as write_execution_report_xlsx,
)
from .export_table_xlsx import (
    to_table_xlsx_bytes as to_table_xlsx_bytes,
    write_table_xlsx as write_table_xlsx,
)
from .export_xlsx import (
    to_xlsx_bytes as to_xlsx_bytes,
    write_xlsx as write_xlsx,
)
from .files import (
    dump as dump,
    dumps as dumps,
    load as load,
    LoadLimits as LoadLimits,
    loads as loads,
)
from .importing import (
    import_document as import_document,
    import_file as import_file,
    import_problems as import_problems,
    import_text as import_text,
    ImportOptions as ImportOptions,
    ImportResult as ImportResult,
)
from .limits import ReadLimits as ReadLimits
from .plansets import (
    PlansRead as PlansRead,
    read_plans as read_plans,
)
from .reading import (
    read_tables as read_tables,
    read_tables_text as read_tables_text,
    require_plan_table as require_plan_table,
)
from .roundtrip import table_view as table_view
from .serialization import (
    Format as Format,
    from_document as from_document,
    SCHEMA_VERSION as SCHEMA_VERSION,
    to_document as to_document,
)
from .structure import ReadOptions as ReadOptions
from .tables import (
    CellFlag as CellFlag,
    CellProvenance as CellProvenance,
    ColumnRole as ColumnRole,
    GlossaryDefinition as GlossaryDefinition,
    GlossaryKind as GlossaryKind,
    RawCell as RawCell,
    RawDocument as RawDocument,
    RawRow as RawRow,
    RawTable as RawTable,
    RowKind as RowKind,
)
