"""The console's Spend section: today's spend per user and key (UTC day), from the limits' store
(`gateway.limits.spend`): with `state.redis_url` every replica's requests, with `serve --workers N` (the
host's SQLite file) every server process's, else this process's, whichever process answers.

Users are the keys' authorized users (bounded by the config), shown to the operator behind the admin
key as the audit trail shows them; the store holds their digests and metrics never carry them.
"""

from __future__ import annotations

import os
from typing import Any

from gateway.console.pages import e
from gateway.limits.meters import user_id
from gateway.limits.spend import SpendLedger
from gateway.server.state import GatewayState
from gateway.state.store import StateUnavailable

_WHOSE = {"redis": "every replica sharing the Redis store", "sqlite": "every server process of this host",
          "memory": "this gateway process"}


async def spend_snapshot(ledger: SpendLedger, state: GatewayState) -> dict[str, Any]:
    config = state.config
    users = {user_id(k.user): k.user for k in config.keys}
    shown: dict[str, Any] = {"day": "", "store": ledger.store, "process": os.getpid(), "users": []}
    try:
        day, rows = await ledger.read(k.tenant for k in config.keys)
    except StateUnavailable as error:
        shown["error"] = str(error)
        return shown
    shown["day"] = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    rows.sort(key=lambda r: (-r.micro_usd, r.tenant, r.user_digest, r.key_id))
    shown["users"] = [
        {"tenant": r.tenant, "user": users.get(r.user_digest, f"(a user no longer in the config, {r.user_digest[:8]})"),
         "key": r.key_id, "requests": r.requests, "input_tokens": r.input_tokens, "output_tokens": r.output_tokens,
         "usd": round(r.micro_usd / 1_000_000, 6), "limited": r.limited}
        for r in rows]
    return shown


def spend_section(shown: dict[str, Any]) -> str:
    head = ('<section id="spend" aria-labelledby="spend-h"><h2 id="spend-h">Spend</h2>'
            f'<p class="summary">Today ({e(shown["day"] or "UTC")}, UTC), per user and key, priced by the price '
            f'file; counted by {e(_WHOSE.get(shown["store"], shown["store"]))} (answered by process '
            f'{e(shown["process"])}). The same as JSON: <a href="/console/api/spend">/console/api/spend</a>.</p>')
    if "error" in shown:
        return head + f'<p role="alert">{e(shown["error"])}</p></section>'
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
