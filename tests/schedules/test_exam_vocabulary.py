"""The exam vocabulary: subjects read in every case, exam scopes, campaign stages and reserve days in text.

The sentences are generated from a declension table written here from the grammar (each subject name in
the six cases, singular and, for foreign languages, plural), embedded among neutral words, with the
spellings real documents use (capitals, «ё», dashes, Latin look-alike letters).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import (
    ExamKind,
    ExamScope,
    ExamStage,
    PeriodKind,
    Subject,
    detect_exam_scopes,
    detect_exam_stages,
    exam_subjects,
    find_subjects,
    mentions_reserve_days,
)

_LANGUAGE_FORMS = (
    "иностранный язык",
    "иностранного языка",
    "иностранному языку",
    "иностранным языком",
    "иностранном языке",
    "иностранные языки",
    "иностранных языков",
    "иностранным языкам",
    "иностранными языками",
    "иностранных языках",
    "английский язык",
    "английскому языку",
    "немецкого языка",
    "французским языком",
    "испанском языке",
    "китайскому языку",
)


def _levels(level_adjective: tuple[str, ...], level_genitive: str) -> tuple[str, ...]:
    maths = ("математика", "математики", "математике", "математику", "математикой")
    return (
        *(f"{m} {level_genitive}" for m in maths),
        *(f"{a} {m}" for a, m in zip(level_adjective, maths, strict=True)),
    )


FORMS: dict[Subject, tuple[str, ...]] = {
    Subject.RUSSIAN: (
        "русский язык",
        "русского языка",
        "русскому языку",
        "русским языком",
        "русском языке",
    ),
    Subject.MATHEMATICS: ("математика", "математики", "математике", "математику", "математикой"),
    Subject.MATHEMATICS_PROFILE: (
        *_levels(
            ("профильная", "профильной", "профильной", "профильную", "профильной"), "профильного уровня"
        ),
        "математика (профильный уровень)",
        "математике (профильная)",
    ),
    Subject.MATHEMATICS_BASE: (
        *_levels(("базовая", "базовой", "базовой", "базовую", "базовой"), "базового уровня"),
        "математика (базовый уровень)",
        "математики (базовая)",
    ),
    Subject.PHYSICS: ("физика", "физики", "физике", "физику", "физикой"),
    Subject.CHEMISTRY: ("химия", "химии", "химию", "химией"),
    Subject.BIOLOGY: ("биология", "биологии", "биологию", "биологией"),
    Subject.GEOGRAPHY: ("география", "географии", "географию", "географией"),
    Subject.HISTORY: ("история", "истории", "историю", "историей"),
    Subject.SOCIAL_STUDIES: (
        "обществознание",
        "обществознания",
        "обществознанию",
        "обществознанием",
        "обществознании",
    ),
    Subject.LITERATURE: ("литература", "литературы", "литературе", "литературу", "литературой"),
    Subject.INFORMATICS: ("информатика", "информатики", "информатике", "информатику", "информатикой"),
    Subject.FOREIGN_LANGUAGES: _LANGUAGE_FORMS,
    Subject.FOREIGN_LANGUAGES_WRITTEN: tuple(f"{f} (письменная часть)" for f in _LANGUAGE_FORMS),
    Subject.FOREIGN_LANGUAGES_ORAL: tuple(f"{f} (устная часть)" for f in _LANGUAGE_FORMS)
    + tuple(f"устная часть экзамена по {f}" for f in _LANGUAGE_FORMS if "ым" in f or "ому" in f),
}

# Words that name no subject, exam or period.
FILLER = (
    "проведение",
    "организация",
    "консультации",
    "для",
    "обучающихся",
    "выпускников",
    "учителей",
    "экзамена",
    "по",
    "совещание",
    "с",
    "руководителями",
    "школ",
    "района",
    "мониторинг",
    "подготовки",
    "2024",
    "года",
    "результатов",
    "и",
    "а также",
    "пунктов",
)
_LOOKALIKE = str.maketrans("аеосрхАЕОСРХ", "aeocpxAEOCPX")


def _spell(text: str, style: int) -> str:
    """One of the spellings real cells use: as is, capitalised, upper case, a Latin look-alike letter."""
    if style == 1:
        return text[:1].upper() + text[1:]
    if style == 2:
        return text.upper()
    if style == 3 and len(text) > 3:
        return text[:2] + text[2].translate(_LOOKALIKE) + text[3:]
    return text


fillers = st.lists(st.sampled_from(FILLER), max_size=3).map(" ".join)


@st.composite
def subject_sentences(draw: st.DrawFn) -> tuple[str, tuple[Subject, ...]]:
    subjects = draw(st.lists(st.sampled_from(list(FORMS)), min_size=1, max_size=4, unique=True))
    parts = [draw(fillers)]
    for subject in subjects:
        form = draw(st.sampled_from(FORMS[subject]))
        parts += [
            _spell(form, draw(st.integers(0, 3))),
            draw(st.sampled_from((",", " и", ";", " по"))),
            draw(fillers),
        ]
    return " ".join(p for p in parts if p), tuple(subjects)


@given(subject_sentences())
def test_subjects_are_read_in_every_case_in_the_order_written(case: tuple[str, tuple[Subject, ...]]) -> None:
    text, subjects = case
    assert find_subjects(text) == subjects


@given(st.lists(st.sampled_from(FILLER), max_size=8).map(" ".join))
def test_text_without_subject_names_has_no_subjects(text: str) -> None:
    assert find_subjects(text) == ()


@pytest.mark.parametrize(
    "modifier", ["методической", "учебной", "методическую", "справочной", "художественной", "нормативной"]
)
@pytest.mark.parametrize("noun", ["литературы", "литературой", "литературу"])
def test_literature_as_books_is_not_a_subject(modifier: str, noun: str) -> None:
    assert find_subjects(f"обеспечение {modifier} {noun}") == ()
    assert find_subjects(f"учителей {noun}") == (Subject.LITERATURE,)


def test_the_language_a_text_is_in_is_not_a_subject() -> None:
    assert find_subjects("памятки на русском языке и на английском языке") == (Subject.FOREIGN_LANGUAGES,)
    assert find_subjects("ЕГЭ по русскому языку") == (Subject.RUSSIAN,)


def test_kege_is_informatics() -> None:
    assert find_subjects("проведение КЕГЭ") == (Subject.INFORMATICS,)


def test_general_subjects_stand_for_their_parts() -> None:
    assert Subject.MATHEMATICS.parts == {
        Subject.MATHEMATICS,
        Subject.MATHEMATICS_BASE,
        Subject.MATHEMATICS_PROFILE,
    }
    assert Subject.FOREIGN_LANGUAGES_ORAL in Subject.FOREIGN_LANGUAGES.parts
    assert Subject.PHYSICS.parts == {Subject.PHYSICS}


@pytest.mark.parametrize("exam", list(ExamKind))
def test_exam_subjects_are_specific(exam: ExamKind) -> None:
    assert not any(s.is_collective for s in exam_subjects(exam))


# ---------------------------------------------------------------------------------------------
# Scopes
# ---------------------------------------------------------------------------------------------

_DASH = st.sampled_from(["-", "–", "—", "‑", " - ", "- ", " "])
_LEVELLED = {
    ExamScope.GIA_9: ("ГИА", "9"),
    ExamScope.GIA_11: ("ГИА", "11"),
    ExamScope.GVE_9: ("ГВЭ", "9"),
    ExamScope.GVE_11: ("ГВЭ", "11"),
}


@given(st.sampled_from(list(_LEVELLED)), _DASH, fillers, fillers, st.integers(0, 3))
def test_levelled_scopes_with_any_dash(
    scope: ExamScope, dash: str, before: str, after: str, style: int
) -> None:
    word, level = _LEVELLED[scope]
    text = f"{before} {_spell(word, style if style != 1 else 0)}{dash}{level} {after}"
    found = detect_exam_scopes(text)
    assert scope in found
    # a levelled ГИА or ГВЭ is not also the level-less one
    assert ExamScope.GIA not in found
    assert ExamScope.GVE not in found


def test_bare_scopes() -> None:
    assert detect_exam_scopes("Проведение ГИА в 2024 году") == (ExamScope.GIA,)
    assert detect_exam_scopes("ГВЭ по математике") == (ExamScope.GVE,)
    assert detect_exam_scopes("итоговое собеседование по русскому языку") == (ExamScope.FINAL_INTERVIEW,)
    assert detect_exam_scopes("итогового сочинения (изложения)") == (ExamScope.FINAL_ESSAY,)
    assert detect_exam_scopes("ОГЭ -2022 и ЕГЭ") == (ExamScope.EGE, ExamScope.OGE)


@pytest.mark.parametrize("scope", list(ExamScope))
def test_scope_kinds_follow_coverage(scope: ExamScope) -> None:
    for covered in scope.covers:  # a covered scope shares exams with the covering one (ГВЭ: both levels)
        assert covered.exam_kinds & scope.exam_kinds
    if scope in (ExamScope.GIA, ExamScope.GIA_9, ExamScope.GIA_11):
        assert not any(k.is_admission_test for k in scope.exam_kinds)
    for kind in scope.exam_kinds:
        if scope is ExamScope.GIA_9:
            assert kind.level == 9
        if scope is ExamScope.GIA_11:
            assert kind.level == 11


# ---------------------------------------------------------------------------------------------
# Stages and reserve days
# ---------------------------------------------------------------------------------------------

_ADJECTIVE = {
    ExamStage.EARLY: ("досрочного", "досрочный", "досрочные"),
    ExamStage.MAIN: ("основного", "основной", "основные"),
    ExamStage.ADDITIONAL: ("дополнительного", "дополнительный", "дополнительного (сентябрьского)"),
}
_RESERVE = ("резервного", "резервный", "резервные")
_NOUN = ("периода", "период", "этапов", "этапа", "сроки", "сроков", "дни", "дней")


@given(
    st.lists(st.sampled_from(list(ExamStage)), unique=True),
    st.booleans(),
    st.integers(0, 2),
    st.sampled_from(_NOUN),
    fillers,
)
def test_stage_lists(stages: list[ExamStage], reserve: bool, form: int, noun: str, before: str) -> None:
    words = [_ADJECTIVE[s][form] for s in stages] + ([_RESERVE[form]] if reserve else [])
    if not words:
        return
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " и " + words[-1]
    text = f"{before} в период {listed} {noun}"
    assert set(detect_exam_stages(text)) == set(stages)
    assert mentions_reserve_days(text) is reserve


def test_september_terms_are_the_additional_stage() -> None:
    assert detect_exam_stages("в сентябрьские сроки") == (ExamStage.ADDITIONAL,)
    assert detect_exam_stages("подготовка пунктов проведения экзаменов") == ()


def test_stage_anchors_and_period_stages() -> None:
    assert {s.anchor for s in ExamStage} == {
        Anchor.EARLY_PERIOD,
        Anchor.MAIN_PERIOD,
        Anchor.ADDITIONAL_PERIOD,
    }
    for period in PeriodKind:
        assert (period.stage is None) is period.for_admission_tests
        if period.is_reserve:
            assert period.stage is not None
