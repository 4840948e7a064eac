"""Corpus text as Markdown that renders as itself, web addresses as working links.

Markdown gives meaning to ``*``, ``_``, ``[`` and a few more characters, so corpus
text is escaped to stay text. A web address must not be escaped (GitHub's renderer
would link to ``aru\\_0180…`` and show the backslashes): each is written once, whole,
as an autolink ``<https://…>``. E-mail addresses become ``<nom@exemple.fr>``.
"""

from __future__ import annotations

import re

from connecteur.corpus.text import find_urls

_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# What would open a block at the start of a line: a heading, a quote, a list item.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+*-])(?=\s|$)|(\d+)([.)])(?=\s|$))")


def _literal_start(line: str) -> str:
    def keep(match: re.Match[str]) -> str:
        if match.group(2):
            return f"{match.group(1)}\\{match.group(2)}"
        return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"

    return _BLOCK_START.sub(keep, line, count=1)


def escape(text: str) -> str:
    """Plain text (no address in it) that renders literally, inline."""
    return _SPECIALS.sub(r"\\\1", text)


def inline(text: str, *, emails: bool = False) -> str:
    """``text`` escaped, its web addresses (and, with ``emails``, its e-mail
    addresses) as autolinks. Line breaks are kept as they are."""
    spans = [(u.start, u.end, f"<{u.url}>") for u in find_urls(text)]
    if emails:
        spans += [(m.start(), m.end(), f"<{m.group()}>") for m in _EMAIL.finditer(text)
                  if not any(s <= m.start() < e for s, e, _ in spans)]
    out: list[str] = []
    done = 0
    for start, end, link in sorted(spans):
        out += [escape(text[done:start]), link]
        done = end
    out.append(escape(text[done:]))
    return "".join(out)


def block(text: str, *, emails: bool = False, indent: str = "") -> str:
    """A paragraph (or a list item's text): :func:`inline`, and a line that would
    start a heading, a list or a quote kept as text; the source's line breaks become
    hard breaks, the lines after the first indented by ``indent`` (inside a list)."""
    lines = [_literal_start(inline(line, emails=emails)) for line in text.split("\n")]
    return f"\\\n{indent}".join(lines)
