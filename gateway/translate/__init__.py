"""Wire-format translators: a caller's API schema to a deployment's, and its answers back.

One translator per pair of schemas, chosen by `pick` alone (as Envoy AI Gateway's translator
package does). Translators are pure: bodies and events in, bodies and events out. They never screen:
the adapters screen the caller's own body before any translation, and the response chain reads the
answer after it is translated back into the caller's format.
"""

from __future__ import annotations

from gateway.translate import anthropic_to_openai_chat, openai_chat_to_anthropic, responses_to_anthropic
from gateway.translate.base import StreamTranslator, Translator, Untranslatable, UntranslatableReply
from gateway.translate.errors import anthropic_error_to_openai, openai_error_to_anthropic
from gateway.translate.streams import AnthropicToChatStream, AnthropicToResponsesStream, ChatToAnthropicStream

# The wire format each API the gateway serves belongs to.
API_FORMAT = {
    "openai.chat": "openai", "openai.completions": "openai", "openai.embeddings": "openai",
    "openai.responses": "openai", "anthropic.messages": "anthropic", "anthropic.count_tokens": "anthropic",
}

TRANSLATORS: dict[tuple[str, str], Translator] = {
    ("openai.chat", "anthropic"): Translator(
        "openai.chat", "anthropic.messages", openai_chat_to_anthropic.request, openai_chat_to_anthropic.response,
        AnthropicToChatStream, anthropic_error_to_openai),
    ("openai.responses", "anthropic"): Translator(
        "openai.responses", "anthropic.messages", responses_to_anthropic.request, responses_to_anthropic.response,
        AnthropicToResponsesStream, anthropic_error_to_openai),
    ("anthropic.messages", "openai"): Translator(
        "anthropic.messages", "openai.chat", anthropic_to_openai_chat.request, anthropic_to_openai_chat.response,
        ChatToAnthropicStream, openai_error_to_anthropic),
}


def pick(caller_api: str, deployment_format: str) -> Translator | None:
    """The translator from the caller's API to a deployment's wire format; None when none is needed.

    Untranslatable (naming `model`) when the deployment's format has no counterpart of the caller's API
    (embeddings and legacy completions exist only in OpenAI's format).
    """
    if API_FORMAT[caller_api] == deployment_format:
        return None
    translator = TRANSLATORS.get((caller_api, deployment_format))
    if translator is None:
        raise Untranslatable("model", f"this model is served in the {deployment_format} format, which has no "
                             f"equivalent of the {caller_api} API")
    return translator


__all__ = ["API_FORMAT", "TRANSLATORS", "StreamTranslator", "Translator", "Untranslatable",
           "UntranslatableReply", "pick"]
