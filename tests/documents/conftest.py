"""Documents to import, made once per test session from the real shipped text: two of
its sessions as the meeting of 9 October 2020, as a text file and as a PDF, and a
corrected edition of it (one lead reworded, one lead removed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_parts import document, session_texts
from document_pdfs import Layout, render

from connecteur.corpus import parse_text

OCTOBER = "CONNECTEUR RECHERCHE – 9 OCTOBRE 2020"
# In the first session of the copy (20 May session 1 in the shipped text):
REWORDED = ("des travaux de \nrecherche.", "des travaux de la \nrecherche.")  # its lead 3
REMOVED = ("→ Cellules de crise : Difficultés à saisir de la donnée et des modes de "
           "fonctionnement en situation \nréelle à partir de simulations. Comment passer des "
           "simulations aux situations réelles\u00a0?\n\n")  # its lead 6


@pytest.fixture(scope="session")
def october_text() -> str:
    chunks = session_texts()
    return document(OCTOBER, [chunks[0], chunks[4]])


@pytest.fixture(scope="session")
def corrected_text(october_text: str) -> str:
    assert october_text.count(REWORDED[0]) == 1 and october_text.count(REMOVED) == 1
    return october_text.replace(*REWORDED).replace(REMOVED, "")


@pytest.fixture(scope="session")
def october_pdf_bytes(october_text: str) -> bytes:
    return render(parse_text(october_text), Layout(columns=2, footer="{page}"))


@pytest.fixture(scope="session")
def corrected_pdf_bytes(corrected_text: str) -> bytes:
    return render(parse_text(corrected_text), Layout(footer="Page {page}"))


@pytest.fixture
def files(tmp_path: Path, october_text: str, october_pdf_bytes: bytes,
          corrected_pdf_bytes: bytes) -> dict[str, Path]:
    """The documents as files a trainer would receive (outside CONNECTEUR_HOME)."""
    folder = tmp_path / "reçus"
    folder.mkdir()
    found = {"pdf": folder / "synthese-octobre.pdf", "text": folder / "synthese-octobre.txt",
             "corrected": folder / "synthese-octobre-corrigee.pdf"}
    found["pdf"].write_bytes(october_pdf_bytes)
    found["text"].write_text(october_text, encoding="utf-8")
    found["corrected"].write_bytes(corrected_pdf_bytes)
    return found
