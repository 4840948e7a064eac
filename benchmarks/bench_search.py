"""Search benchmark: index build, open, and query latency end to end (search +
highlights + facets), on the real library and on synthetic libraries of 30,000 and
300,000 items generated from the real library's words (fixed seed).

Baseline, measured in the same run on the same documents and queries: SQLite FTS5
(``unicode61 remove_diacritics 2``) doing the same work — top 20 by bm25() with a
snippet each, plus the two facet counts (by kind, by session). FTS5 has no fuzzy
matching: for the fuzzy class it runs the correctly spelled word. On the real library
a naive scan (casefold + accent fold, substring test over every item) is shown too.

Each p95 is the median of three rounds' p95 (the machine may be shared: one burst of
load elsewhere should not decide the figure); FTS5 is also timed on its top 20 alone,
for information. The last line printed is one JSON object with every figure and the
Whoosh/FTS5 ratios.

    python benchmarks/bench_search.py                 # real, 30,000 and 300,000 items
    python benchmarks/bench_search.py --sizes 30000   # a quicker run
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from connecteur.corpus import Session
from connecteur.corpus.text import find_urls, fold
from connecteur.search import SearchService, index_files
from connecteur.search.documents import Document, document, library_documents
from connecteur.store import CorpusStore
from targets import Target, below
from targets import report as report_targets

SEED = 2020
SIZES = (30_000, 300_000)
PAGE = 20

# Query classes: several real French queries each (all present in the library).
QUERIES: dict[str, list[str]] = {
    "common": ["crise", "numérique", "acteurs", "travail"],
    "rare": ["pharmaciens", "Mulhouse", "illectronisme", "capabilités"],
    "two_words": ["gestion crise", "télétravail cadres", "numérique inclusion",
                  "élus territoires"],
    "phrase": ['"gestion de crise"', '"travail social"', '"fonction publique"',
               '"lien social"'],
    "prefix": ["tele*", "numéri*", "territ*", "soli*"],
    "fuzzy": ["teletravial~", "numerqiue~", "solidairté~", "inclsuion~"],
}
FTS_FUZZY = {"teletravial~": "teletravail", "numerqiue~": "numerique",
             "solidairté~": "solidarite", "inclsuion~": "inclusion"}
KIND_SHARE = (("lead", 0.42), ("resource", 0.28), ("speaker", 0.14), ("field_site", 0.13),
              ("session", 0.03))
TARGETS_MS = {"real": 5.0, 30_000: 20.0, 300_000: 150.0}
BUILD_TARGETS_S = {"real": 1.0, 30_000: 10.0, 300_000: 120.0}


# --- measuring ------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latencies(run: Callable[[str], object], queries: list[str], repeat: int,
              rounds: int = 3) -> dict:
    """Median over every sample; p95 as the median of ``rounds`` rounds' p95, so that
    one burst of load from another process on the machine does not decide it."""
    for query in queries:  # warm caches
        run(query)
    samples, round_p95 = [], []
    for _ in range(rounds):
        this_round = []
        for _ in range(max(1, repeat // rounds)):
            for query in queries:
                started = time.perf_counter()
                run(query)
                this_round.append((time.perf_counter() - started) * 1000)
        round_p95.append(percentile(this_round, 0.95))
        samples += this_round
    return {"median_ms": round(statistics.median(samples), 3),
            "p95_ms": round(statistics.median(round_p95), 3),
            "p95_all_samples_ms": round(percentile(samples, 0.95), 3),
            "samples": len(samples)}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --- synthetic libraries --------------------------------------------------------------

_TOKEN = re.compile(r"\S+")


class Generator:
    """Texts drawn from a word-bigram model of the real library: the same vocabulary,
    frequencies and local word order (so phrases recur), with a fixed seed."""

    def __init__(self, documents: list[Document], seed: int) -> None:
        self.random = random.Random(seed)
        self.next_words: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        self.lengths: list[int] = []
        self.urls: list[str] = []
        for doc in documents:
            text = str(doc["text"])
            self.urls += [u.url for u in find_urls(text)]
            tokens = _TOKEN.findall(re.sub(r"https?://\S+", " ", text))
            if len(tokens) < 3:
                continue
            self.lengths.append(len(tokens))
            self.starts.append(tokens[0])
            for first, second in itertools.pairwise(tokens):
                self.next_words[first].append(second)

    def text(self) -> str:
        words = [self.random.choice(self.starts)]
        for _ in range(self.random.choice(self.lengths) - 1):
            options = self.next_words.get(words[-1])
            words.append(self.random.choice(options) if options
                         else self.random.choice(self.starts))
        return " ".join(words)

    def kind(self) -> str:
        roll, total = self.random.random(), 0.0
        for kind, share in KIND_SHARE:
            total += share
            if roll < total:
                return kind
        return "lead"


def synthetic_documents(real: list[Document], size: int) -> list[Document]:
    generator = Generator(real, SEED + size)
    sessions = [Session(f"2021-{1 + s // 28:02d}-{1 + s % 28:02d}/s{1 + s % 4}",
                        "", f"2021-{1 + s // 28:02d}-{1 + s % 28:02d}", 1 + s % 4,
                        generator.text()[:60], "", (), (), (), ())
                for s in range(max(7, size // 40))]
    docs = []
    for n in range(size):
        session = sessions[n % len(sessions)]
        kind = generator.kind()
        text = generator.text()
        if kind == "resource" and generator.random.random() < 0.8:
            text += " : " + generator.random.choice(generator.urls)
        title = " ".join(generator.text().split()[:6])
        context = f"{title}\n{session.title}" if kind == "lead" else ""
        docs.append(document(f"{session.id}/{kind}/{n:06d}", kind, session, title, text,
                             context=context))
    return docs


# --- Whoosh through the service -------------------------------------------------------

def whoosh_figures(store: CorpusStore, docs: list[Document], label: str, repeat: int,
                   workdir: Path) -> dict:
    directory = workdir / f"index-{label}"
    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total
        if percent // 10 != shown["last"] // 10:
            shown["last"] = percent
            print(f"   construction {label} : {percent} %", file=sys.stderr, flush=True)

    started = time.perf_counter()
    index_files.build(directory, docs, f"synthetic-{label}", progress if len(docs) > 1000
                      else None)
    build_s = time.perf_counter() - started
    fake_store = SimpleNamespace(fingerprint=f"synthetic-{label}", library=store.library,
                                 find=store.find)
    started = time.perf_counter()
    service = SearchService.open(fake_store, directory)
    service.search("crise")
    open_s = time.perf_counter() - started
    assert service.rebuilt_because is None, "the benchmark index should have been reused"
    totals = {q: service.search(q).total for qs in QUERIES.values() for q in qs}
    if not all(totals.values()):  # a query that finds nothing measures nothing
        raise SystemExit(f"Banc d'essai invalide : requêtes sans résultat {totals}")
    queries = {name: latencies(service.search, qs, repeat) for name, qs in QUERIES.items()}
    service.close()
    return {"build_s": round(build_s, 3), "open_and_first_query_s": round(open_s, 3),
            "index_bytes": folder_size(directory), "totals": totals, "queries": queries}


# --- the FTS5 baseline ----------------------------------------------------------------

def fts5_query(query: str) -> str:
    query = FTS_FUZZY.get(query, query)
    if query.startswith('"'):
        return query
    return " ".join(f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"' for w in query.split())


def fts5_figures(docs: list[Document], repeat: int, workdir: Path, label: str) -> dict:
    path = workdir / f"fts-{label}.db"
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE items USING fts5(body, context, kind UNINDEXED, "
               "session UNINDEXED, tokenize='unicode61 remove_diacritics 2')")
    with db:
        db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)",
                       ((d["text"], d.get("context", ""), d["kind"], d.get("session_id", ""))
                        for d in docs))
    build_s = time.perf_counter() - started

    def top20(query: str) -> None:
        db.execute("SELECT rowid, bm25(items, 1.0, 0.35), "
                   "snippet(items, 0, '<mark>', '</mark>', '…', 40) FROM items "
                   "WHERE items MATCH ? ORDER BY bm25(items, 1.0, 0.35) LIMIT ?",
                   (fts5_query(query), PAGE)).fetchall()

    def run(query: str) -> None:
        top20(query)
        match = fts5_query(query)
        db.execute("SELECT kind, count(*) FROM items WHERE items MATCH ? GROUP BY kind",
                   (match,)).fetchall()
        db.execute("SELECT session, count(*) FROM items WHERE items MATCH ? GROUP BY session",
                   (match,)).fetchall()

    queries = {name: latencies(run, qs, repeat) for name, qs in QUERIES.items()}
    top_only = {name: latencies(top20, qs, repeat) for name, qs in QUERIES.items()}
    db.close()
    return {"build_s": round(build_s, 3), "index_bytes": path.stat().st_size,
            "queries": queries, "queries_top20_only": top_only}


def naive_figures(docs: list[Document], repeat: int) -> dict:
    """Every item's folded text scanned for the folded words (no ranking)."""
    folded = [fold(str(d["text"])) for d in docs]

    def run(query: str) -> None:
        words = [fold(w.strip('"*~')) for w in query.split()]
        hits = [i for i, text in enumerate(folded) if all(w in text for w in words)]
        Counter(docs[i]["kind"] for i in hits)

    return {"queries": {name: latencies(run, qs, repeat) for name, qs in QUERIES.items()}}


# --- reporting ------------------------------------------------------------------------

def ratios(whoosh: dict, baseline: dict, key: str = "queries") -> dict:
    return {name: round(whoosh["queries"][name]["p95_ms"] /
                        max(baseline[key][name]["p95_ms"], 1e-6), 2)
            for name in QUERIES}


def all_ratios(whoosh: dict, fts5: dict) -> dict:
    return {"ratio_p95_whoosh_fts5": ratios(whoosh, fts5),
            "ratio_p95_whoosh_fts5_top20_only": ratios(whoosh, fts5, "queries_top20_only"),
            "ratio_build_whoosh_fts5": round(whoosh["build_s"] / max(fts5["build_s"], 1e-6),
                                             1)}


def report(label: str, whoosh: dict, fts5: dict, naive: dict | None, key: object) -> None:
    print(f"\n-- {label} --")
    print(f"construction : Whoosh {whoosh['build_s']:.2f} s (objectif < "
          f"{BUILD_TARGETS_S[key]:.0f} s), FTS5 {fts5['build_s']:.2f} s ; index "
          f"{whoosh['index_bytes'] / 1e6:.1f} Mo (FTS5 {fts5['index_bytes'] / 1e6:.1f} Mo)")
    print(f"ouverture + première requête : {whoosh['open_and_first_query_s'] * 1000:.0f} ms")
    header = (f"{'classe':<10}{'Whoosh méd/p95 ms':>20}{'FTS5 méd/p95 ms':>18}"
              f"{'ratio p95':>11}{'FTS5 top 20 seul':>19}")
    print(header + ("   naïf méd/p95 ms" if naive else ""))
    target = TARGETS_MS[key]
    for name in QUERIES:
        w, f = whoosh["queries"][name], fts5["queries"][name]
        flag = "" if w["p95_ms"] < target else f"  (> {target:.0f} ms)"
        t = fts5["queries_top20_only"][name]
        line = (f"{name:<10}{w['median_ms']:>10.2f} / {w['p95_ms']:<7.2f}"
                f"{f['median_ms']:>9.2f} / {f['p95_ms']:<6.2f}"
                f"{w['p95_ms'] / max(f['p95_ms'], 1e-6):>9.1f}×"
                f"{t['median_ms']:>10.2f} / {t['p95_ms']:<6.2f}")
        if naive:
            n = naive["queries"][name]
            line += f"   {n['median_ms']:>6.2f} / {n['p95_ms']:.2f}"
        print(line + flag)


def search_targets(figures: dict) -> list[Target]:
    """Per library size: the index build, and the slowest query class's p95."""
    found = []
    for label, data in figures.items():
        key = "real" if label == "real" else int(label)
        where = "bibliothèque réelle" if key == "real" else f"{key} éléments"
        whoosh = data["whoosh"]
        found.append(below(f"construction de l'index, {where}", whoosh["build_s"],
                           BUILD_TARGETS_S[key], "s", 2))
        slowest = max(whoosh["queries"], key=lambda name: whoosh["queries"][name]["p95_ms"])
        found.append(below(f"recherche p95, {where} (classe la plus lente : {slowest})",
                           whoosh["queries"][slowest]["p95_ms"], TARGETS_MS[key], "ms", 1))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="synthetic sizes, comma-separated (empty: real library only)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    store = CorpusStore.open()
    real_docs = list(library_documents(store.library))
    figures: dict = {}
    workdir = Path(tempfile.mkdtemp(prefix="connecteur-bench-search-"))
    try:
        whoosh = whoosh_figures(store, real_docs, "real", 40, workdir)
        fts5 = fts5_figures(real_docs, 40, workdir, "real")
        naive = naive_figures(real_docs, 40)
        report(f"bibliothèque réelle ({len(real_docs)} éléments)", whoosh, fts5, naive, "real")
        figures["real"] = {"items": len(real_docs), "whoosh": whoosh, "fts5": fts5,
                           "naive": naive, **all_ratios(whoosh, fts5)}
        for size in sizes:
            started = time.perf_counter()
            docs = synthetic_documents(real_docs, size)
            print(f"\n({size} éléments synthétiques générés en "
                  f"{time.perf_counter() - started:.1f} s)", file=sys.stderr)
            repeat = 25 if size <= 50_000 else 8
            whoosh = whoosh_figures(store, docs, str(size), repeat, workdir)
            fts5 = fts5_figures(docs, repeat, workdir, str(size))
            report(f"{size} éléments synthétiques", whoosh, fts5, None, size)
            figures[str(size)] = {"items": size, "whoosh": whoosh, "fts5": fts5,
                                  **all_ratios(whoosh, fts5)}
            del docs
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report_targets(search_targets(figures))
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "search.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    print(f"\n(chiffres détaillés : {results / 'search.json'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
