"""The one vocabulary of Russian text that calendar, plan and io share (bottom layer).

* :mod:`~gia_roadmap.text.months` — month names in every case, abbreviations, patterns;
* :mod:`~gia_roadmap.text.weekdays` — weekday names in every case and number, abbreviations;
* :mod:`~gia_roadmap.text.numerals` — numerals in words 0–999, cardinal, ordinal and collective, in
  every case and gender, read and written;
* :mod:`~gia_roadmap.text.dashes`, :mod:`~gia_roadmap.text.blanks`,
  :mod:`~gia_roadmap.text.lookalikes` — every dash, blank and invisible character, and the Latin
  letters that look Cyrillic, each in one table;
* :mod:`~gia_roadmap.text.cleaning` — :func:`clean_cell` and :func:`normalize`, the text the
  registries match against;
* :mod:`~gia_roadmap.text.fuzzy`, :mod:`~gia_roadmap.text.abbreviations` — typo-tolerant
  matching of known words and the rule of institutional abbreviations;
* :mod:`~gia_roadmap.text.stemming` — :func:`stem`: word stems (Snowball's Russian stemmer) for the
  vocabularies that compare words by stem;
* :mod:`~gia_roadmap.text.cases` — :class:`Case` and :class:`Gender`.

This package imports nothing of gia_roadmap but :mod:`gia_roadmap.errors` (and of other packages
only ``snowballstemmer``, a runtime dependency). Every name is written
once, in its module; ``__all__`` and ``dir()`` list exactly these.
"""

from gia_roadmap.text import (
    abbreviations,
    blanks,
    cases,
    cleaning,
    dashes,
    fuzzy,
    lists,
    lookalikes,
    months,
    numerals,
    stemming,
    weekdays,
)
from gia_roadmap.text.abbreviations import *  # noqa: F403
from gia_roadmap.text.blanks import *  # noqa: F403
from gia_roadmap.text.cases import *  # noqa: F403
from gia_roadmap.text.cleaning import *  # noqa: F403
from gia_roadmap.text.dashes import *  # noqa: F403
from gia_roadmap.text.fuzzy import *  # noqa: F403
from gia_roadmap.text.lists import *  # noqa: F403
from gia_roadmap.text.lookalikes import *  # noqa: F403
from gia_roadmap.text.months import *  # noqa: F403
from gia_roadmap.text.numerals import *  # noqa: F403
from gia_roadmap.text.stemming import *  # noqa: F403
from gia_roadmap.text.weekdays import *  # noqa: F403

_MODULES = (
    abbreviations, blanks, cases, cleaning, dashes, fuzzy, lists, lookalikes, months, numerals, stemming,
    weekdays,
)  # fmt: skip
__all__ = sorted(name for module in _MODULES for name in module.__all__)
del _MODULES


def __dir__() -> list[str]:
    return list(__all__)
