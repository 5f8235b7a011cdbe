# The public names of gia_roadmap.plan, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .binding import (
    EventBinder as EventBinder,
    measure_scope as measure_scope,
    plan_exam_kinds as plan_exam_kinds,
)
from .bodies import (
    Body as Body,
    BodyKind as BodyKind,
    BodyLevel as BodyLevel,
    classify_body as classify_body,
    FEDERAL_BODIES as FEDERAL_BODIES,
    find_federal_body as find_federal_body,
    STANDARD_ABBREVIATIONS as STANDARD_ABBREVIATIONS,
    standard_body as standard_body,
)
from .builder import (
    RECORD_FIELDS as RECORD_FIELDS,
    RoadmapBuilder as RoadmapBuilder,
    RoadmapBuildError as RoadmapBuildError,
)
from .cascade import (
    ItemLink as ItemLink,
    link_plans as link_plans,
    LinkSource as LinkSource,
    LinkSuggestion as LinkSuggestion,
    PlanLinks as PlanLinks,
    PlanSet as PlanSet,
)
from .categories import (
    CategoryMention as CategoryMention,
    find_categories as find_categories,
    resolve_category as resolve_category,
    SpecialistCategory as SpecialistCategory,
)
from .checks import (
    CATALOGUE as CATALOGUE,
    check as check,
    CheckContext as CheckContext,
    CheckOptions as CheckOptions,
    CHECKS as CHECKS,
    CodeInfo as CodeInfo,
    FindingKind as FindingKind,
    is_training as is_training,
    STANDARD_TRAINED_CATEGORIES as STANDARD_TRAINED_CATEGORIES,
)
from .checks.sets import (
    CascadeReport as CascadeReport,
    check_plans as check_plans,
)
from .execution import (
    execution_report as execution_report,
    ExecutionReport as ExecutionReport,
    ExecutionRow as ExecutionRow,
    ExecutionState as ExecutionState,
    mark as mark,
)
from .findings import (
    Finding as Finding,
    Report as Report,
    ReportSummary as ReportSummary,
    Suppression as Suppression,
)
from .glossary import (
    Glossary as Glossary,
    GlossaryEntry as GlossaryEntry,
    GlossarySource as GlossarySource,
    harvest_inline as harvest_inline,
    harvest_list as harvest_list,
)
from .graph import (
    DanglingLink as DanglingLink,
    DependencyGraph as DependencyGraph,
    EventNode as EventNode,
    ImplementsLink as ImplementsLink,
    Link as Link,
    LinkOrigin as LinkOrigin,
    MARKERS as MARKERS,
    Node as Node,
    suggest_links as suggest_links,
    SuggestedLink as SuggestedLink,
)
from .model import (
    ActionLevel as ActionLevel,
    Cluster as Cluster,
    Dependency as Dependency,
    DependencyKind as DependencyKind,
    GroupingKind as GroupingKind,
    LevelAction as LevelAction,
    LocatedMeasure as LocatedMeasure,
    Measure as Measure,
    MeasureId as MeasureId,
    MeasureNumber as MeasureNumber,
    MeasureRef as MeasureRef,
    Order as Order,
    ParentItemRef as ParentItemRef,
    PlanLevel as PlanLevel,
    PlanRef as PlanRef,
    Provenance as Provenance,
    ProvenanceKind as ProvenanceKind,
    Roadmap as Roadmap,
    Section as Section,
    SectionKind as SectionKind,
    Status as Status,
    StatusKind as StatusKind,
    Target as Target,
    TargetKind as TargetKind,
)
from .owners import term_owners as term_owners
from .people import (
    NameOrder as NameOrder,
    parse_person as parse_person,
    Person as Person,
    Role as Role,
)
from .queries import (
    by_body as by_body,
    by_category as by_category,
    by_exam_scope as by_exam_scope,
    by_person as by_person,
    by_role as by_role,
    by_section_kind as by_section_kind,
    DueState as DueState,
    in_range as in_range,
    MeasureState as MeasureState,
    resolve_measure as resolve_measure,
    states as states,
)
from .responsible import (
    MatchQuality as MatchQuality,
    Party as Party,
    resolve_responsible as resolve_responsible,
    Responsible as Responsible,
    ResponsibleResolver as ResponsibleResolver,
)
from .rollforward import (
    roll_forward as roll_forward,
    RollChange as RollChange,
    RollForward as RollForward,
    RollReason as RollReason,
)
from .scheduling import (
    NodeSchedule as NodeSchedule,
    Schedule as Schedule,
    schedule as schedule,
    Violation as Violation,
    ViolationKind as ViolationKind,
)
from .sections import classify_section as classify_section
from .summary import (
    PlanSummary as PlanSummary,
    summarize as summarize,
)
from .versions import (
    ChangeKind as ChangeKind,
    compare as compare,
    diff as diff,
    MeasureChange as MeasureChange,
    PlanDiff as PlanDiff,
)
from .views import (
    plan_schedule as plan_schedule,
    PlanSchedule as PlanSchedule,
    ScheduleRow as ScheduleRow,
)
