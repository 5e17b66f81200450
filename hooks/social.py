"""The site's sharing image (Open Graph, Twitter card), drawn at build time.

A 1200x630 PNG made with the standard library only: the build needs no
network, no font and no imaging package. It shows the site's mark (three
rising bars and a line) on the brand colour.
"""

from __future__ import annotations

import struct
import zlib

WIDTH, HEIGHT = 1200, 630
BRAND = (0x1F, 0x5F, 0x8B)
LIGHT = (0xFF, 0xFF, 0xFF)
ACCENT = (0xFF, 0xB0, 0x8A)


def _rects() -> list[tuple[int, int, int, int, tuple[int, int, int]]]:
    """(x0, y0, x1, y1, colour) rectangles, painted in order."""
    base = 470
    bars = [(360, base - 120), (540, base - 220), (720, base - 340)]
    shapes = [(x, top, x + 120, base, LIGHT) for x, top in bars]
    shapes.append((300, base + 30, 900, base + 46, ACCENT))
    return shapes


def _row(y: int) -> bytes:
    row = bytearray(BRAND * WIDTH)
    for x0, y0, x1, y1, colour in _rects():
        if y0 <= y < y1:
            row[x0 * 3 : x1 * 3] = bytes(colour) * (x1 - x0)
    return bytes(row)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def card_png() -> bytes:
    raw = b"".join(b"\x00" + _row(y) for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
    )
