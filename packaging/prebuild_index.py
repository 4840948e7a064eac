"""Build the search index of the shipped corpus ahead of time, for the stand-alone bundle.

    .venv/bin/python packaging/prebuild_index.py build/prebuilt-index

The PyInstaller spec runs this and ships the folder as ``connecteur/_index`` (found
at run time with ``connecteur.paths.prebuilt_index_dir()``), so that the first start
of the bundle does no indexing: when the user's index is missing or unusable, the
search service copies the prebuilt one into ``paths.index_dir()`` instead of
rebuilding, provided ``SearchService.check(store, prebuilt_dir).usable`` (same corpus
fingerprint, same index format). ``PREBUILT.json`` beside the index files records
what it was built from, for people and for the bundle tests.

The index is built under a fresh, empty ``CONNECTEUR_HOME``: whatever notes the person
building the bundle has in their own user database must not end up in it.

Exit status: 0 built; 1 failed; 3 the search service does not exist yet in this
checkout (the spec then builds a bundle without an index and says so loudly).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

EXIT_BUILT, EXIT_FAILED, EXIT_NO_SERVICE = 0, 1, 3
MARKER = "PREBUILT.json"


def _search_service() -> type | None:
    try:
        from connecteur.search import SearchService
    except ImportError:
        return None
    return SearchService


def build(target: Path) -> int:
    service_class = _search_service()
    if service_class is None:
        print("prebuild_index : connecteur.search.SearchService n'existe pas encore ; "
              "pas d'index préconstruit.", file=sys.stderr)
        return EXIT_NO_SERVICE
    from connecteur.store import CorpusStore

    store = CorpusStore.open()
    staging = target.with_name(target.name + ".part")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    started = time.perf_counter()
    service = service_class.open(store, staging)
    close = getattr(service, "close", None)
    if callable(close):
        close()
    state = service_class.check(store, staging)
    if not getattr(state, "usable", False):
        print(f"prebuild_index : l'index construit n'est pas utilisable ({state}).",
              file=sys.stderr)
        return EXIT_FAILED
    seconds = time.perf_counter() - started
    import connecteur

    (staging / MARKER).write_text(json.dumps({
        "fingerprint": store.fingerprint,
        "connecteur_version": connecteur.__version__,
        "items": sum(1 for _ in store.library.items()),
        "build_seconds": round(seconds, 2),
    }, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
    print(f"Index préconstruit : {target} ({size / 1024:.0f} Kio, {seconds:.1f} s)")
    return EXIT_BUILT


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage : prebuild_index.py DOSSIER", file=sys.stderr)
        return 2
    target = Path(args[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="connecteur-prebuild-") as home:
        os.environ["CONNECTEUR_HOME"] = home  # an empty user database: no one's notes
        return build(target)


if __name__ == "__main__":
    sys.exit(main())
