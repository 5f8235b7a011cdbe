# The public names of gia_roadmap.calendar, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .admission_dates import (
    admission_procedure as admission_procedure,
    admission_test_dates as admission_test_dates,
    AdmissionDate as AdmissionDate,
    AdmissionProcedure as AdmissionProcedure,
    AdmissionRule as AdmissionRule,
)
from .anchors import (
    Anchor as Anchor,
    OpenAnchor as OpenAnchor,
)
from .daykinds import (
    CalendarDay as CalendarDay,
    DayKind as DayKind,
    WorkWeek as WorkWeek,
)
from .events import (
    derive as derive,
    EventScope as EventScope,
    exam_events as exam_events,
    exam_events_for as exam_events_for,
    ExamDayResolution as ExamDayResolution,
    ExamEvent as ExamEvent,
    ExamEvents as ExamEvents,
    resolve_per_exam_day as resolve_per_exam_day,
)
from .exams import (
    detect_exam_scopes as detect_exam_scopes,
    detect_exam_stages as detect_exam_stages,
    exam_subjects as exam_subjects,
    ExamKind as ExamKind,
    ExamScope as ExamScope,
    ExamStage as ExamStage,
    find_subjects as find_subjects,
    mentions_reserve_days as mentions_reserve_days,
    PeriodKind as PeriodKind,
    Subject as Subject,
)
from .grammar import (
    parse_term as parse_term,
    split_terms as split_terms,
)
from .production import (
    HOLIDAY_NAMES as HOLIDAY_NAMES,
    RussianCalendar as RussianCalendar,
)
from .regional import (
    RegionalDay as RegionalDay,
    RegionalYear as RegionalYear,
    regions_with_days as regions_with_days,
)
from .rendering import render as render
from .schedule import (
    bundled_school_years as bundled_school_years,
    bundled_sources as bundled_sources,
    Confidence as Confidence,
    ExamDay as ExamDay,
    ExamSchedule as ExamSchedule,
    OrderKind as OrderKind,
    OrderStatus as OrderStatus,
    PeriodWindow as PeriodWindow,
    ScheduleOrder as ScheduleOrder,
    ScheduleSource as ScheduleSource,
)
from .schoolyear import (
    DateWindow as DateWindow,
    SchoolYear as SchoolYear,
)
from .subjects import (
    federal_subject as federal_subject,
    federal_subjects as federal_subjects,
    FederalSubject as FederalSubject,
    find_federal_subjects as find_federal_subjects,
)
from .terms import (
    Bound as Bound,
    ByDate as ByDate,
    ByMonth as ByMonth,
    CalendarYear as CalendarYear,
    Compound as Compound,
    Conditional as Conditional,
    Continuous as Continuous,
    DateList as DateList,
    DayList as DayList,
    DayRange as DayRange,
    DayRef as DayRef,
    ExactDate as ExactDate,
    ExamPeriod as ExamPeriod,
    ExamPhase as ExamPhase,
    ExternalSchedule as ExternalSchedule,
    Frequency as Frequency,
    FromDate as FromDate,
    HalfYearTerm as HalfYearTerm,
    Label as Label,
    MissingTerm as MissingTerm,
    Month as Month,
    MonthList as MonthList,
    MonthPart as MonthPart,
    MonthRange as MonthRange,
    MonthRef as MonthRef,
    Note as Note,
    NthDay as NthDay,
    OnRequest as OnRequest,
    PartOfMonth as PartOfMonth,
    PerExam as PerExam,
    PeriodEnd as PeriodEnd,
    PeriodList as PeriodList,
    PlanPeriod as PlanPeriod,
    QuarterTerm as QuarterTerm,
    Recurring as Recurring,
    Relative as Relative,
    Resolution as Resolution,
    ResolutionStatus as ResolutionStatus,
    ResolveOptions as ResolveOptions,
    SchoolYearTerm as SchoolYearTerm,
    Season as Season,
    SeasonTerm as SeasonTerm,
    SeparatePlan as SeparatePlan,
    SeparateSchedule as SeparateSchedule,
    Term as Term,
    TermLike as TermLike,
    TermSequence as TermSequence,
    TimeOfDay as TimeOfDay,
    Unit as Unit,
    UnparsedTerm as UnparsedTerm,
    WorkingDayCalendar as WorkingDayCalendar,
    YearOrigin as YearOrigin,
)
from .timeline_data import (
    federal_timelines as federal_timelines,
    read_timelines as read_timelines,
)
from .timelines import (
    Applicability as Applicability,
    DerivedDate as DerivedDate,
    DerivedEvents as DerivedEvents,
    JointAssessment as JointAssessment,
    Timeline as Timeline,
    TimelineEvent as TimelineEvent,
    TimelineRule as TimelineRule,
)
from .yeardata import (
    bundled_years as bundled_years,
    Decree as Decree,
    SpecialPeriod as SpecialPeriod,
    Transfer as Transfer,
    WeekData as WeekData,
    YearData as YearData,
)
