"""Cutting a stacked cell into its items («август 2024 года сентябрь– октябрь 2024» → two items), for
aligning them with the stacked sub-measures of a row."""

from __future__ import annotations

import re

from gia_roadmap.calendar.grammar.normalizer import PARA, normalize
from gia_roadmap.calendar.grammar.parser import PER_EXAM, Parser, is_blank
from gia_roadmap.calendar.grammar.reader import FailError, Item
from gia_roadmap.calendar.terms import REFERENCE_KINDS

__all__ = ["split_terms"]

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)[^<>]{0,200}>")


def split_terms(text: str) -> tuple[str, ...]:
    """Cut a stacked cell into its items, as substrings of the original text (tags removed).

    When the cell has hard breaks (``<p>`` and other block tags, double spaces, blank lines), the
    items are exactly the pieces between them. Otherwise items are separated by nothing at all
    between complete items («август 2024 года сентябрь– октябрь 2024»). Comma-joined parts
    stay together («до 01.11.2023, до 20.04.2024», «декабрь 2023, февраль, август 2024»), as do a
    term and its qualifier («в течение учебного года по плану ИРОК»). A month without a year never
    ends an item (the year written later belongs to it). Text that cannot be read is split at
    hard breaks only.
    """
    norm = normalize(text)
    if is_blank(norm):
        return ()
    parser = Parser(norm, None)
    parser.split_mode = True
    end = len(norm.low)
    groups: list[tuple[int, int]] = []
    try:
        per = list(PER_EXAM.finditer(norm.low))
        if per and norm.low[: per[0].start()].strip(" ¶") == "":
            for k, m in enumerate(per):
                stop = per[k + 1].start() if k + 1 < len(per) else end
                groups.append((m.start(), stop))
        else:
            items = parser.items(0, end)
            hard_breaks = PARA in norm.low
            prev: Item | None = None
            for item in items:
                if hard_breaks:
                    joins = prev is not None and item.sep != "hard"
                else:
                    joins = prev is not None and (
                        item.paren
                        or isinstance(item.term, REFERENCE_KINDS)
                        or item.sep == "comma"
                        or (item.sep == "space" and not prev.complete)
                    )
                if joins and groups:
                    groups[-1] = (groups[-1][0], item.end)
                else:
                    groups.append((item.start, item.end))
                prev = item
    except FailError:
        groups = []
        start = 0
        for k, c in enumerate(norm.low + PARA):
            if c == PARA:
                if norm.low[start:k].strip(" ,;"):
                    groups.append((start, k))
                start = k + 1
    out = []
    for a, b in groups:
        while b > a and norm.low[b - 1] in " ¶,;/":
            b -= 1
        piece = _TAG.sub(" ", parser.raw(a, b))
        piece = re.sub(r"\s+", " ", piece).strip(" ,;")
        if piece:
            out.append(piece)
    return tuple(out)
