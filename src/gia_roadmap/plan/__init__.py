"""Roadmaps as data (work in progress)."""
