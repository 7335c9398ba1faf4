"""Which text edits share one undo step: a word, or a burst of typing, as in a word processor.

Each edit of a field asks :meth:`TypingGroups.group` for a number; edits with the same number
merge into one undo step. A new step starts when the user starts a new word, pauses, moves
the cursor elsewhere, switches between typing and deleting, pastes, or edits another field.
No Qt here, so the rules are tested on their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

PAUSE_S = 1.2  # typing after a pause this long is a new undo step

INSERT, DELETE, REPLACE = "insert", "delete", "replace"


@dataclass(frozen=True)
class Edit:
    """One change to a text: at ``position``, ``removed`` characters gave way to ``inserted``."""

    position: int
    removed: str
    inserted: str

    @property
    def kind(self) -> str:
        if self.inserted and not self.removed:
            return INSERT
        if self.removed and not self.inserted:
            return DELETE
        return REPLACE


def diff(old: str, new: str) -> Edit:
    """The single edit that turns ``old`` into ``new`` (common start and end kept)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return Edit(start, old[start:len(old) - end], new[start:len(new) - end])


class TypingGroups:
    """Hands out undo group numbers for a stream of edits."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 pause: float = PAUSE_S) -> None:
        self.clock = clock
        self.pause = pause
        self.number = 0
        self._field: object = None
        self._kind = ""
        self._at = -1  # where the next edit must happen to continue the group
        self._last_time = float("-inf")
        self._last_char = ""

    def break_group(self) -> None:
        """The next edit starts a new step (after a format change, a paste, a jump)."""
        self._field = None

    def group(self, field: object, edit: Edit) -> int:
        """The undo group number for this edit of ``field``."""
        now = self.clock()
        kind = edit.kind
        if not self._continues(field, edit, kind, now):
            self.number += 1
        self._field, self._kind, self._last_time = field, kind, now
        if kind == DELETE:
            self._at = edit.position  # backspace continues here; so does Delete
        else:
            self._at = edit.position + len(edit.inserted)
        if edit.inserted:
            self._last_char = edit.inserted[-1]
        if kind == REPLACE or len(edit.inserted) > 1 or len(edit.removed) > 1:
            # Typing over a selection, a paste, or a selection deleted: typing straight after
            # it belongs to the same step, as in a word processor.
            self._kind = INSERT
        return self.number

    def _continues(self, field: object, edit: Edit, kind: str, now: float) -> bool:
        if field != self._field or now - self._last_time > self.pause:
            return False
        if kind == REPLACE or len(edit.inserted) > 1 or len(edit.removed) > 1 or \
                kind != self._kind:
            return False
        if kind == DELETE:
            # Backspace runs leftwards to the last position; Delete stays where it is.
            return edit.position + len(edit.removed) == self._at or edit.position == self._at
        if edit.position != self._at:
            return False
        # A word ends where a letter follows a space: "hello |w" starts the next step.
        return not (self._last_char.isspace() and not edit.inserted[0].isspace())
