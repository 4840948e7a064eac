"""What a trainer types, read into a small tree — without Whoosh, and never failing.

Syntax: words (all must match), ``"a phrase"`` (also « … » and “ … ”), ``OR``/``OU``,
``-word``/``NOT word``/``SAUF word``, ``(groups)``, ``tele*`` (prefix),
``teletravial~`` or ``~1`` (close spellings), and filters ``type:piste``,
``session:2020-05-20/s1``, ``date:2020-07-03``, ``tag:ouverture`` (the trainer's
tags; ``tag:"crise sanitaire"`` for a tag of several words); a leading ``-`` excludes.
``OR`` binds tighter than the implicit AND: ``crise élus OR maires`` is
crise AND (élus OR maires), as in web search engines.

Anything malformed — an unclosed quote, a dangling operator, a lone ``*``, an unknown
filter — is dropped or read as plain words, and a French sentence says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from connecteur.corpus.ids import kind_of, normalise
from connecteur.corpus.text import fold
from connecteur.search.french import KIND_ALIASES

MAX_CHARS = 1000
MAX_TERMS = 32
MAX_FUZZY = 2
MAX_DEPTH = 10          # parentheses deeper than this are dropped (the parser recurses)

_OPEN_QUOTES, _CLOSE_QUOTES = "\"“«", "\"”»"
_OPERATORS = {"OR": "or", "OU": "or", "|": "or", "||": "or",
              "AND": "and", "ET": "and", "&": "and", "&&": "and",
              "NOT": "not", "SAUF": "not"}
_FILTER_FIELDS = {"type": "kind", "kind": "kind", "genre": "kind", "sorte": "kind",
                  "session": "session", "date": "date", "jour": "date",
                  "tag": "tag", "etiquette": "tag"}
_FUZZY_RE = re.compile(r"^(?P<word>.+?)~(?P<dist>\d*)$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FR_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


# --- the tree -------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """A word as typed (``start``/``end``: where it sits in the query string)."""

    text: str
    start: int
    end: int
    prefix: bool = False
    fuzzy: int = 0


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class AnyOf:
    options: tuple[Node, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Negated:
    node: Node


Node = Term | Phrase | AnyOf | AllOf | Negated


@dataclass(frozen=True)
class Filter:
    field: str          # kind | session | date | tag
    value: str          # normalised: a kind, a session ID, an ISO date, a tag as typed
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    clauses: tuple[Node, ...]           # all must match
    filters: tuple[Filter, ...] = ()
    notices: tuple[str, ...] = ()


# --- lexing ---------------------------------------------------------------------------

@dataclass
class _Token:
    kind: str            # word | phrase | lparen | rparen | or | and | not
    text: str = ""
    start: int = 0
    end: int = 0
    negated: bool = False


@dataclass
class _Lexer:
    text: str
    notices: list[str] = field(default_factory=list)
    tokens: list[_Token] = field(default_factory=list)
    _depth: int = field(default=0, init=False)      # open groups kept
    _dropped: int = field(default=0, init=False)    # open groups dropped (too deep)

    def run(self) -> list[_Token]:
        i = 0
        while i < len(self.text):
            ch, following = self.text[i], self.text[i + 1:i + 2]
            if ch.isspace():
                i += 1
            elif ch in "()":
                self._parenthesis(ch, i)
                i += 1
            elif ch in _OPEN_QUOTES or (ch == "-" and following and following in _OPEN_QUOTES):
                i = self._phrase(i)
            else:
                i = self._word(i)
        return self.tokens

    def _parenthesis(self, ch: str, i: int) -> None:
        """Keep groups up to :data:`MAX_DEPTH` deep; deeper ones, and their closing
        parentheses, are dropped (their words still count)."""
        if ch == "(" and self._depth >= MAX_DEPTH:
            self._dropped += 1
            notice = (f"Parenthèses imbriquées sur plus de {MAX_DEPTH} niveaux : les plus "
                      "profondes sont ignorées.")
            if notice not in self.notices:
                self.notices.append(notice)
            return
        if ch == ")" and self._dropped:
            self._dropped -= 1
            return
        self._depth += 1 if ch == "(" else -1 if self._depth else 0
        self.tokens.append(_Token("lparen" if ch == "(" else "rparen", ch, i, i + 1))

    def _phrase(self, i: int) -> int:
        negated = self.text[i] == "-"
        opening = i + 1 if negated else i
        closing = next((j for j in range(opening + 1, len(self.text))
                        if self.text[j] in _CLOSE_QUOTES), None)
        if closing is None:
            self.notices.append("Guillemet non fermé : la fin de la recherche est lue "
                                "comme des mots séparés.")
            self.text = self.text[:opening] + " " + self.text[opening + 1:]
            return i + 1 if negated else i
        self.tokens.append(_Token("phrase", self.text[opening + 1:closing], opening + 1,
                                  closing, negated))
        return closing + 1

    def _word(self, i: int) -> int:
        j = i
        while j < len(self.text) and not self.text[j].isspace() \
                and self.text[j] not in "()" and self.text[j] not in _OPEN_QUOTES:
            j += 1
        if j == i:  # a closing quote alone
            return i + 1
        raw = self.text[i:j]
        if raw.endswith(":") and j < len(self.text) and self.text[j] in _OPEN_QUOTES \
                and fold(raw.lstrip("-+")[:-1]) in _FILTER_FIELDS:
            closing = next((k for k in range(j + 1, len(self.text))
                            if self.text[k] in _CLOSE_QUOTES), None)
            if closing is not None:  # tag:"crise sanitaire": the quoted words are the value
                value = self.text[j + 1:closing]
                if not value.strip():
                    field_name = _FILTER_FIELDS[fold(raw.lstrip("-+")[:-1])]
                    self.notices.append(_FILTER_HELP[field_name].format(value=""))
                    return closing + 1
                raw += value
                j = closing + 1
        if raw in _OPERATORS:
            self.tokens.append(_Token(_OPERATORS[raw], raw, i, j))
            return j
        negated = raw.startswith("-") and len(raw) > 1
        stripped = raw.lstrip("-+")
        if stripped:
            offset = len(raw) - len(stripped)
            self.tokens.append(_Token("word", stripped, i + offset, j, negated))
        return j


# --- parsing --------------------------------------------------------------------------

class _Parser:
    """Recursive descent that skips what it cannot use instead of failing."""

    def __init__(self, tokens: list[_Token], notices: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.notices = notices
        self.filters: list[Filter] = []
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def sequence(self) -> list[Node]:
        """Clauses up to the end (or the closing parenthesis of a group)."""
        nodes: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == "rparen":
                if self.depth:
                    return nodes
                self.take()
                self._note("Parenthèse fermante sans ouvrante : ignorée.")
            elif token.kind in ("and", "or"):
                self.take()
                following = self.peek()
                if token.kind == "or" or not nodes:
                    self._note(f"« {token.text} » sans mot avant : ignoré.")
                elif following is None or following.kind in ("and", "or", "rparen"):
                    self._note(f"« {token.text} » sans mot après : ignoré.")
            else:
                node = self.alternatives()
                if node is not None:
                    nodes.append(node)
        return nodes

    def alternatives(self) -> Node | None:
        options = [self.unary()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            following = self.peek()
            if following is None or following.kind in ("or", "and", "rparen"):
                self._note(f"« {token.text} » sans mot après : ignoré.")
                break
            options.append(self.unary())
        kept = tuple(o for o in options if o is not None)
        if len(kept) > 1:
            return AnyOf(kept)
        return kept[0] if kept else None

    def unary(self) -> Node | None:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.take()
            following = self.peek()
            if following is None or following.kind in ("or", "and", "rparen", "not"):
                self._note(f"« {token.text} » sans mot après : ignoré.")
                return None
            node = self.unary()
            return Negated(node) if node is not None else None
        return self.atom()

    def atom(self) -> Node | None:
        token = self.take()
        if token.kind == "lparen":
            self.depth += 1
            parts = self.sequence()
            self.depth -= 1
            if self.peek() is None:
                self._note("Parenthèse ouvrante sans fermante : refermée en fin de recherche.")
            else:
                self.take()
            node: Node | None = (parts[0] if len(parts) == 1 else AllOf(tuple(parts))) \
                if parts else None
        elif token.kind == "phrase":
            node = Phrase(token.text, token.start, token.end)
        elif token.kind == "word":
            node = self._word(token)
        else:  # pragma: no cover - sequence() filters operators out
            node = None
        if node is not None and token.negated:
            return Negated(node)
        return node

    def _word(self, token: _Token) -> Node | None:
        name, sep, value = token.text.partition(":")
        if sep and fold(name) in _FILTER_FIELDS and value:
            self._filter(_FILTER_FIELDS[fold(name)], value, token.negated)
            return None
        return _term(token, self.notices)

    def _filter(self, field_name: str, value: str, negated: bool) -> None:
        normalised = _normalise_filter(field_name, value)
        if normalised is None:
            self._note(_FILTER_HELP[field_name].format(value=value))
            return
        self.filters.append(Filter(field_name, normalised, negated))

    def _note(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)


_FILTER_HELP = {
    "kind": "Type inconnu « {value} » : filtre ignoré (types : session, piste, terrain, "
            "ressource, intervenant, note).",
    "session": "Session inconnue « {value} » : filtre ignoré (exemple : "
               "session:2020-05-20/s1).",
    "date": "Date illisible « {value} » : filtre ignoré (exemple : date:2020-07-03).",
    "tag": "Étiquette vide : filtre ignoré (exemple : tag:ouverture).",
}


def _normalise_filter(field_name: str, value: str) -> str | None:
    value = value.strip().strip("\"“”«»").strip()
    if field_name == "tag":
        return " ".join(value.lstrip("#").split()) or None
    if field_name == "kind":
        return KIND_ALIASES.get(fold(value))
    if field_name == "session":
        session = normalise(value)
        return session if kind_of(session) == "session" else None
    match = _ISO_DATE.match(value)
    if match:
        return value
    match = _FR_DATE.match(value)
    if match:
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    return None


def _term(token: _Token, notices: list[str]) -> Term | None:
    text, start = token.text, token.start
    fuzzy = 0
    match = _FUZZY_RE.match(text)
    if match:
        text = match["word"]
        fuzzy = min(int(match["dist"]), MAX_FUZZY) if match["dist"] else -1
    prefix = text.endswith("*") and not fuzzy
    text = text.rstrip("*") if prefix else text
    if "*" in text or "?" in text:
        notices.append(f"« {token.text} » : le joker * n'est accepté qu'en fin de mot ; "
                       "les jokers ont été retirés.")
        text = text.replace("*", " ").replace("?", " ").strip()
    if not text:
        notices.append(f"« {token.text} » seul ne désigne aucun mot : ignoré.")
        return None
    return Term(text, start, start + len(text), prefix=prefix, fuzzy=fuzzy) if text else None


def _limit(nodes: list[Node], notices: list[str]) -> list[Node]:
    if len(nodes) > MAX_TERMS:
        notices.append(f"Recherche trop longue : seuls les {MAX_TERMS} premiers termes "
                       "sont utilisés.")
        return nodes[:MAX_TERMS]
    return nodes


def parse(text: str) -> ParsedQuery:
    """The tree of a query string; never raises."""
    notices: list[str] = []
    original = text
    if len(text) > MAX_CHARS:
        notices.append(f"Recherche trop longue : seuls les {MAX_CHARS} premiers caractères "
                       "sont utilisés.")
        text = text[:MAX_CHARS]
    lexer = _Lexer(text, notices)
    tokens = lexer.run()
    parser = _Parser(tokens, notices)
    clauses = _limit(parser.sequence(), notices)
    return ParsedQuery(original, tuple(clauses), tuple(parser.filters), tuple(notices))
