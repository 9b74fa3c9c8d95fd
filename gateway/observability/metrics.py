"""Prometheus metrics. Labels are bounded: routes, providers, model families (the config's route
patterns), statuses, entity types, data classes, actions, clauses and configured tenants; never user
text, keys or free-form values."""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess

MAX_LABEL_SETS = 10_000   # label sets of all metrics together: far above what a config's bounded values make
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
class Metrics:
    """All of the gateway's metrics in one registry."""

    def __init__(self) -> None:
        self._children: dict[tuple[int, tuple[str, ...]], Any] = {}
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("magic_gateway_requests", "Requests answered",
                                ["route", "provider", "model_family", "status"], registry=r)
        self.duration = Histogram("magic_gateway_request_duration_seconds",
                                  "Whole request duration, streaming included", ["route"],
                                  buckets=LATENCY_BUCKETS, registry=r)
        self.overhead = Histogram("magic_gateway_overhead_seconds",
                                  "Time the gateway itself spent on a request (not waiting for the provider)",
                                  ["route"], buckets=LATENCY_BUCKETS, registry=r)
        self.upstream_latency = Histogram("magic_gateway_upstream_latency_seconds",
                                          "Time from sending upstream to the response headers", ["provider"],
                                          buckets=LATENCY_BUCKETS, registry=r)
        self.first_token = Histogram("magic_gateway_time_to_first_token_seconds",
                                     "Time from sending upstream to the first streamed event", ["provider"],
                                     buckets=LATENCY_BUCKETS, registry=r)
        self.analysis = Histogram("magic_gateway_analysis_duration_seconds",
                                  "Analysis time of a request's segments (cache lookups included)",
                                  buckets=LATENCY_BUCKETS, registry=r)
        self.cache = Counter("magic_gateway_analysis_cache", "Segment analyses served from the cache or not",
                             ["result"], registry=r)
        self.findings = Counter("magic_gateway_findings", "Sensitive values found", ["entity", "data_class"],
                                registry=r)
        self.actions = Counter("magic_gateway_actions", "Actions taken on findings and requests", ["action"],
                               registry=r)
        self.blocks = Counter("magic_gateway_blocks", "Requests refused or held, by clause",
                              ["clause", "outcome"], registry=r)
        self.retries = Counter("magic_gateway_upstream_retries", "Upstream retries", ["provider", "reason"],
                               registry=r)
        self.upstream_errors = Counter("magic_gateway_upstream_errors", "Upstream failures", ["provider", "kind"],
                                       registry=r)
        # Labels from the config only: route patterns and provider:upstream-model pairs.
        self.deployment_cooled = Gauge("magic_gateway_deployment_cooled_down",
                                       "1 while a deployment is left out of its route after repeated failures",
                                       ["route", "deployment"], registry=r, multiprocess_mode="livemax")
        self.fallbacks = Counter("magic_gateway_upstream_fallbacks",
                                 "Requests moved from a deployment to the next one before the first byte",
                                 ["route", "deployment", "reason"], registry=r)
        self.translations = Counter("magic_gateway_translations", "Requests translated to another wire format",
                                    ["api", "target_api"], registry=r)
        self.in_flight = Gauge("magic_gateway_in_flight_requests", "Requests being served",
                               registry=r, multiprocess_mode="livesum")
        self.reloads = Counter("magic_gateway_config_reloads", "Reloads on SIGHUP, applied or refused", ["result"],
                               registry=r)
        self.tokens = Counter("magic_gateway_tokens", "Tokens reported by providers", ["tenant", "direction"],
                              registry=r)
        self.country_unknown = Counter("magic_gateway_client_country_unknown",
                                       "Requests served whose client address has no known country (embargo on)",
                                       registry=r)
        self.shared_keys = Counter("magic_gateway_shared_key_requests",
                                   "Requests on a key past its allowance of distinct clients (AUP I.B.a)",
                                   ["tenant", "key", "kind", "action"], registry=r)
        # Limits and spend (gateway.limits): keys by name or hash prefix, models by the price file's entry.
        self.spend_usd = Counter("magic_gateway_spend_usd", "Answers' usage priced by the price file, in USD",
                                 ["tenant", "key", "model"], registry=r)
        self.spend_tokens = Counter("magic_gateway_spend_tokens", "Tokens counted against limits and budgets",
                                    ["tenant", "key", "model", "direction"], registry=r)
        self.limit_refusals = Counter("magic_gateway_limit_refusals", "Requests refused by a limit or budget (429)",
                                      ["tenant", "scope", "limit"], registry=r)
        self.limit_state_unavailable = Counter(
            "magic_gateway_limit_state_unavailable",
            "Limit checks that found Redis unreachable: refused (503), counted locally, or a settlement lost",
            ["action"], registry=r)

    def child(self, metric: Any, *labels: str) -> Any:
        """`metric.labels(*labels)`, looked up once: label values are bounded (see above), and
        prometheus_client's own lookup takes a lock and checks every value on each call. Past
        MAX_LABEL_SETS (a bug letting free values through) new label sets count under "other", so
        neither this process's memory nor the scrape grows without end."""
        key = (id(metric), labels)
        found = self._children.get(key)
        if found is None:
            if len(self._children) >= MAX_LABEL_SETS:
                labels = tuple("other" for _ in labels)
                key = (id(metric), labels)
                found = self._children.get(key)
                if found is not None:
                    return found
            found = self._children[key] = metric.labels(*labels)
        return found

    def render(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry)
        return generate_latest(self.registry)
