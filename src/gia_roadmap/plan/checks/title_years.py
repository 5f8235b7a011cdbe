"""GR216: the exam season a measure's title names contradicts its dates or the plan's school year.

Plans are copied forward from year to year, and the years in the titles are where a copy shows:
«консультации по технологии проведения ЕГЭ, ОГЭ-2022» in the plan for 2022/2023, or «материалы по
итогам ГИА в 2022 году» due in August 2023, when the results of 2023 are the ones just in. The check
reads the exam seasons a title names — «ГИА-2023», «ЕГЭ 2023 года», «ОГЭ-2022», «… ГИА … в 2022
году» — and holds the latest of them to the measure:

* a review («анализ», «итоги», «результаты», «типичные ошибки») must not name a season older than
  the last one that was over when the measure starts (a season's results are in by July);
* any other measure (preparation, consultations, holding) must not name only seasons before the
  plan's own (the exams of the school year's spring), unless its dates lie before that school year.

Several seasons in one title are judged by the latest («Анализ ГИА-2023 и подготовка к ГИА-2024»).
Years of legal acts («от 29.11.2021 № 2085»), of calendar periods («на 2022 год») and of school years
are not seasons and are not read; a stale year in a deadline is GR208.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gia_roadmap.errors import Severity
from gia_roadmap.plan.checks.context import CheckContext
from gia_roadmap.plan.checks.registry import rule
from gia_roadmap.plan.findings import Finding
from gia_roadmap.text import dash_class

_EXAM = r"(?:ГИА|ЕГЭ|ОГЭ|ГВЭ)"
_SEASON = re.compile(
    rf"{_EXAM}(?:\s?{dash_class()}?\s?(?:9|11))?\s?{dash_class()}?\s?(?P<a>20\d\d)"
    rf"(?!\d)(?!\s?{dash_class()}\s?20\d\d)"
    rf"|(?:{_EXAM}|итоговой аттестации)[^.;()«»]{{0,80}}?\sв\s(?P<b>20\d\d)\s+год(?:у|ах)\b"
)
"""An exam season named in a title: «ГИА-2023», «ЕГЭ 2023», «ОГЭ -2022», «ГИА-9 2024», and «… ГИА … в
2022 году» (the exams named before the year, in the same clause). «2022-2023» (a span of years) is
not read."""

_REVIEW = re.compile(
    r"анализ|итог|результат|обсужд|статистическ|проблемн|ошибк|трудност|дефицит", re.IGNORECASE
)
"""Words of a review of past exams («анализ», «итоги», «результаты», «проблемные вопросы», «типичные
ошибки»)."""


def _last_season_over(day: dt.date) -> int:
    """The latest exam season whose main results are in on ``day`` (a season ends in July)."""
    return day.year if day.month >= 8 else day.year - 1


def seasons(title: str) -> tuple[int, ...]:
    """The exam seasons (years) a title names, in order of appearance.

    >>> seasons("Анализ ГИА-2023 и перспективы подготовки к ГИА-2024")
    (2023, 2024)
    >>> seasons("по итогам проведения ГИА-9, ГИА-11 в 2023 году в Кемеровской области")
    (2023,)
    >>> seasons("постановлением Правительства РФ от 29.11.2021 № 2085")
    ()
    """
    return tuple(int(m.group("a") or m.group("b")) for m in _SEASON.finditer(title))


@rule("GR216", Severity.WARNING)
def check_title_seasons(ctx: CheckContext) -> Iterator[Finding]:
    """The latest exam season a title names («ГИА-2023», «ЕГЭ 2023», «… ГИА … в 2022 году») is older
    than it can be: for a review («анализ», «итоги», «результаты»), older than the last season over
    when the measure starts; for any other measure, older than the plan's own season (the spring of
    its school year), unless the measure's dates lie before the school year. Measures without
    written dates are judged by the plan's season alone, reviews not at all."""
    school_year = ctx.roadmap.school_year
    if school_year is None:
        return
    plan_season = school_year.start_year + 1
    year_start = dt.date(school_year.start_year, 9, 1)
    explicit = ctx.explicit_list
    for position, item in enumerate(ctx.located):
        title = item.measure.title
        if "20" not in title:  # every season is written «20\d\d»: most titles need no search
            continue
        named = seasons(title)
        if not named:
            continue
        latest = max(named)
        # the written windows only of the titles that name a season (made when read)
        start = min((window.start for _, window in explicit[position]), default=None)
        if _REVIEW.search(title):
            if start is None:
                continue
            expected = _last_season_over(start)
        else:
            if start is not None and start < year_start:
                continue
            expected = plan_season
        if latest >= expected:
            continue
        yield ctx.finding(
            "GR216",
            ctx.location(item, "title"),
            params={"season": latest, "expected": expected},
            evidence=" ".join(title.split()),
        )
