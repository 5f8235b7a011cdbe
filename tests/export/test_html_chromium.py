"""The HTML report renders in headless Chromium (Debian's ``chromium`` package): a screenshot is taken
and checked to be a real, non-blank picture. Skipped when Chromium is not installed (CI installs it).

Run with ``GIA_ROADMAP_SAVE_SCREENSHOT=docs/img/report.png`` to refresh the screenshot in the docs.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from gia_roadmap import examples
from gia_roadmap.io import write_html

CHROMIUM = shutil.which("chromium")
WIDTH, HEIGHT = 1280, 2000


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _png_rows(data: bytes) -> tuple[list[bytes], int]:
    """The unfiltered pixel rows of an 8-bit RGB/RGBA non-interlaced PNG (pure Python), and the number
    of bytes per pixel."""
    position = 8
    idat = b""
    width = height = channels = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8, "an 8-bit PNG expected"
            assert interlace == 0, "a non-interlaced PNG expected"
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for r in range(height):
        start = r * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if method == 1:
                line[i] = (line[i] + left) & 0xFF
            elif method == 2:
                line[i] = (line[i] + up) & 0xFF
            elif method == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif method == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows, channels


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    write_html(examples.load("smolensk-gia-2023"), page)
    shot = tmp_path / "report.png"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        f"--window-size={WIDTH},{HEIGHT}",
        page.as_uri(),
    ]
    completed = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert shot.exists(), completed.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert len(data) > 20_000  # a page of text and a timeline, not an empty canvas
    assert _png_size(data) == (WIDTH, HEIGHT)
    rows, channels = _png_rows(data)
    assert len(set(rows)) > 50  # many different rows: text, table rules, the timeline
    colours = {row[i : i + 3] for row in rows[::20] for i in range(0, len(row), channels * 7)}
    assert len(colours) > 5  # not a blank or single-colour page
    target = os.environ.get("GIA_ROADMAP_SAVE_SCREENSHOT")
    if target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
