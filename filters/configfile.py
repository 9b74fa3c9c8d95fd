"""The one loader of the project's YAML files: the gateway config, the policy, and the filters' data.

Every file is read the same way and every mistake worded the same way: the file, the field (as a
dotted path with list indices), what is wrong, and for an unknown field the closest valid name
(`api_key_evn: unknown field; did you mean 'api_key_env'?`). Loaders raise `ConfigFileError` (or a
subclass naming their file kind), so that a caller catches one type and nothing ends in a traceback.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"
M = TypeVar("M", bound=BaseModel)


class ConfigFileError(ValueError):
    """A file that cannot be used; the message names the file and the field."""


class _UniqueKeys(yaml.SafeLoader):
    """YAML's safe loader, except that a key written twice in one mapping is an error, not the later
    value silently winning (a merge `<<:` may still be overridden: that is what it is for)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                first = seen.setdefault(key, key_node.start_mark.line)
            except TypeError:
                continue   # an unhashable key: the constructor below says so
            if first != key_node.start_mark.line:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {str(key)[:60]!r} appears twice (first on line {first + 1})",
                    key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: str | os.PathLike[str], error: type[ConfigFileError] = ConfigFileError) -> Any:
    """The parsed YAML of `path`; `error` saying why it cannot be read or parsed otherwise."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{source}: cannot read: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise error(f"{source}: not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_UniqueKeys)   # a SafeLoader: no object of any Python class
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "malformed"
        raise error(f"{source}: not valid YAML{where}: {problem}") from None


def field_path(loc: tuple[Any, ...], data: Any = None) -> str:
    """`('providers', 0, 'api_key_evn')` as `providers[0].api_key_evn`; a list item with an `id` is named
    by it too (`rules[0] (test.harm).clause`)."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, str) and (part.startswith("function-") or part.startswith(("list[", "dict["))):
            continue   # pydantic's name for a validator or a union member, not a field
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and -len(node) <= part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f" ({node['id']})"
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"


def _models(annotation: Any, seen: set[type[BaseModel]]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for info in annotation.model_fields.values():
            _models(info.annotation, seen)
        return
    origin = typing.get_origin(annotation)
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            _models(arg, seen)


def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name of `model` and of the models inside it: the names a suggestion is chosen from."""
    seen: set[type[BaseModel]] = set()
    _models(model, seen)
    names = {alias or name for m in seen for name, info in m.model_fields.items() for alias in (info.alias,)}
    return sorted(names)


def describe(source: str, error: ValidationError, model: type[BaseModel], what: str = "file",
             data: Any = None) -> str:
    """The validation error as one line per problem: field, what is wrong, the closest valid name."""
    names = field_names(model)
    lines = [f"{source}: invalid {what}"]
    for item in error.errors():
        where = field_path(tuple(item["loc"]), data)
        if item["type"] == "extra_forbidden":
            unknown = str(item["loc"][-1]) if item["loc"] else ""
            close = difflib.get_close_matches(unknown, names, n=1, cutoff=0.7)
            message = "unknown field" + (f"; did you mean {close[0]!r}?" if close else "")
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)


def validate(model: type[M], data: Any, source: str, *, error: type[ConfigFileError] = ConfigFileError,
             what: str = "file", extra: dict[str, Any] | None = None) -> M:
    """`data` validated as `model` (with `extra` fields added, e.g. the source); `error` naming each field."""
    if not isinstance(data, dict):
        raise error(f"{source}: the {what} must be a mapping of fields")
    try:
        return model.model_validate({**data, **(extra or {})})
    except ValidationError as exc:
        raise error(describe(source, exc, model, what, data)) from None


def load_model(path: str | os.PathLike[str], model: type[M], *, error: type[ConfigFileError] = ConfigFileError,
               what: str = "file", extra: dict[str, Any] | None = None) -> M:
    """Read `path` and validate it as `model`: the one way every YAML file of the project is loaded."""
    return validate(model, read_yaml(path, error), str(path), error=error, what=what, extra=extra)
