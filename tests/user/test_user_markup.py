"""The light formatting of notes and its safe HTML rendering (Qt rich text, ReportLab)."""

from __future__ import annotations

from test_user_notes import NASTY

from connecteur.store.user.markup import Block, Span, note_blocks, note_html, note_plain


def test_paragraphs_lists_bold_links() -> None:
    body = ("Question d'ouverture :\nsur **deux** lignes\n\n- premier point\n* second, voir "
            "https://www.cnfpt.fr/a.\n\nLire [la piste](connecteur://2020-05-20/s1/lead/03).")
    assert note_blocks(body) == [
        Block("paragraph", (Span("Question d'ouverture :\nsur "), Span("deux", bold=True),
                            Span(" lignes"))),
        Block("item", (Span("premier point"),)),
        Block("item", (Span("second, voir "), Span("https://www.cnfpt.fr/a",
                                                   href="https://www.cnfpt.fr/a"),
                       Span("."))),
        Block("paragraph", (Span("Lire "), Span("la piste",
                                                href="connecteur://2020-05-20/s1/lead/03"),
                            Span("."))),
    ]
    assert note_html(body) == (
        "<p>Question d'ouverture :<br/>sur <b>deux</b> lignes</p><ul><li>premier point</li>"
        '<li>second, voir <a href="https://www.cnfpt.fr/a">https://www.cnfpt.fr/a</a>.</li>'
        '</ul><p>Lire <a href="connecteur://2020-05-20/s1/lead/03">la piste</a>.</p>')
    assert note_plain(body).splitlines()[2] == "• premier point"


def test_nothing_typed_becomes_markup() -> None:
    rendered = note_html(NASTY + "\n\n[clic](javascript:alert(1))")
    assert "<script>" not in rendered and "&lt;script&gt;alert(\"x\")&lt;/script&gt;" in rendered
    assert "&amp;" in rendered and "😀🎓" in rendered
    assert 'href="javascript' not in rendered and "[clic](javascript:alert(1))" in rendered
    assert '<a href="https://a.fr">lien</a>' in rendered
