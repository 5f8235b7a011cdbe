"""Hypothesis strategies over the official calendar's coverage."""

import datetime as dt

from hypothesis import strategies as st

from gia_roadmap.calendar import RussianCalendar, bundled_years

FIRST_YEAR, LAST_YEAR = bundled_years()[0], bundled_years()[-1]
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(LAST_YEAR, 12, 31)

# Leave room at both ends so that shifts of up to 80 working days (two composed shifts) stay inside.
inner_dates = st.dates(
    min_value=FIRST_DAY + dt.timedelta(days=160), max_value=LAST_DAY - dt.timedelta(days=160)
)
any_dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
shifts = st.integers(min_value=-60, max_value=60)
nonzero_shifts = shifts.filter(bool)
calendars = st.sampled_from(
    [
        RussianCalendar(),
        RussianCalendar(work_week="six_day"),
        RussianCalendar(special_days_off=True),
        RussianCalendar(work_week="six_day", special_days_off=True),
        RussianCalendar(region="RU-BA", rules_only=True),
        RussianCalendar(region="RU-TA", work_week="six_day", rules_only=True),
    ]
)
