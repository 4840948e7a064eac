"""A synthesis nobody on the team has seen: new meeting days, sessions, speakers and
text (unseen-synthesis-2021.txt, written for this test), printed in a layout of its
own — two columns, a serif face, ligatures, other bullets, titles run into their
introduction, running heads. Imported as a PDF, every session, lead (in its theme),
field site, resource (complete addresses) and speaker is in place; it is searchable,
printable and exportable at once; importing it again changes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from document_pdfs import Layout, render
from library_diff import differences
from pypdf import PdfReader

from connecteur.app.documents import import_document
from connecteur.corpus import Library, parse_text
from connecteur.corpus.export import library_dict
from connecteur.handouts import build_handout, request_for_sessions
from connecteur.search import SearchService

SOURCE = Path(__file__).with_name("unseen-synthesis-2021.txt")
LAYOUT = Layout(columns=2, serif=True, ligatures=True, lead_bullet="➢", speaker_bullet="▪",
                sub_bullet="◦", resource_bullet="●", run_in_titles=True,
                session_running_head=True, footer="{page}",
                header="CNFPT · Connecteur Recherche — printemps 2021")

# What the text says, read by a person: session -> (title, [(part, theme, leads)],
# field sites, resource URLs, speakers).
EXPECTED = {
    "2021-03-18/s1": (
        "Eau, sécheresse et services publics locaux",
        [(None, "Gouverner une ressource qui se raréfie", 3),
         (None, "Les usagers face aux restrictions", 2),
         (None, "Mesurer, anticiper, partager la donnée", 2)], 2,
        [("https://propluvia.developpement-durable.gouv.fr/propluvia/faces/index.jsp",),
         ("https://www.ecologie.gouv.fr/secheresse",
          "https://www.inrae.fr/actualites/eau-agriculture?page=2&tri=date"),
         ("https://doi.org/10.3917/psud.052.0045",), ()],
        ["Claire Moutier", "Yannick Le Goff", "Amina Ben Salah", "Olivier Brunet"]),
    "2021-03-18/s2": (
        "Santé mentale des agents publics : ce que les crises successives ont révélé du "
        "travail",
        [("CE QUE NOUS AVONS OBSERVÉ", "Des signaux faibles devenus visibles", 2),
         ("CE QUE NOUS AVONS OBSERVÉ", "Le télétravail, ressource et risque", 1),
         ("CE QUE NOUS PROPOSONS", "Outiller les encadrants", 2),
         ("CE QUE NOUS PROPOSONS", "Associer la médecine du travail", 1)], 0,
        [("https://www.anact.fr/risques-psychosociaux-et-crise-sanitaire",),
         ("http://www.observatoire-sante-agents.fr/barometre/2021/",), ()],
        ["Hélène Carrasco", "Mathieu Vautrin", "Inès Dumoulin-Faure"]),
    "2021-03-18/s3": (
        "Numérique responsable et sobriété",
        [(None, "Acheter moins, garder plus longtemps", 2),
         (None, "Concevoir des services en ligne sobres", 1)], 3,
        [("https://www.ademe.fr/face-cachee-numerique",),
         ("https://www.arcep.fr/la-regulation/grands-dossiers-thematiques-transverses/"
          "lempreinte-environnementale-du-numerique.html",)], []),
    "2021-06-10/s1": (
        "Participation citoyenne après les confinements",
        [(None, "Reconnaître l'engagement spontané", 2),
         (None, "Participer à distance, participer autrement", 2)], 1,
        [("https://www.participation-citoyenne.gouv.fr/",),
         ("https://www.cairn.info/revue-participations-2022-1-page-5.htm",)],
        ["Lucie Ferrand", "Karim Ouali"]),
    "2021-06-10/s2": (
        "Coopérations entre communes rurales",
        [(None, "Mutualiser sans tout centraliser", 3)], 1,
        [("https://agence-cohesion-territoires.gouv.fr/petites-villes-de-demain-45",), ()],
        ["Bernadette Roux", "Thomas Nguyen"]),
}


def shape(library: Library) -> dict:
    return {s.id: (s.title, [(t.part, t.title, len(t.leads)) for t in s.themes],
                   len(s.field_sites), [r.urls for r in s.resources],
                   [sp.name for sp in s.speakers]) for s in library.sessions}


@pytest.fixture(scope="module")
def written() -> Library:
    return parse_text(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf_bytes(written: Library) -> bytes:
    return render(written, LAYOUT)


def test_the_text_says_what_its_author_wrote(written: Library) -> None:
    assert shape(written) == EXPECTED
    assert written.warnings == ()
    lead = written.sessions[0].themes[0].leads[2]
    assert lead.body == "Trois chantiers prioritaires ont été cités :"
    assert lead.items[2] == ("la détection des fuites, qui représentent encore un litre sur "
                             "cinq dans certains réseaux.")
    speaker = written.sessions[1].speakers[2]
    assert speaker.affiliation == ("chercheuse en ergonomie, Conservatoire national des arts "
                                   "et métiers, laboratoire du travail et de ses "
                                   "transformations")
    assert written.sessions[0].field_sites[1].urls == (
        "https://www.observatoire-eau-occitanie.fr/donnees/prelevements?annee=2020&usage=tous",)


def test_the_pdf_is_laid_out_unlike_the_shipped_one(pdf_bytes: bytes) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "ﬁ" in text and "➢" in text and "▪" in text and "◦" in text
    assert "SESSION 1 – Eau, sécheresse et services\npublics locaux Les étés 2019" in text
    assert text.count("CNFPT · Connecteur Recherche — printemps 2021") >= 5


def test_imported_as_a_pdf_everything_is_in_place(tmp_path: Path, written: Library,
                                                  pdf_bytes: bytes) -> None:
    pdf = tmp_path / "Synthèse Connecteur printemps 2021.pdf"
    pdf.write_bytes(pdf_bytes)
    outcome = import_document(pdf)
    store = outcome.corpus
    imported = next(d for d in store.documents if d.name == pdf.name)
    assert imported.dates == ("2021-03-18", "2021-06-10")
    mine = Library(written.about, tuple(e for e in store.events if e.date.startswith("2021")))
    assert differences(written, mine) == []
    assert shape(mine) == EXPECTED
    assert store.get("2021-03-18/s2/lead/05").theme == "Outiller les encadrants"
    assert store.get("2021-03-18/s2/lead/05").part == "CE QUE NOUS PROPOSONS"

    # Searchable, exportable and printable at once.
    service = SearchService.open(store, tmp_path / "index")
    found = service.search("secrétaire de mairie").hits
    assert found[0].id in ("2021-06-10/s2/lead/01", "2021-06-10/s2/field_site/01")
    service.close()
    events = json.loads(json.dumps(library_dict(store.library)))["events"]
    assert [e["date"] for e in events][-2:] == ["2021-03-18", "2021-06-10"]
    result = build_handout(request_for_sessions(store, ["2021-03-18"]), tmp_path / "mars.pdf")
    printed = "".join(p.extract_text() for p in
                      PdfReader(io.BytesIO(result.path.read_bytes())).pages)
    assert "Propluvia" in printed and "Inès Dumoulin-Faure" in printed

    assert not import_document(pdf).changed  # the same file again: nothing changes
