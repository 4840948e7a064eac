"""The library as JSON (the shape of docs/formats.md with its additions) and as Markdown
whose links, rendered GitHub-style, all point to the library's addresses."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from connecteur import paths
from connecteur.corpus import Library, load_corpus
from connecteur.corpus.export import library_dict, library_markdown
from connecteur.corpus.text import find_urls


@pytest.fixture(scope="module")
def library() -> Library:
    return load_corpus(paths.corpus_text_path())


def gfm() -> MarkdownIt:
    """CommonMark with GitHub's tables, strikethrough and autolinks of bare addresses
    (``http(s)://`` and ``www.``, not any word that looks like a domain)."""
    md = MarkdownIt("gfm-like")
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    return md


def links(markdown: str) -> list[str]:
    tokens = gfm().parse(markdown)
    return [child.attrs["href"] for token in tokens if token.children
            for child in token.children if child.type == "link_open"]


def rendered_text(markdown: str) -> str:
    tokens = gfm().parse(markdown)
    return "".join(child.content for token in tokens if token.children
                   for child in token.children if child.type == "text")


def test_json_additions_keep_every_key(library: Library) -> None:
    data = library_dict(library)
    assert (data["format"], data["version"]) == ("connecteur-library", 1)
    (document,) = data["documents"]
    assert document["dates"] == ["2020-05-20", "2020-07-03"]
    about = document["about"]
    assert about["title"] == "À propos du Connecteur Recherche"
    assert about["links"] == list(library.about.links) and len(about["links"]) == 5
    assert "Comment lire ce document ?" in about["text"]
    assert {b["kind"] for b in about["blocks"]} == {"paragraph", "item", "heading"}
    assert [b["text"] for b in about["blocks"] if b["kind"] == "heading"] == [
        "Comment lire ce document ?", "Contacts :"]
    for event in data["events"]:
        for session in event["sessions"]:
            themes = {t["id"]: t for t in session["themes"]}
            assert themes and all(set(t) == {"id", "part", "title"} for t in themes.values())
            for lead in session["leads"]:
                theme = themes[lead["theme_id"]]
                assert (theme["title"], theme["part"]) == (lead["theme"], lead["part"])
    sessions = [s for e in data["events"] for s in e["sessions"]]
    assert sum(len(s["themes"]) for s in sessions) == 36
    assert [p["title"] for p in sessions[6]["themes"][:1]] == ["Gouvernance en crise : "
                                                               "changement de priorités"]


def test_markdown_links_go_to_the_library_addresses_once(library: Library) -> None:
    text = library_markdown(library)
    urls = {u for s in library.sessions for x in (*s.field_sites, *s.resources, *s.leads)
            for u in (x.urls if hasattr(x, "urls") else [f.url for f in find_urls(x.text)])}
    hrefs = links(text)
    web = [h for h in hrefs if not h.startswith("mailto:")]
    assert set(web) == urls and len(urls) > 90
    item_urls = [u for s in library.sessions for x in (*s.field_sites, *s.resources)
                 for u in x.urls]
    assert sorted(web) == sorted(item_urls + [f.url for s in library.sessions
                                              for lead in s.leads for f in find_urls(lead.text)])
    assert sorted(h for h in hrefs if h.startswith("mailto:")) == sorted(
        f"mailto:{m}" for b in library.about.blocks
        for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", b.text))


def test_markdown_renders_the_text_literally(library: Library) -> None:
    text = library_markdown(library)
    shown = rendered_text(text)
    assert "\\" not in shown  # no escape left visible
    for item in (x for s in library.sessions for x in (*s.resources, *s.field_sites,
                                                        *s.leads)):
        for line in item.text.split("\n"):
            line = line.removeprefix("- ")
            for url in find_urls(line):  # shown as a renderer shows a link's text
                line = line.replace(url.url, gfm().normalizeLinkText(url.url))
            assert line in shown, (item.id, line)
    # a bullet holding two references keeps its line break (a hard break)
    assert "disponible>\\\n  Plateforme nationale risques et crises" in text


def test_markdown_keeps_a_line_that_looks_like_markup_as_text() -> None:
    from connecteur.corpus import markdown as md

    assert md.block("# pas un titre\n1. pas une liste\n- ni un tiret") == (
        "\\# pas un titre\\\n1\\. pas une liste\\\n\\- ni un tiret")
    assert links(md.inline("voir https://www.persee.fr/doc/aru_0180-930x_2007#x_y fin")) == [
        "https://www.persee.fr/doc/aru_0180-930x_2007#x_y"]
    assert rendered_text(md.inline("a_b *c* [d] <e>")) == "a_b *c* [d] <e>"
