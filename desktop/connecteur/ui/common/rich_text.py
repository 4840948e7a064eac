"""The one way data enters Qt rich text.

Notes, tags, folder names, imported IDs and search words come from the trainer or
from files: in a QLabel, a QTextBrowser or a delegate that renders HTML, one of them
could otherwise show a fake link or make Qt load a resource (``<img src=…>``).

The rule, checked by ``tests/ui/test_ui_rich_text.py`` on every module of ``ui``:
in a string that holds HTML, every interpolated value is either passed through
:func:`h` (text and attribute values alike), or is a fragment already built by these
helpers, held in a name ending in ``_html``. Internal command links carry their
target percent-encoded (:func:`command_href`), so an ID holding ``?``, ``#`` or ``"``
comes back whole from :func:`parse_command`.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, unquote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor


def h(value: object) -> str:
    """``value`` as text (or attribute value) in HTML: ``< > & " '`` are escaped."""
    return escape(str(value), quote=True)


def colour_html(colour: QColor) -> str:
    """A colour for an HTML attribute or CSS (always ``#rrggbb``, whatever it came from)."""
    return QColor(colour).name()


def command_href(command: str, target: str) -> str:
    """``command:target`` for an internal link, the target percent-encoded."""
    return f"{command}:{quote(target, safe='')}"


def command_link(command: str, target: str, label_html: str, title: str = "",
                 css_class: str = "") -> str:
    """``<a href="command:target">label</a>``; ``label_html`` is already HTML."""
    extra_html = f' title="{h(title)}"' if title else ""
    extra_html += f' class="{h(css_class)}"' if css_class else ""
    return f'<a href="{h(command_href(command, target))}"{extra_html}>{label_html}</a>'


def parse_command(url: QUrl | str, commands: tuple[str, ...]) -> tuple[str, str] | None:
    """(command, target) of an internal link made by :func:`command_link`; None for
    anything else (a web link, an unknown scheme)."""
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded) \
        if isinstance(url, QUrl) else url
    command, separator, target = text.partition(":")
    if not separator or command not in commands:
        return None
    return command, unquote(target)
