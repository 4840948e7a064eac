"""The application icon set: SVG sources, PNGs rendered from them at every size the
hicolor theme and the window use, and the .ico/.icns the other platforms' bundles
take. A stale PNG (SVG edited, render_icons.py not rerun) fails here."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_svg_sources_are_valid(qapp) -> None:
    for svg in ICONS.glob("*.svg"):
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid(), svg.name
        assert renderer.viewBoxF().width() == renderer.viewBoxF().height(), svg.name


@pytest.mark.parametrize("size", SIZES)
def test_png_is_square_opaque_inside_and_transparent_at_corners(qapp, size: int) -> None:
    image = QImage(str(ICONS / f"connecteur-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() < 128, "coins arrondis"
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() == 255
    colours = {image.pixel(x, y) for x in range(0, size, max(1, size // 16))
               for y in range(0, size, max(1, size // 16))}
    assert len(colours) >= 4, "une image vide ou d'une seule couleur"


def test_pngs_ico_and_icns_are_up_to_date_with_the_svgs() -> None:
    result = subprocess.run([sys.executable, str(REPO / "packaging" / "render_icons.py"),
                             "--check"], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, "lancez packaging/render_icons.py :\n" + result.stderr


def _decoded_size(png: bytes) -> tuple[int, int]:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image.width(), image.height()


def test_windows_ico_holds_every_size(qapp) -> None:
    data = (REPO / "packaging" / "windows" / "connecteur.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        edge = width or 256
        assert _decoded_size(data[offset:offset + length]) == (edge, edge)
        sizes.append(edge)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_holds_every_size(qapp) -> None:
    data = (REPO / "packaging" / "macos" / "connecteur.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
                b"ic09": 512, b"ic10": 1024}
    offset, found = 8, {}
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        found[kind] = _decoded_size(data[offset + 8:offset + length])
        offset += length
    assert found == {kind: (size, size) for kind, size in expected.items()}
