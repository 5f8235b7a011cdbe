"""MkDocs hooks (``hooks:`` in mkdocs.yml): make the docstrings' reST habits read well in Markdown.

It also writes the catalogue of finding codes into ``docs/findings.md`` (:func:`on_page_markdown`):
the codes, severities, kinds and what each check catches come from the ``@rule`` registry of
:mod:`gia_roadmap.plan.checks` and the titles, messages and hints from the message catalogue, so the
page can never disagree with the code.

The docstrings are Google style, but their prose uses Sphinx roles (``:class:`~gia_roadmap.plan.Roadmap```)
and bare doctest blocks (``>>> …`` outside an ``Examples:`` section). Python-Markdown shows the first as
literal ``:class:`` text and the second as nested block quotes. A preprocessor, registered for the pages and
(through ``markdown_extensions``, which mkdocstrings reuses) for the docstrings, rewrites

* ``:role:`~a.b.Name``` → ```Name``` and ``:role:`a.b.Name``` → ```a.b.Name```;
* a run of doctest lines (``>>>``/``...`` and the output up to a blank line) → a fenced ``pycon`` block.

Fenced code blocks are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const):`(~?)([^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _role(match: re.Match[str]) -> str:
    target = match.group(2).strip()
    if match.group(1):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


class _DocstringProse(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        doctest_indent: str | None = None
        for line in lines:
            if doctest_indent is not None:
                if line.strip():
                    out.append(line[len(doctest_indent) :] if line.startswith(doctest_indent) else line)
                    continue
                out.append(f"{doctest_indent}```")
                doctest_indent = None
            if _FENCE.match(line):
                fenced = not fenced
                out.append(line)
                continue
            if fenced:
                out.append(line)
                continue
            stripped = line.lstrip()
            if stripped.startswith(">>> "):
                doctest_indent = line[: len(line) - len(stripped)]
                if out and out[-1].strip():
                    out.append("")
                out.append(f"{doctest_indent}```pycon")
                out.append(stripped)
                continue
            out.append(_ROLE.sub(_role, line))
        if doctest_indent is not None:
            out.append(f"{doctest_indent}```")
        return out


class DocstringProseExtension(Extension):
    """Registers the preprocessor before fenced code blocks are read."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_DocstringProse(md), "gia_docstring_prose", 30)


@event_priority(100)  # before mkdocstrings copies the Markdown extensions for the docstrings
def on_config(config: Any) -> Any:
    """Add the extension to the site's Markdown extensions."""
    config.markdown_extensions.append(DocstringProseExtension())
    return config


CATALOGUE_MARKER = "<!-- catalogue -->"
"""Where ``docs/findings.md`` gets the generated catalogue."""


def catalogue_markdown() -> str:
    """The catalogue of codes as Markdown: a summary table, then one section per code."""
    import inspect

    from gia_roadmap.plan.checks import CATALOGUE, FindingKind
    from gia_roadmap.plan.messages import code_text

    kinds = {FindingKind.FINDING: "finding", FindingKind.NOTICE: "reading notice"}
    lines = [
        "| code | name | severity | kind | title (ru) | title (en) |",
        "|---|---|---|---|---|---|",
    ]
    for code, info in CATALOGUE.items():
        entry = code_text(code)
        assert entry is not None, code
        lines.append(
            f"| [{code}](#{code.lower()}) | {info.name} | {info.severity.value} | {kinds[info.kind]} "
            f"| {entry.ru.title} | {entry.en.title} |"
        )
    for code, info in CATALOGUE.items():
        entry = code_text(code)
        assert entry is not None, code
        lines += [
            "",
            f"### {code}",
            "",
            f"**{entry.ru.title}** ({entry.en.title}) · `{info.name}` · {info.severity.value} · "
            f"{kinds[info.kind]}",
            "",
            inspect.cleandoc(info.catches),
            "",
            f"* message: «{entry.ru.message}» — *{entry.en.message}*",
            f"* what to do: {entry.ru.hint} — *{entry.en.hint}*",
        ]
    return "\n".join(lines)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Replace the catalogue marker of ``findings.md`` with the generated catalogue."""
    if CATALOGUE_MARKER in markdown:
        return markdown.replace(CATALOGUE_MARKER, catalogue_markdown())
    return markdown
