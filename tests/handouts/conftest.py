"""Handouts built once per test session (the whole library in both editions, a course
folder), read back with pypdf; shared data and helpers live in handout_pdfs.py."""

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
