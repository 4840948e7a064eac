"""Text from the trainer's data, made safe to print on a terminal.

Folder names, notes, tags, imported documents and identifiers can come from someone
else's file. Printed as they are, escape sequences in them would clear the screen,
retitle the window, plant clickable links (OSC 8) or rewrite the lines above; bidi
controls would reorder what is shown. :func:`terminal_safe` removes every escape
sequence and control character except line breaks and tabs, and replaces what cannot
be encoded (a lone surrogate) with "�". Every command prints through :func:`say`,
and its JSON through :func:`json_safe`.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

# CSI (ESC [ …), OSC (ESC ] … BEL or ST: titles, hyperlinks), DCS/SOS/PM/APC strings,
# then any other ESC pair; the same introducers in their 8-bit forms (C1).
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]P^_X]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x7e]?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences or control characters (line breaks and tabs
    kept), encodable as UTF-8."""
    text = _SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def one_line(text: str) -> str:
    """:func:`terminal_safe` text on one line (a name in a list: line breaks and tabs
    become single spaces)."""
    return " ".join(terminal_safe(text).split())


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_safe(text: str) -> str:
    """JSON text (``json.dumps`` output) with the characters a terminal would act on
    written as ``\\uXXXX`` escapes: the data stays exactly the same for a script, and
    nothing reaches the terminal raw (``json.dumps`` already escapes C0 controls)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def say(*parts: object, file: TextIO | None = None, end: str = "\n") -> None:
    """``print`` for text that may hold the trainer's data (safe, see above)."""
    text = " ".join(str(part) for part in parts)
    (file or sys.stdout).write(terminal_safe(text) + end)
