"""The print dialog's other two choices: "Enregistrer en HTML accessible…" writes the
handout the PDF shows as one valid HTML file (in the background, atomically), and
"Impression recto verso" starts each session on a right-hand page — or not."""

from __future__ import annotations

import io

import html5lib
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from ui_helpers import save_artifact

from connecteur.ui.shell import settings

SESSIONS = ("2020-05-20/s1", "2020-05-20/s2")


def _open(qtbot, window):
    window.print_handout("sessions")
    dialog = window.print_dialog
    qtbot.waitExposed(dialog)
    for row in range(dialog.session_list.count()):
        item = dialog.session_list.item(row)
        checked = item.data(Qt.ItemDataRole.UserRole) in SESSIONS
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return dialog


def _preview_pdf(qtbot, dialog) -> pypdf.PdfReader:
    with qtbot.waitSignal(dialog.preview_opened, timeout=30_000) as opened:
        dialog.preview_button.click()
    preview = opened.args[0]
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    reader = pypdf.PdfReader(io.BytesIO(preview.built.data))
    preview.close()
    return reader


def _session_starts(reader: pypdf.PdfReader) -> dict[str, int]:
    """Top-level bookmarks (sessions) and their first page, counted from 1."""
    return {entry.title: reader.get_destination_page_number(entry) + 1
            for entry in reader.outline if not isinstance(entry, list)
            and entry.title != "Sommaire"}


def test_the_accessible_html_edition_is_the_pdf_as_valid_html(qtbot, make_window, tmp_path,
                                                             monkeypatch) -> None:
    window = make_window(url=SESSIONS[0])
    dialog = _open(qtbot, window)
    assert dialog.html_button.text() == "Enregistrer en &HTML accessible…"
    assert dialog.title_edit.placeholderText() == "Connecteur Recherche 2020"  # 2 sessions
    assert dialog.default_html_path().name == "connecteur-recherche-2020-participant.html"
    target = tmp_path / "support accessible.html"
    monkeypatch.setattr(dialog, "ask_html_path", lambda: target)
    with qtbot.waitSignal(dialog.html_saved, timeout=30_000) as saved:
        dialog.html_button.click()
        assert not dialog.html_button.isEnabled()  # busy: built off the UI thread
    assert saved.args == [target] and dialog.isVisible()
    assert dialog.status.text() == f"Enregistré en HTML accessible : {target}"
    assert dialog.html_button.isEnabled() and dialog.preview_button.isEnabled()
    assert window.context.settings.get(settings.PRINT_SAVE_FOLDER) == str(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left

    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
        target.read_bytes())  # strict: any parse error raises
    assert document.get("lang") == "fr"
    assert not list(document.iter("script"))
    html_titles = ["".join(h.itertext()).strip() for h in document.iter("h2")]
    titles = [window.store.get(session).title for session in SESSIONS]
    assert [t for t in html_titles if t != "Sommaire"] == titles

    bookmarks = list(_session_starts(_preview_pdf(qtbot, dialog)))
    assert len(bookmarks) == len(titles)
    assert all(mark.endswith(title) for mark, title in zip(bookmarks, titles, strict=True))


def test_a_cancelled_html_edition_writes_nothing(qtbot, make_window, tmp_path,
                                                 monkeypatch) -> None:
    window = make_window(url=SESSIONS[0])
    dialog = _open(qtbot, window)
    target = tmp_path / "jamais.html"
    monkeypatch.setattr(dialog, "ask_html_path", lambda: target)
    dialog.html_button.click()
    dialog.reject()  # "Annuler" while it is written
    assert dialog.status.text() == "Préparation interrompue : aucun fichier n'a été écrit."
    qtbot.waitUntil(lambda: window.context.operations.idle, timeout=30_000)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(dialog, "ask_html_path", lambda: None)  # the file dialog closed
    dialog.html_button.click()
    assert not dialog.job.running


def test_recto_verso_puts_each_session_on_a_right_hand_page(qtbot, make_window) -> None:
    window = make_window(url=SESSIONS[0])
    dialog = _open(qtbot, window)
    box = dialog.two_sided
    assert box.text() == ("Impression recto &verso (chaque session commence sur une page "
                          "de droite)")
    assert box.isChecked() and dialog.plan().two_sided  # the default
    save_artifact(dialog, "print-dialog-html-and-recto-verso")
    starts = _session_starts(_preview_pdf(qtbot, dialog))
    assert len(starts) == 2 and all(page % 2 == 1 for page in starts.values()), starts

    dialog = _open(qtbot, window)
    assert dialog.two_sided.isChecked()
    dialog.two_sided.click()
    assert dialog.plan().two_sided is False
    single = _session_starts(_preview_pdf(qtbot, dialog))
    assert single.keys() == starts.keys()
    assert any(page % 2 == 0 for page in single.values()), single  # runs on
    assert all(single[k] <= starts[k] for k in starts)
    assert window.context.settings.get(settings.PRINT_TWO_SIDED) is False  # remembered
    dialog = _open(qtbot, window)
    assert not dialog.two_sided.isChecked()
    dialog.reject()
