"""The mermaid diagrams of the docs render: ```mermaid fences become <div class="mermaid"> through the
site's own Markdown configuration (mkdocs.yml), and the shipped mermaid library turns each into an SVG
in headless Chromium (Debian's ``chromium``; skipped where it is not installed, as CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHROMIUM = shutil.which("chromium")
PAGES = ("design.md", "domain.md")


def _page_html(page: str) -> str:
    config = load_config(str(ROOT / "mkdocs.yml"))
    body = markdown.markdown(
        (DOCS / page).read_text(encoding="utf-8"),
        extensions=config["markdown_extensions"],
        extension_configs=config["mdx_configs"],
    )
    scripts = "".join(f'<script src="{src}"></script>' for src in config["extra_javascript"])
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}{scripts}</body></html>'


def _fences(page: str) -> int:
    return len(re.findall(r"^```mermaid\s*$", (DOCS / page).read_text(encoding="utf-8"), re.MULTILINE))


@pytest.mark.parametrize("page", PAGES)
def test_mermaid_fences_become_diagram_divs(page: str) -> None:
    html = _page_html(page)
    assert _fences(page) >= 1
    assert html.count('<div class="mermaid">') == _fences(page)
    assert "language-mermaid" not in html  # not a code block of raw text


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
@pytest.mark.parametrize("page", PAGES)
def test_the_diagrams_render_offline_in_chromium(tmp_path: Path, page: str) -> None:
    assert CHROMIUM is not None
    shutil.copytree(DOCS / "js", tmp_path / "js")
    target = tmp_path / "page.html"
    target.write_text(_page_html(page), encoding="utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--allow-file-access-from-files",
        "--virtual-time-budget=30000",
        "--dump-dom",
        target.as_uri(),
    ]
    completed = subprocess.run(command, capture_output=True, timeout=180, check=False)
    dom = completed.stdout.decode(errors="replace")
    drawn = re.findall(r'<div class="mermaid" data-processed="true"><svg', dom)
    assert len(drawn) == _fences(page), completed.stderr.decode(errors="replace")[-2000:]
