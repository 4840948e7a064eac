"""What a PDF text layer read by pypdf (rather than pdftotext) hands the parser, one
small crafted text per quirk: no blank lines, ligatures, other bullet glyphs, running
headers and page numbers between the lines, a title running into its paragraph,
headings cut in two, addresses cut anywhere; and the encodings a text file comes in."""

from __future__ import annotations

import pytest

from connecteur.corpus import Library, parse_text
from connecteur.corpus.parser import parse_outcome
from connecteur.corpus.sources import decode_text
from connecteur.corpus.text import join_lines
from connecteur.errors import CorpusError

FILLER = ("Les collectivités ont dû inventer dans l'urgence des manières de travailler qui "
          "ne figuraient dans aucun plan, et")

# A session as pypdf gives it: no blank line anywhere, lines about 95 characters wide.
DENSE = """CONNECTEUR RECHERCHE – 9 OCTOBRE 2020
SESSION 1 – Une session sur deux lignes dont le titre se poursuit jusqu'à la fin de
la ligne suivante
La première phrase de l'introduction occupe toute la largeur de la ligne, comme un texte justifié.
Elle se termine ici.
Le second paragraphe commence ensuite sur une nouvelle ligne et occupe lui aussi toute la
largeur disponible avant de finir court.
PISTES DE RÉFLEXION
Un premier intertitre
→ Une piste qui tient sur une seule ligne et se termine par un point.
→ Une piste plus longue, qui occupe toute la largeur de la ligne et se poursuit sur la ligne
suivante ? Est-ce une nouvelle phrase ? Oui.
Un intertitre sur deux lignes dont la première ligne est assez longue pour aller presque au
bout de la ligne
→ La piste de cet intertitre.
Un intertitre juste avant l'encadré
Intervenant.e.s :
• Ada Lovelace (Analytical Engine, un laboratoire dont le nom est long et continue sur
la ligne suivante)
• Alan Turing (Bletchley Park)
→ La piste qui suit l'encadré appartient à l'intertitre d'avant.
TERRAINS
→ Un terrain : https://exemple.fr/un/chemin/long/
vers-la-page.html
RESSOURCES
- Une ressource : https://
exemple.fr/ressource
● Une autre, coupée n'importe où : https://www.exemple.org/revue-realites-industr
ielles-2020-2-page-57.htm
"""


def dense_session() -> Library:
    outcome = parse_outcome(DENSE)
    assert outcome.dense
    return outcome.library


def test_dense_text_title_introduction_and_themes() -> None:
    session = dense_session().sessions[0]
    assert session.title == ("Une session sur deux lignes dont le titre se poursuit jusqu'à "
                             "la fin de la ligne suivante")
    assert session.introduction.split("\n\n") == [
        "La première phrase de l'introduction occupe toute la largeur de la ligne, comme un "
        "texte justifié. Elle se termine ici.",
        "Le second paragraphe commence ensuite sur une nouvelle ligne et occupe lui aussi "
        "toute la largeur disponible avant de finir court."]
    assert [(t.title, len(t.leads)) for t in session.themes] == [
        ("Un premier intertitre", 2),
        ("Un intertitre sur deux lignes dont la première ligne est assez longue pour aller "
         "presque au bout de la ligne", 1),
        ("Un intertitre juste avant l'encadré", 1)]
    assert session.leads[1].body.endswith("suivante ? Est-ce une nouvelle phrase ? Oui.")


def test_dense_text_speakers_box_ends_with_its_last_name() -> None:
    session = dense_session().sessions[0]
    assert [(s.name, s.affiliation) for s in session.speakers] == [
        ("Ada Lovelace", "Analytical Engine, un laboratoire dont le nom est long et continue "
                         "sur la ligne suivante"),
        ("Alan Turing", "Bletchley Park")]
    assert session.themes[2].leads[0].body.startswith("La piste qui suit l'encadré")


def test_addresses_cut_by_the_layout_come_back_whole() -> None:
    session = dense_session().sessions[0]
    assert session.field_sites[0].urls == ("https://exemple.fr/un/chemin/long/vers-la-page.html",)
    assert [r.urls for r in session.resources] == [
        ("https://exemple.fr/ressource",),
        ("https://www.exemple.org/revue-realites-industrielles-2020-2-page-57.htm",)]


@pytest.mark.parametrize(("lines", "text"), [
    (["voir htt", "ps://exemple.fr/a"], "voir https://exemple.fr/a"),
    (["voir http:", "//exemple.fr/a"], "voir http://exemple.fr/a"),
    (["https://exemple.fr/pyramides/", "997"], "https://exemple.fr/pyramides/997"),
    (["https://exemple.fr/appel-collectif-shs-c", "ode-virus"],
     "https://exemple.fr/appel-collectif-shs-code-virus"),
    (["voir https://exemple.fr/page", "Suite du texte"],
     "voir https://exemple.fr/page Suite du texte"),
])
def test_join_lines_of_addresses(lines: list[str], text: str) -> None:
    assert join_lines(lines) == text


GLYPHS = ("CONNECTEUR RECHERCHE – 9 OCTOBRE 2020\n\nSESSION 1 – Titre\n\nIntro.\n\n"
          "PISTES DE RÉFLEXION\n\nLa ﬁnance et les ﬂux\n➢ Première piste sur la ﬁscalité.\n"
          "◦ une sous-puce\n\uf0e0 Deuxième piste.\n➔\nTroisième piste, bullet seul.\n"
          "\x00 Quatrième piste, glyphe sans caractère.\n\n Intervenant.e.s :\n\n"
          "\uf0b7 Ada Lovelace (Analytical Engine)\n\n▪ Alan Turing (Bletchley)\n\n")


def test_ligatures_and_bullet_glyphs() -> None:
    session = parse_text(GLYPHS).sessions[0]
    assert session.themes[0].title == "La finance et les flux"
    assert [lead.body for lead in session.leads] == [
        "Première piste sur la fiscalité.", "Deuxième piste.", "Troisième piste, bullet seul.",
        "Quatrième piste, glyphe sans caractère."]
    assert session.leads[0].items == ("une sous-puce",)
    assert [s.name for s in session.speakers] == ["Ada Lovelace", "Alan Turing"]


RUNNING = """CONNECTEUR RECHERCHE – 9 OCTOBRE 2020
SESSION 1 – La gestion de criseLa crise sanitaire du Covid19 pose un ensemble de questions plus
ou moins classiques aux acteurs publics, qui doivent se confronter à des champs nouveaux.
PISTES DE RÉFLEXION
Gouvernance
→ Crise Covid : contradictions et manque de coordination de la part des autorités
Synthèse du Connecteur Recherche — automne 2020
Page 2 / 9
SESSION 1 – La gestion de crise
CONNECTEUR RECHERCHE – 9 OCTOBRE 2020
nationales. Imaginer des scénarios radicaux de pandémie pour être mieux préparés.
→ Deuxième piste.
Synthèse du Connecteur Recherche — automne 2020
Page 3 / 9
→ Troisième piste.
Synthèse du Connecteur Recherche — automne 2020
- 4 -
SESSION 2 – Territoire, lieux, service, proximité
La relation d'un territoire à ses ressources est soumise à des tensions anciennes et nouvelles.
PISTES DE RÉFLEXION
Un thème
→ Une piste.
"""


def test_running_headers_page_numbers_and_a_run_in_title() -> None:
    library = parse_text(RUNNING)
    first, second = library.sessions
    assert first.title == "La gestion de crise"
    assert first.introduction.startswith("La crise sanitaire du Covid19 pose")
    assert [lead.body for lead in first.leads] == [
        "Crise Covid : contradictions et manque de coordination de la part des autorités "
        "nationales. Imaginer des scénarios radicaux de pandémie pour être mieux préparés.",
        "Deuxième piste.", "Troisième piste."]
    assert (second.id, second.title) == ("2020-10-09/s2", "Territoire, lieux, service, proximité")
    assert library.warnings == ()


def test_a_spaced_run_in_title_in_dense_text() -> None:
    text = DENSE.replace(
        "SESSION 1 – Une session sur deux lignes dont le titre se poursuit jusqu'à la fin de\n"
        "la ligne suivante\n",
        "SESSION 1 – Le management en temps de crise Les situations de crise laissent entrevoir\n"
        "des ruptures ou des dangers pour les collectifs.\n")
    session = parse_outcome(text).library.sessions[0]
    assert session.title == "Le management en temps de crise"
    assert session.introduction.startswith("Les situations de crise laissent entrevoir des "
                                           "ruptures ou des dangers pour les collectifs.")


def test_a_day_heading_cut_in_two_and_an_impossible_date() -> None:
    library = parse_text("CONNECTEUR RECHERCHE\n– 9 OCTOBRE 2020\n\nSESSION 1 – Titre\n\n"
                         "PISTES DE RÉFLEXION\n\nThème\n→ Piste.\n\n"
                         "CONNECTEUR RECHERCHE – 31 NOVEMBRE 2020\n\nSESSION 2 – Autre\n")
    assert [e.id for e in library.events] == ["2020-10-09"]
    assert [s.id for s in library.sessions] == ["2020-10-09/s1", "2020-10-09/s2"]
    assert any("date impossible" in w.message for w in library.warnings)


@pytest.mark.parametrize(("data", "encoding"), [
    ("Synthèse – « œuvre » ’ … €".encode("cp1252"), "windows-1252"),
    ("\ufeffSynthèse – « œuvre » ’ … €".encode(), "utf-8"),
    ("Synthèse – « œuvre » ’ … €".encode("utf-16"), "utf-16"),
])
def test_text_files_in_the_encodings_windows_tools_write(data: bytes, encoding: str) -> None:
    assert decode_text(data) == ("Synthèse – « œuvre » ’ … €", encoding)


def test_binary_data_is_not_taken_for_windows_text() -> None:
    with pytest.raises(CorpusError, match="pas un texte"):
        decode_text(bytes(range(1, 32)) * 20 + "é".encode("cp1252"))


def test_control_characters_never_reach_the_library() -> None:
    """A hostile text cannot steer a terminal through a title (escape sequences)."""
    library = parse_text("CONNECTEUR RECHERCHE – 9 OCTOBRE 2020\n\nSESSION 1 – Titre\x1b[2J "
                         "\x9b31mpiégé\x07\n\nIntro.\n\nPISTES DE RÉFLEXION\n\nThème\n→ Piste.\n")
    assert library.sessions[0].title == "Titre[2J 31mpiégé"
