"""Model-name globs of the config's routes: why a glob cannot be what its writer meant."""

from __future__ import annotations


def glob_problem(pattern: str) -> str | None:
    """Why a model glob cannot be what its writer meant (fnmatch would quietly match it literally)."""
    if not pattern.strip():
        return "the model name or glob is empty"
    index = 0
    while index < len(pattern):
        if pattern[index] == "[":
            end = index + 1
            if end < len(pattern) and pattern[end] == "!":
                end += 1
            if end < len(pattern) and pattern[end] == "]":
                end += 1
            while end < len(pattern) and pattern[end] != "]":
                end += 1
            if end >= len(pattern):
                return f"malformed glob {pattern!r}: the '[' at position {index} is never closed by ']'"
            index = end
        index += 1
    return None
