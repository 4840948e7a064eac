"""Render the application icon set from its SVG sources, offscreen, with Qt's own SVG
renderer (the one the app uses), so no Inkscape or rsvg is needed.

    .venv/bin/python packaging/render_icons.py          # writes the files below
    .venv/bin/python packaging/render_icons.py --check  # exit 1 if any is stale

Writes ``resources/icons/app/connecteur-N.png`` for every size in ``SIZES`` (the
desktop file, the window and the hicolor theme use them), plus the formats the
Windows and macOS bundles want: ``packaging/windows/connecteur.ico`` and
``packaging/macos/connecteur.icns``. Both are plain containers of PNG images,
written here by hand because Qt's writers store a single image per file.

A size N with its own ``connecteur-N.svg`` is rendered from it: at 16 and 24 px the
detailed drawing turns to mush, so simplified ones, aligned on the pixel grid, are
drawn for them (as icon designers do for small sizes).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
ICON_DIR = REPO / "resources" / "icons" / "app"
MAIN_SVG = ICON_DIR / "connecteur.svg"
ICO_PATH = REPO / "packaging" / "windows" / "connecteur.ico"
ICNS_PATH = REPO / "packaging" / "macos" / "connecteur.icns"

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, by pixel size (Apple's "icns" format).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128),
              (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024))


def png_path(size: int) -> Path:
    return ICON_DIR / f"connecteur-{size}.png"


def render(size: int) -> QImage:
    """One square ARGB image of the icon at ``size`` pixels."""
    hinted = ICON_DIR / f"connecteur-{size}.svg"
    source = hinted if hinted.is_file() else MAIN_SVG
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"SVG illisible : {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed entries (Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, blob in sorted(pngs.items()):
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose elements are PNG images (readable since OS X 10.7)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs() -> dict[Path, bytes]:
    """Every file this script owns, with the bytes it should hold."""
    sizes = sorted({*SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: png_bytes(render(size)) for size in sizes}
    files = {png_path(size): pngs[size] for size in SIZES}
    files[ICO_PATH] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICNS_PATH] = icns_bytes(pngs)
    return files


def same_pixels(path: Path, expected_png: bytes) -> bool:
    """PNG encoders may differ in bytes between Qt versions: compare the pixels."""
    if path.suffix != ".png":
        return path.is_file() and path.read_bytes() == expected_png
    current, wanted = QImage(str(path)), QImage.fromData(expected_png)
    fmt = QImage.Format.Format_ARGB32
    return not current.isNull() and current.convertToFormat(fmt) == wanted.convertToFormat(fmt)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="ne rien écrire ; code 1 si un fichier n'est pas à jour")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    files = outputs()
    if args.check:
        stale = [path for path, data in files.items() if not same_pixels(path, data)]
        for path in stale:
            print(f"pas à jour : {path.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(data)
        temporary.replace(path)
        print(f"{path.relative_to(REPO)}  ({len(data):,} octets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
