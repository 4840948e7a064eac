"""What is not a Connecteur synthesis is refused — a novel, a scan, a protected PDF, a
cut-short PDF, a word-processor file, a file too large — with one French sentence
saying what was and was not recognised, a non-zero exit, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_pdfs import encrypted_pdf, scanned_pdf, text_pdf

from connecteur.cli import main
from connecteur.corpus import Library, sources

NOVEL = ["Chapitre premier", "Il était une fois, dans une petite ville de province, un jeune "
         "homme qui rêvait de Paris et de gloire, et qui lisait des romans la nuit."] * 30


@pytest.fixture(scope="module")
def refused_files(tmp_path_factory: pytest.TempPathFactory, library: Library,
                  october_pdf_bytes: bytes) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("refus")
    contents = {
        "roman.txt": "\n".join(NOVEL).encode("cp1252"),
        "roman.pdf": text_pdf(NOVEL),
        "scan.pdf": scanned_pdf(),
        "protege.pdf": encrypted_pdf(library),
        "coupe.pdf": october_pdf_bytes[: len(october_pdf_bytes) * 2 // 3],
        "synthese.docx": b"PK\x03\x04" + bytes(200),
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "sans-pistes.txt": ("CONNECTEUR RECHERCHE – 9 OCTOBRE 2020\n\nSESSION 1 – Titre\n\n"
                            "Introduction.\n\nTERRAINS\n\n→ Un terrain.\n").encode(),
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in contents}


@pytest.mark.parametrize(("name", "said"), [
    ("roman.txt", "n'est pas une synthèse du Connecteur Recherche (introuvable : aucune "
                  "journée « CONNECTEUR RECHERCHE – date », aucune session « SESSION n – "
                  "titre », aucune section « Pistes de réflexion »)"),
    ("roman.pdf", "Ce PDF n'est pas une synthèse du Connecteur Recherche (introuvable"),
    ("scan.pdf", "ce PDF ne contient pas de texte (document scanné ?)"),
    ("protege.pdf", "protégé par un mot de passe"),
    ("coupe.pdf", "Ce PDF est incomplet"),
    ("synthese.docx", "document de traitement de texte"),
    ("image.png", "ni un PDF ni un texte"),
    ("sans-pistes.txt", "(reconnu : 1 journée « CONNECTEUR RECHERCHE – date », 1 session "
                        "« SESSION n – titre », 1 section « Terrains » ; introuvable : aucune "
                        "section « Pistes de réflexion »)"),
])
def test_refused_with_what_was_recognised(name: str, said: str, refused_files: dict[str, Path],
                                          isolated_home: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    for argv in (["import", "--dry-run", str(refused_files[name])],
                 ["import", str(refused_files[name])]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert said.casefold() in err.casefold().replace("\n", " "), err
        assert "Traceback" not in err
    assert list(isolated_home.iterdir()) == []


def test_a_file_too_large(tmp_path: Path, isolated_home: Path,
                          monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(sources, "MAX_TEXT_BYTES", 1024 * 1024)
    big = tmp_path / "gros.txt"
    big.write_bytes(b"CONNECTEUR RECHERCHE\n" * 60_000)
    assert main(["import", str(big)]) == 1
    assert "Ce fichier fait 1 Mo : Connecteur importe des documents de 1 Mo au plus" in \
        capsys.readouterr().err
    assert list(isolated_home.iterdir()) == []


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(tmp_path / "absent.pdf")]) == 1
    assert "n'existe pas" in capsys.readouterr().err
