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
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from connecteur.fileio import write_atomically
from connecteur.handouts import front, qr_cache
from connecteur.handouts.document import (
    Finish,
    HandoutCancelled,
    HandoutDocTemplate,
    Progress,
    ShouldCancel,
)
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import Heading
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
KEYWORDS = ("Connecteur Recherche", "CNFPT", "Fing", "Riposte créative territoriale",
            "formation", "fonction publique territoriale")


@dataclass(frozen=True)
class HandoutResult:
    """What was built: where (None when only rendered in memory), pages, bytes."""

    path: Path | None
    pages: int
    size: int
    seconds: float


def _known_ids(request: HandoutRequest) -> frozenset[str]:
    ids: set[str] = set()
    for session in request.sessions():
        ids.add(session.id)
        for theme in session.themes:
            ids.add(theme.id)
            ids.update(lead.id for lead in theme.leads)
        ids.update(x.id for x in (*session.field_sites, *session.resources, *session.speakers))
    return frozenset(ids)


def story_for(request: HandoutRequest, styles: Styles) -> tuple[list[Flowable], Finish]:
    """Every flowable of the handout, in order, and the flowable that ends it."""
    annotations = request.annotations if request.is_trainer else None
    entries = EntryRenderer(styles, geometry(request.paper), annotations)
    writer = SectionWriter(request, styles, entries, _known_ids(request))
    body: list[Flowable] = []
    if request.about is not None:
        body += front.about_page(request.about, styles)
    for section in request.sections:
        body += writer.session(section.session) if isinstance(section, SessionSection) \
            else writer.items(section)
    headings = [f for f in body if isinstance(f, Heading) and (f.outline or f.toc)]
    for number, heading in enumerate(headings, 1):
        heading.key = f"h{number}"
    contents = front.table_of_contents(headings, styles)
    contents[0].key = "contents"
    finish = Finish(styles)
    return [*front.cover(request, styles), *contents, *body, finish], finish


def _metadata(request: HandoutRequest) -> dict:
    titles = [s.title for s in request.sessions()]
    edition = EDITION_LABELS[request.edition]
    subject = f"{request.subtitle} ({edition})" if request.subtitle else \
        f"Support de formation ({edition})"
    return {"author": request.trainer_name or AUTHOR, "subject": subject,
            "keywords": [*KEYWORDS, *titles]}


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
    story, finish = story_for(request, styles)
    toc_levels = {f.key: f.toc_level for f in story
                  if isinstance(f, Heading) and f.key and f.toc is not None}
    buffer = io.BytesIO()
    doc = HandoutDocTemplate(buffer, geometry=geometry(request.paper), title=request.title,
                             edition_label=EDITION_LABELS[request.edition],
                             toc_levels=toc_levels, progress=progress,
                             should_cancel=should_cancel, **_metadata(request))
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
