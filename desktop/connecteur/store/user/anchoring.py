"""Finding an annotated item, and a highlighted quote, again in a changed corpus text.

Pure functions (no SQL): :mod:`connecteur.store.user.reanchor` applies them to the rows.

An item is found again, in this order: still there with the same text under the same
ID; the same text under another ID (an item inserted or removed before it shifted the
ranks); the most similar text of the same kind above a threshold (a typo fixed, a
sentence added). A quote is found again: at its old position; elsewhere in the item
(the occurrence whose surrounding words agree best, then the nearest); as the closest
approximate match above a threshold. What is not found becomes an orphan, never lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

ITEM_THRESHOLD = 0.6
QUOTE_THRESHOLD = 0.75
CONTEXT_CHARS = 40
_MIN_FUZZY_QUOTE = 5


def context_around(text: str, start: int, end: int,
                   size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """A few words before and after ``text[start:end]`` (whole words when possible)."""
    before = text[max(0, start - size):start]
    after = text[end:end + size]
    if start - size > 0 and " " in before:
        before = before[before.index(" ") + 1:]
    if end + size < len(text) and " " in after:
        after = after[:after.rindex(" ")]
    return before, after


# --- items ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemMatch:
    item_id: str
    method: str  # "same", "moved" or "approximate"
    score: float


def similarity(old: str, new: str) -> float:
    """How much of ``old`` survives in ``new``: the mean of difflib's ratio and of the
    share of ``old`` found in ``new`` (so that a sentence added to an item does not
    count as much as a sentence removed)."""
    if not old or not new:
        return 0.0
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return (2 * matched / (len(old) + len(new)) + matched / len(old)) / 2


def _upper_bound(old: str, new: str) -> float:
    """A cheap bound on :func:`similarity` (difflib's quick_ratio counts letters only)."""
    matched = SequenceMatcher(None, old, new, autojunk=False).quick_ratio() \
        * (len(old) + len(new)) / 2
    return (2 * matched / (len(old) + len(new)) + min(1.0, matched / len(old))) / 2


def match_item(candidates: Sequence[tuple[str, str]], item_id: str, old_text: str,
               threshold: float = ITEM_THRESHOLD) -> ItemMatch | None:
    """Where the item once ``item_id`` with text ``old_text`` is now, among
    ``candidates`` — (id, text) pairs of the same kind in reading order."""
    texts = dict(candidates)
    if not old_text:  # made before annotations stored their item's text
        return ItemMatch(item_id, "same", 1.0) if item_id in texts else None
    if texts.get(item_id) == old_text:
        return ItemMatch(item_id, "same", 1.0)
    order = {cid: rank for rank, (cid, _) in enumerate(candidates)}
    here = order.get(item_id, _rank_hint(item_id, len(candidates)))
    exact = [cid for cid, text in candidates if text == old_text]
    if exact:
        best = min(exact, key=lambda cid: abs(order[cid] - here))
        return ItemMatch(best, "moved", 1.0)
    return _closest(candidates, item_id, old_text, threshold)


def _rank_hint(item_id: str, default: int) -> int:
    match = re.search(r"/(\d{1,6})$", item_id)
    return int(match[1]) - 1 if match else default


def _closest(candidates: Sequence[tuple[str, str]], item_id: str, old_text: str,
             threshold: float) -> ItemMatch | None:
    best: tuple[float, str] | None = None
    # The item under the same ID first: a typo fix keeps it, and it sets the bar.
    ordered = sorted(candidates, key=lambda c: c[0] != item_id)
    for cid, text in ordered:
        floor = max(threshold, best[0] if best else 0.0)
        if _upper_bound(old_text, text) < floor:
            continue
        score = similarity(old_text, text)
        if score >= floor and (best is None or score > best[0]):
            best = (score, cid)
    if best is None:
        return None
    return ItemMatch(best[1], "same" if best[1] == item_id else "approximate", best[0])


# --- quotes --------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteMatch:
    start: int
    end: int
    method: str  # "exact", "moved" or "approximate"
    score: float = 1.0


def _common_suffix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _context_agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    return (_common_suffix(text[max(0, start - len(prefix)):start], prefix)
            + _common_prefix(text[end:end + len(suffix)], suffix))


def locate_quote(text: str, quote: str, start: int, prefix: str = "", suffix: str = "",
                 threshold: float = QUOTE_THRESHOLD) -> QuoteMatch | None:
    """Where ``quote`` (once at ``start``, between ``prefix`` and ``suffix``) is in ``text``."""
    if not quote:
        return None
    if text[start:start + len(quote)] == quote:
        return QuoteMatch(start, start + len(quote), "exact")
    occurrences = _occurrences(text, quote)
    if occurrences:
        best = max(occurrences, key=lambda i: (
            _context_agreement(text, i, i + len(quote), prefix, suffix), -abs(i - start)))
        return QuoteMatch(best, best + len(quote), "moved")
    if len(quote) < _MIN_FUZZY_QUOTE:
        return None
    return _approximate(text, quote, start, prefix, suffix, threshold)


def _occurrences(text: str, quote: str) -> list[int]:
    found, index = [], text.find(quote)
    while index >= 0:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


_WORD_START = re.compile(r"(?<!\w)\w|(?<=\s)\S")
_WORD_END = re.compile(r"\w(?!\w)|\S(?=\s|$)")


def _approximate(text: str, quote: str, start: int, prefix: str, suffix: str,
                 threshold: float) -> QuoteMatch | None:
    """The span of ``text`` most like ``quote``: word-aligned windows of about the
    quote's length, scored by difflib (context and nearness break ties), then refined
    by a few characters at each end."""
    starts = sorted({m.start() for m in _WORD_START.finditer(text)})
    ends = sorted({m.end() for m in _WORD_END.finditer(text)})
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)
    low, high = len(quote) * 0.7, len(quote) * 1.3
    best: tuple[float, int, int] | None = None
    for s in starts:
        for e in ends:
            if e - s < low:
                continue
            if e - s > high:
                break
            matcher.set_seq1(text[s:e])
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = _score(matcher.ratio(), text, s, e, start, prefix, suffix)
            if best is None or score > best[0]:
                best = (score, s, e)
    if best is None:
        return None
    s, e = _refine(text, quote, best[1], best[2])
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    ratio = SequenceMatcher(None, text[s:e], quote, autojunk=False).ratio()
    return QuoteMatch(s, e, "approximate", ratio) if ratio >= threshold else None


def _score(ratio: float, text: str, s: int, e: int, start: int, prefix: str,
           suffix: str) -> float:
    context = _context_agreement(text, s, e, prefix, suffix) / max(1, len(prefix) + len(suffix))
    nearness = 1 / (1 + abs(s - start) / 100)
    return ratio + 0.05 * context + 0.01 * nearness


def _refine(text: str, quote: str, s: int, e: int, reach: int = 3) -> tuple[int, int]:
    best = (SequenceMatcher(None, text[s:e], quote, autojunk=False).ratio(), s, e)
    for ds in range(-reach, reach + 1):
        for de in range(-reach, reach + 1):
            s2, e2 = s + ds, e + de
            if 0 <= s2 < e2 <= len(text):
                ratio = SequenceMatcher(None, text[s2:e2], quote, autojunk=False).ratio()
                if ratio > best[0]:
                    best = (ratio, s2, e2)
    return best[1], best[2]
