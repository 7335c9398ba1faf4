"""A YAML reader that trusts nothing: plain data from the parser's events, nothing more.

PyYAML's safe loader still does things an issue file never needs and an attacker can use: it
expands aliases (a 560-byte "billion laughs" grows to gigabytes), turns ``published:
2026-02-30`` into a date (and crashes on it), reads ``yes`` and ``no`` as booleans, and raises
a ``KeyError`` on ``!!bool maybe``. This reader walks the parser's event stream itself:

- text stays text: a plain scalar becomes a number, ``true``/``false`` or ``null`` only when
  it reads back exactly as written (``12``, ``-3``, ``2.5``); dates, ``yes``, ``1.50`` stay text;
- anchors are ignored and aliases refused (the app writes none), merge keys (``<<``) refused;
- tags other than the core ones (``!!str``, ``!!int`` ...) are refused, and a core tag on a
  value that does not fit it (``!!bool maybe``) is refused;
- nesting deeper than ``MAX_DEPTH`` and more than one document are refused.

Every refusal is a ``YamlRefused`` with the line it is on. The walk is iterative, so no input
can exhaust the stack, and each value records its line (by document path) for messages.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 40
try:  # libyaml's parser, when PyYAML was built with it: about ten times faster
    from yaml.cyaml import CParser as _CParser
    from yaml.cyaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - a PyYAML without libyaml
    _CParser = None
    _SafeLoader = yaml.SafeLoader
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]{0,15})\.[0-9]{1,15}")
_NULLS = {"", "~", "null"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Text with lone surrogates (which no file can hold as UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


class YamlRefused(ValueError):
    """A YAML document this reader will not accept; ``line`` is 1-based, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def plain_value(text: str) -> Any:
    """What an untagged plain scalar means: a number, a boolean or null only if it reads back
    exactly as written; anything else is the text itself."""
    if text in _NULLS:
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    if _INT.fullmatch(text):
        value = int(text)
        if str(value) == text.lstrip("+"):
            return value
    elif _FLOAT.fullmatch(text):
        number = float(text)
        if repr(number) == text.lstrip("+"):
            return number
    return text


def _tagged(event: Any) -> Any:
    tag, text = event.tag, event.value
    if tag == f"{_CORE}str":
        return text
    value = plain_value(text)
    kind = tag[len(_CORE):]
    fits = {"int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "null": lambda v: v is None}[kind]
    if not fits(value):
        raise YamlRefused(f"'{_short(text)}' is not a valid !!{kind}", _line(event))
    return float(value) if kind == "float" else value


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _scalar(event: Any) -> Any:
    # A plain scalar's style is None from PyYAML's parser and '' from libyaml's.
    value = _scalar_value(event)
    # An escaped "\\uD800" in a double-quoted scalar makes a string no file can hold.
    return scrub(value) if isinstance(value, str) else value


def _scalar_value(event: Any) -> Any:
    if event.tag is not None and event.tag != "!":
        if event.tag not in _ALLOWED_TAGS or event.tag in (f"{_CORE}map", f"{_CORE}seq"):
            raise YamlRefused(f"refused: the tag {event.tag} (only plain YAML values are "
                              "allowed)", _line(event))
        return _tagged(event)
    if not event.style and event.implicit[0]:
        return plain_value(event.value)
    return event.value


def _check_collection_tag(event: Any, kind: str) -> None:
    if event.tag is not None and event.tag not in ("!", f"{_CORE}{kind}"):
        raise YamlRefused(f"refused: the tag {event.tag} (only plain YAML values are allowed)",
                          _line(event))


class _Frame:
    """An open mapping or sequence while the events are walked."""

    __slots__ = ("value", "path", "key", "key_line", "is_map")

    def __init__(self, value: Any, path: tuple, is_map: bool) -> None:
        self.value = value
        self.path = path
        self.is_map = is_map
        self.key: Any = _NO_KEY
        self.key_line: int | None = None


_NO_KEY = object()


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when there is one: the same data, about ten
    times sooner. For the files the app and the team write (themes, rules, the contact
    directory); an issue file goes through ``load_yaml``."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader


def load_yaml(text: str) -> tuple[Any, dict[tuple, int]]:
    """The single document in ``text`` as plain data, and the line of each value by path.

    Paths are tuples of mapping keys and list indexes from the root (``()``). Raises
    YamlRefused (with a line) for anything refused, or yaml.YAMLError for broken YAML.
    """
    parser = _CParser(text) if _CParser is not None else yaml.SafeLoader(text)
    lines: dict[tuple, int] = {}
    stack: list[_Frame] = []
    root: Any = _NO_KEY
    documents = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlRefused("more than one YAML document in the file", _line(event))
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused("refused: an alias (*name); issue files do not use them",
                                  _line(event))
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                value = done.value
                if stack:
                    _add(stack[-1], value, done.path, lines, event)
                else:
                    root = value
                continue
            # A value starts: a scalar, a mapping or a sequence.
            parent = stack[-1] if stack else None
            if parent is not None and parent.is_map and parent.key is _NO_KEY:
                if not isinstance(event, yaml.ScalarEvent):
                    raise YamlRefused("refused: a key that is not plain text", _line(event))
                if event.value == "<<" and not event.style and event.tag is None:
                    raise YamlRefused("refused: a merge key (<<); issue files do not use them",
                                      _line(event))
                key = scrub(event.value)
                if key in parent.value:
                    raise YamlRefused(f"the key '{_short(key)}' appears twice", _line(event))
                parent.key, parent.key_line = key, _line(event)
                continue
            path = _child_path(parent)
            lines[path] = _line(event) or 0
            if isinstance(event, yaml.ScalarEvent):
                value = _scalar(event)
                if parent is None:
                    root = value
                else:
                    _add(parent, value, path, lines, event)
                continue
            if len(stack) >= MAX_DEPTH:
                raise YamlRefused(f"nested more than {MAX_DEPTH} levels deep", _line(event))
            if isinstance(event, yaml.MappingStartEvent):
                _check_collection_tag(event, "map")
                stack.append(_Frame({}, path, True))
            else:
                _check_collection_tag(event, "seq")
                stack.append(_Frame([], path, False))
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    if root is _NO_KEY:
        return None, lines
    return root, lines


def _child_path(parent: _Frame | None) -> tuple:
    if parent is None:
        return ()
    if parent.is_map:
        return parent.path + (parent.key,)
    return parent.path + (len(parent.value),)


def _add(frame: _Frame, value: Any, path: tuple, lines: dict[tuple, int], event: Any) -> None:
    if frame.is_map:
        frame.value[frame.key] = value
        # A key's own line wins: "title:" is where a person looks for the title.
        if frame.key_line is not None:
            lines[path] = frame.key_line
        frame.key, frame.key_line = _NO_KEY, None
    else:
        frame.value.append(value)
