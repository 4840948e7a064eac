"""The light formatting of notes, stored as plain text and rendered by each front end.

What a trainer can type: paragraphs separated by a blank line; list items starting with
``- `` (or ``* ``, ``• ``); ``**bold**``; links, either bare (``https://…``,
``connecteur://…``) or ``[text](https://…)``. :func:`note_blocks` gives the structure
(the window and the PDF handout draw it), :func:`note_html` a safe HTML rendering for
Qt rich text and ReportLab paragraphs: every character of the note is escaped, only
the formatting above becomes markup, and only web, mail and ``connecteur://`` links
become links (never ``javascript:``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*(?:[-*•])\s+")
_INLINE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<href>[^)\s]+)\)"
    r"|(?P<url>(?:https?://|connecteur://|mailto:)[^\s<>«»\"]+[^\s<>«»\".,;:!?)])")
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "connecteur://")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" or "item"
    spans: tuple[Span, ...]


def _safe(href: str) -> str | None:
    return href if href.lower().startswith(_SAFE_SCHEMES) else None


def inline_spans(text: str) -> tuple[Span, ...]:
    spans, last = [], 0
    for match in _INLINE.finditer(text):
        if match.start() > last:
            spans.append(Span(text[last:match.start()]))
        if match["bold"] is not None:
            spans.append(Span(match["bold"], bold=True))
        elif match["label"] is not None:
            href = _safe(match["href"])
            spans.append(Span(match["label"], href=href) if href else Span(match.group(0)))
        else:
            spans.append(Span(match["url"], href=match["url"]))
        last = match.end()
    if last < len(text):
        spans.append(Span(text[last:]))
    return tuple(spans)


def note_blocks(body: str) -> list[Block]:
    """Paragraphs and list items; the lines of a paragraph are kept as line breaks."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", inline_spans("\n".join(paragraph))))
            paragraph.clear()

    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            flush()
        elif _BULLET.match(line):
            flush()
            blocks.append(Block("item", inline_spans(_BULLET.sub("", line, count=1))))
        else:
            paragraph.append(line)
    flush()
    return blocks


def _span_html(span: Span) -> str:
    text = html.escape(span.text, quote=False).replace("\n", "<br/>")
    if span.bold:
        text = f"<b>{text}</b>"
    if span.href:
        text = f'<a href="{html.escape(span.href, quote=True)}">{text}</a>'
    return text


def note_html(body: str) -> str:
    """A safe HTML fragment (``<p>``, ``<ul><li>``, ``<b>``, ``<a href>``, ``<br/>``)."""
    return blocks_html((block.kind == "item", "".join(_span_html(s) for s in block.spans))
                       for block in note_blocks(body))


def blocks_html(blocks: Iterable[tuple[bool, str]]) -> str:
    """(is a list item, its HTML) pairs as paragraphs, consecutive items in one list."""
    out: list[str] = []
    in_list = False
    for is_item, content in blocks:
        if is_item != in_list:
            out.append("<ul>" if is_item else "</ul>")
            in_list = is_item
        out.append(f"<li>{content}</li>" if is_item else f"<p>{content}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def note_plain(body: str) -> str:
    """The note without its formatting marks (for previews and indexing)."""
    lines = []
    for block in note_blocks(body):
        text = "".join(s.text for s in block.spans)
        lines.append(f"• {text}" if block.kind == "item" else text)
    return "\n".join(lines)
