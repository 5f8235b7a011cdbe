"""The plan's region: set or read from the issuer, and used by check() and the CLI."""

import datetime as dt
import io
import json

import attrs
import pytest

from gia_roadmap import io as roadmap_io
from gia_roadmap.calendar import DayKind, RussianCalendar, SchoolYear
from gia_roadmap.cli import main
from gia_roadmap.errors import InvalidValueError
from gia_roadmap.plan import Roadmap, check
from gia_roadmap.plan.regions import estimated_years, plan_region, regional_calendar
from tests.checks.plans import m, plan

D = dt.date
TATARSTAN = "Министерство образования и науки Республики Татарстан"


def test_the_region_is_set_or_read() -> None:
    assert plan_region(Roadmap(id="x", region="ru-ta")).code == "RU-TA"
    reading = plan_region(Roadmap(id="x", issuer=TATARSTAN))
    assert (reading.code, reading.source) == ("RU-TA", "issuer")
    assert plan_region(Roadmap(id="x", territory="Республике Башкортостан")).source == "territory"
    assert plan_region(Roadmap(id="x", title="План Министерства образования Калмыкии")).code == "RU-KL"
    # the region set wins over the issuer
    assert plan_region(Roadmap(id="x", issuer=TATARSTAN, region="RU-BA")).code == "RU-BA"
    two = plan_region(Roadmap(id="x", issuer="Минобрнауки Татарстана и Башкортостана"))
    assert two.code is None
    assert two.candidates == ("RU-TA", "RU-BA")
    assert plan_region(Roadmap(id="x", issuer="Управление образования города Когалыма")).code is None


def test_a_bad_region_is_named() -> None:
    with pytest.raises(InvalidValueError, match="RU-QQ"):
        Roadmap(id="x", region="RU-QQ")


def test_the_region_survives_a_round_trip() -> None:
    roadmap = Roadmap(id="x", region="RU-SA")
    assert roadmap_io.loads(roadmap_io.dumps(roadmap)).region == "RU-SA"
    assert roadmap_io.loads(roadmap_io.dumps(Roadmap(id="y"))).region is None
    document = json.loads(roadmap_io.dumps(roadmap))
    document["roadmap"]["region"] = "RU-ZZ"
    with pytest.raises(Exception, match="region"):
        roadmap_io.loads(json.dumps(document))


def test_check_counts_the_regional_days() -> None:
    # Курбан-байрам 28.06.2023 in Татарстан: a deadline on it is on a day off there, not elsewhere
    roadmap = plan(m("1", term="28.06.2023"))
    federal = check(roadmap, calendar=RussianCalendar())
    assert "GR206" not in federal.codes
    tatarstan = check(attrs.evolve(roadmap, issuer=TATARSTAN), calendar=RussianCalendar())
    assert "GR206" in tatarstan.codes
    assert "GR212" not in tatarstan.codes


def test_regional_calendar() -> None:
    federal = RussianCalendar()
    roadmap = attrs.evolve(plan(m("1")), issuer=TATARSTAN)
    calendar = regional_calendar(roadmap, federal)
    assert calendar.region == "RU-TA"
    assert not calendar.rules_only  # 2023/2024 is official
    assert calendar.day_kind(D(2023, 6, 28)) is DayKind.REGIONAL_HOLIDAY
    # a school year without official data: estimates, and GR212 says which years
    old = attrs.evolve(roadmap, school_year=SchoolYear(2021))
    estimated = regional_calendar(old, federal)
    assert estimated.rules_only
    assert estimated_years(old, estimated) == (2022,)
    # a calendar with a region, None, or a plain calendar: left alone
    bashkortostan = RussianCalendar(region="RU-BA")
    assert regional_calendar(roadmap, bashkortostan) is bashkortostan
    assert regional_calendar(roadmap, None) is None
    # a plan without a region, or from a region without days of its own: the federal calendar
    assert regional_calendar(plan(m("1")), federal) is federal
    assert (
        regional_calendar(
            attrs.evolve(roadmap, issuer="Министерство образования Московской области"), federal
        )
        is federal
    )


@pytest.mark.parametrize(
    ("issuer", "calendar", "expected"),
    [
        (TATARSTAN, RussianCalendar(region="RU-BA"), "the calendar used does not hold them"),
        ("Минобрнауки Татарстана и Башкортостана", RussianCalendar(), "names several subjects"),
        ("Министерство образования Карачаево-Черкесской Республики", RussianCalendar(), "Радоница"),
    ],
)
def test_gr212_variants(issuer: str, calendar: RussianCalendar, expected: str) -> None:
    report = check(attrs.evolve(plan(m("1")), issuer=issuer), calendar=calendar)
    messages = [f.text("en") for f in report.notices if f.code == "GR212"]
    assert any(expected in message for message in messages), messages


def test_cli_region_option(tmp_path: object) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["calendar", "2025", "--month", "6", "--region", "RU-TA"], stdout=out, stderr=err) == 0
    assert "Р" in out.getvalue()
    out = io.StringIO()
    status = main(
        ["check", "--example", "yurga-2024", "--region", "RU-KL", "--format", "json"], stdout=out, stderr=err
    )
    assert status in (0, 1, 3)
    assert "RU-KL" in out.getvalue()
    out = io.StringIO()
    assert main(["calendar", "2025", "--region", "RU-XX"], stdout=out, stderr=err) == 2
