"""The message catalogue («каталог сообщений»): what each finding code says, in Russian and English.

Every finding and reading notice of :func:`~gia_roadmap.plan.checks.check` is written from one entry of
``plan/data/findings.toml``: per code, a snake_case ``name`` and, per language, a ``title`` (one line:
what the code means), a ``message`` template and a ``hint`` (what to change). The ``[ui]`` table holds
the words the reports share (counts, headings), so the CLI, the HTML report and the XLSX «Замечания»
sheet say the same thing. Russian is the default language everywhere; ``lang="en"`` gives English.

A template is :meth:`str.format` text whose fields are the finding's parameters (:data:`Param`):

* text is inserted as it is (Russian source text stays Russian in both languages);
* a number with ``:plural:one|few|many`` becomes the number with the agreeing noun («334 мероприятия»,
  «1 замечание»: :func:`~gia_roadmap.text.plural_form`); English gives two forms, ``one|other``;
  ``:word:…`` gives the noun alone;
* a date reads «16.03.2024» (English: «2024-03-16»), ``:weekday`` its weekday («суббота»);
* a :class:`~gia_roadmap.calendar.schoolyear.DateWindow` reads «01.09.2023 – 30.04.2024»;
* a :class:`~gia_roadmap.errors.Location` reads as the place in the document («раздел 2, п. 2.2.14»);
* :class:`Localized` text takes the language's version;
* a tuple joins its items with «, » (``:path`` with « → », ``:first5`` the first five and «…»).

>>> render("GR501", {"number": "2.2.14", "first": "Назначение членов ПК", "other": "Внесение сведений"})
'Номер 2.2.14 дан двум мероприятиям: «Назначение членов ПК» и «Внесение сведений»'
>>> plural(334, "measures")
'334 мероприятия'
"""

from __future__ import annotations

import datetime as dt
import functools
import string
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, TypeAlias

import attrs

from gia_roadmap.calendar.schoolyear import DateWindow
from gia_roadmap.errors import InvalidValueError, Language, Location
from gia_roadmap.text import WEEKDAYS_NOMINATIVE, plural_form

__all__ = [
    "CodeText",
    "Localized",
    "MessageText",
    "Param",
    "code_text",
    "codes",
    "plural",
    "render",
    "ui",
]

LANGUAGES: tuple[Language, ...] = ("ru", "en")


@attrs.frozen
class Localized:
    """A piece of text the check writes itself, in both languages («событие» / «event»)."""

    ru: str
    en: str

    def text(self, lang: Language) -> str:
        """The text in ``lang``."""
        return self.ru if lang == "ru" else self.en


Param: TypeAlias = str | int | dt.date | DateWindow | Location | Localized | tuple["Param", ...]
"""A value a message template inserts (see the module docstring for how each kind reads)."""


@attrs.frozen
class MessageText:
    """One code's texts in one language.

    Attributes:
        title: one line saying what the code means.
        message: the template of one finding's message.
        hint: what to change in the document (or in the call) so that the finding goes.
    """

    title: str
    message: str
    hint: str


@attrs.frozen
class CodeText:
    """One code's entry of the catalogue: its name and its texts per language."""

    code: str
    name: str
    ru: MessageText
    en: MessageText

    def text(self, lang: Language = "ru") -> MessageText:
        """The texts in ``lang``."""
        if lang == "ru":
            return self.ru
        if lang == "en":
            return self.en
        raise InvalidValueError(f"lang must be 'ru' or 'en', got {lang!r}")


@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files("gia_roadmap.plan").joinpath("data/findings.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def _catalogue() -> dict[str, CodeText]:
    out: dict[str, CodeText] = {}
    for code, entry in _data().items():
        if code == "ui":
            continue
        texts = {
            lang: MessageText(entry[lang]["title"], entry[lang]["message"], entry[lang]["hint"])
            for lang in LANGUAGES
        }
        out[code] = CodeText(code, entry["name"], texts["ru"], texts["en"])
    return out


def codes() -> tuple[str, ...]:
    """Every code the catalogue has texts for, in code order."""
    return tuple(sorted(_catalogue()))


def code_text(code: str) -> CodeText | None:
    """The catalogue entry of ``code``, None when the catalogue does not know it."""
    return _catalogue().get(code)


def ui(key: str, lang: Language = "ru") -> str:
    """A shared word or phrase of the reports («Что не удалось прочитать»), in ``lang``."""
    entry = _data()["ui"][key]
    value = entry[lang] if lang in LANGUAGES else entry["ru"]
    return str(value)


def plural(count: int, noun: str, lang: Language = "ru") -> str:
    """``count`` with the ``noun`` of the ``[ui.nouns]`` table agreeing with it: «334 мероприятия»,
    «1 замечание», «12 findings»."""
    forms = _data()["ui"]["nouns"][noun][lang]
    return f"{count} {_form(count, forms, lang)}"


def _form(count: int, forms: Sequence[str], lang: Language) -> str:
    if lang == "ru" and len(forms) == 3:
        return plural_form(count, forms[0], forms[1], forms[2])
    return forms[0] if abs(count) == 1 else forms[-1]


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_text(day: dt.date, lang: Language = "ru") -> str:
    """A date for people: «16.03.2024» (English: «2024-03-16»)."""
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()


def window_text(window: DateWindow, lang: Language = "ru") -> str:
    """A window for people: one date, or «01.09.2023 – 30.04.2024»."""
    if window.start == window.end:
        return date_text(window.start, lang)
    return f"{date_text(window.start, lang)} – {date_text(window.end, lang)}"


class _Formatter(string.Formatter):
    def __init__(self, lang: Language) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        kind, _, forms = format_spec.partition(":")
        if kind in ("plural", "word") and isinstance(value, int):
            form = _form(value, forms.split("|"), self.lang)
            return form if kind == "word" else f"{value} {form}"
        if kind == "weekday" and isinstance(value, dt.date):
            names = WEEKDAYS_NOMINATIVE if self.lang == "ru" else _WEEKDAYS_EN
            return names[value.weekday()]
        return self.text(value, kind)

    def text(self, value: Any, kind: str = "") -> str:
        if isinstance(value, str):
            return value
        if isinstance(value, Localized):
            return value.text(self.lang)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, DateWindow):
            return window_text(value, self.lang)
        if isinstance(value, dt.date):
            return date_text(value, self.lang)
        if isinstance(value, Location):
            return attrs.evolve(value, plan="", field="").describe(self.lang)
        if isinstance(value, tuple):
            items = [self.text(v) for v in value]
            if kind == "path":
                return " → ".join(items)
            if kind.startswith("first") and kind[5:].isdigit():
                limit = int(kind[5:])
                return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
            return ", ".join(items)
        raise InvalidValueError(f"a message parameter cannot be a {type(value).__name__}: {value!r}")


def render(
    code: str,
    params: Mapping[str, Param],
    lang: Language = "ru",
    *,
    part: str = "message",
) -> str:
    """The ``part`` («message», «title» or «hint») of ``code`` in ``lang``, with ``params`` filled in.

    Raises:
        InvalidValueError: the catalogue has no such code, or the template names a parameter not given.
    """
    entry = code_text(code)
    if entry is None:
        raise InvalidValueError(f"the message catalogue has no code {code!r}; known: {', '.join(codes())}")
    template = getattr(entry.text(lang), part)
    try:
        return _Formatter(lang).vformat(template, (), dict(params))
    except KeyError as error:
        raise InvalidValueError(
            f"the {lang} {part} of {code} needs the parameter {error.args[0]!r}; given: {', '.join(params)}"
        ) from None
