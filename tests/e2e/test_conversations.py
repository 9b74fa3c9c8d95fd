"""Responses conversations under zero retention: the provider stand-in refuses anything that depends
on provider-side storage (item references, previous_response_id, reasoning items without their
encrypted content), and the real OpenAI SDK still holds a three-turn conversation through the gateway."""

from __future__ import annotations

import openai
import pytest
from serving import OTHER_KEY, clear_mock, mock_requests

MODEL = "gpt-5-mini"       # a reasoning model: its answers carry a reasoning item
EMAIL = "jane.doe@acme.com"


def _sent(upstream) -> dict:  # type: ignore[no-untyped-def]
    calls = [r for r in mock_requests(upstream) if r["path"] == "/v1/responses"]
    assert len(calls) == 1
    return calls[0]["json"]


def test_three_turns_with_reasoning_item_reference_and_previous_response_id(openai_client, upstream):
    first = openai_client.responses.create(model=MODEL, input=f"Write to {EMAIL} about the Q3 churn table")
    sent = _sent(upstream)
    assert sent["store"] is False and "reasoning.encrypted_content" in sent["include"]
    assert EMAIL not in repr(sent)
    kinds = [item.type for item in first.output]
    assert kinds == ["reasoning", "message"]
    reasoning, message = first.output
    assert reasoning.encrypted_content and "_mg" in reasoning.id and "_mg" in message.id and "_mg" in first.id
    assert EMAIL in first.output_text                # the client gets its own value back

    # Turn 2: the Python pattern (the output passed back) with the message as an item reference,
    # as the Vercel AI SDK sends it.
    clear_mock(upstream)
    second = openai_client.responses.create(model=MODEL, input=[
        {"role": "user", "content": f"Write to {EMAIL} about the Q3 churn table"},
        reasoning.model_dump(exclude_none=True),
        {"type": "item_reference", "id": message.id},
        {"role": "user", "content": "Make it shorter"},
    ])
    sent = _sent(upstream)
    types = [i.get("type", "message") for i in sent["input"]]
    assert types == ["message", "reasoning", "message", "message"]
    assert "_mg" not in repr(sent["input"])                  # provider ids, not the gateway's
    assert EMAIL not in repr(sent)
    assert second.output_text == "Make it shorter"

    # Turn 3: chained with previous_response_id; the provider receives the whole history.
    clear_mock(upstream)
    third = openai_client.responses.create(model=MODEL, previous_response_id=second.id, input="And in French?")
    sent = _sent(upstream)
    assert "previous_response_id" not in sent
    history = repr(sent["input"])
    assert "Q3 churn table" in history and "Make it shorter" in history and "And in French?" in history
    assert EMAIL not in history
    assert third.output_text == "And in French?" and third.previous_response_id == second.id

    # The gateway serves the stored response, and forgets it when told.
    assert openai_client.responses.retrieve(third.id).id == third.id
    openai_client.responses.delete(third.id)
    with pytest.raises(openai.NotFoundError):
        openai_client.responses.retrieve(third.id)
    clear_mock(upstream)
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client.responses.create(model=MODEL, previous_response_id=third.id, input="again")
    assert caught.value.code == "previous_response_not_found"
    assert mock_requests(upstream) == []


def test_streamed_turns_are_kept_too(openai_client, upstream):
    with openai_client.responses.stream(model=MODEL, input="Name three churn drivers") as stream:
        first = stream.get_final_response()
    assert "_mg" in first.id and all("_mg" in item.id for item in first.output)
    clear_mock(upstream)
    second = openai_client.responses.create(model=MODEL, previous_response_id=first.id, input="Only one")
    assert "Name three churn drivers" in repr(_sent(upstream)["input"]) and second.output_text == "Only one"


def _token(upstream, value: str) -> str:  # type: ignore[no-untyped-def]
    """The pseudonym the provider received in place of `value` (from the stand-in's log)."""
    import re

    (sent,) = [r for r in mock_requests(upstream) if r["path"] == "/v1/responses"]
    tokens = set(re.findall(r"<EMAIL_ADDRESS_[0-9a-f]+>", sent["body"]))
    assert len(tokens) == 1 and value not in sent["body"]
    return tokens.pop()


def test_what_is_served_from_the_store_shows_the_clients_own_values(openai_client, upstream):
    first = openai_client.responses.create(model=MODEL, input=f"Write to {EMAIL} about the Q3 churn table")
    token = _token(upstream, EMAIL)
    again = openai_client.responses.retrieve(first.id)
    assert again.output_text == first.output_text == f"Write to {EMAIL} about the Q3 churn table"
    assert token not in again.model_dump_json()
    items = openai_client.responses.input_items.list(first.id)
    listed = repr([item.content for item in items.data])
    assert EMAIL in listed and token not in listed

    # Later turns: the provider quotes the earlier turn's pseudonym; the client reads its own value.
    quoting = {"x-mock-echo": "false", "x-mock-reply": f"It was for {token}."}
    clear_mock(upstream)
    second = openai_client.responses.create(model=MODEL, previous_response_id=first.id, input="Who was it for?",
                                            extra_headers=quoting)
    assert second.output_text == f"It was for {EMAIL}."
    assert EMAIL not in repr(_sent(upstream))
    with openai_client.responses.stream(model=MODEL, previous_response_id=second.id, input="Again?",
                                        extra_headers=quoting) as stream:
        assert stream.get_final_response().output_text == f"It was for {EMAIL}."
    clear_mock(upstream)
    referenced = openai_client.responses.create(model=MODEL, extra_headers=quoting, input=[
        {"type": "item_reference", "id": first.output[1].id}, {"role": "user", "content": "Who?"}])
    assert referenced.output_text == f"It was for {EMAIL}."
    assert EMAIL not in repr(_sent(upstream))
    assert openai_client.responses.retrieve(second.id).output_text == f"It was for {EMAIL}."


def test_without_the_gateway_the_stand_in_refuses_stored_state(upstream):
    """The stand-in really rejects what needs provider-side storage (so the tests above prove something)."""
    direct = openai.OpenAI(base_url=upstream.url + "/v1", api_key="sk-test", max_retries=0)
    first = direct.responses.create(model=MODEL, input="hello", store=False,
                                    include=["reasoning.encrypted_content"])
    with pytest.raises(openai.NotFoundError, match="not persisted"):
        direct.responses.create(model=MODEL, store=False, input=[{"type": "item_reference", "id": first.output[1].id}])
    with pytest.raises(openai.BadRequestError, match="Previous response"):
        direct.responses.create(model=MODEL, store=False, previous_response_id=first.id, input="more")
    bare = first.output[0].model_dump(exclude_none=True)
    bare.pop("encrypted_content")
    with pytest.raises(openai.NotFoundError, match="not persisted"):
        direct.responses.create(model=MODEL, store=False, input=[bare])


def test_another_tenants_response_is_not_found(openai_client, gateway, upstream):
    first = openai_client.responses.create(model=MODEL, input="Summarise the churn table")
    other = openai.OpenAI(base_url=gateway.url + "/v1", api_key=OTHER_KEY, max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        other.responses.create(model=MODEL, previous_response_id=first.id, input="more")
    assert caught.value.code == "previous_response_not_found"
    with pytest.raises(openai.BadRequestError) as caught:
        other.responses.create(model=MODEL, input=[{"type": "item_reference", "id": first.output[1].id}])
    assert caught.value.code == "item_not_found"
    with pytest.raises(openai.NotFoundError):
        other.responses.retrieve(first.id)


def test_conversation_objects_are_refused_with_what_to_do(openai_client, upstream):
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client.responses.create(model="gpt-4o", input="hi", conversation="conv_123")
    assert caught.value.code == "conversation_unsupported" and "previous_response_id" in caught.value.message
    assert mock_requests(upstream) == []


def test_two_gateways_share_conversations_through_redis(redis_server, upstream, tmp_path):
    from serving import KEY, base_config, start_gateway

    config = base_config(upstream.url, state={"redis_url": redis_server.url})
    first_gateway, second_gateway = start_gateway(config, tmp_path), start_gateway(config, tmp_path)
    try:
        one = openai.OpenAI(base_url=first_gateway.url + "/v1", api_key=KEY, max_retries=0)
        two = openai.OpenAI(base_url=second_gateway.url + "/v1", api_key=KEY, max_retries=0)
        first = one.responses.create(model=MODEL, input=f"Draft a note to {EMAIL} on churn")
        clear_mock(upstream)
        second = two.responses.create(model=MODEL, previous_response_id=first.id, input="Shorter, please")
        history = repr(_sent(upstream)["input"])
        assert "Draft a note to" in history and EMAIL not in history and second.output_text == "Shorter, please"
        assert two.responses.retrieve(first.id).id == first.id
        import redis

        raw = redis.Redis.from_url(redis_server.url)
        stored = [raw.get(k) for k in raw.scan_iter("mg:{acme}:response:*")]
        assert stored and all(b"churn" not in value for value in stored)   # encrypted at rest
        raw.close()
    finally:
        first_gateway.stop()
        second_gateway.stop()


def test_a_streamed_turn_is_stored_once(redis_server, upstream, tmp_path):
    """A streamed Responses answer is written to the shared store once: its response and each output item one SET."""
    import threading

    import redis
    from serving import KEY, base_config, start_gateway

    gateway = start_gateway(base_config(upstream.url, state={"redis_url": redis_server.url}), tmp_path)
    watcher = redis.Redis.from_url(redis_server.url)
    written: list[str] = []
    try:
        with watcher.monitor() as monitor:
            def watch() -> None:
                for command in monitor.listen():
                    text = str(command.get("command", ""))
                    if text.startswith("SET ") and ":response:" in text.split()[1]:
                        written.append(text.split()[1])
                    if "mg-test-done" in text:
                        return
            thread = threading.Thread(target=watch, daemon=True)
            thread.start()
            client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)
            with client.responses.stream(model=MODEL, input=f"Draft a note to {EMAIL} on churn") as stream:
                kinds = [event.type for event in stream]
                first = stream.get_final_response()
            assert kinds[-1] == "response.completed" and EMAIL in first.output_text
            second = client.responses.create(model=MODEL, previous_response_id=first.id, input="Shorter, please")
            assert second.previous_response_id
            redis.Redis.from_url(redis_server.url).get("mg-test-done")
            thread.join(timeout=10)
        assert len(written) == 2 and len(set(written)) == 2   # the streamed turn's once, the second turn's once
    finally:
        watcher.close()
        gateway.stop()
