"""Each disguise a client or a model can type, one test each, through the real gateway with the openai SDK:
masked on the way to the provider, and masked when a model streams it back in small pieces."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest
from serving import KEY, ThreadServer, base_config, mock_requests, start_gateway, start_mock_server

ZWSP, SOFT_HYPHEN, NUL = "\u200b", "\u00ad", "\x00"


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# disguise -> (the prompt, what must not reach the provider in any form)
PROMPTS = {
    "zero_width": (f"Refund card 4111 11{ZWSP}11 1111 1111 today", ["1111 1111", "11\u200b11"]),
    "soft_hyphen": (f"Email jane.doe@exa{SOFT_HYPHEN}mple.com the invoice", ["jane.doe", "mple.com"]),
    "control": (f"Email jane.doe@exam{NUL}ple.com the invoice", ["jane.doe", "ple.com"]),
    "fullwidth": (f"Her SSN is {fullwidth('536-22-8147')}, please check", [fullwidth("8147"), "8147"]),
    "confusable": ("Email j\u0430ne.d\u043ee@ex\u0430mple.com the invoice", ["ne.d", "mple.com"]),
    "url_encoded": ("GET /signup?email=jane.doe%40example.com&tel=%2B1%20650%20253%200000 failed",
                    ["jane.doe", "650%20253", "253%200000"]),
    "line_split": ("Update my billing email to jane.doe@exam\nple.com and my card to 4556 7375\n8689 9855, thanks",
                   ["jane.doe", "ple.com", "8689", "7375"]),
}


@pytest.mark.parametrize("disguise", sorted(PROMPTS))
def test_a_disguised_value_in_a_prompt_does_not_reach_the_provider(openai_client, upstream, disguise: str) -> None:
    prompt, hidden = PROMPTS[disguise]
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    forwarded = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    assert not [piece for piece in hidden if piece in forwarded], forwarded
    assert "[" in forwarded or "<" in forwarded   # a placeholder stands where the value was


# disguise -> (restricted value as the model writes it, its placeholder): a card, an SSN, keys
WRITTEN = {
    "zero_width": (f"5555 55{ZWSP}55 5555 44{ZWSP}44", "[CREDIT_CARD]"),
    "soft_hyphen": (f"4012 88{SOFT_HYPHEN}88 8888 1881", "[CREDIT_CARD]"),
    "control": (f"AKIA2QWERTY7{NUL}ZXCVBNMB", "[AWS_ACCESS_KEY]"),
    "fullwidth": (fullwidth("536-22-8147"), "[US_SSN]"),
    "confusable": ("ghp_\u0430B3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5b", "[GITHUB_TOKEN]"),
    "url_encoded": ("4242%204242%204242%204242", "[CREDIT_CARD]"),
    "line_split": ("6011 1111\n1111 1117", "[CREDIT_CARD]"),
}
REPLY = "On file: " + "; ".join(f"{name} {value}" for name, (value, _) in sorted(WRITTEN.items())) + "."


@pytest.fixture(scope="module")
def writing_gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    """A gateway in front of a mock whose model writes every disguised value, streamed three characters a piece."""
    mock = start_mock_server({"echo": False, "reply": REPLY, "chunk_chars": 3})
    gateway = start_gateway(base_config(mock.url, analysis={"workers": 0}), tmp_path_factory.mktemp("each"))
    yield gateway
    gateway.stop()
    mock.stop()


@pytest.fixture(scope="module")
def streamed(writing_gateway: ThreadServer) -> str:
    client = openai.OpenAI(base_url=writing_gateway.url + "/v1", api_key=KEY, max_retries=0)
    stream = client.chat.completions.create(model="gpt-4o", stream=True,
                                            messages=[{"role": "user", "content": "what is on file?"}])
    return "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)


@pytest.mark.parametrize("disguise", sorted(WRITTEN))
def test_a_disguised_value_a_model_streams_is_masked(streamed: str, disguise: str) -> None:
    value, placeholder = WRITTEN[disguise]
    assert value not in streamed
    assert f"{disguise} {placeholder}" in streamed, streamed


def test_the_streamed_answer_keeps_everything_else(streamed: str) -> None:
    expected = "On file: " + "; ".join(f"{name} {mask}" for name, (_, mask) in sorted(WRITTEN.items())) + "."
    assert streamed == expected
