"""The accessible HTML edition: valid HTML (html5lib, errors raised), French, headings
in order, real lists and links, no script nor outside resource, and the same content
and editions as the PDF."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from handout_pdfs import (
    FOLDER_ITEMS,
    NOTES,
    PRINTED_NOTES,
    URL_NUMBER,
    annotations,
    printed,
    squash,
)

from connecteur.handouts import render_html, request_for_items, request_for_library
from connecteur.handouts.html import build_handout_html
from connecteur.store import CorpusStore

SCRIPT = Path(sys.executable).with_name("connecteur-cli")
HEADINGS = {f"h{n}": n for n in range(1, 7)}


@pytest.fixture(scope="module")
def pages(store: CorpusStore) -> dict[str, str]:
    return {
        "participant": render_html(request_for_library(store, annotations=annotations(store))),
        "trainer": render_html(request_for_library(store, edition="trainer",
                                                   trainer_name="Camille Martin",
                                                   annotations=annotations(store))),
        "folder": render_html(request_for_items(store, FOLDER_ITEMS, "Manager en crise",
                                                edition="trainer", paper="letter",
                                                annotations=annotations(store))),
    }


def parse(document: str) -> ElementTree.Element:
    """The document's tree; any parse error (html5lib's validation) raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(document)


def text_of(root: ElementTree.Element) -> str:
    return "".join(root.itertext())


def shown(root: ElementTree.Element) -> str:
    """The page's text squashed, without the numbers of web addresses."""
    return URL_NUMBER.sub("", squash(text_of(root)))


@pytest.mark.parametrize("name", ["participant", "trainer", "folder"])
def test_valid_french_and_self_contained(name: str, pages: dict[str, str]) -> None:
    document = pages[name]
    root = parse(document)
    assert root.get("lang") == "fr"
    assert document.startswith("<!DOCTYPE html>")
    assert root.find("head/meta").get("charset") == "utf-8"
    assert not root.findall(".//script") and not root.findall(".//link")
    assert not re.search(r"\b(?:src|@import|url\()", document)  # no outside resource
    assert "@media print" in root.find("head/style").text


@pytest.mark.parametrize("name", ["participant", "trainer", "folder"])
def test_headings_never_skip_a_level(name: str, pages: dict[str, str]) -> None:
    root = parse(pages[name])
    levels = [HEADINGS[e.tag] for e in root.iter() if e.tag in HEADINGS]
    assert levels[0] == 1 and levels.count(1) == 1
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == []
    assert {4, 5} <= set(levels) or name == "folder"  # parts, then their themes


def test_the_checker_sees_a_skipped_level_and_a_parse_error() -> None:
    with pytest.raises(html5lib.html5parser.ParseError):
        parse("<!DOCTYPE html><html lang=fr><head><title>x</title></head><body><p>a</b>")
    root = parse("<!DOCTYPE html><html lang=fr><head><title>x</title></head>"
                 "<body><h1>a</h1><h3>b</h3></body></html>")
    levels = [HEADINGS[e.tag] for e in root.iter() if e.tag in HEADINGS]
    assert levels == [1, 3]


def test_same_content_as_the_pdf(store: CorpusStore, pages: dict[str, str]) -> None:
    text = shown(parse(pages["participant"]))
    for session in store.sessions:
        segments = [session.title, *session.introduction.split("\n\n")]
        for theme in session.themes:
            segments += [theme.title, *([theme.part] if theme.part else [])]
            for lead in theme.leads:
                segments += [lead.body, *lead.items]
        segments += [x for site in session.field_sites for x in (site.body, *site.items)]
        segments += [r.text for r in (*session.resources, *session.speakers)]
        missing = [s[:50] for s in segments if printed(s) not in text]
        assert not missing, (session.id, missing)
    about = [b.heading or b.text for b in store.library.about.blocks]
    assert all(printed(block) in text for block in about)


def test_links_lists_and_contents(store: CorpusStore, pages: dict[str, str]) -> None:
    root = parse(pages["participant"])
    hrefs = [a.get("href") for a in root.iter("a")]
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    internal = [h[1:] for h in hrefs if h.startswith("#")]
    assert internal and set(internal) <= ids  # the table of contents resolves
    urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources) for u in x.urls}
    mails = {h for h in hrefs if h.startswith("mailto:")}
    assert {h for h in hrefs if not h.startswith(("#", "mailto:"))} == urls
    assert len(mails) == 5
    leads = root.findall(".//ul[@class='leads']/li")
    assert len(leads) == sum(len(s.leads) for s in store.sessions) == 125
    codes = root.findall(".//span[@class='qr']")
    assert len(codes) == sum(len(x.urls) for s in store.sessions
                             for x in (*s.field_sites, *s.resources))
    assert all(c.find("{http://www.w3.org/2000/svg}svg") is not None or c.find("svg")
               is not None for c in codes)
    toc = root.find(".//nav[@class='contents']")
    assert len(toc.findall("./ol/li")) == 1 + len(store.sessions)  # À propos, sessions


def test_editions_differ_as_in_the_pdf(pages: dict[str, str]) -> None:
    participant = squash(text_of(parse(pages["participant"])))
    trainer = squash(text_of(parse(pages["trainer"])))
    for note in PRINTED_NOTES:
        assert printed(note) not in participant, note
        assert printed(note) in trainer, note
    assert "ne pas distribuer" in pages["trainer"] and "Camille Martin" in pages["trainer"]
    assert "ne pas distribuer" not in pages["participant"]
    assert len(NOTES) == 7
    assert "<mark" in pages["trainer"] and "<mark" not in pages["participant"]


def test_folder_lists_each_session_once(pages: dict[str, str]) -> None:
    root = parse(pages["folder"])
    toc = [squash(text_of(a)) for a in root.find(".//nav").iter("a")]
    assert len(toc) == len(set(toc))
    assert "7élémentschoisisdans4sessions" in squash(text_of(root.find(".//header")))


def test_written_whole_and_from_the_command_line(store: CorpusStore, tmp_path: Path) -> None:
    result = build_handout_html(request_for_library(store), tmp_path / "support.html")
    assert result.pages == 0 and result.size == (tmp_path / "support.html").stat().st_size
    run = subprocess.run([str(SCRIPT), "handout", "--session", "2020-05-20/s2", "--format",
                          "html", "--edition", "trainer", "-o", "s2.html"], cwd=tmp_path,
                         capture_output=True, text=True, env=dict(os.environ), timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "Support écrit : s2.html (HTML accessible, édition formateur·rice).\n"
    root = parse((tmp_path / "s2.html").read_text(encoding="utf-8"))
    assert root.find(".//h1").text == store.get("2020-05-20/s2").title
    urls = {a.get("href") for a in root.iter("a") if a.get("href").startswith("http")}
    assert urls == {u for x in store.get("2020-05-20/s2").resources for u in x.urls} | {
        u for x in store.get("2020-05-20/s2").field_sites for u in x.urls}
