"""A snapshot of the day kind of every covered date, five- and six-day weeks.

Any change to the bundled data changes this snapshot, so it shows up in review as a diff of
``snapshots/day_kinds.txt``. Regenerate after a reviewed data change with
``python -m tests.calendar.test_snapshot``.

Codes: W working, S shortened working day, E weekend, H holiday, T transferred day off, R working
weekend day, r shortened working weekend day, N special non-working day (Presidential decree).
"""

import datetime as dt
from pathlib import Path

from gia_roadmap.calendar import DayKind, RussianCalendar, WorkWeek, bundled_years

SNAPSHOT = Path(__file__).with_name("snapshots") / "day_kinds.txt"
CODES = {
    DayKind.WORKING: "W",
    DayKind.SHORT: "S",
    DayKind.WEEKEND: "E",
    DayKind.HOLIDAY: "H",
    DayKind.TRANSFERRED_DAY_OFF: "T",
    DayKind.WORKING_WEEKEND: "R",
    DayKind.SPECIAL_NON_WORKING: "N",
}


def _code(calendar: RussianCalendar, day: dt.date) -> str:
    record = calendar.day(day)
    code = CODES[record.kind]
    if record.is_short and record.kind is DayKind.WORKING:
        return "S"
    if record.is_short and record.kind is DayKind.WORKING_WEEKEND:
        return "r"
    return code


def render_snapshot() -> str:
    lines = []
    for week in WorkWeek:
        calendar = RussianCalendar(work_week=week)
        for year in bundled_years():
            start = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - start).days
            codes = "".join(_code(calendar, start + dt.timedelta(days=i)) for i in range(days))
            lines.append(f"{week.value} {year} {codes}")
    return "\n".join(lines) + "\n"


def test_day_kinds_match_the_reviewed_snapshot() -> None:
    expected = {tuple(line.split()[:2]): line.split()[2] for line in SNAPSHOT.read_text().splitlines()}
    actual = {tuple(line.split()[:2]): line.split()[2] for line in render_snapshot().splitlines()}
    assert actual.keys() == expected.keys(), "covered years changed: regenerate the snapshot after review"
    differences = []
    for key, codes in actual.items():
        year = int(key[1])
        for i, (was, now) in enumerate(zip(expected[key], codes, strict=True)):
            if was != now:
                day = dt.date(year, 1, 1) + dt.timedelta(days=i)
                differences.append(f"{key[0]} {day.isoformat()}: {was} -> {now}")
    assert not differences, "day kinds changed:\n" + "\n".join(differences[:50])


def test_snapshot_encodes_every_day() -> None:
    for line in SNAPSHOT.read_text().splitlines():
        _, year, codes = line.split()
        assert len(codes) == (dt.date(int(year) + 1, 1, 1) - dt.date(int(year), 1, 1)).days
        assert set(codes) <= set("WSEHTRrN")


if __name__ == "__main__":
    SNAPSHOT.write_text(render_snapshot())
    print(f"wrote {SNAPSHOT}")
