"""The corpus as the user layer sees it: which items can be annotated, their text,
their readable reference and their reading order."""

from __future__ import annotations

from functools import cached_property

from connecteur.corpus import Item, Session, Speaker
from connecteur.corpus.ids import kind_of, malformed_reason, normalise, shown
from connecteur.corpus.reference import session_reference
from connecteur.errors import NotFoundError
from connecteur.store.library.corpus_store import CorpusStore
from connecteur.store.user.model import ANNOTATABLE_KINDS, KIND_LABELS, Snapshot


class ItemCatalogue:
    """Look-ups over one corpus text (a new text means a new catalogue)."""

    def __init__(self, corpus: CorpusStore) -> None:
        self.corpus = corpus

    @property
    def fingerprint(self) -> str:
        return self.corpus.fingerprint

    @cached_property
    def _items(self) -> dict[str, Item]:
        return {item.id: item for item in self.corpus.library.items()
                if item.kind in ANNOTATABLE_KINDS}

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {item_id: rank for rank, item_id in enumerate(self._items)}

    @cached_property
    def by_kind(self) -> dict[str, list[Item]]:
        """Annotatable items of each kind, in reading order."""
        groups: dict[str, list[Item]] = {kind: [] for kind in ANNOTATABLE_KINDS}
        for item in self._items.values():
            groups[item.kind].append(item)
        return groups

    def find(self, item_id: str) -> Item | None:
        return self._items.get(normalise(item_id))

    def require(self, item_id: str) -> Item:
        """The annotatable item named ``item_id``, or a French error saying why not."""
        found = self.find(item_id)
        if found is not None:
            return found
        kind = kind_of(normalise(item_id))
        if kind in ("theme", "event"):
            raise NotFoundError(f"« {shown(item_id)} » est un intertitre ou une journée : on "
                                "annote une session, une piste, un terrain, une ressource ou "
                                "un·e intervenant·e.")
        what = malformed_reason(item_id) if kind is None else "aucun élément ne porte cet " \
            "identifiant"
        raise NotFoundError(f"« {shown(item_id)} » : {what}.",
                            hint="Exemple d'identifiant : 2020-05-20/s1/lead/03.")

    def rank(self, item_id: str) -> int:
        """Position in reading order (unknown items last)."""
        return self._rank.get(item_id, len(self._rank))

    def reference(self, item: Item) -> str:
        """``Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise › Piste de
        réflexion 3``: enough to find the item in the printed document."""
        session = self.corpus.session_of(item)
        base = session_reference(session)
        if isinstance(item, Session):
            return base
        if isinstance(item, Speaker):
            return f"{base} › {KIND_LABELS['speaker']} : {item.name}"
        return f"{base} › {KIND_LABELS[item.kind]} {item.position}"

    def snapshot(self, item: Item) -> Snapshot:
        return Snapshot(item.id, item.kind, item.text, self.reference(item))

    def snapshot_of(self, item_id: str) -> Snapshot:
        return self.snapshot(self.require(item_id))

