"""Splitting a document into plans: which tables open a roadmap and which are its appendices."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gia_roadmap.io.importing.options import ImportOptions
from gia_roadmap.io.tables import (
    ColumnRole,
    RawDocument,
    RawParagraph,
    RawTable,
)

_ORDER_WORD = re.compile(r"^\s*(?:п\s*р\s*и\s*к\s*а\s*з|постановление|распоряжение)\s*$", re.IGNORECASE)
_APPENDIX = re.compile(r"^\s*приложени[ея]\s*(?:№\s*)?\d*", re.IGNORECASE)


def _group_tables(
    document: RawDocument, options: ImportOptions
) -> list[tuple[list[RawParagraph], list[RawTable]]]:
    """(header paragraphs, plan tables) per roadmap."""
    groups: list[tuple[list[RawParagraph], list[RawTable]]] = []
    pending: list[RawParagraph] = []
    for table in document.tables:
        pending.extend(table.preamble)
        if table.is_glossary:
            continue
        if table.column(ColumnRole.TITLE) is None and not table.items():
            continue
        has_order = any(_ORDER_WORD.match(p.text) for p in table.preamble)
        is_appendix = any(_APPENDIX.match(p.text) for p in table.preamble)
        if (groups and (is_appendix and options.appendix_as_section) and not has_order) or (
            groups and not has_order and not is_appendix and not _has_plan_title(table.preamble)
        ):
            groups[-1][1].append(table)
        else:
            groups.append((pending, [table]))
        pending = []
    return groups


_PLAN_TITLE = re.compile(r"^[\s«\"“*]*(?:план\w*|дорожн\w+\s+карт\w*)\b", re.IGNORECASE)


def _has_plan_title(paragraphs: Sequence[RawParagraph]) -> bool:
    return any(_PLAN_TITLE.match(p.text) for p in paragraphs)
