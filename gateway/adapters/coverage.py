"""Every string a provider may read: what the adapter's walk did not make a segment of, looked at once more.

An adapter knows its API's text fields; this pass makes sure nothing else leaves unread. Each
string of the body that is not a segment, and each key name that is not one of the APIs' own
field names, is one of:
  - a value the config lists as not text for the model (`config/not_text.yaml`: ids, enum values,
    function names, the model name): checked by its shape; an API constant goes as it is, any
    other value is an `identifier` segment the detectors read (a finding there refuses the request,
    because an id cannot be redacted); a value of the wrong shape is screened as text;
  - an opaque blob (reasoning `encrypted_content`, thinking `signature`, `redacted_thinking.data`):
    forwarded only when it is one the gateway relayed from the provider to this tenant, else 400;
  - an attachment's payload (base64 data, a data: URI of its media kind): not read, the policy
    decides on the attachment; a data: URI of another kind (text/plain as an "image") is a 400;
  - anything else, unknown fields and parts included: a `field` segment, screened as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path as FilePath
from typing import Any

import yaml

from filters.policy.decision import IDENTIFIER, KEY_NAME, SEAM, field_name
from filters.segments import Path, Segment
from gateway.adapters.base import BadRequest, Envelope

CONFIG_PATH = FilePath(__file__).resolve().parents[2] / "config" / "not_text.yaml"
FIELD = "field"
_DATA_URI = re.compile(r"^data:([A-Za-z0-9.+/-]*)[;,]")


@dataclass(frozen=True)
class NotText:
    shapes: dict[str, re.Pattern[str]]
    fields: dict[str, dict[str, str]]      # api -> key -> shape name ("common" for every API)
    constants: frozenset[str]
    api_fields: frozenset[str]
    opaque: frozenset[str]
    opaque_in: dict[str, str]              # a block type -> its opaque key
    payload: frozenset[str]
    payload_uris: dict[str, tuple[str, ...]]

    @cached_property
    def opaque_markers(self) -> tuple[bytes, ...]:
        """Every opaque key, and every block type that holds one, as a body's bytes spell it (quoted)."""
        return tuple(f'"{name}"'.encode() for name in (*self.opaque, *self.opaque_in))

    def shape_of(self, api: str, key: str | None) -> str | None:
        if key is None:
            return None
        return self.fields.get(api, {}).get(key) or self.fields["common"].get(key)


@lru_cache(maxsize=1)
def not_text() -> NotText:
    raw = yaml.safe_load(CONFIG_PATH.read_text())
    return NotText(
        shapes={name: re.compile(p) for name, p in raw["shapes"].items()},
        fields={api: dict(keys or {}) for api, keys in raw["fields"].items()},
        constants=frozenset(str(c) for c in raw["constants"]),
        api_fields=frozenset(str(k) for k in raw["api_fields"]),
        opaque=frozenset(raw["opaque"]), opaque_in=dict(raw["opaque_in"]),
        payload=frozenset(raw["payload"]),
        payload_uris={kind: tuple(prefixes) for kind, prefixes in raw["payload_uris"].items()})


def where(path: Path) -> str:
    """A path as an error may name it: client-chosen key names (which may hold a value) left out."""
    return field_name(path)


BlobCheck = Callable[[str], bool]


class _Walk:
    def __init__(self, envelope: Envelope, rules: NotText, relayed: BlobCheck) -> None:
        self.api = envelope.api
        self.rules = rules
        self.relayed = relayed
        self.covered = {s.path for s in envelope.segments}
        self.attachments = {a.path: a.kind for a in envelope.attachments}
        self.added: list[Segment] = []

    def segment(self, path: Path, text: str, role: str) -> None:
        if text:
            self.added.append(Segment(path=path, text=text, role=role))

    def value(self, value: Any, path: Path, key: str | None, holder: dict[str, Any] | None,
              attachment: str | None) -> None:
        # a member that is a string is read here, one that is neither a string nor a container skipped:
        # a long conversation's strings do not each cost a call
        covered = self.covered
        if isinstance(value, dict):
            kind = self.attachments.get(path, attachment)
            api_fields = self.rules.api_fields
            for name, item in value.items():
                if not isinstance(name, str):
                    continue
                if name not in api_fields:
                    self.segment(path + (name, KEY_NAME), name, IDENTIFIER)
                if isinstance(item, str):
                    at = path + (name,)
                    if at not in covered:
                        self.string(item, at, name, value, kind)
                elif isinstance(item, (dict, list)):
                    self.value(item, path + (name,), name, value, kind)
        elif isinstance(value, list):
            kind = self.attachments.get(path, attachment)
            for index, item in enumerate(value):
                if isinstance(item, str):
                    at = path + (index,)
                    if at not in covered:
                        self.string(item, at, key, None, kind)
                elif isinstance(item, (dict, list)):
                    self.value(item, path + (index,), key, None, kind)
        elif isinstance(value, str) and path not in covered:
            self.string(value, path, key, holder, attachment)

    def string(self, value: str, path: Path, key: str | None, holder: dict[str, Any] | None,
               attachment: str | None) -> None:
        rules = self.rules
        if attachment is not None and self.payload(value, path, key, attachment):
            return
        opaque = key in rules.opaque or (holder is not None and rules.opaque_in.get(str(holder.get("type"))) == key)
        if opaque:
            if not self.relayed(value):
                raise BadRequest(f"{where(path)} is not one this gateway relayed from the provider to this "
                                 "workspace; opaque content is forwarded only as it came", where(path))
            return
        shape = rules.shape_of(self.api, key)
        if shape is not None and rules.shapes[shape].fullmatch(value):
            if value not in rules.constants:
                self.segment(path, value, IDENTIFIER)
            return
        self.segment(path, value, FIELD)

    def payload(self, value: str, path: Path, key: str | None, attachment: str) -> bool:
        """Whether `value` is the attachment's payload; a data: URI of another kind is refused."""
        uri = _DATA_URI.match(value)
        if uri is not None:
            media = uri.group(1).lower()
            if not media.startswith(self.rules.payload_uris.get(attachment, ())):
                raise BadRequest(f"{where(path)}: a data: URI of type {media or 'text/plain'} is not "
                                 f"{attachment} content; send text as text", where(path))
            return True
        return key in self.rules.payload


SEAM_CHARS = 64   # of each side of a seam: longer than any pattern value split in two


def seams(segments: list[Segment]) -> list[Segment]:
    """Where two parts of one message meet (content[i] and content[i+1]): the end of one and the start of
    the next read as one text, so that a value split across the two parts is seen."""
    out: list[Segment] = []
    for left, right in zip(segments, segments[1:]):
        a, b = left.path, right.path
        if len(a) != len(b) or len(a) < 2 or a[:-2] != b[:-2] or a[-1] != b[-1] or left.role != right.role:
            continue
        if not (isinstance(a[-2], int) and isinstance(b[-2], int) and b[-2] == a[-2] + 1):
            continue
        head = left.text[-SEAM_CHARS:]
        out.append(Segment(path=(SEAM, len(head)) + a, text=head + right.text[:SEAM_CHARS], role=SEAM))
    return out


def cover(envelope: Envelope, relayed: BlobCheck, rules: NotText | None = None) -> Envelope:
    """The envelope with a segment for every string of its body the adapter left unread, and its seams."""
    walk = _Walk(envelope, rules or not_text(), relayed)
    walk.value(envelope.body, (), None, None, None)
    added = walk.added + seams(envelope.segments)
    if not added:
        return envelope
    return replace(envelope, segments=envelope.segments + added)


def may_hold_opaque(raw: bytes, rules: NotText | None = None) -> bool:
    """Whether a body's bytes name an opaque key at all: most requests hold none, and are not walked for
    them. A key spelled with JSON escapes is missed here and then refused unless this process relayed it."""
    return any(marker in raw for marker in (rules or not_text()).opaque_markers)


def opaque_blobs(doc: Any, rules: NotText | None = None) -> list[str]:
    """The opaque blobs of a provider's answer (or one event of it), to be known when a client sends them back."""
    rules = rules or not_text()
    found: list[str] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            inner = rules.opaque_in.get(str(node.get("type")))
            for key, item in node.items():
                if isinstance(item, str) and (key in rules.opaque or key == inner):
                    found.append(item)
                elif isinstance(item, (dict, list)):
                    stack.append(item)
        elif isinstance(node, list):
            stack.extend(i for i in node if isinstance(i, (dict, list)))
    return found
