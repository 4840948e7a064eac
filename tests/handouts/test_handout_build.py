"""Building as a Qt worker will: progress, cancellation, another thread, failures that
leave no file; a huge note; QR codes identical to ReportLab's own."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pypdf
import pytest
from handout_pdfs import Pdf, squash
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel, QRUtil

from connecteur import paths
from connecteur.errors import ConnecteurError
from connecteur.handouts import (
    Annotations,
    HandoutCancelled,
    build_handout,
    qr,
    render_handout,
    request_for_sessions,
)
from connecteur.store import CorpusStore

SESSION = "2020-07-03/s2"


def test_progress_reaches_the_end_in_a_worker_thread(store: CorpusStore,
                                                     tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    outcome: dict = {}
    request = request_for_sessions(store, [SESSION])

    def work() -> None:
        outcome["result"] = build_handout(request, tmp_path / "s.pdf",
                                          progress=lambda d, t: reports.append((d, t)),
                                          should_cancel=lambda: False)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=60)
    result = outcome["result"]
    assert result.pages >= 4 and result.path == tmp_path / "s.pdf"
    assert len(Pdf(result.path, request.title).pages) == result.pages
    assert len(reports) >= 10
    done = [d for d, _ in reports]
    assert done == sorted(done) and reports[-1][0] == reports[-1][1] > 0


def test_cancelling_leaves_no_file_and_keeps_the_old_one(store: CorpusStore,
                                                         tmp_path: Path) -> None:
    target = tmp_path / "support.pdf"
    target.write_bytes(b"ancienne version")
    calls = 0

    def should_cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 40

    with pytest.raises(HandoutCancelled):
        build_handout(request_for_sessions(store, [SESSION]), target,
                      should_cancel=should_cancel)
    assert target.read_bytes() == b"ancienne version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["support.pdf"]
    with pytest.raises(HandoutCancelled):  # cancelled before a single page
        build_handout(request_for_sessions(store, [SESSION]), tmp_path / "new.pdf",
                      should_cancel=lambda: True)
    assert not (tmp_path / "new.pdf").exists()


def test_unwritable_target_is_a_french_error_and_no_file(store: CorpusStore,
                                                         tmp_path: Path) -> None:
    request = request_for_sessions(store, [SESSION])
    with pytest.raises(ConnecteurError, match="n'existe pas"):
        build_handout(request, tmp_path / "absent" / "support.pdf")
    with pytest.raises(ConnecteurError, match="est un dossier"):
        build_handout(request, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_note_of_100000_characters_prints_whole(store: CorpusStore) -> None:
    words = ["recherche", "territoriale", "«", "œuvre", "»", "<b>&amp;", "l’équipe", "→",
             "https://example.org/un/chemin/assez/long/pour/couper"]
    note = " ".join(words[i % len(words)] for i in range(20000))[:100000]
    note = "DÉBUT-DE-NOTE " + note + " FIN-DE-NOTE"
    request = request_for_sessions(store, ["2020-05-20/s1"], edition="trainer",
                                   annotations=Annotations(notes={
                                       "2020-05-20/s1/lead/01": [note],
                                       "2020-05-20/s1/lead/02": ["x" * 100000]}))
    started = time.perf_counter()
    data, result = render_handout(request)
    elapsed = time.perf_counter() - started
    assert elapsed < 20, elapsed  # about 1 s here; ReportLab alone took 7 s per note
    assert result.pages > 40
    text = squash("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert "DÉBUTDENOTE" in text and "FINDENOTE" in text
    marker = "«œuvre»<b>&amp;l’équipe→"
    assert text.count(marker) == squash(note).count(marker) > 900
    assert "x" * 1000 in text


@pytest.mark.parametrize("url", [
    "https://fing.org/actions/capacitylab.html#presentation",
    "https://www.lemonde.fr/smart-cities/article/2020/05/04/coronavirus-cette-crise-nous-"
    "invite-a-penser-la-ville-des-proximites_6038581_4811534.html#xtor=AL-32280270",
    "x",
])
def test_qr_codes_are_reportlabs_own(url: str) -> None:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()  # ReportLab's encoder, with its own choice of mask
    count, path = qr.qr_modules(url)
    assert count == code.getModuleCount()
    dark = set()
    for op in path.split("\n"):
        x, y, width, _, _ = op.split()
        dark |= {(count - 1 - int(y), int(x) + i) for i in range(int(width))}
    assert dark == {(r, c) for r in range(count) for c in range(count) if code.modules[r][c]}
    for mask in range(8):
        code.makeImpl(True, mask)
        assert qr.lost_points(code.modules) == QRUtil.getLostPoint(code)


def test_qr_codes_are_kept_between_runs(monkeypatch: pytest.MonkeyPatch,
                                        isolated_home: Path) -> None:
    from connecteur.handouts import qr_cache

    url = "https://isga.utt.fr/projet-anr-inplic-1"
    monkeypatch.setattr(qr_cache, "_rows", {})
    monkeypatch.setattr(qr_cache, "_on_disk", {})
    encoded = qr_cache.rows(url, qr.encode)
    qr_cache.save()
    cache_file = paths.qr_codes_cache_path()
    assert cache_file.parent.parent == isolated_home and cache_file.is_file()
    monkeypatch.setattr(qr_cache, "_rows", {})  # a new run: only the file remains
    monkeypatch.setattr(qr_cache, "_on_disk", {})
    assert qr_cache.rows(url, lambda u: pytest.fail("encoded again")) == encoded


@pytest.mark.parametrize("content", ["pas du json", '{"format": 1, "codes": {"u": [1, 2]}}',
                                     '{"format": 1, "codes": {"u": ' + '["-1"]' + "}}",
                                     '{"format": 99}', "[]"])
def test_a_broken_qr_cache_is_ignored(content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from connecteur.handouts import qr_cache

    monkeypatch.setattr(qr_cache, "_rows", {})
    monkeypatch.setattr(qr_cache, "_on_disk", {})
    path = paths.ensure_dir(paths.qr_codes_cache_path().parent) / "qr-codes.json"
    path.write_text(content, encoding="utf-8")
    assert qr_cache.rows("u", qr.encode) == qr.encode("u")
    qr_cache.save()  # and replaced by a good one
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == qr_cache.FORMAT


def test_fonts_ship_with_their_licence() -> None:
    from connecteur.handouts import fonts

    folder = paths.fonts_dir()
    assert all((folder / name).is_file() for name in fonts.font_files().values())
    licence = (folder / fonts.LICENCE_FILE).read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence and "Arev Fonts Copyright" in licence


def test_a_note_box_splits_but_never_leaves_its_label_alone() -> None:
    from connecteur.handouts.flowables import NoteBox, Text
    from connecteur.handouts.fonts import register_fonts
    from connecteur.handouts.styles import NOTE_BACK, NOTE_BAR, Styles

    register_fonts()
    styles = Styles()
    box = NoteBox([Text("MA NOTE", styles.note_label), Text("mot " * 400, styles.note)],
                  NOTE_BACK, NOTE_BAR)
    height = box.wrap(400, 1000)[1]
    assert box.split(400, 30) == []  # only the label would fit: the box moves on
    first, rest = box.split(400, 120)
    assert first.wrap(400, 1e6)[1] <= 120
    both = first.wrap(400, 1e6)[1] + rest.wrap(400, 1e6)[1]
    assert both == pytest.approx(height + 2 * NoteBox.pad, abs=1)  # each part is padded
