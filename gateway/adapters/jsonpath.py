"""Reading and changing a JSON value at a Path (keys and list indices from the root)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from filters.segments import Path

_DELETE = object()


def get(doc: Any, path: Path) -> Any:
    """The value at `path`; KeyError, IndexError or TypeError when there is none."""
    node = doc
    for step in path:
        node = node[step]
    return node


def set(doc: Any, path: Path, value: Any) -> None:
    """Put `value` at `path`, in place; the containers along the path must exist."""
    if not path:
        raise ValueError("cannot set the root of a document")
    get(doc, path[:-1])[path[-1]] = value


def updated(doc: Any, edits: Mapping[Path, Any], removals: Iterable[Path] = ()) -> Any:
    """A copy of `doc` with `edits` set and the object keys at `removals` deleted.

    Only the containers along the changed paths are copied; everything else is shared with `doc`,
    which is left as it was.
    """
    trie: dict[Any, Any] = {}
    for path, value in edits.items():
        _insert(trie, path, value)
    for path in removals:
        _insert(trie, path, _DELETE)
    if not trie:
        return _shallow(doc)
    return _apply(doc, trie)


def param(path: Path) -> str:
    """The path as an API error's `param`: messages[2].content[0].text."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


class _Leaf:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _insert(trie: dict[Any, Any], path: Path, value: Any) -> None:
    if not path:
        raise ValueError("cannot replace the root of a document")
    node = trie
    for step in path[:-1]:
        child = node.setdefault(step, {})
        if isinstance(child, _Leaf):
            raise ValueError(f"overlapping edits at {param(path)}")
        node = child
    if path[-1] in node:
        raise ValueError(f"overlapping edits at {param(path)}")
    node[path[-1]] = _Leaf(value)


def _shallow(node: Any) -> Any:
    if isinstance(node, dict):
        return dict(node)
    if isinstance(node, list):
        return list(node)
    return node


def _apply(node: Any, trie: dict[Any, Any]) -> Any:
    copy = _shallow(node)
    for step, child in trie.items():
        if isinstance(child, _Leaf):
            if child.value is _DELETE:
                copy.pop(step, None)
            else:
                copy[step] = child.value
        else:
            copy[step] = _apply(node[step], child)
    return copy
