"""The trainer's own data as plain, immutable values (what the services return).

Every annotation remembers the item it was made on (``item_kind``, ``item_text``,
``item_reference``): when the corpus text changes it is re-attached from that
snapshot, and when it cannot be, it stays readable as an orphan (``orphan=True``)
instead of being dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import uuid4

if TYPE_CHECKING:
    from connecteur.store.user.reanchor import AnchorReport

# Items a trainer can annotate, star, tag or put in a folder (themes and events are
# headings, not content).
ANNOTATABLE_KINDS = ("session", "lead", "field_site", "resource", "speaker")

KIND_LABELS = {
    "session": "Session",
    "lead": "Piste de réflexion",
    "field_site": "Terrain",
    "resource": "Ressource",
    "speaker": "Intervenant·e",
    "theme": "Intertitre",
    "event": "Journée",
}


def utc_now() -> str:
    """A UTC timestamp that sorts as text: ``2026-03-12T09:14:03.123456Z`` (microseconds,
    so that things made one after the other keep their order)."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A stable annotation identifier, unique across installations (for merges)."""
    return uuid4().hex


@dataclass(frozen=True)
class Colour:
    key: str
    label: str
    hex: str


# A small fixed palette: stored by key, shown by its French label.
PALETTE: tuple[Colour, ...] = (
    Colour("yellow", "Jaune", "#fff176"),
    Colour("green", "Vert", "#aed581"),
    Colour("blue", "Bleu", "#81d4fa"),
    Colour("pink", "Rose", "#f48fb1"),
    Colour("orange", "Orange", "#ffb74d"),
)
DEFAULT_COLOUR = "yellow"


def colour(key_or_label: str) -> Colour | None:
    """The palette entry named by its key (``yellow``) or French label (``jaune``)."""
    wanted = key_or_label.strip().casefold()
    return next((c for c in PALETTE if wanted in (c.key, c.label.casefold())), None)


@dataclass(frozen=True)
class Snapshot:
    """What an annotation was made on: enough to find the item again, or to show it."""

    item_id: str
    item_kind: str
    item_text: str
    item_reference: str


@dataclass(frozen=True, kw_only=True)
class Anchored:
    """What every annotation keeps of the item it was made on (kind, text and readable
    reference at that time), so that an orphan can still be shown; ``orphan`` is set
    when the item cannot be found in the current corpus text."""

    item_kind: str = ""
    item_text: str = ""
    item_reference: str = ""
    orphan: bool = False


@dataclass(frozen=True)
class Note(Anchored):
    id: str
    item_id: str
    body: str
    created: str
    modified: str


@dataclass(frozen=True)
class Highlight(Anchored):
    id: str
    item_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    colour: str
    note: str
    created: str
    modified: str


@dataclass(frozen=True)
class Star(Anchored):
    id: str
    item_id: str
    created: str


@dataclass(frozen=True)
class Tag(Anchored):
    id: str
    item_id: str
    tag: str
    created: str


@dataclass(frozen=True)
class Folder:
    """A course folder ("Dossier de formation"); title, audience and date feed the handout."""

    id: str
    name: str
    title: str
    audience: str
    date: str | None
    created: str
    modified: str
    size: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.name


@dataclass(frozen=True)
class FolderEntry(Anchored):
    """One item in a folder, in the folder's order, with the trainer's folder-specific note."""

    id: str
    folder_id: str
    item_id: str
    position: int
    note: str
    added: str


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


@dataclass(frozen=True)
class ItemAnnotations:
    """Everything the trainer attached to one item (reading pane, trainer handout)."""

    item_id: str
    notes: tuple[Note, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    starred: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrainerMaterial:
    """What the trainer edition of a handout prints besides the corpus, keyed by item ID:
    note bodies, highlights (``start``, ``end``, ``quote``, ``colour``, ``note``), for
    a folder each item's folder note, and the item's tags (alphabetically)."""

    notes: dict[str, tuple[str, ...]]
    highlights: dict[str, tuple[Highlight, ...]]
    folder_notes: dict[str, str]
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Orphan:
    """An annotation whose item could not be found in the current corpus text.

    ``kind`` is ``note``, ``highlight``, ``star``, ``tag`` or ``folder_item``; ``text`` is
    what the trainer wrote (note body, highlight note, tag, folder note) and ``quote`` the
    highlighted words, so the "Annotations orphelines" list is readable on its own.
    """

    kind: str
    id: str
    item_id: str
    item_kind: str
    item_reference: str
    item_text: str
    quote: str = ""
    text: str = ""
    folder: str = ""
    created: str = ""


@dataclass(frozen=True)
class StartupReport:
    """What happened when the user database was opened, for the UI to show."""

    path: str
    created: bool = False
    migrated_from: int | None = None
    backup: str | None = None
    corrupt_copy: str | None = None
    restored_from: str | None = None
    messages: tuple[str, ...] = ()
    anchoring: AnchorReport | None = None  # when the corpus text changed since last time
    read_only: str | None = None  # why nothing can be saved (read-only home, full disk)

    @property
    def recovered(self) -> bool:
        """Whether the database was damaged, empty or missing and something was done."""
        return self.corrupt_copy is not None or self.restored_from is not None
