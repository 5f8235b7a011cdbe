"""Test data copied from the five seed roadmaps (tests never read /work/shared at run time)."""

from __future__ import annotations

from pathlib import Path

from gia_roadmap.plan import Glossary, NameOrder, harvest_list

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        out.append(line.split("\t"))
    return out


def glossary_001() -> Glossary:
    """The glossary table of 001 (Kuzbass; also the regional glossary of 000)."""
    return Glossary.from_pairs((row[0], row[1] if len(row) > 1 else "") for row in rows("glossary_001.tsv"))


def glossary_003() -> Glossary:
    """The «Условные обозначения» list of 003."""
    return harvest_list((DATA / "glossary_003.txt").read_text(encoding="utf-8"))


def glossary_004() -> Glossary:
    """004's inline definition «Управление образования … (далее - Управление)»."""
    from gia_roadmap.plan import harvest_inline

    return harvest_inline(
        "Управление образования и молодежной политики Администрации города Смоленска (далее - Управление)"
    )


def glossary_for(seed: str) -> Glossary:
    """The glossary a reader of ``seed`` has (000 shares the Kuzbass glossary of 001)."""
    if seed in ("000", "001"):
        return glossary_001()
    if seed == "003":
        return glossary_003()
    if seed.startswith("004"):
        return glossary_004()
    return Glossary()


def responsible_cells() -> list[tuple[str, NameOrder, str]]:
    """(seed, name order, cell) for every distinct responsible cell of the seeds."""
    return [(s, NameOrder(o), c.replace("\\n", "\n")) for s, o, c in rows("responsible_cells.tsv")]
