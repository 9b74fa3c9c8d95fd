"""Records the cassettes in this folder: requests of every supported API, through the gateway.

Run once by hand (.venv/bin/python tests/cassettes/record.py); the tests replay what it wrote. The originals
are encrypted with the test key below: fake data, a fake key.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CASSETTE_KEY = "kJ3Jb1o0xGmCwG2V5l0yq9S2o9xkqQ0b6l3Qm6cB0cY="   # Fernet test key (fake data only)
EMAIL = "maria.lopez@northwind-health.com"


def recording_config(mock_url: str, directory: str) -> dict:
    from serving import base_config

    return base_config(mock_url, recording={"dir": directory, "all_tenants": True,
                                            "encryption_key_env": "TEST_CASSETTE_KEY"})


def exercise(url: str) -> None:
    import anthropic
    import openai
    from serving import KEY

    oa = openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)
    an = anthropic.Anthropic(base_url=url, api_key=KEY, max_retries=0)
    tools = [{"type": "function", "function": {"name": "send_mail", "parameters": {"type": "object"}}}]
    ask = [{"role": "user", "content": f"Mail {EMAIL} the Q3 churn table"}]
    oa.chat.completions.create(model="gpt-4o", messages=ask)
    list(oa.chat.completions.create(model="gpt-4o", messages=ask, stream=True,
                                    stream_options={"include_usage": True}))
    oa.chat.completions.create(model="gpt-4o", messages=ask, tools=tools)
    list(oa.chat.completions.create(model="gpt-4o", messages=ask, tools=tools, stream=True))
    oa.completions.create(model="gpt-4o", prompt="SELECT count(*) FROM orders WHERE")
    oa.embeddings.create(model="text-embedding-3-small", input="column customer_id: FK to customers, 1.2M rows")
    oa.responses.create(model="gpt-4o", input=ask[0]["content"])
    with oa.responses.stream(model="gpt-4o", input=ask[0]["content"]) as stream:
        stream.get_final_response()
    an.messages.create(model="claude-sonnet-4-6", max_tokens=64, system="Be brief.", messages=ask)
    with an.messages.stream(model="claude-sonnet-4-6", max_tokens=64, messages=ask) as stream:
        stream.get_final_message()
    with an.messages.stream(model="claude-sonnet-4-6", max_tokens=64, messages=ask,
                            tools=[{"name": "send_mail", "input_schema": {"type": "object"}}]) as stream:
        stream.get_final_message()


def main() -> None:
    from serving import start_gateway, start_mock_server

    os.environ.update({"TEST_CASSETTE_KEY": CASSETTE_KEY, "TEST_OPENAI_KEY": "sk-x", "TEST_ANTHROPIC_KEY": "sk-y"})
    work = Path(tempfile.mkdtemp())
    mock = start_mock_server({"echo": True})
    gateway = start_gateway(recording_config(mock.url, str(work / "rec")), work)
    try:
        exercise(gateway.url)
    finally:
        gateway.stop()
        mock.stop()
    for old in HERE.glob("*.json"):
        old.unlink()
    for index, path in enumerate(sorted((work / "rec").glob("*.json"))):
        shutil.copy(path, HERE / f"{index:02d}-{path.name.split('-', 1)[1]}")
    print(f"recorded {len(list(HERE.glob('*.json')))} cassettes in {HERE}")


if __name__ == "__main__":
    main()
