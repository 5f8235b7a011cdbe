"""Dashes and hyphens (тире, дефисы, минусы): every dash-like code point in one table.

Documents write «ГИА-9» with a hyphen-minus, «ГИА‐9» with U+2010 HYPHEN, «ГИА‑9» with a
non-breaking hyphen, ranges with an en dash «5–22 сентября», an em dash «май — июнь», a minus sign
from a spreadsheet, full-width dashes from a converter. :data:`DASHES` holds all of them (every
character of Unicode category Pd, dash punctuation, plus the minus signs); :func:`unify_dashes`
turns each into «-», one character for one, so offsets are kept; :data:`DASH_CLASS` is the regex
character class of them all.

The soft hyphen (U+00AD) is not a dash: it marks where a word may break and is invisible. It is
dropped with the other invisible characters (:data:`gia_roadmap.text.blanks.INVISIBLES`).

>>> unify_dashes("ГИА\u20109, 5\u201322 сентября, май \u2014 июнь")
'ГИА-9, 5-22 сентября, май - июнь'
"""

from __future__ import annotations

import re

__all__ = ["DASHES", "DASH_CLASS", "DASH_TRANSLATION", "HYPHENS", "dash_class", "unify_dashes"]

DASHES: str = (
    "-"  # HYPHEN-MINUS
    "\u058a"  # ARMENIAN HYPHEN
    "\u05be"  # HEBREW PUNCTUATION MAQAF
    "\u1400"  # CANADIAN SYLLABICS HYPHEN
    "\u1806"  # MONGOLIAN TODO SOFT HYPHEN
    "\u2010"  # HYPHEN
    "\u2011"  # NON-BREAKING HYPHEN
    "\u2012"  # FIGURE DASH
    "\u2013"  # EN DASH
    "\u2014"  # EM DASH
    "\u2015"  # HORIZONTAL BAR
    "\u2212"  # MINUS SIGN (category Sm, written for a dash by spreadsheets)
    "\u2e17"  # DOUBLE OBLIQUE HYPHEN
    "\u2e1a"  # HYPHEN WITH DIAERESIS
    "\u2e3a"  # TWO-EM DASH
    "\u2e3b"  # THREE-EM DASH
    "\u2e40"  # DOUBLE HYPHEN
    "\u2e5d"  # OBLIQUE HYPHEN
    "\u301c"  # WAVE DASH
    "\u3030"  # WAVY DASH
    "\u30a0"  # KATAKANA-HIRAGANA DOUBLE HYPHEN
    "\ufe31"  # PRESENTATION FORM FOR VERTICAL EM DASH
    "\ufe32"  # PRESENTATION FORM FOR VERTICAL EN DASH
    "\ufe58"  # SMALL EM DASH
    "\ufe63"  # SMALL HYPHEN-MINUS
    "\uff0d"  # FULLWIDTH HYPHEN-MINUS
    "\U00010d6e"  # GARAY HYPHEN (Unicode 16)
    "\U00010ead"  # YEZIDI HYPHENATION MARK
)
"""Every dash-like character: Unicode category Pd and the minus sign U+2212, hyphen-minus first."""

HYPHENS: str = "-\u2010\u2011"
"""The hyphens proper (hyphen-minus, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN): the characters a
word broken at a line end ends with («учи-»)."""

DASH_TRANSLATION: dict[int, str] = str.maketrans(dict.fromkeys(DASHES, "-"))
"""Each of :data:`DASHES` → «-», as a :meth:`str.translate` table."""

_ESCAPED = "".join(re.escape(c) for c in DASHES)
_ESCAPED_LONG = "".join(re.escape(c) for c in DASHES if c not in HYPHENS)

DASH_CLASS: str = "[" + _ESCAPED + "]"
"""A regex character class matching any one of :data:`DASHES`."""


def dash_class(extra: str = "", *, hyphens: bool = True, negate: bool = False) -> str:
    """A regex character class of the dashes plus ``extra`` (regex class items such as ``r"\\s:"``).

    Args:
        extra: more items of the class, written as inside ``[...]``.
        hyphens: include the hyphens (:data:`HYPHENS`); without them the class holds the dashes
            that separate («май – июнь», «ГИА — экзамен»), not those inside words («ГИА-9»).
        negate: match any character but these.

    >>> import re
    >>> bool(re.fullmatch(dash_class("/"), "/")), bool(re.fullmatch(dash_class(hyphens=False), "-"))
    (True, False)
    """
    return "[" + ("^" if negate else "") + (_ESCAPED if hyphens else _ESCAPED_LONG) + extra + "]"


def unify_dashes(text: str) -> str:
    """``text`` with every dash-like character made «-» (same length, character for character)."""
    return text.translate(DASH_TRANSLATION)
