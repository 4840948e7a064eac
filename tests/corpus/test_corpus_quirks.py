"""One small crafted document per quirk of the source text, and the parser's contract
on arbitrary input (it raises CorpusError and nothing else)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connecteur import paths
from connecteur.corpus import Library, parse_text
from connecteur.corpus.text import find_urls, join_lines
from connecteur.errors import CorpusError

HEAD = "CONNECTEUR RECHERCHE – 20 MAI 2020\n\nSESSION 1 – Un titre\n\nUne introduction.\n\n"


def parse_session(body: str) -> Library:
    return parse_text(HEAD + body)


def only_session(body: str):
    return parse_session(body).sessions[0]


def test_speakers_box_inside_a_theme() -> None:
    session = only_session(
        "PISTES DE RÉFLEXION\n\nThème A\n→ Première piste.\n"
        " Intervenant.e.s : \n\n• Ada Lovelace (Analytical Engine)\n\n"
        "• Alan Turing (Bletchley\nPark)\n\n\n\n→ Deuxième piste.\n\nThème B\n\n→ Troisième.\n")
    assert [(t.title, [lead.body for lead in t.leads]) for t in session.themes] == [
        ("Thème A", ["Première piste.", "Deuxième piste."]), ("Thème B", ["Troisième."])]
    assert [(s.name, s.affiliation) for s in session.speakers] == [
        ("Ada Lovelace", "Analytical Engine"), ("Alan Turing", "Bletchley Park")]


def test_heading_right_before_speakers_box() -> None:
    session = only_session(
        "PISTES DE RÉFLEXION\n\nThème A\n→ Une piste\nsur deux lignes.\nThème B\n"
        " Intervenant.e.s : \n\n• Ada (X)\n\n\n→ Piste de B.\n")
    assert [t.title for t in session.themes] == ["Thème A", "Thème B"]
    assert session.themes[0].leads[0].body == "Une piste sur deux lignes."
    assert session.themes[1].leads[0].body == "Piste de B."


def test_two_line_title_and_parts() -> None:
    library = parse_text(
        "CONNECTEUR RECHERCHE – 3 JUILLET 2020\n\nSESSION 2 – Un titre long\nsur deux lignes\n\n"
        "Intro.\n\nPISTES DE RÉFLEXION\n\nPREMIÈRE PARTIE\n\nThème\n\n→ Piste.\n\n"
        "SECONDE PARTIE\n\nAutre thème\n\n→ Autre piste.\n")
    session = library.sessions[0]
    assert session.id == "2020-07-03/s2"
    assert session.title == "Un titre long sur deux lignes"
    assert [(t.part, t.title) for t in session.themes] == [
        ("PREMIÈRE PARTIE", "Thème"), ("SECONDE PARTIE", "Autre thème")]


def test_sub_bullets_and_continuations() -> None:
    lead = only_session("PISTES DE RÉFLEXION\n\nThème\n→ Problèmes :\n- un\n- deux sur\n"
                        "deux lignes\n\n- trois après un blanc\n\n→ Suivante.\n").leads[0]
    assert lead.body == "Problèmes :"
    assert lead.items == ("un", "deux sur deux lignes", "trois après un blanc")


def test_mixed_bullets_and_several_urls_in_resources() -> None:
    session = only_session(
        "RESSOURCES\n\n- Article : https://exemple.fr/a-\nb.html\n\n→ Deux liens : https://a.fr/x\n"
        "https://b.fr/y.\n\n- Sans lien\n")
    assert [r.urls for r in session.resources] == [
        ("https://exemple.fr/a-b.html",), ("https://a.fr/x", "https://b.fr/y"), ()]


def test_further_references_in_one_resource_bullet_keep_their_line() -> None:
    session = only_session(
        "RESSOURCES\n\n- Revue : https://a.fr/x\nPlateforme : https://b.fr/y\n\n"
        "- Auteur, Un livre\nSur le livre : https://c.fr/z\n\n"
        "- Une phrase coupée par la mise en page \nAvec une majuscule : https://d.fr/\n\n"
        "- Liste de noms,\nDeuxième ligne\n")
    assert [r.text for r in session.resources] == [
        "Revue : https://a.fr/x\nPlateforme : https://b.fr/y",
        "Auteur, Un livre\nSur le livre : https://c.fr/z",
        "Une phrase coupée par la mise en page Avec une majuscule : https://d.fr/",
        "Liste de noms, Deuxième ligne"]
    assert session.resources[0].urls == ("https://a.fr/x", "https://b.fr/y")


def test_a_word_cut_by_a_space_is_reported_not_corrected() -> None:
    library = parse_text(HEAD.replace("Une introduction.", "C ela dit. A la fin, à la "
                                      "page, L. Dupont et M. Martin, Y compris. T el quel."))
    assert library.sessions[0].introduction.startswith("C ela dit.")
    assert [w.message.split(" : ")[1] for w in library.warnings] == [
        "« C ela » (gardé tel quel)", "« T el » (gardé tel quel)"]


@pytest.mark.parametrize(("lines", "text"), [
    (["Est-", "ce que"], "Est-ce que"),
    (["https://www.fonction-", "publique.gouv.fr/files/", "guide.pdf"],
     "https://www.fonction-publique.gouv.fr/files/guide.pdf"),
    (["voir https://exemple.fr/", "Suite du texte"], "voir https://exemple.fr/ Suite du texte"),
    (["https://exemple.fr/watch?", "v=1&x=2 et la suite"],
     "https://exemple.fr/watch?v=1&x=2 et la suite"),
    (["accès au numérique - ", "Bretagne"], "accès au numérique - Bretagne"),
    (["  deux   espaces  ", "\u00a0insécables\u00a0:"], "deux espaces insécables :"),
])
def test_join_lines(lines: list[str], text: str) -> None:
    assert join_lines(lines) == text


@pytest.mark.parametrize(("text", "urls"), [
    ("voir https://a.fr/x.", ["https://a.fr/x"]),
    ("(https://a.fr/x)", ["https://a.fr/x"]),
    ("https://a.fr/wiki/Paris_(France)", ["https://a.fr/wiki/Paris_(France)"]),
    ("« https://a.fr/x »", ["https://a.fr/x"]),
    ("httplabobine.co/", []),
])
def test_find_urls(text: str, urls: list[str]) -> None:
    assert [u.url for u in find_urls(text)] == urls


def test_page_number_and_link_list_are_dropped() -> None:
    library = parse_text(" À propos\n\nUn texte\nqui continue.\n\n2\n\nmailto:a@b.fr\n"
                         "mailto:a@b.fr\nhttps://x.fr/\n\n" + HEAD + "PISTES DE RÉFLEXION\n\n"
                         "Thème\n→ Piste.\n")
    assert library.about.title == "À propos"
    assert [b.text for b in library.about.blocks] == ["Un texte qui continue."]
    assert library.about.links == ("mailto:a@b.fr", "https://x.fr/")


@pytest.mark.parametrize("text", ["", "bonjour", "SESSION 1 – sans journée\n",
                                  "CONNECTEUR RECHERCHE – 20 MAI 2020\n\nrien d'autre\n",
                                  "CONNECTEUR RECHERCHE – 31 BRUMAIRE 2020\n\nSESSION 1 – X\n"])
def test_not_a_connecteur_text(text: str) -> None:
    with pytest.raises(CorpusError, match="Connecteur Recherche"):
        parse_text(text)


_LINE_PIECES = st.sampled_from([
    "CONNECTEUR RECHERCHE – 20 MAI 2020", "CONNECTEUR RECHERCHE – 3 JUILLET 2020",
    "SESSION 1 – Titre", "SESSION 2 – Autre", "PISTES DE RÉFLEXION", "TERRAINS", "RESSOURCES",
    " Intervenant.e.s : ", "• Nom (affiliation", "→ piste", "- sous-puce", "", "", "2",
    "https://exemple.fr/a-", "b/c?", "Est-", "MAJUSCULES SEULES", "texte libre.", "(", ")",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINE_PIECES, st.text(max_size=40)), max_size=60))
def test_parser_never_raises_anything_but_corpus_error(lines: list[str]) -> None:
    try:
        library = parse_text("\n".join(lines))
    except CorpusError:
        return
    assert library.sessions
    ids = [item.id for item in library.items()]
    assert len(ids) == len(set(ids))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_parser_survives_damaged_real_text(data: st.DataObject) -> None:
    lines = paths.corpus_text_path().read_text(encoding="utf-8").split("\n")
    start = data.draw(st.integers(0, len(lines) - 1))
    length = data.draw(st.integers(1, 80))
    damaged = lines[:start] + lines[start + length:]
    with contextlib.suppress(CorpusError):
        parse_text("\n".join(damaged))
