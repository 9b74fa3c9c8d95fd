"""Bad input and refusals come back in the calling API's own error shape, with the right status."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import anthropic
import openai
import pytest
from serving import KEY, mock_requests


def post(url: str, body: bytes, headers: dict[str, str] | None = None, method: str = "POST") -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body if method == "POST" else None, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.mark.parametrize("body, code", [
    (b"{not json", "invalid_json"),
    (b"[1, 2]", "invalid_body"),
    (b'{"model": "gpt-4o", "model": "gpt-4o-mini", "messages": []}', "duplicate_key"),
    (b'{"model": "gpt-4o", "messages": [{"role": "user", "content": "caf\xe9"}]}', "invalid_utf8"),
    (b'{"model": "gpt-4o", "messages": "hello"}', "invalid_request"),
    (b"", "invalid_json"),
    (b'{"model": "gpt-4o", "temperature": NaN, "messages": []}', "invalid_json"),
])
def test_bad_bodies_are_400_in_openai_shape(gateway, upstream, body, code):
    status, reply = post(gateway.url + "/v1/chat/completions", body, AUTH)
    assert status == 400
    assert reply["error"]["code"] == code and reply["error"]["type"] == "invalid_request_error"
    assert mock_requests(upstream) == []


def test_bad_body_is_400_in_anthropic_shape(gateway, upstream):
    status, reply = post(gateway.url + "/v1/messages", b'{"model": "claude-sonnet-4-6", "model": "x"}',
                         {"x-api-key": KEY})
    assert status == 400
    assert reply["type"] == "error" and reply["error"]["type"] == "invalid_request_error"


def test_deeply_nested_body_is_400(gateway, upstream):
    body = b'{"model": "gpt-4o", "messages": [], "metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    status, reply = post(gateway.url + "/v1/chat/completions", body, AUTH)
    assert status == 400 and reply["error"]["code"] == "too_deep"


def test_missing_and_wrong_keys_are_401(gateway):
    with pytest.raises(openai.AuthenticationError) as caught:
        openai.OpenAI(base_url=gateway.url + "/v1", api_key="wrong", max_retries=0).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    assert caught.value.status_code == 401
    assert "wrong" not in json.dumps(caught.value.body)
    status, reply = post(gateway.url + "/v1/messages", b"{}")
    assert status == 401 and reply["error"]["type"] == "authentication_error"


def test_unknown_model_is_404(openai_client, anthropic_client):
    with pytest.raises(openai.NotFoundError):
        openai_client.chat.completions.create(model="llama-3", messages=[{"role": "user", "content": "hi"}])
    with pytest.raises(anthropic.NotFoundError) as caught:
        anthropic_client.messages.create(model="llama-3", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert caught.value.body["error"]["type"] == "not_found_error"


def test_unknown_path_is_404_and_wrong_method_405(gateway):
    status, reply = post(gateway.url + "/v1/nothing-here", b"{}", AUTH)
    assert status == 404 and "error" in reply
    status, reply = post(gateway.url + "/v1/chat/completions", b"", AUTH, method="GET")
    assert status == 405 and reply["error"]["code"] == "method_not_allowed"


def test_body_over_the_size_limit_is_413(gateway, upstream):
    body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "x" * 9_000_000}]}).encode()
    status, reply = post(gateway.url + "/v1/chat/completions", body, AUTH)
    assert status == 413 and reply["error"]["type"] == "invalid_request_error"
    assert mock_requests(upstream) == []


def test_unknown_data_class_header_is_400(openai_client):
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}],
                                              extra_headers={"X-Data-Class": "secret-sauce"})
    assert "X-Data-Class" in caught.value.message


def test_feature_the_key_lacks_is_403(gateway):
    from serving import NO_TYPEAHEAD_KEY

    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NO_TYPEAHEAD_KEY, max_retries=0)
    with pytest.raises(openai.PermissionDeniedError) as caught:
        client.completions.create(model="code-complete", prompt="def f(")
    assert caught.value.body["code"] == "feature_not_allowed"


def test_health_ready_and_metrics(gateway, openai_client):
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    with urllib.request.urlopen(gateway.url + "/healthz") as response:
        assert json.loads(response.read())["status"] == "ok"
    with urllib.request.urlopen(gateway.url + "/readyz") as response:
        assert json.loads(response.read())["analysis"] is True
    with urllib.request.urlopen(gateway.url + "/metrics") as response:
        text = response.read().decode()
    assert 'magic_gateway_requests_total{model_family="gpt-*",provider="openai",route="openai.chat",status="200"}' in text
    assert "magic_gateway_request_duration_seconds_bucket" in text
