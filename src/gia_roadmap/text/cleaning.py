"""Text of cells as the registries match it: markup removed, dashes, blanks and look-alikes unified.

Real cells carry HTML residue (``<p>``, ``<b>``), markdown escapes (``\\_``), every kind of dash,
hyphens broken by a space («ГИА- 9», «учителей- предметников»), Latin letters that look Cyrillic
(«Депатраментa» with a Latin «a»), invisible soft hyphens, «ё» beside «е», tabs and runs of blank
lines. :func:`clean_cell` repairs all of these and keeps the case and the line breaks;
:func:`normalize` also lower-cases, writes «е» for «ё» and joins the lines. Both are *for matching
only*: the library always keeps the text as written beside what it read from it.

>>> clean_cell("<p>Проведение ГИА\u2010 9</p>  и  <b>ЕГЭ</b>")
'Проведение ГИА-9 и ЕГЭ'
>>> normalize("Учёт  ГИA-11")
'учет гиа-11'
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from gia_roadmap.text.blanks import SPACES, drop_invisibles
from gia_roadmap.text.dashes import DASH_TRANSLATION
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = ["clean_cell", "normalize", "strip_markup"]

_TAG = re.compile(r"</?\s*[a-zA-Z][^<>]*>")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=\d|[а-яё])")
_SPACE_RUN = re.compile(f"[{SPACES}]+")


def strip_markup(text: str) -> str:
    """Remove HTML tags, bookmarks and markdown escapes; unescape HTML entities.

    Tags become a space so that ``<p>a</p><p>b</p>`` does not glue ``a`` and ``b``.
    """
    text = _BOOKMARK.sub("", text)
    text = _TAG.sub(" ", text)
    text = text.replace("\\_", "_").replace("\\*", "*").replace("**", "")
    return html.unescape(text)


@functools.lru_cache(maxsize=1 << 18)
def clean_cell(text: str) -> str:
    """Text of a cell as a reader sees it: markup removed, dashes, blanks and look-alikes unified,
    case kept.

    Line breaks are kept (they separate parties in a responsible cell); runs of spaces and tabs
    become one space; blank lines collapse; invisible characters (soft hyphens, zero-width spaces)
    go. Pure, so its results are cached (checks and registries clean the same cells many times).
    """
    text = unicodedata.normalize("NFC", strip_markup(text))
    text = drop_invisibles(text).translate(DASH_TRANSLATION)
    text = fix_lookalikes(text)
    text = _BROKEN_HYPHEN.sub("-", text)
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def normalize(text: str) -> str:
    """Lower-case, «ё»→«е», one line, one space: the form the registries match against."""
    text = clean_cell(text).replace("\n", " ")
    return text.lower().replace("ё", "е")
