"""Deadline text prepared for matching, with a map back to the original.

:func:`normalize` lower-cases, writes «е» for «ё», turns every dash into «-» and the Latin look-alike
letters of Cyrillic words into Cyrillic (the shared vocabulary, :mod:`gia_roadmap.text`), collapses
whitespace, turns hard breaks (``<p>`` and other block tags, blank lines, double spaces) into
:data:`PARA`, puts a space between a digit and a letter glued to it («2022г.»), and repairs a
misspelt unit in the slot after a number («календарных деня»). :attr:`Normalized.index` maps every
position back to the original text, so errors point at what the user wrote.
"""

from __future__ import annotations

import re

import attrs

from gia_roadmap.text import BLANKS, DASH_CLASS, INVISIBLES, Vocabulary, fix_lookalikes

__all__ = ["PARA", "Normalized", "normalize"]

PARA = "¶"
"""Marker the normaliser puts where a cell has a hard break (``<p>``, double space, blank line)."""

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)[^<>]{0,200}>")
_BLOCK_TAGS = frozenset({"p", "br", "li", "ul", "ol", "div", "tr", "td"})


@attrs.frozen
class Normalized:
    """Deadline text prepared for matching.

    Attributes:
        low: lower-case matching text (``ё``→``е``, dashes→``-``, look-alikes→Cyrillic, runs of
            whitespace → one space, hard breaks → ``¶``).
        disp: the same text with the original case (used for names and references).
        index: ``index[i]`` is the offset in the original text of ``low[i]``.
        original: the original text.
    """

    low: str
    disp: str
    index: tuple[int, ...]
    original: str

    def origin(self, pos: int) -> int:
        """Offset in the original text of normalised position ``pos``."""
        if pos < len(self.index):
            return self.index[pos]
        return len(self.original)


_DASH = re.compile(DASH_CLASS)
_GLUE = re.compile(r"\d(?=[^\W\d_])")  # a digit glued to a letter: a space goes after the digit
_OTHER_BLANKS = BLANKS.replace(" ", "")
"""Every whitespace character but the space."""
# What sends text to the general path, besides a leading, trailing or double space: whitespace
# other than the space, tags or angle brackets, Latin letters (look-alikes), a digit glued to a letter.
_ODD_CHAR = re.compile("[<>A-Za-z" + re.escape(_OTHER_BLANKS + INVISIBLES) + "]")
_INVISIBLE = re.compile("[" + re.escape(INVISIBLES) + "]")
_GLUED = re.compile(r"\d[^\W\d_]")
_IDENTITY: dict[int, tuple[int, ...]] = {}
"""``tuple(range(n))`` by ``n``: the offset map of text the fast path leaves as it is."""
# One token of the general path: a tag (group 1: its name), a blank run (group 2) or a chunk of
# words separated by single spaces, which normalises to itself (group 3; a «<» that does not
# open a tag is a chunk of its own).
_TOKEN = re.compile(r"<\s*/?\s*([a-zA-Z]+)[^<>]{0,200}>|(\s+)|([^\s<]+(?: [^\s<]+)*|<)")
_HARD_BLANK = re.compile(r"[ \t\u00a0]{2}")
# Units of a relative term, a closed class: in the slot after a number («за 3 календарных деня до»)
# a word within one edit of exactly one unit is that unit (a general typo rule, length-preserving).
_UNIT_FORMS = {
    "день": "день", "дня": "день", "дней": "день",
    "неделя": "неделя", "неделю": "неделя", "недели": "неделя", "недель": "неделя",
    "месяц": "месяц", "месяца": "месяц", "месяцев": "месяц",
}  # fmt: skip
_UNITS = Vocabulary(_UNIT_FORMS, max_edits=lambda length: 1 if length >= 3 else 0)
_UNIT_SLOT = re.compile(
    r"(?<![\w])\d+[ ¶]+(?:(?:рабоч|календарн)[а-я]*[ ¶]+)?(?!(?:"
    + "|".join(_UNIT_FORMS)
    + r")(?![а-я]))([а-я]{3,})(?![а-я])[ ¶]+(?=до |после |со |с |перед )"
)


def _repair_units(low: str) -> str:
    """``low`` with misspelt unit words in the unit slot replaced by the unit's form of the same
    length (or a shorter one padded with spaces); a typo no form fits in length is left alone."""
    parts: list[str] = []
    pos = 0
    for m in _UNIT_SLOT.finditer(low):
        word = m.group(1)
        unit = _UNITS.lookup(word)
        if unit is None:
            continue
        fitting = [f for f, u in _UNIT_FORMS.items() if u == unit and len(f) <= len(word)]
        if not fitting:
            continue
        form = max(fitting, key=len)
        parts.append(low[pos : m.start(1)])
        parts.append(form.ljust(len(word)))
        pos = m.end(1)
    if not parts:
        return low
    parts.append(low[pos:])
    return "".join(parts)


def normalize(text: str) -> Normalized:
    """Normalise deadline text for matching (see :class:`Normalized`)."""
    fast = _normalize_plain(text)
    if fast is not None:
        return fast
    work, kept = _cleaned(text)
    parts, index = _joined(work)
    disp = "".join(parts)
    if kept is not None:
        index = [kept[i] for i in index]
    return Normalized(_matching_text(disp), disp, tuple(index), text)


def _normalize_plain(text: str) -> Normalized | None:
    """The fast path, for text with single spaces, no tags, no look-alikes, no glued digits, no
    invisible characters and no misspelt unit: only dashes and case change, the offsets map to
    themselves. None for any other text."""
    if (
        not text
        or text[0] == " "
        or text[-1] == " "
        or "  " in text
        or _ODD_CHAR.search(text) is not None
        or _GLUED.search(text) is not None
    ):
        return None
    disp = _DASH.sub("-", text)
    low = disp.lower()
    if len(low) != len(disp):
        return None
    low = low.replace("ё", "е")
    if _UNIT_SLOT.search(low) is not None:
        return None
    n = len(text)
    ident = _IDENTITY.get(n)
    if ident is None:
        ident = tuple(range(n))
        if n <= 1024:
            _IDENTITY[n] = ident
    return Normalized(low, disp, ident, text)


def _cleaned(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters (soft hyphens, zero-width spaces), with Latin
    look-alikes inside Cyrillic words made Cyrillic and dashes made «-» (both length-preserving:
    dashes are neither blanks, letters nor digits); and the original offset of each kept character,
    None when none was dropped."""
    if _INVISIBLE.search(text):
        kept = [i for i, c in enumerate(text) if c not in INVISIBLES]
        return _DASH.sub("-", fix_lookalikes("".join(text[i] for i in kept))), kept
    return _DASH.sub("-", fix_lookalikes(text)), None


def _joined(work: str) -> tuple[list[str], list[int]]:
    """The parts of the normalised text and the offset in ``work`` of each character, token by token:
    a blank run (or a block tag) is held back until words follow it, then written as one space or
    :data:`PARA` (leading and trailing blanks vanish); a digit glued to a letter gets a space after it.
    """
    glued = _GLUE.search(work) is not None
    parts: list[str] = []
    index: list[int] = []
    pending_at = -1  # offset of a pending blank run, -1 when none
    pending_hard = False
    for m in _TOKEN.finditer(work):
        kind = m.lastindex
        if kind == 3:  # words
            at = m.start()
            if pending_at >= 0:
                if parts:
                    parts.append(PARA if pending_hard else " ")
                    index.append(pending_at)
                pending_at, pending_hard = -1, False
            run = m.group(3)
            pos = _unglued(run, at, parts, index) if glued else 0
            parts.append(run[pos:] if pos else run)
            index.extend(range(at + pos, m.end()))
        elif kind == 2:  # a blank run: hard when it holds a blank line, or two spaces and no line break
            if pending_at < 0:
                pending_at = m.start()
            if not pending_hard:
                run = m.group(2)
                if run != " ":
                    newlines = run.count("\n")
                    if newlines >= 2 or (newlines == 0 and _HARD_BLANK.search(run)):
                        pending_hard = True
        elif m.group(1).lower() in _BLOCK_TAGS:  # a block tag is a hard break
            if pending_at < 0:
                pending_at = m.start()
            pending_hard = True
    return parts, index


def _unglued(run: str, at: int, parts: list[str], index: list[int]) -> int:
    """Append the words of ``run`` (at offset ``at``) up to its last digit glued to a letter, a space
    after each such digit; where the rest of ``run`` starts."""
    pos = 0
    for g in _GLUE.finditer(run):
        cut = g.end()
        parts.append(run[pos:cut])
        index.extend(range(at + pos, at + cut))
        parts.append(" ")
        index.append(at + cut)
        pos = cut
    return pos


def _matching_text(disp: str) -> str:
    """The lower-case matching text of ``disp`` (of the same length): «е» for «ё», misspelt units
    repaired («календарных деня»)."""
    low = disp.lower()
    if len(low) != len(disp):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in disp)
    low = low.replace("ё", "е")
    if _UNIT_SLOT.search(low) is not None:
        low = _repair_units(low)
    return low
