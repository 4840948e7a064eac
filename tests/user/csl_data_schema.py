"""The structure of CSL-JSON (citation-style-language/schema, ``csl-data.json``,
CSL 1.0.2), written out for the tests: the item types, the name and date shapes, and
no property outside the CSL variables.

The official schema file could not be vendored here; this encodes the same rules for
what Connecteur writes (checked with ``jsonschema``): every item has an ``id`` and one
of the CSL types, names are objects of ``family``/``given`` or a ``literal``, dates
hold ``date-parts`` of one or two lists of year, month, day.
"""

from __future__ import annotations

TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
]
NAME_VARIABLES = [
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
    "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
    "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
    "translator",
]
DATE_VARIABLES = ["accessed", "available-date", "event-date", "issued", "original-date",
                  "submitted"]
STRING_VARIABLES = [
    "abstract", "annote", "archive", "archive_collection", "archive_location",
    "archive-place", "authority", "call-number", "chapter-number", "citation-key",
    "citation-label", "citation-number", "collection-number", "collection-title",
    "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
    "event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN",
    "ISSN", "issue", "jurisdiction", "keyword", "language", "license", "locator", "medium",
    "note", "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "page-first", "part", "part-title",
    "PMCID", "PMID", "printing", "publisher", "publisher-place", "references",
    "reviewed-genre", "reviewed-title", "scale", "section", "source", "status", "supplement",
    "title", "title-short", "URL", "version", "volume", "volume-title",
    "volume-title-short", "year-suffix",
]

_NAME = {
    "type": "object",
    "properties": {key: {"type": "string"} for key in (
        "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")}
    | {"comma-suffix": {"type": ["string", "number", "boolean"]},
       "static-ordering": {"type": ["string", "number", "boolean"]},
       "parse-names": {"type": ["string", "number", "boolean"]}},
    "additionalProperties": False,
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
_DATE_PART = {"type": ["string", "number"]}
_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                       "items": {"type": "array", "minItems": 1, "maxItems": 3,
                                 "items": _DATE_PART}},
        "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number",
                                                                     "boolean"]},
        "literal": {"type": "string"}, "raw": {"type": "string"}, "edtf": {"type": "string"},
    },
    "additionalProperties": False,
}

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": TYPES},
            "categories": {"type": "array", "items": {"type": "string"}},
            "custom": {"type": "object"},
            **{name: {"type": "array", "items": _NAME} for name in NAME_VARIABLES},
            **{name: _DATE for name in DATE_VARIABLES},
            **{name: {"type": ["string", "number"]} for name in STRING_VARIABLES},
        },
        "additionalProperties": False,
    },
}
