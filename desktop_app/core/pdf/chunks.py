"""Very long paragraphs cut into pieces before layout, so their cost grows with their length.

reportlab lays out a paragraph as a whole and, each time it splits one across a column or a
page, lays out the rest again: a paragraph of n characters over p pages costs about n x p, the
square of its length (50 KB took 1.3 s, 200 KB 10.7 s, and a 1 MB paste hung the export).
Cutting it into pieces of a few thousand characters, at the end of a sentence or else between
words, keeps every word and makes the cost linear. Paragraphs of ordinary length are untouched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..markup import Run

CHUNK_CHARS = 3000
# Look back this far from the limit for a sentence end before settling for a space.
_LOOK_BACK = 1500
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+")
_SPACE = re.compile(r"\s+")


def split_runs(runs: list[Run], limit: int = CHUNK_CHARS) -> list[list[Run]]:
    """The runs of one paragraph as one or more pieces of at most about ``limit`` characters.

    Joined again, the pieces hold exactly the original text: nothing is dropped or added.
    """
    if sum(len(r.text) for r in runs) <= limit:
        return [runs]
    pieces: list[list[Run]] = []
    current: list[Run] = []
    size = 0
    queue = list(runs)
    while queue:
        run = queue.pop(0)
        room = limit - size
        if len(run.text) <= room:
            current.append(run)
            size += len(run.text)
            continue
        cut = _cut_point(run.text, room, size == 0)
        if cut > 0:
            current.append(replace(run, text=run.text[:cut]))
            queue.insert(0, replace(run, text=run.text[cut:]))
        else:
            queue.insert(0, run)  # nothing fits here: the run starts the next piece
        pieces.append(current)
        current, size = [], 0
    if current:
        pieces.append(current)
    return [p for p in pieces if p]


def _cut_point(text: str, room: int, must_cut: bool) -> int:
    """Where to end a piece within ``text[:room]``: after a sentence, else after a space.

    Returns 0 when the piece should end before this run (it already holds text and no good
    point is in reach); with ``must_cut`` a point is always found, a hard cut at worst.
    """
    window_start = max(0, room - _LOOK_BACK)
    window = text[window_start:room]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return window_start + ends[-1]
    spaces = [m.end() for m in _SPACE.finditer(window)]
    if spaces:
        return window_start + spaces[-1]
    if not must_cut:
        return 0
    space = _SPACE.search(text, room)
    # One word longer than a piece: cut it where the piece is full.
    return space.end() if space is not None and space.start() < room * 2 else max(1, room)
