"""One corpus entry (lead, field site, resource, speaker) as flowables, with the
trainer's highlights, notes and folder notes when the edition shows them.

Highlights are placed on the item's paragraphs by :mod:`.annotate`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from connecteur.corpus import FieldSite, Lead, Resource, Speaker
from connecteur.handouts import markup
from connecteur.handouts.annotate import (
    PlacedHighlight,
    Segment,
    clip,
    note_calls,
    placed_highlights,
    segments,
)
from connecteur.handouts.annotate import quoted as _quoted
from connecteur.handouts.flowables import Label, NoteBox, SideColumn, Text, WithCodes
from connecteur.handouts.fonts import SANS_BOLD, text_width
from connecteur.handouts.markup import Insert, Mark
from connecteur.handouts.request import Annotations, Highlight, ListedItem, NoteText
from connecteur.handouts.styles import (
    FOLDER_BACK,
    FOLDER_BAR,
    NOTE_BACK,
    NOTE_BAR,
    Geometry,
    Styles,
    highlight_tint,
)

_NEWLINE = re.compile("\n")
TAGS_LABEL = "#8a6412"  # the note labels' ochre, darker: small text stays legible
LEAD_BULLET = "→"
ITEM_BULLET = "–"
SPEAKER_BULLET = "•"


class EntryRenderer:
    """Flowables for entries; ``annotations`` is None in the participant edition."""

    def __init__(self, styles: Styles, geometry: Geometry,
                 annotations: Annotations | None, side: SideColumn) -> None:
        self.styles = styles
        self.geometry = geometry
        self.annotations = annotations
        self.side = side

    # --- text with marks ---------------------------------------------------------------

    def _width_of(self, style: ParagraphStyle):
        return lambda s: text_width(s, style.fontName, style.fontSize)

    def line_width(self, style: ParagraphStyle, *, inset: float = 0) -> float:
        return self.geometry.frame_width - style.leftIndent - style.rightIndent - inset - 2

    def markup(self, text: str, style: ParagraphStyle, *, marks: Sequence[Mark] = (),
               inserts: Sequence[Insert] = (), numbers: Mapping[str, int] | None = None,
               inset: float = 0) -> str:
        """Escaped markup for ``text`` with links (long ones kept in the margins), the
        source's line breaks, and ``[n]`` before each address numbered in ``numbers``."""
        clean = markup.clean(text)
        links = markup.link_marks(clean)
        flat = clean.replace("\n", " ")
        width = self.line_width(style, inset=inset) - (_NUMBER_WIDTH if numbers else 0)
        breaks = [m.end() for m in _NEWLINE.finditer(clean)]
        breaks += markup.long_word_breaks(flat, self._width_of(style), width, style.fontSize)
        labels = [Insert(link.start, _url_number(numbers[link.value]))
                  for link in links if numbers and link.value in numbers]
        return markup.render(flat, [*links, *marks], [*inserts, *labels], breaks)

    def _placed(self, item: ListedItem) -> tuple[list[PlacedHighlight], list[Highlight]]:
        return placed_highlights(self.annotations, item, highlight_tint)

    @staticmethod
    def _clip(segment: Segment, placed: Sequence[PlacedHighlight],
              calls: dict[int, list[int]]) -> tuple[list[Mark], list[Insert]]:
        return clip(segment, placed, calls, _call)

    @staticmethod
    def _calls(parts: Sequence[Segment], placed: Sequence[PlacedHighlight]
               ) -> list[dict[int, list[int]]]:
        return note_calls(parts, placed)

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
        numbers = {url: i for i, url in enumerate(urls, 1)} if len(urls) > 1 else None
        out: list[Flowable] = []
        parts = segments(item)
        calls = self._calls(parts, placed)
        for index, segment in enumerate(parts):
            style = self.styles.lead if index == 0 else self.styles.lead_item
            if isinstance(item, FieldSite | Resource) and index == 0:
                style = self.styles.entry
            marks, inserts = self._clip(segment, placed, calls[index])
            text = self.markup(segment.text, style, marks=marks, inserts=inserts,
                               numbers=numbers)
            paragraph = Text(text, style, bulletText=LEAD_BULLET if index == 0 else ITEM_BULLET)
            codes = index == 0 and bool(urls)
            out.append(WithCodes(paragraph, urls, self.side) if codes else paragraph)
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
        """The item's tags, its notes (and highlight notes), then its folder note:
        trainer only."""
        if self.annotations is None:
            return []
        out: list[Flowable] = []
        tags = self.annotations.tags_on(item_id)
        if tags:
            listed = " · ".join(markup.escape(t) for t in tags)
            out.append(Text(f'<font name="{SANS_BOLD}" color="{TAGS_LABEL}">Étiquettes\u00a0:'
                            f"</font> {listed}", self.styles.tags))
        notes = [self.note_paragraphs(note) for note in self.annotations.notes_on(item_id)]
        notes += [self.note_paragraphs(h.source.note, lead_in=f"{h.number}. {_quoted(h.source)}")
                  for h in placed if h.number is not None]
        notes += [self.note_paragraphs(h.note or "", lead_in="Passage surligné introuvable "
                                       f"dans le texte actuel : {_quoted(h)}") for h in lost]
        if notes:
            label = "MA NOTE" if len(notes) == 1 else "MES NOTES"
            out.append(NoteBox([Label(label, self.styles.note_label),
                                *(p for note in notes for p in note)], NOTE_BACK, NOTE_BAR))
        folder_note = self.annotations.folder_note_on(item_id)
        if folder_note:
            out.append(NoteBox([Label("NOTE DU DOSSIER", self.styles.folder_label),
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


_NUMBER_WIDTH = 16.0  # room taken by "[n] " before a numbered address


def _url_number(number: int) -> str:
    """``[n]`` before a web address, matching the caption of its QR code."""
    return f'<font name="{SANS_BOLD}" size="8" color="#1d4f91">[{number}]</font>\u00a0'


def _call(number: int) -> str:
    return f'<super><font color="#a66f00">{number}</font></super>'



