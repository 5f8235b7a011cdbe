"""Blank and invisible characters (пробельные и невидимые символы) in one place.

Cells from Word, PDF and HTML carry no-break spaces, thin spaces, line and paragraph separators and
invisible format characters (soft hyphens, zero-width spaces, byte-order marks) that make two
equal-looking words differ. :data:`BLANKS` is every character Python counts as whitespace;
:data:`SPACES` those of them that do not break a line; :data:`INVISIBLES` the characters that
render as nothing and are dropped before matching (:func:`drop_invisibles`).

>>> drop_invisibles("учи\u00adтель\u200b")
'учитель'
"""

from __future__ import annotations

__all__ = ["BLANKS", "INVISIBLES", "LINE_BREAKS", "SPACES", "drop_invisibles"]

LINE_BREAKS: str = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
"""Whitespace that ends a line (:meth:`str.splitlines` splits on exactly these)."""

SPACES: str = (
    " \t\x1f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
"""Whitespace within a line: the space, the tab, the unit separator, the no-break, thin, figure,
ideographic … spaces."""

BLANKS: str = SPACES + LINE_BREAKS
"""Every character :meth:`str.isspace` accepts (the tests check it against Unicode)."""

INVISIBLES: str = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
"""Characters that render as nothing inside a word: the soft hyphen, the Mongolian vowel separator,
zero-width space, (non-)joiner, word joiner, the invisible operators and the byte-order mark."""

_DROP: dict[int, None] = dict.fromkeys(map(ord, INVISIBLES))


def drop_invisibles(text: str) -> str:
    """``text`` without :data:`INVISIBLES` (so «учи\u00adтель» is «учитель»)."""
    return text.translate(_DROP)
