"""Text rules for table cells: markup removal, paragraphs, numbers as written, page-break fragments.

These are general rules about how Russian official tables are written and converted (Word → HTML or
Markdown → text), not look-ups of particular strings.
"""

from __future__ import annotations

import re

from gia_roadmap.io.tables import CellFlag, CellProvenance, RawCell
from gia_roadmap.text import HYPHENS, MONTH_PATTERN, SPACES

__all__ = [
    "BULLET_CHARS",
    "clean_text",
    "is_dash_item",
    "is_number",
    "join_cells",
    "join_fragments",
    "looks_like_term",
    "make_cell",
    "number_depth",
    "section_label",
    "split_leading_number",
    "split_stacked",
]

#: Characters that start a dash or bullet item («– перечня ППЭ», «· по среднему баллу»).
BULLET_CHARS = "-–—−•·▪●"

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|div|tr|h[1-6])\b[^>]*>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|sup|sub|s|font|a)\b[^>]*>", re.IGNORECASE)
_MD_EMPHASIS = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([_*\\#\-\[\]()])")
#: Control characters in cell text: a vertical tab (what Word's "save as text" writes for a manual
#: line break) and a form feed (a page break) are line breaks; the other C0 controls, DEL and the C1
#: controls carry no text and are removed from the cleaned text (the verbatim ``raw`` keeps them).
_CONTROLS = {
    **dict.fromkeys((*range(0, 9), *range(14, 32), 127, *range(128, 160))),
    0x0B: "\n",
    0x0C: "\n",
    0x1C: "\n",
    0x1D: "\n",
    0x1E: "\n",
    0x85: "\n",
    0x2028: "\n",
    0x2029: "\n",
}
_SPACES = re.compile(f"[{SPACES}]+")

#: A number as written in the «№» column: «1», «1.», «2.1», «2.2.14», «4.8» (optionally a trailing dot).
_NUMBER = re.compile(r"^\s*(\d{1,5}(?:\s?\.\s?\d{1,5}){0,4}\.?)\s*$")
#: A number at the start of a heading or title: «1. Меры по …», «5.1 Подготовка к ГИА:».
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,4}\.?|\d{4,5}(?:\.\d{1,5}){0,4}\.)\s+(?=\S)")

_TERM_HINT = re.compile(
    rf"(?:\b{MONTH_PATTERN}|"
    r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?\b|\b20\d\d\b|\bв течение\b|"
    r"\bпостоянно\b|\bежегодно\b|\bежемесячно\b|\bеженедельно\b|\bкруглогодично\b|\bвесь период\b|"
    r"\bпо графику\b|\bпо плану\b|\bпо отдельному\b|\bсогласно графику\b|\bв период\b|\bне позднее\b|"
    r"\bпо мере\b|\bза \d+\b|\bдо \d|\bв соответствии с (?:графиком|планом|расписанием|порядком)\b|"
    r"\bучебн\w* год|\bкварт)",
    re.IGNORECASE,
)
#: Russian inflectional endings that a converter may split off a word at a page break
#: («общеобразовательн» + «ых учреждений»).
_ENDINGS = frozenset(
    {
        "ых",
        "ый",
        "ий",
        "ой",
        "ая",
        "яя",
        "ое",
        "ые",
        "ие",
        "ого",
        "его",
        "ому",
        "ему",
        "ым",
        "ыми",
        "ими",
        "ую",
        "юю",
        "ов",
        "ев",
        "ам",
        "ям",
        "ами",
        "ями",
        "ах",
        "ях",
        "ом",
        "ем",
        "ия",
        "ии",
        "ию",
        "ья",
        "ьи",
        "ью",
        "ть",
        "ся",
        "сь",
    }
)


def clean_text(raw: str) -> tuple[tuple[str, ...], bool]:
    """Remove markup from a cell's verbatim text and cut it into paragraphs.

    Block tags (``<p>``, ``<li>``, ``<ul>``, ``<br>``) and line breaks separate paragraphs; inline tags
    (``<b>``, ``<i>``, ``<u>``), Markdown emphasis and headings, Markdown escapes (``\\_``) and Word
    bookmarks («[bookmark: …]») are removed. Tabs and runs of spaces inside a paragraph become one
    space, except that a run of two or more spaces is kept as two (it separates stacked items in some
    conversions). Empty paragraphs are dropped.

    Returns:
        The paragraphs and whether any markup was removed.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    stripped = _BOOKMARK.sub("", text)
    stripped = _BLOCK_TAG.sub("\n", stripped)
    stripped = _INLINE_TAG.sub("", stripped)
    stripped = _MD_HEADING.sub("", stripped)
    stripped = _MD_EMPHASIS.sub("", stripped)
    stripped = _MD_ESCAPE.sub(r"\1", stripped)
    markup = stripped != text
    paragraphs = []
    for line in stripped.split("\n"):
        line = line.replace("\t", " ").replace("\u00a0", " ")
        line = re.sub(r" {2,}", "  ", line).strip()
        if line:
            paragraphs.append(line)
    return tuple(paragraphs), markup


def make_cell(raw: str, provenance: CellProvenance, *, flags: tuple[CellFlag, ...] = ()) -> RawCell:
    """Build a :class:`RawCell` from verbatim text, cleaning it and flagging removed markup."""
    paragraphs, markup = clean_text(raw)
    extra = (CellFlag.MARKUP_REMOVED,) if markup else ()
    if flags or extra:
        provenance = provenance.flagged(*flags, *extra)
    return RawCell("\n".join(paragraphs), raw, paragraphs, provenance)


def is_number(text: str) -> bool:
    """True when the text is a hierarchical number as written in a «№» column («1», «2.1.», «2.2.14»)."""
    return _NUMBER.match(text) is not None


def normalize_number(text: str) -> str:
    """The number with spaces removed («1. 2.» → «1.2.»); the trailing dot is kept as written."""
    return re.sub(r"\s+", "", text)


def number_depth(number: str) -> int:
    """How many parts a number has: 1 for «2.» or «2», 3 for «2.2.14»; 0 for an empty number."""
    parts = [p for p in normalize_number(number).split(".") if p]
    return len(parts)


#: A section label: a Roman numeral («I.», «II», «IV)») or a capital letter with a dot or bracket
#: («А.», «Б)»), alone or before the heading's words.
_SECTION_LABEL = re.compile(r"^\s*((?:[IVXL]{1,7}(?![A-Za-z])[.)]?|[А-ЯЁA-Z][.)]))(?:\s+(?=\S)|\s*$)")


def section_label(text: str) -> tuple[str, str]:
    """Split «II. Основной этап» into («II.», «Основной этап»), «А. Подготовка» into («А.», …);
    («», text) when no Roman numeral or letter label leads.

    >>> section_label("II. Основной этап"), section_label("В течение года")
    (('II.', 'Основной этап'), ('', 'В течение года'))
    """
    m = _SECTION_LABEL.match(text)
    if m is None:
        return "", text
    rest = text[m.end() :]
    if rest and not (rest[:1].isalpha() or rest[:1] in '«"('):
        return "", text
    return m.group(1), rest


def split_leading_number(text: str) -> tuple[str, str]:
    """Split «5.1 Подготовка к ГИА:» into («5.1», «Подготовка к ГИА:»); («», text) when no number leads.

    A leading year or a number followed by a unit is not a number: only numbers of at most three
    digits per part are recognised, and the rest must start with a letter or a quote.
    """
    m = _LEADING_NUMBER.match(text)
    if m is None:
        return "", text
    rest = text[m.end() :]
    if not (rest[:1].isalpha() or rest[:1] in '«"('):
        return "", text
    return normalize_number(m.group(1)), rest


def is_dash_item(text: str) -> bool:
    """True when the text starts with a dash or bullet followed by a space («– перечня ППЭ …»)."""
    t = text.lstrip()
    return len(t) > 1 and t[0] in BULLET_CHARS and (t[1].isspace() or t[0] in "•·▪●")


def looks_like_term(text: str) -> bool:
    """A cheap test: does the text look like a deadline («ноябрь 2023», «до 17.05», «в течение года»)?

    Used only to align cells with columns; the deadline grammar lives in
    :mod:`gia_roadmap.calendar.grammar`.
    """
    t = text.strip()
    if not t or len(t) > 250:
        return False
    return _TERM_HINT.search(t) is not None


def ends_with_break_hyphen(text: str) -> bool:
    """True when the text ends with a word broken by a hyphen («учи-», «Федераль-», «2023-»)."""
    t = text.rstrip()
    return len(t) >= 2 and t[-1] in HYPHENS and (t[-2].isalnum())


def join_fragments(first: str, second: str) -> tuple[str, bool]:
    """Join the text of a cell with its continuation after a page break.

    A word hyphenated across the break is rejoined («учи-» + «телей» → «учителей»; a hyphen after a
    digit is kept: «2023-» + «2024 учебного года» → «2023-2024 учебного года»). A split-off Russian
    ending is glued back («общеобразовательн» + «ых учреждений»). Otherwise the parts are joined by a
    space (a page break cuts a paragraph that flows on).

    Returns:
        The joined text and whether a broken word was rejoined.
    """
    a = first.rstrip()
    b = second.lstrip()
    if not a:
        return b, False
    if not b:
        return a, False
    if ends_with_break_hyphen(a):
        if a[-2].isdigit():
            return a + b, True
        if b[:1].islower():
            return a[:-1] + b, True
        return a + b, True
    head = b.split(maxsplit=1)[0] if b.split() else ""
    token = head.rstrip(".,;:»)")
    if a[-1:].isalpha() and a[-1:].islower() and token in _ENDINGS:
        return a + b, True
    return a + " " + b, False


def split_stacked(cell: RawCell) -> tuple[str, ...]:
    """The items stacked in one cell: its paragraphs, or, for a single paragraph, its double-space parts.

    Several events or deadlines written in one cell are separated by ``<p>`` paragraphs, line breaks
    or, in some conversions, by a double space. A double space alone is ambiguous (it is also a typo),
    so callers should use the double-space split only when it aligns with another column.
    """
    if len(cell.paragraphs) > 1:
        return cell.paragraphs
    if not cell.paragraphs:
        return ()
    parts = tuple(p.strip() for p in cell.paragraphs[0].split("  ") if p.strip())
    return parts


def join_cells(first: RawCell, second: RawCell) -> RawCell:
    """Append a continuation cell (from a row split by a page break) to a cell, flagging the result.

    The last paragraph of ``first`` and the first paragraph of ``second`` are joined by
    :func:`join_fragments`; the other paragraphs follow. The verbatim text keeps both parts.
    """
    if second.is_blank:
        return first
    origin = (second.provenance.location,)
    if first.is_blank:
        prov = first.provenance.flagged(CellFlag.CONTINUATION, *second.flags, origin=origin)
        return RawCell(second.text, second.raw, second.paragraphs, prov)
    head, rejoined = join_fragments(first.paragraphs[-1], second.paragraphs[0])
    paragraphs = (*first.paragraphs[:-1], head, *second.paragraphs[1:])
    flags = [CellFlag.CONTINUATION, *second.flags]
    if rejoined:
        flags.append(CellFlag.HYPHEN_REJOINED)
    prov = first.provenance.flagged(*flags, origin=origin)
    return RawCell("\n".join(paragraphs), first.raw + "\n" + second.raw, paragraphs, prov)
