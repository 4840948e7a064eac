"""Imported documents at scale: the time to import one, search latency on a library
enlarged with 20 of them, and the window's start-up with them — each against a
baseline measured in the same run.

* import: 20 PDFs, the shipped text laid out (tests/documents/document_pdfs.py) under
  20 other pairs of dates — each the size of the bundled library — imported as the
  window does it (read the PDF, parse, store, update the open search index);
  baseline: pypdf's own plain text extraction of the same PDF, the least any import
  of it costs.
* search: median and p95 of a set of real queries on the enlarged library (bundled +
  20 documents: 21 times the items) against the bundled library alone; target < 5 ms.
* start-up: ``connecteur --exit-when-ready`` (ready: the search has answered) with the
  20 documents and without, and the empty PySide6 window of bench_startup.py (the
  targets there: < 1 s, ≤ 3 × the empty window); the search index is warm in both
  homes.

    python benchmarks/bench_documents.py            # 20 documents
    BENCH_DOCUMENTS=5 python benchmarks/bench_documents.py
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "documents"))

from document_pdfs import PLAIN, render  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from bench_search import latencies, percentile  # noqa: E402
from bench_startup import (  # noqa: E402
    EMPTY_WINDOW,
    SEARCH_RATIO,
    TARGET_MS,
    _app_command,
    _ready_ms,
)
from targets import Target, below  # noqa: E402
from targets import report as report_targets  # noqa: E402

DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "20"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SEARCH_TARGET_MS = 5.0
REPEAT = 30  # each query, in 3 rounds (bench_search.latencies)
QUERIES = ["crise", "numérique", "télétravail", "pharmaciens", "Mulhouse", "illectronisme",
           "gestion crise", "élus territoires", '"gestion de crise"', '"travail social"',
           "tele*", "territ*", "teletravial~", "solidairté~", "type:piste crise",
           "capacitation -numérique"]


def document_texts(count: int) -> list[str]:
    from connecteur import paths

    text = paths.corpus_text_path().read_text(encoding="utf-8")
    return [text.replace("20 MAI 2020", f"20 MAI {2021 + i}")
            .replace("3 JUILLET 2020", f"3 JUILLET {2021 + i}") for i in range(count)]


def make_pdfs(folder: Path, count: int) -> list[Path]:
    from connecteur.corpus import parse_text

    made = []
    for number, text in enumerate(document_texts(count), start=1):
        target = folder / f"synthese-{number:02d}.pdf"
        target.write_bytes(render(parse_text(text), PLAIN))
        made.append(target)
    return made


def import_all(pdfs: list[Path], index: Path) -> tuple[dict, object]:
    from connecteur.app.documents import import_document
    from connecteur.search import SearchService
    from connecteur.store import CorpusStore

    corpus = CorpusStore.open()
    service = SearchService.open(corpus, index)  # warm: built for the bundled library
    plain, imports = [], []
    for pdf in pdfs:
        started = time.perf_counter()
        for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages:
            page.extract_text()
        plain.append(time.perf_counter() - started)
        started = time.perf_counter()
        corpus = import_document(pdf, corpus=corpus, search=service).corpus
        imports.append(time.perf_counter() - started)
    figures = {"pypdf_plain_ms": round(statistics.median(plain) * 1000),
               "import_median_ms": round(statistics.median(imports) * 1000),
               "import_p95_ms": round(percentile(imports, 0.95) * 1000),
               "first_ms": round(imports[0] * 1000), "last_ms": round(imports[-1] * 1000),
               "items": sum(1 for _ in corpus.library.items())}
    return figures, service


def search_figures(enlarged_service, work: Path) -> dict:
    from connecteur.search import SearchService
    from connecteur.store import CorpusStore

    bundled = SearchService.open(CorpusStore.open(imported=False), work / "index-bundled")
    try:
        alone = latencies(bundled.search, QUERIES, REPEAT)
    finally:
        bundled.close()
    enlarged = latencies(enlarged_service.search, QUERIES, REPEAT)
    return {"bundled": alone, "enlarged": enlarged}


def startup_figures(home_with: Path, home_without: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    app = _app_command()
    with_docs = {**env, "CONNECTEUR_HOME": str(home_with)}
    without = {**env, "CONNECTEUR_HOME": str(home_without)}
    _ready_ms(app, with_docs)
    _ready_ms(app, without)  # both indexes warm
    _ready_ms([sys.executable, "-c", EMPTY_WINDOW], without)
    empty, bare, loaded = [], [], []
    for _ in range(RUNS):  # interleaved: a busy machine weighs on all three alike
        empty.append(_ready_ms([sys.executable, "-c", EMPTY_WINDOW], without))
        bare.append(_ready_ms(app, without))
        loaded.append(_ready_ms(app, with_docs))
    return {"empty_ms": statistics.median(empty), "bundled_ms": statistics.median(bare),
            "with_documents_ms": statistics.median(loaded)}


def report(count: int, imported: dict, search: dict, startup: dict) -> None:
    print(f"   {count} documents importés ({imported['items']} éléments dans la bibliothèque)")
    print(f"   import d'un PDF : médiane {imported['import_median_ms']} ms, p95 "
          f"{imported['import_p95_ms']} ms (premier {imported['first_ms']} ms, dernier "
          f"{imported['last_ms']} ms) ; référence pypdf seul : {imported['pypdf_plain_ms']} "
          f"ms ({imported['import_median_ms'] / max(1, imported['pypdf_plain_ms']):.1f} ×)")
    alone, enlarged = search["bundled"], search["enlarged"]
    verdict = "tenue" if enlarged["p95_ms"] < SEARCH_TARGET_MS else "manquée"
    print(f"   recherche, bibliothèque agrandie : médiane {enlarged['median_ms']} ms, p95 "
          f"{enlarged['p95_ms']} ms (cible < {SEARCH_TARGET_MS:.0f} ms : {verdict}) ; corpus "
          f"livré seul : p95 {alone['p95_ms']} ms "
          f"({enlarged['p95_ms'] / max(alone['p95_ms'], 1e-3):.1f} ×)")
    e, b, w = startup["empty_ms"], startup["bundled_ms"], startup["with_documents_ms"]
    print(f"   démarrage : fenêtre vide {e:.0f} ms ; connecteur {b:.0f} ms ({b / e:.2f} ×) ; "
          f"avec les documents {w:.0f} ms ({w / e:.2f} ×, {w / b:.2f} × sans documents) — "
          f"cibles < {TARGET_MS} ms et ≤ {SEARCH_RATIO:g} × la fenêtre vide")
    print(json.dumps({"documents": count, "import": imported, "search": search,
                      "startup": startup}, ensure_ascii=False))
    ratio = w / e
    report_targets([
        below(f"recherche p95, {count} documents importés", enlarged["p95_ms"],
              SEARCH_TARGET_MS, "ms", 1),
        below(f"fenêtre prête avec {count} documents (médiane)", w, TARGET_MS, "ms"),
        Target(f"fenêtre prête avec {count} documents / fenêtre PySide6 vide",
               f"{ratio:.2f} ×".replace(".", ","), f"≤ {SEARCH_RATIO:g} ×",
               ratio <= SEARCH_RATIO)])


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="connecteur-bench-documents-"))
    try:
        home, bare = work / "home", work / "home-bare"
        home.mkdir()
        bare.mkdir()
        os.environ["CONNECTEUR_HOME"] = str(home)
        pdfs = make_pdfs(work, DOCUMENTS)
        imported, service = import_all(pdfs, home / "cache" / "index")
        search = search_figures(service, work)
        service.close()
        startup = startup_figures(home, bare)
        report(DOCUMENTS, imported, search, startup)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
