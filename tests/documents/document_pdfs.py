"""Connecteur syntheses laid out as PDF with ReportLab, the way a word processor would
print them: running headers and page numbers, bullets in other glyphs, a boxed list of
speakers in the middle of a theme, one or two columns, ligatures, session titles run
into their introduction. The tests import these PDFs and compare what comes back,
item by item, with the library the layout was made from.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from connecteur.corpus import Library, Session
from connecteur.corpus.model import MONTH_NAMES_FR
from connecteur.handouts.fonts import register_fonts


def _register() -> None:
    """The handouts' own fonts (DejaVu): registering the same files a second time under
    other names changed how the handouts wrote their no-break spaces."""
    register_fonts()


@dataclass(frozen=True)
class Layout:
    """How a synthesis is printed."""

    columns: int = 1
    serif: bool = False
    body_size: float = 10
    header: str | None = "Connecteur Recherche — synthèse des échanges"
    footer: str = "Page {page}"
    session_running_head: bool = False  # "SESSION n – titre" atop each following page
    lead_bullet: str = "→"
    speaker_bullet: str = "•"
    sub_bullet: str = "–"
    resource_bullet: str = "-"
    ligatures: bool = False
    run_in_titles: bool = False
    box_after: tuple[int, int] = (0, 2)  # (theme, leads before the speakers box)
    paragraph_space: float = 6
    new_page_per_session: bool = True


PLAIN = Layout()


class _Marker(Flowable):
    """Tells the page decorations which session the following pages belong to."""

    def __init__(self, head: str) -> None:
        super().__init__()
        self.head = head

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._connecteur_head = self.head  # type: ignore[attr-defined]


class _Styles:
    def __init__(self, layout: Layout) -> None:
        face = "ConnecteurSerif" if layout.serif else "ConnecteurSans"
        size, lead = layout.body_size, layout.body_size * 1.3
        space = layout.paragraph_space
        self.body = ParagraphStyle("body", fontName=face, fontSize=size, leading=lead,
                                   spaceAfter=space, uriWasteReduce=0.3)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=f"{face}-Bold",
                                   spaceBefore=space)
        self.part = ParagraphStyle("part", parent=self.bold, fontSize=size + 1.5,
                                   leading=(size + 1.5) * 1.3, spaceBefore=2 * space)
        self.title = ParagraphStyle("title", parent=self.bold, fontSize=size + 5,
                                    leading=(size + 5) * 1.25, spaceAfter=2 * space)
        self.section = ParagraphStyle("section", parent=self.bold, fontSize=size + 2,
                                      leading=(size + 2) * 1.3, spaceBefore=2 * space,
                                      textColor=colors.HexColor("#1d4f91"))
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=16, bulletIndent=3,
                                     bulletFontName="ConnecteurSans")
        self.sub = ParagraphStyle("sub", parent=self.bullet, leftIndent=30, bulletIndent=18)
        self.box = ParagraphStyle("box", parent=self.bullet, fontSize=size - 1,
                                  leading=(size - 1) * 1.3, spaceAfter=3)
        self.run_in = ParagraphStyle("runin", parent=self.body, spaceBefore=space)


def _text(text: str, layout: Layout) -> str:
    text = escape(text)
    if layout.ligatures:
        text = text.replace("ffi", "ﬃ").replace("fi", "ﬁ").replace("fl", "ﬂ")
    return text


def _date_heading(date: str) -> str:
    year, month, day = (int(x) for x in date.split("-"))
    return f"CONNECTEUR RECHERCHE – {'1ER' if day == 1 else day} " \
           f"{MONTH_NAMES_FR[month].upper()} {year}"


def _speakers_box(session: Session, styles: _Styles, layout: Layout, width: float) -> Table:
    cells = [[Paragraph("Intervenant.e.s :", styles.box)]]
    for speaker in session.speakers:
        text = f"{speaker.name} ({speaker.affiliation})" if speaker.affiliation else speaker.name
        cells.append([Paragraph(_text(text, layout), styles.box,
                                bulletText=layout.speaker_bullet)])
    table = Table(cells, colWidths=[width - 12])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#1d4f91")),
                               ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3fa")),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 8)]))
    table.spaceBefore, table.spaceAfter = 8, 10
    return table


def _entry(body: str, items: tuple[str, ...], bullet: str, styles: _Styles,
           layout: Layout) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(_text(body, layout), styles.bullet, bulletText=bullet)]
    out += [Paragraph(_text(item, layout), styles.sub, bulletText=layout.sub_bullet)
            for item in items]
    return out


def _leads(session: Session, styles: _Styles, layout: Layout, width: float) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("PISTES DE RÉFLEXION", styles.section)]
    box_theme, box_before = layout.box_after
    box_theme = min(box_theme, max(0, len(session.themes) - 1))
    box_done = not session.speakers
    part = None
    for index, theme in enumerate(session.themes):
        if theme.part and theme.part != part:
            part = theme.part
            out.append(Paragraph(_text(part, layout), styles.part))
        if theme.title:
            out.append(CondPageBreak(60))
            out.append(Paragraph(_text(theme.title, layout), styles.bold))
        for rank, lead in enumerate(theme.leads):
            if not box_done and index == box_theme and rank == box_before:
                out.append(_speakers_box(session, styles, layout, width))
                box_done = True
            out += _entry(lead.body, lead.items, layout.lead_bullet, styles, layout)
        if not box_done and index == box_theme:
            out.append(_speakers_box(session, styles, layout, width))
            box_done = True
    if not box_done:
        out.append(_speakers_box(session, styles, layout, width))
    return out


def _session(session: Session, styles: _Styles, layout: Layout, width: float
             ) -> list[Flowable]:
    head = f"SESSION {session.number} – {session.title}"
    out: list[Flowable] = [_Marker(head)]
    paragraphs = session.introduction.split("\n\n") if session.introduction else []
    if layout.run_in_titles and paragraphs:
        first = f"<font name='{styles.title.fontName}'>{_text(head, layout)}</font> " \
                f"{_text(paragraphs[0], layout)}"
        out.append(Paragraph(first, styles.run_in))
        paragraphs = paragraphs[1:]
    else:
        out.append(Paragraph(_text(head, layout), styles.title))
    out += [Paragraph(_text(p, layout), styles.body) for p in paragraphs]
    if session.themes:
        out += _leads(session, styles, layout, width)
    elif session.speakers:
        out.append(_speakers_box(session, styles, layout, width))
    for title, entries, bullet in (
            ("TERRAINS", session.field_sites, layout.lead_bullet),
            ("RESSOURCES", session.resources, layout.resource_bullet)):
        if not entries:
            continue
        out.append(Paragraph(title, styles.section))
        for entry in entries:
            out += _entry(entry.body if hasattr(entry, "body") else entry.text,
                          getattr(entry, "items", ()), bullet, styles, layout)
    return out


def _about(library: Library, styles: _Styles, layout: Layout) -> list[Flowable]:
    about = library.about
    if not about.title:
        return []
    out: list[Flowable] = [Paragraph(_text(about.title, layout), styles.title)]
    for block in about.blocks:
        if block.kind == "item":
            out.append(Paragraph(_text(block.text, layout), styles.bullet, bulletText="•"))
        else:
            out.append(Paragraph(_text(block.text, layout), styles.body))
    out += [Paragraph(escape(link), styles.body) for link in about.links]
    return out


def render(library: Library, layout: Layout = PLAIN) -> bytes:
    """The PDF of ``library`` printed with ``layout``."""
    _register()
    styles = _Styles(layout)
    buffer = io.BytesIO()
    margin, gutter = 56, 18
    width = (A4[0] - 2 * margin - gutter * (layout.columns - 1)) / layout.columns
    frames = [Frame(margin + i * (width + gutter), margin, width, A4[1] - 2 * margin - 10,
                    id=f"col{i}") for i in range(layout.columns)]

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("ConnecteurSans", 8)
        if layout.header:
            canvas.drawString(margin, A4[1] - 36, layout.header)
        head = getattr(canvas, "_connecteur_head", None)
        if layout.session_running_head and head and doc.page > 1:
            canvas.drawRightString(A4[0] - margin, A4[1] - 48, head)
        canvas.drawCentredString(A4[0] / 2, 30, layout.footer.format(page=doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin, title="Synthèse",
                          author="Connecteur (tests)")
    doc.addPageTemplates([PageTemplate("page", frames, onPage=decorate)])
    story = _about(library, styles, layout)
    for event in library.events:
        if story:
            story.append(PageBreak())
        story.append(Paragraph(_date_heading(event.date), styles.title))
        for index, session in enumerate(event.sessions):
            if index and layout.new_page_per_session:
                story.append(PageBreak())
            elif index:
                story.append(Spacer(1, 12))
            story += _session(session, styles, layout, width)
    doc.build(story)
    return buffer.getvalue()


def with_layout(layout: Layout, **changes) -> Layout:
    return replace(layout, **changes)


# --- files that are not Connecteur documents -------------------------------------------------

def scanned_pdf() -> bytes:
    """Two pages of "scanned" text: drawn shapes only, no text layer."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        for row in range(40):
            for word in range(9):
                page.rect(60 + word * 52, 760 - row * 17, 40 + (row * word) % 9, 8,
                          stroke=0, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


def encrypted_pdf(library: Library) -> bytes:
    """A synthesis protected by a password (user password "secret")."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    _register()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4,
                         encrypt=StandardEncryption("secret", canPrint=0))
    page.setFont("ConnecteurSans", 11)
    y = 780
    for event in library.events:
        page.drawString(60, y, _date_heading(event.date))
        for session in event.sessions:
            y -= 20
            page.drawString(60, y, f"SESSION {session.number} – {session.title}")
    page.showPage()
    page.save()
    return buffer.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """Plain lines of text on pages (a novel, say)."""
    _register()
    styles = _Styles(PLAIN)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4)
    doc.addPageTemplates([PageTemplate("page", [Frame(56, 56, A4[0] - 112, A4[1] - 112)])])
    doc.build([Paragraph(_text(line, PLAIN), styles.body) for line in lines])
    return buffer.getvalue()
