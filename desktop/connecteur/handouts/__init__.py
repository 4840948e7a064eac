"""PDF handouts (ReportLab) built from plain descriptions of what to print.

Typical use, from the CLI or a Qt worker::

    request = request_for_sessions(store, ["2020-05-20/s1"], edition="trainer",
                                   annotations=Annotations(notes={lead_id: [text]}))
    data, result = render_handout(request, progress=report, should_cancel=stop)  # preview
    result = build_handout(request, "support.pdf", progress=report, should_cancel=stop)
    result = build_handout_html(request, "support.html", should_cancel=stop)  # accessible

The request is built on the UI thread (cheap, immutable), the PDF in a worker:
``progress(done, total)`` is called at most once per percent, ``should_cancel()`` after
every flowable (:class:`HandoutCancelled` is then raised and no file is written).
Builds take turns (ReportLab's paragraph parser is shared). No other package imports
ReportLab.

The accessible edition (:mod:`.html`) is the same request written as one HTML file.
"""

from connecteur.handouts.build import HandoutResult, build_handout, render_handout
from connecteur.handouts.builders import (
    CoverDetails,
    request_for_items,
    request_for_library,
    request_for_sessions,
)
from connecteur.handouts.document import HandoutCancelled
from connecteur.handouts.html import build_handout_html, render_html
from connecteur.handouts.request import (
    EDITIONS,
    PAPERS,
    Annotations,
    Edition,
    HandoutError,
    HandoutRequest,
    Highlight,
    ItemsSection,
    ListedEntry,
    NoteText,
    Paper,
    SessionSection,
)

__all__ = [
    "EDITIONS", "PAPERS", "Annotations", "CoverDetails", "Edition", "HandoutCancelled",
    "HandoutError", "HandoutRequest", "HandoutResult", "Highlight", "ItemsSection",
    "ListedEntry", "NoteText", "Paper", "SessionSection", "build_handout",
    "build_handout_html", "render_handout", "render_html", "request_for_items",
    "request_for_library", "request_for_sessions",
]
