"""MkDocs hooks (``hooks:`` in mkdocs.yml): make the docstrings' reST habits read well in Markdown.

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
