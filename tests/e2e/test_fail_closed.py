"""Fail closed: when analysis cannot finish in time, the request is refused, never forwarded unscanned."""

from __future__ import annotations

import openai
import pytest
from serving import KEY, base_config, mock_requests, start_gateway


def test_analysis_timeout_refuses_with_503(mock, upstream, tmp_path):
    config = base_config(mock.url, timeouts={"connect_s": 2, "total_s": 10, "read_s": 10, "analysis_s": 0.05})
    server = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
        text = " ".join(f"Customer Anna Berg{i} wrote to anna{i}@example.org about order {i}." for i in range(4000))
        with pytest.raises(openai.APIStatusError) as caught:
            client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])
        assert caught.value.status_code == 503
        assert caught.value.body["code"] == "analysis_unavailable"
        assert "anna" not in caught.value.message.lower()
        assert mock_requests(upstream) == []
    finally:
        server.stop()
