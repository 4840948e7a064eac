"""Handouts built once per test session (the whole library in both editions on both
papers, a course folder), read back with pypdf; shared data and helpers live in
handout_pdfs.py."""

from __future__ import annotations

import pytest
from handout_pdfs import FOLDER_ITEMS, Pdf, annotations, build_pdf

from connecteur.handouts import request_for_items, request_for_library
from connecteur.store import CorpusStore


@pytest.fixture(scope="session")
def store() -> CorpusStore:
    return CorpusStore.open()


@pytest.fixture(scope="session")
def trainer_pdf(store: CorpusStore, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    request = request_for_library(store, edition="trainer", trainer_name="Camille Martin",
                                  audience="Encadrant·e·s de proximité",
                                  annotations=annotations(store))
    return build_pdf(request, tmp_path_factory.mktemp("pdf") / "bibliotheque-formateur.pdf")


@pytest.fixture(scope="session")
def participant_pdf(store: CorpusStore, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    request = request_for_library(store, edition="participant",
                                  annotations=annotations(store))
    return build_pdf(request, tmp_path_factory.mktemp("pdf") / "bibliotheque-participant.pdf")


@pytest.fixture(scope="session")
def folder_pdf(store: CorpusStore, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    request = request_for_items(store, FOLDER_ITEMS, "Manager en crise — session de mars",
                                edition="trainer", paper="letter", date="2026-03-12",
                                annotations=annotations(store))
    return build_pdf(request, tmp_path_factory.mktemp("pdf") / "dossier.pdf")


@pytest.fixture(scope="session")
def letter_pdfs(store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, Pdf]:
    """The whole library on US Letter, participant and trainer editions."""
    folder = tmp_path_factory.mktemp("letter")
    return {edition: build_pdf(request_for_library(store, edition=edition, paper="letter",
                                                   annotations=annotations(store)),
                               folder / f"bibliotheque-{edition}.pdf")
            for edition in ("participant", "trainer")}


@pytest.fixture(scope="session")
def all_library_pdfs(participant_pdf: Pdf, trainer_pdf: Pdf, letter_pdfs: dict[str, Pdf]
                     ) -> dict[str, Pdf]:
    return {"A4 participant": participant_pdf, "A4 formateur": trainer_pdf,
            "Letter participant": letter_pdfs["participant"],
            "Letter formateur": letter_pdfs["trainer"]}
