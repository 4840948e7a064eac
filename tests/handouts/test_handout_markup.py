"""Corpus text and notes become ReportLab markup safely: anything prints literally,
the trainer's light formatting works, and long words stay inside the margins."""

from __future__ import annotations

import pytest
from handout_pdfs import squash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connecteur.handouts import markup
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import SideColumn, Text
from connecteur.handouts.fonts import register_fonts
from connecteur.handouts.markup import Mark
from connecteur.handouts.styles import Styles, geometry
from connecteur.handouts.typography import french, protected_spans
from connecteur.store import CorpusStore

INJECTIONS = [
    "<b>gras</b> & <font color=red>rouge</font>",
    "<i>non fermé", "</para>", "<para>", "<br/>", "]]>", "&amp; &lt; &#x41; &unknown;",
    "<a href='javascript:alert(1)'>lien</a>", '<img src="/etc/passwd"/>', "<<>>", "a < b > c",
    "<onDraw name=x label=y/>", "<seq id=x/>", "<!-- commentaire -->", "<?xml ?>",
]


@pytest.fixture(scope="module")
def styles() -> Styles:
    register_fonts()
    return Styles()


def plain(markup_text: str, styles: Styles) -> str:
    return Text(markup_text, styles.body).getPlainText()


@pytest.mark.parametrize("text", INJECTIONS)
def test_markup_in_text_prints_literally(text: str, styles: Styles) -> None:
    assert plain(markup.escape(text), styles) == markup.typeset(text)


def test_what_cannot_be_printed_is_dropped_not_fatal(styles: Styles) -> None:
    text = "nul\x00 cloche\x07 tab\tfin \ud800 surrogate \ufffe"
    assert plain(markup.escape(text), styles) == "nul cloche tab fin surrogate"


def test_typography_keeps_offsets() -> None:
    text = "Pourquoi ? Parce que : « ceci » ; voilà !"
    shown = markup.typeset(text)
    assert len(shown) == len(text)
    assert shown == ("Pourquoi\u00a0? Parce que\u00a0: «\u00a0ceci\u00a0»\u00a0; "
                     "voilà\u00a0!")


def test_marks_overlap_and_stay_well_formed(styles: Styles) -> None:
    text = "voir https://example.org/a?b=1&c=2 pour <plus>"
    url = "https://example.org/a?b=1&c=2"
    start = text.index(url)
    marks = [*markup.link_marks(text), Mark(0, start + 8, "highlight", "#fff0a0"),
             Mark(2, 6, "bold")]
    rendered = markup.render(text, marks, [markup.Insert(len(text), "<super>1</super>")])
    assert 'href="https://example.org/a?b=1&amp;c=2"' in rendered
    assert plain(rendered, styles) == text + "1"


def test_light_formatting_of_notes(styles: Styles) -> None:
    note = ("Première ligne **en gras** et [la fiche](https://www.cnfpt.fr/fiche)\n"
            "suite du paragraphe https://fing.org/x.\n\n"
            "- un point\n* un autre\n1. numéroté\n\nFin ** pas du gras")
    blocks = markup.note_blocks(note)
    assert [b.kind for b in blocks] == ["para", "item", "item", "item", "para"]
    first = blocks[0]
    assert first.text == ("Première ligne en gras et la fiche\n"
                          "suite du paragraphe https://fing.org/x.")
    kinds = {(m.kind, first.text[m.start:m.end], m.value) for m in first.marks}
    assert kinds == {("bold", "en gras", ""), ("link", "la fiche", "https://www.cnfpt.fr/fiche"),
                     ("link", "https://fing.org/x", "https://fing.org/x")}
    rendered = markup.block_markup(first, lambda s: 5.0 * len(s), 400, 10)
    assert "<br/>" in rendered and "<b>en gras</b>" in rendered
    assert [b.text for b in blocks[1:]] == ["un point", "un autre", "numéroté",
                                           "Fin ** pas du gras"]


def test_label_that_is_an_address_is_linked_once() -> None:
    text, marks = markup.inline("[https://a.fr/x](https://b.fr/y) et https://c.fr")
    assert text == "https://a.fr/x et https://c.fr"
    assert sorted((m.start, m.value) for m in marks) == [(0, "https://b.fr/y"),
                                                          (18, "https://c.fr")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300),
       spans=st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300),
                                st.sampled_from(["link", "highlight", "bold"])), max_size=6))
def test_any_text_with_any_marks_parses_and_prints_itself(text: str, spans, styles: Styles
                                                           ) -> None:
    marks = [Mark(min(a, b), max(a, b), kind, "https://x.fr/?a=1&b=2" if kind == "link"
                  else "#cfe3f7") for a, b, kind in spans]
    rendered = markup.render(text, marks)
    clean = markup.clean(text)
    kept = {(m.start, m.end) for m in marks if m.kind == "link" and 0 <= m.start < m.end
            <= len(clean)} | set(protected_spans(clean))
    assert squash(plain(rendered, styles)) == squash(french(clean, sorted(kept)).text)


@settings(max_examples=100, deadline=None)
@given(note=st.lists(st.sampled_from([*"ab *-[]()<>&/:\n", "https://x.fr/", "**", "\n\n",
                                      "[a](https://y.fr)"]), max_size=80).map("".join))
def test_any_note_parses(note: str, styles: Styles) -> None:
    for block in markup.note_blocks(note):
        Text(markup.block_markup(block, lambda s: 5.0 * len(s), 300, 10), styles.note)


def _overflow(paragraph: Text, width: float) -> float:
    """How far the paragraph's widest line runs past its width (<= 0: inside). Only
    lines set without justification count: a justified line may be a little too long,
    its spaces then shrink when it is drawn."""
    paragraph.wrap(width, 1e6)
    lines = paragraph.blPara.lines
    spare = [line.extraSpace if hasattr(line, "extraSpace") else line[0] for line in lines
             if not hasattr(line, "extraSpace") or line.lineBreak]
    return -min(spare, default=0.0)


def _renderer(styles: Styles) -> EntryRenderer:
    return EntryRenderer(styles, geometry("a4"), None, SideColumn(geometry("a4")))


def _lines(paragraph: Text) -> list[str]:
    return ["".join(getattr(w, "text", "") for w in line.words) if hasattr(line, "words")
            else " ".join(line[1]) for line in paragraph.blPara.lines]


def test_corpus_urls_stay_inside_the_margins_and_keep_their_scheme(store: CorpusStore,
                                                                   styles: Styles) -> None:
    """Web addresses wider than what is left of a line start on a line of their own and
    are cut after ``/`` and the like, never right after ``https://``."""
    renderer = _renderer(styles)
    width = geometry("a4").frame_width
    longest = 0
    for resource in store.resources():
        longest = max(longest, *(len(u) for u in resource.urls), 0)
        numbers = {u: i for i, u in enumerate(resource.urls, 1)} if len(resource.urls) > 1 \
            else None
        paragraph = Text(renderer.markup(resource.text, styles.entry, numbers=numbers),
                         styles.entry)
        assert _overflow(paragraph, width) < 0.5, resource.id
        assert not [line for line in _lines(paragraph)
                    if line.rstrip().endswith(("://", "https:", "http:"))], resource.id
    assert longest > 150


@pytest.mark.parametrize("word", ["https://example.org/" + "segment-" * 400,
                                  "https://example.org/" + "a" * 5000,
                                  "x" * 3000, "abc-" * 800])
def test_words_longer_than_a_line_are_cut_to_fit(word: str, styles: Styles) -> None:
    text = f"Voir {word} puis la suite."
    paragraph = Text(_renderer(styles).markup(text, styles.body), styles.body)
    assert _overflow(paragraph, geometry("a4").frame_width) < 0.5
    assert squash(paragraph.getPlainText()) == squash(text)


def test_lines_with_a_web_address_are_ragged(styles: Styles) -> None:
    """A justified paragraph does not stretch the line that holds a web address, nor
    the line before one that starts with it."""
    text = ("Imprimantes 3D à Rennes https://metropole.rennes.fr/les-visieres-des-pompiers-en-"
            "imprimante-3d + organisations de hackatons Bretagne avec les acteurs et collectifs "
            "impliqués, mobilisés pendant toute la durée de la crise sanitaire.")
    paragraph = Text(_renderer(styles).markup(text, styles.lead_item), styles.lead_item)
    paragraph.wrap(geometry("a4").frame_width, 1e6)
    lines = paragraph.blPara.lines
    with_link = [i for i, line in enumerate(lines)
                 if any(getattr(w, "link", None) and w.text.strip() for w in line.words)]
    assert with_link and all(lines[i].lineBreak for i in with_link)
    assert lines[with_link[0] - 1].lineBreak  # the address did not fit after "Rennes"
    assert not lines[-2].lineBreak or lines[-2] in [lines[i] for i in with_link]


def test_several_addresses_are_numbered_like_their_codes(store: CorpusStore,
                                                         styles: Styles) -> None:
    resource = store.get("2020-05-20/s4/resource/04")  # four works, four addresses
    numbers = {u: i for i, u in enumerate(resource.urls, 1)}
    plain_text = Text(_renderer(styles).markup(resource.text, styles.entry, numbers=numbers),
                      styles.entry).getPlainText()
    for number, url in enumerate(resource.urls, 1):
        assert f"[{number}]\u00a0{url}" in plain_text
