"""Hypothesis strategies for every public type of gia_roadmap (work in progress)."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Entry point called by Hypothesis at import time: registers strategies for ``st.from_type``."""
