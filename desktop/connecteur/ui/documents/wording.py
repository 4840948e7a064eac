"""Counted French phrases for the documents' dialogs and reports.

French takes the singular for 0 and 1 ("0 piste", "1 piste", "2 pistes"), and what a
trainer reads must never show "piste(s)": each phrase is written twice, singular and
plural, and the number chooses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from connecteur.ui.common import labels

if TYPE_CHECKING:
    from connecteur.store.user.reanchor import AnchorReport

# lupdate collects ``translate("Documents", "…")`` calls: the context is written out.
translate = QCoreApplication.translate


def counted(number: int, one: str, many: str) -> str:
    """``one`` or ``many`` (already translated, with ``{0}`` for the number), by the
    rule of the UI language (French: 0 and 1 singular; English: 1 only)."""
    return labels.plural(abs(number), one, many).format(number)


def days(n: int) -> str:
    return counted(n, translate("Documents", "{0} journée"), translate("Documents", "{0} journées"))


def sessions(n: int) -> str:
    return counted(n, translate("Documents", "{0} session"), translate("Documents", "{0} sessions"))


def leads(n: int) -> str:
    return counted(n, translate("Documents", "{0} piste"), translate("Documents", "{0} pistes"))


def field_sites(n: int) -> str:
    return counted(n, translate("Documents", "{0} terrain"), translate("Documents", "{0} terrains"))


def resources(n: int) -> str:
    return counted(n, translate("Documents", "{0} ressource"),
                   translate("Documents", "{0} ressources"))


def speakers(n: int) -> str:
    return counted(n, translate("Documents", "{0} intervenant·e"),
                   translate("Documents", "{0} intervenant·e·s"))


def pages(n: int) -> str:
    return counted(n, translate("Documents", "{0} page"), translate("Documents", "{0} pages"))


def contents(totals: dict[str, int]) -> str:
    """"36 pistes, 8 terrains, 19 ressources, 10 intervenant·e·s"."""
    return ", ".join((leads(totals["leads"]), field_sites(totals["field_sites"]),
                      resources(totals["resources"]), speakers(totals["speakers"])))


def orphans(n: int) -> str:
    """What became of the annotations whose passage is gone (never lost)."""
    return counted(n, translate("Documents",
        "{0} annotation est devenue orpheline : le passage annoté n'est plus dans la "
        "bibliothèque. Elle est gardée dans « Annotations orphelines » et retrouvera sa "
        "place si le document revient."), translate("Documents",
        "{0} annotations sont devenues orphelines : le passage annoté n'est plus dans la "
        "bibliothèque. Elles sont gardées dans « Annotations orphelines » et retrouveront "
        "leur place si le document revient."))


def anchoring_lines(report: AnchorReport | None) -> list[str]:
    """What re-attaching the annotations to the new library did (the store's
    ``AnchorReport.summary()``, said without "(s)")."""
    if report is None:
        return []
    counts = report.counts
    moved = counts["moved"] + counts["approximate"] + counts["reattached"]
    lines = []
    if moved:
        lines.append(counted(
            moved, translate("Documents", "{0} annotation rattachée au texte mis à jour."),
            translate("Documents", "{0} annotations rattachées au texte mis à jour.")))
    if counts["merged"]:
        lines.append(counted(counts["merged"], translate("Documents", "{0} doublon fusionné."),
                             translate("Documents", "{0} doublons fusionnés.")))
    if counts["orphaned"]:
        lines.append(orphans(counts["orphaned"]))
    return lines
