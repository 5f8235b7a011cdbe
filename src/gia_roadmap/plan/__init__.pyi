# The public names of gia_roadmap.plan, written once: type checkers read this stub, and at run
# time lazy_loader.attach_stub (in __init__.py) builds __all__, dir() and the lazy imports from it.
# A new public name is one line here (and one on its task page of docs/api/).

from .binding import (
    EventBinder as EventBinder,
)
from .binding import (
    measure_scope as measure_scope,
)
from .binding import (
    plan_exam_kinds as plan_exam_kinds,
)
from .bodies import (
    FEDERAL_BODIES as FEDERAL_BODIES,
)
from .bodies import (
    STANDARD_ABBREVIATIONS as STANDARD_ABBREVIATIONS,
)
from .bodies import (
    Body as Body,
)
from .bodies import (
    BodyKind as BodyKind,
)
from .bodies import (
    BodyLevel as BodyLevel,
)
from .bodies import (
    classify_body as classify_body,
)
from .bodies import (
    find_federal_body as find_federal_body,
)
from .bodies import (
    standard_body as standard_body,
)
from .categories import (
    CategoryMention as CategoryMention,
)
from .categories import (
    SpecialistCategory as SpecialistCategory,
)
from .categories import (
    find_categories as find_categories,
)
from .categories import (
    resolve_category as resolve_category,
)
from .checks import (
    CATALOGUE as CATALOGUE,
)
from .checks import (
    CHECKS as CHECKS,
)
from .checks import (
    STANDARD_TRAINED_CATEGORIES as STANDARD_TRAINED_CATEGORIES,
)
from .checks import (
    CheckContext as CheckContext,
)
from .checks import (
    CheckOptions as CheckOptions,
)
from .checks import (
    CodeInfo as CodeInfo,
)
from .checks import (
    FindingKind as FindingKind,
)
from .checks import (
    check as check,
)
from .checks import (
    is_training as is_training,
)
from .findings import (
    Finding as Finding,
)
from .findings import (
    Report as Report,
)
from .findings import (
    ReportSummary as ReportSummary,
)
from .findings import (
    Suppression as Suppression,
)
from .glossary import (
    Glossary as Glossary,
)
from .glossary import (
    GlossaryEntry as GlossaryEntry,
)
from .glossary import (
    GlossarySource as GlossarySource,
)
from .glossary import (
    harvest_inline as harvest_inline,
)
from .glossary import (
    harvest_list as harvest_list,
)
from .graph import (
    MARKERS as MARKERS,
)
from .graph import (
    DanglingLink as DanglingLink,
)
from .graph import (
    DependencyGraph as DependencyGraph,
)
from .graph import (
    EventNode as EventNode,
)
from .graph import (
    ImplementsLink as ImplementsLink,
)
from .graph import (
    Link as Link,
)
from .graph import (
    LinkOrigin as LinkOrigin,
)
from .graph import (
    Node as Node,
)
from .graph import (
    SuggestedLink as SuggestedLink,
)
from .graph import (
    suggest_links as suggest_links,
)
from .model import (
    ActionLevel as ActionLevel,
)
from .model import (
    Cluster as Cluster,
)
from .model import (
    Dependency as Dependency,
)
from .model import (
    DependencyKind as DependencyKind,
)
from .model import (
    GroupingKind as GroupingKind,
)
from .model import (
    LevelAction as LevelAction,
)
from .model import (
    LocatedMeasure as LocatedMeasure,
)
from .model import (
    Measure as Measure,
)
from .model import (
    MeasureId as MeasureId,
)
from .model import (
    MeasureNumber as MeasureNumber,
)
from .model import (
    MeasureRef as MeasureRef,
)
from .model import (
    Order as Order,
)
from .model import (
    ParentItemRef as ParentItemRef,
)
from .model import (
    PlanLevel as PlanLevel,
)
from .model import (
    PlanRef as PlanRef,
)
from .model import (
    Provenance as Provenance,
)
from .model import (
    ProvenanceKind as ProvenanceKind,
)
from .model import (
    Roadmap as Roadmap,
)
from .model import (
    Section as Section,
)
from .model import (
    SectionKind as SectionKind,
)
from .model import (
    Status as Status,
)
from .model import (
    StatusKind as StatusKind,
)
from .model import (
    Target as Target,
)
from .model import (
    TargetKind as TargetKind,
)
from .owners import term_owners as term_owners
from .people import (
    NameOrder as NameOrder,
)
from .people import (
    Person as Person,
)
from .people import (
    Role as Role,
)
from .people import (
    parse_person as parse_person,
)
from .queries import (
    DueState as DueState,
)
from .queries import (
    MeasureState as MeasureState,
)
from .queries import (
    by_body as by_body,
)
from .queries import (
    by_category as by_category,
)
from .queries import (
    by_exam_scope as by_exam_scope,
)
from .queries import (
    by_person as by_person,
)
from .queries import (
    by_role as by_role,
)
from .queries import (
    by_section_kind as by_section_kind,
)
from .queries import (
    in_range as in_range,
)
from .queries import (
    resolve_measure as resolve_measure,
)
from .queries import (
    states as states,
)
from .responsible import (
    MatchQuality as MatchQuality,
)
from .responsible import (
    Party as Party,
)
from .responsible import (
    Responsible as Responsible,
)
from .responsible import (
    ResponsibleResolver as ResponsibleResolver,
)
from .responsible import (
    resolve_responsible as resolve_responsible,
)
from .scheduling import (
    NodeSchedule as NodeSchedule,
)
from .scheduling import (
    Schedule as Schedule,
)
from .scheduling import (
    Violation as Violation,
)
from .scheduling import (
    ViolationKind as ViolationKind,
)
from .scheduling import (
    schedule as schedule,
)
from .sections import classify_section as classify_section
from .summary import (
    PlanSummary as PlanSummary,
)
from .summary import (
    summarize as summarize,
)
