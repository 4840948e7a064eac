"""Why an item matched: which of its parts hold the query's words.

A hit's index document mixes the item's own words with words of its surroundings (a
lead's theme and session title, a note's annotated item), weighted apart. To tell
the user why a lead was found — "dans la session « La gestion de crise »" — each part
is re-read here with the index's analysis and checked against the query's leaves:
a word by its stem or form, a phrase in sequence. Only the hits shown are explained,
so this costs a few tokenisations per hit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from whoosh import query as wq

from connecteur.corpus.text import find_urls
from connecteur.search.analysis import url_words, without_urls, words

# Names of the parts, in the order ``matched_in`` lists them. ``text``: the item's
# own text (a session's introduction); ``title``: a session's own title; ``theme``:
# a lead's theme (with its part heading); ``session_title``: a lead's session title;
# ``item``: the label of the item a note is written on.
OWN_PARTS = ("title", "text")
CONTEXT_PARTS = ("theme", "session_title", "item")
PART_ORDER = (*OWN_PARTS, *CONTEXT_PARTS)

_OWN_FIELDS = {"body": "stemmed", "exact": "exact"}
_CONTEXT_FIELDS = {"context": "stemmed"}

Tokens = dict[str, list[str]]  # analysis ("stemmed" or "exact") → words in order


def parts_of(fields: Mapping[str, object], session_title: str) -> dict[str, str]:
    """The parts of an indexed item (its stored fields), by part name."""
    kind = fields.get("kind")
    text = str(fields.get("text") or "")
    label = str(fields.get("title") or "")
    if kind == "session":
        return {"title": label, "text": text}
    if kind == "lead":
        return {"text": text, "theme": label, "session_title": session_title}
    if kind == "note":
        return {"text": text, "item": label}
    return {"text": text}


@lru_cache(maxsize=2048)
def _tokens(text: str, own: bool) -> Tokens:
    found = words(without_urls(text) if own else text)
    tokens = {"stemmed": [w.stemmed for w in found], "exact": [w.exact for w in found]}
    if own:
        links = url_words(tuple(u.url for u in find_urls(text)))
        tokens["exact"] += [w.exact for w in words(links)]
    return tokens


def _in_sequence(needle: list[str], haystack: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))


def _leaf_matches(leaf: wq.Query, fields: dict[str, str], tokens: Tokens) -> bool:
    analysis = fields.get(getattr(leaf, "fieldname", ""))
    if analysis is None:
        return False
    if isinstance(leaf, wq.Term):
        return str(leaf.text) in tokens[analysis]
    if isinstance(leaf, wq.Phrase):
        return _in_sequence([w for w in leaf.words if w], tokens[analysis])
    return False


def matched_in(leaves: tuple[wq.Query, ...], parts: Mapping[str, str],
               own_matched: bool = False) -> tuple[str, ...]:
    """The names of the parts holding at least one of the query's words or phrases
    (``leaves``: see query_leaves), in PART_ORDER; empty when the query has no words
    (``type:intervenant``). ``own_matched``: the index already found the query in the
    item's own text (then an item whose only own part is its text is not re-read)."""
    if not leaves:
        return ()
    found = []
    known = own_matched and not any(parts.get(name) for name in OWN_PARTS if name != "text")
    for name in PART_ORDER:
        text = parts.get(name)
        if not text:
            continue
        if known and name == "text":
            found.append(name)
            continue
        own = name in OWN_PARTS
        tokens = _tokens(text, own)
        fields = _OWN_FIELDS if own else _CONTEXT_FIELDS
        if any(_leaf_matches(leaf, fields, tokens) for leaf in leaves):
            found.append(name)
    return tuple(found)


def query_leaves(query: wq.Query | None) -> tuple[wq.Query, ...]:
    """The words and phrases of a query (none for None)."""
    if query is None:
        return ()
    return tuple(leaf for leaf in _leaves(query) if isinstance(leaf, wq.Term | wq.Phrase))


def _leaves(query: wq.Query) -> Iterable[wq.Query]:
    """The leaves of a query, phrases kept whole (Query.leaves() would too, but also
    walks into the excluded side of an AndNot)."""
    if isinstance(query, wq.AndNot):
        yield from _leaves(query.a)
    elif isinstance(query, wq.Term | wq.Phrase):
        yield query
    elif query.is_leaf():
        return
    else:
        for child in query.children():
            yield from _leaves(child)
