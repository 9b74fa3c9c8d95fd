"""The console's routes under /console: login, the page, its fragments, the JSON API, static assets.

Pages without a session redirect to the login page; the API answers 401 (403 for a client gateway
key). The API also takes the admin key itself as `Authorization: Bearer`, for scripts. Every POST
made with the session cookie needs the session's CSRF token (form field `csrf` or header
`X-CSRF-Token`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from filters.segments import DataClass
from filters.use_rules.rules import UseRules
from gateway.config import FEATURES
from gateway.console import fragments, pages
from gateway.console.clauses import PolicyDocuments
from gateway.console.decisions import OUTCOMES, AuditReader, DecisionFilter
from gateway.console.policy_view import PolicyView, build_view
from gateway.console.session_store import Session
from gateway.console.sessions import LOGIN_COOKIE, SESSION_COOKIE, AdminGate
from gateway.console.spend import spend_section, spend_snapshot
from gateway.console.traffic import TrafficCounters
from gateway.console.tryit import TryItError, TryItInput, tenants_of, try_it
from gateway.errors import GatewayError
from gateway.server.auth import presented_key
from gateway.server.state import LIVE, SPEND, GatewayState

STATIC = Path(__file__).resolve().parent / "static"
_STATIC_TYPES = {"console.js": "text/javascript; charset=utf-8", "console.css": "text/css; charset=utf-8"}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?")
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
_DEV_KEY_REFUSED = ("the development admin key only works from this machine; set console.admin_key_sha256 or "
                    "console.admin_key_env to a key of your own")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Console:
    app: web.Application
    gate: AdminGate
    traffic: TrafficCounters
    reader: AuditReader
    documents: PolicyDocuments
    rule_categories: frozenset[str]
    audit_target: str
    _view: tuple[object, PolicyView] | None = None

    @property
    def state(self) -> GatewayState:
        """The state requests are served with now: a reload (SIGHUP) swaps it, and the console follows."""
        return self.app[LIVE].current

    @property
    def policy(self) -> PolicyView:
        state = self.state
        if self._view is None or self._view[0] is not state:
            screener = state.screener
            use_rules = UseRules.from_file(screener.policy.use_rules_path())
            view = build_view(screener.policy, {t: screener.policy_for(t) for t in tenants_of(state)},
                              use_rules, self.documents)
            self._view = (state, view)
        return self._view[1]


CONSOLE = web.AppKey("console", Console)
# The request's Session, or None when the admin key came as a bearer.
_ACCESS = web.RequestKey("console_access", object)


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    if request.path == "/console" or request.path.startswith("/console/"):
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)


def _console(request: web.Request) -> Console:
    return request.app[CONSOLE]


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


def _api_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


def _see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _access(request: web.Request) -> tuple[bool, Session | None, str | None]:
    """(allowed, session, why not). A bearer admin key is allowed without a session."""
    console = _console(request)
    key = presented_key(request.headers)
    if key is not None:
        if console.gate.is_admin_key(key):
            if not console.gate.accepts_from(request.remote):
                return False, None, "development_key"
            return True, None, None
        return False, None, "client_key" if console.gate.is_client_key(key) else "invalid_key"
    session = console.gate.session(request.cookies.get(SESSION_COOKIE))
    return (session is not None), session, None if session else "no_session"


def guarded(kind: str) -> Callable[[Handler], Handler]:
    """Wrap a handler: `page` redirects to the login page, `api` answers 401/403; POSTs check CSRF."""

    def wrap(handler: Handler) -> Handler:
        async def run(request: web.Request) -> web.StreamResponse:
            allowed, session, why = _access(request)
            if not allowed:
                if kind == "page" and why == "no_session":
                    target = request.path_qs if request.method == "GET" else "/console"
                    return _see_other("/console/login?" + urlencode({"next": target}))
                if why == "development_key":
                    return _api_error(403, "development_key_refused", _DEV_KEY_REFUSED)
                if why == "client_key":
                    return _api_error(403, "client_key_refused", "a client gateway key cannot use the console; "
                                      "it takes the admin key")
                return _api_error(401, "console_login_required",
                                  "log in at /console/login or send the admin key as 'Authorization: Bearer'")
            if request.method == "POST" and session is not None:
                token = request.headers.get("X-CSRF-Token")
                if token is None and request.content_type in ("application/x-www-form-urlencoded",
                                                              "multipart/form-data"):
                    token = str((await request.post()).get("csrf") or "")
                if not AdminGate.csrf_valid(session, token):
                    return _api_error(403, "csrf_token_invalid", "the form's CSRF token is missing or stale; "
                                      "reload the page")
            request[_ACCESS] = session
            return await handler(request)

        return run

    return wrap


def _csrf(request: web.Request) -> str:
    session = request.get(_ACCESS)
    return session.csrf if isinstance(session, Session) else ""


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/console") and "//" not in value and "\\" not in value:
        return value
    return "/console"


# -- login -------------------------------------------------------------------------------------------------
async def login_form(request: web.Request) -> web.StreamResponse:
    console = _console(request)
    if console.gate.session(request.cookies.get(SESSION_COOKIE)) is not None:
        return _see_other(_safe_next(request.query.get("next")))
    return _login_page(request, request.query.get("next"), None, 200)


def _login_page(request: web.Request, next_url: str | None, error: str | None, status: int) -> web.Response:
    gate = _console(request).gate
    nonce = gate.new_login_nonce()
    response = _html(pages.login_page(gate.login_token(nonce), _safe_next(next_url), error), status)
    response.set_cookie(LOGIN_COOKIE, nonce, path="/console/login", httponly=True, samesite="Strict",
                        secure=request.secure, max_age=3600)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    gate = _console(request).gate
    form = await request.post()
    next_url = str(form.get("next") or "")
    remote = request.remote or "?"
    if gate.throttled(remote):
        return _login_page(request, next_url, "Too many failed attempts: wait a minute.", 429)
    if not gate.login_token_valid(request.cookies.get(LOGIN_COOKIE), str(form.get("csrf") or "")):
        return _login_page(request, next_url, "The form expired: enter the key again.", 400)
    key = str(form.get("key") or "")
    if gate.is_admin_key(key) and not gate.accepts_from(request.remote):
        return _login_page(request, next_url, _DEV_KEY_REFUSED, 403)
    if not gate.is_admin_key(key):
        gate.note_failure(remote)
        message = ("This is a client gateway key: the console takes the admin key."
                   if gate.is_client_key(key) else "That is not the admin key.")
        return _login_page(request, next_url, message, 401)
    session = gate.open_session()
    response = _see_other(_safe_next(next_url))
    response.set_cookie(SESSION_COOKIE, session.id, path="/console", httponly=True, samesite="Strict",
                        secure=request.secure, max_age=int(gate.ttl_s))
    response.del_cookie(LOGIN_COOKIE, path="/console/login")
    return response


@guarded("page")
async def logout(request: web.Request) -> web.StreamResponse:
    _console(request).gate.close_session(request.cookies.get(SESSION_COOKIE))
    response = _see_other("/console/login")
    response.del_cookie(SESSION_COOKIE, path="/console")
    return response


# -- the page ----------------------------------------------------------------------------------------------
def _filter(query: Any) -> tuple[DecisionFilter, int]:
    def text(name: str) -> str | None:
        value = str(query.get(name) or "").strip()
        return value[:200] or None

    def moment(name: str) -> str | None:
        value = text(name)
        return value if value and _ISO.fullmatch(value) else None

    outcome = text("outcome")
    try:
        page = max(0, min(int(query.get("page") or 0), 10_000))
    except ValueError:
        page = 0
    return DecisionFilter(tenant=text("tenant"), outcome=outcome if outcome in OUTCOMES else None,
                          clause=text("clause"), since=moment("since"), until=moment("until")), page


def _decisions_html(console: Console, query: Any) -> str:
    where, page = _filter(query)
    listing = console.reader.page(where, page)
    return fragments.decisions_table(listing, where, console.rule_categories, console.audit_target)


async def _main_page(request: web.Request, try_html: str = "", chosen: dict[str, str] | None = None) -> str:
    console = _console(request)
    csrf = _csrf(request)
    where, _ = _filter(request.query)
    choices = console.reader.choices()
    choices["tenants"] = sorted(set(choices["tenants"]) | set(tenants_of(console.state)))
    decisions = ('<section id="decisions" aria-labelledby="decisions-h"><h2 id="decisions-h">Decisions</h2>'
                 + fragments.filter_form(where, choices, csrf) + _decisions_html(console, request.query)
                 + '<div id="decision-detail" aria-live="polite" tabindex="-1"></div></section>')
    body = (pages.policy_section(console.policy) + decisions + pages.traffic_section()
            + spend_section(await spend_snapshot(request.app[SPEND], console.state))
            + pages.try_section(tenants_of(console.state), [c.value for c in DataClass], list(FEATURES), csrf,
                                try_html, chosen))
    return pages.layout("Console", body, csrf, console.policy.version)


@guarded("page")
async def index(request: web.Request) -> web.StreamResponse:
    return _html(await _main_page(request))


@guarded("page")
async def filter_decisions(request: web.Request) -> web.StreamResponse:
    where, _ = _filter(await request.post())
    query = urlencode({k: v for k, v in vars(where).items() if v})
    return _see_other("/console" + (f"?{query}" if query else "") + "#decisions")


@guarded("page")
async def decision_page(request: web.Request) -> web.StreamResponse:
    console = _console(request)
    record = console.reader.find(request.match_info["request_id"])
    if record is None:
        body = '<section><h2>Decision</h2><p class="note">No audit record with this id.</p></section>'
        return _html(pages.layout("Decision", body, _csrf(request), console.policy.version), 404)
    body = ('<section id="decision"><p><a href="/console#decisions">Back to the decisions</a></p>'
            + fragments.decision_detail(record, console.rule_categories) + "</section>")
    return _html(pages.layout("Decision", body, _csrf(request), console.policy.version))


@guarded("page")
async def decisions_fragment(request: web.Request) -> web.StreamResponse:
    return _html(_decisions_html(_console(request), request.query))


@guarded("page")
async def decision_fragment(request: web.Request) -> web.StreamResponse:
    console = _console(request)
    record = console.reader.find(request.match_info["request_id"])
    if record is None:
        return _html(fragments.error_fragment("No audit record with this id."), 404)
    return _html(fragments.decision_detail(record, console.rule_categories))


async def _run_try(request: web.Request, form: Any) -> tuple[int, dict[str, Any] | None, str | None]:
    console = _console(request)
    try:
        item = TryItInput.parse(form, tenants_of(console.state))
        return 200, await try_it(console.state, item), None
    except TryItError as error:
        return 400, None, str(error)
    except GatewayError as error:   # analysis unavailable or timed out: nothing to show, fail closed
        return error.status, None, error.message


@guarded("page")
async def try_form(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    status, answer, error = await _run_try(request, form)
    fragment = fragments.try_result(answer) if answer else fragments.error_fragment(error or "failed")
    if request.headers.get("X-Console-Fragment"):
        return _html(fragment, status)
    chosen = {k: str(form.get(k) or "") for k in ("tenant", "data_class", "feature")}
    return _html(await _main_page(request, fragment, chosen), status)


# -- the JSON API ------------------------------------------------------------------------------------------
@guarded("api")
async def api_policy(request: web.Request) -> web.StreamResponse:
    return web.json_response(_console(request).policy.as_json())


@guarded("api")
async def api_decisions(request: web.Request) -> web.StreamResponse:
    console = _console(request)
    where, page = _filter(request.query)
    try:
        limit = int(request.query.get("limit") or 25)
    except ValueError:
        limit = 25
    listing = console.reader.page(where, page, limit)
    return web.json_response({"records": listing.records, "page": listing.page, "limit": listing.limit,
                              "has_more": listing.has_more, "scan_limit_reached": listing.scan_limit_reached})


@guarded("api")
async def api_decision(request: web.Request) -> web.StreamResponse:
    record = _console(request).reader.find(request.match_info["request_id"])
    if record is None:
        return _api_error(404, "not_found", "no audit record with this id")
    return web.json_response(record)


@guarded("api")
async def api_traffic(request: web.Request) -> web.StreamResponse:
    return web.json_response(_console(request).traffic.snapshot())


@guarded("api")
async def api_spend(request: web.Request) -> web.StreamResponse:
    return web.json_response(await spend_snapshot(request.app[SPEND], _console(request).state))


@guarded("api")
async def api_try(request: web.Request) -> web.StreamResponse:
    try:
        body = await request.json()
    except ValueError:
        return _api_error(400, "invalid_json", "the body must be a JSON object")
    if not isinstance(body, dict):
        return _api_error(400, "invalid_json", "the body must be a JSON object")
    status, answer, error = await _run_try(request, body)
    if answer is None:
        return _api_error(status, "try_failed", error or "failed")
    return web.json_response(answer)


async def static(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    if name not in _STATIC_TYPES:
        return _api_error(404, "not_found", "no such asset")
    return web.Response(body=(STATIC / name).read_bytes(), headers={"Content-Type": _STATIC_TYPES[name]})


def add_routes(app: web.Application) -> None:
    router = app.router
    router.add_get("/console", index)
    router.add_get("/console/", index)
    router.add_get("/console/login", login_form)
    router.add_post("/console/login", login)
    router.add_post("/console/logout", logout)
    router.add_post("/console/decisions", filter_decisions)
    router.add_get("/console/decisions/{request_id}", decision_page)
    router.add_get("/console/fragments/decisions", decisions_fragment)
    router.add_get("/console/fragments/decision/{request_id}", decision_fragment)
    router.add_post("/console/try", try_form)
    router.add_get("/console/api/policy", api_policy)
    router.add_get("/console/api/decisions", api_decisions)
    router.add_get("/console/api/decisions/{request_id}", api_decision)
    router.add_get("/console/api/traffic", api_traffic)
    router.add_get("/console/api/spend", api_spend)
    router.add_post("/console/api/try", api_try)
    router.add_get("/console/static/{name}", static)
