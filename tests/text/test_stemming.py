"""One stem function for every vocabulary compared by stem (column headers, subjects of the Federation)."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gia_roadmap.text import stem, stems

SRC = Path(__file__).resolve().parents[2] / "src" / "gia_roadmap"

# A noun or adjective in its case forms: each paradigm's forms share one stem.
PARADIGMS = [
    ("республика", "республики", "республике", "республику", "республикой"),
    ("исполнитель", "исполнителя", "исполнителю", "исполнителем", "исполнители", "исполнителей"),
    ("ответственный", "ответственного", "ответственному", "ответственным", "ответственные"),
    ("мероприятие", "мероприятия", "мероприятию", "мероприятием", "мероприятий"),
    ("область", "области", "областью"),
    ("ханты-мансийский", "ханты-мансийского", "ханты-мансийском"),
]


def test_case_forms_share_one_stem() -> None:
    for forms in PARADIGMS:
        assert len({stem(form) for form in forms}) == 1, forms


def test_letter_case_and_yo_do_not_matter() -> None:
    assert stem("ОТВЕТСТВЕННЫЙ") == stem("ответственный")
    assert stem("Отчёт") == stem("отчет")


def test_short_words_and_tokens_with_digits_stay() -> None:
    assert [stem(w) for w in ("УО", "ППЭ", "ОГЭ", "9", "ГИА-9", "2025")] == [
        "уо", "ппэ", "огэ", "9", "гиа-9", "2025",
    ]  # fmt: skip


def test_stems_of_a_text() -> None:
    written = stems("Срок исполнения, ответственные (исполнители)")
    assert written == stems("сроки исполнения ответственный исполнитель")


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁ-", max_size=20))
def test_a_stem_is_a_lower_case_prefix_of_the_word(word: str) -> None:
    """Snowball cuts endings, it never adds letters: every part of the stem begins its word's part."""
    low = word.lower().replace("ё", "е")
    result = stem(word)
    assert len(result.split("-")) == len(low.split("-"))
    for part, cut in zip(low.split("-"), result.split("-"), strict=True):
        assert part.startswith(cut)
    assert stem(result) == stem(result)  # a value, every time


def test_threads_share_no_stemmer_state() -> None:
    """Snowball's stemmer keeps its state while it works; each thread has its own (words no other test
    stems, so the cache does not hide the stemmer)."""
    words = [f"{form}{suffix}" for forms in PARADIGMS for form in forms for suffix in ("ость", "ами", "ская")]
    expected = [stem(w) for w in words]
    results: list[list[str]] = []

    def work() -> None:
        results.append([stem(w) for w in words])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)


def test_snowball_is_named_in_one_place() -> None:
    """Every other module stems through gia_roadmap.text.stem."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "stemming.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "snowballstemmer" for name in names):
                offenders.append(path.relative_to(SRC))
    assert offenders == []
