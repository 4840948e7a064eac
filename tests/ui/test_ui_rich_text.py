"""Nothing reaches Qt rich text unescaped.

First, a reading of every module of ``connecteur.ui``: in a string that holds HTML (an
f-string, or a template given to ``.format``), each interpolated value must go through
``rich_text.h`` or be a fragment those helpers built (a name ending in ``_html``).
Then the notes panel shown hostile IDs, as a file from elsewhere could bring them: no
fake link, no resource loaded, and edit / delete still reach the right note.
"""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from user_ui_helpers import LEAD_03, open_window, user, written

import connecteur.ui
from connecteur import paths

UI = Path(connecteur.ui.__file__).parent
SAFE_CALLS = {"h", "command_link", "command_href", "colour_html"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _safe(node: ast.AST) -> bool:
    """An interpolated value that cannot bring markup of its own."""
    if isinstance(node, ast.Call):
        name = _name(node.func)
        return name in SAFE_CALLS or name.endswith("_html")
    if isinstance(node, ast.Name | ast.Attribute):
        return _name(node).endswith("_html")
    if isinstance(node, ast.Starred):
        inner = node.value
        return isinstance(inner, ast.GeneratorExp | ast.ListComp) and _safe(inner.elt)
    return False


def _template(node: ast.AST) -> str | None:
    """The literal text of a ``.format`` receiver: "…", self.tr("…"), h(self.tr("…"))."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and node.args:
        return _template(node.args[-1] if _name(node.func) == "translate" else node.args[0])
    return None


def unescaped_interpolations(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if "<" in text:
                found += [(node.lineno, ast.unparse(v.value)) for v in node.values
                          if isinstance(v, ast.FormattedValue) and not _safe(v.value)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "format"):
            template = _template(node.func.value)
            if template is not None and "<" in template:
                found += [(node.lineno, ast.unparse(a)) for a in node.args if not _safe(a)]
    return found


def test_every_rich_text_builder_escapes_what_it_interpolates() -> None:
    problems = []
    for module in sorted(UI.rglob("*.py")):
        for line, expression in unescaped_interpolations(module.read_text(encoding="utf-8")):
            problems.append(f"{module.relative_to(UI)}:{line}: {{{expression}}}")
    assert problems == [], "interpolé sans rich_text.h :\n" + "\n".join(problems)


@pytest.mark.parametrize("source, bad", [
    ('x = f"<b>{name}</b>"', "name"),
    ('x = self.tr("<p>{0}</p>").format(query)', "query"),
    ('x = f"<b>{h(name)}</b> {body_html}"', None),
    ('x = f"{name} sans balise"', None),
])
def test_the_reading_catches_what_it_should(source: str, bad: str | None) -> None:
    found = [expression for _line, expression in unescaped_interpolations(source)]
    assert found == ([bad] if bad else [])


HOSTILE_IDS = (
    'x"><a href="https://evil.example/phish">Mettre à jour Connecteur</a><i x="',
    "<img src=\"file:///etc/passwd\">",
    "avec?question#et-diese",
)


def test_hostile_ids_show_no_link_and_load_nothing(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    store = user(window)
    real = store.notes.add(LEAD_03, "une vraie note")
    written(qtbot, window)
    # Written behind the store's back, as a file from elsewhere could have them.
    with sqlite3.connect(paths.user_db_path()) as conn:
        row = conn.execute("SELECT * FROM notes WHERE id = ?", (real.id,)).fetchone()
        columns = [c[1] for c in conn.execute("PRAGMA table_info(notes)")]
        for number, hostile in enumerate(HOSTILE_IDS):
            values = dict(zip(columns, row, strict=True))
            values.update(id=hostile, body=f"note {number}")
            conn.execute(f"INSERT INTO notes ({', '.join(columns)}) VALUES "
                         f"({', '.join('?' for _ in columns)})", list(values.values()))
    window.navigate(LEAD_03)
    window.commands.choose(LEAD_03)
    panel = window.notes
    panel.reload()
    html = panel.view.document().toHtml()
    assert 'href="https://evil.example' not in html and "<img" not in html
    anchors = []
    block = panel.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    # Only the panel's own commands: an encoded ID is data, never a web or file link.
    assert not any(a.startswith(("http:", "https:", "file:")) for a in anchors), anchors
    assert "Mettre à jour Connecteur" not in panel.view.toPlainText()
    # Each hostile note can still be edited and deleted from its own links.
    for hostile in HOSTILE_IDS:
        edit = next(a for a in anchors if a.startswith("note-edit:")
                    and QUrl.fromPercentEncoding(a.split(":", 1)[1].encode()) == hostile)
        panel.view.anchorClicked.emit(QUrl(edit))
        assert panel.editor.editing and panel.editor.note_id == hostile
        panel.editor.cancel()
        delete = edit.replace("note-edit:", "note-delete:", 1)
        panel.view.anchorClicked.emit(QUrl(delete))
        written(qtbot, window)
    assert [n.id for n in store.notes.for_item(LEAD_03)] == [real.id]
