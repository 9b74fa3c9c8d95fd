"""The optional second stage of the use check: a guard model asked about texts the local score is unsure of.

The guard is a provider of the gateway config (an OpenAI-compatible chat endpoint serving a guard
model such as Llama Guard, or a moderation endpoint), named by the policy's `use_rules.guard`. It is
I/O, so the server calls it (the chain's `guard` step), never the filters. It sees the redacted
text only, and only a zero-retention provider may serve it. Its answer's categories map to clauses
by the policy's table; answers are cached per tenant and text. When it fails or misses its deadline
the local verdict stands: the request was analysed, so that is not forwarding it unscanned.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from filters.policy.model import GuardPolicy, Policy, PolicyError
from filters.segments import RuleHit
from gateway.config import GatewayConfig, ProviderConfig
from gateway.upstream.client import provider_key
from gateway.upstream.providers import ProviderLinks

log = logging.getLogger("magic_gateway")
CACHE_ENTRIES = 20_000
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9/_-]*")


def guard_provider(config: GatewayConfig, policy: Policy, where: str) -> ProviderConfig | None:
    """The provider serving the policy's guard, or None when it is off; PolicyError if it may not serve it."""
    name = policy.use_rules.guard.provider
    if name is None:
        return None
    provider = next((p for p in config.providers if p.name == name), None)
    if provider is None:
        known = ", ".join(p.name for p in config.providers)
        raise PolicyError(f"{where}: use_rules.guard.provider: no provider named {name!r} (known: {known})")
    if not provider.zero_retention or provider.trains_on_data:
        raise PolicyError(f"{where}: use_rules.guard.provider: {name!r} is not zero-retention and zero-training; "
                          "the guard reads request text, so only such a provider may serve it")
    return provider


def read_answer(answer: str, clauses: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(code, clause, category) of a chat guard's answer: 'safe', or 'unsafe' then its categories (S1, S10...)."""
    words = _CODE.findall(answer)
    if not words or words[0].lower() != "unsafe":
        return []
    found = [(w, *clauses[w]) for w in words[1:] if w in clauses]
    return found or [("unsafe", "AUP II.n", "harmful_content")]


def read_moderation(body: dict[str, Any], clauses: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(category, clause, category) of a moderation endpoint's flagged categories."""
    results = body.get("results") or [{}]
    categories = results[0].get("categories") or {}
    return [(name, *clauses[name]) for name, flagged in sorted(categories.items()) if flagged and name in clauses]


class GuardModel:
    """Asks the guard provider about texts, within a deadline; caches each text's answer."""

    def __init__(self, settings: GuardPolicy, provider: ProviderConfig) -> None:
        self.settings = settings
        self.provider = provider
        self._cache: OrderedDict[bytes, tuple[RuleHit, ...]] = OrderedDict()
        self.asked = 0
        self.failed = 0

    async def hits(self, links: ProviderLinks, tenant: str, texts: Sequence[str]) -> list[tuple[RuleHit, ...]] | None:
        """Per text, the guard's hits (stage guard); None when it failed or missed the deadline."""
        keys = [hashlib.sha256(f"{tenant}\0{self.settings.model}\0{t}".encode("utf-8", "surrogatepass")).digest()
                for t in texts]
        missing = [i for i, key in enumerate(keys) if key not in self._cache]
        if missing:
            try:
                async with asyncio.timeout(self.settings.deadline_s):
                    answers = await asyncio.gather(*(self._ask(links, texts[i]) for i in missing))
            except Exception as error:   # the local verdict stands (module docstring)
                self.failed += 1
                log.warning("the guard model did not answer (%s); the local verdict stands", type(error).__name__)
                return None
            for i, answer in zip(missing, answers):
                self._cache[keys[i]] = answer
                if len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
        for key in keys:
            self._cache.move_to_end(key)
        return [self._cache[key] for key in keys]

    async def _ask(self, links: ProviderLinks, text: str) -> tuple[RuleHit, ...]:
        self.asked += 1
        settings = self.settings
        base = links.base_urls[self.provider.name]
        headers = {"content-type": "application/json", **self.provider.headers}
        key = provider_key(self.provider)
        if key:
            headers["authorization"] = f"Bearer {key}"
        body: dict[str, Any]
        if settings.kind == "moderation":
            url, body = base + "/moderations", {"model": settings.model, "input": text}
        else:
            url, body = base + "/chat/completions", {"model": settings.model, "max_tokens": 20, "temperature": 0,
                                                     "messages": [{"role": "user", "content": text}]}
        response = await links.client.send(self.provider, url, json.dumps(body).encode(), headers)
        try:
            if response.status != 200:
                raise RuntimeError(f"guard answered {response.status}")
            answer = await response.json(content_type=None)
        finally:
            response.release()
        if settings.kind == "moderation":
            found = read_moderation(answer, settings.clauses)
        else:
            found = read_answer(str(answer["choices"][0]["message"].get("content") or ""), settings.clauses)
        return tuple(RuleHit(f"guard.{code.lower()}", clause, category,
                             f"the guard model flagged this text ({code})", 0, len(text), stage="guard", score=1.0)
                     for code, clause, category in found)
