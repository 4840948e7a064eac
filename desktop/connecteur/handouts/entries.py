"""One corpus entry (lead, field site, resource, speaker) as flowables, with the
trainer's highlights, notes and folder notes when the edition shows them.

Highlights are stored as offsets into the item's ``.text`` (body, then one ``- item``
line per sub-bullet), so the text is cut into the same segments here and each
highlight is clipped to the segments it covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from connecteur.corpus import FieldSite, Lead, Resource, Speaker
from connecteur.handouts import markup
from connecteur.handouts.flowables import NoteBox, Text, WithCodes
from connecteur.handouts.fonts import text_width
from connecteur.handouts.markup import Insert, Mark
from connecteur.handouts.request import Annotations, Highlight, ListedItem, NoteText
from connecteur.handouts.styles import (
    FOLDER_BACK,
    FOLDER_BAR,
    NOTE_BACK,
    NOTE_BAR,
    QR_SIZE,
    Geometry,
    Styles,
    highlight_tint,
)

LEAD_BULLET = "→"
ITEM_BULLET = "–"
SPEAKER_BULLET = "•"
_QUOTE_SHOWN = 160  # characters of a highlighted passage quoted beside its note


@dataclass(frozen=True)
class Segment:
    """A paragraph of an item: its offset in the item's ``.text`` and its text."""

    offset: int
    text: str


def segments(item: ListedItem) -> list[Segment]:
    """The item's paragraphs, with offsets matching ``item.text``."""
    if isinstance(item, Lead | FieldSite):
        out = [Segment(0, item.body)]
        position = len(item.body)
        for sub in item.items:
            position += 1  # the line break
            out.append(Segment(position + 2, sub))  # after "- "
            position += 2 + len(sub)
        return out
    return [Segment(0, item.text)]


@dataclass(frozen=True)
class PlacedHighlight:
    start: int
    end: int
    tint: str
    number: int | None  # the call number of its note, if it has one
    source: Highlight


def place_highlight(text: str, highlight: Highlight) -> tuple[int, int] | None:
    """Where the highlight falls in ``text`` now: its offsets if they still hold the
    quoted passage, else the occurrence of the quote nearest to them, else None."""
    start, end = highlight.start, highlight.end
    in_range = 0 <= start < end <= len(text)
    if in_range and (not highlight.quote or text[start:end] == highlight.quote):
        return start, end
    quote = highlight.quote
    if not quote:
        return None
    found = _occurrences(text, quote)
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(quote)


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


class EntryRenderer:
    """Flowables for entries; ``annotations`` is None in the participant edition."""

    def __init__(self, styles: Styles, geometry: Geometry,
                 annotations: Annotations | None) -> None:
        self.styles = styles
        self.geometry = geometry
        self.annotations = annotations

    # --- text with marks ---------------------------------------------------------------

    def _width_of(self, style: ParagraphStyle):
        return lambda s: text_width(s, style.fontName, style.fontSize)

    def line_width(self, style: ParagraphStyle, *, codes: bool = False,
                   inset: float = 0) -> float:
        width = self.geometry.frame_width - style.leftIndent - style.rightIndent - inset - 2
        return width - (QR_SIZE + WithCodes.gap if codes else 0)

    def markup(self, text: str, style: ParagraphStyle, *, marks: Sequence[Mark] = (),
               inserts: Sequence[Insert] = (), codes: bool = False,
               inset: float = 0) -> str:
        """Escaped markup for ``text`` with links (long ones kept in the margins)."""
        clean = markup.clean(text)
        links = markup.link_marks(clean)
        breaks = markup.long_word_breaks(clean, self._width_of(style),
                                         self.line_width(style, codes=codes, inset=inset),
                                         style.fontSize)
        return markup.render(clean, [*links, *marks], inserts, breaks)

    def _placed(self, item: ListedItem) -> tuple[list[PlacedHighlight], list[Highlight]]:
        if self.annotations is None:
            return [], []
        placed, lost = [], []
        number = 0
        text = item.text
        for highlight in self.annotations.highlights_on(item.id):
            where = place_highlight(text, highlight)
            if where is None:
                lost.append(highlight)
                continue
            has_note = bool(highlight.note and highlight.note.strip())
            number += has_note
            placed.append(PlacedHighlight(*where, highlight_tint(highlight.colour),
                                          number if has_note else None, highlight))
        return placed, lost

    @staticmethod
    def _clip(segment: Segment, placed: Sequence[PlacedHighlight],
              calls: dict[int, list[int]]) -> tuple[list[Mark], list[Insert]]:
        """The highlights of one segment, and the calls of the notes that end in it."""
        marks = []
        end_of_segment = segment.offset + len(segment.text)
        for h in placed:
            start = max(h.start, segment.offset) - segment.offset
            end = min(h.end, end_of_segment) - segment.offset
            if start < end:
                marks.append(Mark(start, end, "highlight", h.tint))
        inserts = [Insert(at, _call(n)) for at, numbers in calls.items() for n in numbers]
        return marks, inserts

    @staticmethod
    def _calls(parts: Sequence[Segment], placed: Sequence[PlacedHighlight]
               ) -> list[dict[int, list[int]]]:
        """Per segment, the note calls it carries (offset → numbers): each call goes
        right after its highlight, in the last segment that starts before its end."""
        calls: list[dict[int, list[int]]] = [{} for _ in parts]
        for h in placed:
            if h.number is None:
                continue
            index = max((i for i, p in enumerate(parts) if p.offset < h.end), default=0)
            at = min(max(h.end - parts[index].offset, 0), len(parts[index].text))
            calls[index].setdefault(at, []).append(h.number)
        return calls

    # --- entries ---------------------------------------------------------------------

    def entry(self, item: ListedItem) -> list[Flowable]:
        """A lead, field site, resource or speaker, then the trainer's notes on it."""
        placed, lost = self._placed(item)
        if isinstance(item, Speaker):
            flowables = self._speaker(item, placed)
        else:
            flowables = self._text_entry(item, placed)
        return flowables + self.notes(item.id, placed, lost)

    def _text_entry(self, item: Lead | FieldSite | Resource,
                    placed: Sequence[PlacedHighlight]) -> list[Flowable]:
        urls = list(getattr(item, "urls", ()))
        out: list[Flowable] = []
        parts = segments(item)
        calls = self._calls(parts, placed)
        for index, segment in enumerate(parts):
            style = self.styles.lead if index == 0 else self.styles.lead_item
            if isinstance(item, FieldSite | Resource) and index == 0:
                style = self.styles.entry
            codes = index == 0 and bool(urls)
            marks, inserts = self._clip(segment, placed, calls[index])
            text = self.markup(segment.text, style, marks=marks, inserts=inserts, codes=codes)
            paragraph = Text(text, style,
                                  bulletText=LEAD_BULLET if index == 0 else ITEM_BULLET)
            out.append(WithCodes(paragraph, urls) if codes else paragraph)
        return out

    def _speaker(self, item: Speaker, placed: Sequence[PlacedHighlight]) -> list[Flowable]:
        segment = Segment(0, item.text)
        marks, inserts = self._clip(segment, placed, self._calls([segment], placed)[0])
        marks.insert(0, Mark(0, len(markup.clean(item.name)), "bold"))
        text = self.markup(item.text, self.styles.speaker, marks=marks, inserts=inserts)
        return [Text(text, self.styles.speaker, bulletText=SPEAKER_BULLET)]

    # --- the trainer's notes ---------------------------------------------------------

    def notes(self, item_id: str, placed: Sequence[PlacedHighlight] = (),
              lost: Sequence[Highlight] = ()) -> list[Flowable]:
        """The item's notes (and highlight notes), then its folder note: trainer only."""
        if self.annotations is None:
            return []
        out: list[Flowable] = []
        notes = [self.note_paragraphs(note) for note in self.annotations.notes_on(item_id)]
        notes += [self.note_paragraphs(h.source.note, lead_in=f"{h.number}. {_quoted(h.source)}")
                  for h in placed if h.number is not None]
        notes += [self.note_paragraphs(h.note or "", lead_in="Passage surligné introuvable "
                                       f"dans le texte actuel : {_quoted(h)}") for h in lost]
        if notes:
            label = "MA NOTE" if len(notes) == 1 else "MES NOTES"
            out.append(NoteBox([Text(label, self.styles.note_label),
                                *(p for note in notes for p in note)], NOTE_BACK, NOTE_BAR))
        folder_note = self.annotations.folder_note_on(item_id)
        if folder_note:
            out.append(NoteBox([Text("NOTE DU DOSSIER", self.styles.folder_label),
                                *self.note_paragraphs(folder_note)], FOLDER_BACK, FOLDER_BAR))
        return out

    def note_paragraphs(self, note: NoteText, *, lead_in: str = "") -> list[Flowable]:
        """A note's paragraphs and list items, formatted and escaped."""
        inset = NoteBox.pad * 2 + NoteBox.bar
        out: list[Flowable] = []
        if lead_in:
            out.append(Text(f"<i>{markup.escape(lead_in)}</i>", self.styles.note))
        for block in markup.note_blocks(note):
            style = self.styles.note_item if block.kind == "item" else self.styles.note
            text = markup.block_markup(block, self._width_of(style),
                                       self.line_width(style, inset=inset), style.fontSize)
            out.append(Text(text, style,
                                 bulletText=SPEAKER_BULLET if block.kind == "item" else None))
        return out


def _call(number: int) -> str:
    return f'<super><font color="#a66f00">{number}</font></super>'


def _quoted(highlight: Highlight) -> str:
    quote = " ".join(markup.clean(highlight.quote).split())
    if len(quote) > _QUOTE_SHOWN:
        quote = quote[:_QUOTE_SHOWN].rstrip() + "…"
    return f"« {quote} »" if quote else "(passage sans citation)"
