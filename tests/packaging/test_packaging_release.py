"""One version, three places that must agree: ``connecteur.__version__`` (the only place
it is written; setuptools reads it), CHANGELOG.md's latest release, and the AppStream
metainfo's latest <release>, whose French notes are the changelog's items."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import connecteur

REPO = Path(__file__).resolve().parents[2]
CHANGELOG = REPO / "CHANGELOG.md"
METAINFO = REPO / "packaging" / "linux" / "fr.cnfpt.Connecteur.metainfo.xml"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$")
SUBHEADINGS = {"Ajouté", "Modifié", "Obsolète", "Supprimé", "Corrigé", "Sécurité"}


@dataclass
class Release:
    name: str
    date: str | None
    items: list[str]


def changelog_releases() -> list[Release]:
    releases: list[Release] = []
    for line in CHANGELOG.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            releases.append(Release(heading["name"], heading["date"], []))
        elif line.startswith("### "):
            assert releases and line[4:].strip() in SUBHEADINGS, line
        elif line.startswith("- ") and releases:
            releases[-1].items.append(line[2:].strip())
        elif line.startswith("## "):
            raise AssertionError(f"titre de version mal formé : {line!r}")
    return releases


def plain(markdown: str) -> str:
    """What a changelog item says once its Markdown is gone (metainfo has no markup)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return text.replace("`", "").replace("**", "").replace("*", "")


def metainfo_releases() -> list[ET.Element]:
    return ET.parse(METAINFO).getroot().findall("./releases/release")


def test_changelog_follows_keep_a_changelog() -> None:
    releases = changelog_releases()
    text = CHANGELOG.read_text(encoding="utf-8")
    assert text.startswith("# Journal des modifications\n")
    assert "keepachangelog.com" in text
    assert releases[0].name == "Non publié" and releases[0].date is None
    versions = [r for r in releases[1:]]
    assert versions, "aucune version publiée"
    for release in versions:
        assert re.fullmatch(r"\d+\.\d+\.\d+", release.name), release.name
        assert release.date, f"{release.name} sans date"
        assert release.items, f"{release.name} sans notes"
    dates = [r.date for r in versions]
    assert dates == sorted(dates, reverse=True), "versions : la plus récente d'abord"


def test_version_is_written_once_and_read_by_setuptools() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert "version" not in project["project"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "connecteur.__version__"}
    version = connecteur.__version__
    for path in [*(REPO / "packaging").glob("*.py"), REPO / "packaging" / "connecteur.spec",
                 REPO / "Makefile", REPO / "pyproject.toml"]:
        assert version not in path.read_text(encoding="utf-8"), f"version écrite dans {path}"


def test_latest_releases_agree() -> None:
    latest = changelog_releases()[1]
    release = metainfo_releases()[0]
    assert latest.name == connecteur.__version__
    assert release.get("version") == connecteur.__version__
    assert release.get("date") == latest.date


def test_every_metainfo_release_carries_the_changelog_notes() -> None:
    published = {r.name: r for r in changelog_releases()[1:]}
    releases = metainfo_releases()
    assert [r.get("version") for r in releases] == list(published), \
        "les mêmes versions, dans le même ordre"
    for release in releases:
        entry = published[release.get("version")]
        french = [li.text.strip() for li in release.findall("./description/ul/li")
                  if li.get(LANG) == "fr"]
        english = [li for li in release.findall("./description/ul/li") if li.get(LANG) is None]
        assert french == [plain(item) for item in entry.items], entry.name
        assert len(english) == len(french), f"{entry.name} : une traduction anglaise par note"
