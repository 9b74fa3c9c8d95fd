"""What every adapter does while taking a request body apart: segments, attachments, stated classes."""

from __future__ import annotations

from typing import Any

from filters.segments import DataClass, Path, Segment
from gateway.adapters import jsonpath
from gateway.adapters.base import Attachment, BadRequest, Envelope
from gateway.adapters.jsonpath import param

MAX_DEPTH = 64
STATED_FIELD = "x_data_class"

# Keys whose string values are identifiers, enumerations or opaque payloads, not text a model reads
# as language: skipped when a structure of unknown shape is scanned leaf by leaf.
OPAQUE_KEYS = frozenset({
    "type", "id", "call_id", "tool_call_id", "tool_use_id", "approval_request_id", "caller_id", "status",
    "role", "namespace", "server_label", "encrypted_content", "signature", "data", "file_id",
    "file_data", "file_url", "image_url", "url", "media_type", "mime_type", "detail", "format",
    "container_id", "phase", "cache_control", "x_data_class",
})


class RequestReader:
    """Collects the segments and attachments of one request body while an adapter walks it.

    The body given is never changed: `x_data_class` fields are noted and left out of the
    envelope's body by copying only the containers that held them.
    """

    def __init__(self, body: dict[str, Any], header_class: DataClass | None) -> None:
        self.body = body
        self.header_class = header_class
        self.segments: list[Segment] = []
        self.attachments: list[Attachment] = []
        self._removals: list[Path] = []

    def stated(self, obj: dict[str, Any], path: Path, outer: DataClass | None) -> DataClass | None:
        """The class `obj` states in its `x_data_class` field (noted for removal), else `outer`."""
        if STATED_FIELD not in obj:
            return outer
        field = path + (STATED_FIELD,)
        value = obj[STATED_FIELD]
        if not isinstance(value, str):
            raise BadRequest(f"{param(field)} must be a string naming a data class", param(field))
        try:
            data_class = DataClass.parse(value.strip().lower())
        except ValueError as error:
            raise BadRequest(f"{param(field)}: {error}", param(field)) from None
        self._removals.append(field)
        return data_class

    def text(self, path: Path, value: str, role: str, data_class: DataClass | None) -> None:
        """One string a provider reads; empty strings hold nothing to look at and are left out."""
        if value:
            self.segments.append(Segment(path=path, text=value, role=role, stated_class=data_class))

    def field(self, obj: dict[str, Any], key: str, path: Path, role: str, data_class: DataClass | None,
              *, required: bool = False) -> None:
        """`obj[key]` as one segment: absent or null is fine unless required, anything but a string is not."""
        value = obj.get(key)
        where = path + (key,)
        if value is None:
            if required:
                raise BadRequest(f"{param(where)} is required", param(where))
            return
        if not isinstance(value, str):
            raise BadRequest(f"{param(where)} must be a string", param(where))
        self.text(where, value, role, data_class)

    def attach(self, path: Path, kind: str) -> None:
        self.attachments.append(Attachment(path=path, kind=kind))

    def descriptions(self, value: Any, path: Path, data_class: DataClass | None,
                     role: str = "tool_definition") -> None:
        """Every `description` string inside a tool definition or JSON schema."""
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "description" and isinstance(item, str):
                    self.text(path + (key,), item, role, data_class)
                elif isinstance(item, (dict, list)):
                    self.descriptions(item, path + (key,), data_class, role)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    self.descriptions(item, path + (index,), data_class, role)

    def leaves(self, value: Any, path: Path, role: str, data_class: DataClass | None,
               skip: frozenset[str] = frozenset()) -> None:
        """Every string leaf of `value` (object keys in `skip` left out) as its own segment."""
        if isinstance(value, str):
            self.text(path, value, role, data_class)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in skip:
                    self.leaves(item, path + (key,), role, data_class, skip)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.leaves(item, path + (index,), role, data_class, skip)

    def identity(self, path: Path) -> None:
        """A field often holding a user's email or name (`user`, `safety_identifier`...)."""
        value = _get_or_none(self.body, path)
        if value is None:
            return
        if not isinstance(value, str):
            raise BadRequest(f"{param(path)} must be a string", param(path))
        self.text(path, value, "identity", self.header_class)

    def metadata(self, key: str = "metadata") -> None:
        """Every string value of a metadata object is an identity field."""
        metadata = self.body.get(key)
        if metadata is None:
            return
        if not isinstance(metadata, dict):
            raise BadRequest(f"{key} must be an object", key)
        for name, value in metadata.items():
            if isinstance(value, str):
                self.text((key, name), value, "identity", self.header_class)

    def envelope(self, api: str, model: str | None, stream: bool) -> Envelope:
        body = jsonpath.updated(self.body, {}, self._removals) if self._removals else self.body
        return Envelope(api=api, body=body, segments=self.segments, attachments=self.attachments,
                        model=model, stream=stream)


def _get_or_none(doc: Any, path: Path) -> Any:
    try:
        return jsonpath.get(doc, path)
    except (KeyError, IndexError, TypeError):
        return None


def start(body: Any) -> dict[str, Any]:
    """The body checked as an object nested no deeper than MAX_DEPTH."""
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object")
    check_depth(body)
    return body


def check_depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """BadRequest naming a place where `value` nests deeper than `limit` (level by level: no recursion)."""
    level = [value] if isinstance(value, (dict, list)) else []
    for _ in range(limit):
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, (dict, list))]
        if not level:
            return
    where = param(_deepest_path(value, limit))
    raise BadRequest(f"the body nests deeper than {limit} levels", where)


def _deepest_path(value: Any, limit: int) -> Path:
    """The path of a container `limit` levels down (only looked for once a body is refused)."""
    stack: list[tuple[Any, Path]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if len(path) >= limit:
            return path
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((child, path + (key,)) for key, child in items if isinstance(child, (dict, list)))
    return ()


def model_of(body: dict[str, Any]) -> str:
    model = body.get("model")
    if model is None:
        raise BadRequest("model is required", "model")
    if not isinstance(model, str) or not model:
        raise BadRequest("model must be a non-empty string", "model")
    return model


def stream_of(body: dict[str, Any]) -> bool:
    stream = body.get("stream")
    if stream is None:
        return False
    if not isinstance(stream, bool):
        raise BadRequest("stream must be true or false", "stream")
    return stream


def obj_at(value: Any, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadRequest(f"{param(path)} must be an object", param(path))
    return value


def kind_of(obj: dict[str, Any], path: Path) -> str | None:
    """The `type` of a part, block or item: a string, or absent; anything else is a 400 naming it."""
    kind = obj.get("type")
    if kind is not None and not isinstance(kind, str):
        raise BadRequest(f"{param(path + ('type',))} must be a string", param(path + ("type",)))
    return kind


def list_at(value: Any, path: Path) -> list[Any]:
    if not isinstance(value, list):
        raise BadRequest(f"{param(path)} must be an array", param(path))
    return value


def write_body(envelope: Envelope, texts: list[str]) -> dict[str, Any]:
    """A copy of the envelope's body with segment i's text replaced by texts[i]; the envelope is unchanged."""
    if len(texts) != len(envelope.segments):
        raise ValueError(f"{len(texts)} texts for {len(envelope.segments)} segments")
    edits = {s.path: text for s, text in zip(envelope.segments, texts) if text != s.text}
    updated: dict[str, Any] = jsonpath.updated(envelope.body, edits)
    return updated
