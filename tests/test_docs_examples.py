"""Every ```python block in docs/ (subfolders included) runs, page by page, in one namespace per page (as a
reader would)."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
README = DOCS.parent / "README.md"
PAGES = sorted(p for p in DOCS.rglob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))


def test_docs_have_examples() -> None:
    assert any(p.name == "calendar.md" for p in PAGES)


def test_readme_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": "readme"}
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md lost its code example"
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"README.md (python block {number})", "exec"), namespace)


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_page_examples_run(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), start=1):
        code = compile(match.group(1), f"{page.relative_to(DOCS)} (python block {number})", "exec")
        exec(code, namespace)
