"""Disguised values through the gateway: masked on the way out, and masked when a model streams them back."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest
from serving import (
    KEY,
    ThreadServer,
    base_config,
    mock_requests,
    start_gateway,
    start_mock_server,
)

ZWSP, SOFT_HYPHEN = "\u200b", "\u00ad"
CARD = "4111 1111 1111 1111"
DISGUISED_CARD = f"4111{ZWSP}1111{SOFT_HYPHEN}1111{ZWSP}1111"
FULLWIDTH_KEY = "".join(chr(ord(c) + 0xFEE0) for c in "AKIA2QWERTY7ZXCVBNMA")


REPLY = f"Sure: card {DISGUISED_CARD} and key id {FULLWIDTH_KEY} are on file."


@pytest.fixture(scope="module")
def replying_gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    """A gateway in front of a mock whose model writes disguised restricted values (a header cannot carry them)."""
    mock = start_mock_server({"echo": False, "reply": REPLY, "chunk_chars": 3})
    gateway = start_gateway(base_config(mock.url, analysis={"workers": 1}), tmp_path_factory.mktemp("disguise"))
    yield gateway
    gateway.stop()
    mock.stop()


def test_a_disguised_card_in_a_prompt_does_not_reach_the_provider(openai_client, upstream):
    prompt = f"Refund the order paid with card {DISGUISED_CARD}, and the email jane.doe%40example.com"
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    forwarded = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    assert "1111" not in forwarded and "[CREDIT_CARD" in forwarded
    assert "jane.doe" not in forwarded and "%40example.com" not in forwarded


def test_a_model_streaming_a_disguised_card_and_key_is_masked(replying_gateway):
    client = openai.OpenAI(base_url=replying_gateway.url + "/v1", api_key=KEY, max_retries=0)
    stream = client.chat.completions.create(model="gpt-4o", stream=True,
                                            messages=[{"role": "user", "content": "what is on file?"}])
    text = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
    assert "1111" not in text and FULLWIDTH_KEY not in text
    assert text == "Sure: card [CREDIT_CARD] and key id [AWS_ACCESS_KEY] are on file."


def test_a_complete_answer_with_disguised_values_is_masked_too(replying_gateway):
    client = openai.OpenAI(base_url=replying_gateway.url + "/v1", api_key=KEY, max_retries=0)
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "what is on file?"}])
    assert reply.choices[0].message.content == "Sure: card [CREDIT_CARD] and key id [AWS_ACCESS_KEY] are on file."
