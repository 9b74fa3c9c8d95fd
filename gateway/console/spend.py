"""The console's Spend section: today's spend per user (UTC day), counted in this process from each
finished request's record, as the traffic counters are (a finish hook on GatewayState).

Users are the keys' authorized users (bounded by the config), shown to the operator behind the admin
key as the audit trail shows them; metrics never carry them. With `serve --workers N` or several
replicas each process counts its own requests: the section says which process answered, and the audit
trail (`user`, `spend`) has every request.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gateway.console.pages import e
from gateway.observability.exchange import Exchange

MAX_ROWS = 10_000   # (tenant, user, key) a day: bounded by the config's keys, and here besides


@dataclass
class _Row:
    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    micro_usd: int = 0
    limited: int = 0   # requests refused by a limit or budget (429)


class SpendTally:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._day = ""
        self._rows: dict[tuple[str, str, str], _Row] = {}

    def _today(self) -> str:
        day = time.strftime("%Y-%m-%d", time.gmtime(self._clock()))
        if day != self._day:
            self._day, self._rows = day, {}
        return day

    def record(self, exchange: Exchange) -> None:
        """Count one finished request (the finish hook)."""
        self._today()
        key = (exchange.tenant or "", exchange.user or "", exchange.key_id or "")
        if not key[0]:
            return   # not authenticated: nobody's spend
        row = self._rows.get(key)
        if row is None:
            if len(self._rows) >= MAX_ROWS:
                return
            row = self._rows[key] = _Row()
        row.requests += 1
        row.input_tokens += exchange.input_tokens
        row.output_tokens += exchange.output_tokens
        row.micro_usd += exchange.spend_micro_usd
        row.limited += exchange.limit is not None

    def snapshot(self) -> dict[str, Any]:
        day = self._today()
        rows = sorted(self._rows.items(), key=lambda item: (-item[1].micro_usd, item[0]))
        return {"day": day, "process": os.getpid(), "users": [
            {"tenant": tenant, "user": user, "key": key, "requests": row.requests,
             "input_tokens": row.input_tokens, "output_tokens": row.output_tokens,
             "usd": round(row.micro_usd / 1_000_000, 6), "limited": row.limited}
            for (tenant, user, key), row in rows]}


def spend_section(tally: SpendTally) -> str:
    shown = tally.snapshot()
    head = ('<section id="spend" aria-labelledby="spend-h"><h2 id="spend-h">Spend</h2>'
            f'<p class="summary">Today ({e(shown["day"])}, UTC), per user and key, priced by the price file; '
            f'counted by this gateway process ({e(shown["process"])}). The same as JSON: '
            '<a href="/console/api/spend">/console/api/spend</a>.</p>')
    if not shown["users"]:
        return head + "<p>No request yet today.</p></section>"
    rows = "".join(
        f'<tr><td>{e(r["tenant"])}</td><td>{e(r["user"])}</td><td>{e(r["key"])}</td><td>{r["requests"]}</td>'
        f'<td>{r["input_tokens"]}</td><td>{r["output_tokens"]}</td><td>{r["usd"]:.4f}</td><td>{r["limited"]}</td></tr>'
        for r in shown["users"])
    return (head + '<table><caption>Spend per user today</caption><thead><tr><th scope="col">Tenant</th>'
            '<th scope="col">User</th><th scope="col">Key</th><th scope="col">Requests</th>'
            '<th scope="col">Input tokens</th><th scope="col">Output tokens</th><th scope="col">USD</th>'
            f'<th scope="col">Refused by a limit</th></tr></thead><tbody>{rows}</tbody></table></section>')
