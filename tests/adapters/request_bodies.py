"""Request bodies as the SDKs send them (shapes from the openai and anthropic SDK param types),
each with the segments an adapter must find: (path, text, role)."""

from __future__ import annotations

import copy
import json

IMAGE_DATA = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
RUN_SQL_ARGS = json.dumps({"query": "SELECT name, email FROM customers WHERE churned_at >= '2024-05-01'"})
BROKEN_ARGS = '{"owner": "Jane Doe", "limit": 1'   # a model's arguments that are not valid JSON

RUN_SQL_PARAMETERS = {
    "type": "object",
    "properties": {
        "query": {"type": "string", "description": "The SQL to run, read-only."},
        "limit": {"type": "integer", "description": "Row cap."},
        "filters": {"type": "array", "items": {"type": "object", "properties": {
            "column": {"type": "string", "description": "Column to filter on."},
            "description": {"type": "string", "description": "Why this filter."},
        }}},
    },
    "required": ["query"],
    "additionalProperties": False,
}

CHAT = {
    "model": "gpt-4o",
    "temperature": 0.2,
    "stream": True,
    "stream_options": {"include_usage": True},
    "messages": [
        {"role": "system", "content": "You are Magic, the data assistant of the Acme workspace."},
        {"role": "developer", "content": [{"type": "text", "text": "Prefer SQL answers."}]},
        {"role": "user", "name": "jane_doe", "content": [
            {"type": "text", "text": "Which customers churned last month? Ask jane.doe@acme.example."},
            {"type": "image_url", "image_url": {"url": IMAGE_DATA, "detail": "low"}},
            {"type": "file", "file": {"filename": "churn_q2.csv", "file_data": "data:text/csv;base64,aWQsbmFtZQ=="}},
            {"type": "input_audio", "input_audio": {"data": "UklGRiQAAABXQVZF", "format": "wav"}},
        ]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_Q1", "type": "function", "function": {"name": "run_sql", "arguments": RUN_SQL_ARGS}},
            {"id": "call_Q2", "type": "function", "function": {"name": "lookup_owner", "arguments": BROKEN_ARGS}},
        ]},
        {"role": "tool", "tool_call_id": "call_Q1", "content": "name,email\nBob Smith,bob@example.com"},
        {"role": "tool", "tool_call_id": "call_Q2", "content": [{"type": "text", "text": "owner: Jane Doe"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "Bob Smith churned."},
                                          {"type": "refusal", "refusal": "I cannot share emails."}]},
        {"role": "assistant", "content": None,
         "function_call": {"name": "run_sql", "arguments": '{"query": "SELECT 1"}'}},
        {"role": "function", "name": "run_sql", "content": "1"},
        {"role": "user", "content": "Now chart it for the board.", "future_field": {"kept": True}},
    ],
    "tools": [{"type": "function", "function": {
        "name": "run_sql", "description": "Run a read-only SQL query on the warehouse.",
        "parameters": RUN_SQL_PARAMETERS, "strict": False}}],
    "response_format": {"type": "json_schema", "json_schema": {
        "name": "chart", "description": "A chart specification.",
        "schema": {"type": "object", "properties": {"title": {"type": "string", "description": "Chart title."}}},
        "strict": True}},
    "user": "jane.doe@acme.example",
    "safety_identifier": "hash-7f3a9c",
    "metadata": {"workspace": "acme-analytics", "notebook": "Churn review"},
}

CHAT_SEGMENTS = [
    (("messages", 0, "content"), "You are Magic, the data assistant of the Acme workspace.", "system"),
    (("messages", 1, "content", 0, "text"), "Prefer SQL answers.", "system"),
    (("messages", 2, "content", 0, "text"), "Which customers churned last month? Ask jane.doe@acme.example.", "user"),
    (("messages", 2, "content", 2, "file", "filename"), "churn_q2.csv", "user"),
    (("messages", 2, "name"), "jane_doe", "identity"),
    (("messages", 3, "tool_calls", 0, "function", "arguments"), RUN_SQL_ARGS, "tool_call"),
    (("messages", 3, "tool_calls", 1, "function", "arguments"), BROKEN_ARGS, "tool_call"),
    (("messages", 4, "content"), "name,email\nBob Smith,bob@example.com", "tool"),
    (("messages", 5, "content", 0, "text"), "owner: Jane Doe", "tool"),
    (("messages", 6, "content", 0, "text"), "Bob Smith churned.", "assistant"),
    (("messages", 6, "content", 1, "refusal"), "I cannot share emails.", "assistant"),
    (("messages", 7, "function_call", "arguments"), '{"query": "SELECT 1"}', "tool_call"),
    (("messages", 8, "content"), "1", "tool"),
    (("messages", 9, "content"), "Now chart it for the board.", "user"),
    (("tools", 0, "function", "description"), "Run a read-only SQL query on the warehouse.", "tool_definition"),
    (("tools", 0, "function", "parameters", "properties", "query", "description"), "The SQL to run, read-only.",
     "tool_definition"),
    (("tools", 0, "function", "parameters", "properties", "limit", "description"), "Row cap.", "tool_definition"),
    (("tools", 0, "function", "parameters", "properties", "filters", "items", "properties", "column", "description"),
     "Column to filter on.", "tool_definition"),
    (("tools", 0, "function", "parameters", "properties", "filters", "items", "properties", "description",
      "description"), "Why this filter.", "tool_definition"),
    (("response_format", "json_schema", "description"), "A chart specification.", "tool_definition"),
    (("response_format", "json_schema", "schema", "properties", "title", "description"), "Chart title.",
     "tool_definition"),
    (("user",), "jane.doe@acme.example", "identity"),
    (("safety_identifier",), "hash-7f3a9c", "identity"),
    (("metadata", "workspace"), "acme-analytics", "identity"),
    (("metadata", "notebook"), "Churn review", "identity"),
]

ANTHROPIC = {
    "model": "claude-sonnet-4-6",
    "max_tokens": 1024,
    "stream": True,
    "system": [{"type": "text", "text": "You are Magic, the data assistant of the Acme workspace.",
                "cache_control": {"type": "ephemeral"}}],
    "messages": [
        {"role": "user", "content": "Summarise the attached board pack for Jane Doe."},
        {"role": "user", "content": [
            {"type": "text", "text": "Here it is."},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
            {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQ="},
             "title": "Q2 board pack"},
            {"type": "document", "source": {"type": "text", "media_type": "text/plain",
                                            "data": "Revenue grew 12% under Jane Doe."},
             "title": "Notes", "context": "Written by finance", "citations": {"enabled": True}},
            {"type": "document", "source": {"type": "content", "content": [
                {"type": "text", "text": "Chunk one."},
                {"type": "image", "source": {"type": "url", "url": "https://files.acme.example/chart.png"}}]}},
            {"type": "search_result", "source": "https://wiki.acme.example/churn", "title": "Churn wiki",
             "content": [{"type": "text", "text": "Churn is counted monthly."}]},
        ]},
        {"role": "assistant", "content": [
            {"type": "thinking", "thinking": "They want revenue by owner.", "signature": "EqQBCgIYAhIM1gbcDa9GJwZA"},
            {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"},
            {"type": "text", "text": "I will query the warehouse."},
            {"type": "tool_use", "id": "toolu_01A", "name": "run_sql", "input": {
                "query": "SELECT owner, SUM(amount) FROM deals GROUP BY 1",
                "options": {"labels": ["Jane Doe", "Bob"], "limit": 10, "dry_run": False}}},
            {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search",
             "input": {"query": "saas churn benchmarks"}},
            {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_01", "content": [
                {"type": "web_search_result", "url": "https://example.com/churn", "title": "Churn benchmarks 2024",
                 "encrypted_content": "EqgfCioIARgBIiQ3YTM3", "page_age": "April 30, 2024"}]},
        ]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_01A", "content": "owner,total\nJane Doe,1200"},
            {"type": "tool_result", "tool_use_id": "toolu_01B", "is_error": False, "content": [
                {"type": "text", "text": "second result"},
                {"type": "image", "source": {"type": "file", "file_id": "file_011"}}]},
            {"type": "text", "text": "Thanks!", "cache_control": {"type": "ephemeral"}},
        ]},
    ],
    "tools": [
        {"name": "run_sql", "description": "Run SQL on the warehouse.",
         "input_schema": {"type": "object", "properties": {
             "query": {"type": "string", "description": "The query."}}, "required": ["query"]},
         "input_examples": [{"query": "SELECT count(*) FROM deals"}]},
        {"type": "web_search_20250305", "name": "web_search", "max_uses": 3},
    ],
    "metadata": {"user_id": "jane.doe@acme.example"},
}

ANTHROPIC_SEGMENTS = [
    (("system", 0, "text"), "You are Magic, the data assistant of the Acme workspace.", "system"),
    (("messages", 0, "content"), "Summarise the attached board pack for Jane Doe.", "user"),
    (("messages", 1, "content", 0, "text"), "Here it is.", "user"),
    (("messages", 1, "content", 2, "title"), "Q2 board pack", "user"),
    (("messages", 1, "content", 3, "source", "data"), "Revenue grew 12% under Jane Doe.", "user"),
    (("messages", 1, "content", 3, "title"), "Notes", "user"),
    (("messages", 1, "content", 3, "context"), "Written by finance", "user"),
    (("messages", 1, "content", 4, "source", "content", 0, "text"), "Chunk one.", "user"),
    (("messages", 1, "content", 5, "content", 0, "text"), "Churn is counted monthly.", "user"),
    (("messages", 1, "content", 5, "title"), "Churn wiki", "user"),
    (("messages", 2, "content", 0, "thinking"), "They want revenue by owner.", "assistant"),
    (("messages", 2, "content", 2, "text"), "I will query the warehouse.", "assistant"),
    (("messages", 2, "content", 3, "input", "query"), "SELECT owner, SUM(amount) FROM deals GROUP BY 1", "tool_call"),
    (("messages", 2, "content", 3, "input", "options", "labels", 0), "Jane Doe", "tool_call"),
    (("messages", 2, "content", 3, "input", "options", "labels", 1), "Bob", "tool_call"),
    (("messages", 2, "content", 4, "input", "query"), "saas churn benchmarks", "tool_call"),
    (("messages", 2, "content", 5, "content", 0, "title"), "Churn benchmarks 2024", "tool"),
    (("messages", 2, "content", 5, "content", 0, "page_age"), "April 30, 2024", "tool"),
    (("messages", 3, "content", 0, "content"), "owner,total\nJane Doe,1200", "tool"),
    (("messages", 3, "content", 1, "content", 0, "text"), "second result", "tool"),
    (("messages", 3, "content", 2, "text"), "Thanks!", "user"),
    (("tools", 0, "description"), "Run SQL on the warehouse.", "tool_definition"),
    (("tools", 0, "input_schema", "properties", "query", "description"), "The query.", "tool_definition"),
    (("tools", 0, "input_examples", 0, "query"), "SELECT count(*) FROM deals", "tool_definition"),
    (("metadata", "user_id"), "jane.doe@acme.example", "identity"),
]

ANTHROPIC_ATTACHMENTS = [
    (("messages", 1, "content", 1), "image"),
    (("messages", 1, "content", 2), "document"),
    (("messages", 1, "content", 4, "source", "content", 1), "image"),
    (("messages", 3, "content", 1, "content", 1), "image"),
]

SQL_CALL = json.dumps({"query": "SELECT * FROM revenue WHERE owner = 'Jane Doe'"})

RESPONSES = {
    "model": "gpt-4.1",
    "instructions": "You are Magic, the data assistant of the Acme workspace.",
    "input": [
        {"role": "user", "content": "Plot revenue for Jane Doe's accounts."},
        {"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "Use this file."},
            {"type": "input_file", "filename": "revenue.xlsx", "file_id": "file-6F2ksmvXxt4VdoqmHRw6kL"},
            {"type": "input_image", "image_url": IMAGE_DATA, "detail": "auto"}]},
        {"type": "reasoning", "id": "rs_68af", "summary": [{"type": "summary_text", "text": "Need revenue by account."}],
         "encrypted_content": "gAAAAABoz4K2"},
        {"type": "function_call", "id": "fc_68af", "call_id": "call_A", "name": "run_sql", "arguments": SQL_CALL},
        {"type": "function_call_output", "call_id": "call_A", "output": "account,revenue\nAcme,1200"},
        {"type": "message", "id": "msg_68af", "role": "assistant", "status": "completed",
         "content": [{"type": "output_text", "text": "Acme brought 1200.", "annotations": []}]},
        {"type": "function_call_output", "call_id": "call_B", "output": [
            {"type": "input_text", "text": "chart rendered"}, {"type": "input_image", "image_url": IMAGE_DATA}]},
        {"type": "custom_tool_call", "call_id": "call_C", "name": "python", "input": "print(df.head())"},
        {"type": "shell_call", "call_id": "call_D", "status": "completed",
         "action": {"commands": ["ls -la /home/jane"], "timeout_ms": 1000}},
        {"type": "shell_call_output", "call_id": "call_D", "output": [
            {"stdout": "report.csv", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
        {"type": "item_reference", "id": "msg_001"},
    ],
    "tools": [{"type": "function", "name": "run_sql", "description": "Run SQL.", "parameters": {
        "type": "object", "properties": {"query": {"type": "string", "description": "The query."}}}},
              {"type": "web_search"}],
    "text": {"format": {"type": "json_schema", "name": "chart", "description": "A chart spec.",
                        "schema": {"type": "object", "properties": {}}}},
    "prompt": {"id": "pmpt_abc", "variables": {"customer": "Jane Doe",
                                               "notes": {"type": "input_text", "text": "Board meeting"}}},
    "user": "jane.doe@acme.example",
    "metadata": {"notebook": "Revenue"},
    "store": False,
}

RESPONSES_SEGMENTS = [
    (("instructions",), "You are Magic, the data assistant of the Acme workspace.", "system"),
    (("input", 0, "content"), "Plot revenue for Jane Doe's accounts.", "user"),
    (("input", 1, "content", 0, "text"), "Use this file.", "user"),
    (("input", 1, "content", 1, "filename"), "revenue.xlsx", "user"),
    (("input", 2, "summary", 0, "text"), "Need revenue by account.", "assistant"),
    (("input", 3, "arguments"), SQL_CALL, "tool_call"),
    (("input", 4, "output"), "account,revenue\nAcme,1200", "tool"),
    (("input", 5, "content", 0, "text"), "Acme brought 1200.", "assistant"),
    (("input", 6, "output", 0, "text"), "chart rendered", "tool"),
    (("input", 7, "input"), "print(df.head())", "tool_call"),
    (("input", 8, "action", "commands", 0), "ls -la /home/jane", "tool_call"),
    (("input", 9, "output", 0, "stdout"), "report.csv", "tool"),
    (("tools", 0, "description"), "Run SQL.", "tool_definition"),
    (("tools", 0, "parameters", "properties", "query", "description"), "The query.", "tool_definition"),
    (("text", "format", "description"), "A chart spec.", "tool_definition"),
    (("prompt", "variables", "customer"), "Jane Doe", "user"),
    (("prompt", "variables", "notes", "text"), "Board meeting", "user"),
    (("user",), "jane.doe@acme.example", "identity"),
    (("metadata", "notebook"), "Revenue", "identity"),
]

COMPLETIONS = {
    "model": "gpt-3.5-turbo-instruct",
    "prompt": ["# churned customers for Jane Doe\nSELECT ", [1212, 318, 257], "def greet(name):\n    "],
    "suffix": "\n\nprint(greet('Jane'))",
    "max_tokens": 32,
    "temperature": 0,
    "user": "jane.doe@acme.example",
}

COMPLETIONS_SEGMENTS = [
    (("prompt", 0), "# churned customers for Jane Doe\nSELECT ", "prompt"),
    (("prompt", 2), "def greet(name):\n    ", "prompt"),
    (("suffix",), "\n\nprint(greet('Jane'))", "prompt"),
    (("user",), "jane.doe@acme.example", "identity"),
]

EMBEDDINGS = {
    "model": "text-embedding-3-small",
    "input": ["Jane Doe churned in May", "Renewal pipeline by region", "Acme renewal notes"],
    "encoding_format": "float",
    "dimensions": 512,
    "user": "jane.doe@acme.example",
}

EMBEDDINGS_SEGMENTS = [
    (("input", 0), "Jane Doe churned in May", "embedding_input"),
    (("input", 1), "Renewal pipeline by region", "embedding_input"),
    (("input", 2), "Acme renewal notes", "embedding_input"),
    (("user",), "jane.doe@acme.example", "identity"),
]

BODIES = {
    "openai.chat": (CHAT, CHAT_SEGMENTS),
    "anthropic.messages": (ANTHROPIC, ANTHROPIC_SEGMENTS),
    "openai.responses": (RESPONSES, RESPONSES_SEGMENTS),
    "openai.completions": (COMPLETIONS, COMPLETIONS_SEGMENTS),
    "openai.embeddings": (EMBEDDINGS, EMBEDDINGS_SEGMENTS),
}


def fresh(body: dict) -> dict:
    """A copy a test may change freely."""
    return copy.deepcopy(body)
