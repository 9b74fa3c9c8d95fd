"""The operator's console at /console: the policy by clause, the latest decisions, live traffic, try it.

`setup_console(app, state)` is the one call build_app makes when `console.enabled` is set. The console
reads what the gateway already has (the loaded policy, the audit files, each request's record) and
adds no raw value anywhere: it shows what the audit trail shows.
"""

from __future__ import annotations

import os
from typing import Any

from aiohttp import web

__all__ = ["SESSIONS_ENV", "setup_console"]
# Set by `serve --workers N`: the directory where its processes share console sessions.
SESSIONS_ENV = "MAGIC_GATEWAY_CONSOLE_SESSIONS"


def setup_console(app: web.Application, state: Any) -> None:
    """Mount the console on `app` and start counting `state`'s finished requests for its charts."""
    from pathlib import Path

    from filters.use_rules.rules import UseRules
    from gateway.console import routes
    from gateway.console.clauses import PolicyDocuments
    from gateway.console.decisions import AuditReader
    from gateway.console.session_store import DirectorySessions, MemorySessions
    from gateway.console.sessions import AdminGate
    from gateway.console.traffic import TrafficCounters

    config = state.config
    use_rules = UseRules.from_file(state.screener.policy.use_rules_path())
    documents = config.console.policy_documents
    clauses = PolicyDocuments.load(config.resolve(documents.aup) if documents.aup else None,
                                   config.resolve(documents.faq) if documents.faq else None)
    target: Path | None = None
    where = "the config names no audit.path"
    if config.audit.path == "-":
        where = "the audit trail goes to standard output"
    elif config.audit.path:
        # The trail's own path (resolved against the config's folder); a directory holds one file per
        # process, and the console reads them all.
        own = state.audit.path if state.audit is not None else None
        target = config.resolve(config.audit.path)
        if own is not None and not (config.audit.path.endswith("/") or target.is_dir()):
            target = own
        where = f"audit trail at {target}"
    shared = config.console.sessions_dir or os.environ.get(SESSIONS_ENV)
    store = DirectorySessions(config.resolve(shared)) if shared else MemorySessions()
    traffic = TrafficCounters()
    state.finish_hooks.append(traffic.record)   # the spend: gateway.limits.spend
    app[routes.CONSOLE] = routes.Console(app=app, gate=AdminGate(config, store), traffic=traffic,
                                         reader=AuditReader(target), documents=clauses,
                                         rule_categories=frozenset(spec.category for spec in use_rules.rules),
                                         audit_target=where)
    app.on_response_prepare.append(routes.add_security_headers)
    routes.add_routes(app)
