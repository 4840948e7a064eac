"""The parser over the real shipped text.

Every count below was checked by hand against resources/connecteur-recherche-2020.txt,
theme by theme (leads before and after each speakers box counted separately).
"""

from __future__ import annotations

import re

import pytest

from connecteur import paths
from connecteur.corpus import Library, parse_text
from connecteur.corpus.ids import ID_PATTERN

# session id -> (title, leads per theme in order, field sites, resources, speakers)
EXPECTED = {
    "2020-05-20/s1": ("La gestion de crise", [3, 1, 2, 2, 5, 3], 3, 9, 5),
    "2020-05-20/s2": ("Territoire, lieux, service, proximité", [8, 3, 4], 7, 20, 6),
    "2020-05-20/s3": ("Organisations publiques à l’épreuve de l’incertitude", [4, 2, 5, 3], 3, 15,
                      6),
    "2020-05-20/s4": ("Inégalités, inclusion, capacitation", [6, 4, 5], 12, 10, 8),
    "2020-07-03/s1": ("Organisation territoriale et démocratie", [4, 4, 3, 4, 5], 5, 10, 5),
    "2020-07-03/s2": ("Le management en temps de crise", [4, 5, 6, 3, 3], 5, 10, 7),
    "2020-07-03/s3": ("Les apprentissages en situation de crise, quels enseignements dégager "
                      "pour mieux apprendre ?", [2, 2, 3, 2, 2, 2, 1, 3, 3, 4], 4, 11, 6),
}


def _session(library: Library, sid: str):
    return next(s for s in library.sessions if s.id == sid)


def test_events_and_sessions(library: Library) -> None:
    assert [(e.id, e.title) for e in library.events] == [
        ("2020-05-20", "Connecteur Recherche – 20 mai 2020"),
        ("2020-07-03", "Connecteur Recherche – 3 juillet 2020"),
    ]
    assert [s.id for s in library.sessions] == list(EXPECTED)
    assert [s.number for s in library.events[0].sessions] == [1, 2, 3, 4]
    assert [s.number for s in library.events[1].sessions] == [1, 2, 3]


@pytest.mark.parametrize("sid", list(EXPECTED))
def test_session_counts(library: Library, sid: str) -> None:
    title, per_theme, sites, resources, speakers = EXPECTED[sid]
    session = _session(library, sid)
    assert session.title == title
    assert [len(t.leads) for t in session.themes] == per_theme
    assert len(session.field_sites) == sites
    assert len(session.resources) == resources
    assert len(session.speakers) == speakers


def test_totals(library: Library) -> None:
    sessions = library.sessions
    assert sum(len(s.themes) for s in sessions) == 36
    assert sum(len(s.leads) for s in sessions) == 125
    assert sum(len(s.field_sites) for s in sessions) == 39
    assert sum(len(s.resources) for s in sessions) == 85
    assert sum(len(s.speakers) for s in sessions) == 43


def test_theme_titles_of_first_session(library: Library) -> None:
    assert [t.title for t in _session(library, "2020-05-20/s1").themes] == [
        "Gouvernance et organisation en temps de crise",
        "Usage des outils numériques ; sécurité et résilience des réseaux",
        # printed right before the speakers box with no blank line above it
        "Se rapprocher du terrain et intégrer les métiers connexes",
        "Apprendre des crises",
        "Capacitation et numérique",
        "Créer du commun",
    ]


def test_theme_continues_after_speakers_box(library: Library) -> None:
    theme = _session(library, "2020-05-20/s2").themes[0]
    assert theme.title == "Les territoires capacitants, en relation avec ses acteurs"
    assert theme.leads[6].body == "Lieux physiques en mode dégradé et zone blanche, comment faire ?"
    assert theme.leads[7].body.startswith("Comment on considère des nouveaux blocs")
    first = _session(library, "2020-05-20/s1").themes[2]
    assert [lead.body.split(" ?")[0] for lead in first.leads] == [
        "Comment mieux incorporer les métiers connexes dans la phase de préparation collective "
        "aux crises",
        "Cellules de crise : Difficultés à saisir de la donnée et des modes de fonctionnement en "
        "situation réelle à partir de simulations. Comment passer des simulations aux situations "
        "réelles",
    ]


def test_heading_split_around_speakers_box(library: Library) -> None:
    themes = _session(library, "2020-07-03/s1").themes
    assert themes[0].title == ("La gouvernance dans la crise : le constat d’un changement de "
                               "paradigme...")
    assert themes[1].title == ("…qu’il s’agit de renforcer en tirant les leçons des échecs de la "
                               "gestion de la crise")
    assert themes[1].leads[0].body.startswith("Rapport hiérarchique entre niveau central et local")


def test_two_heading_levels(library: Library) -> None:
    session = _session(library, "2020-07-03/s3")
    assert session.parts == ("LE CONSTAT PENDANT LA CRISE", "LES POINTS DE VIGILANCE",
                             "LES PISTES APRÈS LA CRISE")
    assert [t.part for t in session.themes].count("LES POINTS DE VIGILANCE") == 4
    assert session.themes[3].title == "Management fragilisé"
    assert all(lead.part == "LES PISTES APRÈS LA CRISE" for lead in session.leads[14:])
    others = [s for s in library.sessions if s.id != session.id]
    assert all(t.part is None for s in others for t in s.themes)


def test_sub_bullets_stay_inside_their_lead(library: Library) -> None:
    lead = _session(library, "2020-05-20/s1").leads[12]
    assert lead.id == "2020-05-20/s1/lead/13"
    assert lead.body.endswith("Problèmes :")
    assert lead.items == (
        "Liens latéraux affaiblis (travail de soi à soi).",
        "Quid de la conflictualité non traitée dans cette socialisation numérique, et ses effets "
        "délétères potentiels sur le travail ?",
        "Management dans l’urgence : accentuation de la pression sur les personnes dont on a la "
        "charge.",
    )
    assert lead.text.count("\n- ") == 3
    # sub-bullets separated from their lead by blank lines
    two = _session(library, "2020-07-03/s3").leads[22]
    assert two.body.endswith("Deux aspects :")
    assert len(two.items) == 2 and two.items[1].endswith("prend cette place ?")
    # a sub-bullet in a field site, with its "+" continuation line
    site = _session(library, "2020-05-20/s2").field_sites[6]
    assert site.items == ("Imprimantes 3D à Rennes https://metropole.rennes.fr/les-visieres-des-"
                          "pompiers-en-imprimante-3d + organisations de hackatons Bretagne avec "
                          "les acteurs et collectifs impliqués.",)


def test_two_line_session_title(library: Library) -> None:
    assert _session(library, "2020-07-03/s3").title.endswith("dégager pour mieux apprendre ?")


@pytest.mark.parametrize(("item_id", "expected"), [
    ("2020-05-20/s2/resource/04",
     ["https://www.pug.fr/produit/1770/9782706148255/petite-lecture-rythmique-de-l-archipel-du-"
      "confinement/preview?escape=false#lg=1&slide=0"]),
    ("2020-05-20/s2/resource/18",  # cut over three lines
     ["https://www.lemonde.fr/smart-cities/article/2020/05/04/coronavirus-cette-crise-nous-invite-"
      "a-penser-la-ville-des-proximites_6038581_4811534.html#xtor=AL-32280270"]),
    ("2020-05-20/s1/resource/04",  # hyphen that belongs to the URL
     ["https://anr.fr/fileadmin/aap/2020/selection/flash-covid-selection-2020.pdf"]),
    ("2020-07-03/s2/resource/01",
     ["https://www.youtube.com/watch?v=Hzedc3eSRHA&feature=youtu.be"]),
    ("2020-05-20/s3/resource/05",  # two URLs glued by "//"
     ["https://www.stern.nyu.edu/experience-stern/faculty-research/radical-uncertainty-decision-"
      "making-beyond-numbers", "https://www.johnkay.com/2018/04/16/embrace-radical-uncertainty/"]),
    ("2020-05-20/s4/resource/04",  # four URLs, one followed by a full stop
     ["https://journals.openedition.org/lectures/14765",
      "https://www.cairn.info/revue-du-mauss-2008-2-page-243.htm",
      "https://journals.openedition.org/lectures/25839",
      "https://www.cairn.info/revue-etudes-2010-12-page-631.htm"]),
    ("2020-05-20/s4/resource/08",  # sentence punctuation after the URL
     ["https://www.cairn.info/revue-actes-de-la-recherche-en-sciences-sociales-2018-3-page-72.htm",
      "https://www.cairn.info/plafond-de-verre-et-l-etat--9782200617387.htm"]),
    ("2020-05-20/s4/resource/05", ["https://books.openedition.org/iheid/5419?lang=fr"]),
    ("2020-05-20/s4/field_site/10",  # cut URL followed by more text on the next line
     ["https://umap.openstreetmap.fr/fr/map/offre-numerique-dans-les-cotes-darmor-par-type-dof_"
      "430285#10/48.4975/-2.7521"]),
    ("2020-07-03/s3/resource/03",  # two URLs on two lines
     ["https://www.enseigner.ulaval.ca/system/files/taxonomie_cognitif.pdf",
      "https://www.fun-mooc.fr/c4x/ENSCachan/20005/asset/s2_ressourcesutiles_taxonomiedeBloom.pdf"]),
    ("2020-05-20/s1/resource/05",  # second URL on a continuation line without bullet
     ["http://www.ensosp.fr/SP/articles-ENSOSP/la-revue-scientifique-perspectives-ndeg20-est-"
      "disponible", "http://pnrs.ensosp.fr/Plateformes/RisquesetCrises"]),
    ("2020-07-03/s3/resource/05", ["http://cread.espe-bretagne.fr/membres/sorin_f"]),
    ("2020-07-03/s3/resource/02", []),
])
def test_urls_rejoined(library: Library, item_id: str, expected: list[str]) -> None:
    item = library.index()[item_id]
    assert list(item.urls) == expected
    for url in expected:
        assert url in item.text


def test_every_url_is_whole(library: Library) -> None:
    urls = [u for s in library.sessions for x in (*s.field_sites, *s.resources) for u in x.urls]
    assert len(urls) == 96
    for url in urls:
        assert re.fullmatch(r"https?://[^\s]+", url), url
        assert not url.endswith((".", ",", ";", ":", ")")), url


def test_malformed_url_is_kept_as_text_and_reported(library: Library) -> None:
    site = library.index()["2020-05-20/s4/field_site/03"]
    assert site.text.endswith("La Bobine, design social : httplabobine.co/")
    assert site.urls == ()
    messages = [w.message for w in library.warnings]
    assert any("httplabobine.co/" in m and "mal formée" in m for m in messages)
    # the PDF's subscript "₁" glued to a persee address is kept in the text and reported
    jeannot = library.index()["2020-05-20/s2/resource/05"]
    assert jeannot.urls == ("https://www.persee.fr/doc/aru_0180-930x_2007_num_103_1_2731_t1_0212_"
                            "0000",)
    assert jeannot.text.endswith("0000₁")
    assert any("₁" in m for m in messages)


def test_a_word_split_by_a_space_is_kept_and_reported(library: Library) -> None:
    """ "C ela" in the introduction: printed as the source has it, flagged for a human."""
    assert "C ela n’a pas vocation" in " ".join(b.text for b in library.about.blocks)
    assert [(w.line, w.message) for w in library.warnings if "coupé" in w.message] == [
        (41, "mot peut-être coupé par une espace : « C ela » (gardé tel quel)")]
    assert len(library.warnings) == 3  # and nothing else is taken for one


@pytest.mark.parametrize(("item_id", "fragment"), [
    ("2020-05-20/s2/lead/08", "révélés dans la crises ? Est-ce que les territoriaux"),
    ("2020-05-20/s3/speaker/04", "Conseil Départemental de Loire-Atlantique, projection"),
    ("2020-07-03/s3/resource/11", "facilitant la co-innovation avec"),
    ("2020-07-03/s3/resource/11", "et co-construire avec les habitants"),
])
def test_words_hyphenated_across_lines(library: Library, item_id: str, fragment: str) -> None:
    assert fragment in library.index()[item_id].text


def test_hyphenated_word_in_introduction(library: Library) -> None:
    intro = library.index()["2020-07-03/s1"].introduction
    assert "par exemple, éco-citoyens ?" in intro
    assert intro.count("\n\n") == 1


def test_page_artefacts_absorbed(library: Library) -> None:
    s3 = library.index()["2020-07-03/s3"]
    # a lead printed at the top of a page, indented by one space
    assert s3.leads[15].body.startswith("Mettre en autonomie les individus")
    s4 = library.index()["2020-05-20/s4"]
    assert s4.field_sites[8].body.startswith("Chaire Innovation Publique et le 93")
    for item in library.items():
        text = getattr(item, "text", "")
        assert "mailto:" not in text
        assert "Intervenant.e.s" not in text


def test_text_is_clean(library: Library) -> None:
    for item in library.items():
        for value in (getattr(item, "body", None), getattr(item, "title", None),
                      getattr(item, "name", None), getattr(item, "affiliation", None)):
            if value is None:
                continue
            assert "\n" not in value, item.id
            assert "  " not in value and value == value.strip(), item.id
            assert not value.startswith(("→", "•", "- ")), item.id


def test_speakers(library: Library) -> None:
    s1 = library.index()["2020-05-20/s1"]
    assert [(s.name, s.affiliation) for s in s1.speakers][:2] == [
        ("Françoise Clech Del Tedescho", "Conseil départemental de Haute-Garonne"),
        ("Doralie Besnard", "Développement Économie Numérique pour la métropole de Rouen"),
    ]
    s2 = library.index()["2020-07-03/s2"]
    assert s2.speakers[0].name == "Pascale Chenin Allanic"  # "Name, (affiliation)"
    assert s2.speakers[0].affiliation.startswith("Responsable du service accompagnement")
    boris = library.index()["2020-05-20/s2/speaker/05"]
    assert boris.affiliation == ("sociologue au Collège européen de Cluny ; Communauté de "
                                 "Communes du Clunisois")


def test_mixed_bullets_in_resources(library: Library) -> None:
    resources = library.index()["2020-07-03/s2"].resources
    assert resources[4].text.startswith("Fernandez Valérie, Guillot Caroline")  # "→" bullet
    assert resources[3].text.startswith("Travaux du Laboratoire du Changement")  # "-" bullet
    assert resources[9].text == "Le rapport du CNFPT suite aux entretiens de DGS ?"


def test_about(library: Library) -> None:
    about = library.about
    assert about.title == "À propos du Connecteur Recherche"
    assert about.blocks[0].text.startswith("Le Centre national de la fonction publique")
    items = [b.text for b in about.blocks if b.kind == "item"]
    assert ("Apporter aux chercheurs des questions de recherche issues des acteurs "
            "professionnels, voire de la prospective") in items
    assert any(t.startswith("CNFPT : Isabelle Cazanau") for t in items)
    assert about.links[-1] == "https://fing.org/actions/numeriques-tous-risques.html"
    assert len(about.links) == 5  # the repeated mailto: link kept once


def test_ids_unique_readable_and_stable(library: Library) -> None:
    ids = [item.id for item in library.items()]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) for i in ids)
    assert "2020-05-20/s1/lead/03" in ids
    again = parse_text(paths.corpus_text_path().read_text(encoding="utf-8"))
    assert [item.id for item in again.items()] == ids
    assert again == library


def test_two_references_in_one_bullet_keep_their_line_break(library: Library) -> None:
    """Three bullets hold further references on their own source lines: each stays one
    resource (the counts above hold), with the source's line break between them; a
    line the PDF wrapped (mid-sentence, or a web address alone on its line) is joined."""
    broken = {r.id: r.text.split("\n") for s in library.sessions for r in s.resources
              if "\n" in r.text}
    assert broken == {
        "2020-05-20/s1/resource/05": [
            "Revue de l'ENSOSP dossier Gestion de crise : http://www.ensosp.fr/SP/articles-"
            "ENSOSP/la-revue-scientifique-perspectives-ndeg20-est-disponible",
            "Plateforme nationale risques et crises : "
            "http://pnrs.ensosp.fr/Plateformes/RisquesetCrises"],
        "2020-05-20/s4/resource/04": [
            "Travaux sur le care et la vulnérabilité : Fabienne Brugère, Le sexe de la "
            "sollicitude, 2014, https://journals.openedition.org/lectures/14765",
            "Sur le care : Joan Tronto, https://www.cairn.info/revue-du-mauss-2008-2-page-243.htm",
            "Sur la vulnérabilité : Marie Garrau, https://journals.openedition.org/lectures/25839."
            " https://www.cairn.info/revue-etudes-2010-12-page-631.htm"],
        "2020-07-03/s3/resource/08": [
            "Nassim Nicholas Taleb, Antifragile : Les bienfaits du désordre",
            "Sur l’antifragilité : https://medium.com/essentiels/antifragile-comment-prosp%C3%A9"
            "rer-dans-un-monde-de-chaos-et-dincertitude-d4da2823b667"],
    }
