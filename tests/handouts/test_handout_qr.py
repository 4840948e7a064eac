"""QR codes as a phone sees them: each page of the whole-library handout rendered at
150 dpi (pdfium) and every code decoded (zxing-cpp) back to its web address; codes of
0.5 mm modules or more, their quiet zone of four modules left blank, their captions
(numbered when an entry has several) inside the page's margins."""

from __future__ import annotations

import re
from functools import cache

import pypdfium2 as pdfium
import pytest
import zxingcpp
from handout_pdfs import Pdf
from reportlab.lib.units import mm

from connecteur.handouts import qr
from connecteur.handouts.styles import geometry
from connecteur.store import CorpusStore

DPI = 150
SCALE = DPI / 72


def _codes_by_page(pdf: Pdf) -> dict[int, list[tuple[str, list[float]]]]:
    """Page index → (address, rectangle) of every square link: the QR codes."""
    found: dict[int, list[tuple[str, list[float]]]] = {}
    for index, page in enumerate(pdf.reader.pages):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            action = annot.get("/A")
            rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
            if action is not None and action.get("/S") == "/URI" and \
                    abs((rect[2] - rect[0]) - (rect[3] - rect[1])) < 0.5 and rect[2] > rect[0]:
                found.setdefault(index, []).append((str(action["/URI"]), rect))
    return found


@cache
def _rendered(path: str, index: int):
    document = pdfium.PdfDocument(path)
    return document[index].render(scale=SCALE, grayscale=True).to_pil().convert("L")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_code_decodes_at_150_dpi(paper: str, store: CorpusStore, participant_pdf: Pdf,
                                       letter_pdfs: dict[str, Pdf]) -> None:
    pdf = participant_pdf if paper == "a4" else letter_pdfs["participant"]
    urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources) for u in x.urls}
    decoded_everywhere: set[str] = set()
    for index, codes in _codes_by_page(pdf).items():
        image = _rendered(str(pdf.path), index)
        decoded = [result.text for result in zxingcpp.read_barcodes(image)]
        assert sorted(decoded) == sorted(url for url, _ in codes), f"page {index + 1}"
        decoded_everywhere.update(decoded)
    assert decoded_everywhere == urls and len(urls) == 95


def test_codes_are_sized_from_their_modules(participant_pdf: Pdf) -> None:
    sizes = []
    for codes in _codes_by_page(participant_pdf).values():
        for url, rect in codes:
            module = (rect[2] - rect[0]) / qr.qr_modules(url)[0]
            assert module >= 0.5 * mm - 0.005, url  # the PDF rounds rectangles
            sizes.append(rect[2] - rect[0])
    assert max(sizes) > 1.5 * min(sizes)  # long addresses get larger codes


def test_quiet_zone_is_blank_and_captions_stay_in_the_margins(participant_pdf: Pdf) -> None:
    page_geometry = geometry("a4")
    right_edge = (page_geometry.width - page_geometry.right) * SCALE
    for index, codes in _codes_by_page(participant_pdf).items():
        image = _rendered(str(participant_pdf.path), index)
        height = image.height
        for url, rect in codes:
            quiet = qr.quiet_zone(url) * SCALE
            left, right = rect[0] * SCALE, rect[2] * SCALE
            top, bottom = height - rect[3] * SCALE, height - rect[1] * SCALE
            margin = 2  # pixels of anti-aliasing at the code's edge
            bands = [(left - quiet, top - quiet, left - margin, bottom + quiet),
                     (right + margin, top - quiet, right + quiet, bottom + quiet),
                     (left, top - quiet, right, top - margin),
                     (left, bottom + margin, right, bottom + quiet)]
            for box in bands:
                darkest = image.crop(tuple(round(v) for v in box)).getextrema()[0]
                assert darkest > 200, (url, index + 1, box)
        ink = image.crop((round(right_edge) + 2, 0, image.width, height)).getextrema()[0]
        assert ink > 200, f"ink in the right margin of page {index + 1}"


def test_entries_with_several_codes_number_them_like_their_addresses(
        store: CorpusStore, participant_pdf: Pdf) -> None:
    text = "\n".join(participant_pdf.pages)
    several = [x for s in store.sessions for x in (*s.field_sites, *s.resources)
               if len(x.urls) > 1]
    assert len(several) >= 5
    for item in several:
        for number, url in enumerate(item.urls, 1):
            caption = f"[{number}] {qr.caption(url)}"
            assert caption.split(" ", 1)[0] in text and qr.caption(url)[:12] in text, caption
            assert re.search(rf"\[{number}\]\s*{re.escape(url[:15])}", text), (item.id, url)
