"""Full-text search over the library and the trainer's notes (Whoosh, French analysis).

Everything Whoosh is behind :class:`SearchService`; the values it returns
(:class:`SearchResults`, :class:`Hit`, :class:`IndexState`) are plain dataclasses.
"""

from connecteur.search.results import Hit, IndexState, RelatedHit, SearchResults
from connecteur.search.service import SearchError, SearchService

__all__ = ["Hit", "IndexState", "RelatedHit", "SearchError", "SearchResults", "SearchService"]
