"""From the preview to paper or disk: the pages of the QPdfDocument rendered to a
printer (a PDF-backed QPrinter stands in for the system's), the system print dialog's
choices honoured, and "Enregistrer en PDF…" that never leaves half a file."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from connecteur.app.print_plan import PrintPlan, suggested_filename
from connecteur.handouts import render_handout, request_for_sessions
from connecteur.store import CorpusStore
from connecteur.ui.printing.print_job import BuiltHandout
from connecteur.ui.printing.print_output import prepare_printer
from connecteur.ui.printing.print_preview import PrintPreview
from connecteur.ui.shell.context import ApplicationContext

LETTER, A4 = [612, 792], [595, 842]


@pytest.fixture(scope="module")
def letter_handout(corpus_store: CorpusStore) -> BuiltHandout:
    request = request_for_sessions(corpus_store, ["2020-05-20/s2"], paper="letter")
    data, result = render_handout(request)
    return BuiltHandout(data, request.title, request.edition, request.paper, result.pages,
                        result.seconds, PrintPlan("session", ("2020-05-20/s2",)))


@pytest.fixture
def preview(qtbot, corpus_store: CorpusStore, letter_handout: BuiltHandout
            ) -> Iterator[PrintPreview]:
    context = ApplicationContext(corpus_store)
    shown = PrintPreview(context, letter_handout)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.document.status() == QPdfDocument.Status.Ready)
    yield shown
    context.shutdown()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def read(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def sizes(reader: pypdf.PdfReader) -> list[list[int]]:
    return [[round(v) for v in page.mediabox[2:]] for page in reader.pages]


def test_every_page_goes_to_the_printer_on_the_handouts_paper(preview: PrintPreview,
                                                               tmp_path: Path) -> None:
    count = preview.document.pageCount()
    assert count > 1
    printer = pdf_printer(tmp_path / "imprime.pdf")
    prepare_printer(printer, preview.document, preview.built.title)
    assert printer.docName() == "Territoire, lieux, service, proximité"
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert preview.print_to(printer) == count
    printed = read(tmp_path / "imprime.pdf")
    assert sizes(printed) == [LETTER] * count
    for page in printed.pages:  # each page carries the rendered handout page
        images = [o for o in page["/Resources"]["/XObject"].values()
                  if o.get_object()["/Subtype"] == "/Image"]
        assert len(images) == 1
    assert preview.info.text() == f"Envoyé à l'impression : {count} pages."


def test_the_print_dialogs_paper_and_range_are_honoured(preview: PrintPreview,
                                                        tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "a4.pdf")
    prepare_printer(printer, preview.document, preview.built.title)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert sizes(read(tmp_path / "a4.pdf")) == [A4, A4]  # the Letter pages, fitted


def test_ctrl_p_goes_through_the_system_print_dialog(preview: PrintPreview, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "systeme.pdf"
    seen: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        seen.append((dialog.minPage(), dialog.maxPage()))
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert preview.print_action.shortcut().toString() == "Ctrl+P"
    preview.print_action.trigger()
    count = preview.document.pageCount()
    assert seen == [(1, count)]
    assert len(read(target).pages) == count
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert preview.print_with_dialog() == 0  # cancelled: nothing printed


def test_saving_writes_the_very_bytes_previewed(preview: PrintPreview, tmp_path: Path) -> None:
    assert preview.default_save_path().endswith(
        "territoire-lieux-service-proximite-participant.pdf")
    assert preview.save_to(tmp_path / "support.pdf")
    assert (tmp_path / "support.pdf").read_bytes() == preview.built.data
    assert sizes(read(tmp_path / "support.pdf"))[0] == LETTER


def test_a_disk_that_refuses_leaves_the_old_file_and_says_why(preview: PrintPreview,
                                                              tmp_path: Path, qtbot,
                                                              monkeypatch) -> None:
    target = tmp_path / "support.pdf"
    target.write_bytes(b"ancien")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not preview.save_to(target)
    box = preview.error_box
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Le support n'a pas été enregistré."
    assert box.informativeText() == f"Impossible d'écrire {target} (disque plein)."
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["support.pdf"]  # no partial file
    box.close()
    monkeypatch.undo()
    assert not preview.save_to(tmp_path / "absent" / "support.pdf")
    assert "n'existe pas" in preview.error_box.informativeText()
    assert not (tmp_path / "absent").exists()


@pytest.mark.parametrize(("title", "edition", "name"), [
    ("La gestion de crise", "trainer", "la-gestion-de-crise-formateur.pdf"),
    ("« télétravail »", "participant", "teletravail-participant.pdf"),
    ("Œuvres & manœuvres : l’été", "participant", "oeuvres-manoeuvres-l-ete-participant.pdf"),
    ("«»", "trainer", "support-formateur.pdf"),
])
def test_suggested_file_names(title: str, edition: str, name: str) -> None:
    assert suggested_filename(title, edition) == name
