"""The index's fields and the weight each one has in the score.

What an item says itself (``body``, stemmed) counts fully; the same words unstemmed
(``exact``, which also holds the host and path words of the item's web addresses)
count more, so the form the user typed ranks first — and names, places and journal
sites are found as written; the words of a lead's surroundings (its theme and
session title: ``context``) count much less, so a hit in a lead's own text outranks
one in its context. Stored fields hold what a result list shows, so a search needs
no database round trip.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from connecteur.search.analysis import exact_analyzer, stemmed_analyzer
from connecteur.search.positions import with_safe_positions

# Bump when the schema, the analysis or the documents change: an index built by an
# older format is then rebuilt (IndexState reason "version").
INDEX_FORMAT = 2

FIELD_BOOSTS: dict[str, float] = {"body": 1.0, "exact": 1.6, "context": 0.35}
TEXT_FIELDS = tuple(FIELD_BOOSTS)


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        session_id=ID(stored=True, sortable=True),
        date=ID(stored=True, sortable=True),
        number=STORED(),
        target_id=ID(stored=True),
        title=STORED(),
        text=STORED(),
        body=with_safe_positions(TEXT(analyzer=stemmed_analyzer(), phrase=True)),
        exact=with_safe_positions(TEXT(analyzer=exact_analyzer(), phrase=True)),
        context=with_safe_positions(TEXT(analyzer=stemmed_analyzer(), phrase=True)),
    )
