# The public names of gia_roadmap.calendar, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .admission_dates import (
    AdmissionDate as AdmissionDate,
)
from .admission_dates import (
    AdmissionProcedure as AdmissionProcedure,
)
from .admission_dates import (
    AdmissionRule as AdmissionRule,
)
from .admission_dates import (
    admission_procedure as admission_procedure,
)
from .admission_dates import (
    admission_test_dates as admission_test_dates,
)
from .anchors import (
    Anchor as Anchor,
)
from .anchors import (
    OpenAnchor as OpenAnchor,
)
from .daykinds import (
    CalendarDay as CalendarDay,
)
from .daykinds import (
    DayKind as DayKind,
)
from .daykinds import (
    WorkWeek as WorkWeek,
)
from .events import (
    EventScope as EventScope,
)
from .events import (
    ExamDayResolution as ExamDayResolution,
)
from .events import (
    ExamEvent as ExamEvent,
)
from .events import (
    ExamEvents as ExamEvents,
)
from .events import (
    derive as derive,
)
from .events import (
    exam_events as exam_events,
)
from .events import (
    exam_events_for as exam_events_for,
)
from .events import (
    resolve_per_exam_day as resolve_per_exam_day,
)
from .exams import (
    ExamKind as ExamKind,
)
from .exams import (
    ExamScope as ExamScope,
)
from .exams import (
    ExamStage as ExamStage,
)
from .exams import (
    PeriodKind as PeriodKind,
)
from .exams import (
    Subject as Subject,
)
from .exams import (
    detect_exam_scopes as detect_exam_scopes,
)
from .exams import (
    detect_exam_stages as detect_exam_stages,
)
from .exams import (
    exam_subjects as exam_subjects,
)
from .exams import (
    find_subjects as find_subjects,
)
from .exams import (
    mentions_reserve_days as mentions_reserve_days,
)
from .grammar import (
    parse_term as parse_term,
)
from .grammar import (
    split_terms as split_terms,
)
from .production import (
    HOLIDAY_NAMES as HOLIDAY_NAMES,
)
from .production import (
    RussianCalendar as RussianCalendar,
)
from .regional import (
    RegionalDay as RegionalDay,
)
from .regional import (
    RegionalYear as RegionalYear,
)
from .regional import (
    regions_with_days as regions_with_days,
)
from .rendering import render as render
from .schedule import (
    Confidence as Confidence,
)
from .schedule import (
    ExamDay as ExamDay,
)
from .schedule import (
    ExamSchedule as ExamSchedule,
)
from .schedule import (
    OrderKind as OrderKind,
)
from .schedule import (
    OrderStatus as OrderStatus,
)
from .schedule import (
    PeriodWindow as PeriodWindow,
)
from .schedule import (
    ScheduleOrder as ScheduleOrder,
)
from .schedule import (
    ScheduleSource as ScheduleSource,
)
from .schedule import (
    bundled_school_years as bundled_school_years,
)
from .schedule import (
    bundled_sources as bundled_sources,
)
from .schoolyear import (
    DateWindow as DateWindow,
)
from .schoolyear import (
    SchoolYear as SchoolYear,
)
from .subjects import (
    FederalSubject as FederalSubject,
)
from .subjects import (
    federal_subject as federal_subject,
)
from .subjects import (
    federal_subjects as federal_subjects,
)
from .subjects import (
    find_federal_subjects as find_federal_subjects,
)
from .terms import (
    Bound as Bound,
)
from .terms import (
    ByDate as ByDate,
)
from .terms import (
    ByMonth as ByMonth,
)
from .terms import (
    CalendarYear as CalendarYear,
)
from .terms import (
    Compound as Compound,
)
from .terms import (
    Conditional as Conditional,
)
from .terms import (
    Continuous as Continuous,
)
from .terms import (
    DateList as DateList,
)
from .terms import (
    DayList as DayList,
)
from .terms import (
    DayRange as DayRange,
)
from .terms import (
    DayRef as DayRef,
)
from .terms import (
    ExactDate as ExactDate,
)
from .terms import (
    ExamPeriod as ExamPeriod,
)
from .terms import (
    ExamPhase as ExamPhase,
)
from .terms import (
    ExternalSchedule as ExternalSchedule,
)
from .terms import (
    Frequency as Frequency,
)
from .terms import (
    FromDate as FromDate,
)
from .terms import (
    HalfYearTerm as HalfYearTerm,
)
from .terms import (
    Label as Label,
)
from .terms import (
    MissingTerm as MissingTerm,
)
from .terms import (
    Month as Month,
)
from .terms import (
    MonthList as MonthList,
)
from .terms import (
    MonthPart as MonthPart,
)
from .terms import (
    MonthRange as MonthRange,
)
from .terms import (
    MonthRef as MonthRef,
)
from .terms import (
    Note as Note,
)
from .terms import (
    NthDay as NthDay,
)
from .terms import (
    OnRequest as OnRequest,
)
from .terms import (
    PartOfMonth as PartOfMonth,
)
from .terms import (
    PerExam as PerExam,
)
from .terms import (
    PeriodList as PeriodList,
)
from .terms import (
    PlanPeriod as PlanPeriod,
)
from .terms import (
    QuarterTerm as QuarterTerm,
)
from .terms import (
    Recurring as Recurring,
)
from .terms import (
    Relative as Relative,
)
from .terms import (
    Resolution as Resolution,
)
from .terms import (
    ResolutionStatus as ResolutionStatus,
)
from .terms import (
    ResolveOptions as ResolveOptions,
)
from .terms import (
    SchoolYearTerm as SchoolYearTerm,
)
from .terms import (
    Season as Season,
)
from .terms import (
    SeasonTerm as SeasonTerm,
)
from .terms import (
    SeparatePlan as SeparatePlan,
)
from .terms import (
    SeparateSchedule as SeparateSchedule,
)
from .terms import (
    Term as Term,
)
from .terms import (
    TermLike as TermLike,
)
from .terms import (
    TermSequence as TermSequence,
)
from .terms import (
    Unit as Unit,
)
from .terms import (
    UnparsedTerm as UnparsedTerm,
)
from .terms import (
    WorkingDayCalendar as WorkingDayCalendar,
)
from .terms import (
    YearOrigin as YearOrigin,
)
from .timeline_data import (
    federal_timelines as federal_timelines,
)
from .timeline_data import (
    read_timelines as read_timelines,
)
from .timelines import (
    Applicability as Applicability,
)
from .timelines import (
    DerivedDate as DerivedDate,
)
from .timelines import (
    DerivedEvents as DerivedEvents,
)
from .timelines import (
    JointAssessment as JointAssessment,
)
from .timelines import (
    Timeline as Timeline,
)
from .timelines import (
    TimelineEvent as TimelineEvent,
)
from .timelines import (
    TimelineRule as TimelineRule,
)
from .yeardata import (
    Decree as Decree,
)
from .yeardata import (
    SpecialPeriod as SpecialPeriod,
)
from .yeardata import (
    Transfer as Transfer,
)
from .yeardata import (
    WeekData as WeekData,
)
from .yeardata import (
    YearData as YearData,
)
from .yeardata import (
    bundled_years as bundled_years,
)
