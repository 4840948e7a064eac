"""Corpus text and notes become ReportLab markup safely: anything prints literally,
the trainer's light formatting works, and long words stay inside the margins."""

from __future__ import annotations

import pytest
from handout_pdfs import squash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connecteur.handouts import markup
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import Text, WithCodes
from connecteur.handouts.fonts import register_fonts
from connecteur.handouts.markup import Mark
from connecteur.handouts.styles import Styles, geometry
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
    assert squash(plain(rendered, styles)) == squash(markup.typeset(markup.clean(text)))


@settings(max_examples=100, deadline=None)
@given(note=st.lists(st.sampled_from([*"ab *-[]()<>&/:\n", "https://x.fr/", "**", "\n\n",
                                      "[a](https://y.fr)"]), max_size=80).map("".join))
def test_any_note_parses(note: str, styles: Styles) -> None:
    for block in markup.note_blocks(note):
        Text(markup.block_markup(block, lambda s: 5.0 * len(s), 300, 10), styles.note)


def _overflow(paragraph: Text, width: float) -> float:
    """How far the paragraph's widest line runs past its width (<= 0: inside; justified
    lines may exceed it a little, their spaces shrink)."""
    paragraph.wrap(width, 1e6)
    lines = paragraph.blPara.lines
    spare = [line.extraSpace if hasattr(line, "extraSpace") else line[0] for line in lines]
    return -min(spare)


def test_corpus_urls_stay_inside_the_margins(store: CorpusStore, styles: Styles) -> None:
    renderer = EntryRenderer(styles, geometry("a4"), None)
    width = geometry("a4").frame_width - (WithCodes.gap + 1.7 * 28.3465)
    longest = 0
    for resource in store.resources():
        longest = max(longest, *(len(u) for u in resource.urls), 0)
        text = renderer.markup(resource.text, styles.entry, codes=bool(resource.urls))
        assert _overflow(Text(text, styles.entry), width) < 0.5, resource.id
    assert longest > 150


@pytest.mark.parametrize("word", ["https://example.org/" + "segment-" * 400,
                                  "https://example.org/" + "a" * 5000,
                                  "x" * 3000, "abc-" * 800])
def test_words_longer_than_a_line_are_cut_to_fit(word: str, styles: Styles) -> None:
    renderer = EntryRenderer(styles, geometry("a4"), None)
    text = f"Voir {word} puis la suite."
    paragraph = Text(renderer.markup(text, styles.body), styles.body)
    assert _overflow(paragraph, geometry("a4").frame_width) < 0.5
    assert squash(paragraph.getPlainText()) == squash(text)
