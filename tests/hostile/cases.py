"""Hostile inputs, one function each, run by :func:`tests.hostile.bounded.run_case` in a child process
under memory and time limits. Each builds its input from the rule it attacks (nothing is copied from a
real attack file) and calls one public entry point; the test judges how it ended."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from gia_roadmap import io
from gia_roadmap.plan import Roadmap
from gia_roadmap.plan.model import Section
from gia_roadmap.testing import PlanBuilder


def _small() -> Roadmap:
    return (
        PlanBuilder("demo")
        .section("1. Организационные мероприятия")
        .measure("1.1.", "Совещание с руководителями ОО", term="май 2024", responsible="УО")
        .build()
    )


def _measure_json() -> str:
    document = json.loads(io.dumps(_small()))
    return json.dumps(document["roadmap"]["sections"][0]["measures"][0], ensure_ascii=False)


# ---- roadmap files --------------------------------------------------------------------------------


def json_nested_100000_deep() -> object:
    return io.loads('{"schema_version": 1, "roadmap": ' + "[" * 100_000 + "]" * 100_000 + "}")


def yaml_nested_100000_deep() -> object:
    return io.loads("schema_version: 1\nroadmap: " + "[" * 100_000 + "]" * 100_000 + "\n", "yaml")


def json_integer_of_5000_digits() -> object:
    return io.loads(
        '{"schema_version": 1, "roadmap": {"id": "x", "sections": [], "notes": [' + "9" * 5000 + "]}}"
    )


def yaml_integer_of_5000_digits() -> object:
    return io.loads("schema_version: 1\nroadmap:\n  id: x\n  notes: [" + "9" * 5000 + "]\n", "yaml")


def yaml_hex_integer_of_5000_digits() -> object:
    return io.loads("schema_version: 1\nroadmap:\n  id: x\n  notes: [0x" + "f" * 5000 + "]\n", "yaml")


def yaml_date_2024_13_01() -> object:
    text = io.dumps(_small(), "yaml").replace("  date: null", "  date: 2024-13-01", 1)
    assert "2024-13-01" in text
    return io.loads(text, "yaml")


def yaml_recursive_alias() -> object:
    return io.loads("schema_version: 1\nroadmap: &r\n  id: x\n  notes: [*r]\n", "yaml")


def _alias_bomb(levels: int) -> str:
    """A section that holds ten aliases of the section below it, ``levels`` times: a file of a few
    hundred bytes that expands to 10**levels measures."""
    lines = ["schema_version: 1", "roadmap:", "  id: bomb", "  sections:"]
    lines.append(f"  - &s0 {{measures: [{_measure_json()}]}}")
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*s{level - 1}"] * 10)
        lines.append(f"  - &s{level} {{subgroups: [{aliases}]}}")
    return "\n".join(lines) + "\n"


def yaml_alias_bomb_6_levels() -> object:
    return io.loads(_alias_bomb(6), "yaml")


def yaml_alias_bomb_9_levels() -> object:
    return io.loads(_alias_bomb(9), "yaml")


def yaml_alias_bomb_within_a_raised_limit() -> object:
    from gia_roadmap.io import LoadLimits

    return io.loads(_alias_bomb(9), "yaml", limits=LoadLimits(max_alias_nodes=100_000))


def _file(name: str, data: bytes) -> Path:
    path = Path(tempfile.mkdtemp()) / name
    path.write_bytes(data)
    return path


def cp1251_json_file() -> object:
    text = io.dumps(Roadmap("cp1251", title="Дорожная карта ГИА-2024"))
    return io.load(_file("plan.json", text.encode("cp1251")))


def utf16_json_file() -> object:
    roadmap = Roadmap("utf16", title="Дорожная карта ГИА-2024")
    loaded = io.load(_file("plan.json", io.dumps(roadmap).encode("utf-16")))
    assert loaded == roadmap
    return loaded


def utf16_yaml_file_without_bom() -> object:
    roadmap = Roadmap("utf16", title="Дорожная карта ГИА-2024")
    loaded = io.load(_file("plan.yaml", io.dumps(roadmap, "yaml").encode("utf-16-le")))
    assert loaded == roadmap
    return loaded


def file_over_the_byte_limit() -> object:
    from gia_roadmap.io import LoadLimits

    return io.load(_file("plan.json", b" " * 2000 + b"{}"), limits=LoadLimits(max_bytes=1000))


def _nested_sections(levels: int) -> Roadmap:
    section = _small().sections[0]
    for _ in range(levels):
        section = Section(heading="Подраздел", subgroups=(section,))
    return Roadmap("deep", sections=(section,))


def dumps_300_nested_sections() -> object:
    return io.dumps(_nested_sections(300))


def dumps_300_nested_sections_yaml() -> object:
    return io.dumps(_nested_sections(300), "yaml")


def from_document_recursive() -> object:
    document: dict[str, object] = {"schema_version": 1}
    document["roadmap"] = {"id": "x", "notes": [document]}
    return io.from_document(document)


# ---- exam-schedule files ---------------------------------------------------------------------------


def schedule_yaml_alias_bomb() -> object:
    from gia_roadmap.calendar import ExamSchedule

    lines = ["school_year: 2024", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    return ExamSchedule.loads("\n".join(lines) + "\n", format="yaml")


def schedule_json_nested_100000_deep() -> object:
    from gia_roadmap.calendar import ExamSchedule

    return ExamSchedule.loads('{"days": ' + "[" * 100_000 + "]" * 100_000 + "}")


def schedule_toml_nested_100000_deep() -> object:
    from gia_roadmap.calendar import ExamSchedule

    return ExamSchedule.loads("days = " + "[" * 100_000 + "]" * 100_000 + "\n", format="toml")


def schedule_cp1251_yaml_file() -> object:
    from gia_roadmap.calendar import ExamSchedule

    return ExamSchedule.load(_file("schedule.yaml", "school_year: 2024\nnote: Расписание\n".encode("cp1251")))


def schedule_yaml_date_2024_13_01() -> object:
    from gia_roadmap.calendar import ExamSchedule

    text = ExamSchedule.bundled(2024).dumps("yaml")
    day = dt.date(2025, 6, 16).isoformat()
    assert day in text
    return ExamSchedule.loads(text.replace(f"'{day}'", "2024-13-01", 1), format="yaml")


def yaml_block_nested_30000_deep() -> object:
    """Block sequences nest by compact ``- `` indicators: no bracket in the text at all."""
    return io.loads("schema_version: 1\nroadmap:\n" + "- " * 30_000 + "x\n", "yaml")


def schedule_yaml_nested_100000_deep() -> object:
    from gia_roadmap.calendar import ExamSchedule

    return ExamSchedule.loads("days: " + "[" * 100_000 + "]" * 100_000 + "\n", format="yaml")


def yaml_block_nested_30000_deep_cr_lines() -> object:
    """The same with lone CR line breaks (old Mac files): libyaml breaks lines there too."""
    return io.loads("schema_version: 1\rroadmap:\r" + "- " * 30_000 + "x\r", "yaml")
