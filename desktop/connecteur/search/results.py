"""What the search service hands back: plain frozen values, no Whoosh objects, so the
UI and the CLI never depend on the search library."""

from __future__ import annotations

from dataclasses import dataclass, field

# IndexState.reason values.
MISSING, CORPUS_CHANGED, CORRUPT, LOCKED, VERSION = (
    "missing", "corpus-changed", "corrupt", "locked", "version")

REASON_LABELS = {
    MISSING: "l'index de recherche n'existe pas encore",
    CORPUS_CHANGED: "le texte du corpus a changé",
    CORRUPT: "l'index de recherche était abîmé",
    LOCKED: "l'index de recherche était verrouillé",
    VERSION: "l'index de recherche vient d'une autre version de Connecteur",
}


@dataclass(frozen=True)
class IndexState:
    usable: bool
    reason: str | None = None

    @property
    def label(self) -> str | None:
        """Why the index must be rebuilt, as a French phrase (None when usable)."""
        return REASON_LABELS.get(self.reason) if self.reason else None


@dataclass(frozen=True)
class Hit:
    id: str              # item ID; for a note, the note's own ID
    kind: str            # session | lead | field_site | resource | speaker | note
    date: str            # event date, "2020-05-20"
    session: int | None  # session number
    session_id: str | None
    target_id: str       # the item to open (the annotated item for a note)
    title: str           # short label for a result list
    text: str            # the item's full text, as stored
    highlight: str       # HTML excerpt, matched words in <mark>…</mark> (stem-only
                         # matches in <mark class="stem">…</mark>)
    score: float
    # The parts the query matched (explain.PART_ORDER): "text", a session's "title", or
    # only context: a lead's "theme" or "session_title", a note's "item".
    matched_in: tuple[str, ...] = ()
    # How well: EXACT (the forms typed, in the item's own text), STEM (own text, through
    # stems only), CONTEXT (only through matched_in's context parts); "" for a query
    # without words (``type:intervenant``).
    match: str = ""


# Hit.match values; hits come in this order, then by score.
EXACT, STEM, CONTEXT = "exact", "stem", "context"


@dataclass(frozen=True)
class RelatedHit(Hit):
    """An item related to another one (SearchService.related)."""

    shared: tuple[str, ...] = ()   # the shared words and phrases, most telling first
    reason: str = ""               # one line in French: "En commun : mémoire, …"


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: tuple[Hit, ...]
    # {"kind": {kind: n}, "session": {session_id: n}}; see SearchService.search.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    notices: tuple[str, ...] = ()
    page: int = 1
    page_size: int = 20
    # How many more results there would be without a kind or session filter:
    # {"kind": n} when a kind filter is active (the session filter kept), {"session": n}
    # likewise, and {"all": n} without either. Empty without such filters.
    hidden: dict[str, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))
