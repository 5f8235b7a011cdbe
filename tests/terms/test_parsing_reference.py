"""The parser's fast paths give exactly what the original, straightforward code gave.

* ``_reference_normalize`` is the normaliser as first written (one pass per whitespace/word run,
  closures, per-word dash translation); :func:`gia_roadmap.calendar.grammar.normalize` was later
  rewritten for speed (a fast path for plain text, whole chunks of single-spaced words per token).
  Both must agree on every input: the matching text, the display text and the offset map.
* ``_reference_month_step`` reads a month, its year and what follows with the separate patterns
  and checks the parser first used; ``grammar.months.month_step`` does it with one fused pattern.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.text.test_fuzzy import _reference_osa

from gia_roadmap.calendar.grammar import PARA, Normalized, lexicon, normalize
from gia_roadmap.calendar.grammar import normalizer as grammar_normalize
from gia_roadmap.calendar.grammar.months import month_step
from gia_roadmap.calendar.grammar.parser import Parser
from gia_roadmap.text import month_of

_LATIN_TO_CYRILLIC = str.maketrans("aAbBcCeEHhKkMmOoPpTtXxYy", "аАвВсСеЕНнКкМмОоРрТтХхУу")
_DASHES = "\u2212" + "".join(c for c in map(chr, range(0x110000)) if unicodedata.category(c) == "Pd")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)[^<>]{0,200}>")
_BLOCK_TAGS = frozenset({"p", "br", "li", "ul", "ol", "div", "tr", "td"})
_CYR = re.compile(r"[а-яёА-ЯЁ]")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_RUN = re.compile(r"\s+|\S+")
_GLUE = re.compile(r"(?<=\d)(?=[^\W\d_])")
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))
_HAS_LATIN = re.compile(r"[A-Za-z]")


# Characters that render as nothing: soft hyphen, Mongolian vowel separator, zero-width space,
# non-joiner and joiner, word joiner, the invisible operators, the byte-order mark.
_INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")


def _reference_normalize(text: str) -> tuple[str, str, tuple[int, ...]]:
    """(low, disp, index) of the text without its invisible characters, mapped back to ``text``."""
    visible = [i for i, c in enumerate(text) if c not in _INVISIBLE]
    low, disp, index = _reference_visible("".join(text[i] for i in visible))
    return low, disp, tuple(visible[i] for i in index)


def _reference_visible(text: str) -> tuple[str, str, tuple[int, ...]]:
    """(low, disp, index) as the original normaliser computed them (its general path only)."""
    work = _reference_lookalikes(text)
    parts: list[str] = []
    index: list[int] = []
    pending_at = -1
    pending_hard = False

    def emit_blank(run: str, at: int) -> None:
        nonlocal pending_at, pending_hard
        if pending_at < 0:
            pending_at = at
        if run == PARA:
            pending_hard = True
            return
        newlines = run.count("\n")
        if newlines >= 2 or (newlines == 0 and re.search(r"[ \t\u00a0]{2}", run)):
            pending_hard = True

    def emit_word(run: str, at: int) -> None:
        nonlocal pending_at, pending_hard
        if pending_at >= 0:
            if parts:
                parts.append(PARA if pending_hard else " ")
                index.append(pending_at)
            pending_at, pending_hard = -1, False
        run = run.translate(_DASH_TABLE)
        if _GLUE.search(run):
            pos = 0
            for g in _GLUE.finditer(run):
                parts.append(run[pos : g.start()])
                index.extend(range(at + pos, at + g.start()))
                parts.append(" ")
                index.append(at + g.start())
                pos = g.start()
            parts.append(run[pos:])
            index.extend(range(at + pos, at + len(run)))
        else:
            parts.append(run)
            index.extend(range(at, at + len(run)))

    def segment(seg: str, offset: int) -> None:
        for m in _RUN.finditer(seg):
            if m.group()[0].isspace():
                emit_blank(m.group(), offset + m.start())
            else:
                emit_word(m.group(), offset + m.start())

    pos = 0
    for m in _TAG.finditer(work):
        segment(work[pos : m.start()], pos)
        if m.group(2).lower() in _BLOCK_TAGS:
            emit_blank(PARA, m.start())
        pos = m.end()
    segment(work[pos:], pos)

    disp = "".join(parts)
    return _reference_units(_reference_lower(disp)), disp, tuple(index)


def _reference_lookalikes(text: str) -> str:
    """The text with the Latin look-alikes of its words that also hold Cyrillic letters made Cyrillic."""
    if not _HAS_LATIN.search(text):
        return text
    fixed = list(text)
    for m in _WORD.finditer(text):
        word = m.group()
        if _CYR.search(word) and _HAS_LATIN.search(word):
            fixed[m.start() : m.end()] = list(word.translate(_LATIN_TO_CYRILLIC))
    return "".join(fixed)


def _reference_lower(disp: str) -> str:
    """Lower case of the same length (a character whose lower case is longer stays), «е» for «ё»."""
    low = disp.lower()
    if len(low) != len(disp):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in disp)
    return low.replace("ё", "е")


_UNITS = {"день": 0, "дня": 0, "дней": 0, "неделя": 1, "неделю": 1, "недели": 1, "недель": 1}
_UNITS |= {"месяц": 2, "месяца": 2, "месяцев": 2}
_SLOT = re.compile(
    r"(?<![\w])\d+[ ¶]+(?:(?:рабоч|календарн)[а-я]*[ ¶]+)?([а-я]{3,})(?![а-я])[ ¶]+"
    r"(?=до |после |со |с |перед )"
)


def _reference_units(low: str) -> str:
    """A misspelt unit in the unit slot: the closest unit (one edit at most, only one unit that
    close), written as its longest form that fits, padded with spaces."""
    out = low
    for m in _SLOT.finditer(low):
        word = m.group(1)
        if word in _UNITS:
            continue
        close = {unit for form, unit in _UNITS.items() if _reference_osa(word, form) <= 1}
        if len(close) != 1:
            continue
        (unit,) = close
        fitting = [form for form, u in _UNITS.items() if u == unit and len(form) <= len(word)]
        if fitting:
            form = max(fitting, key=len)
            out = out[: m.start(1)] + form.ljust(len(word)) + out[m.end(1) :]
    return out


def _check(text: str) -> None:
    norm = normalize(text)
    assert (norm.low, norm.disp, norm.index) == _reference_normalize(text)
    assert norm.original == text


_ALPHABET = (
    " \n\t\r\u00a0\u2003\u2028\x0b<>/=\"'pPbBrRdivlaoceyxkmHT0129гГодаеёЁнНяЯмМйфвьрxу-–—\u2212¶,.;:()İ"
)
_SNIPPETS = [
    "<p>",
    "</p>",
    "<br/>",
    "< BR >",
    "<b>",
    "</ b>",
    "<p class='x'>",
    "<td>",
    "<",
    ">",
    "  ",
    "\n\n",
    " \n ",
    "деня",
    "дека\u00adбря",
    "\u200b",
    "\ufeff2023",
    "за 3 календарных деня до ",
    "2 недли после ",
    "5 днея со ",
    "1 мая до ",
    "ДЕНЯ",
    "Деня",
    "2022г.",
    "2022гг",
    "1a",
    "Нoябрь",
    "Mай",
    "ноябрь",
    "2023 года",
    "сентябрь – октябрь",
    "20.04 2024",
    "İ",
    "ё",
]

_MIXED_TEXT = st.lists(
    st.one_of(st.text(alphabet=_ALPHABET, max_size=6), st.sampled_from(_SNIPPETS)), max_size=12
).map("".join)


@settings(max_examples=400)
@given(_MIXED_TEXT)
def test_normalize_matches_reference_on_deadline_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_normalize_matches_reference_on_any_text(text: str) -> None:
    _check(text)


def test_normalize_matches_reference_on_seed_strings() -> None:
    table = Path(__file__).with_name("seed_deadlines.tsv")
    count = 0
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("seed\t"):
            continue
        raw = line.split("\t")[2]
        text = raw.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        _check(text)
        count += 1
    assert count > 300


def test_other_blanks_are_every_whitespace_but_the_space() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(grammar_normalize._OTHER_BLANKS) == every - {" "}


_RE_MONTH = lexicon.rx(lexicon.MONTH)
_RE_YEAR_AFTER_MONTH = lexicon.rx(r"~,?~" + lexicon.YEAR + r"(?:~" + lexicon.YEAR_MARK + r")?")
_RE_DASH = lexicon.rx(lexicon.DASH)
_RE_SEP = lexicon.rx(lexicon.SEP)
_DASH_DIGIT = re.compile(r"[ ¶]*-[ ¶]*\d")


def _reference_month_step(low: str, pos: int, end: int) -> tuple[int, int | None, int, int, int] | None:
    m = _RE_MONTH.match(low, pos, end)
    if m is None:
        return None
    if m.end() < end and low[m.end() - 1].isalnum() and low[m.end()].isalnum():
        return None
    month = month_of(m.group(1))
    assert month is not None
    stop = m.end()
    year: int | None = None
    y = _RE_YEAR_AFTER_MONTH.match(low, stop, end)
    if y is not None:
        has_comma = "," in low[stop : y.start(1)]
        has_mark = y.end() > y.end(1)
        followed_by_dash = _DASH_DIGIT.match(low, y.end(), end) is not None
        if (not has_comma or has_mark) and not followed_by_dash:
            year = int(y.group(1))
            stop = y.end()
    d = _RE_DASH.match(low, stop, end)
    if d is not None:
        return month, year, stop, d.end(), -1
    s = _RE_SEP.match(low, stop, end)
    return month, year, stop, -1, s.end() if s else stop


_MONTH_TEXT = st.lists(
    st.sampled_from(
        [
            "январь",
            "марта",
            "март",
            "май",
            "мая",
            "маяк",
            "сентябрь",
            "декабря",
            "ноябрь1",
            "2023",
            "2024",
            "1999",
            "20245",
            "года",
            "г.",
            "гг",
            "годах",
            " ",
            "  ",
            "¶",
            ",",
            ", ",
            "-",
            " - ",
            "и ",
            "и",
            "/",
            ";",
            "(",
            "x",
            "5",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=400)
@given(_MONTH_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_month_step_matches_reference(low: str, pos: int, cut: int) -> None:
    parser = Parser(Normalized(low, low, tuple(range(len(low))), low), None)
    for end in (len(low), max(0, len(low) - cut)):
        for start in {min(pos, len(low)), 0}:
            assert month_step(parser, start, end) == _reference_month_step(low, start, end)
