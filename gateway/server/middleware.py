"""The one middleware: a request id for every request, and every error in the calling API's own shape."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import web

from gateway.errors import GatewayError, api_family, error_response
from gateway.server.state import REQUEST_ID
from gateway.state.store import StateUnavailable

log = logging.getLogger("magic_gateway")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def errors_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every error in the calling API's own shape; never a traceback."""
    # A client's request id is adopted only as a UUID: any other string could carry a value into the
    # log, the audit record and the cassette's name. The cassette never overwrites one of the same id.
    request_id = request.headers.get("X-Gateway-Request-Id") or request.headers.get("X-Request-Id") or ""
    if not _UUID.fullmatch(request_id):
        request_id = uuid.uuid4().hex
    request[REQUEST_ID] = request_id
    family = api_family(request.path)
    try:
        response = await handler(request)
    except GatewayError as error:
        answer = error_response(family, error, request_id)
        if error.status == 408:
            # sent now and the connection closed: the rest of a late body is not waited for (aiohttp
            # would otherwise read it for up to its lingering time)
            answer.force_close()
            await answer.prepare(request)
            await answer.write_eof()
            if request.protocol is not None:
                request.protocol.force_close()
        return answer
    except StateUnavailable as error:
        log.warning("%s", error, extra={"request_id": request_id})
        return error_response(family, GatewayError(503, "state_unavailable", str(error)), request_id)
    except web.HTTPRequestEntityTooLarge:
        return error_response(family, GatewayError(413, "request_too_large",
                                                   "the request body is larger than this gateway accepts"),
                              request_id)
    except web.HTTPMethodNotAllowed as error:
        return error_response(family, GatewayError(405, "method_not_allowed",
                                                   f"{request.method} is not allowed on {request.path}",
                                                   headers={"Allow": ", ".join(sorted(error.allowed_methods))}),
                              request_id)
    except web.HTTPNotFound:
        return error_response(family, GatewayError(404, "not_found", f"no {request.method} route at this path"), request_id)
    except web.HTTPException as error:
        return error_response(family, GatewayError(error.status, "http_error", error.reason), request_id)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("internal error", extra={"request_id": request_id})
        return error_response(family, GatewayError(500, "internal_error",
                                                   "the gateway failed on this request"),
                              request_id)
    response.headers.setdefault("X-Gateway-Request-Id", request_id)
    return response
