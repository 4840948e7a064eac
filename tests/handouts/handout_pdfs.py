"""What the handout tests share: the trainer's test notes, and a built PDF read back
with pypdf (imported by conftest.py and the test modules)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pypdf

from connecteur.handouts import Annotations, Highlight, build_handout
from connecteur.handouts.document import SOURCE_LINE
from connecteur.handouts.markup import typeset
from connecteur.store import CorpusStore

# Notes whose words are nowhere in the corpus (checked by test_markers_are_not_in_corpus),
# so that finding them in a PDF can only mean the note was printed.
LEAD_13 = "2020-05-20/s1/lead/13"
HIGHLIGHT_QUOTE = "Liens latéraux affaiblis"
NOTES = {
    "2020-05-20/s1/lead/03": ["Question zéphyrine : **pourquoi** la recherche n'est-elle pas "
                              "exploitée ?\n\n- tour de piste quinconce\n- lien "
                              "https://www.cnfpt.fr/trouver-une-formation"],
    "2020-07-03/s2/lead/05": ["À relier au cas Oyonnax-Bellegarde, une œuvre « commune »"],
    "2020-05-20/s2/lead/01": ["Balises : <b>gras</b> & <font color=red>rouge</font> <i>non "
                              "fermé <a href='javascript:alert(1)'>x</a> ]]> &amp; &lt; 😀 fin"],
    "2020-07-03/s3/theme/02": ["Thème pivot pour la matinée hexagonale"],
    "2020-05-20/s3": ["Session à ouvrir par un brise-glace polychrome"],
    "2020-05-20/s4/resource/01": ["Ressource à imprimer en douze exemplaires"],
    "2020-05-20/s1/lead/99": ["Note orpheline gardée malgré la disparition"],
}
FOLDER_NOTES = {"2020-05-20/s1/resource/05": "Lire avant la séance numéro quatorze"}
HIGHLIGHT_NOTE = "Exemple vécu par les stagiaires palombins"
LOST_HIGHLIGHT_NOTE = "Surlignage perdu mais conservé"

# What each note looks like once printed (formatting marks removed), squashed.
PRINTED_NOTES = [
    "Question zéphyrine : pourquoi la recherche n'est-elle pas exploitée ?",
    "tour de piste quinconce", "lien https://www.cnfpt.fr/trouver-une-formation",
    "À relier au cas Oyonnax-Bellegarde, une œuvre « commune »",
    "Balises : <b>gras</b> & <font color=red>rouge</font> <i>non fermé "
    "<a href='javascript:alert(1)'>x</a> ]]> &amp; &lt;",
    "Thème pivot pour la matinée hexagonale",
    "Session à ouvrir par un brise-glace polychrome",
    "Ressource à imprimer en douze exemplaires",
    "Note orpheline gardée malgré la disparition",
    "Lire avant la séance numéro quatorze",
    HIGHLIGHT_NOTE, LOST_HIGHLIGHT_NOTE,
]
NOTE_LABELS = ("MA NOTE", "MES NOTES", "NOTE DU DOSSIER")


def squash(text: str) -> str:
    """Text without what layout adds or moves: white space (also no-break), hyphens
    (the PDF hyphenates at line ends)."""
    return re.sub(r"[\s\u00a0\u202f\u00ad-]+", "", text)


def printed(text: str) -> str:
    """Source text as a handout prints it (French typography), squashed."""
    return squash(typeset(text))


# "[2] https://…": the number of a web address whose entry has several QR codes.
URL_NUMBER = re.compile(r"\[\d{1,2}\](?=(?:https?|ftp)://)")
TRAINER_MARK = "ÉDITION FORMATEUR·RICE — NE PAS DISTRIBUER"


def annotations(store: CorpusStore) -> Annotations:
    lead = store.get(LEAD_13)
    start = lead.text.index(HIGHLIGHT_QUOTE)
    return Annotations(
        notes=NOTES,
        highlights={LEAD_13: [
            Highlight(start, start + len(HIGHLIGHT_QUOTE), HIGHLIGHT_QUOTE, "green",
                      HIGHLIGHT_NOTE),
            # offsets that no longer match: found again by its quote
            Highlight(3, 20, "Accompagner le télétravail", "yellow"),
            # a passage that disappeared from the corpus: its note is still printed
            Highlight(0, 5, "passage disparu du texte", "pink", LOST_HIGHLIGHT_NOTE),
        ]},
        folder_notes=FOLDER_NOTES)


@dataclass
class Pdf:
    """A built handout, read back."""

    path: Path
    title: str

    @cached_property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(io.BytesIO(self.path.read_bytes()))

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    def body_lines(self, index: int) -> list[str]:
        """A page's text lines without the running header and footer."""
        total = len(self.pages)
        chrome = {self.title, SOURCE_LINE, TRAINER_MARK, f"page {index + 1} / {total}"}
        return [line for line in self.pages[index].split("\n")
                if line.strip() not in chrome and not _RUNNING.match(line.strip())]

    @cached_property
    def body(self) -> str:
        """All the text after the cover, header and footer lines removed."""
        return "\n".join(line for i in range(1, len(self.pages)) for line in self.body_lines(i))

    @cached_property
    def squashed(self) -> str:
        """The body squashed, without the numbers of web addresses."""
        return URL_NUMBER.sub("", squash(self.body))

    def uris(self) -> set[str]:
        found = set()
        for page in self.reader.pages:
            for annot in page.get("/Annots", []) or []:
                action = annot.get_object().get("/A")
                if action is not None and action.get("/S") == "/URI":
                    found.add(str(action["/URI"]))
        return found


_RUNNING = re.compile(r"^\d{1,2}(er)? \w+ \d{4} · session \d+$")


def build_pdf(request, path: Path) -> Pdf:
    build_handout(request, path)
    return Pdf(path, request.title)


FOLDER_ITEMS = ["2020-07-03/s2/lead/05", "2020-07-03/s2/lead/06", LEAD_13,
                "2020-05-20/s1/resource/05", "2020-07-03/s2/theme/03",
                "2020-07-03/s3/lead/01", "2020-05-20/s2/speaker/01"]
