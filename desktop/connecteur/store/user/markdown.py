"""Annotations as a readable Markdown document (all of them, or one course folder).

Built from an export document (``user_export``), so the Markdown and the JSON always
say the same thing. Each item gets its printed reference, a ``connecteur://`` link
back to it and its text as a quotation; notes keep their Markdown (they use its light
formatting) but are neutralised (:func:`neutral`): no raw HTML (``<script>``,
``<img onerror=…>`` would run in a Markdown viewer), no ``javascript:`` links, no
control characters; corpus text and quotes are escaped so they stay text, their web
addresses written once, whole, as links (:mod:`connecteur.corpus.markdown`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from connecteur.corpus import markdown as md
from connecteur.corpus.reference import french_date
from connecteur.corpus.text import find_urls, fold
from connecteur.store.user.model import KIND_LABELS, colour

# Every control character but the tab and the line feed (a CR LF becomes LF first).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The start of an HTML tag, comment, declaration or processing instruction; web and
# mail autolinks (<https://…>) are Markdown, not HTML, and stay.
_HTML_START = re.compile(r"<(?![Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)"
                         r"(?=[A-Za-z/!?])")
_SCRIPT_LINK = re.compile(r"\]\(\s*<?\s*(?=(?:javascript|vbscript|data)\s*:)", re.IGNORECASE)


def _no_controls(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\r\n", "\n"))


def neutral(text: str) -> str:
    """The trainer's Markdown, made inert: raw HTML shown as text (``&lt;script>``),
    script links no longer links, control characters removed."""
    text = _HTML_START.sub("&lt;", _no_controls(text))
    return _SCRIPT_LINK.sub(lambda m: "\\" + m[0], text)


def _escape(text: str) -> str:
    """Corpus or user text kept literal (no control characters), its web addresses as
    working links."""
    return md.inline(_no_controls(text))


def _quote_block(text: str) -> list[str]:
    """An item's text as a quotation, line by line (each line a paragraph of it)."""
    return [f"> {md.block(line)}" if line else ">" for line in text.split("\n")]


def _day(timestamp: str | None) -> str:
    try:
        return french_date(timestamp[:10]) if timestamp else ""
    except (ValueError, IndexError):
        return timestamp or ""


def _link(item_id: str) -> str:
    return f"[connecteur://{item_id}](connecteur://{item_id})"


class _Annotations:
    """The document's records grouped by item."""

    def __init__(self, document: dict) -> None:
        self.by_item: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        self.snapshots: dict[str, dict] = {}
        for kind in ("notes", "highlights", "stars", "tags"):
            for record in document.get(kind, []):
                if not record["orphan"]:
                    self.by_item[record["item_id"]][kind].append(record)
                    self.snapshots.setdefault(record["item_id"], record)

    def item_lines(self, item_id: str, snapshot: dict, heading: str) -> list[str]:
        found = self.by_item.get(item_id, {})
        marks = ["★ favori"] if found.get("stars") else []
        tags = [t["tag"] for t in found.get("tags", [])]
        if tags:
            marks.append("étiquettes : " + ", ".join(_escape(t) for t in tags))
        kind = KIND_LABELS.get(snapshot["item_kind"], "Élément")
        lines = [heading, "", f"{_escape(snapshot['item_reference'])}  ",
                 f"{kind} · {_link(item_id)}" + "".join(f" · {m}" for m in marks), ""]
        lines += [*_quote_block(snapshot["item_text"]), ""]
        for note in found.get("notes", []):
            lines += [f"**Note** ({_day(note['modified'])}) :", "", neutral(note["body"]), ""]
        for mark in found.get("highlights", []):
            lines += _highlight_lines(mark)
        return lines


def _highlight_lines(mark: dict) -> list[str]:
    name = colour(mark["colour"])
    label = name.label.lower() if name else mark["colour"]
    lines = [f"**Surlignage {label}** : « {_escape(mark['quote'])} »", ""]
    if mark["note"]:
        lines += [neutral(mark["note"]), ""]
    return lines


def _folder_lines(folder: dict, annotations: _Annotations, level: str,
                  full: bool = True) -> list[str]:
    """A folder's details and entries; ``full`` repeats each item's text and annotations
    (a folder export), otherwise each entry is one line (the folder list of a full
    export, where the items were already shown)."""
    lines = [f"{level} Dossier de formation : {_escape(folder['name'])}", ""]
    details = [("Titre", folder["title"]), ("Public", folder["audience"]),
               ("Date", _day(folder["date"]))]
    lines += [f"- {label} : {_escape(value)}" for label, value in details if value]
    lines.append("")
    attached = [e for e in folder["entries"] if not e["orphan"]]
    if not attached:
        lines += ["*Dossier vide.*", ""]
    for number, entry in enumerate(attached, start=1):
        if not full:
            lines.append(f"{number}. {_escape(entry['item_reference'])} — "
                         f"{_escape(_title(entry))} ({_link(entry['item_id'])})")
            lines += [f"   {line}" for line in neutral(entry["note"]).split("\n")] \
                if entry["note"] else []
            continue
        lines += annotations.item_lines(entry["item_id"], entry,
                                        f"{level}# {number}. {_escape(_title(entry))}")
        if entry["note"]:
            lines += ["**Note pour ce dossier** :", "", neutral(entry["note"]), ""]
    return lines + ([""] if not full else [])


def _title(snapshot: dict) -> str:
    """The item's first line, shortened, never inside a web address (a cut address
    would link elsewhere)."""
    text = snapshot["item_text"].split("\n", 1)[0]
    if len(text) <= 90:
        return text
    cut = 89
    for url in find_urls(text):
        if url.start < cut < url.end:
            cut = url.start
    return text[:cut].rstrip() + "…"


def _orphan_lines(document: dict) -> list[str]:
    lines: list[str] = []
    labels = {"notes": "Note", "highlights": "Surlignage", "stars": "Favori",
              "tags": "Étiquette"}
    for kind, label in labels.items():
        for record in document.get(kind, []):
            if record["orphan"]:
                lines += _one_orphan(label, record)
    for folder in document.get("folders", []):
        for entry in folder["entries"]:
            if entry["orphan"]:
                lines += _one_orphan(f"Élément du dossier « {_escape(folder['name'])} »", entry)
    if not lines:
        return []
    return ["## Annotations orphelines", "",
            "Le passage sur lequel elles portaient n'a pas été retrouvé dans le texte actuel "
            "du corpus ; elles sont conservées telles quelles.", "", *lines]


def _one_orphan(label: str, record: dict) -> list[str]:
    where = _escape(record["item_reference"] or record["item_id"])
    lines = [f"### {label} — {where}", "", f"Ancien lien : connecteur://{record['item_id']}", ""]
    if record.get("item_text"):
        lines += [*_quote_block(record["item_text"]), ""]
    if record.get("quote"):
        lines += [f"Passage surligné : « {_escape(record['quote'])} »", ""]
    for text in (record.get("body"), record.get("note"), record.get("tag")):
        if text:
            lines += [neutral(text), ""]
    return lines


def document_markdown(document: dict, rank: Callable[[str], int]) -> str:
    """The Markdown of an export document; ``rank`` orders items as in the corpus."""
    annotations = _Annotations(document)
    scope = document.get("scope", {})
    lines = [f"*Exporté de Connecteur le {_day(document.get('exported'))}.*", ""]
    if scope.get("kind") == "folder":
        folder = next(iter(document.get("folders", [])), None)
        lines = ["# " + (f"Dossier de formation : {_escape(folder['name'])}" if folder
                         else "Dossier de formation"), "", *lines]
        if folder:
            lines += _folder_lines(folder, annotations, "#")[2:]
    else:
        lines = ["# Mes annotations — Connecteur Recherche 2020", "", *lines]
        lines += _all_lines(document, annotations, rank)
    lines += _orphan_lines(document)
    return "\n".join(lines).rstrip() + "\n"


def _all_lines(document: dict, annotations: _Annotations,
               rank: Callable[[str], int]) -> list[str]:
    lines: list[str] = []
    session_of: dict[str, list[str]] = defaultdict(list)
    for item_id in sorted(annotations.by_item, key=rank):
        reference = annotations.snapshots[item_id]["item_reference"].split(" › ")[0]
        session_of[reference].append(item_id)
    for reference, item_ids in session_of.items():
        lines += [f"## {_escape(reference)}", ""]
        for item_id in item_ids:
            snapshot = annotations.snapshots[item_id]
            lines += annotations.item_lines(item_id, snapshot, f"### {_escape(_title(snapshot))}")
    if not session_of:
        lines += ["*Aucune annotation pour l'instant.*", ""]
    lines += _tag_lines(annotations, rank)
    for folder in document.get("folders", []):
        lines += _folder_lines(folder, annotations, "##", full=False)
    return lines


def _tag_lines(annotations: _Annotations, rank: Callable[[str], int]) -> list[str]:
    """« Par étiquette » : each tag, then the items carrying it (a tag's items are
    otherwise scattered through the sessions)."""
    by_tag: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item_id, found in annotations.by_item.items():
        for record in found.get("tags", []):
            by_tag[record["tag"].casefold()][record["tag"]].append(item_id)
    if not by_tag:
        return []
    lines = ["## Par étiquette", ""]
    for key in sorted(by_tag, key=lambda k: (fold(k), k)):
        spellings = by_tag[key]
        name = max(spellings, key=lambda spelling: len(spellings[spelling]))
        items = sorted({i for ids in spellings.values() for i in ids}, key=rank)
        count = f"{len(items)} élément{'s' if len(items) > 1 else ''}"
        lines += [f"### {_escape(name)} ({count})", ""]
        for item_id in items:
            snapshot = annotations.snapshots[item_id]
            lines.append(f"- {_escape(snapshot['item_reference'])} — "
                         f"{_escape(_title(snapshot))} ({_link(item_id)})")
        lines.append("")
    return lines
