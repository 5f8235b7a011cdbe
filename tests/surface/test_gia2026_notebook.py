"""The notebook «Муниципальная дорожная карта ГИА-2026 за 15 минут» (#18 part 9) runs top to bottom in a
fresh kernel: build, resolve, check, Gantt, report, roll forward, what-if, export."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

NOTEBOOK = Path(__file__).resolve().parents[2] / "docs" / "notebooks" / "gia-2026-in-15-minutes.ipynb"


def test_the_gia_2026_notebook_runs_and_shows_every_step() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "Отчёт об исполнении" in text
    assert "calendar entries; True" in text
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="gia-roadmap"' in h for h in html)
    assert any("Срок стал" in h for h in html)  # the what-if table
    assert any("Причина" in h for h in html)  # the roll-forward report
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the Gantt chart


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
