"""Text encodings of the files officials save: detected, and said so when the guess is uncertain.

Russian CSV and text files come in UTF-8 (with or without a byte-order mark), UTF-16 (Excel's
"Unicode text"), Windows-1251 (Russian Excel's CSV), KOI8-R (old Unix mail) and CP866 (DOS). The
order of the rules:

1. a byte-order mark names the encoding (UTF-8, UTF-16 LE/BE, UTF-32);
2. bytes that are valid UTF-8 are UTF-8 (a Cyrillic text in a one-byte encoding is almost never
   valid UTF-8);
3. otherwise the charset-detection library `charset-normalizer
   <https://charset-normalizer.readthedocs.io>`_ ranks the candidate encodings
   (:data:`CANDIDATE_ENCODINGS`) by how natural the decoded text looks. When another candidate reads
   the bytes as a different text that looks almost as natural, the guess is *uncertain*, and the
   caller reports it (:attr:`DecodedText.uncertain`).

Bytes that no candidate reads as text raise :class:`~gia_roadmap.errors.UndecodableTextError`
naming the file.

>>> decode_bytes("Сроки проведения".encode("koi8_r")).encoding
'koi8_r'
>>> decode_bytes("Сроки".encode("utf-8")).uncertain
False
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from typing import Any

import attrs

from gia_roadmap.errors import UndecodableTextError

__all__ = ["CANDIDATE_ENCODINGS", "DecodedText", "decode_bytes"]

#: The encodings a Russian text file is tried in when it is neither UTF-8 nor marked by a BOM.
CANDIDATE_ENCODINGS: tuple[str, ...] = ("cp1251", "koi8_r", "cp866", "utf_16_le", "utf_16_be", "iso8859_5")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)

#: How close (in charset-normalizer's "chaos" ratio, 0 = natural text) a rival reading must come to
#: make the guess uncertain.
_RIVAL_MARGIN = 0.05
#: Fewer non-ASCII bytes than this are too few letters for statistics to tell the encodings apart.
_FEW_LETTERS = 48
#: Above this chaos the best reading itself is doubtful.
_DOUBTFUL_CHAOS = 0.3


@attrs.frozen
class DecodedText:
    """A decoded text file.

    Attributes:
        text: the text, BOM removed.
        encoding: the Python codec name that decoded it (``"utf_8"``, ``"cp1251"`` …).
        how: ``"bom"``, ``"utf-8"`` or ``"detected"``.
        uncertain: the detection had a close rival, or the text looks unnatural in every candidate.
        rivals: the other encodings that read the bytes as plausible text (for the report).
    """

    text: str
    encoding: str
    how: str
    uncertain: bool = False
    rivals: tuple[str, ...] = ()


def decode_bytes(
    data: bytes, source: str = "<bytes>", candidates: tuple[str, ...] = CANDIDATE_ENCODINGS
) -> DecodedText:
    """Decode a text file's bytes (see the module rules).

    Raises:
        UndecodableTextError: no candidate encoding reads the bytes as text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), encoding, "bom")
            except UnicodeDecodeError as exc:
                raise UndecodableTextError(
                    source, (encoding,), f"a {encoding} byte-order mark, {exc}"
                ) from exc
    try:
        text = data.decode("utf_8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text or not text.strip("\x00"):
            return DecodedText(text, "utf_8", "utf-8")
    return _detect(data, source, candidates)


def _detect(data: bytes, source: str, candidates: tuple[str, ...]) -> DecodedText:
    import charset_normalizer

    readings = _readings(
        charset_normalizer.from_bytes(data, cp_isolation=list(candidates), threshold=0.5), data
    )
    doubtful = not readings
    if doubtful:  # nothing reads naturally: take the least chaotic reading, and say it is uncertain
        readings = _readings(
            charset_normalizer.from_bytes(data, cp_isolation=list(candidates), threshold=1.0), data
        )
    # Every candidate that decodes to text takes part; those the library did not rank come last.
    ranked = {encoding for _, encoding, _ in readings}
    for encoding in candidates:
        text = _decoded(data, encoding)
        if encoding not in ranked and text is not None and not _binary(text):
            readings.append((1.0, encoding, text))
    if not readings:
        raise UndecodableTextError(source, ("utf_8", *candidates), "no encoding reads it as text")
    # A reading with characters no Russian text uses (box drawing, a lone «Ў») is a wrong code page:
    # the plausible readings come first, by their chaos and their case switches.
    readings = [(c + _case_switches(t), e, t) for c, e, t in readings]
    readings.sort(key=lambda r: (_implausible(r[2]) > 0, r[0]))
    chaos, encoding, text = readings[0]
    # Letter statistics need letters: a short text is read with doubt whenever another candidate reads
    # it differently.
    margin = _RIVAL_MARGIN if sum(1 for b in data if b >= 0x80) >= _FEW_LETTERS else 1.0
    rivals = tuple(e for c, e, t in readings[1:] if t != text and c - chaos <= margin and not _implausible(t))
    uncertain = doubtful or bool(rivals) or chaos > _DOUBTFUL_CHAOS or _implausible(text) > 0
    uncertain = uncertain or encoding not in ranked
    return DecodedText(text, encoding, "detected", uncertain, rivals)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _readings(matches: Iterable[Any], data: bytes) -> list[tuple[float, str, str]]:
    readings: list[tuple[float, str, str]] = []
    for match in matches:
        encoding = match.encoding
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _binary(text):
            continue
        readings.append((float(match.chaos), encoding, text))
    return readings


_PLAUSIBLE = re.compile(
    r"[0-9A-Za-zА-Яа-яЁёІіЇїЄєЎўҐґ_\s.,;:!?()\[\]{}\"'«»„“”‘’–—‐‑−/\\|+*=<>%№#&@^~`$€₽°§…•·▪●-]"
)


def _implausible(text: str) -> int:
    """How many characters of the text no Russian document writes (pseudographics, stray symbols)."""
    return sum(1 for ch in text if not _PLAUSIBLE.match(ch) or ("\u0080" <= ch <= "\u00bf"))


_SWITCH = re.compile(r"[а-яё][А-ЯЁ]")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]{2,}")


def _case_switches(text: str) -> float:
    """The share of Cyrillic words with a capital after a small letter («нЕПНОПХЪРХЪ»).

    Russian writing has none (abbreviations are all capitals, names start with one), but a
    Windows-1251 text read as KOI8-R, or the reverse, swaps the case of every letter, so its
    capitalised words all switch. The detection library's letter statistics do not always tell those
    two readings apart (charset-normalizer 3.4 rates them equal), this does.
    """
    words = _CYRILLIC_WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for word in words if _SWITCH.search(word)) / len(words)


def _binary(text: str) -> bool:
    """True for a decoding full of control characters, or mostly of characters no Russian document
    writes (binary data, or a two-byte reading of one-byte text)."""
    if not text:
        return False
    if _implausible(text) > 0.3 * max(1, len(text) - text.count(" ")):
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\v\f")
    return controls > max(2, len(text) // 100)
