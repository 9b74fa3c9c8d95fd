"""Provider wire formats: one adapter per API route, keyed by API name."""

from __future__ import annotations

from gateway.adapters.anthropic_count_tokens import AnthropicCountTokens
from gateway.adapters.anthropic_messages import AnthropicMessages
from gateway.adapters.base import Adapter
from gateway.adapters.openai_chat import OpenAIChat
from gateway.adapters.openai_completions import OpenAICompletions
from gateway.adapters.openai_embeddings import OpenAIEmbeddings
from gateway.adapters.openai_responses import OpenAIResponses

ADAPTERS: dict[str, Adapter] = {
    adapter.api: adapter
    for adapter in (OpenAIChat(), OpenAICompletions(), OpenAIEmbeddings(), OpenAIResponses(), AnthropicMessages(),
                    AnthropicCountTokens())
}

__all__ = ["ADAPTERS", "AnthropicCountTokens", "AnthropicMessages", "OpenAIChat", "OpenAICompletions", "OpenAIEmbeddings",
           "OpenAIResponses"]
