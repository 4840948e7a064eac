"""What an import did, counted by kind of record, and said in French."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Each kind of record, singular and plural ("1 note", "2 notes": never "note(s)").
KIND_NAMES = {"notes": ("note", "notes"), "highlights": ("surlignage", "surlignages"),
              "stars": ("favori", "favoris"), "tags": ("étiquette", "étiquettes"),
              "folders": ("dossier", "dossiers"),
              "entries": ("élément de dossier", "éléments de dossier")}


def kind_count(kind: str, number: int) -> str:
    """"1 note", "3 éléments de dossier" (French: the singular for 0 and 1)."""
    one, many = KIND_NAMES[kind]
    return f"{number} {one if number < 2 else many}"


@dataclass
class ImportReport:
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    unattached: Counter = field(default_factory=Counter)
    reissued: Counter = field(default_factory=Counter)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values()))

    def lines(self) -> list[str]:
        """The report in French, one line per outcome."""
        def counts(counter: Counter) -> str:
            return ", ".join(kind_count(k, counter[k]) for k in KIND_NAMES if counter[k])

        out = [f"Ajouté : {counts(self.added) or 'rien'}."]
        if self.updated:
            out.append(f"Mis à jour (version importée plus récente) : {counts(self.updated)}.")
        out.append(f"Déjà présent, ignoré : {counts(self.skipped) or 'rien'}.")
        if self.unattached:
            out.append(f"Non rattaché au texte de cette installation (gardé dans « Annotations "
                       f"orphelines ») : {counts(self.unattached)}.")
        if self.reissued:
            out.append("Identifiant non conforme, remplacé par un identifiant neuf : "
                       f"{counts(self.reissued)}.")
        out += [f"Dossier « {old} » importé sous le nom « {new} » (le nom était déjà pris)."
                for old, new in self.renamed]
        return out
