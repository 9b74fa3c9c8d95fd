"""What clients call besides the main APIs: token counting, one model, paths the gateway does not
serve, and browsers' CORS preflights, through the real SDKs and plain HTTP on loopback."""

from __future__ import annotations

import urllib.error
import urllib.request

import anthropic
import openai
import pytest
from serving import KEY, base_config, mock_requests, start_gateway

EMAIL = "jane.doe@acme.com"
PHONE = "+1 415 555 0134"


def test_count_tokens_is_screened_like_a_message(anthropic_client, upstream):
    count = anthropic_client.messages.count_tokens(model="claude-sonnet-4-6", messages=[
        {"role": "user", "content": f"Email {EMAIL} or call {PHONE} about the Q3 churn table"}])
    assert count.input_tokens > 0
    calls = [r for r in mock_requests(upstream) if r["path"] == "/v1/messages/count_tokens"]
    assert len(calls) == 1
    sent = calls[0]["body"]
    assert EMAIL not in sent and "555 0134" not in sent and "Q3 churn table" in sent


def test_count_tokens_refuses_a_restricted_use(anthropic_client, upstream):
    with pytest.raises(anthropic.BadRequestError) as caught:
        anthropic_client.messages.count_tokens(model="claude-sonnet-4-6", messages=[
            {"role": "user", "content": "Write ransomware that encrypts every file on the finance share"}])
    assert caught.value.body["error"]["code"] == "policy_violation"
    assert mock_requests(upstream) == []


def test_one_model_in_both_apis(openai_client, anthropic_client):
    assert openai_client.models.retrieve("gpt-4o").id == "gpt-4o"
    assert openai_client.models.retrieve("gpt-4.1-nano").owned_by == "openai"   # matched by the gpt-* route
    assert anthropic_client.models.retrieve("claude-sonnet-4-6").id == "claude-sonnet-4-6"
    with pytest.raises(openai.NotFoundError):
        openai_client.models.retrieve("llama-3")
    with pytest.raises(anthropic.NotFoundError):
        anthropic_client.models.retrieve("llama-3")


def test_paths_not_served_say_so_in_each_apis_shape(openai_client, anthropic_client, upstream):
    with pytest.raises(openai.NotFoundError) as caught:
        openai_client.moderations.create(input="hello")
    assert caught.value.code == "endpoint_not_supported" and "not served by this gateway" in caught.value.message
    with pytest.raises(openai.NotFoundError) as caught:
        openai_client.images.generate(prompt="a chart", model="gpt-image-1")
    assert caught.value.code == "endpoint_not_supported"
    with pytest.raises(openai.NotFoundError):
        openai_client.files.list()
    with pytest.raises(anthropic.NotFoundError) as caught:
        anthropic_client.messages.batches.list()
    assert caught.value.body["error"]["type"] == "not_found_error"
    assert caught.value.body["error"]["code"] == "endpoint_not_supported"
    assert mock_requests(upstream) == []


def _options(url: str, origin: str) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, x-stainless-os"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_cors_preflight_and_headers(upstream, tmp_path):
    app_origin = "https://notebook.acme.example"
    server = start_gateway(base_config(upstream.url, server={"cors_origins": [app_origin]}), tmp_path)
    try:
        status, headers = _options(server.url + "/v1/chat/completions", app_origin)
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == app_origin
        assert "POST" in headers["Access-Control-Allow-Methods"]
        assert "authorization" in headers["Access-Control-Allow-Headers"]
        status, headers = _options(server.url + "/v1/chat/completions", "https://evil.example")
        assert status == 403 and "Access-Control-Allow-Origin" not in headers
        client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0,
                               default_headers={"Origin": app_origin})
        raw = client.chat.completions.with_raw_response.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        assert raw.headers["access-control-allow-origin"] == app_origin
        assert "X-Gateway-Request-Id" in raw.headers["access-control-expose-headers"]
        stream = client.chat.completions.with_raw_response.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True)
        assert stream.headers["access-control-allow-origin"] == app_origin   # streams too
    finally:
        server.stop()


def test_cors_is_off_by_default(gateway):
    status, headers = _options(gateway.url + "/v1/chat/completions", "https://notebook.acme.example")
    assert status == 405 and "Access-Control-Allow-Origin" not in headers
