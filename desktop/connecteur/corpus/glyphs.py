"""Characters a PDF's text layer hands back instead of the ones the author typed.

A PDF reader extracts what the fonts drew: ligatures (``ﬁ``, ``ﬂ``) for two letters,
soft hyphens and zero-width marks, and list bullets in whatever glyph the word
processor chose (``➢``, ``●``, a Wingdings code point in the private-use area). The
parser knows three bullets — ``→`` for an entry, ``•`` for a speaker, ``-`` for a
sub-item — so every other glyph is brought back to the one of its family, and only at
the start of a line (inside a sentence an arrow stays an arrow).
"""

from __future__ import annotations

import re

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# Invisible characters a PDF may carry inside words.
INVISIBLE = {"\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
             "\ufeff": ""}

# Bullet families. Private-use code points are the Symbol and Wingdings bullets of
# office documents (``\uf0b7`` is Symbol's •, ``\uf0e0`` and ``\uf0d8`` Wingdings arrows).
ARROWS = "→➔➜➝➞➙➛➢➣➤⇒⟶⇨►▶▸⮚⮞\uf0e0\uf0e8\uf0d8\uf0f0\uf0c4\uf0ae"
ROUND = "•●▪■◆♦∙⦁⚫\uf0b7\uf0a7\uf06e\uf076\uf0fc\uf0a8\uf075\uf09f"
DASHES = "–—‒−◦▫○"

# A glyph the PDF gives no character for comes out as a control character, the
# replacement character or a private-use code point: at the start of a line followed by
# a space, it is a bullet of some kind.
UNKNOWN = "\x00-\x08\x0e-\x1f\ufffd\ue000-\uf8ff"
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0, DEL, C1

_TRANSLATE = str.maketrans({**LIGATURES, **INVISIBLE})
_ARROW_RE = re.compile(rf"^[{ARROWS}]\s*")
_ROUND_RE = re.compile(rf"^(?:[{ROUND}]\s*|[{UNKNOWN}]\s+)")
# A dash is a bullet only when a space follows it (``—Oui`` is dialogue, not a list).
_DASH_RE = re.compile(rf"^[{DASHES}](?=\s)")
BULLET_ONLY_RE = re.compile(rf"^[{ARROWS}{ROUND}{DASHES}\-{UNKNOWN}]$")


def without_ligatures(text: str) -> str:
    """``ﬁnance`` → ``finance``; soft hyphens and zero-width marks removed."""
    return text.translate(_TRANSLATE)


def canonical_bullet(line: str) -> str:
    """The line with its leading bullet glyph replaced by ``→``, ``•`` or ``-``."""
    if not line or line[0] in "→•-":
        return line
    if _ARROW_RE.match(line):
        return _ARROW_RE.sub("→ ", line, count=1)
    if _ROUND_RE.match(line):
        return _ROUND_RE.sub("• ", line, count=1)
    if line[0] != "–" and _DASH_RE.match(line):
        return "-" + line[1:]
    return line


def normalise_line(line: str) -> str:
    """One line of extracted text with the typist's characters back (still uncleaned:
    spaces are :func:`connecteur.corpus.text.clean_line`'s business)."""
    return _CONTROLS_RE.sub("", canonical_bullet(without_ligatures(line).strip()))
