"""Who sets the dates a deadline refers to: the organisations named in an external schedule, a separate
plan or a request («по графику ФЦТ», «по запросу МОУО, ОО», «согласно приказам Департамента»).

Recognising organisations is plan knowledge, so it lives here, not in the deadline terms: a term keeps
the reference as written (``ExternalSchedule.text``), and :func:`term_owners` reads the bodies named in
it by general rules — a known word in any case ending and with the typos a reader forgives
(«Рособнадзора», «Депатраментa»: :class:`~gia_roadmap.text.Vocabulary`), a known phrase, or an
abbreviation of «институт развития образования» with a region's letters («ИРО», «ИРОК», «АИРО»:
:func:`~gia_roadmap.text.abbreviates`), named as written.

>>> from gia_roadmap.calendar import parse_term
>>> term_owners(parse_term("по графику Рособнадзора, графику региональных апробаций"))
('Рособрнадзор',)
"""

from __future__ import annotations

import re

from gia_roadmap.calendar.terms import ExternalSchedule, OnRequest, SeparatePlan, Term, walk
from gia_roadmap.text import Vocabulary, abbreviates

__all__ = ["owners", "term_owners"]

# Owners of an external schedule, found by general rules: a known word in any case ending and with
# the typos a reader forgives («Рособнадзора», «Депатраментa»: :class:`~gia_roadmap.text.Vocabulary`),
# a known phrase, or an abbreviation of «институт развития образования» with a region's letters
# («ИРО», «ИРОК», «АИРО»: :func:`~gia_roadmap.text.abbreviates`), named as written.
_OWNER_WORDS: Vocabulary[str] = Vocabulary(
    {
        "фцт": "ФЦТ",
        "рособрнадзор": "Рособрнадзор",
        "рон": "Рособрнадзор",
        "минпросвещения": "Минпросвещения",
        "фипи": "ФИПИ",
        "спецсвязь": "Спецсвязь",
        "департамент": "Департамент",
        "министерство": "Министерство",
        "минобрнауки": "Министерство",
        "умо": "УМО",
        "моуо": "МОУО",
        "оо": "ОО",
    },
    endings=3,
)
_OWNER_PHRASES = (
    ("ФЦТ", re.compile(r"федеральн\w* центр\w* тестировани")),
    ("Рособрнадзор", re.compile(r"федеральн\w* служб\w* по надзору")),
)
_INSTITUTE = "институт развития образования"
_OWNER_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_OWNER_ORDER = (
    "ФЦТ", "Рособрнадзор", "Минпросвещения", "ФИПИ", "Спецсвязь", "", "Департамент", "Министерство",
    "УМО", "МОУО", "ОО",
)  # fmt: skip
_OWNER_RANK = {name: rank for rank, name in enumerate(_OWNER_ORDER)}
_INSTITUTE_RANK = _OWNER_RANK[""]  # institutes come after the federal owners, before the regional ones


def owners(text: str) -> tuple[str, ...]:
    """The organisations named in ``text``, federal ones first, as they are usually called."""
    low = text.lower().replace("ё", "е")
    found = {name: _OWNER_RANK[name] for name, pattern in _OWNER_PHRASES if pattern.search(low)}
    for word in _OWNER_WORD.findall(text):
        name = _OWNER_WORDS.lookup(word)
        if name is not None:
            found.setdefault(name, _OWNER_RANK[name])
        elif abbreviates(word, _INSTITUTE):
            found.setdefault(word, _INSTITUTE_RANK)
    return tuple(sorted(found, key=found.__getitem__))


def term_owners(term: Term) -> tuple[str, ...]:
    """The organisations named in the references of ``term`` (external schedules, separate plans,
    requests), in reading order, each once."""
    found: dict[str, None] = {}
    for part in walk(term):
        if isinstance(part, ExternalSchedule | SeparatePlan | OnRequest):
            found.update(dict.fromkeys(owners(part.text)))
    return tuple(found)
