"""The project's documentation lives in the repository: every relative link of the
Markdown files resolves, and nothing points to notes kept outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MARKDOWN = sorted([REPO / "README.md", REPO / "CHANGELOG.md", REPO / "packaging" / "README.md",
                   *(REPO / "docs").glob("*.md")])
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
OUTSIDE = re.compile(r"DESIGN\.md|STACK-NOTES|notes de conception|design notes|\.\./shared",
                     re.IGNORECASE)


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                            check=False).stdout.decode().split("\0")
    if not any(listed):  # not a git checkout (an unpacked sdist): look at the folders
        listed = [str(p.relative_to(REPO)) for top in ("desktop", "tests", "packaging",
                                                       "benchmarks", "docs")
                  for p in (REPO / top).rglob("*") if p.is_file()]
    suffixes = {".py", ".md", ".toml", ".sh", ".spec", ".xml", ".desktop", ".in", ""}
    return [REPO / name for name in listed if name and Path(name).suffix in suffixes
            and (REPO / name).is_file() and name != "tests/docs/test_docs_links.py"]


def test_the_docs_exist() -> None:
    for name in ("formats.md", "contributing.md", "architecture.md"):
        assert (REPO / "docs" / name).is_file(), name


@pytest.mark.parametrize("page", MARKDOWN, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = [target for target in LINK.findall(text)
              if "://" not in target and not target.startswith("mailto:")
              and not (page.parent / target).exists()]
    assert not broken, broken


def test_nothing_points_outside_the_repository() -> None:
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for path in tracked_text_files()
             for number, line in enumerate(path.read_text(encoding="utf-8",
                                                          errors="replace").splitlines(), 1)
             if OUTSIDE.search(line)]
    assert not found, "\n".join(found)
