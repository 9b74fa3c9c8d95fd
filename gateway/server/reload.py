"""SIGHUP: the config, keys and policy read again and swapped in whole, without dropping a connection.

A file that does not validate is refused with its field named, and the old state stays. Requests in
flight finish on the state they started with; new ones get the new state, and with it the new policy
version in `X-Policy-Version` and the audit records. What outlives a reload (metrics, deployments'
health, relayed blobs, analysis processes when their inputs did not change) is carried over by
`build_state`. Providers are opened at start-up: a reload that changes them is refused (restart).
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from filters.configfile import ConfigFileError
from gateway.server.app import build_state
from gateway.server.checks import check_files
from gateway.server.heap import settle
from gateway.server.state import LIVE

log = logging.getLogger("magic_gateway")


async def reload_state(app: web.Application, path: str) -> bool:
    """Swap in the state of the config at `path`; False (the old state kept, the reason logged) otherwise."""
    live = app[LIVE]
    old = live.current
    loop = asyncio.get_running_loop()
    try:
        config = await loop.run_in_executor(None, check_files, path)
        if config.providers != old.config.providers:
            raise ConfigFileError(f"{path}: providers: changed providers take effect at a restart, not a reload")
        new = await loop.run_in_executor(None, lambda: build_state(config, previous=old))
    except ConfigFileError as error:
        old.metrics.reloads.labels("refused").inc()
        log.error("reload refused; the running configuration stays", extra={"fields": {"reason": str(error)}})
        return False
    if new.service is not old.service:
        try:
            await new.service.start()
        except Exception:
            new.service.close()
            old.metrics.reloads.labels("refused").inc()
            log.exception("reload refused: the new analysis engine did not start")
            return False
    live.current = new
    if new.service is not old.service:
        old.service.close()
    if old.audit is not None and old.audit is not new.audit:
        old.audit.close()
    settle()   # the old state's garbage collected, the new state frozen (gateway/server/heap.py)
    new.metrics.reloads.labels("applied").inc()
    log.info("configuration reloaded", extra={"fields": {"policy_version": new.screener.policy.digest}})
    return True
