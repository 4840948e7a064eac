"""Building a handout: request in, PDF out, nothing half-written.

:func:`render_handout` lays the document out in memory; :func:`build_handout` then
writes it with :func:`connecteur.fileio.write_atomically`. Both are plain functions of
their arguments, meant to run in a worker thread: ``progress(done, total)`` is called
as pages are laid out (at most once per percent), and ``should_cancel()`` is polled
after every flowable — when it returns true, :class:`HandoutCancelled` is raised and no
file is touched.
"""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import Flowable, NextPageTemplate
from reportlab.platypus.doctemplate import LayoutError

from connecteur.fileio import write_atomically
from connecteur.handouts import front, qr_cache
from connecteur.handouts.document import (
    COVER_FRAME_LOSS,
    Finish,
    HandoutCancelled,
    HandoutDocTemplate,
    Progress,
    ShouldCancel,
)
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import Heading, SectionStart, SideColumn
from connecteur.handouts.fonts import register_fonts
from connecteur.handouts.request import (
    EDITION_LABELS,
    HandoutError,
    HandoutRequest,
    SessionSection,
)
from connecteur.handouts.sections import SectionWriter
from connecteur.handouts.styles import Styles, geometry

# Binary (compressed) streams instead of ASCII85 text: 20 % smaller files, and the
# encoding was a tenth of the build time. Only this package uses ReportLab.
rl_config.useA85 = 0

# ReportLab parses paragraph markup with one module-level parser: two builds at once
# (two windows' previews) would share it, so builds take turns.
_one_build_at_a_time = threading.Lock()

AUTHOR = "CNFPT — Connecteur Recherche 2020"
TRAINER_AUTHOR = "Formateur·rice (édition personnelle, avec notes)"
KEYWORDS = ("Connecteur Recherche", "CNFPT", "Fing", "Riposte créative territoriale",
            "formation", "fonction publique territoriale")


@dataclass(frozen=True)
class HandoutResult:
    """What was built: where (None when only rendered in memory), pages, bytes."""

    path: Path | None
    pages: int
    size: int
    seconds: float


def _all_flowables(story: list[Flowable]) -> list[Flowable]:
    """The story with the content of keep-together groups."""
    out: list[Flowable] = []
    for flowable in story:
        out.append(flowable)
        out += _all_flowables(getattr(flowable, "_content", []) or [])
    return out


def story_for(request: HandoutRequest, styles: Styles, side: SideColumn
              ) -> tuple[list[Flowable], Finish]:
    """Every flowable of the handout, in order, and the flowable that ends it."""
    annotations = request.annotations if request.is_trainer else None
    page = geometry(request.paper)
    entries = EntryRenderer(styles, page, annotations, side)
    writer = SectionWriter(request, styles, entries, request.known_ids(), side)
    body: list[Flowable] = []
    if request.about is not None and request.about.blocks:
        body += [SectionStart(recto=False, notes=False), *front.about_page(request.about, styles)]
    for section in request.sections:
        body += writer.session(section.session) if isinstance(section, SessionSection) \
            else writer.items(section)
    headings = [f for f in _all_flowables(body)
                if isinstance(f, Heading) and (f.outline or f.toc)]
    for number, heading in enumerate(headings, 1):
        heading.key = f"h{number}"
    cover = front.cover(request, styles)
    room = page.frame_height - COVER_FRAME_LOSS - _height(cover, page.full_width) - 12
    contents, on_cover = front.table_of_contents(headings, styles, page, room)
    contents[1 if not on_cover else 0].key = "contents"
    finish = Finish(styles)
    return [*cover, *contents, NextPageTemplate("content"), *body, finish], finish




def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e7)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def metadata(request: HandoutRequest) -> dict:
    """The PDF's (and the HTML page's) author, subject and keywords."""
    titles = [s.title for s in request.sessions()]
    edition = EDITION_LABELS[request.edition]
    if request.is_trainer:
        edition += " — ne pas distribuer"
    subject = f"{request.subtitle} ({edition})" if request.subtitle else \
        f"Support de formation ({edition})"
    author = request.trainer_name or (TRAINER_AUTHOR if request.is_trainer else AUTHOR)
    return {"author": author, "subject": subject, "keywords": [*KEYWORDS, *titles]}


def render_handout(request: HandoutRequest, *, progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None) -> tuple[bytes, HandoutResult]:
    """The PDF of ``request`` as bytes, with what was built."""
    with _one_build_at_a_time:
        return _render(request, progress, should_cancel)


def _render(request: HandoutRequest, progress: Progress | None,
            should_cancel: ShouldCancel | None) -> tuple[bytes, HandoutResult]:
    started = time.perf_counter()
    register_fonts()
    styles = Styles()
    page = geometry(request.paper)
    side = SideColumn(page)
    story, finish = story_for(request, styles, side)
    toc_styles = {f.key: f.toc_style for f in _all_flowables(story)
                  if isinstance(f, Heading) and f.key and f.toc is not None}
    buffer = io.BytesIO()
    doc = HandoutDocTemplate(buffer, geometry=page, title=request.title,
                             edition_label=EDITION_LABELS[request.edition],
                             trainer=request.is_trainer, toc_styles=toc_styles, side=side,
                             progress=progress, should_cancel=should_cancel,
                             **metadata(request))
    try:
        doc.build(story)
    except LayoutError as exc:
        raise HandoutError("Le support n'a pas pu être mis en page (un élément ne tient "
                           "pas sur une page).", hint=str(exc)[:200]) from None
    data = buffer.getvalue()
    qr_cache.save()
    if progress is not None:
        progress(doc.flowable_count, doc.flowable_count)
    return data, HandoutResult(None, finish.pages, len(data), time.perf_counter() - started)


def build_handout(request: HandoutRequest, target: Path | str, *,
                  progress: Progress | None = None,
                  should_cancel: ShouldCancel | None = None) -> HandoutResult:
    """Build the PDF and write it to ``target`` atomically (all of it or nothing)."""
    started = time.perf_counter()
    data, result = render_handout(request, progress=progress, should_cancel=should_cancel)
    if should_cancel is not None and should_cancel():
        raise HandoutCancelled()
    path = write_atomically(Path(target), data)
    return HandoutResult(path, result.pages, result.size, time.perf_counter() - started)
