"""Handout benchmark: the whole-library trainer handout, beside a plain ReportLab
rendering of the same text (ReportLab's own paragraphs, same font, style and text
column, French hyphenation) measured in the same run. Targets (issues 6 and 13): under
3 s, and under 3x the plain rendering — with French typography, the line-break rules,
QR codes sized for 150 dpi and the side column included.

The very first handout on a machine also encodes the QR codes of the ~95 web
addresses (then kept in the cache folder); the first handout of a later run reads
them back; later handouts of a run (a preview rebuilt in the window) find them in
memory. The three are reported apart, in a throwaway CONNECTEUR_HOME.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time

from reportlab.platypus import Paragraph, SimpleDocTemplate

from connecteur import paths
from connecteur.handouts import (
    Annotations,
    Highlight,
    markup,
    qr,
    qr_cache,
    render_handout,
    request_for_library,
)
from connecteur.handouts.fonts import register_fonts
from connecteur.handouts.request import HandoutRequest
from connecteur.handouts.styles import Styles, geometry
from connecteur.store import CorpusStore
from targets import below, report

RUNS = 5
TARGET_SECONDS = 3.0
TARGET_RATIO = 3.0


def trainer_annotations(store: CorpusStore) -> Annotations:
    """What a prepared trainer may have: a note on one lead in four, a highlight with
    a note on one lead in ten, a folder note on one resource in ten."""
    leads = [lead for session in store.sessions for lead in session.leads]
    notes = {lead.id: [f"Note de préparation n° {i} : **question d'ouverture**, à relier "
                       f"au cas présenté en séance.\n- durée : {5 + i % 20} minutes\n"
                       "- support : https://www.cnfpt.fr/"] for i, lead in enumerate(leads)
             if i % 4 == 0}
    highlights = {lead.id: [Highlight(0, min(40, len(lead.body)), lead.body[:40], "yellow",
                                      "Passage à lire à voix haute")]
                  for i, lead in enumerate(leads) if i % 10 == 0}
    resources = store.resources()
    folder = {r.id: "À distribuer avant la séance" for i, r in enumerate(resources) if i % 10 == 0}
    return Annotations(notes=notes, highlights=highlights, folder_notes=folder)


def _note_paragraphs(note: str) -> list[str]:
    """A note as the handout sets it: one paragraph per paragraph or list item."""
    return [block.text for block in markup.note_blocks(note)]


def printed_texts(request: HandoutRequest) -> list[str]:
    """Every text the handout prints, one paragraph each, cut as the handout cuts
    them (an introduction's paragraphs, a note's paragraphs and list items)."""
    annotations = request.annotations
    texts = [block.text for block in request.about.blocks] if request.about else []
    for session in request.sessions():
        texts += [session.title, *session.introduction.split("\n\n")]
        for theme in session.themes:
            texts.append(theme.title)
            for lead in theme.leads:
                texts += [lead.body, *lead.items]
                for note in annotations.notes_on(lead.id):
                    texts += _note_paragraphs(note)
                for highlight in annotations.highlights_on(lead.id):
                    texts += _note_paragraphs(highlight.note)
        for site in session.field_sites:
            texts += [site.body, *site.items]
        for resource in session.resources:
            texts += [resource.text, *_note_paragraphs(annotations.folder_note_on(resource.id))]
        texts += [speaker.text for speaker in session.speakers]
    return [text for text in texts if text]


def plain_rendering(texts: list[str], styles: Styles, *, links: bool = False) -> int:
    """The baseline: the same texts as ReportLab's own paragraphs in the body style
    (French hyphenation by pyphen), over the handout's text column, one pass; with
    ``links``, their web addresses are links as in the handout (ReportLab's rich-text
    path, about twice as slow as plain text)."""
    buffer = io.BytesIO()
    story = [Paragraph(markup.render(text, markup.link_marks(text)) if links else
                       markup.escape(text), styles.body) for text in texts]
    page = geometry("a4")
    SimpleDocTemplate(buffer, pagesize=(page.width, page.height), leftMargin=page.left,
                      rightMargin=page.width - page.left - page.frame_width,
                      topMargin=page.top, bottomMargin=page.bottom).build(story)
    return len(buffer.getvalue())


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def first_build(request: HandoutRequest) -> float:
    """A handout built as the first of a new process would be."""
    qr_cache.forget()
    qr.qr_modules.cache_clear()
    qr.image_data.cache_clear()
    return timed(render_handout, request)[0]


def main() -> int:
    store = CorpusStore.open()
    request = request_for_library(store, edition="trainer", trainer_name="Camille Martin",
                                  annotations=trainer_annotations(store))
    fonts_time, _ = timed(register_fonts)
    texts = printed_texts(request)
    styles = Styles()
    plain_rendering(texts, styles)  # loads the hyphenation patterns, warms ReportLab
    with tempfile.TemporaryDirectory() as home:
        os.environ[paths.HOME_ENV] = home
        very_first = first_build(request)  # encodes the QR codes, fills the cache file
        first = statistics.median(first_build(request) for _ in range(3))
        later, plain, linked = [], [], []
        for _ in range(RUNS):
            later.append(timed(render_handout, request)[0])
            plain.append(timed(plain_rendering, texts, styles)[0])
            linked.append(timed(lambda: plain_rendering(texts, styles, links=True))[0])
        _, result = render_handout(request)
    handout, baseline = statistics.median(later), statistics.median(plain)
    with_links = statistics.median(linked)
    characters = sum(len(t) for t in texts)
    print(f"Support formateur, toute la bibliothèque : {result.pages} pages, "
          f"{result.size / 1024:.0f} Kio, {characters} caractères de texte")
    print(f"  chargement des polices (une fois)        : {fonts_time:.3f} s")
    print(f"  tout premier support (QR à calculer)     : {very_first:.3f} s "
          f"({very_first / baseline:.1f}x le rendu simple)")
    print(f"  premier support d'un lancement (médiane) : {first:.3f} s "
          f"({first / baseline:.1f}x)")
    print(f"  supports suivants (médiane de {RUNS})        : {handout:.3f} s "
          f"({handout / baseline:.1f}x)")
    print(f"  rendu ReportLab simple, même texte       : {baseline:.3f} s "
          f"(médiane de {RUNS})")
    print(f"  le même, adresses web en liens           : {with_links:.3f} s "
          f"(support : {handout / with_links:.1f}x)")
    report([below("tout premier support formateur, toute la bibliothèque", very_first,
                  TARGET_SECONDS, "s", 2),
            below("support / rendu ReportLab simple", handout / baseline, TARGET_RATIO, "×", 1)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
