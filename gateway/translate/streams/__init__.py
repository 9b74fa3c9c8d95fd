"""Event-by-event stream translators, one per direction of a pair of formats."""

from gateway.translate.streams.anthropic_to_chat import AnthropicToChatStream
from gateway.translate.streams.anthropic_to_responses import AnthropicToResponsesStream
from gateway.translate.streams.chat_to_anthropic import ChatToAnthropicStream

__all__ = ["AnthropicToChatStream", "AnthropicToResponsesStream", "ChatToAnthropicStream"]
