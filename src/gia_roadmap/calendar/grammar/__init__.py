"""The deadline grammar: Russian deadline text («Сроки») → :mod:`~gia_roadmap.calendar.terms`.

:func:`parse_term` reads one cell into one term (a list, a sequence or a compound when the cell holds
several parts); :func:`split_terms` cuts a stacked cell into its items. The grammar is a set of
productions that combine freely — day atoms × prefixes × ranges × lists × annotations, month atoms in
any case, parts of periods, calendar rules, relative offsets × directions × events — documented as a
table in ``docs/deadline-grammar.md`` and generated at random, with the meaning of each phrase, by
:mod:`~gia_roadmap.calendar.grammar.phrases`.

Modules, in the order they build on each other: :mod:`.normalizer` (text prepared for matching),
:mod:`.lexicon` (words, from the shared vocabulary :mod:`gia_roadmap.text`), :mod:`.reader` (state and
helpers), the productions :mod:`.days`, :mod:`.months`, :mod:`.named`, :mod:`.counted`, then
:mod:`.parser` and :mod:`.splitter`.

Lenient mode (the default) never raises: text no rule fits becomes
:class:`~gia_roadmap.calendar.terms.UnparsedTerm` with the position (in the original text) where
reading stopped and what was expected there. Strict mode raises
:class:`~gia_roadmap.errors.TermSyntaxError` instead.
"""

from __future__ import annotations

from gia_roadmap.calendar.grammar.normalizer import PARA, Normalized, normalize
from gia_roadmap.calendar.grammar.parser import parse_term
from gia_roadmap.calendar.grammar.splitter import split_terms

__all__ = ["PARA", "Normalized", "normalize", "parse_term", "split_terms"]
