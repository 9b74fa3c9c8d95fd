"""A value that is restricted only beside its context word ("SSN 536 22 8107": spaced digits are an SSN only
after the word) is masked when a model streams it, though the word came in an earlier piece of the stream,
as it is in the same answer sent whole; and an answer with the same digits and no such word passes as written."""

from __future__ import annotations

from collections.abc import Iterator

import anthropic
import openai
import pytest
from serving import KEY, ThreadServer, base_config, start_gateway, start_mock_server

# reply -> (what must not reach the client, the placeholder that stands there)
WRITTEN = {
    "ssn_spaced": ("Her SSN is 536 22 8107, keep it private.", "536 22 8107"),
    "ssn_label": ("Social security number: 536 22 8107 (from the intake form).", "536 22 8107"),
}
CLEAN = "Ticket 536 22 8107 was closed on Monday."   # the same digits, no context word: not an SSN


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    mock = start_mock_server({"echo": False, "reply": CLEAN, "chunk_chars": 3})
    gateway = start_gateway(base_config(mock.url, analysis={"workers": 0}), tmp_path_factory.mktemp("ctx"))
    yield gateway
    gateway.stop()
    mock.stop()


def chat(gateway: ThreadServer, reply: str, stream: bool) -> str:
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)
    headers = {"x-mock-echo": "false", "x-mock-reply": reply}
    messages = [{"role": "user", "content": "what is on the form?"}]
    if not stream:
        return client.chat.completions.create(model="gpt-4o", messages=messages,
                                              extra_headers=headers).choices[0].message.content or ""
    chunks = client.chat.completions.create(model="gpt-4o", stream=True, messages=messages, extra_headers=headers)
    return "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_value_after_its_context_word_is_masked_whole_and_streamed(gateway: ThreadServer, case: str,
                                                                      stream: bool) -> None:
    reply, value = WRITTEN[case]
    text = chat(gateway, reply, stream)
    assert value not in text and "8107" not in text, text
    assert "[US_SSN]" in text, text


def test_a_streamed_anthropic_answer_masks_it_too(gateway: ThreadServer) -> None:
    client = anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)
    reply, _ = WRITTEN["ssn_spaced"]
    with client.messages.stream(model="claude-sonnet-4-6", max_tokens=50,
                                messages=[{"role": "user", "content": "what is on the form?"}],
                                extra_headers={"x-mock-echo": "false", "x-mock-reply": reply}) as stream:
        text = "".join(stream.text_stream)
    assert "8107" not in text and "[US_SSN]" in text, text


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
def test_the_same_digits_with_no_context_word_pass_as_written(gateway: ThreadServer, stream: bool) -> None:
    assert chat(gateway, CLEAN, stream) == CLEAN
