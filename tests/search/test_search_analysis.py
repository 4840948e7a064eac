"""French analysis: the same for the index and the queries."""

from __future__ import annotations

import pytest

from connecteur.search.analysis import (
    exact_terms,
    stemmed_form,
    stemmed_terms,
    url_words,
    without_urls,
    words,
)


@pytest.mark.parametrize(("typed", "written"), [
    ("teletravail", "télétravail"), ("activite", "activité"), ("activites", "Activités"),
    ("collectivites", "collectivités"), ("inegalites", "INÉGALITÉS"), ("oeuvre", "œuvre"),
    ("caecum", "cæcum"), ("elus", "élus"), ("elu", "élus"), ("employee", "employés"),
    ("pharmacien", "pharmaciens"), ("usager", "usagers"), ("public", "publique"),
])
def test_typed_and_written_forms_share_a_stem(typed: str, written: str) -> None:
    assert stemmed_form(typed) == stemmed_form(written)


def test_usager_and_usage_stay_apart() -> None:
    assert stemmed_form("usager") != stemmed_form("usage")


@pytest.mark.parametrize("text", ["l’usager", "l'usager", "L’USAGER", "d'usager",
                                  "qu’usager", "jusqu’usager", "lorsqu'usager",
                                  "puisqu’usager", "n'usager", "s’usager", "c'usager",
                                  "j’usager"])
def test_elisions_with_either_apostrophe_are_removed(text: str) -> None:
    assert exact_terms(text) == ["usager"]


def test_stop_words_are_dropped_including_the_completed_ones() -> None:
    assert exact_terms("les plus cette comme la de et le des") == []
    assert exact_terms("Gestion de la crise") == ["gestion", "crise"]


def test_words_split_on_punctuation_and_between_letters_and_digits() -> None:
    assert exact_terms("Covid19 / télé-travail, Etat-Territoires") == [
        "covid", "19", "tele", "travail", "etat", "territoires"]


def test_word_spans_point_at_the_source_text() -> None:
    text = "L’Élu et l’œuvre"
    assert [(text[w.start:w.end], w.exact) for w in words(text)] == [
        ("Élu", "elu"), ("œuvre", "oeuvre")]


def test_stemmed_and_exact_forms_differ_only_by_stemming() -> None:
    assert stemmed_terms("Les pharmaciens territoriaux") == ["pharmacien", "territorial"]
    assert exact_terms("Les pharmaciens territoriaux") == ["pharmaciens", "territoriaux"]


def test_url_words_keep_host_and_path_words_only() -> None:
    words_ = url_words(["https://www.persee.fr/doc/rfsoc_0035-2969_2002_num_43_1_5484",
                        "http://www.cairn.info/revue-le-philosophoire.htm"]).split()
    assert "persee" in words_ and "cairn" in words_ and "philosophoire" in words_
    assert not {"https", "http", "www", "htm"} & set(words_)


def test_urls_are_taken_out_of_the_text_body() -> None:
    assert without_urls("Persée : https://www.persee.fr/doc/x.").split() == ["Persée", ":", "."]
