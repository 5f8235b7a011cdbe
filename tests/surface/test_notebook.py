"""The example notebook runs top to bottom in a fresh kernel, and its views are HTML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "notebooks" / "getting-started.ipynb"


def test_getting_started_notebook_runs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    started = time.monotonic()
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    elapsed = time.monotonic() - started
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="gia-roadmap"' in h for h in html)
    assert any('class="gia-measure"' in h for h in html)
    assert any('class="gia-report"' in h for h in html)
    assert any('class="gia-month"' in h for h in html)
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the timeline
    assert elapsed < 60, f"the notebook took {elapsed:.1f} s; keep it fast"


def test_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
