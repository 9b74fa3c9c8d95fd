"""`magic-gateway scan --jsonl`: each input line screened exactly as the server screens a user message."""

from __future__ import annotations

import json
from typing import Any, TextIO

from filters.policy.verdict import Refusal, RequestContext
from filters.segments import DataClass, Segment
from gateway.analysis.pool import AnalysisService
from gateway.analysis.screener import Screener, analyzer_spec, provider_traits
from gateway.config import FEATURES, GatewayConfig

_ROLE_FOR_FEATURE = {"embeddings": "embedding_input", "typeahead": "prompt", "assistant": "user"}


def _request(line: str, config: GatewayConfig, tenants: set[str]) -> tuple[Segment, str, RequestContext]:
    try:
        item = json.loads(line)
    except ValueError as error:
        raise ValueError(f"not valid JSON: {getattr(error, 'msg', 'malformed')}") from None
    if not isinstance(item, dict):
        raise ValueError("each line must be a JSON object")
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    unknown = set(item) - {"text", "data_class", "tenant", "provider", "feature"}
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    stated = DataClass.parse(item["data_class"]) if item.get("data_class") is not None else None
    tenant = item.get("tenant") or config.keys[0].tenant
    if tenant not in tenants:
        raise ValueError(f"unknown tenant {tenant!r}")
    provider_name = item.get("provider") or config.models[0].deployment_list()[0].provider
    provider = next((p for p in config.providers if p.name == provider_name), None)
    if provider is None:
        raise ValueError(f"unknown provider {provider_name!r}")
    feature = item.get("feature") or "assistant"
    if feature not in FEATURES:
        raise ValueError(f"'feature' must be one of {', '.join(FEATURES)}")
    segment = Segment(path=("text",), text=text, role=_ROLE_FOR_FEATURE[feature], stated_class=stated)
    settings = config.tenant(tenant)
    context = RequestContext(tenant=tenant, feature=feature, provider=provider_traits(provider),
                             mode=settings.mode, features_off=frozenset(settings.features_off))
    return segment, tenant, context


def _refused(refusal: Refusal) -> dict[str, Any]:
    """A request refused before analysis (a feature switched off): nothing would be forwarded."""
    return {"action": "block", "text": None, "spans": [], "findings": [],
            "violations": [{"clause": refusal.clause, "category": refusal.category, "action": "block",
                            "reason": refusal.message}]}


def _result(screened: Any) -> dict[str, Any]:
    """The verdict as scan reports it: its outcome, and the text exactly as the server would forward it."""
    verdict = screened.verdict
    seg = verdict.segments[0]
    return {
        "action": verdict.outcome,
        "text": screened.texts[0] if verdict.forwarded else None,
        "spans": [{"start": s.start, "end": s.end, "data_class": s.data_class.value, "stated": s.stated}
                  for s in seg.spans],
        "findings": [{"entity": f.entity, "start": f.start, "end": f.end, "score": round(f.score, 3),
                      "action": f.action} for f in seg.findings],
        "violations": [{"clause": v.clause, "category": v.category, "action": v.action, "reason": v.reason,
                        "stage": v.stage}
                       for v in verdict.violations],
    }


async def run_scan(config: GatewayConfig, source: TextIO, sink: TextIO) -> int:
    from filters.policy.model import load_policy

    policy = load_policy(config.policy_path())
    service = AnalysisService(analyzer_spec(config, policy), workers=0,
                              cache_entries=config.analysis.cache_entries, timeout_s=max(config.timeouts.analysis_s, 60),
                              cache_bytes=int(config.analysis.cache_mb * (1 << 20)))
    screener = Screener(config, service, policy)
    tenants = {k.tenant for k in config.keys} | set(config.tenants)
    await service.start()
    try:
        for line in source:
            try:
                if not line.strip():
                    raise ValueError("empty line: a JSON object is expected")
                segment, tenant, context = _request(line, config, tenants)
                refusal = screener.admit(context)
                if refusal is not None:
                    out = _refused(refusal)
                else:
                    out = _result(await screener.screen(tenant, [segment], [], context))
            except ValueError as error:
                out = {"error": str(error)}
            except Exception as error:  # one bad line never stops the rest
                out = {"error": f"analysis failed: {type(error).__name__}"}
            sink.write(json.dumps(out, ensure_ascii=False) + "\n")
            sink.flush()
    finally:
        service.close()
    return 0
