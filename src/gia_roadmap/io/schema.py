"""The JSON Schema (draft 2020-12) of the roadmap file format, generated from the attrs model.

:func:`json_schema` walks the attrs classes the file holds and maps their field types: strings,
integers, booleans, ISO dates (``format: date``), enums (their values), tuples (arrays), optional
values (``null`` allowed), nested classes (``$defs``), and the tagged unions (deadline terms by
``kind``, responsible parties by ``type``). The published copy lives in
``docs/roadmap.schema.json``; a test keeps it equal to the generated one.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from typing import Any

import attrs

from gia_roadmap.calendar import terms
from gia_roadmap.errors import InvalidTypeError
from gia_roadmap.io.serialization import SCHEMA_VERSION
from gia_roadmap.plan.bodies import Body
from gia_roadmap.plan.model import Roadmap
from gia_roadmap.plan.people import Person, Role
from gia_roadmap.plan.responsible import Responsible

__all__ = ["json_schema", "json_schema_text"]

_SCHEMA_ID = "https://gia-roadmap.example/schemas/roadmap-v1.json"
_PARTY_TYPE = typing.get_type_hints(Responsible)["party"]


_SCALAR_SCHEMAS: dict[Any, dict[str, str]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    dt.date: {"type": "string", "format": "date"},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = getattr(cls, "kind", None) if cls in terms.TERM_CLASSES else None
        if isinstance(tag, str):
            # Written whenever the term sits in a union (required there); a field typed with one
            # term class (DateList.items) needs no tag.
            properties["kind"] = {"const": tag}
        for field in attrs.fields(cls):
            properties[field.name] = self.type_schema(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        if doc:
            schema["description"] = " ".join(doc.split())
        return schema

    def tagged(self, members: tuple[type, ...], tag_name: str) -> dict[str, Any]:
        variants = []
        for member in members:
            if tag_name == "type":
                name = f"{member.__name__}Party"
                if name not in self.defs:
                    self.ref(member)
                    schema = dict(self.object_schema(member))
                    schema["properties"] = {"type": {"const": member.__name__}, **schema["properties"]}
                    schema["required"] = ["type", *schema.get("required", [])]
                    self.defs[name] = schema
                variants.append({"$ref": f"#/$defs/{name}"})
            else:
                variant: dict[str, Any] = {**self.ref(member), "required": [tag_name]}
                variants.append(variant)
        return {"oneOf": variants}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        if tp == _PARTY_TYPE:
            return {"anyOf": [self.party_schema(), {"type": "null"}]}
        origin = typing.get_origin(tp)
        if origin is typing.ClassVar:
            return {}
        if origin in (typing.Union, types.UnionType):
            return self.union_schema(typing.get_args(tp))
        if origin is tuple:
            return self.tuple_schema(typing.get_args(tp))
        if tp in _SCALAR_SCHEMAS:
            return dict(_SCALAR_SCHEMAS[tp])
        if tp is terms.DayRef:  # an ISO date when its year is written and no weekday is
            return {"anyOf": [{"type": "string", "format": "date"}, self.ref(tp)]}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp)
        raise InvalidTypeError(f"no JSON Schema mapping for {tp!r}")

    def union_schema(self, args: tuple[Any, ...]) -> dict[str, Any]:
        """A union: the term classes tagged by ``kind``, one type as itself, others as ``anyOf``; a
        ``None`` member makes the whole nullable."""
        non_null = tuple(a for a in args if a is not type(None))
        if all(a in terms.TERM_CLASSES for a in non_null) and len(non_null) > 1:
            inner = self.tagged(non_null, "kind")
        elif len(non_null) == 1:
            inner = self.type_schema(non_null[0])
        else:
            inner = {"anyOf": [self.type_schema(a) for a in non_null]}
        if len(non_null) < len(args):
            return {"anyOf": [inner, {"type": "null"}]}
        return inner

    def tuple_schema(self, args: tuple[Any, ...]) -> dict[str, Any]:
        """``tuple[X, ...]`` as an array of X; a fixed tuple as an array of exactly its items."""
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        return {
            "type": "array",
            "prefixItems": [self.type_schema(a) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }

    def party_schema(self) -> dict[str, Any]:
        return self.tagged((Body, Person, Role), "type")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a roadmap file (``{"schema_version": 2, "roadmap": {...}}``)."""
    builder = _Builder()
    roadmap = builder.ref(Roadmap)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "gia_roadmap roadmap file",
        "description": "A «дорожная карта» of ГИА preparation, lossless (source texts kept).",
        "type": "object",
        "properties": {"schema_version": {"const": SCHEMA_VERSION}, "roadmap": roadmap},
        "required": ["schema_version", "roadmap"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema_text() -> str:
    """:func:`json_schema` as indented JSON text (the published ``docs/roadmap.schema.json``)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
