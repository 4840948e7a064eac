"""QR codes for the web addresses of a handout, so that trainees open them from paper.

ReportLab's ``QrCodeWidget`` draws one rectangle per dark module, formatting every
number of every rectangle; here each address's code becomes a ready-made PDF path of
horizontal runs in module units, placed and scaled by the canvas. The codes are
ReportLab's own (same encoder, same choice of mask, computed faster) and are kept
between runs (:mod:`.qr_cache`).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from urllib.parse import urlsplit

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from connecteur.handouts import qr_cache

_RUN = re.compile(rb"\x00{5,}|\x01{5,}")
_FINDER_LIKE = re.compile(b"\x01\x00\x01\x01\x01\x00\x01\x00\x00\x00\x00")
_BITS = bytes.maketrans(b"\x00\x01", b"01")


def lost_points(modules: list[list[bool]]) -> int:
    """The mask penalty of ReportLab's ``QRUtil.getLostPoint``, same score, computed on
    byte strings and integers (about ten times faster; the encoder spends most of its
    time here, trying the eight masks)."""
    rows = [bytes(row) for row in modules]
    cols = [bytes(col) for col in zip(*modules, strict=True)]
    size = len(rows)
    lines = rows + cols
    score = sum(len(run) - 2 for line in lines for run in _RUN.findall(line))  # rule 1
    ints = [int(row.translate(_BITS), 2) for row in rows]
    pairs = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(ints):  # rule 2: 2x2 blocks
        same = ~(upper ^ lower)
        score += 3 * (same & (same >> 1) & ~(upper ^ (upper >> 1)) & pairs).bit_count()
    # rule 3, on rows only: ReportLab compares column tuples with a list, never equal
    score += 40 * sum(len(_FINDER_LIKE.findall(row[:size - 1])) for row in rows)
    dark = sum(row.count(1) for row in rows)  # rule 4
    return score + 10 * (abs(100 * dark // (size * size) - 50) // 5)


def best_mask(code: QRCode) -> int:
    """The mask ReportLab's encoder would choose (lowest penalty, first on ties)."""
    scores = []
    for mask in range(8):
        code.makeImpl(True, mask)
        scores.append(lost_points(code.modules))
    return scores.index(min(scores))


def encode(url: str) -> tuple[str, ...]:
    """The rows of the QR code of ``url`` (level M) as strings of ``0`` and ``1``."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(url)
    code.version = code.calculate_version()
    code.makeImpl(False, best_mask(code))
    return tuple("".join("1" if module else "0" for module in row) for row in code.modules)


_DARK = re.compile("1+")


@lru_cache(maxsize=2048)
def qr_modules(url: str) -> tuple[int, str]:
    """The module count of the QR code of ``url`` and the PDF path of its dark modules,
    in module units: one rectangle per horizontal run, origin at the bottom left."""
    rows = qr_cache.rows(url, encode)
    count = len(rows)
    ops = [f"{run.start()} {count - index - 1} {run.end() - run.start()} 1 re"
           for index, row in enumerate(rows) for run in _DARK.finditer(row)]
    return count, "\n".join(ops)


MIN_MODULE = 0.5 * mm  # a phone reads 0.5 mm modules printed at 150 dpi and up
MIN_SIZE = 15 * mm  # small codes are printed larger: easier to aim at
QUIET_MODULES = 4  # the blank margin a reader needs around a code, in modules


def module_size(url: str) -> float:
    """The printed width of one module of the code of ``url`` (points)."""
    count = qr_modules(url)[0]
    return max(MIN_MODULE, MIN_SIZE / count)


def code_size(url: str) -> float:
    """The printed width of the code of ``url``, quiet zone not included (points)."""
    return qr_modules(url)[0] * module_size(url)


def quiet_zone(url: str) -> float:
    return QUIET_MODULES * module_size(url)


def svg(url: str, module: float = 1.0) -> str:
    """The code of ``url`` as an inline SVG, quiet zone included (``module`` in mm)."""
    count, _ = qr_modules(url)
    rows = qr_cache.rows(url, encode)
    side = count + 2 * QUIET_MODULES
    path = "".join(f"M{run.start() + QUIET_MODULES} {index + QUIET_MODULES}"
                   f"h{run.end() - run.start()}v1h-{run.end() - run.start()}z"
                   for index, row in enumerate(rows) for run in _DARK.finditer(row))
    size = f"{side * module:g}mm"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" '
            f'width="{size}" height="{size}" shape-rendering="crispEdges" aria-hidden="true">'
            f'<rect width="{side}" height="{side}" fill="#fff"/>'
            f'<path d="{path}" fill="#000"/></svg>')


@lru_cache(maxsize=2048)
def image_data(url: str) -> tuple[int, str]:
    """The module count of the code of ``url`` and its modules as a one-bit image
    (hexadecimal, rows from the top, each padded to a byte; 1 is a dark module)."""
    rows = qr_cache.rows(url, encode)
    width = (len(rows) + 7) // 8 * 8
    return len(rows), "".join(format(int(row.ljust(width, "0"), 2), f"0{width // 4}x")
                              for row in rows)


def draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """Draw the code of ``url`` in the square (x, y, size) and make it a link.

    The code is an inline one-bit image, never interpolated: each module a sharp
    square, no seam between modules, and a twentieth of the bytes of a vector path
    (the whole library's codes are drawn in a few milliseconds).
    """
    count, data = image_data(url)
    canvas.addLiteral(f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm\n"
                      f"BI /W {count} /H {count} /BPC 1 /CS /G /D [1 0] /I false "
                      f"/F /AHx ID\n{data}>\nEI Q")
    canvas.linkURL(url, (x, y, x + size, y + size), relative=1, thickness=0)


def caption(url: str) -> str:
    """What is printed under a code: the site's name (``hal.archives-ouvertes.fr``)."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host
