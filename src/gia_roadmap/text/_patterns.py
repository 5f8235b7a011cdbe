"""Regular-expression sources built from word lists (private helper of :mod:`gia_roadmap.text`).

Python's :mod:`re` tries the alternatives of ``a|b|c`` one after another, so a list of eighty month
forms written as a plain alternation is slow to search. :func:`words_pattern` folds the words into
a prefix tree first: ``январь|января|январе`` becomes ``январ(?:ь|я|е)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["names_pattern", "words_pattern"]

_Trie = dict[str, "_Trie"]
_END = ""  # key marking the end of a word (never a character of a word)


def words_pattern(words: Iterable[str]) -> str:
    """A non-capturing regex source matching exactly one of ``words`` (longest alternative first).

    The source has no anchors or word boundaries: the caller adds what its grammar needs.

    >>> words_pattern(["март", "марта", "май"])
    '(?:ма(?:й|рт(?:а)?))'
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        return "(?!)"  # matches nothing
    source = _source(trie)
    return source if len(trie) > 1 else "(?:" + source + ")"  # several branches are a group already


def names_pattern(words: Iterable[str], abbreviations: Iterable[str] = ()) -> str:
    """A regex source matching one of ``words`` or one of ``abbreviations`` followed by an optional
    dot (an abbreviation that is also a word, as «март», is matched as the word)."""
    full = set(words)
    source = words_pattern(sorted(full))
    short = set(abbreviations) - full
    return f"(?:{source}|{words_pattern(sorted(short))}\\.?)" if short else source


def _source(node: _Trie) -> str:
    """The pattern of what may follow ``node``: its branches, optional when a word ends here."""
    branches = [re.escape(char) + _source(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    if _END in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
